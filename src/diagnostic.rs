//! Findings and load errors as data. Only the renderers turn them into text and only the
//! CLI turns them into exit codes.

use std::fmt;

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place that explains the finding ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule code (`BP002`); `None` for load errors, which are not rules.
    pub code: Option<&'static str>,
    /// The rule name (`unknown-reference`) or the load-error kind (`duplicate-key`).
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; `None` only when the file could not be read at all.
    pub span: Option<Span>,
    /// What to write at the primary span ("no step has this id").
    pub annotation: Option<String>,
    pub labels: Vec<Label>,
    /// The step the finding is about, when there is one.
    pub step: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(name: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: None,
            name,
            severity,
            message: message.into(),
            span: None,
            annotation: None,
            labels: Vec::new(),
            step: None,
            help: None,
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn annotate(mut self, text: impl Into<String>) -> Self {
        self.annotation = Some(text.into());
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn step(mut self, id: impl Into<String>) -> Self {
        self.step = Some(id.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Order for output: by position in the file, then by code, then by message.
    pub fn sort_key(&self) -> (Span, &'static str, &str) {
        (
            self.span.unwrap_or_default(),
            self.code.unwrap_or(""),
            &self.message,
        )
    }
}
