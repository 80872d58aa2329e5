use super::moment_roles::{meeting, tag_clause};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{FailPoint, Lane};

pub(super) static RULE: Rule = Rule {
    code: "BP304",
    name: "moment-fail-point-without-recovery",
    severity: Severity::Error,
    summary: "A fail point at a moment of truth has no recovery",
    docs: r#"## What it does
Flags a declared fail point with no recovery on a step that is either side of a moment
of truth: the company's side (the contact step) or the customer's side of any moment
in the cycle of service. "No recovery" means no `recovery`, or a `recovery` with
neither `strategies` nor a non-blank `action`. The finding points at the fail point's
`what`; when the moment is the first or last contact, or a recovery moment, the
message says so.

This rule escalates the plain "fail point without recovery" rule (BP102): a fail point
on a moment-of-truth step is reported here only, and BP102 skips it.

The severity is an error, so CI fails: the failure is already declared, it happens in
front of the customer, and the blueprint says nothing about what is done when it
does. Either a recovery is written down or the fail point is removed.

## Why it matters
A moment of truth is where the customer judges the whole company (DOMAIN.md §4;
Normann 1984; Carlzon 1987; Albrecht's cycle of service, seed 001), and a failure
there is felt at once. Seed 000 (DOMAIN.md §2): "a flaw that is not handled
disappoints the customer twice": once when it happens, again when nobody puts it
right. Seed 002's cases are all failures at a contact met with no real recovery: the store
clerk disowning the call centre (case 1), "8 dishes and a soup" (case 2), "the
manager said impossible" (case 3), "complain to head office" (case 4). Seed 000 lists
the strategies: compensation, manager intervention, apology, providing information,
quick corrective action and a caring attitude.

## Example
```yaml
- id: clerk-asks-reason
  lane: frontstage
  label: Store clerk asks why the customer came, knowing nothing of the call
  actor: Store clerk
  next: [explain-again]
  fail_points:
    - what: Clerk disowns the call centre in front of the customer
      type: treatment
      severity: 8
```

## Use instead
```yaml
- id: clerk-asks-reason
  lane: frontstage
  label: Store clerk asks why the customer came, knowing nothing of the call
  actor: Store clerk
  next: [explain-again]
  fail_points:
    - what: Clerk disowns the call centre in front of the customer
      type: treatment
      severity: 8
      owner: Store manager
      recovery:
        strategies: [apology, quick-corrective-action]
        action: Clerk apologises for the repeat explanation and swaps the SIM at once
```
"#,
    check: Check::Graph(check),
};

/// True when the fail point says how the service recovers: a strategy or an action.
fn has_recovery(fail_point: &FailPoint) -> bool {
    fail_point.recovery.as_ref().is_some_and(|r| {
        !r.strategies.is_empty()
            || r.action
                .as_ref()
                .is_some_and(|a| !a.value.trim().is_empty())
    })
}

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let moments = context.moments();
    let roles = context.roles();
    let mut findings = Vec::new();
    for node in graph.nodes() {
        if !roles.in_any(node) {
            continue;
        }
        let step = graph.step(node);
        let unrecovered: Vec<&FailPoint> = step
            .fail_points
            .iter()
            .filter(|fp| !has_recovery(fp))
            .collect();
        if unrecovered.is_empty() {
            continue;
        }
        // Both sides: a step can be the customer's side of one moment and, in a
        // self-service moment, the company's side of another.
        let mut indices = roles.contact[node.index()].clone();
        indices.extend_from_slice(&roles.customer[node.index()]);
        let side = if graph.lane(node) == Lane::Customer {
            "customer's"
        } else {
            "company's"
        };
        let tags = tag_clause(moments, &indices);
        let place = format!(
            "a moment of truth: {}",
            meeting(graph, moments, &indices, node, side)
        );
        for fail_point in unrecovered {
            let annotation = if fail_point.recovery.is_some() {
                "`recovery` names no strategy and no action"
            } else {
                "no `recovery`"
            };
            findings.push(
                RULE.finding(
                    fail_point.what.span,
                    format!(
                        "fail point at the moment of truth `{}` has no recovery{tags}",
                        step.id.value
                    ),
                )
                .annotate(annotation)
                .label(step.id.span, place.clone())
                .step(step.id.value.clone())
                .help("add `recovery` with `strategies` (apology, compensation, manager-intervention, provide-information, quick-corrective-action, caring-attitude) and an `action` saying who puts it right and how"),
            );
        }
    }
    findings
}
