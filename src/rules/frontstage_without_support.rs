use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP105",
    name: "frontstage-without-support",
    severity: Severity::Warning,
    summary: "A frontstage step has no backstage or support step behind it",
    docs: r#"## What it does
Flags a frontstage step with nothing behind the line of visibility: no backstage or
support step among the steps that flow into it or that it flows to (`next`), and none
among the steps it relies on (`uses`).

Only the step's direct neighbours count: a frontstage step that hands over to another
frontstage step which then consults a system is still flagged, because the person the
customer faces has nothing to act on. A step served only by a customer step on either
side, with no `uses`, is a person talking without a record, a system or a colleague
behind them.

Why a warning: some contacts really need nothing behind them (a greeter saying
goodbye); the team can judge, and the finding should not block a merge.

## Why it matters
DOMAIN.md §2 lists "a frontstage step with nothing behind it" among the structures
worth flagging, and §1 says the backstage and support lanes exist to support the
frontstage. Seed 002 shows what contact staff with nothing behind them do: the store
clerk who can only blame the call centre (case 1), the tour guide with no authority or
budget to act on a complaint (case 2), the salesperson who can only relay "the manager
said impossible" (case 3), and branch staff who assert a card's balance without any
system to check it (case 4).

## Example
```yaml
- id: salesperson-relays-refusal
  lane: frontstage
  label: Salesperson relays the manager's "impossible"
  actor: Salesperson
  next: [left-without-answer]
```

## Use instead
```yaml
- id: salesperson-explains-decision
  lane: frontstage
  label: Salesperson explains the decision, its reasons and the alternatives
  actor: Salesperson
  uses: [case-system]
  next: [customer-hears-decision]
- id: case-system
  lane: support
  label: Case system with the manager's decision and its reasons
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let behind = |lane: Lane| matches!(lane, Lane::Backstage | Lane::Support);
    let mut findings = Vec::new();
    for node in graph.nodes() {
        if graph.lane(node) != Lane::Frontstage {
            continue;
        }
        // Flows either way and support relations out; an incoming support relation to
        // a frontstage step is misplaced (BP009) and gives it nothing to stand on.
        let supported = graph
            .graph
            .edges_directed(node, Direction::Outgoing)
            .map(|e| e.target())
            .chain(
                graph
                    .graph
                    .edges_directed(node, Direction::Incoming)
                    .filter(|e| e.weight().kind == EdgeKind::Flow)
                    .map(|e| e.source()),
            )
            .any(|other| behind(graph.lane(other)));
        if supported {
            continue;
        }
        let step = graph.step(node);
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "frontstage step `{}` has no backstage or support step behind it",
                    step.id.value
                ),
            )
            .annotate("nothing behind the line of visibility")
            .step(step.id.value.clone())
            .help("add the system, record or colleague this step relies on (`uses:` a support or backstage step), or the backstage step it hands work to or gets it from (`next`)"),
        );
    }
    findings
}
