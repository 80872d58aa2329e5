use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Check, Context, Rule, savings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP202",
    name: "duplicate-step",
    severity: Severity::Warning,
    summary: "Two steps do the same action in the same lane by the same actor",
    docs: r#"## What it does
Flags a step whose action (`label`), lane and actor are the same as an earlier step's.
Labels and actors are compared ignoring case and extra whitespace ("Clerk checks
the ID" and "clerk  checks the id" are the same action). The later step in the file is
reported, with a label on the first.

Judgment calls:
- A customer step that names no actor is performed by the customer. On other lanes two
  steps that both name no actor count as the same actor (nothing tells them apart); a
  named and an unnamed actor differ.
- Duplicates on alternative branches are reported too: one step that both branches
  flow into does the same job with one definition to keep right.
- Steps the journey cannot reach are left to `unreachable-step` (BP005).

Severity: warning. Either the service really does the same thing twice (rework the
customer pays for in time) or the blueprint was copied and edited by hand and the two
copies will drift apart. The help says what removing the later copy would save: its
`duration` and `wait`, and the handoffs (flows crossing a line or changing actor or
channel) that would disappear.

## Why it matters
Seed 000 (昝家騏 and 劉亦欣, 2006): a blueprint shows which steps can be added, removed
or merged; DOMAIN.md §3 names "a duplicate of another step" among the candidates for
removal (lean value-stream mapping: doing the same work twice adds no value).

## Example
```yaml
- id: clerk-checks-id
  lane: frontstage
  label: Clerk checks the customer's ID
  actor: Store clerk
  next: [clerk-explains-plans]
- id: clerk-explains-plans
  lane: frontstage
  label: Clerk explains the plans
  actor: Store clerk
  next: [clerk-checks-id-again]
- id: clerk-checks-id-again
  lane: frontstage
  label: Clerk checks the customer's ID
  actor: Store clerk
  next: [customer-signs]
```

## Use instead
```yaml
- id: clerk-checks-id
  lane: frontstage
  label: Clerk checks the customer's ID
  actor: Store clerk
  next: [clerk-explains-plans]
- id: clerk-explains-plans
  lane: frontstage
  label: Clerk explains the plans
  actor: Store clerk
  next: [customer-signs]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let reachable = context.reachable_with_support();
    // One map keyed by the normalised (action, lane, actor): the first step of each key
    // in file order.
    let mut first: HashMap<(String, Lane, Option<String>), _> = HashMap::new();
    let mut findings = Vec::new();
    for node in graph.nodes() {
        if !reachable[node.index()] {
            continue;
        }
        let (step, lane) = (graph.step(node), graph.lane(node));
        let key = (
            savings::normalise(&step.label.value),
            lane,
            savings::actor_key(step, lane),
        );
        let original = match first.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(node);
                continue;
            }
            Entry::Occupied(slot) => graph.step(*slot.get()),
        };
        let who = savings::performed_by(original, lane);
        findings.push(
            RULE.finding(
                step.label.span,
                format!(
                    "step `{}` repeats `{}`: the same action in the {lane} lane {who}",
                    step.id.value, original.id.value
                ),
            )
            .annotate("the same action as an earlier step")
            .label(
                original.label.span,
                format!("first done here, at step `{}`", original.id.value),
            )
            .step(step.id.value.clone())
            .help(format!(
                "remove one of them, or let every flow lead to one step that does it; removing this one would save {}",
                savings::removal(graph, node)
            )),
        );
    }
    findings
}
