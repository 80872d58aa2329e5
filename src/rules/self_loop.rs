use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;

pub(super) static RULE: Rule = Rule {
    code: "BP004",
    name: "self-loop",
    severity: Severity::Error,
    summary: "A step's flow leads back to the same step",
    docs: r#"## What it does
Flags a flow from a step to itself (`next` lists the step's own id).

## Why it matters
A step is one action; "do it again" hides the real story: who noticed it failed, what
the customer went through, and how often it happens. Repetition is where customers
give up (DOMAIN.md §2: the customer having to repeat a step; seed 004: fewer than half
of hotline calls resolved on the first call), so it must be drawn as a loop through
the steps that lead back, where fail-point rules can see it.

## Example
```yaml
- id: upload-documents
  lane: customer
  label: Customer uploads ID documents
  next: [upload-documents, review]
```

## Use instead
```yaml
- id: upload-documents
  lane: customer
  label: Customer uploads ID documents
  next: [review]
- id: review
  lane: backstage
  label: Clerk reviews the documents
  next:
    - to: request-resubmission
      when: documents unreadable
    - approve
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    graph
        .edges_of_kind(EdgeKind::Flow)
        .filter(|(_, from, to, _)| from == to)
        .map(|(_, node, _, edge)| {
            let step = graph.step(node);
            RULE.finding(edge.reference.span, format!("step `{}` flows to itself", step.id.value))
                .annotate("the step's own id")
                .step(step.id.value.clone())
                .help("draw a repeat as a loop through the steps that lead back (who notices, what the customer does again), or remove this flow")
        })
        .collect()
}
