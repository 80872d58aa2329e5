use std::borrow::Cow;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::facts::step_ids;
use super::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{BlueprintGraph, EdgeKind};
use crate::model::{Lane, Step};
use crate::span::Located;

pub(super) static RULE: Rule = Rule {
    code: "BP106",
    name: "handoff-without-shared-record",
    severity: Severity::Warning,
    summary: "A handoff across the line of visibility or between channels with no shared record",
    docs: r#"## What it does
Flags a flow (`next`) that hands the case over where services break, when the two
sides share no record:
- between two actors across the line of visibility (frontstage staff handing to
  backstage staff or a department, or back), or
- between two channels (phone to store, web to phone).

The two sides share a record when both steps rely (`uses`) on a common backstage or
support step: a CRM, a ticket system, a case file. Without one, whatever the first
side learned reaches the second only through the customer's memory.

Judgment calls:
- An actor change is only claimed when both steps name their `actor`, a channel change
  only when both name their `channel`.
- The line-of-visibility case is between the company's own steps (frontstage,
  backstage, support). A customer step handing to a backstage step is a contact, a
  moment of truth, which the moment-of-truth rules check.
- When a channel change has a customer step at an end (the customer hangs up and goes
  to the store), that end's side is the company on that channel: at the start of the
  flow, the company steps on the customer step's channel that flow into it (the contact
  the customer just left); at the end, the company steps on its channel that it flows
  into (the contact the customer is going to); plus any record the customer step uses
  itself. The finding names these company steps. When either end has no company step
  on its channel (an advert before the call, the walk home after the store), nothing is
  handed over and nothing is reported.

Why a warning: the shared record is a design fix for the team to weigh (cost,
privacy), not a broken blueprint.

## Why it matters
DOMAIN.md §1: every flow that crosses a line is a handoff, and handoffs are where
services break. §2, seed 002 case 1 (the SIM card): the call centre diagnosed a faulty
SIM and sent the customer to a store; the store could not see the diagnosis, the
customer had to explain everything again, and the clerk told the customer the call
centre "doesn't know what it is doing". Case 4 (the empty stored-value card) is the
same break between head office and the stores.

## Example
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent sends the customer to a store for a new SIM
  actor: Call-centre agent
  channel: phone
  uses: [call-centre-crm]
  next: [end-call]
- id: end-call
  lane: customer
  label: Customer hangs up and goes to the store the next day
  channel: phone
  next: [visit-store]
- id: visit-store
  lane: customer
  label: Customer visits the store
  channel: store
  next: [clerk-asks-reason]
- id: clerk-asks-reason
  lane: frontstage
  label: Clerk asks why the customer came
  actor: Store clerk
  channel: store
  uses: [store-pos]
```

## Use instead
```yaml
- id: agent-advises-store-swap
  lane: frontstage
  label: Agent opens a swap ticket and sends the customer to a store
  actor: Call-centre agent
  channel: phone
  uses: [call-centre-crm, ticket-system]
  next: [end-call]
# ...
- id: clerk-asks-reason
  lane: frontstage
  label: Clerk opens the customer's swap ticket
  actor: Store clerk
  channel: store
  uses: [store-pos, ticket-system]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let handoffs = context.handoffs();
    if handoffs.is_empty() {
        return Vec::new();
    }
    let nodes = graph.graph.node_count();
    // For each customer step, the company steps on the same channel that flow into it
    // (the contact the customer just left) and that it flows into (the contact it is
    // going to). One pass over the flows.
    let mut left: Vec<Vec<NodeIndex>> = vec![Vec::new(); nodes];
    let mut going: Vec<Vec<NodeIndex>> = vec![Vec::new(); nodes];
    for (_, from, to, _) in graph.edges_of_kind(EdgeKind::Flow) {
        if !same_channel(graph.step(from), graph.step(to)) {
            continue;
        }
        match (graph.lane(from), graph.lane(to)) {
            (Lane::Customer, Lane::Customer) => {}
            (_, Lane::Customer) => left[to.index()].push(from),
            (Lane::Customer, _) => going[from.index()].push(to),
            _ => {}
        }
    }
    for steps in left.iter_mut().chain(going.iter_mut()) {
        steps.sort_unstable();
        steps.dedup();
    }
    // The records each customer step's sides rely on, computed once per step and side
    // however many flows need them.
    let mut cache_before: Vec<Option<Vec<NodeIndex>>> = vec![None; nodes];
    let mut cache_after: Vec<Option<Vec<NodeIndex>>> = vec![None; nodes];
    let mut findings = Vec::new();
    for view in handoffs {
        if view.shares_a_record() {
            continue;
        }
        let handoff = view.handoff;
        let company_only =
            graph.lane(view.from) != Lane::Customer && graph.lane(view.to) != Lane::Customer;
        let across_visibility =
            company_only && handoff.crossings.visibility && handoff.actor_change;
        let between_channels = handoff.channel_change;
        if !(across_visibility || between_channels) {
            continue;
        }
        // The company's side of each end: a company step stands for itself; a customer
        // step for the company steps it just left (at the start of the flow) or is
        // going to (at its end), on its own channel.
        let before = side(graph, view.from, &left);
        let after = side(graph, view.to, &going);
        // A channel with no company step on it (an advert, the road home) hands nothing
        // over.
        if before.is_empty() || after.is_empty() {
            continue;
        }
        let records_before = cached(&mut cache_before, graph, view.from, &before);
        let records_after = cached(&mut cache_after, graph, view.to, &after);
        if records_before
            .iter()
            .any(|r| records_after.binary_search(r).is_ok())
        {
            continue;
        }
        findings.push(finding(
            graph,
            view.edge,
            (view.from, &before, records_before),
            (view.to, &after, records_after),
            across_visibility,
        ));
    }
    findings
}

fn side<'s>(
    graph: &BlueprintGraph<'_>,
    node: NodeIndex,
    around: &'s [Vec<NodeIndex>],
) -> Cow<'s, [NodeIndex]> {
    if graph.lane(node) == Lane::Customer {
        Cow::Borrowed(&around[node.index()])
    } else {
        Cow::Owned(vec![node])
    }
}

fn cached<'c>(
    cache: &'c mut [Option<Vec<NodeIndex>>],
    graph: &BlueprintGraph<'_>,
    end: NodeIndex,
    steps: &[NodeIndex],
) -> &'c [NodeIndex] {
    cache[end.index()].get_or_insert_with(|| records(graph, end, steps))
}

type Side<'s> = (NodeIndex, &'s [NodeIndex], &'s [NodeIndex]);

fn finding(
    graph: &BlueprintGraph<'_>,
    edge: EdgeIndex,
    (from, before, records_before): Side<'_>,
    (to, after, records_after): Side<'_>,
    across_visibility: bool,
) -> Diagnostic {
    let (from_step, to_step) = (graph.step(from), graph.step(to));
    let mut changes = Vec::new();
    if across_visibility {
        changes.push(format!(
            "crosses the line of visibility from {} ({}) to {} ({})",
            text(from_step.actor.as_ref()),
            graph.lane(from),
            text(to_step.actor.as_ref()),
            graph.lane(to)
        ));
    }
    if graph.graph[edge].handoff.channel_change {
        changes.push(format!(
            "changes channel from {} to {}",
            text(from_step.channel.as_ref()),
            text(to_step.channel.as_ref())
        ));
    }
    // When a customer step is an end of the flow, the sides are the company steps
    // around it: name them, or the reader cannot see whose records are meant.
    let sides = if before == [from] && after == [to] {
        String::new()
    } else {
        format!(
            " between {} and {}",
            step_ids(graph, before),
            step_ids(graph, after)
        )
    };
    let mut diagnostic = RULE
        .finding(
            graph.graph[edge].reference.span,
            format!(
                "handoff from `{}` to `{}` {} with no shared record{sides}",
                from_step.id.value,
                to_step.id.value,
                changes.join(" and ")
            ),
        )
        .annotate("the two sides rely on no common record")
        .step(from_step.id.value.clone());
    for (steps, records) in [(before, records_before), (after, records_after)] {
        let uses = if records.is_empty() {
            "relies on no record".to_owned()
        } else {
            format!("relies on {}", step_ids(graph, records))
        };
        // A label on a few company steps of each side; the message names them.
        for &node in steps.iter().take(3) {
            diagnostic = diagnostic.label(graph.step(node).id.span, uses.clone());
        }
    }
    let (first, last) = (
        before.first().copied().unwrap_or(from),
        after.first().copied().unwrap_or(to),
    );
    diagnostic.help(format!(
        "let `{}` and `{}` both use (`uses`) the same record, such as a ticket or case system, so what one side learned reaches the other without the customer retelling it",
        graph.step(first).id.value,
        graph.step(last).id.value
    ))
}

/// The records (support relation targets) a side relies on, sorted: the company steps'
/// and, for a customer step at the end of the flow, its own.
fn records(graph: &BlueprintGraph<'_>, end: NodeIndex, steps: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut records: Vec<NodeIndex> = steps
        .iter()
        .chain(std::iter::once(&end))
        .flat_map(|&n| graph.edges(n, EdgeKind::Support, Direction::Outgoing))
        .map(|(_, to, _)| to)
        .collect();
    records.sort_unstable();
    records.dedup();
    records
}

/// Both steps name a channel and it is the same one (as `Handoff` compares them).
fn same_channel(a: &Step, b: &Step) -> bool {
    match (&a.channel, &b.channel) {
        (Some(a), Some(b)) => a.value.trim() == b.value.trim(),
        _ => false,
    }
}

fn text(value: Option<&Located<String>>) -> &str {
    value.map_or("?", |v| v.value.as_str())
}
