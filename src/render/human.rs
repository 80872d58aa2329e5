//! Human output in the style of rustc: `file:line:col`, the source line, a caret, help.
//! Rendering is annotate-snippets'; this module only chooses what to show.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::check::{FileReport, PathError};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::span::Span;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Byte offsets where each line starts, built once per file so each diagnostic quotes
/// only its own lines (quoting a 20 MiB file per finding would be quadratic).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// Byte range of lines `first..=last` (1-based), without the final newline.
    fn range(&self, first: usize, last: usize) -> Range<usize> {
        let start = self
            .starts
            .get(first - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .starts
            .get(last)
            .map_or(self.text.len(), |next| next.saturating_sub(1));
        start..end.max(start)
    }
}

/// A span made safe to underline inside `excerpt` (which starts at byte `offset`):
/// inside the excerpt, on character boundaries, and at least one character wide when
/// there is a character to underline.
fn local(span: Span, excerpt: &str, offset: usize) -> Range<usize> {
    let clamp = |at: usize| {
        let mut at = at.saturating_sub(offset).min(excerpt.len());
        while !excerpt.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = clamp(span.start);
    let mut end = clamp(span.end).max(start);
    if end == start {
        end = excerpt[start..]
            .chars()
            .next()
            .filter(|c| *c != '\n')
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

/// Diagnostics of one file, each followed by a blank line.
pub fn render_file(report: &FileReport, renderer: &Renderer) -> String {
    let lines = report.source.as_deref().map(Lines::new);
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&render_one(
            diagnostic,
            &report.path,
            lines.as_ref(),
            renderer,
        ));
        out.push_str("\n\n");
    }
    out
}

/// An annotation to show: its kind, where, and its text.
type Shown<'a> = (AnnotationKind, Span, Option<&'a str>);

/// The lines covering these annotations, quoted from the file, annotated.
fn snippet<'a>(
    lines: &Lines<'a>,
    path: &'a str,
    shown: &[Shown<'a>],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let first = shown.iter().map(|a| a.1.line).min().unwrap_or(1);
    let last = shown.iter().map(|a| a.1.line).max().unwrap_or(first);
    let range = lines.range(first, last);
    let excerpt = &lines.text[range.clone()];
    Snippet::source(excerpt)
        .line_start(first)
        .path(path)
        .annotations(
            shown.iter().map(|(kind, span, label)| {
                kind.span(local(*span, excerpt, range.start)).label(*label)
            }),
        )
}

fn render_one<'a>(
    d: &'a Diagnostic,
    path: &'a str,
    lines: Option<&Lines<'a>>,
    renderer: &Renderer,
) -> String {
    let mut title = level(d.severity).primary_title(d.message.as_str());
    if let Some(code) = d.code {
        title = title.id(code);
    }
    let mut group = Group::with_title(title);
    match (d.span, lines) {
        (Some(span), Some(lines)) => {
            // Quote the primary span, and the labels with it when they are close by;
            // labels far away get a snippet of their own.
            let mut near = Vec::new();
            let mut far = Vec::new();
            for label in &d.labels {
                if label.span.line.abs_diff(span.line) <= 8 {
                    near.push(label);
                } else {
                    far.push(label);
                }
            }
            let primary = (AnnotationKind::Primary, span, d.annotation.as_deref());
            let context =
                |l: &'a Label| (AnnotationKind::Context, l.span, Some(l.message.as_str()));
            let mut shown = vec![primary];
            shown.extend(near.into_iter().map(context));
            group = group.element(snippet(lines, path, &shown));
            for label in far {
                group = group.element(snippet(lines, path, &[context(label)]));
            }
        }
        (Some(span), None) => {
            group = group.element(
                annotate_snippets::Origin::path(path)
                    .line(span.line)
                    .char_column(span.column),
            );
        }
        (None, _) => {
            group = group.element(annotate_snippets::Origin::path(path));
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

/// A problem with a path named on the command line.
pub fn render_path_error(error: &PathError, renderer: &Renderer) -> String {
    let message = error.to_string();
    let group = Group::with_title(Level::ERROR.primary_title(message.as_str()))
        .element(Level::HELP.message(error.help()));
    renderer.render(&[group])
}

/// The closing line: what was found, in how many blueprints.
pub fn summary(reports: &[FileReport]) -> String {
    let count = |severity| reports.iter().map(|r| r.count(severity)).sum::<usize>();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let failed = reports.iter().filter(|r| !r.loaded).count();
    let files = plural(reports.len(), "blueprint", "blueprints");
    let mut parts = Vec::new();
    for (n, one, many) in [
        (errors, "error", "errors"),
        (warnings, "warning", "warnings"),
        (infos, "info", "infos"),
    ] {
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    let mut line = if parts.is_empty() {
        format!("All checks passed: {files}, no findings.")
    } else {
        format!("Found {} in {files}.", join(&parts))
    };
    if failed > 0 {
        line.push_str(&format!(
            " {} could not be analysed.",
            plural(failed, "blueprint", "blueprints")
        ));
    }
    line
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
