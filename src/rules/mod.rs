//! The rules: one file each, one ordered registry.
//!
//! A rule is metadata (a stable code, a kebab-case name, a default severity, a one-line
//! summary and docs) and a pure function from the model or the graph to findings.
//! Model-stage rules check what the graph needs (unique ids, known lanes, resolvable
//! references); a finding from one of them means the file cannot be analysed further.

mod context;
mod cycle_without_exit;
mod dead_end;
mod duplicate_id;
mod duplicate_step;
mod evidence_on_non_customer_step;
mod excess_customer_contacts;
mod facts;
mod fail_point_on_basic_service;
mod fail_point_without_owner;
mod fail_point_without_recovery;
mod frontstage_without_support;
mod handoff_without_shared_record;
mod high_risk_fail_point;
mod journey_boundary_not_customer;
mod mergeable_steps;
mod misplaced_support_target;
mod moment_fail_point_without_recovery;
mod moment_roles;
mod moment_without_evidence;
mod moment_without_owner;
mod moment_without_standard;
mod output_never_reaches_customer;
mod pass_through_step;
mod repeated_customer_step;
mod savings;
mod self_loop;
mod single_point_of_failure;
mod step_without_owner;
mod thresholds;
mod unknown_lane;
mod unknown_reference;
mod unreachable_step;
mod wait_beyond_tolerance;
mod waste_step_without_rationale;

pub use context::Context;
pub use thresholds::Thresholds;

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::BlueprintGraph;
use crate::model::Blueprint;
use crate::span::Span;

/// What a rule looks at.
#[derive(Clone, Copy)]
pub enum Check {
    /// The model before the graph is built. Findings stop the analysis of the file.
    Model(fn(&Blueprint) -> Vec<Diagnostic>),
    /// The graph and the shared analyses.
    Graph(fn(&Context<'_, '_>) -> Vec<Diagnostic>),
}

pub struct Rule {
    /// Stable code, `BP` and three digits. Never reused.
    pub code: &'static str,
    /// Kebab-case name describing the pattern flagged.
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// Markdown with the headings `## What it does`, `## Why it matters`, `## Example`
    /// and `## Use instead`.
    pub docs: &'static str,
    pub check: Check,
}

impl Rule {
    /// A finding of this rule at `span`.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        let mut diagnostic = Diagnostic::new(self.name, self.severity, message).at(span);
        diagnostic.code = Some(self.code);
        diagnostic
    }

    /// True when a finding of this rule means the file cannot be analysed.
    pub fn is_fatal(&self) -> bool {
        matches!(self.check, Check::Model(_))
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &duplicate_id::RULE,
    &unknown_reference::RULE,
    &unknown_lane::RULE,
    &self_loop::RULE,
    &unreachable_step::RULE,
    &dead_end::RULE,
    &cycle_without_exit::RULE,
    &journey_boundary_not_customer::RULE,
    &misplaced_support_target::RULE,
    &evidence_on_non_customer_step::RULE,
    &fail_point_without_owner::RULE,
    &fail_point_without_recovery::RULE,
    &high_risk_fail_point::RULE,
    &fail_point_on_basic_service::RULE,
    &frontstage_without_support::RULE,
    &handoff_without_shared_record::RULE,
    &single_point_of_failure::RULE,
    &wait_beyond_tolerance::RULE,
    &step_without_owner::RULE,
    &repeated_customer_step::RULE,
    &output_never_reaches_customer::RULE,
    &duplicate_step::RULE,
    &mergeable_steps::RULE,
    &waste_step_without_rationale::RULE,
    &pass_through_step::RULE,
    &moment_without_standard::RULE,
    &moment_without_evidence::RULE,
    &moment_without_owner::RULE,
    &moment_fail_point_without_recovery::RULE,
    &excess_customer_contacts::RULE,
];

/// A rule by code (`BP002`, any case) or name (`unknown-reference`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|rule| rule.code.eq_ignore_ascii_case(code_or_name) || rule.name == code_or_name)
}

/// Run the model-stage rules.
pub fn check_model(blueprint: &Blueprint) -> Vec<Diagnostic> {
    run(|check| match check {
        Check::Model(check) => Some(check(blueprint)),
        Check::Graph(_) => None,
    })
}

/// Run the graph rules.
pub fn check_graph(graph: &BlueprintGraph<'_>, thresholds: &Thresholds) -> Vec<Diagnostic> {
    let context = Context::new(graph, thresholds);
    run(|check| match check {
        Check::Graph(check) => Some(check(&context)),
        Check::Model(_) => None,
    })
}

/// Every registered rule whose check `select` runs, findings in registry order.
fn run(select: impl Fn(Check) -> Option<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    RULES
        .iter()
        .filter_map(|rule| select(rule.check))
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for rule in RULES {
            assert!(codes.insert(rule.code), "duplicate code {}", rule.code);
            assert!(names.insert(rule.name), "duplicate name {}", rule.name);
            assert!(
                rule.code.len() == 5
                    && rule.code.starts_with("BP")
                    && rule.code[2..].bytes().all(|b| b.is_ascii_digit()),
                "{} is not BP and three digits",
                rule.code
            );
            assert!(
                rule.name.split('-').all(|part| !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{} is not kebab-case",
                rule.name
            );
            assert!(
                !rule.name.starts_with("no-"),
                "{}: name the pattern, not the fix",
                rule.name
            );
        }
    }

    #[test]
    fn registry_is_in_code_order() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn docs_are_complete() {
        for rule in RULES {
            assert!(
                !rule.summary.is_empty() && !rule.summary.ends_with('.'),
                "{}: summary is one line without a full stop",
                rule.code
            );
            let mut last = 0;
            for heading in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Use instead",
            ] {
                let at = rule
                    .docs
                    .find(heading)
                    .unwrap_or_else(|| panic!("{}: docs lack `{heading}`", rule.code));
                assert!(at >= last, "{}: `{heading}` out of order", rule.code);
                last = at;
            }
            assert!(
                rule.docs.contains("DOMAIN.md"),
                "{}: docs must cite DOMAIN.md",
                rule.code
            );
            assert!(
                rule.docs.contains("```yaml"),
                "{}: docs need a YAML example",
                rule.code
            );
        }
    }

    #[test]
    fn find_accepts_code_and_name() {
        assert_eq!(find("bp002").map(|r| r.name), Some("unknown-reference"));
        assert_eq!(find("unknown-reference").map(|r| r.code), Some("BP002"));
        assert!(find("BP999").is_none());
    }
}
