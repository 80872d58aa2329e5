use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;

pub(super) static RULE: Rule = Rule {
    code: "BP009",
    name: "misplaced-support-target",
    severity: Severity::Error,
    summary: "A support relation points at a customer or frontstage step",
    docs: r#"## What it does
Flags a `uses` entry that names a step in the `customer` or `frontstage` lane. A step
relies on backstage staff and on support processes (systems, other departments); it
does not "use" a customer action or a contact employee's visible action.

## Why it matters
The support relation is what the blueprint shows below the line of visibility
(DOMAIN.md §1): which systems and departments each contact step stands on. Shared
records, single points of failure and "frontstage with nothing behind it" are read
from it (DOMAIN.md §2). A relation to a visible step is usually a flow written in the
wrong place, and it hides the real dependency.

## Example
```yaml
- id: store-swaps-sim
  lane: frontstage
  label: Store clerk swaps the SIM
  uses: [call-centre-advises]
```

## Use instead
```yaml
- id: store-swaps-sim
  lane: frontstage
  label: Store clerk swaps the SIM
  uses: [ticket-system]
- id: ticket-system
  lane: support
  label: Shared ticket system holds the call-centre diagnosis
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    graph
        .edges_of_kind(EdgeKind::Support)
        .filter(|(_, _, to, _)| graph.lane(*to).is_visible())
        .map(|(_, from, to, edge)| {
            let (step, target, lane) = (graph.step(from), graph.step(to), graph.lane(to));
            RULE.finding(
                edge.reference.span,
                format!(
                    "support relation from `{}` to {lane} step `{}`",
                    step.id.value, target.id.value
                ),
            )
            .annotate(format!("a {lane} step"))
            .label(target.lane.span, format!("`{}` is in the {lane} lane", target.id.value))
            .step(step.id.value.clone())
            .help("`uses` names the backstage or support steps this step relies on; if the journey moves on to this step, list it under `next`")
        })
        .collect()
}
