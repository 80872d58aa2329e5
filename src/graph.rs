//! Model -> petgraph. This is the only place a graph is built; every analyzer walks it.
//!
//! Nodes are steps, in file order (node `i` is `blueprint.steps[i]`). Edges are typed:
//! a flow (the journey moves on) or a support relation (a step relies on a system or
//! department). Each flow is classified by the lines it crosses and whether it changes
//! actor or channel: the handoffs where services break (DOMAIN.md §1, §2).

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::{Blueprint, Crossings, Lane, Step};
use crate::span::Located;

#[derive(Debug, Clone, Copy)]
pub struct StepNode<'a> {
    pub step: &'a Step,
    pub lane: Lane,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    Flow,
    Support,
}

/// What a flow hands over: the lines crossed and whether actor or channel change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Handoff {
    pub crossings: Crossings,
    /// Both steps name an actor and the actors differ.
    pub actor_change: bool,
    /// Both steps name a channel and the channels differ.
    pub channel_change: bool,
}

impl Handoff {
    pub fn is_handoff(self) -> bool {
        self.crossings.any() || self.actor_change || self.channel_change
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Edge<'a> {
    pub kind: EdgeKind,
    /// The reference as written (`next: [x]` or `uses: [x]`), for diagnostics.
    pub reference: &'a Located<String>,
    /// The branch condition of a flow.
    pub when: Option<&'a Located<String>>,
    pub handoff: Handoff,
}

#[derive(Debug)]
pub struct BlueprintGraph<'a> {
    pub blueprint: &'a Blueprint,
    pub graph: DiGraph<StepNode<'a>, Edge<'a>>,
    pub start: NodeIndex,
    index: HashMap<&'a str, NodeIndex>,
}

impl<'a> BlueprintGraph<'a> {
    /// Build the graph. Returns `None` when the model has problems the model-stage
    /// rules report (an unknown lane or reference, a duplicate id, no steps), so callers
    /// never see a half-built graph.
    pub fn build(blueprint: &'a Blueprint) -> Option<Self> {
        let mut graph = DiGraph::with_capacity(blueprint.steps.len(), blueprint.steps.len() * 2);
        let mut index = HashMap::with_capacity(blueprint.steps.len());
        for step in &blueprint.steps {
            let lane = Lane::parse(step.lane.as_str())?;
            let node = graph.add_node(StepNode { step, lane });
            if index.insert(step.id.as_str(), node).is_some() {
                return None;
            }
        }
        for (from, step) in blueprint.steps.iter().enumerate() {
            let from = NodeIndex::new(from);
            for flow in &step.next {
                let to = *index.get(flow.to.as_str())?;
                let handoff = handoff(&graph[from], &graph[to]);
                graph.add_edge(
                    from,
                    to,
                    Edge {
                        kind: EdgeKind::Flow,
                        reference: &flow.to,
                        when: flow.when.as_ref(),
                        handoff,
                    },
                );
            }
            for used in &step.uses {
                let to = *index.get(used.as_str())?;
                let handoff = handoff(&graph[from], &graph[to]);
                graph.add_edge(
                    from,
                    to,
                    Edge {
                        kind: EdgeKind::Support,
                        reference: used,
                        when: None,
                        handoff,
                    },
                );
            }
        }
        let start = *index.get(blueprint.start_id()?.as_str())?;
        Some(BlueprintGraph {
            blueprint,
            graph,
            start,
            index,
        })
    }

    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    pub fn step(&self, node: NodeIndex) -> &'a Step {
        self.graph[node].step
    }

    pub fn lane(&self, node: NodeIndex) -> Lane {
        self.graph[node].lane
    }

    /// Every node, in file order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    /// Edges of one kind leaving or entering a node, in the order they were written.
    pub fn edges(
        &self,
        node: NodeIndex,
        kind: EdgeKind,
        direction: Direction,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, &Edge<'a>)> + '_ {
        let mut edges: Vec<_> = self
            .graph
            .edges_directed(node, direction)
            .filter(move |e| e.weight().kind == kind)
            .map(move |e| {
                let other = match direction {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                };
                (e.id(), other, e.weight())
            })
            .collect();
        // petgraph lists a node's edges newest first; file order reads better.
        edges.sort_by_key(|(id, _, _)| *id);
        edges.into_iter()
    }

    /// Every edge of one kind as (edge, from, to, weight), in the order written in the
    /// file.
    pub fn edges_of_kind(
        &self,
        kind: EdgeKind,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &Edge<'a>)> + '_ {
        self.nodes().flat_map(move |from| {
            self.edges(from, kind, Direction::Outgoing)
                .map(move |(index, to, edge)| (index, from, to, edge))
        })
    }

    /// Flow successors of a node, in the order written.
    pub fn next(&self, node: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.edges(node, EdgeKind::Flow, Direction::Outgoing)
            .map(|(_, to, _)| to)
    }

    /// Nodes reachable from the start by flows (and, with `with_support`, by support
    /// relations too), as a bitmap indexed by node. Linear in nodes and edges.
    pub fn reachable(&self, with_support: bool) -> Vec<bool> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut stack = vec![self.start];
        seen[self.start.index()] = true;
        while let Some(node) = stack.pop() {
            for edge in self.graph.edges_directed(node, Direction::Outgoing) {
                if edge.weight().kind == EdgeKind::Support && !with_support {
                    continue;
                }
                let target = edge.target();
                if !seen[target.index()] {
                    seen[target.index()] = true;
                    stack.push(target);
                }
            }
        }
        seen
    }

    /// The flow-only view of the graph, for algorithms that must ignore support edges.
    pub fn flow_graph(&self) -> DiGraph<(), ()> {
        let mut flow = DiGraph::with_capacity(self.graph.node_count(), self.graph.edge_count());
        for _ in self.graph.node_indices() {
            flow.add_node(());
        }
        for edge in self.graph.edge_references() {
            if edge.weight().kind == EdgeKind::Flow {
                flow.add_edge(edge.source(), edge.target(), ());
            }
        }
        flow
    }
}

/// What a flow from `from` to `to` would hand over. Public so rules can ask about a flow
/// that is not drawn (the direct flow left when a step in between is removed).
pub fn handoff(from: &StepNode<'_>, to: &StepNode<'_>) -> Handoff {
    fn differs(a: Option<&Located<String>>, b: Option<&Located<String>>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => a.value.trim() != b.value.trim(),
            _ => false,
        }
    }
    Handoff {
        crossings: from.lane.lines_between(to.lane),
        actor_change: differs(from.step.actor.as_ref(), to.step.actor.as_ref()),
        channel_change: differs(from.step.channel.as_ref(), to.step.channel.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blueprint(yaml: &str) -> Blueprint {
        crate::load::load(yaml.as_bytes()).expect("test blueprint loads")
    }

    const SIM_SWAP: &str = "
blueprint: 1
name: SIM swap
steps:
  - id: call
    lane: customer
    label: Customer calls
    actor: Customer
    channel: phone
    next: [diagnose]
  - id: diagnose
    lane: frontstage
    label: Agent diagnoses
    actor: Agent
    channel: phone
    uses: [crm]
    next: [store]
  - id: store
    lane: frontstage
    label: Store clerk swaps the SIM
    actor: Clerk
    channel: store
    next: [leave]
  - id: crm
    lane: support
    label: CRM
  - id: leave
    lane: customer
    label: Customer leaves
";

    #[test]
    fn nodes_follow_file_order_and_edges_are_typed() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph builds");
        assert_eq!(graph.graph.node_count(), 5);
        assert_eq!(graph.step(NodeIndex::new(3)).id.value, "crm");
        assert_eq!(graph.start, NodeIndex::new(0));
        let kinds: Vec<EdgeKind> = graph.graph.edge_weights().map(|e| e.kind).collect();
        // Written order: call->diagnose, diagnose->store, diagnose uses crm, store->leave.
        assert_eq!(
            kinds,
            [
                EdgeKind::Flow,
                EdgeKind::Flow,
                EdgeKind::Support,
                EdgeKind::Flow
            ]
        );
    }

    #[test]
    fn flows_are_classified_by_lines_actor_and_channel() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph builds");
        let handoff = |from: &str, to: &str| {
            let (from, to) = (graph.node(from).unwrap(), graph.node(to).unwrap());
            let edge = graph.graph.find_edge(from, to).expect("edge exists");
            graph.graph[edge].handoff
        };
        // customer -> frontstage: crosses the line of interaction; Customer != Agent;
        // both on the phone.
        let h = handoff("call", "diagnose");
        assert!(h.crossings.interaction && !h.crossings.visibility);
        assert!(h.actor_change && !h.channel_change);
        // Agent on the phone -> clerk in the store: same lane, new actor, new channel.
        let h = handoff("diagnose", "store");
        assert!(!h.crossings.any());
        assert!(h.actor_change && h.channel_change && h.is_handoff());
        // frontstage -> support crosses visibility and internal interaction.
        let h = handoff("diagnose", "crm");
        assert!(
            !h.crossings.interaction && h.crossings.visibility && h.crossings.internal_interaction
        );
        // store -> leave: no actor on `leave`, so no actor change is claimed.
        let h = handoff("store", "leave");
        assert!(!h.actor_change && !h.channel_change && h.crossings.interaction);
    }

    #[test]
    fn reachability_with_and_without_support_edges() {
        let blueprint = blueprint(SIM_SWAP);
        let graph = BlueprintGraph::build(&blueprint).expect("graph builds");
        let crm = graph.node("crm").unwrap().index();
        assert!(graph.reachable(true)[crm]);
        assert!(!graph.reachable(false)[crm]);
    }

    #[test]
    fn an_unresolved_model_builds_no_graph() {
        let blueprint = blueprint(&SIM_SWAP.replace("next: [leave]", "next: [leaves]"));
        assert!(BlueprintGraph::build(&blueprint).is_none());
    }
}
