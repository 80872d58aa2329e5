use std::collections::HashSet;

use super::{Check, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Blueprint;
use crate::span::Located;
use crate::suggest;

pub(super) static RULE: Rule = Rule {
    code: "BP002",
    name: "unknown-reference",
    severity: Severity::Error,
    summary: "A flow, support relation, start or indicator names something that does not exist",
    docs: r#"## What it does
Flags a reference to a step id that no step has: in `next` (a flow), in `uses` (a
support relation) or in `start`; and an indicator's `fail_point` that names no declared
fail point. When an existing id is close, it is suggested.

## Why it matters
A dangling reference is almost always a typo, and it breaks the picture the blueprint
exists to give (DOMAIN.md §1): the flow it was meant to draw is missing from every
analysis, so a handoff or fail point goes unseen. The file is not analysed further.

## Example
```yaml
steps:
  - id: call-hotline
    lane: customer
    label: Customer calls about lost signal
    next: [agent-diagnose]
  - id: agent-diagnoses
    lane: frontstage
    label: Agent diagnoses the SIM
```

## Use instead
```yaml
steps:
  - id: call-hotline
    lane: customer
    label: Customer calls about lost signal
    next: [agent-diagnoses]
  - id: agent-diagnoses
    lane: frontstage
    label: Agent diagnoses the SIM
```
"#,
    check: Check::Model(check),
};

fn check(blueprint: &Blueprint) -> Vec<Diagnostic> {
    let step_ids: Vec<&str> = blueprint.steps.iter().map(|s| s.id.as_str()).collect();
    let known_steps: HashSet<&str> = step_ids.iter().copied().collect();
    let fail_point_ids: Vec<&str> = blueprint
        .fail_points()
        .filter_map(|(_, fp)| fp.id.as_ref().map(Located::as_str))
        .collect();
    let known_fail_points: HashSet<&str> = fail_point_ids.iter().copied().collect();

    let mut findings = Vec::new();
    let mut suggestions = SUGGESTIONS;
    let mut check_step = |reference: &Located<String>, what: &str, owner: Option<&str>| {
        if known_steps.contains(reference.as_str()) {
            return;
        }
        let mut finding = RULE
            .finding(
                reference.span,
                format!("{what} unknown step `{}`", reference.value),
            )
            .annotate("no step has this id")
            .help(suggestion(
                reference.as_str(),
                &step_ids,
                "step",
                &mut suggestions,
            ));
        if let Some(owner) = owner {
            finding = finding.step(owner);
        }
        findings.push(finding);
    };
    if let Some(start) = &blueprint.start {
        check_step(start, "journey starts at", None);
    }
    for step in &blueprint.steps {
        for flow in &step.next {
            check_step(&flow.to, "flow to", Some(step.id.as_str()));
        }
        for used in &step.uses {
            check_step(used, "support relation to", Some(step.id.as_str()));
        }
    }
    for indicator in &blueprint.indicators {
        let Some(reference) = &indicator.fail_point else {
            continue;
        };
        if known_fail_points.contains(reference.as_str()) {
            continue;
        }
        findings.push(
            RULE.finding(
                reference.span,
                format!(
                    "indicator `{}` links unknown fail point `{}`",
                    indicator.name.value, reference.value
                ),
            )
            .annotate("no fail point has this id")
            .help(suggestion(
                reference.as_str(),
                &fail_point_ids,
                "fail point",
                &mut suggestions,
            )),
        );
    }
    findings
}

/// How many unknown references get a "did you mean": each suggestion compares against
/// every id, so without a cap a generated file with thousands of dangling references
/// would cost steps x references. A person fixes the first ones first anyway.
const SUGGESTIONS: usize = 100;

fn suggestion(word: &str, ids: &[&str], what: &str, remaining: &mut usize) -> String {
    let close = if *remaining > 0 {
        *remaining -= 1;
        suggest::closest(word, ids.iter().copied())
    } else {
        None
    };
    match close {
        Some(id) => format!("did you mean `{id}`?"),
        None => format!("no {what} has the id `{word}`: declare it, or fix the reference"),
    }
}
