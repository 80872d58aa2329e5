use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::{BlueprintGraph, EdgeKind, Handoff};

/// A flow that hands the work over: it changes actor or channel, or crosses a line
/// (DOMAIN.md §1: handoffs are where services break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffView {
    pub edge: EdgeIndex,
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub handoff: Handoff,
    /// Support steps both sides rely on: a shared record of the case (a CRM, a ticket
    /// system). Empty when the two sides share nothing, as in seed 002 case 1.
    pub shared: Vec<NodeIndex>,
}

impl HandoffView {
    pub fn shares_a_record(&self) -> bool {
        !self.shared.is_empty()
    }
}

/// Every handoff, in file order. Each side's support relations are read once per
/// flow, so the cost is the flows times the support relations of their ends.
pub fn handoffs(graph: &BlueprintGraph<'_>) -> Vec<HandoffView> {
    let supports: Vec<Vec<NodeIndex>> = graph
        .nodes()
        .map(|node| {
            let mut used: Vec<NodeIndex> = graph
                .edges(node, EdgeKind::Support, Direction::Outgoing)
                .map(|(_, to, _)| to)
                .collect();
            used.sort_unstable();
            used.dedup();
            used
        })
        .collect();
    graph
        .edges_of_kind(EdgeKind::Flow)
        .filter(|(_, from, to, edge)| from != to && edge.handoff.is_handoff())
        .map(|(index, from, to, edge)| {
            let shared = intersection(&supports[from.index()], &supports[to.index()]);
            HandoffView {
                edge: index,
                from,
                to,
                handoff: edge.handoff,
                shared,
            }
        })
        .collect()
}

/// Items in both sorted lists.
fn intersection(a: &[NodeIndex], b: &[NodeIndex]) -> Vec<NodeIndex> {
    let (mut i, mut j, mut both) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    both
}
