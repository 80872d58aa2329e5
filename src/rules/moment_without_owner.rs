use super::moment_roles::{meeting, tag_clause};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP303",
    name: "moment-without-owner",
    severity: Severity::Warning,
    summary: "The company's side of a moment of truth names no actor to own it",
    docs: r#"## What it does
Flags the company's side of a moment of truth (the frontstage, backstage or support
step of a contact across the line of interaction, as docs/format.md "Moments of
truth" defines it, or such a step marked
`moment_of_truth: true`) that has no `actor`. The actor performs the step and owns it.
A step that is the company's side of several moments is reported once; a blank `actor`
counts as none.

Judgment call: a customer step marked as a moment with no contact flow (a self-service
moment) is not checked here, because the actor of a customer step is the customer, who
cannot own the company's side of the contact. To have its owner checked, draw the
company's side as a frontstage step with an actor (the app team, the kiosk operator).

The severity is a warning, like the standard and the evidence: ownership is missing
from the design, which a review should catch, but the journey itself is not broken.
When the moment is the first or last contact, or a recovery moment, the message says
so.

## Why it matters
Each moment of truth should have an owner as well as a standard and evidence
(DOMAIN.md §4; Normann 1984; Carlzon 1987; Albrecht's cycle of service, seed 001). A
contact nobody owns is one nobody answers for: in seed 002 case 3 (DOMAIN.md §2: no
owner, no response standard) a compensation request met a long silence, and the
manager's "impossible" reached the customer second-hand, with nobody to explain it.

## Example
```yaml
- id: reply-to-customer
  lane: backstage
  label: The decision on the compensation request is sent to the customer
  next: [hear-decision]
```

## Use instead
```yaml
- id: reply-to-customer
  lane: backstage
  label: The decision on the compensation request is sent to the customer
  actor: Customer-relations officer
  standard: Written reply with the reasons within 5 working days
  next: [hear-decision]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let moments = context.moments();
    let roles = context.roles();
    let mut findings = Vec::new();
    for node in roles.contacts() {
        // A self-service moment on a customer step: its actor is the customer (see the
        // docs), so there is no company actor to look for.
        if graph.lane(node) == Lane::Customer {
            continue;
        }
        let step = graph.step(node);
        if step
            .actor
            .as_ref()
            .is_some_and(|a| !a.value.trim().is_empty())
        {
            continue;
        }
        let indices = &roles.contact[node.index()];
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "nobody owns the moment of truth at `{}`{}",
                    step.id.value,
                    tag_clause(moments, indices)
                ),
            )
            .annotate(format!(
                "no `actor`; {}",
                meeting(graph, moments, indices, node, "company's")
            ))
            .step(step.id.value.clone())
            .help("name the `actor` who performs this step and answers for the contact: a role or a team, such as `Store manager` or `Customer-relations officer`"),
        );
    }
    findings
}
