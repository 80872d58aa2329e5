use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;

use crate::graph::BlueprintGraph;
use crate::model::Lane;

/// The journey as the analyses see it: which steps the flows reach from the start,
/// the loops (strongly connected components) collapsed to single stages, and a
/// deterministic order of those stages from start to finish.
///
/// A loop is one stage: every step in it counts once, as if the loop ran once. This
/// is what keeps every analysis linear: paths are never enumerated.
#[derive(Debug, Clone)]
pub struct Journey {
    /// Indexed by node: reached from the start by flows.
    pub reachable: Vec<bool>,
    /// Indexed by node: the stage (strongly connected component) it belongs to.
    pub stage: Vec<usize>,
    /// Stages in journey order: every flow between stages goes forward in this order.
    /// Ties (parallel or alternative branches) are broken by file order.
    pub order: Vec<usize>,
    /// Indexed by stage: its position in `order`.
    pub position: Vec<usize>,
    /// Indexed by stage: its steps, in file order.
    pub members: Vec<Vec<NodeIndex>>,
    /// Indexed by node: a customer step the journey can finish at (no flow onward).
    pub finish: Vec<bool>,
}

impl Journey {
    pub fn new(graph: &BlueprintGraph<'_>) -> Self {
        let nodes = graph.graph.node_count();
        let reachable = graph.reachable(false);
        let flow = graph.flow_graph();

        let mut members: Vec<Vec<NodeIndex>> = kosaraju_scc(&flow);
        for component in &mut members {
            component.sort_unstable();
        }
        // Number stages by their first step in file order, so numbering does not
        // depend on the algorithm's visiting order.
        members.sort_unstable_by_key(|component| component[0]);
        let mut stage = vec![0; nodes];
        for (number, component) in members.iter().enumerate() {
            for node in component {
                stage[node.index()] = number;
            }
        }

        // Kahn's algorithm over the stages, always taking the ready stage with the
        // lowest number (earliest in the file): a deterministic topological order.
        let stages = members.len();
        let mut successors: Vec<Vec<usize>> = vec![Vec::new(); stages];
        let mut incoming = vec![0usize; stages];
        for edge in flow.raw_edges() {
            let (from, to) = (stage[edge.source().index()], stage[edge.target().index()]);
            if from != to {
                successors[from].push(to);
                incoming[to] += 1;
            }
        }
        let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..stages)
            .filter(|&s| incoming[s] == 0)
            .map(std::cmp::Reverse)
            .collect();
        let mut order = Vec::with_capacity(stages);
        while let Some(std::cmp::Reverse(next)) = ready.pop() {
            order.push(next);
            for &to in &successors[next] {
                incoming[to] -= 1;
                if incoming[to] == 0 {
                    ready.push(std::cmp::Reverse(to));
                }
            }
        }
        let mut position = vec![0; stages];
        for (at, &s) in order.iter().enumerate() {
            position[s] = at;
        }

        let finish = graph
            .nodes()
            .map(|node| {
                reachable[node.index()]
                    && graph.lane(node) == Lane::Customer
                    && graph.next(node).all(|to| to == node)
            })
            .collect();

        Journey {
            reachable,
            stage,
            order,
            position,
            members,
            finish,
        }
    }

    /// A sort key putting steps in journey order (stage order, then file order).
    pub fn order_key(&self, node: NodeIndex) -> (usize, usize) {
        (self.position[self.stage[node.index()]], node.index())
    }

    /// True when the node is part of a loop.
    pub fn in_loop(&self, node: NodeIndex) -> bool {
        self.members[self.stage[node.index()]].len() > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::blueprint;

    #[test]
    fn loops_are_one_stage_and_stages_follow_the_flow() {
        // a -> b -> c -> b (loop b,c) -> d; e is never reached.
        let blueprint = blueprint(
            "
blueprint: 1
name: Loop
steps:
  - {id: a, lane: customer, label: a, next: [b]}
  - {id: e, lane: frontstage, label: e, next: [d]}
  - {id: b, lane: frontstage, label: b, next: [c]}
  - {id: c, lane: customer, label: c, next: [b, d]}
  - {id: d, lane: customer, label: d}
",
        );
        let graph = BlueprintGraph::build(&blueprint).expect("graph");
        let journey = Journey::new(&graph);
        let node = |id| graph.node(id).expect("step");
        assert_eq!(
            journey.stage[node("b").index()],
            journey.stage[node("c").index()]
        );
        assert!(journey.in_loop(node("b")) && !journey.in_loop(node("a")));
        assert!(!journey.reachable[node("e").index()]);
        let mut ids = vec!["d", "c", "b", "a"];
        ids.sort_by_key(|id| journey.order_key(node(id)));
        assert_eq!(ids, ["a", "b", "c", "d"]);
        let finishes: Vec<_> = graph
            .nodes()
            .filter(|n| journey.finish[n.index()])
            .collect();
        assert_eq!(finishes, [node("d")]);
    }
}
