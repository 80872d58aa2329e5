use super::moment_roles::{meeting, tag_clause};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) static RULE: Rule = Rule {
    code: "BP301",
    name: "moment-without-standard",
    severity: Severity::Warning,
    summary: "A moment of truth has no service standard on the company's side of the contact",
    docs: r#"## What it does
Flags the company's side of a moment of truth (the contact step) that has no
`standard`. A moment of truth is a flow across the line of interaction where the
customer meets the company (see docs/format.md, "Moments of truth"), or a step marked
`moment_of_truth: true`; the contact step is the frontstage, backstage or support step
of that flow (for a customer step marked as a moment with no contact flow, a
self-service moment, the step itself). A step that is the company's
side of several moments is reported once.

When the step is the first or last contact of the journey, or a recovery moment (the
first contact after a declared fail point), the message says so: DOMAIN.md §4 says
these matter most, so they are the ones to fix first.

The severity is a warning for every moment, tagged or not: a missing standard is a gap
in the design, not a broken journey, and a blueprint being drafted should not fail CI
for it. A blank `standard` counts as none.

## Why it matters
Every contact between customer and company is a moment of truth: the customer judges
the whole company by it (DOMAIN.md §4; Normann 1984; Carlzon 1987; Albrecht's cycle of
service, seed 001). Each moment needs a service standard that staff can be held to and
that can be checked: seed 004's SMART rule (specific, measurable, acceptable,
realistic, timed). Without one, the contact is left to whoever happens to be on duty,
as in seed 002 case 3, where a compensation request met a long silence because nobody
had a response standard.

## Example
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent tells the customer to swap the SIM in a store
  actor: Call-centre agent
  next: [end-call]
```

## Use instead
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent tells the customer to swap the SIM in a store
  actor: Call-centre agent
  standard: Swap is free; customer told what to bring and the nearest store, and gets a ticket number by SMS before the call ends
  next: [end-call]
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
        let step = graph.step(node);
        let has_standard = step
            .standard
            .as_ref()
            .is_some_and(|s| !s.value.trim().is_empty());
        if has_standard {
            continue;
        }
        let indices = &roles.contact[node.index()];
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "moment of truth at `{}` has no service standard{}",
                    step.id.value,
                    tag_clause(moments, indices)
                ),
            )
            .annotate(meeting(graph, moments, indices, node, "company's"))
            .step(step.id.value.clone())
            .help("add a `standard` the contact can be checked against: specific, measurable and timed (SMART, seed 004), such as `Answer within 20 seconds; claim number given on the first call`"),
        );
    }
    findings
}
