use super::moment_roles::{meeting, tag_clause};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) static RULE: Rule = Rule {
    code: "BP302",
    name: "moment-without-evidence",
    severity: Severity::Warning,
    summary: "The customer's side of a moment of truth lists no physical evidence",
    docs: r#"## What it does
Flags the customer's side of a moment of truth (the customer step of a contact across the
line of interaction, as docs/format.md "Moments of truth" defines it, or a customer step marked `moment_of_truth: true`) that has no
`evidence`. A customer step that takes part in several moments is reported once;
blank entries do not count as evidence. A step marked `moment_of_truth: true` in a
company lane with no flow to or from a customer step has no customer side drawn, so
there is nothing to check here.

The severity is a warning: the customer always sees something, so a missing list is a
gap in the blueprint rather than a broken service, but it is the gap that hides what
the customer judges the contact by. When the moment is the first or last contact, or a
recovery moment, the message says so.

## Why it matters
At a moment of truth the customer judges the whole company (DOMAIN.md §4; Normann
1984; Carlzon 1987), and much of what they judge by is tangible: the lobby, the staff's
clothes, the forms (seed 000), the confirmation message, the receipt. Each moment should
name the evidence the customer sees (DOMAIN.md §1 puts it in the row above the customer
lane; §4 lists it with the standard and the owner). Seed 004 counts tangible clues
among the steps that make a service visible. In the SIM-swap example drawn from seed
002 case 1, the customer leaves the call with only a spoken store address and no
ticket number, and the store has nothing to go on.

## Example
```yaml
- id: end-call
  lane: customer
  label: Customer ends the call and plans to visit a store
  next: [visit-store]
```

## Use instead
```yaml
- id: end-call
  lane: customer
  label: Customer ends the call and plans to visit a store
  evidence: [SMS with the swap ticket number, store address and opening hours]
  next: [visit-store]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let moments = context.moments();
    let roles = context.roles();
    let mut findings = Vec::new();
    for node in roles.customers() {
        let step = graph.step(node);
        if step.evidence.iter().any(|e| !e.value.trim().is_empty()) {
            continue;
        }
        let indices = &roles.customer[node.index()];
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "moment of truth at `{}` shows the customer no physical evidence{}",
                    step.id.value,
                    tag_clause(moments, indices)
                ),
            )
            .annotate(meeting(graph, moments, indices, node, "customer's"))
            .step(step.id.value.clone())
            .help("list under `evidence` what the customer sees or touches here: a screen, a form, a receipt, a message, the place or the staff's uniform"),
        );
    }
    findings
}
