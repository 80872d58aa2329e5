use super::{Check, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Blueprint, Lane};
use crate::suggest;

pub(super) static RULE: Rule = Rule {
    code: "BP003",
    name: "unknown-lane",
    severity: Severity::Error,
    summary: "A step is in a lane that is not customer, frontstage (onstage), backstage or support",
    docs: r#"## What it does
Flags a step whose `lane` is not one of `customer`, `frontstage` (or its older name
`onstage`), `backstage` and `support`. Lanes are lower case.

## Why it matters
The lane decides which lines a flow crosses (interaction, visibility, internal
interaction), and every handoff, moment-of-truth and fail-point analysis depends on it
(DOMAIN.md §1, Shostack 1984; Bitner, Ostrom & Morgan 2008). A step in an unknown lane
cannot be placed on the blueprint. The file is not analysed further.

## Example
```yaml
- id: advisor-greets
  lane: front-stage
  label: Advisor greets the customer
```

## Use instead
```yaml
- id: advisor-greets
  lane: frontstage
  label: Advisor greets the customer
```
"#,
    check: Check::Model(check),
};

fn check(blueprint: &Blueprint) -> Vec<Diagnostic> {
    blueprint
        .steps
        .iter()
        .filter(|step| Lane::parse(step.lane.as_str()).is_none())
        .map(|step| {
            RULE.finding(
                step.lane.span,
                format!("unknown lane `{}`", step.lane.value),
            )
            .annotate("not a blueprint lane")
            .step(step.id.value.clone())
            .help(suggest::did_you_mean(
                step.lane.as_str(),
                Lane::SPELLINGS,
                "lanes",
            ))
        })
        .collect()
}
