use crate::model::{FailureType, RecoveryStrategy, ServiceCategory, ValueClass};
use crate::span::{Located, Span};

/// One service blueprint: one service, start to finish (DOMAIN.md §1).
#[derive(Debug, Clone, PartialEq)]
pub struct Blueprint {
    /// The `blueprint` key: the format version.
    pub version: Located<u32>,
    pub name: Located<String>,
    pub description: Option<Located<String>>,
    pub owner: Option<Located<String>>,
    /// The step the journey starts at; the first step when not given.
    pub start: Option<Located<String>>,
    /// Zone of tolerance for customer waits, overridable per step (DOMAIN.md §5).
    pub tolerance: Option<Tolerance>,
    pub steps: Vec<Step>,
    /// Service-quality indicators (DOMAIN.md §6, FedEx SQI).
    pub indicators: Vec<Indicator>,
    /// Service-visibility funnels (DOMAIN.md §6, seed 004).
    pub funnels: Vec<Funnel>,
}

impl Blueprint {
    /// The step the journey starts at: `start` when given, else the first step.
    pub fn start_id(&self) -> Option<&Located<String>> {
        self.start
            .as_ref()
            .or_else(|| self.steps.first().map(|step| &step.id))
    }

    pub fn fail_points(&self) -> impl Iterator<Item = (&Step, &FailPoint)> {
        self.steps
            .iter()
            .flat_map(|step| step.fail_points.iter().map(move |fp| (step, fp)))
    }
}

/// One action in one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: Located<String>,
    /// The lane as written; resolved to a [`crate::model::Lane`] when the graph is built.
    pub lane: Located<String>,
    pub label: Located<String>,
    /// Who performs the step and owns it.
    pub actor: Option<Located<String>>,
    /// Contact channel (phone, store, web, app, ... free text).
    pub channel: Option<Located<String>>,
    /// Physical evidence the customer sees or touches at this step.
    pub evidence: Vec<Located<String>>,
    /// How long the step takes to execute, in seconds.
    pub duration: Option<Located<u64>>,
    /// How long the customer waits before the step starts, in seconds.
    pub wait: Option<Located<u64>>,
    pub tolerance: Option<Tolerance>,
    pub value: Option<Located<ValueClass>>,
    /// Why a step is kept although it is classed as waste (or any other design note).
    pub rationale: Option<Located<String>>,
    pub category: Option<Located<ServiceCategory>>,
    /// Customer emotion at this step, -3 (very negative) to +3 (very positive).
    pub emotion: Option<Located<i8>>,
    pub next: Vec<Flow>,
    /// Support relation: the steps (systems, departments) this step relies on.
    pub uses: Vec<Located<String>>,
    pub fail_points: Vec<FailPoint>,
    /// The designer marks (or confirms) this step as a moment of truth.
    pub moment_of_truth: Option<Located<bool>>,
    /// Service standard for this step (SMART: specific, measurable, timed...).
    pub standard: Option<Located<String>>,
    pub notes: Option<Located<String>>,
    /// Where the step's mapping starts (its `- ` item).
    pub span: Span,
}

/// A flow from one step to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub to: Located<String>,
    /// Condition label for a branch ("card declined").
    pub when: Option<Located<String>>,
}

/// Zone of tolerance: desired and adequate wait, in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerance {
    pub desired: Located<u64>,
    pub adequate: Located<u64>,
    pub span: Span,
}

/// A 1-10 score.
pub type Score = Located<u8>;

/// A declared fail point (Shostack's "F").
#[derive(Debug, Clone, PartialEq)]
pub struct FailPoint {
    /// Optional identifier, so indicators can link to it.
    pub id: Option<Located<String>>,
    /// What fails.
    pub what: Located<String>,
    pub kind: Option<Located<FailureType>>,
    pub severity: Option<Score>,
    pub occurrence: Option<Score>,
    pub detection: Option<Score>,
    pub owner: Option<Located<String>>,
    /// How the failure is prevented (poka-yoke).
    pub prevention: Option<Located<String>>,
    pub recovery: Option<Recovery>,
    pub span: Span,
}

/// How the service recovers from a fail point.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub strategies: Vec<Located<RecoveryStrategy>>,
    /// Free-text recovery action.
    pub action: Option<Located<String>>,
    pub span: Span,
}

/// A service-quality indicator: a kind of failure counted per period, weighted by how
/// much customers mind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: Located<String>,
    pub weight: Located<u32>,
    pub observed: Option<Located<u64>>,
    /// The id of the declared fail point this indicator counts.
    pub fail_point: Option<Located<String>>,
    pub span: Span,
}

/// A service-visibility funnel for one initiative: how many customers are left at each
/// stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    pub initiative: Located<String>,
    /// Surveyed target group.
    pub target: Located<u64>,
    pub aware: Located<u64>,
    pub interested: Located<u64>,
    pub experienced: Located<u64>,
    pub perceived_well: Located<u64>,
    pub span: Span,
}
