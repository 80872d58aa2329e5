use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) static RULE: Rule = Rule {
    code: "BP005",
    name: "unreachable-step",
    severity: Severity::Error,
    summary: "A step cannot be reached from the start of the journey",
    docs: r#"## What it does
Flags a step that no path from the journey's start reaches. Paths follow flows (`next`)
and support relations (`uses`), so a support system used by a reachable step is
reachable. The start is the `start` step, or the first step in the file.

## Why it matters
A blueprint draws one service from start to finish (DOMAIN.md §1). A step nothing
leads to is either a forgotten flow (the real service has a path the blueprint does
not show, so its handoffs and fail points go unchecked) or a leftover that should be
removed (DOMAIN.md §3).

## Example
```yaml
steps:
  - id: arrive
    lane: customer
    label: Customer arrives
    next: [leave]
  - id: offer-coffee
    lane: frontstage
    label: Staff offers coffee
  - id: leave
    lane: customer
    label: Customer leaves
```

## Use instead
```yaml
steps:
  - id: arrive
    lane: customer
    label: Customer arrives
    next: [offer-coffee]
  - id: offer-coffee
    lane: frontstage
    label: Staff offers coffee
    next: [leave]
  - id: leave
    lane: customer
    label: Customer leaves
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let reachable = context.reachable_with_support();
    let start = graph.step(graph.start);
    graph
        .nodes()
        .filter(|node| !reachable[node.index()])
        .map(|node| {
            let step = graph.step(node);
            RULE.finding(
                step.id.span,
                format!("step `{}` cannot be reached from the start of the journey", step.id.value),
            )
            .annotate("no flow or support relation leads here")
            .step(step.id.value.clone())
            .help(format!(
                "add a flow (`next`) or a support relation (`uses`) to it from a step reachable from `{}`, or remove it",
                start.id.value
            ))
        })
        .collect()
}
