use super::Journey;
use crate::graph::BlueprintGraph;
use crate::model::ValueClass;

/// Where the journey's time goes, in lean terms (DOMAIN.md §3).
///
/// Sums run over the steps the journey reaches from its start, each once. Execution
/// time is split by the step's `value` class; waiting is kept apart (lean counts it
/// as waste, and it is the customer's time, not the company's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ValueTimes {
    pub value_adding: u64,
    pub necessary: u64,
    pub waste: u64,
    /// Execution time of steps with no `value` class.
    pub unclassified: u64,
    pub waiting: u64,
}

impl ValueTimes {
    /// Total lead time: all execution plus all waiting.
    pub fn lead_time(&self) -> u64 {
        [
            self.value_adding,
            self.necessary,
            self.waste,
            self.unclassified,
            self.waiting,
        ]
        .into_iter()
        .fold(0u64, u64::saturating_add)
    }

    /// Process cycle efficiency: value-adding time / total lead time. `None` when the
    /// blueprint gives no times at all.
    pub fn process_cycle_efficiency(&self) -> Option<f64> {
        let lead = self.lead_time();
        // Seconds fit an f64 exactly far beyond any real service.
        (lead > 0).then(|| self.value_adding as f64 / lead as f64)
    }
}

pub fn value_times(graph: &BlueprintGraph<'_>, journey: &Journey) -> ValueTimes {
    let mut times = ValueTimes::default();
    for node in graph.nodes().filter(|n| journey.reachable[n.index()]) {
        let step = graph.step(node);
        let duration = step.duration.as_ref().map_or(0, |d| d.value);
        let bucket = match step.value.as_ref().map(|v| v.value) {
            Some(ValueClass::ValueAdding) => &mut times.value_adding,
            Some(ValueClass::Necessary) => &mut times.necessary,
            Some(ValueClass::Waste) => &mut times.waste,
            None => &mut times.unclassified,
        };
        *bucket = bucket.saturating_add(duration);
        times.waiting = times
            .waiting
            .saturating_add(step.wait.as_ref().map_or(0, |w| w.value));
    }
    times
}
