use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::{Check, Context, Rule, savings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;

pub(super) static RULE: Rule = Rule {
    code: "BP201",
    name: "output-never-reaches-customer",
    severity: Severity::Warning,
    summary: "A backstage or support step whose output never reaches a step the customer can see",
    docs: r#"## What it does
Flags a backstage or support step whose output never reaches a customer-visible step
(a customer action or a frontstage step).

A step's output *reaches* a step when its work flows on to it (`next`) or when that
step relies on it (`uses`); it reaches the customer when a chain of such links, through
any number of other backstage or support steps, ends at a customer or frontstage step.
All of this is computed at once: one backward search from every visible step over the
reversed flows and support relations, linear in steps and flows.

Two judgment calls keep each problem reported once:
- A step the journey cannot reach at all is left to `unreachable-step` (BP005), an
  error that already says "or remove it".
- A step the journey reaches by flows counts as reaching the customer. On a sound
  blueprint its flows lead back to a customer step; when they do not, the journey is
  stuck behind the line and `dead-end` (BP006) or `cycle-without-exit` (BP007) reports
  it as an error. So this rule speaks about the work hanging off the journey: steps
  reached only through support relations and the flows leaving them.

Severity: warning. The step costs time and handoffs and nobody the customer meets
depends on it; it is either removable or a missing `uses`/`next` hides what it feeds.
The help says what removing it would save: its `duration` and `wait`, and the handoffs
(flows crossing a line or changing actor or channel) that would disappear.

## Why it matters
Seed 000 (昝家騏 and 劉亦欣, 2006): a blueprint shows which steps can be added, removed
or merged. In lean value-stream terms (DOMAIN.md §3) work whose result no customer-
facing step ever uses is waste: the first candidate for removal.

## Example
```yaml
- id: advisor-checks-profile
  lane: frontstage
  label: Advisor checks the customer's risk profile
  uses: [kyc-system]
  next: [customer-signs]
- id: kyc-system
  lane: support
  label: KYC system holds the risk profile
  next: [print-daily-copy]
- id: print-daily-copy
  lane: backstage
  label: Clerk prints a paper copy of every KYC check and files it
```

## Use instead
```yaml
- id: advisor-checks-profile
  lane: frontstage
  label: Advisor checks the customer's risk profile
  uses: [kyc-system]
  next: [customer-signs]
- id: kyc-system
  lane: support
  label: KYC system holds the risk profile
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let on_journey = &context.journey().reachable;
    let reachable = context.reachable_with_support();

    // One backward search from all visible steps (and all steps the journey reaches by
    // flows, see the docs) at once. Whose output reaches `node`: the steps that flow
    // into it, and the steps it relies on.
    let mut reaches = vec![false; graph.graph.node_count()];
    let mut stack: Vec<_> = graph
        .nodes()
        .filter(|&node| graph.lane(node).is_visible() || on_journey[node.index()])
        .collect();
    for node in &stack {
        reaches[node.index()] = true;
    }
    while let Some(node) = stack.pop() {
        let flowing_in = graph
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Flow)
            .map(|e| e.source());
        let relied_on = graph
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|e| e.weight().kind == EdgeKind::Support)
            .map(|e| e.target());
        for feeder in flowing_in.chain(relied_on) {
            if !reaches[feeder.index()] {
                reaches[feeder.index()] = true;
                stack.push(feeder);
            }
        }
    }

    graph
        .nodes()
        // Unreachable steps are BP005's; visible ones were seeds of the search.
        .filter(|&node| !reaches[node.index()] && reachable[node.index()])
        .map(|node| {
            let step = graph.step(node);
            RULE.finding(
                step.id.span,
                format!(
                    "the output of {} step `{}` never reaches a step the customer can see",
                    graph.lane(node),
                    step.id.value
                ),
            )
            .annotate("no customer or frontstage step relies on this, directly or through other steps")
            .step(step.id.value.clone())
            .help(format!(
                "remove it, which would save {}; or, if a customer-facing step does rely on it, add it to that step's `uses` or add the flow (`next`) that carries its result there",
                savings::removal(graph, node)
            ))
        })
        .collect()
}
