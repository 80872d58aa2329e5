use petgraph::graph::NodeIndex;

use super::{Check, Context, Rule, savings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::EdgeKind;
use crate::load::format_duration;
use crate::model::Lane;

pub(super) static RULE: Rule = Rule {
    code: "BP203",
    name: "mergeable-steps",
    severity: Severity::Info,
    summary: "Consecutive steps in one lane by one actor with nothing between them could be one step",
    docs: r#"## What it does
Flags a run of consecutive frontstage, backstage or support steps in one lane,
performed by one actor, with nothing between them, once per run, at its first step.

Two steps `a` and `b` are consecutive when `a` has exactly one flow (`next`), to `b`,
and `b` has exactly one flow in, from `a` (and `b` is not where the journey starts).
Nothing is between them when:
- the flow is not a branch (no `when`) and hands nothing over: same lane, same actor,
  same channel (so merging saves flows but, as a rule, no handoff);
- the customer does not wait before `b` (no `wait`, or `0`);
- neither step has a fail point;
- neither step is a moment of truth: neither is the company's side (the contact) of a
  moment in the cycle of service, and neither is annotated `moment_of_truth: true`;
- the two steps are not given different value classes (`value`).

Runs are the longest chains of such pairs; each step belongs to at most one, so the
rule is one pass over steps and flows.

Judgment calls:
- Customer actions are never merged. They are the journey as the customer lives it
  ("arrives", then "leaves", with nothing between them, are still two steps), and the
  customer's effort is cut by changing the company's steps, not by redrawing the
  customer's.
- Actors are compared ignoring case and extra whitespace; two steps that both name no
  actor count as the same actor.
- A channel change is something between the steps (the work moves from the phone to
  the store), so such steps are not merged.
- Value classes are not in the issue's list of what separates steps; they are added
  because the designer states them on purpose: merging a step already called waste
  into a value-adding one would hide the waste.
- Steps the journey cannot reach are left to `unreachable-step` (BP005).

Severity: info. Drawing one activity as several steps is often deliberate, to show
detail; merging is a suggestion to weigh, not a defect. The help says what merging
would save: the flows between the steps (handoffs only where an actor's name is
spelt differently) and no waiting (none is recorded between them); the work itself
stays.

## Why it matters
Seed 000 (昝家騏 and 劉亦欣, 2006): a blueprint shows which steps can be added,
removed or **merged**. DOMAIN.md §3 lists "consecutive steps in one lane by one actor
with nothing between them" among the candidates: in lean value-stream mapping each
extra step is a place where work queues, is re-checked or is dropped.

## Example
```yaml
- id: sorter-scans-parcel
  lane: backstage
  label: Sorter scans the parcel
  actor: Depot sorter
  next: [sorter-weighs-parcel]
- id: sorter-weighs-parcel
  lane: backstage
  label: Sorter weighs the parcel
  actor: Depot sorter
  next: [driver-loads-van]
```

## Use instead
```yaml
- id: sorter-checks-in-parcel
  lane: backstage
  label: Sorter scans and weighs the parcel at one station
  actor: Depot sorter
  next: [driver-loads-van]
```
"#,
    check: Check::Graph(check),
};

fn check(context: &Context<'_, '_>) -> Vec<Diagnostic> {
    let graph = context.graph;
    let nodes = graph.graph.node_count();
    let reachable = context.reachable_with_support();

    // What keeps a step on its own: a fail point or a moment of truth.
    let mut pinned = vec![false; nodes];
    for moment in context.moments() {
        pinned[moment.contact.index()] = true;
    }
    for node in graph.nodes() {
        let step = graph.step(node);
        let annotated = step.moment_of_truth.as_ref().is_some_and(|m| m.value);
        if annotated || !step.fail_points.is_empty() {
            pinned[node.index()] = true;
        }
    }
    let mut flows_in = vec![0usize; nodes];
    for (_, _, to, _) in graph.edges_of_kind(EdgeKind::Flow) {
        flows_in[to.index()] += 1;
    }

    // link[a] = b when a and b could be one step. Each step has at most one link out
    // (a has one flow) and one in (b has one flow in), so the links form disjoint chains.
    // With each link: whether the graph counts its flow as a handoff (an actor spelt
    // differently in case or spacing).
    let mut link: Vec<Option<(NodeIndex, bool)>> = vec![None; nodes];
    let mut linked_into = vec![false; nodes];
    for a in graph.nodes() {
        if !reachable[a.index()] || pinned[a.index()] || graph.lane(a) == Lane::Customer {
            continue;
        }
        let mut flows = graph.edges(a, EdgeKind::Flow, petgraph::Direction::Outgoing);
        let (Some((_, b, edge)), None) = (flows.next(), flows.next()) else {
            continue;
        };
        let (step_a, step_b) = (graph.step(a), graph.step(b));
        let waits = step_b.wait.as_ref().is_some_and(|w| w.value > 0);
        // Merging a waste step into a value-adding one would hide the waste.
        let values_differ = match (&step_a.value, &step_b.value) {
            (Some(x), Some(y)) => x.value != y.value,
            _ => false,
        };
        if b == a
            || b == graph.start
            || pinned[b.index()]
            || flows_in[b.index()] != 1
            || edge.when.is_some()
            // Same lane and channel; the actor is compared below, ignoring case.
            || edge.handoff.crossings.any()
            || edge.handoff.channel_change
            || graph.lane(a) != graph.lane(b)
            || savings::actor_key(step_a, graph.lane(a)) != savings::actor_key(step_b, graph.lane(b))
            || waits
            || values_differ
        {
            continue;
        }
        link[a.index()] = Some((b, edge.handoff.is_handoff()));
        linked_into[b.index()] = true;
    }

    let mut findings = Vec::new();
    for head in graph.nodes() {
        // A run starts at a step linked onward that nothing links into. (A ring of
        // links has no such step, but cannot be entered: every step in it has its one
        // flow in from the ring, and the start is never linked into.)
        if link[head.index()].is_none() || linked_into[head.index()] {
            continue;
        }
        let (mut run, mut handoffs) = (vec![head], 0);
        while let Some((next, handoff)) = link[run[run.len() - 1].index()] {
            run.push(next);
            handoffs += usize::from(handoff);
        }
        findings.push(finding(context, &run, handoffs));
    }
    findings
}

fn finding(context: &Context<'_, '_>, run: &[NodeIndex], handoffs: usize) -> Diagnostic {
    let graph = context.graph;
    let (head, lane) = (graph.step(run[0]), graph.lane(run[0]));
    let shown: Vec<String> = run
        .iter()
        .take(6)
        .map(|&node| format!("`{}`", graph.step(node).id.value))
        .collect();
    let list = match (shown.split_last(), run.len() - shown.len()) {
        (Some((last, rest)), 0) => format!("{} and {last}", rest.join(", ")),
        (_, more) => format!("{} and {more} more", shown.join(", ")),
    };
    let who = savings::performed_by(head, lane);
    let work: u64 = run
        .iter()
        .filter_map(|&node| graph.step(node).duration.as_ref())
        .fold(0u64, |total, d| total.saturating_add(d.value));
    let stays = if work > 0 {
        format!("; their {} of work stays", format_duration(work))
    } else {
        String::new()
    };
    let flows = run.len() - 1;
    let mut diagnostic = RULE
        .finding(
            head.id.span,
            format!(
                "steps {list} follow each other in the {lane} lane {who} with nothing between them"
            ),
        )
        .annotate(format!("first of {} steps that could be one", run.len()))
        .step(head.id.value.clone());
    for &node in run.iter().skip(1).take(5) {
        diagnostic = diagnostic.label(
            graph.step(node).id.span,
            format!("could be merged into `{}`", head.id.value),
        );
    }
    diagnostic.help(format!(
        "merge them into one step: that would save {} between them, {} and no waiting (none is recorded between them){stays}",
        savings::plural(flows, "flow"),
        match handoffs {
            0 => "no handoff".to_owned(),
            // Same lane and channel, so only an actor spelt differently (case,
            // spacing) makes the graph see a handoff.
            n => format!(
                "{} (the actor's name is spelt differently)",
                savings::plural(n, "handoff")
            ),
        }
    ))
}
