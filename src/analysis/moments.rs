use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::Journey;
use crate::graph::{BlueprintGraph, EdgeKind};
use crate::model::Lane;

/// A moment of truth: a contact between the customer and the company (DOMAIN.md §4;
/// Normann 1984, Carlzon 1987).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    /// The flow across the line of interaction, or `None` for a moment that exists only
    /// because a step is annotated `moment_of_truth: true`.
    pub edge: Option<EdgeIndex>,
    /// The company's side of the contact: where its service standard and owner belong.
    /// For an annotated customer step with no contact flow, the step itself.
    pub contact: NodeIndex,
    /// The customer's side: where the evidence the customer sees belongs.
    pub customer: Option<NodeIndex>,
    /// A step of the contact is annotated `moment_of_truth: true`.
    pub annotated: bool,
    /// The first contact of the journey.
    pub first: bool,
    /// The last contact of the journey.
    pub last: bool,
    /// The first contact after a declared fail point: the recovery moment.
    pub recovery: bool,
}

/// Albrecht's cycle of service: the journey's moments of truth in journey order
/// (DOMAIN.md §4, seed 001).
///
/// A flow across the line of interaction that the journey reaches is a moment when
/// the customer meets the company there: customer and frontstage staff, in either
/// direction; a backstage or support step whose outcome reaches the customer (a
/// letter, a text message, a delivery); and a customer action into a backstage or
/// support step only when that step is a channel the customer uses themselves (it has
/// a `channel`: an app, a website, an ATM). A customer action that merely starts hidden
/// work (handing over a parcel that is then sorted at the hub) is not a contact with
/// that work. An annotated step confirms the moments it is part of, or adds one of its
/// own.
/// Journey order is [`Journey`]'s: stages from start to finish, a loop's contacts once.
/// A recovery moment is a contact reached from a step with a declared fail point
/// without passing an earlier contact; found with one breadth-first search from all
/// fail-point steps at once, so linear in steps and flows.
pub fn cycle_of_service(graph: &BlueprintGraph<'_>, journey: &Journey) -> Vec<Moment> {
    let annotated = |node: NodeIndex| {
        graph
            .step(node)
            .moment_of_truth
            .as_ref()
            .is_some_and(|m| m.value)
    };
    let mut moments = Vec::new();
    let mut has_contact_flow = vec![false; graph.graph.node_count()];
    for (edge_index, from, to, _) in graph.edges_of_kind(EdgeKind::Flow) {
        let edge = &graph.graph[edge_index];
        if !journey.reachable[from.index()] || !edge.handoff.crossings.interaction {
            continue;
        }
        let into_hidden_work = graph.lane(from) == Lane::Customer
            && !graph.lane(to).is_visible()
            && graph.step(to).channel.is_none();
        if into_hidden_work {
            continue;
        }
        let (contact, customer) = if graph.lane(from) == Lane::Customer {
            (to, from)
        } else {
            (from, to)
        };
        has_contact_flow[from.index()] = true;
        has_contact_flow[to.index()] = true;
        moments.push(Moment {
            edge: Some(edge_index),
            contact,
            customer: Some(customer),
            annotated: annotated(from) || annotated(to),
            first: false,
            last: false,
            recovery: false,
        });
    }
    for node in graph.nodes() {
        if journey.reachable[node.index()] && annotated(node) && !has_contact_flow[node.index()] {
            moments.push(Moment {
                edge: None,
                contact: node,
                customer: (graph.lane(node) == Lane::Customer).then_some(node),
                annotated: true,
                first: false,
                last: false,
                recovery: false,
            });
        }
    }

    // Journey order: by where the contact begins, then as written.
    let begins = |m: &Moment| match m.edge {
        Some(edge) => graph
            .graph
            .edge_endpoints(edge)
            .map_or(m.contact, |(from, _)| from),
        None => m.contact,
    };
    moments.sort_by_key(|m| (journey.order_key(begins(m)), m.edge.map(EdgeIndex::index)));
    if let Some(first) = moments.first_mut() {
        first.first = true;
    }
    if let Some(last) = moments.last_mut() {
        last.last = true;
    }
    mark_recoveries(graph, &mut moments);
    moments
}

fn mark_recoveries(graph: &BlueprintGraph<'_>, moments: &mut [Moment]) {
    let nodes = graph.graph.node_count();
    // Which moment (if any) each contact flow and each annotated-only step carries.
    let mut moment_of_edge = vec![None; graph.graph.edge_count()];
    let mut moment_at_step = vec![None; nodes];
    for (i, moment) in moments.iter().enumerate() {
        match moment.edge {
            Some(edge) => moment_of_edge[edge.index()] = Some(i),
            None => moment_at_step[moment.contact.index()] = Some(i),
        }
    }
    let mut seen = vec![false; nodes];
    let mut queue: VecDeque<NodeIndex> = graph
        .nodes()
        .filter(|&n| !graph.step(n).fail_points.is_empty())
        .collect();
    for node in &queue {
        seen[node.index()] = true;
    }
    while let Some(node) = queue.pop_front() {
        // A step that is itself a moment after a failure upstream is the recovery
        // moment; the search does not go past it.
        if let Some(i) = moment_at_step[node.index()] {
            moments[i].recovery = true;
            if graph.step(node).fail_points.is_empty() {
                continue;
            }
        }
        for (edge, to, _) in graph.edges(node, EdgeKind::Flow, Direction::Outgoing) {
            if let Some(i) = moment_of_edge[edge.index()] {
                moments[i].recovery = true;
                continue;
            }
            if !seen[to.index()] {
                seen[to.index()] = true;
                queue.push_back(to);
            }
        }
    }
}
