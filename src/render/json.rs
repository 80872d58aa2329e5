//! `--format json`: a stable JSON array of findings (documented in README.md).

use serde::Serialize;

use crate::check::FileReport;

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Option<&'a str>,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    step: Option<&'a str>,
    help: Option<&'a str>,
}

/// All findings of all files, in file order then position order, pretty-printed with a
/// trailing newline.
pub fn render_json(reports: &[FileReport]) -> String {
    let findings: Vec<JsonFinding<'_>> = reports
        .iter()
        .flat_map(|report| {
            report.diagnostics.iter().map(|d| JsonFinding {
                code: d.code,
                name: d.name,
                severity: d.severity.as_str(),
                message: &d.message,
                file: &report.path,
                line: d.span.map(|s| s.line),
                column: d.span.map(|s| s.column),
                step: d.step.as_deref(),
                help: d.help.as_deref(),
            })
        })
        .collect();
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}
