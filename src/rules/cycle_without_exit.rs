use super::facts::step_ids;
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub(super) static RULE: Rule = Rule {
    code: "BP007",
    name: "cycle-without-exit",
    severity: Severity::Error,
    summary: "A loop of flows that the journey can enter but never leave",
    docs: r#"## What it does
Flags a group of two or more steps that flow into each other with no flow leading out
of the group. Loops with a way out (retry until approved, then continue) are fine.
Found with strongly connected components (Kosaraju), linear in steps and flows; paths
are never enumerated. A step that only flows to itself is reported by `self-loop`.

## Why it matters
A customer caught in such a loop can never finish the service: the call centre sends
them to the store, the store sends them back to the call centre (DOMAIN.md §2, seed
002 case 1). On a blueprint it is also often a missing exit branch, so the real
happy path is not drawn at all.

## Example
```yaml
- id: call-centre-advises
  lane: frontstage
  label: Call centre tells the customer to visit a store
  next: [store-redirects]
- id: store-redirects
  lane: frontstage
  label: Store tells the customer to call the call centre
  next: [call-centre-advises]
```

## Use instead
```yaml
- id: call-centre-advises
  lane: frontstage
  label: Call centre books the SIM swap and tells the customer which store
  next: [store-swaps-sim]
- id: store-swaps-sim
  lane: frontstage
  label: Store swaps the SIM using the call centre's ticket
  next: [customer-leaves-with-signal]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let journey = context.journey();
    let mut findings = Vec::new();
    // The journey's stages are its strongly connected components (found without
    // recursion, so a 100,000-step chain cannot exhaust the stack).
    for (stage, members) in journey.members.iter().enumerate() {
        if members.len() < 2 {
            continue;
        }
        let leaves = members.iter().any(|&node| {
            graph
                .next(node)
                .any(|to| journey.stage[to.index()] != stage)
        });
        if leaves {
            continue;
        }
        let first = graph.step(members[0]);
        let list = step_ids(graph, members);
        let mut finding = RULE
            .finding(
                first.id.span,
                format!("steps {list} form a loop the journey can never leave"),
            )
            .annotate("the loop starts here")
            .step(first.id.value.clone())
            .help("add a flow out of the loop (the branch taken when the problem is solved), or break the loop");
        for &node in members.iter().skip(1).take(5) {
            finding = finding.label(graph.step(node).id.span, "part of the loop");
        }
        findings.push(finding);
    }
    findings
}
