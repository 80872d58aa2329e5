//! The YAML layer: size and encoding checks, parsing with bounded resources, and turning
//! the parser's errors into diagnostics.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, MessageFormatter, UserMessageFormatter};

use super::MAX_FILE_BYTES;
use super::document::{DOCUMENT_KEYS, Document};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use crate::suggest;

const FORMAT_HELP: &str =
    "a blueprint file starts with `blueprint: 1`, then `name:` and `steps:`; see docs/format.md";

fn error(name: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(name, Severity::Error, message).at(span)
}

/// Size, encoding and emptiness checks before the parser sees the text.
/// Errors come as a one-element list, the shape `load` returns.
pub(super) fn check_text(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![
            error(
                "file-too-large",
                format!(
                    "file is {} MiB, larger than the {} MiB limit",
                    bytes.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                Span::START,
            )
            .help("split the service into several blueprints"),
        ]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // `valid` is valid UTF-8 by construction.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[line_start..].chars().count() + 1;
            let span = Span {
                line,
                column,
                start: e.valid_up_to(),
                end: e.valid_up_to(),
            };
            return Err(vec![error(
                "invalid-utf8",
                format!("file is not valid UTF-8 (byte {} is not)", e.valid_up_to()),
                span,
            )
            .help(
                "save the file as UTF-8; Traditional Chinese and other scripts are fine in UTF-8",
            )]);
        }
    };
    let has_content = text.lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#') && line != "---" && line != "..."
    });
    if !has_content {
        return Err(vec![
            error("empty-file", "file has no content", Span::START).help(FORMAT_HELP),
        ]);
    }
    Ok(text)
}

/// Parser options: duplicate keys are errors (the default), and budgets bound alias
/// expansion, nesting and total work. Event and node budgets grow with the file so
/// large generated blueprints load, while alias replay stays tightly bounded: a
/// "billion laughs" document is stopped long before it costs memory.
fn options(len: usize) -> serde_saphyr::Options {
    // A YAML event takes at least one byte of text unless an alias replays it, so
    // twice the length bounds any file that does not lean on aliases.
    let scaled = len.saturating_mul(2).max(100_000);
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: scaled,
            max_nodes: scaled,
            max_total_scalar_bytes: MAX_FILE_BYTES,
            max_aliases: 10_000,
            max_anchors: 10_000,
            max_recorded_anchor_events: 100_000,
            max_depth: 64,
            // Two, so a second document gets its own message rather than a
            // generic budget one.
            max_documents: 2,
        },
    }
}

pub(super) fn parse(text: &str) -> Result<Document, Vec<Diagnostic>> {
    serde_saphyr::from_str_with_options::<Document>(text, options(text.len()))
        .map_err(|e| vec![yaml_error(&e, text)])
}

fn span_of(error: &Error, text: &str) -> Span {
    let Some(location) = error.location() else {
        return Span::START;
    };
    let line = usize::try_from(location.line()).unwrap_or(1).max(1);
    let column = usize::try_from(location.column()).unwrap_or(1).max(1);
    let start = location
        .span()
        .byte_offset()
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or_else(|| byte_offset(text, line, column));
    let len = location
        .span()
        .byte_len()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(0);
    let start = start.min(text.len());
    Span {
        line,
        column,
        start,
        end: (start + len).min(text.len()),
    }
}

/// Byte offset of a 1-based line and character column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column - 1)
            .map_or(rest.len(), |(i, _)| i)
}

/// Byte offset of the document's first node: past a byte-order mark, blank lines,
/// comments and a `---` marker. A type error there is about the whole file.
fn first_node_offset(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(['\u{feff}', ' ', '\t']);
        let content = trimmed.trim_end();
        let skip = content.is_empty() || content.starts_with('#') || content == "---";
        if !skip {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    offset
}

/// Where a mapping with a missing key starts, and what it is.
struct MappingStart {
    span: Span,
    /// The list the mapping is an item of (`steps`, `fail_points`), if any.
    list: Option<String>,
    /// The item's `id`, when its first line is `- id: ...`.
    id: Option<String>,
}

/// A line without its comment and trailing spaces. A ` #` outside quotes starts a
/// comment; ids and keys, the only things read here, hold no quotes with `#` inside.
fn without_comment(line: &str) -> &str {
    let end = line.find(" #").unwrap_or(line.len());
    line[..end].trim_end()
}

/// The start of the block mapping that holds the key at `at`: its `- ` list item, or
/// the key it is the value of. `None` for flow mappings and anything this simple
/// reading does not recognise, in which case the parser's place is kept.
fn mapping_start(text: &str, at: Span) -> Option<MappingStart> {
    // Lines up to and including the key's, each with its byte offset.
    let mut offset = 0;
    let mut lines = Vec::new();
    for line in text.split_inclusive('\n') {
        if lines.len() == at.line {
            break;
        }
        lines.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    let indent_of = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let key_column = at.column - 1;
    let mut lines_up = lines.iter().enumerate().rev();
    for (index, &(start, line)) in lines_up.by_ref() {
        let content = without_comment(line);
        let indent = indent_of(content);
        if content.trim().is_empty() || indent > key_column {
            continue;
        }
        if content.trim_start().starts_with(['{', '[']) {
            return None;
        }
        let span_from = |column: usize| Span {
            line: index + 1,
            column: column + 1,
            start: start + column,
            end: start + content.len(),
        };
        let Some(item) = content[indent..].strip_prefix('-') else {
            if indent < key_column {
                // The key this mapping is the value of (`tolerance:`).
                return Some(MappingStart {
                    span: span_from(indent),
                    list: None,
                    id: None,
                });
            }
            continue;
        };
        let key_at = indent + 1 + (item.len() - item.trim_start().len());
        if key_at != key_column {
            return None;
        }
        let id = content[key_at..]
            .strip_prefix("id:")
            .map(|v| v.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|v| !v.is_empty());
        // The list is the nearest key above, less indented than the `-`.
        let list = lines_up
            .map(|(_, &(_, above))| without_comment(above))
            .find(|above| !above.trim().is_empty() && indent_of(above) < indent)
            .and_then(|above| above.trim().strip_suffix(':').map(str::to_owned));
        return Some(MappingStart {
            span: span_from(key_at),
            list,
            id,
        });
    }
    None
}

/// The error itself, without the snippet and alias-replay wrappers around it.
fn root(mut err: &Error) -> &Error {
    loop {
        match err.without_snippet() {
            Error::AliasError { error, .. } => err = error,
            inner => return inner,
        }
    }
}

fn yaml_error(err: &Error, text: &str) -> Diagnostic {
    // The outer error knows where an alias was used; that is the place to point at.
    let span = span_of(err, text);
    let err = root(err);
    let plain = UserMessageFormatter.format_message(err);
    match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let mut help = match suggest::closest(field, expected.iter().copied()) {
                Some(key) => format!("did you mean `{key}`? "),
                None => String::new(),
            };
            help.push_str(&format!("valid keys here: {}", expected.join(", ")));
            if expected == DOCUMENT_KEYS {
                help.push_str(" (`$schema` is allowed for editors)");
            }
            error("unknown-key", format!("unknown key `{field}`"), span)
                .annotate("not a key of the blueprint format")
                .help(help)
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("this key");
            error("duplicate-key", format!("duplicate key `{key}`"), span)
                .annotate("written a second time here")
                .help("each key may appear once per mapping; merge the two entries (keeping one would silently lose the other)")
        }
        Error::SerdeMissingField { field, .. } => {
            let help = match *field {
                "blueprint" => {
                    "add `blueprint: 1` (the format version) at the top of the file".to_owned()
                }
                "id" | "lane" | "label" => "every step needs `id`, `lane` and `label`".to_owned(),
                other => format!("add `{other}:` to this mapping; see docs/format.md"),
            };
            // The parser notices a missing key where the mapping ends; point at where
            // it starts instead, and name the step when it has an id.
            let start = mapping_start(text, span);
            let place = start.as_ref().map_or(span, |s| s.span);
            let (list, id) = start.map_or((None, None), |s| (s.list, s.id));
            let message = match (list.as_deref(), &id) {
                (Some("steps"), Some(id)) => format!("missing key `{field}` in step `{id}`"),
                (Some("fail_points"), Some(id)) => {
                    format!("missing key `{field}` in fail point `{id}`")
                }
                _ => format!("missing key `{field}`"),
            };
            let mut diagnostic = error("missing-key", message, place)
                .annotate(format!("this mapping has no `{field}`"))
                .help(help);
            if list.as_deref() == Some("steps") {
                diagnostic.step = id;
            }
            diagnostic
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => error(
            "too-complex",
            format!("YAML aliases expand too far: {plain}"),
            span,
        )
        .help("blueprints rarely need anchors and aliases; write the values out"),
        Error::MultipleDocuments { .. } => error(
            "syntax-error",
            "the file holds more than one YAML document",
            span,
        )
        .annotate("a second document starts here")
        .help("keep one blueprint per file: remove the `---` and what follows, or move it to a file of its own"),
        Error::Unexpected { .. } if span.start == first_node_offset(text) => {
            error("invalid-type", "the file is not a mapping", span).help(FORMAT_HELP)
        }
        Error::Unexpected { .. }
        | Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::InvalidScalar { .. }
        | Error::NullIntoString { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::SerdeInvalidLength { .. } => {
            error("invalid-type", sentence(&plain), span).help(type_help(&plain))
        }
        Error::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => error(
            "syntax-error",
            "the file holds more than one YAML document",
            span,
        )
        .annotate("a second document starts here")
        .help("keep one blueprint per file: remove this `---` and what follows, or move it to a file of its own"),
        Error::Budget { breach, .. } => {
            let (what, help) = match breach {
                BudgetBreach::Depth { .. } => (
                    "nested more than 64 levels deep",
                    "a blueprint is a few levels deep; check for unclosed `[` or `{`",
                ),
                BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => (
                    "using too many anchors and aliases",
                    "blueprints rarely need anchors and aliases (`&name`, `*name`): write the values out",
                ),
                _ => (
                    "too large once its aliases are expanded",
                    "blueprints rarely need anchors and aliases (`&name`, `*name`): write the values out, or split the service into several blueprints",
                ),
            };
            error("too-complex", format!("the file is {what}"), span)
                .annotate("limit reached here")
                .help(help)
        }
        _ if plain.contains("budget") || plain.contains("limit") => error(
            "too-complex",
            sentence(&plain),
            span,
        )
        .help(
            "blueprints rarely need anchors and aliases (`&name`, `*name`): write the values out",
        ),
        _ if plain.contains("tab") => error("syntax-error", sentence(&plain), span)
            .help("indent with spaces: YAML does not allow tabs for indentation"),
        _ => error("syntax-error", sentence(&plain), span)
            .help("check the indentation and the brackets around this point"),
    }
}

fn type_help(message: &str) -> &'static str {
    if message.contains("expected a step id") {
        "write a step id, or `{to: <step id>, when: <condition>}`; quote an id YAML would read as null (`\"null\"`)"
    } else if message.contains("sequence") {
        "write a list: `[a, b]` or one `- item` per line"
    } else if message.contains("mapping") {
        "write a mapping: `key: value` lines, indented under this key"
    } else if message.contains("null") {
        "give this key a value, or remove it"
    } else if message.contains("bool") {
        "write `true` or `false`"
    } else if message.contains("i64") || message.contains("integer") {
        "write a whole number"
    } else {
        "see docs/format.md for the type of each key"
    }
}

/// serde's wording ("invalid type: ...") with Rust type names turned into words.
fn sentence(message: &str) -> String {
    message
        .replace("unit value", "null")
        .replace(
            "expected string scalar",
            "expected a single value, not a list or a mapping",
        )
        .replace("expected sequence start", "expected a list")
        .replace("expected mapping start", "expected a mapping")
        .replace("invalid i64", "expected a whole number")
        .replace("i64", "whole number")
        .replace("a string", "text")
}
