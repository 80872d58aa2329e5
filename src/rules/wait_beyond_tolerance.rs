use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::format_duration;

pub(super) static RULE: Rule = Rule {
    code: "BP108",
    name: "wait-beyond-tolerance",
    severity: Severity::Warning,
    summary: "A customer wait is beyond the zone of tolerance, or above the desired wait",
    docs: r#"## What it does
Compares each step's `wait` (how long the customer waits before the step starts) with
the zone of tolerance: the step's own `tolerance`, or else the blueprint's.
- A wait above `adequate` is beyond what customers accept: a warning.
- A wait above `desired` and at most `adequate` is inside the zone of tolerance but
  short of what customers hope for: info.
- A wait at or below `desired`, and any wait when neither the step nor the blueprint
  gives a tolerance, is not reported: there is nothing to compare it with.

Every `wait` is the customer's wait (docs/format.md), whatever the step's lane.

Why a warning (and info inside the zone): a long wait is a service problem to work
on, and often a known one (a peak hour); it should be visible in every review without
blocking a merge. A wait customers still accept is only worth knowing about.

## Why it matters
DOMAIN.md §5: Zeithaml, Berry and Parasuraman's zone of tolerance lies between the
desired and the adequate service; inside it customers are satisfied, below adequate
they are not. Waits are where it shows: seed 004's "challenge 3 minutes" sped up the
counter transaction, but what customers minded was the queue before it.

## Example
```yaml
tolerance: {desired: 5m, adequate: 15m}
steps:
  - id: wait-in-queue
    lane: customer
    label: Customer waits to be called
    wait: 25m
```

## Use instead
```yaml
tolerance: {desired: 5m, adequate: 15m}
steps:
  - id: wait-in-queue
    lane: customer
    label: Customer waits to be called, with the expected wait on the screen
    wait: 12m   # extra counters at peak hours; inside the zone of tolerance
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let mut findings = Vec::new();
    for node in graph.nodes() {
        let step = graph.step(node);
        let Some(wait) = step.wait.as_ref() else {
            continue;
        };
        let (tolerance, whose) = match (&step.tolerance, &graph.blueprint.tolerance) {
            (Some(own), _) => (own, "the step's own"),
            (None, Some(blueprint)) => (blueprint, "the blueprint's"),
            (None, None) => continue,
        };
        let (desired, adequate) = (&tolerance.desired, &tolerance.adequate);
        if wait.value <= desired.value {
            continue;
        }
        let zone = format!(
            "{whose} zone: desired {}, adequate {}",
            format_duration(desired.value),
            format_duration(adequate.value)
        );
        let waits = format!(
            "the customer waits {} before `{}`",
            format_duration(wait.value),
            step.id.value
        );
        let mut finding = if wait.value > adequate.value {
            RULE.finding(
                wait.span,
                format!("{waits}, beyond the zone of tolerance ({zone})"),
            )
            .annotate("beyond the zone of tolerance")
            .label(adequate.span, "the longest wait customers accept")
            .help("shorten the wait (capacity at peak times, appointments, a callback), or tell the customer how long it will be and make the wait useful")
        } else {
            RULE.finding(
                wait.span,
                format!("{waits}, inside the zone of tolerance but above the desired wait ({zone})"),
            )
            .annotate("tolerated, not desired")
            .label(desired.span, "the wait customers hope for")
            .help("customers accept this wait; bringing it down to the desired wait is where they notice the difference")
        };
        finding = finding.step(step.id.value.clone());
        if wait.value <= adequate.value {
            finding.severity = Severity::Info;
        }
        findings.push(finding);
    }
    findings
}
