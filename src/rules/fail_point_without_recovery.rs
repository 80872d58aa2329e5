use super::facts::{describe, has_recovery};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::ServiceCategory;

pub(super) static RULE: Rule = Rule {
    code: "BP102",
    name: "fail-point-without-recovery",
    severity: Severity::Warning,
    summary: "A declared fail point has no recovery",
    docs: r#"## What it does
Flags a declared fail point with no `recovery`: neither a recovery strategy
(`strategies`) nor a written `action`. `recovery: {}` counts as none.

A fail point on a step that takes part in a moment of truth (the company's side or the
customer's side of a contact across the line of interaction, or a step annotated
`moment_of_truth: true`) is not reported here: BP304, the moment-of-truth rule for
fail points without recovery, reports it at a higher severity, because there the
customer feels the failure directly. Likewise a fail point on a step whose `category` is
`basic` is left to `fail-point-on-basic-service`, which reports a missing recovery
there as an error. One missing recovery is reported by one rule.

Why a warning: prevention may be enough for a fail point that cannot reach the
customer before it is caught, and the team may still be working out the recovery; the missing plan is worth seeing in every review but not worth blocking a
merge on. Where the customer feels the failure first-hand (a moment of truth) or a
basic service fails, the escalating rules above apply.

## Why it matters
DOMAIN.md §2, seed 000 (昝家騏 and 劉亦欣, 2006): zero defects is unrealistic when
people deliver the service, and "a flaw that is not handled disappoints the customer
twice": once when it happens and again when nobody puts it right. The seed lists the
usual recovery strategies, which are the keywords of `strategies`: compensation,
manager intervention, apology, providing information, quick corrective action and a
caring attitude. Seed 002 case 2 (the group tour answered with "the contract said 8
dishes and a soup") is a failure with no recovery planned.

## Example
```yaml
- id: prepare-contract
  lane: backstage
  label: Advisor prints the subscription form pre-filled from the CRM
  actor: Wealth advisor
  fail_points:
    - what: Pre-filled form carries an old address
      owner: Branch operations manager
```

## Use instead
```yaml
- id: prepare-contract
  lane: backstage
  label: Advisor prints the subscription form pre-filled from the CRM
  actor: Wealth advisor
  fail_points:
    - what: Pre-filled form carries an old address
      owner: Branch operations manager
      recovery:
        strategies: [quick-corrective-action, apology]
        action: Advisor reprints the form while the customer waits and apologises
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    // Steps on either side of a moment of truth: their fail points belong to the
    // escalated moment-of-truth rule, which asks the same question of the same roles.
    let roles = context.roles();
    let mut findings = Vec::new();
    for node in graph.nodes().filter(|&n| !roles.in_any(n)) {
        let step = graph.step(node);
        // On a basic service the missing recovery is an error of
        // `fail-point-on-basic-service`, which says so.
        let basic = step
            .category
            .as_ref()
            .is_some_and(|c| c.value == ServiceCategory::Basic);
        if basic {
            continue;
        }
        for fail_point in step.fail_points.iter().filter(|fp| !has_recovery(fp)) {
            findings.push(
                RULE.finding(
                    fail_point.what.span,
                    format!("{} has no recovery", describe(step, fail_point)),
                )
                .annotate("nothing says how the service recovers when this happens")
                .step(step.id.value.clone())
                .help("add `recovery:` with `strategies` (compensation, manager-intervention, apology, provide-information, quick-corrective-action, caring-attitude) and an `action` saying who does what"),
            );
        }
    }
    findings
}
