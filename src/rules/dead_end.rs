use petgraph::Direction;

use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP006",
    name: "dead-end",
    severity: Severity::Error,
    summary: "The journey stops at a step behind the line of interaction and never returns to the customer",
    docs: r#"## What it does
Flags a frontstage, backstage or support step that the journey reaches by flows from
its start and that has no flow onward. The journey finishes only at customer actions
(the customer leaves, receives, signs); a flow that stops on the company's side is a
dead end.

This is a judgment call: work that really continues after the customer has left
(archiving a contract, restocking) is not part of the customer's journey. Draw it as
a support relation (`uses`) of the step it serves, or leave it out.

## Why it matters
A dead end is the "long silence" of seed 002 case 3 (DOMAIN.md §2): the customer's
compensation request goes to a manager and nothing comes back until the customer
chases it. Every request handed behind the line of interaction must come back to the
customer, or the customer is left waiting with no owner and no answer.

## Example
```yaml
- id: forward-to-manager
  lane: frontstage
  label: Salesperson forwards the compensation request
  next: [manager-reviews]
- id: manager-reviews
  lane: backstage
  label: Manager reviews the request
```

## Use instead
```yaml
- id: manager-reviews
  lane: backstage
  label: Manager reviews the request
  next: [salesperson-replies]
- id: salesperson-replies
  lane: frontstage
  label: Salesperson calls back with the decision and its reasons
  next: [customer-hears-decision]
- id: customer-hears-decision
  lane: customer
  label: Customer hears the decision
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let reachable = &context.journey().reachable;
    let mut findings = Vec::new();
    for node in graph.nodes() {
        if !reachable[node.index()] || graph.lane(node) == Lane::Customer {
            continue;
        }
        let onward = graph
            .edges(node, EdgeKind::Flow, Direction::Outgoing)
            .any(|(_, to, _)| to != node);
        if onward {
            continue;
        }
        let step = graph.step(node);
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "the journey stops at {} step `{}`: the customer never hears back",
                    graph.lane(node),
                    step.id.value
                ),
            )
            .annotate("no flow leaves this step")
            .step(step.id.value.clone())
            .help("add a flow (`next`) that brings the outcome back to the customer; work that continues after the customer has left belongs in a support relation (`uses`)"),
        );
    }
    findings
}
