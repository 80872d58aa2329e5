//! What removing or merging steps would save, counted the same way by every
//! removable-step rule (BP201-BP205, DOMAIN.md §3): the time recorded on the steps
//! (`duration` and `wait`) and the handoffs (flows that cross a line or change actor or
//! channel, DOMAIN.md §1) that would disappear.

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use crate::graph::{BlueprintGraph, EdgeKind, handoff};
use crate::load::format_duration;
use crate::model::{Lane, Step};

/// Text compared case- and whitespace-insensitively: lower case, runs of whitespace
/// collapsed to one space, trimmed.
pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who performs a step, for comparing steps: the named actor, normalised. A customer
/// step that names no actor is performed by the customer. Elsewhere an unnamed actor
/// is `None`, and two unnamed actors compare equal: nothing in the blueprint tells them
/// apart.
pub(super) fn actor_key(step: &Step, lane: Lane) -> Option<String> {
    let named = step
        .actor
        .as_ref()
        .map(|actor| normalise(&actor.value))
        .filter(|actor| !actor.is_empty());
    match named {
        Some(actor) => Some(actor),
        None if lane == Lane::Customer => Some("customer".to_owned()),
        None => None,
    }
}

/// Who performs a step, for messages: "by Store clerk", "by the customer", "by an
/// unnamed actor".
pub(super) fn performed_by(step: &Step, lane: Lane) -> String {
    match step.actor.as_ref().map(|a| a.value.trim()) {
        Some(actor) if !actor.is_empty() => format!("by {actor}"),
        _ if lane == Lane::Customer => "by the customer".to_owned(),
        _ => "by an unnamed actor".to_owned(),
    }
}

/// The time recorded on a step, in words: "15m of work", "5m of waiting", or
/// "20m (15m of work and 5m of waiting)"; on a customer step the duration is "of the
/// customer's time". `None` when neither is recorded (or both are zero).
pub(super) fn time(step: &Step, lane: Lane) -> Option<String> {
    let work = step.duration.as_ref().map(|d| d.value).filter(|&s| s > 0);
    let wait = step.wait.as_ref().map(|w| w.value).filter(|&s| s > 0);
    let of = if lane == Lane::Customer {
        "of the customer's time"
    } else {
        "of work"
    };
    match (work, wait) {
        (None, None) => None,
        (Some(work), None) => Some(format!("{} {of}", format_duration(work))),
        (None, Some(wait)) => Some(format!("{} of waiting", format_duration(wait))),
        (Some(work), Some(wait)) => Some(format!(
            "{} ({} {of} and {} of waiting)",
            format_duration(work.saturating_add(wait)),
            format_duration(work),
            format_duration(wait)
        )),
    }
}

/// Handoffs that removing one step would take out of the blueprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Handoffs {
    /// The step's handoffs, less the handoff of the direct flow that replaces them
    /// when it has one flow in and one out (negative when that direct flow hands over
    /// and the step's own flows did not). A step with no flow in or none out leaves
    /// nothing to reroute.
    Exact(i64),
    /// The step has flows in and out, and several on one side: the handoffs among its
    /// own flows. Rerouting its flows may add some back; counting them exactly would
    /// pair every flow in with every flow out, which is not linear.
    AtMost(usize),
}

/// The handoffs saved by removing `node`, its predecessor's flow going straight on to
/// its successor. Flows from a step to itself are ignored.
pub(super) fn removal_handoffs(graph: &BlueprintGraph<'_>, node: NodeIndex) -> Handoffs {
    let incoming: Vec<_> = graph
        .edges(node, EdgeKind::Flow, Direction::Incoming)
        .filter(|(_, from, _)| *from != node)
        .collect();
    let outgoing: Vec<_> = graph
        .edges(node, EdgeKind::Flow, Direction::Outgoing)
        .filter(|(_, to, _)| *to != node)
        .collect();
    let own = incoming
        .iter()
        .chain(&outgoing)
        .filter(|(_, _, edge)| edge.handoff.is_handoff())
        .count();
    match (incoming.as_slice(), outgoing.as_slice()) {
        // Nothing to reroute: its flows simply go.
        ([], _) | (_, []) => Handoffs::Exact(own as i64),
        ([(_, from, _)], [(_, to, _)]) => {
            // A -> X -> A leaves no flow at all once X is gone.
            let direct = from != to && handoff(&graph.graph[*from], &graph.graph[*to]).is_handoff();
            Handoffs::Exact(own as i64 - i64::from(direct))
        }
        _ => Handoffs::AtMost(own),
    }
}

impl Handoffs {
    fn describe(self) -> String {
        match self {
            Handoffs::Exact(n) if n > 0 => plural(n.unsigned_abs() as usize, "handoff"),
            Handoffs::Exact(0) | Handoffs::AtMost(0) => "no handoff".to_owned(),
            Handoffs::Exact(n) => format!(
                "no handoff (the direct flow that replaces it adds {})",
                plural(n.unsigned_abs() as usize, "handoff")
            ),
            Handoffs::AtMost(n) => format!("up to {}", plural(n, "handoff")),
        }
    }
}

/// What removing a step saves, to follow "would save": "20m (15m of work and 5m of
/// waiting) and 2 handoffs".
pub(super) fn removal(graph: &BlueprintGraph<'_>, node: NodeIndex) -> String {
    let time =
        time(graph.step(node), graph.lane(node)).unwrap_or_else(|| "no recorded time".to_owned());
    format!("{time} and {}", removal_handoffs(graph, node).describe())
}

/// "1 handoff", "2 handoffs".
pub(super) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::blueprint;

    #[test]
    fn text_is_compared_without_case_or_extra_whitespace() {
        assert_eq!(
            normalise("  Clerk   Checks\tthe ID "),
            "clerk checks the id"
        );
        assert_eq!(normalise("櫃台 確認"), "櫃台 確認");
    }

    /// relay sits between agent (frontstage, Agent, phone) and specialist (backstage,
    /// Specialist): agent -> relay crosses the line of visibility and changes actor,
    /// relay -> specialist changes actor. The direct flow agent -> specialist would
    /// still cross the line of visibility, so removing relay saves 2 - 1 = 1 handoff.
    /// hub has two flows in (both handoffs: Agent -> Hub) and one out (no handoff:
    /// same lane, same actor), so at most 2.
    const RELAY: &str = "
blueprint: 1
name: Relay
steps:
  - {id: call, lane: customer, label: Calls, channel: phone, next: [agent]}
  - {id: agent, lane: frontstage, label: Agent listens, actor: Agent, channel: phone,
     next: [relay, hub]}
  - {id: relay, lane: backstage, label: Relays, actor: Lead, wait: 5m, duration: 0,
     next: [specialist]}
  - {id: specialist, lane: backstage, label: Solves, actor: Specialist, duration: 15m,
     next: [hub]}
  - {id: hub, lane: backstage, label: Files, actor: Hub, duration: 1h, wait: 30m,
     next: [hub-2]}
  - {id: hub-2, lane: backstage, label: Files more, actor: Hub, next: [reply]}
  - {id: reply, lane: frontstage, label: Replies, actor: Agent, channel: phone, next: [done]}
  - {id: done, lane: customer, label: Done}
";

    #[test]
    fn removal_counts_time_and_handoffs() {
        let blueprint = blueprint(RELAY);
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let node = |id| graph.node(id).expect("step");
        assert_eq!(removal_handoffs(&graph, node("relay")), Handoffs::Exact(1));
        assert_eq!(removal_handoffs(&graph, node("hub")), Handoffs::AtMost(2));
        // hub-2 -> reply crosses visibility and changes actor; hub -> hub-2 does not
        // (same lane and actor); hub -> reply directly would too: 1 - 1 = 0.
        assert_eq!(removal_handoffs(&graph, node("hub-2")), Handoffs::Exact(0));
        assert_eq!(
            removal(&graph, node("relay")),
            "5m of waiting and 1 handoff"
        );
        assert_eq!(
            removal(&graph, node("hub")),
            "1h30m (1h of work and 30m of waiting) and up to 2 handoffs"
        );
        assert_eq!(
            removal(&graph, node("hub-2")),
            "no recorded time and no handoff"
        );
        assert_eq!(
            time(graph.step(node("specialist")), Lane::Backstage).as_deref(),
            Some("15m of work")
        );
        assert_eq!(
            time(graph.step(node("specialist")), Lane::Customer).as_deref(),
            Some("15m of the customer's time")
        );
        // done has one flow in (reply -> done crosses the line of interaction) and none
        // out: nothing to reroute, exactly 1.
        assert_eq!(removal_handoffs(&graph, node("done")), Handoffs::Exact(1));
    }

    #[test]
    fn a_direct_flow_can_add_a_handoff() {
        // mid names no actor, so neither of its flows changes actor; the direct flow
        // from Ann to Bob would.
        let blueprint = blueprint(
            "
blueprint: 1
name: Direct
steps:
  - {id: a, lane: customer, label: A, next: [x]}
  - {id: x, lane: frontstage, label: X, actor: Ann, next: [mid]}
  - {id: mid, lane: frontstage, label: Mid, next: [y]}
  - {id: y, lane: frontstage, label: Y, actor: Bob, next: [b]}
  - {id: b, lane: customer, label: B}
",
        );
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let mid = graph.node("mid").expect("step");
        assert_eq!(removal_handoffs(&graph, mid), Handoffs::Exact(-1));
        assert_eq!(
            removal(&graph, mid),
            "no recorded time and no handoff (the direct flow that replaces it adds 1 handoff)"
        );
    }

    #[test]
    fn actors_compare_by_name_and_the_customer_is_implied() {
        let blueprint = blueprint(
            "
blueprint: 1
name: Actors
steps:
  - {id: a, lane: customer, label: A, next: [b]}
  - {id: b, lane: frontstage, label: B, actor: ' Store  Clerk', next: [c]}
  - {id: c, lane: frontstage, label: C, next: [d]}
  - {id: d, lane: customer, label: D, actor: Customer}
",
        );
        let key = |i: usize| {
            actor_key(
                &blueprint.steps[i],
                Lane::parse(blueprint.steps[i].lane.as_str()).expect("lane"),
            )
        };
        assert_eq!(key(0).as_deref(), Some("customer"));
        assert_eq!(key(1).as_deref(), Some("store clerk"));
        assert_eq!(key(2), None);
        assert_eq!(key(3), key(0));
        let who = |i: usize| {
            performed_by(
                &blueprint.steps[i],
                Lane::parse(blueprint.steps[i].lane.as_str()).expect("lane"),
            )
        };
        assert_eq!(who(0), "by the customer");
        assert_eq!(who(1), "by Store  Clerk");
        assert_eq!(who(2), "by an unnamed actor");
    }
}
