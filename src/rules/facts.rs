//! Small facts the fail-point rules share: what they ask of a declared fail point, and
//! how they name a list of steps. Blank text (`owner: ""`) loads, so "given" means
//! written and not blank.

use petgraph::graph::NodeIndex;

use crate::graph::BlueprintGraph;
use crate::model::{FailPoint, Step};
use crate::span::Located;

/// At most this many step ids are named in one message; the rest are counted.
const NAMED: usize = 5;

/// A text field that is written and not blank.
pub(super) fn given(text: Option<&Located<String>>) -> bool {
    text.is_some_and(|t| !t.value.trim().is_empty())
}

pub(super) fn has_owner(fail_point: &FailPoint) -> bool {
    given(fail_point.owner.as_ref())
}

pub(super) fn has_prevention(fail_point: &FailPoint) -> bool {
    given(fail_point.prevention.as_ref())
}

/// A recovery with at least one strategy or a written action. `recovery: {}` is no
/// recovery at all.
pub(super) fn has_recovery(fail_point: &FailPoint) -> bool {
    fail_point
        .recovery
        .as_ref()
        .is_some_and(|r| !r.strategies.is_empty() || given(r.action.as_ref()))
}

/// "fail point `fp-id` on step `s`", or "fail point on step `s`" when it has no id (the
/// finding points at its `what`, so the reader sees which one).
pub(super) fn describe(step: &Step, fail_point: &FailPoint) -> String {
    match &fail_point.id {
        Some(id) => format!("fail point `{}` on step `{}`", id.value, step.id.value),
        None => format!("fail point on step `{}`", step.id.value),
    }
}

/// "`a`, `b`, `c`", or "`a`, ..., `e` and 7 more" for a long list, so a message stays one
/// readable line however large the blueprint.
pub(super) fn step_ids(graph: &BlueprintGraph<'_>, nodes: &[NodeIndex]) -> String {
    let mut text = nodes
        .iter()
        .take(NAMED)
        .map(|&n| format!("`{}`", graph.step(n).id.value))
        .collect::<Vec<_>>()
        .join(", ");
    if nodes.len() > NAMED {
        text.push_str(&format!(" and {} more", nodes.len() - NAMED));
    }
    text
}
