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
    let inputs = match check::discover(&args.paths) {
        Ok(inputs) => inputs,
        Err(error) => {
            let _ = writeln!(
                err,
                "{}",
                render::render_path_error(&error, &Renderer::styled())
            );
            return exit::FAILURE;
        }
    };
    let reports: Vec<FileReport> = inputs
        .iter()
        .map(|input| check::check_bytes(&input.path, &input.bytes))
        .collect();
    let written = match args.format {
        Format::Json => out.write_all(render::render_json(&reports).as_bytes()),
        Format::Human => {
            let renderer = Renderer::styled();
            reports
                .iter()
                .try_for_each(|report| {
                    out.write_all(render::render_file(report, &renderer).as_bytes())
                })
                .and_then(|()| writeln!(out, "{}", render::summary(&reports)))
        }
    };
    if written.is_err() {
        // The reader went away (`blueprint check | head`); nothing left to say.
        return exit::FAILURE;
    }
    exit_code(&reports)
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
