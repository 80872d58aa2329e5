//! YAML text -> [`Blueprint`], every problem reported with file:line:col.

mod document;
mod duration;
mod lower;
mod yaml;

pub use duration::{format_duration, parse_duration};

use crate::diagnostic::Diagnostic;
use crate::model::Blueprint;

/// Files larger than this are refused before parsing (64 MiB: a 100,000-step
/// blueprint is about 20 MiB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Read a blueprint from the bytes of a file. On failure, every problem found is
/// returned; the parser stops at the first YAML syntax or type error, but value errors
/// (bad durations, scores, keywords) are all collected.
pub fn load(bytes: &[u8]) -> Result<Blueprint, Vec<Diagnostic>> {
    match load_partial(bytes) {
        (Some(blueprint), errors) if errors.is_empty() => Ok(blueprint),
        (_, errors) => Err(errors),
    }
}

/// Like [`load`], but keeps the model when only values were wrong, so later checks
/// can report their problems in the same run. `None` when the YAML itself could not
/// be read.
pub fn load_partial(bytes: &[u8]) -> (Option<Blueprint>, Vec<Diagnostic>) {
    let text = match yaml::check_text(bytes) {
        Ok(text) => text,
        Err(errors) => return (None, errors),
    };
    let document = match yaml::parse(text) {
        Ok(document) => document,
        Err(errors) => return (None, errors),
    };
    let (blueprint, errors) = lower::lower(document, text);
    (Some(blueprint), errors)
}

/// True when the text looks like a blueprint: a line starts with the format version key
/// (`blueprint:`, quoted or not), or a flow mapping opens with it (`{"blueprint": 1,
/// ...`). Used to pick blueprints out of a directory that holds other YAML too.
pub fn has_version_key(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines().any(|line| {
        let line = line.strip_prefix('{').map_or(line, str::trim_start);
        ["blueprint", "\"blueprint\"", "'blueprint'"]
            .iter()
            .any(|key| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
    })
}
