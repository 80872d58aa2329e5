use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP010",
    name: "evidence-on-non-customer-step",
    severity: Severity::Warning,
    summary: "Physical evidence is listed on a step that is not a customer action",
    docs: r#"## What it does
Flags `evidence` on a frontstage, backstage or support step.

## Why it matters
Physical evidence is what the customer sees or touches at each customer step: the
lobby, the queue ticket, the statement (DOMAIN.md §1, the evidence row above the
customer lane). Moment-of-truth analysis reads the evidence from the customer side of
each contact (DOMAIN.md §4); evidence on a staff or system step is never seen there,
and usually belongs to the customer step it serves.

## Example
```yaml
- id: teller-prints-receipt
  lane: frontstage
  label: Teller prints the receipt
  evidence: [printed receipt]
```

## Use instead
```yaml
- id: customer-takes-receipt
  lane: customer
  label: Customer takes the receipt
  evidence: [printed receipt]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    graph
        .nodes()
        .filter(|&node| graph.lane(node) != Lane::Customer)
        .filter_map(|node| {
            let step = graph.step(node);
            let first = step.evidence.first()?;
            Some(
                RULE.finding(
                    first.span,
                    format!("evidence on {} step `{}`", graph.lane(node), step.id.value),
                )
                .annotate("the customer does not see this step")
                .step(step.id.value.clone())
                .help(
                    "move the evidence to the customer step where the customer sees or touches it",
                ),
            )
        })
        .collect()
}
