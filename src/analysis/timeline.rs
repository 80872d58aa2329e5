use petgraph::graph::NodeIndex;

use super::Journey;
use crate::graph::BlueprintGraph;

/// The customer's timeline (DOMAIN.md §5: Shostack's execution times).
///
/// How loops and branches count, so the numbers stay linear to compute and honest:
/// - `execution` and `wait` add up every step the journey reaches from its start, each
///   once: the total work and waiting the blueprint describes, whichever branch a
///   customer takes.
/// - The critical path is the longest duration-plus-wait path from the start to a
///   finishing customer step. Parallel branches and alternatives both contribute their
///   longest arm (the slowest thing that can happen). A loop counts once, as if it ran
///   once: all its steps, each once.
/// - A step with no `duration` or `wait` counts as zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Seconds of execution, summed over the steps the journey reaches.
    pub execution: u64,
    /// Seconds the customer waits, summed over the steps the journey reaches.
    pub wait: u64,
    /// The critical path's steps, from the start, in journey order.
    pub critical_path: Vec<NodeIndex>,
    /// Duration plus wait along the critical path, in seconds.
    pub critical_time: u64,
}

fn cost(graph: &BlueprintGraph<'_>, node: NodeIndex) -> u64 {
    let step = graph.step(node);
    let duration = step.duration.as_ref().map_or(0, |d| d.value);
    let wait = step.wait.as_ref().map_or(0, |w| w.value);
    duration.saturating_add(wait)
}

pub fn timeline(graph: &BlueprintGraph<'_>, journey: &Journey) -> Timeline {
    let mut execution: u64 = 0;
    let mut wait: u64 = 0;
    for node in graph.nodes().filter(|n| journey.reachable[n.index()]) {
        let step = graph.step(node);
        execution = execution.saturating_add(step.duration.as_ref().map_or(0, |d| d.value));
        wait = wait.saturating_add(step.wait.as_ref().map_or(0, |w| w.value));
    }

    // Longest path over the stages in journey order: each stage's best time from the
    // start, and the stage it was reached from. One pass over stages and flows.
    let stages = journey.members.len();
    let stage_cost: Vec<u64> = journey
        .members
        .iter()
        .map(|members| {
            members
                .iter()
                .fold(0u64, |sum, &n| sum.saturating_add(cost(graph, n)))
        })
        .collect();
    let start_stage = journey.stage[graph.start.index()];
    let mut best: Vec<Option<u64>> = vec![None; stages];
    let mut came_from: Vec<Option<usize>> = vec![None; stages];
    best[start_stage] = Some(stage_cost[start_stage]);
    for &stage in &journey.order {
        let Some(here) = best[stage] else { continue };
        for &node in &journey.members[stage] {
            for to in graph.next(node) {
                let next = journey.stage[to.index()];
                if next == stage {
                    continue;
                }
                let through = here.saturating_add(stage_cost[next]);
                // Strictly longer wins, so ties keep the branch written first.
                if best[next].is_none_or(|b| through > b) {
                    best[next] = Some(through);
                    came_from[next] = Some(stage);
                }
            }
        }
    }

    // The path ends at the finishing stage reached latest; with no finishing step (a
    // journey that never ends), at the latest stage reached at all.
    let ends = |finishing: bool| {
        (0..stages)
            .filter(|&s| best[s].is_some())
            .filter(|&s| !finishing || journey.members[s].iter().any(|n| journey.finish[n.index()]))
            .max_by(|&a, &b| best[a].cmp(&best[b]).then(b.cmp(&a)))
    };
    let Some(end) = ends(true).or_else(|| ends(false)) else {
        return Timeline {
            execution,
            wait,
            critical_path: Vec::new(),
            critical_time: 0,
        };
    };
    let mut stages_on_path = vec![end];
    let mut at = end;
    while let Some(previous) = came_from[at] {
        stages_on_path.push(previous);
        at = previous;
    }
    stages_on_path.reverse();
    let critical_path = stages_on_path
        .iter()
        .flat_map(|&s| journey.members[s].iter().copied())
        .collect();
    Timeline {
        execution,
        wait,
        critical_path,
        critical_time: best[end].unwrap_or(0),
    }
}
