use std::io::Write;
use std::path::PathBuf;

use annotate_snippets::Renderer;
use clap::{Args, ValueEnum};

use super::exit;
use crate::check::{self, FileReport};
use crate::diagnostic::Severity;
use crate::render;

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// Blueprint files, or directories to search for `*.yaml`/`*.yml` blueprints.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Diagnostics like rustc's, with a summary line.
    Human,
    /// A JSON array of findings.
    Json,
}

pub(super) fn run(args: &CheckArgs, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let candidates = match check::discover(&args.paths) {
        Ok(candidates) => candidates,
        Err(error) => {
            let _ = writeln!(
                err,
                "{}",
                render::render_path_error(&error, &Renderer::styled())
            );
            return exit::FAILURE;
        }
    };
    let renderer = Renderer::styled();
    let mut reports: Vec<FileReport> = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
        let mut report = candidate.check();
        // Human output is written file by file, so a long run shows progress and
        // memory holds one file's text at a time.
        let written = match args.format {
            Format::Human => out.write_all(render::render_file(&report, &renderer).as_bytes()),
            Format::Json => Ok(()),
        };
        report.source = None;
        reports.push(report);
        if let Err(error) = written {
            return write_failed(&error, &reports, err);
        }
    }
    let written = match args.format {
        Format::Json => out.write_all(render::render_json(&reports).as_bytes()),
        Format::Human => writeln!(out, "{}", render::summary(&reports)),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        return write_failed(&error, &reports, err);
    }
    exit_code(&reports)
}

/// The output could not be written. When the reader has gone away (`blueprint check |
/// head`) that is no error of the blueprints': the exit code still says what was found
/// in the files checked so far. Any other failure (a full disk) is reported and exits 2.
fn write_failed(error: &std::io::Error, reports: &[FileReport], err: &mut impl Write) -> u8 {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return exit_code(reports);
    }
    let _ = writeln!(err, "error: cannot write the report: {error}");
    exit::FAILURE
}

fn exit_code(reports: &[FileReport]) -> u8 {
    if reports.iter().any(|r| !r.loaded) {
        exit::FAILURE
    } else if reports.iter().any(|r| r.count(Severity::Error) > 0) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
