use super::facts::{describe, has_prevention, has_recovery};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::ServiceCategory;

pub(super) static RULE: Rule = Rule {
    code: "BP104",
    name: "fail-point-on-basic-service",
    severity: Severity::Error,
    summary: "A fail point on a basic service, which must never fail, lacks a prevention or a recovery",
    docs: r#"## What it does
Flags every declared fail point on a step whose `category` is `basic`: a service the
customer takes for granted (accurate billing, a working network, a parcel that arrives).

Why an error: this is the escalated fail-point rule. A fail point on a basic service
that lacks a `prevention` or a `recovery` fails the build; the missing recovery is
reported here rather than by `fail-point-without-recovery`.

Judgment call: a fail point on a basic service that declares both a `prevention`
(how it is kept from happening) and a `recovery` (how it is put right fast) is not
reported: the blueprint already does what seed 004 asks for basic services, the best
responsiveness and a fast fix when a problem appears. Reporting honest, complete
declarations would push teams to stop declaring fail points on basic services, which
is the opposite of what the rule is for.

## Why it matters
Seed 004 (a telecom operator's service-visibility handbook, DOMAIN.md §6) sorts
services into basic, standard, extended and emotional. Basic services are the ones
every customer must get: doing them well earns no extra satisfaction, but failing
them makes customers strongly dissatisfied, so they are "urgent and important" and
must keep the best responsiveness. DOMAIN.md §6: "a fail point on a basic service is
the most urgent kind".

## Example
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent diagnoses a faulty SIM and sends the customer to a store
  actor: Call-centre agent
  category: basic
  fail_points:
    - what: Diagnosis is not recorded where the store can see it
      owner: Call-centre team lead
```

## Use instead
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent diagnoses a faulty SIM and sends the customer to a store
  actor: Call-centre agent
  category: basic
  fail_points:
    - what: Diagnosis is not recorded where the store can see it
      owner: Call-centre team lead
      prevention: The call cannot be closed until a swap ticket is opened
      recovery:
        strategies: [apology, quick-corrective-action]
        action: Store finds the call log by phone number and swaps the SIM at once
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let mut findings = Vec::new();
    for node in graph.nodes() {
        let step = graph.step(node);
        let Some(category) = step
            .category
            .as_ref()
            .filter(|c| c.value == ServiceCategory::Basic)
        else {
            continue;
        };
        for fail_point in &step.fail_points {
            let missing: Vec<&str> = [
                (!has_prevention(fail_point)).then_some("`prevention`"),
                (!has_recovery(fail_point)).then_some("`recovery`"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if missing.is_empty() {
                continue;
            }
            let what = describe(step, fail_point);
            let finding = RULE
                .finding(
                    fail_point.what.span,
                    format!(
                        "{what}: a basic service can fail here, and the fail point has no {}",
                        missing.join(" and no ")
                    ),
                )
                .annotate("a basic service must never fail")
                .help(help(&missing))
                .label(category.span, "a basic service")
                .step(step.id.value.clone());
            findings.push(finding);
        }
    }
    findings
}

/// How to fix what is missing, one sentence per missing field.
fn help(missing: &[&str]) -> &'static str {
    match missing {
        ["`prevention`"] => {
            "add `prevention`: how this failure is kept from happening (a poka-yoke, a check); a basic service must never fail"
        }
        ["`recovery`"] => {
            "add `recovery`: how the service puts this right at once when it happens (strategies and an action)"
        }
        _ => {
            "add `prevention` (how this failure is kept from happening) and `recovery` (how it is put right at once when it happens): a basic service must never fail"
        }
    }
}
