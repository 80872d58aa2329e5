//! Command-line interface: clap definitions, one file per subcommand. This is the only
//! layer that prints and the only one that chooses exit codes.

mod check;
mod explain;
mod rules;

use std::ffi::OsString;
use std::io::Write;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes, documented in README.md.
pub mod exit {
    /// No error-severity findings.
    pub const OK: u8 = 0;
    /// At least one error-severity finding.
    pub const FINDINGS: u8 = 1;
    /// A file could not be loaded, or bad usage.
    pub const FAILURE: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "blueprint",
    version,
    about = "Service blueprints as code: check blueprints for fail points, removable steps and moments of truth",
    after_help = "Exit codes: 0 no errors, 1 error findings, 2 a file could not be loaded or bad usage."
)]
struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check blueprints and report findings.
    Check(check::CheckArgs),
    /// List every rule: code, name, default severity, summary.
    Rules,
    /// Print a rule's documentation.
    Explain(explain::ExplainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorChoice::Auto => anstream::ColorChoice::Auto,
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
        }
    }
}

/// Run the CLI with these arguments (the first is the program name) and return the
/// exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout and usage errors to stderr.
            let _ = e.print();
            return if e.use_stderr() {
                exit::FAILURE
            } else {
                exit::OK
            };
        }
    };
    let mut out = anstream::AutoStream::new(std::io::stdout(), cli.color.choice());
    let mut err = anstream::AutoStream::new(std::io::stderr(), cli.color.choice());
    let code = match &cli.command {
        Command::Check(args) => check::run(args, &mut out, &mut err),
        Command::Rules => rules::run(&mut out),
        Command::Explain(args) => explain::run(args, &mut out, &mut err),
    };
    let _ = out.flush();
    code
}
