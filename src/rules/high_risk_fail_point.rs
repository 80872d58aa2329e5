use super::facts::{describe, has_prevention, has_recovery};
use super::{Check, Context, Rule};
use crate::analysis::rpn;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::FailPoint;

pub(super) static RULE: Rule = Rule {
    code: "BP103",
    name: "high-risk-fail-point",
    severity: Severity::Warning,
    summary: "A fail point's risk priority number or severity is at or above the high-risk threshold",
    docs: r#"## What it does
Flags a declared fail point that is high-risk, as a service FMEA ranks it:
- its risk priority number, RPN = severity x occurrence x detection (each 1-10), is at
  or above the high-RPN threshold (default 125 = 5 x 5 x 5: every factor at or past
  the middle of its scale on average); the RPN is only known when all three are scored;
- or its severity is at or above the critical-severity threshold (default 9), whatever
  the RPN, and whether or not occurrence and detection are scored.

The message gives the RPN and its three factors (or the severity alone), so the
finding can be read as a line of an FMEA worksheet.

Why a warning: a high risk is a priority for the team, not a mistake in the
blueprint; blocking a merge would only push teams to score fail points lower.
Judgment call: a high-risk fail point that already declares both a `prevention` and a
`recovery` is reported as info. The risk stands (scores are kept as they are, as in
an FMEA), but the blueprint shows how it is managed; the warnings are left for the
high risks nobody has planned for yet.

## Why it matters
DOMAIN.md §2: fail points are scored like a service FMEA, RPN = S x O x D, and "a very
high severity matters even when RPN is low": a rare failure that loses a parcel or
mis-sells a risky product must not hide behind a small RPN. Seed 001 (FedEx's service
quality indicators) weights lost and damaged packages and missed pick-ups 10, ten
times the everyday delays: the worst failures are the ones to manage first.

## Example
```yaml
fail_points:
  - what: Diagnosis is recorded only in the call-centre system
    severity: 7
    occurrence: 8
    detection: 8
    owner: Call-centre team lead
```

## Use instead
```yaml
fail_points:
  - what: Diagnosis is recorded only in the call-centre system
    severity: 7
    occurrence: 3   # a swap ticket every store can see is opened during the call
    detection: 4    # the store sees a missing ticket before the customer arrives
    owner: Call-centre team lead
    prevention: Agent must open a swap ticket before ending the call
    recovery:
      strategies: [apology, quick-corrective-action]
      action: Store looks up the call log and swaps the SIM without a second explanation
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let thresholds = context.thresholds;
    let mut findings = Vec::new();
    for (step, fail_point) in graph.blueprint.fail_points() {
        let severity = fail_point.severity.as_ref();
        let critical = severity.filter(|s| s.value >= thresholds.critical_severity);
        let score = rpn(fail_point);
        let high = score.filter(|&r| r >= thresholds.high_rpn);
        if critical.is_none() && high.is_none() {
            continue;
        }
        let rpn_text = score.map(|r| format!("RPN {r} = {}", factors(fail_point)));
        let reason = match (rpn_text, high, critical) {
            (Some(rpn_text), Some(_), Some(s)) => format!(
                "{rpn_text} is at or above the high-risk RPN {}, and severity {} is critical",
                thresholds.high_rpn, s.value
            ),
            (Some(rpn_text), Some(_), None) => {
                format!(
                    "{rpn_text} is at or above the high-risk RPN {}",
                    thresholds.high_rpn
                )
            }
            (Some(rpn_text), None, Some(s)) => format!(
                "severity {} is critical whatever the RPN ({rpn_text}, below the high-risk RPN {})",
                s.value, thresholds.high_rpn
            ),
            (None, _, Some(s)) => format!(
                "severity {} is critical whatever the RPN (occurrence or detection not scored)",
                s.value
            ),
            // A high RPN always has a score; neither high nor critical was skipped.
            _ => continue,
        };
        let managed = has_prevention(fail_point) && has_recovery(fail_point);
        let mut finding = RULE
            .finding(
                fail_point.what.span,
                format!("high-risk {}: {reason}", describe(step, fail_point)),
            )
            .annotate(if managed {
                "high risk, with prevention and recovery declared"
            } else {
                "high risk"
            })
            .step(step.id.value.clone());
        if let Some(s) = critical {
            finding = finding.label(
                s.span,
                format!("critical: {} or more", thresholds.critical_severity),
            );
        }
        finding = if managed {
            finding.help("prevention and recovery are declared: keep them tested, and re-score occurrence and detection when they change")
        } else {
            finding.help("manage it first: add a `prevention` (poka-yoke) that lowers occurrence or makes the failure visible before the customer feels it, and a `recovery`; then re-score")
        };
        if managed {
            finding.severity = Severity::Info;
        }
        findings.push(finding);
    }
    findings
}

/// "severity 7 x occurrence 8 x detection 8", for a fail point with all three scored.
fn factors(fail_point: &FailPoint) -> String {
    let score = |s: Option<&crate::model::Score>| s.map_or(0, |s| s.value);
    format!(
        "severity {} x occurrence {} x detection {}",
        score(fail_point.severity.as_ref()),
        score(fail_point.occurrence.as_ref()),
        score(fail_point.detection.as_ref())
    )
}
