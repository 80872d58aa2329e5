//! Human output in the style of rustc: `file:line:col`, the source line, a caret, help.
//! Rendering is annotate-snippets'; this module only chooses what to show.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::check::{FileReport, PathError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Lines longer than this are not quoted: the location line still says exactly where
/// the problem is, and rendering stays linear however long the line (a minified
/// one-line file with thousands of findings, or a 50 MB scalar).
const MAX_QUOTED_LINE: usize = 1_000;

/// Byte ranges of the file's lines, built once per file so each diagnostic quotes only
/// its own lines. Line breaks are `\n`, `\r\n` and a lone `\r`, as in YAML, so line
/// numbers agree with the parser's; a byte-order mark is not part of line 1.
struct Lines<'a> {
    text: &'a str,
    /// (start, end) of each line, without its line break.
    lines: Vec<(usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push((start, i));
                    start = i + 1;
                }
                b'\r' => {
                    lines.push((start, i));
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        lines.push((start, bytes.len()));
        Lines { text, lines }
    }

    /// Byte range of lines `first..=last` (1-based), without the final line break, or
    /// `None` when a line is missing or too long to quote.
    fn range(&self, first: usize, last: usize) -> Option<Range<usize>> {
        let quoted = self.lines.get(first.checked_sub(1)?..last)?;
        if quoted
            .iter()
            .any(|(start, end)| end - start > MAX_QUOTED_LINE)
        {
            return None;
        }
        Some(quoted.first()?.0..quoted.last()?.1)
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
            .filter(|c| !matches!(c, '\n' | '\r'))
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

/// Text from the blueprint made safe for a terminal: control characters (escape
/// sequences could retitle a window or hide output) are shown escaped.
fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
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
) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    let first = shown.iter().map(|a| a.1.line).min()?;
    let last = shown.iter().map(|a| a.1.line).max()?;
    let range = lines.range(first, last)?;
    let excerpt = &lines.text[range.clone()];
    let snippet = Snippet::source(excerpt)
        .line_start(first)
        .path(path)
        .annotations(shown.iter().map(|(kind, span, label)| {
            kind.span(local(*span, excerpt, range.start)).label(*label)
        }));
    Some(snippet)
}

/// A secondary label as an annotation.
fn context<'b>((at, text): &'b (Span, Cow<'_, str>)) -> Shown<'b> {
    (AnnotationKind::Context, *at, Some(text.as_ref()))
}

/// Where a span is, for when its line cannot be quoted.
fn origin(path: &str, span: Span) -> annotate_snippets::Origin<'_> {
    annotate_snippets::Origin::path(path)
        .line(span.line)
        .char_column(span.column)
}

fn render_one(
    d: &Diagnostic,
    path: &str,
    lines: Option<&Lines<'_>>,
    renderer: &Renderer,
) -> String {
    let path = printable(path);
    let message = printable(&d.message);
    let annotation = d.annotation.as_deref().map(printable);
    let labels: Vec<(Span, Cow<'_, str>)> = d
        .labels
        .iter()
        .map(|l| (l.span, printable(&l.message)))
        .collect();
    let help = d.help.as_deref().map(printable);

    let mut title = level(d.severity).primary_title(message.as_ref());
    if let Some(code) = d.code {
        title = title.id(code);
    }
    let mut group = Group::with_title(title);
    match (d.span, lines) {
        (Some(span), Some(lines)) => {
            // Quote the primary span, and the labels with it when they are close by;
            // labels far away get a snippet of their own.
            let (near, far): (Vec<_>, Vec<_>) = labels
                .iter()
                .partition(|(at, _)| at.line.abs_diff(span.line) <= 8);
            let mut shown = vec![(AnnotationKind::Primary, span, annotation.as_deref())];
            shown.extend(near.into_iter().map(context));
            group = match snippet(lines, &path, &shown) {
                Some(quoted) => group.element(quoted),
                None => group.element(origin(&path, span)),
            };
            for label in far {
                if let Some(quoted) = snippet(lines, &path, &[context(label)]) {
                    group = group.element(quoted);
                }
            }
        }
        (Some(span), None) => group = group.element(origin(&path, span)),
        (None, _) => group = group.element(annotate_snippets::Origin::path(path.as_ref())),
    }
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    renderer.render(&[group])
}

/// A problem with a path named on the command line.
pub fn render_path_error(error: &PathError, renderer: &Renderer) -> String {
    let message = error.to_string();
    let group = Group::with_title(Level::ERROR.primary_title(printable(&message)))
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
