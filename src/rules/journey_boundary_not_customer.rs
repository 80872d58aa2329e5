use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP008",
    name: "journey-boundary-not-customer",
    severity: Severity::Error,
    summary: "The journey does not start with a customer action, or never ends with one",
    docs: r#"## What it does
Flags a journey whose start step (the `start` step, or the first step in the file) is
not in the `customer` lane, and a journey in which no customer step ends the flow (no
customer action reachable from the start has no `next`).

## Why it matters
A service blueprint is drawn from the customer's point of view: the customer's
actions are the backbone, and the service begins and ends with something the customer
does (DOMAIN.md §1; Bitner, Ostrom & Morgan 2008). Starting with a backstage step
hides the trigger the customer experiences; ending without a customer action means
the blueprint never shows the customer getting what they came for, so the last
moment of truth (DOMAIN.md §4) is missing.

## Example
```yaml
steps:
  - id: prepare-counter
    lane: backstage
    label: Teller prepares the counter
    next: [customer-arrives]
  - id: customer-arrives
    lane: customer
    label: Customer arrives
```

## Use instead
```yaml
start: customer-arrives
steps:
  - id: prepare-counter
    lane: backstage
    label: Teller prepares the counter
  - id: customer-arrives
    lane: customer
    label: Customer arrives
    uses: [prepare-counter]
    next: [customer-leaves]
  - id: customer-leaves
    lane: customer
    label: Customer leaves with the receipt
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let mut findings = Vec::new();
    let start = graph.step(graph.start);
    let start_lane = graph.lane(graph.start);
    if start_lane != Lane::Customer {
        let span = graph
            .blueprint
            .start
            .as_ref()
            .map_or(start.id.span, |s| s.span);
        findings.push(
            RULE.finding(
                span,
                format!(
                    "the journey starts at {start_lane} step `{}`, not a customer action",
                    start.id.value
                ),
            )
            .annotate("the journey's start")
            .step(start.id.value.clone())
            .help("start with what the customer does (`start: <customer step>`, or put that step first); draw preparation as a support relation (`uses`)"),
        );
    }
    let finishes = context.journey().finish.iter().any(|&f| f);
    if !finishes {
        findings.push(
            RULE.finding(
                graph.blueprint.name.span,
                "the journey never ends with a customer action",
            )
            .annotate("in this blueprint")
            .help("end the journey with what the customer does last (leaves, receives, signs): a customer step with no `next`"),
        );
    }
    findings
}
