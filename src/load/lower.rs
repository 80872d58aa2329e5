//! Raw document -> model. Every value is checked here and every problem is collected,
//! so a file with three bad durations reports all three at once.

use serde_saphyr::Spanned;

use super::document::{
    Document, RawFailPoint, RawFlow, RawFunnel, RawIndicator, RawRecovery, RawStep, RawTolerance,
};
use super::duration::{format_duration, parse_duration};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{
    Blueprint, FORMAT_VERSION, FailPoint, Flow, Funnel, Indicator, Keyword, Recovery, Step,
    Tolerance,
};
use crate::span::{Located, Span};
use crate::suggest;

/// The model and every value error found. Values that are wrong are left out of the
/// model (`None`), so the model is still complete enough for the model-stage rules.
pub(super) fn lower(document: Document, text: &str) -> (Blueprint, Vec<Diagnostic>) {
    let mut lower = Lower {
        errors: Vec::new(),
        step: None,
        text,
    };
    let blueprint = lower.document(document);
    (blueprint, lower.errors)
}

pub(super) fn span<T>(spanned: &Spanned<T>) -> Span {
    let location = spanned.referenced;
    let start = location
        .span()
        .byte_offset()
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or(0);
    let len = location
        .span()
        .byte_len()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(0);
    Span {
        line: usize::try_from(location.line()).unwrap_or(1).max(1),
        column: usize::try_from(location.column()).unwrap_or(1).max(1),
        start,
        end: start + len,
    }
}

fn located<T>(spanned: Spanned<T>) -> Located<T> {
    let span = span(&spanned);
    Located::new(spanned.value, span)
}

struct Lower<'t> {
    errors: Vec<Diagnostic>,
    /// The id of the step being lowered, so its errors name it.
    step: Option<String>,
    /// The file's text, for values whose spelling matters more than YAML's reading.
    text: &'t str,
}

impl Lower<'_> {
    fn invalid(&mut self, span: Span, message: String, help: impl Into<String>) {
        let mut error = Diagnostic::new("invalid-value", Severity::Error, message)
            .at(span)
            .help(help);
        error.step.clone_from(&self.step);
        self.errors.push(error);
    }

    fn document(&mut self, doc: Document) -> Blueprint {
        let version = located(doc.blueprint);
        if version.value != i64::from(FORMAT_VERSION) {
            self.errors.push(
                Diagnostic::new(
                    "unsupported-version",
                    Severity::Error,
                    format!("unsupported format version {}", version.value),
                )
                .at(version.span)
                .annotate("this build reads version 1")
                .help("write `blueprint: 1`, or upgrade blueprint to read newer files"),
            );
        }
        let steps_span = span(&doc.steps);
        if doc.steps.value.is_empty() {
            self.invalid(
                steps_span,
                "a blueprint needs at least one step".to_owned(),
                "add the customer's first action under `steps:`",
            );
        }
        Blueprint {
            version: version.map(|v| u32::try_from(v).unwrap_or(0)),
            name: self.text(doc.name, "name"),
            description: doc.description.map(located),
            owner: doc.owner.map(located),
            start: doc.start.map(|s| self.id(s, "start")),
            tolerance: doc.tolerance.and_then(|t| self.tolerance(t)),
            steps: doc.steps.value.into_iter().map(|s| self.step(s)).collect(),
            indicators: doc
                .indicators
                .into_iter()
                .map(|i| self.indicator(i))
                .collect(),
            funnels: doc.funnels.into_iter().map(|f| self.funnel(f)).collect(),
        }
    }

    /// Text that must not be blank.
    fn text(&mut self, value: Spanned<String>, key: &str) -> Located<String> {
        let value = located(value);
        if value.value.trim().is_empty() {
            self.invalid(
                value.span,
                format!("`{key}` is empty"),
                format!("give `{key}` a value"),
            );
        }
        value
    }

    /// An id or a reference to one: not blank, and no spaces at either end, which
    /// would make two ids that look the same differ.
    fn id(&mut self, value: Spanned<String>, key: &str) -> Located<String> {
        let value = self.text(value, key);
        let trimmed = value.value.trim();
        if !trimmed.is_empty() && trimmed != value.value {
            self.invalid(
                value.span,
                format!("`{key}` `{}` has spaces at its start or end", value.value),
                format!("write `{trimmed}`"),
            );
        }
        value
    }

    fn keyword<K: Keyword>(&mut self, value: Spanned<String>) -> Option<Located<K>> {
        let value = located(value);
        match K::parse(&value.value) {
            Some(keyword) => Some(Located::new(keyword, value.span)),
            None => {
                let help = suggest::did_you_mean(&value.value, K::spellings(), K::WHAT_PLURAL);
                self.invalid(
                    value.span,
                    format!("unknown {} `{}`", K::WHAT, value.value),
                    help,
                );
                None
            }
        }
    }

    fn duration(&mut self, value: Spanned<String>, key: &str) -> Option<Located<u64>> {
        let value = located(value);
        match parse_duration(&value.value) {
            Some(seconds) => Some(Located::new(seconds, value.span)),
            None => {
                self.invalid(
                    value.span,
                    format!("`{}` is not a duration (in `{key}`)", value.value),
                    "write a number and a lower-case unit, largest unit first: `90s`, `5m`, `1h30m`, `2d`",
                );
                None
            }
        }
    }

    fn bounded(
        &mut self,
        value: Spanned<i64>,
        key: &str,
        min: i64,
        max: i64,
        help: &str,
    ) -> Option<Located<i64>> {
        let value = located(value);
        if (min..=max).contains(&value.value) {
            Some(value)
        } else {
            self.invalid(
                value.span,
                format!(
                    "`{key}` must be between {min} and {max}, found {}",
                    value.value
                ),
                help,
            );
            None
        }
    }

    fn score(&mut self, value: Option<Spanned<i64>>, key: &str) -> Option<Located<u8>> {
        let value = self.bounded(
            value?,
            key,
            1,
            10,
            "score 1 (least) to 10 (most), as in a service FMEA; for detection, 10 means the failure is hardest to detect",
        )?;
        Some(value.map(|v| u8::try_from(v).unwrap_or(0)))
    }

    fn count(&mut self, value: Spanned<i64>, key: &str) -> Option<Located<u64>> {
        let value = self.bounded(
            value,
            key,
            0,
            i64::MAX,
            "counts are whole numbers, 0 or more",
        )?;
        Some(value.map(|v| u64::try_from(v).unwrap_or(0)))
    }

    fn tolerance(&mut self, raw: Spanned<RawTolerance>) -> Option<Tolerance> {
        let span = span(&raw);
        let desired = self.duration(raw.value.desired, "desired");
        let adequate = self.duration(raw.value.adequate, "adequate");
        let (desired, adequate) = (desired?, adequate?);
        if adequate.value < desired.value {
            self.invalid(
                adequate.span,
                format!(
                    "adequate wait ({}) is shorter than desired wait ({})",
                    format_duration(adequate.value),
                    format_duration(desired.value)
                ),
                "the zone of tolerance runs from `desired` (the wait customers hope for) to `adequate` (the longest they accept), so `adequate` must be at least `desired`",
            );
            return None;
        }
        Some(Tolerance {
            desired,
            adequate,
            span,
        })
    }

    fn step(&mut self, raw: Spanned<RawStep>) -> Step {
        let step_span = span(&raw);
        let raw = raw.value;
        self.step = Some(raw.id.value.clone());
        let step = Step {
            id: self.id(raw.id, "id"),
            lane: located(raw.lane),
            label: self.text(raw.label, "label"),
            actor: raw.actor.map(located),
            channel: raw.channel.map(located),
            evidence: raw.evidence.into_iter().map(located).collect(),
            duration: raw.duration.and_then(|d| self.duration(d, "duration")),
            wait: raw.wait.and_then(|w| self.duration(w, "wait")),
            tolerance: raw.tolerance.and_then(|t| self.tolerance(t)),
            value: raw.value.and_then(|v| self.keyword(v)),
            rationale: raw.rationale.map(located),
            category: raw.category.and_then(|c| self.keyword(c)),
            emotion: raw.emotion.and_then(|e| {
                let e = self.bounded(
                    e,
                    "emotion",
                    -3,
                    3,
                    "emotion runs from -3 (very negative) through 0 (neutral) to 3 (very positive)",
                )?;
                Some(e.map(|v| i8::try_from(v).unwrap_or(0)))
            }),
            next: raw.next.into_iter().map(|f| self.flow(f)).collect(),
            uses: raw.uses.into_iter().map(located).collect(),
            fail_points: raw
                .fail_points
                .into_iter()
                .map(|fp| self.fail_point(fp))
                .collect(),
            moment_of_truth: raw.moment_of_truth.map(located),
            standard: raw.standard.map(located),
            notes: raw.notes.map(located),
            span: step_span,
        };
        self.step = None;
        step
    }

    fn flow(&self, raw: RawFlow) -> Flow {
        let mut to = located(raw.to);
        if raw.retyped {
            to.value = self
                .text
                .get(to.span.start..to.span.end)
                .unwrap_or_default()
                .to_owned();
        }
        Flow {
            to,
            when: raw.when.map(located),
        }
    }

    fn fail_point(&mut self, raw: Spanned<RawFailPoint>) -> FailPoint {
        let fp_span = span(&raw);
        let raw = raw.value;
        FailPoint {
            id: raw.id.map(|id| self.id(id, "id")),
            what: self.text(raw.what, "what"),
            kind: raw.kind.and_then(|k| self.keyword(k)),
            severity: self.score(raw.severity, "severity"),
            occurrence: self.score(raw.occurrence, "occurrence"),
            detection: self.score(raw.detection, "detection"),
            owner: raw.owner.map(located),
            prevention: raw.prevention.map(located),
            recovery: raw.recovery.map(|r| self.recovery(r)),
            span: fp_span,
        }
    }

    fn recovery(&mut self, raw: Spanned<RawRecovery>) -> Recovery {
        let recovery_span = span(&raw);
        let raw: RawRecovery = raw.value;
        Recovery {
            strategies: raw
                .strategies
                .into_iter()
                .filter_map(|s| self.keyword(s))
                .collect(),
            action: raw.action.map(located),
            span: recovery_span,
        }
    }

    fn indicator(&mut self, raw: Spanned<RawIndicator>) -> Indicator {
        let indicator_span = span(&raw);
        let raw = raw.value;
        let weight = self
            .bounded(
                raw.weight,
                "weight",
                0,
                i64::from(u32::MAX),
                "a weight says how much customers mind this failure: FedEx uses 1, 5 and 10",
            )
            .map(|w| w.map(|v| u32::try_from(v).unwrap_or(0)));
        Indicator {
            name: self.text(raw.name, "name"),
            weight: weight.unwrap_or_else(|| Located::new(0, indicator_span)),
            observed: raw.observed.and_then(|o| self.count(o, "observed")),
            fail_point: raw.fail_point.map(located),
            span: indicator_span,
        }
    }

    fn funnel(&mut self, raw: Spanned<RawFunnel>) -> Funnel {
        let funnel_span = span(&raw);
        let raw = raw.value;
        let mut count = |value, key| {
            self.count(value, key)
                .unwrap_or_else(|| Located::new(0, funnel_span))
        };
        let funnel = Funnel {
            target: count(raw.target, "target"),
            aware: count(raw.aware, "aware"),
            interested: count(raw.interested, "interested"),
            experienced: count(raw.experienced, "experienced"),
            perceived_well: count(raw.perceived_well, "perceived_well"),
            initiative: located(raw.initiative),
            span: funnel_span,
        };
        // Each stage is a subset of the one it leaks from (DOMAIN.md §6).
        let stages = [
            (&funnel.aware, "aware", &funnel.target, "target"),
            (&funnel.interested, "interested", &funnel.aware, "aware"),
            (&funnel.experienced, "experienced", &funnel.aware, "aware"),
            (
                &funnel.perceived_well,
                "perceived_well",
                &funnel.experienced,
                "experienced",
            ),
        ];
        for (stage, stage_key, from, from_key) in stages {
            if stage.value > from.value {
                self.invalid(
                    stage.span,
                    format!(
                        "`{stage_key}` ({}) is larger than `{from_key}` ({})",
                        stage.value, from.value
                    ),
                    format!("each funnel stage counts customers left from an earlier stage, so `{stage_key}` cannot exceed `{from_key}`"),
                );
            }
        }
        funnel
    }
}
