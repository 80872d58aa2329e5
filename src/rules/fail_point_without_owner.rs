use super::facts::{describe, has_owner};
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) static RULE: Rule = Rule {
    code: "BP101",
    name: "fail-point-without-owner",
    severity: Severity::Error,
    summary: "A declared fail point has no owner",
    docs: r#"## What it does
Flags a declared fail point (`fail_points:`) with no `owner`, or a blank one. The
owner is the person or team accountable for preventing the failure and for the
recovery when it happens anyway; the step's `actor` is not enough, because the actor
performs the step while the owner answers for what goes wrong in it.

Why an error: this is the one fail-point finding the project's users asked to fail
the build on (DOMAIN.md §7: "a change that adds an unowned fail point ...
fails the build"). Declaring a fail point is the right thing to do; declaring it
without anyone accountable for it is what blocks the merge.

## Why it matters
DOMAIN.md §2: a useful fail-point record says what fails and *who owns it*. Seed 002
case 3 (the car maker's compensation request) is what an unowned failure looks like:
the request went to "the manager", nobody was accountable for answering, and the
customer heard "impossible" only after chasing a long silence. A fail point nobody
owns is a risk everybody has seen and nobody will act on.

## Example
```yaml
- id: answer-not-passed-on
  lane: backstage
  label: Nobody tells the customer the outcome
  actor: Sales office
  fail_points:
    - what: Long silence with no response standard
      severity: 8
```

## Use instead
```yaml
- id: answer-not-passed-on
  lane: backstage
  label: Sales office tells the salesperson the outcome and the reasons
  actor: Sales office
  fail_points:
    - what: Long silence with no response standard
      severity: 8
      owner: After-sales customer-relations manager
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let mut findings = Vec::new();
    let unowned = graph
        .blueprint
        .fail_points()
        .filter(|(_, fail_point)| !has_owner(fail_point));
    for (step, fail_point) in unowned {
        findings.push(
            RULE.finding(
                fail_point.what.span,
                format!("{} has no owner", describe(step, fail_point)),
            )
            .annotate("nobody is accountable for this failure")
            .step(step.id.value.clone())
            .help("add `owner:` with the person or team who answers for preventing this failure and for the recovery when it happens"),
        );
    }
    findings
}
