use super::facts::step_ids;
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP107",
    name: "single-point-of-failure",
    severity: Severity::Warning,
    summary: "Many customer-facing steps rely on one support or backstage step with no declared fail point",
    docs: r#"## What it does
Flags a support or backstage step that at least `single_point_dependants`
customer-facing steps (customer or frontstage steps) rely on directly through `uses`,
when it declares no fail point. Threshold: `single_point_dependants`, default 3.

A fail point is where prevention is written, so "no declared fail point" is also "no
prevention": nobody has said what happens to all those contacts when this system or
department is down. Declaring one (even with a low score) says the risk has been
looked at; the other fail-point rules then check its owner and recovery.

Judgment calls:
- Only direct `uses` from customer or frontstage steps count; backstage steps relying
  on it do not, because the rule is about how many contacts with the customer stop at
  once. A step that lists it twice counts once.
- Every step counts, reached by the journey or not.

Why a warning: the dependency may be sound (a well-run core system), but the
blueprint should say so with a fail point, and review should see it.

## Why it matters
DOMAIN.md §2 lists "one support process that many contact steps depend on (single
point of failure)" among the structures worth flagging; §1 puts support processes
(systems, other departments) under everything the customer sees. Seed 000's bank visit
has a CRM behind nearly every contact, and seed 002 case 4 shows one support source,
head office's campaign brief, misleading every store at once.

## Example
```yaml
- id: advisor-introduces
  lane: frontstage
  label: Advisor greets the customer by name
  uses: [crm]
- id: advisor-records-needs
  lane: frontstage
  label: Advisor records goals and horizon
  uses: [crm]
- id: present-products
  lane: frontstage
  label: Advisor explains suitable products
  uses: [crm]
- id: crm
  lane: support
  label: CRM holds the customer's profile and holdings
```

## Use instead
```yaml
- id: crm
  lane: support
  label: CRM holds the customer's profile and holdings
  fail_points:
    - what: CRM is down or slow; advisors cannot see the customer's profile
      owner: Bank IT service manager
      prevention: Replicated database; read-only copy at each branch
      recovery:
        strategies: [apology, provide-information]
        action: Advisors use the printed day sheet and book a follow-up call
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let threshold = context.thresholds.single_point_dependants;
    // Customer-facing steps relying on each step, in file order (edges are listed by
    // their source in file order), each at most once.
    let mut dependants: Vec<Vec<petgraph::graph::NodeIndex>> =
        vec![Vec::new(); graph.graph.node_count()];
    for (_, from, to, _) in graph.edges_of_kind(EdgeKind::Support) {
        if graph.lane(from).is_visible() && dependants[to.index()].last() != Some(&from) {
            dependants[to.index()].push(from);
        }
    }
    let mut findings = Vec::new();
    for node in graph.nodes() {
        if !matches!(graph.lane(node), Lane::Backstage | Lane::Support) {
            continue;
        }
        let users = &dependants[node.index()];
        let step = graph.step(node);
        if users.len() < threshold || users.is_empty() || !step.fail_points.is_empty() {
            continue;
        }
        findings.push(
            RULE.finding(
                step.id.span,
                format!(
                    "{} customer-facing steps rely on {} step `{}`, which declares no fail point: {}",
                    users.len(),
                    graph.lane(node),
                    step.id.value,
                    step_ids(graph, users)
                ),
            )
            .annotate(format!(
                "a single point of failure ({} or more customer-facing steps rely on it)",
                threshold
            ))
            .step(step.id.value.clone())
            .help("declare a fail point on it (what happens to these contacts when it fails), with an owner, a `prevention` and a `recovery`"),
        );
    }
    findings
}
