use std::cell::OnceCell;

use super::Thresholds;
use super::moment_roles::Roles;
use crate::analysis::{self, HandoffView, Journey, Moment, Timeline, ValueTimes};
use crate::graph::BlueprintGraph;

/// What a graph rule sees: the graph, the thresholds in force, and the shared analyses,
/// each computed at most once per file however many rules read it.
pub struct Context<'g, 'a> {
    pub graph: &'g BlueprintGraph<'a>,
    pub thresholds: &'g Thresholds,
    journey: Journey,
    reachable_with_support: OnceCell<Vec<bool>>,
    moments: OnceCell<Vec<Moment>>,
    roles: OnceCell<Roles>,
    handoffs: OnceCell<Vec<HandoffView>>,
    timeline: OnceCell<Timeline>,
    value: OnceCell<ValueTimes>,
}

impl<'g, 'a> Context<'g, 'a> {
    pub fn new(graph: &'g BlueprintGraph<'a>, thresholds: &'g Thresholds) -> Self {
        Context {
            graph,
            thresholds,
            journey: Journey::new(graph),
            reachable_with_support: OnceCell::new(),
            moments: OnceCell::new(),
            roles: OnceCell::new(),
            handoffs: OnceCell::new(),
            timeline: OnceCell::new(),
            value: OnceCell::new(),
        }
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    /// Indexed by node: reached from the start by flows or support relations (the
    /// steps `unreachable-step` does not report; the other rules leave the rest to it).
    pub fn reachable_with_support(&self) -> &[bool] {
        self.reachable_with_support
            .get_or_init(|| self.graph.reachable(true))
    }

    /// The cycle of service: moments of truth in journey order.
    pub fn moments(&self) -> &[Moment] {
        self.moments
            .get_or_init(|| analysis::cycle_of_service(self.graph, &self.journey))
    }

    /// Which moments each step takes part in, and on which side. The one definition of
    /// "a step at a moment of truth" that every rule uses.
    pub(super) fn roles(&self) -> &Roles {
        self.roles
            .get_or_init(|| Roles::new(self.graph, self.moments()))
    }

    pub fn handoffs(&self) -> &[HandoffView] {
        self.handoffs.get_or_init(|| analysis::handoffs(self.graph))
    }

    pub fn timeline(&self) -> &Timeline {
        self.timeline
            .get_or_init(|| analysis::timeline(self.graph, &self.journey))
    }

    pub fn value(&self) -> &ValueTimes {
        self.value
            .get_or_init(|| analysis::value_times(self.graph, &self.journey))
    }
}
