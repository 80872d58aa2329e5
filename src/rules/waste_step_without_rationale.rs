use super::pass_through_step::PassThroughs;
use super::{Check, Context, Rule, savings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Lane, ValueClass};

pub(super) static RULE: Rule = Rule {
    code: "BP204",
    name: "waste-step-without-rationale",
    severity: Severity::Warning,
    summary: "A company step classed as waste is kept with no stated reason",
    docs: r#"## What it does
Flags a step with `value: waste` and no `rationale` (or a blank one). The finding
points at the `waste` keyword.

Steps the journey cannot reach are left to `unreachable-step` (BP005), and a waste
step that only forwards work to `pass-through-step` (BP205), whose finding says more.

Customer steps are left out. Waste on the customer's side (queueing, chasing,
explaining again, hearing the same fault again) is the consequence of a failure
elsewhere, not a step anyone chose to keep: it goes away when its cause is fixed, and
the rules on waits (`wait-beyond-tolerance`), rework (`repeated-customer-step`) and
fail points point at that cause.

Severity: warning. The designer has already judged the step to be waste; keeping it
with no reason recorded is either an oversight (remove it) or a decision nobody can
review (write the reason down: a regulation, a system that cannot change yet, a date
it goes away).

The help says what removing the step would save: its `duration` and `wait`, and the
handoffs (flows crossing a line or changing actor or channel) that would disappear.

## Why it matters
Lean value-stream mapping (DOMAIN.md §3) classes every step as value-adding,
business-necessary or waste; waste is the first candidate for removal, and seed 000
(昝家騏 and 劉亦欣, 2006) draws the blueprint precisely to see which steps can be
removed. Waste time also lowers process cycle efficiency (value-adding time / lead
time).

## Example
```yaml
- id: clerk-copies-id
  lane: backstage
  label: Clerk photocopies the customer's ID card
  actor: Store clerk
  duration: 3m
  value: waste
  next: [clerk-activates-sim]
```

## Use instead
```yaml
- id: clerk-copies-id
  lane: backstage
  label: Clerk photocopies the customer's ID card
  actor: Store clerk
  duration: 3m
  value: waste
  rationale: Required by the regulator until e-KYC is approved (expected Q3)
  next: [clerk-activates-sim]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let reachable = context.reachable_with_support();
    let pass_throughs = PassThroughs::new(context);
    graph
        .nodes()
        // The customer's waste goes when its cause is fixed; see the docs.
        .filter(|&node| reachable[node.index()] && graph.lane(node) != Lane::Customer)
        .filter_map(|node| {
            let step = graph.step(node);
            let value = step
                .value
                .as_ref()
                .filter(|v| v.value == ValueClass::Waste)?;
            let explained = step
                .rationale
                .as_ref()
                .is_some_and(|r| !r.value.trim().is_empty());
            // A waste step that only forwards work gets BP205's more specific finding.
            if explained || pass_throughs.at(node).is_some() {
                return None;
            }
            let saved = savings::removal(graph, node);
            let finding = RULE
                .finding(
                    value.span,
                    format!(
                        "step `{}` is classed as waste and kept with no stated reason",
                        step.id.value
                    ),
                )
                .annotate("waste, and no `rationale`")
                .step(step.id.value.clone());
            Some(finding.help(format!(
                "remove the step, which would save {saved}, or say in `rationale` why it is kept for now"
            )))
        })
        .collect()
}
