use super::facts::given;
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP109",
    name: "step-without-owner",
    severity: Severity::Warning,
    summary: "A frontstage or backstage step names no actor",
    docs: r#"## What it does
Flags a frontstage or backstage step with no `actor` (or a blank one). The actor is
who performs the step, and so who owns it (docs/format.md).

Customer steps are the customer's own; support steps are systems and departments
whose owner is usually in their label. Frontstage and backstage steps are done by
the company's people, and the blueprint should say which ones.

Why a warning: an unnamed actor is a gap in the picture, worth fixing in review,
but a draft blueprint may not know every owner yet.

## Why it matters
DOMAIN.md §2 lists "a step with no owner" among the structures worth flagging. In
seed 002 case 3 the customer's compensation request went to "the manager" and the
answer was passed back by nobody in particular: no one owned replying, so a long
silence followed, and the customer had to chase it.

## Example
```yaml
- id: answer-not-passed-on
  lane: backstage
  label: The outcome is passed back to the salesperson
  next: [salesperson-calls-back]
```

## Use instead
```yaml
- id: pass-back-outcome
  lane: backstage
  label: Sales office sends the outcome and its reasons to the salesperson within 2 days
  actor: Sales office coordinator
  next: [salesperson-calls-back]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    graph
        .nodes()
        .filter(|&node| matches!(graph.lane(node), Lane::Frontstage | Lane::Backstage))
        .filter(|&node| !given(graph.step(node).actor.as_ref()))
        .map(|node| {
            let step = graph.step(node);
            // A blank `actor` is pointed at where it is written; a missing one at the step.
            let (span, annotation) = match &step.actor {
                Some(actor) => (actor.span, "blank `actor`"),
                None => (step.id.span, "no `actor`"),
            };
            RULE.finding(
                span,
                format!(
                    "{} step `{}` names no actor: nobody owns it",
                    graph.lane(node),
                    step.id.value
                ),
            )
            .annotate(annotation)
            .step(step.id.value.clone())
            .help("add `actor:` with the role or team that performs this step and answers for it")
        })
        .collect()
}
