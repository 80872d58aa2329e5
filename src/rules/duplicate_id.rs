use std::collections::HashMap;

use super::{Check, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Blueprint;
use crate::span::{Located, Span};

pub(super) static RULE: Rule = Rule {
    code: "BP001",
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two steps, or two fail points, share an id",
    docs: r#"## What it does
Flags a step `id` used by an earlier step, and a fail-point `id` used by an earlier
fail point. Step ids and fail-point ids are separate namespaces.

## Why it matters
Flows, support relations, indicators and semantic diffs refer to steps by id. With two
steps called `verify`, a flow to `verify` is ambiguous and one of the two steps silently
disappears from every analysis (DOMAIN.md §1: one shared picture only helps if
everyone points at the same step). The file is not analysed further.

## Example
```yaml
steps:
  - id: verify
    lane: frontstage
    label: Agent verifies identity
  - id: verify
    lane: backstage
    label: System checks the SIM record
```

## Use instead
```yaml
steps:
  - id: verify-identity
    lane: frontstage
    label: Agent verifies identity
  - id: check-sim-record
    lane: backstage
    label: System checks the SIM record
```
"#,
    check: Check::Model(check),
};

fn check(blueprint: &Blueprint) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    duplicates(
        blueprint.steps.iter().map(|step| &step.id),
        "step",
        &mut findings,
    );
    duplicates(
        blueprint.fail_points().filter_map(|(_, fp)| fp.id.as_ref()),
        "fail point",
        &mut findings,
    );
    findings
}

fn duplicates<'a>(
    ids: impl Iterator<Item = &'a Located<String>>,
    what: &str,
    findings: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, Span> = HashMap::new();
    for id in ids {
        match first.get(id.as_str()) {
            Some(&earlier) => findings.push(
                RULE.finding(id.span, format!("duplicate {what} id `{}`", id.value))
                    .annotate("used again here")
                    .label(earlier, "first used here")
                    .step(id.value.clone())
                    .help(format!(
                        "give each {what} its own id: references to `{}` are ambiguous",
                        id.value
                    )),
            ),
            None => {
                first.insert(id.as_str(), id.span);
            }
        }
    }
}
