use std::io::Write;

use clap::Args;

use super::exit;
use crate::rules::{self, RULES};
use crate::suggest;

#[derive(Debug, Args)]
pub(super) struct ExplainArgs {
    /// A rule code (`BP002`) or name (`unknown-reference`).
    rule: String,
}

pub(super) fn run(args: &ExplainArgs, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let Some(rule) = rules::find(&args.rule) else {
        let names = RULES.iter().flat_map(|r| [r.code, r.name]);
        let hint = match suggest::closest(&args.rule, names) {
            Some(close) => format!("did you mean `{close}`? "),
            None => String::new(),
        };
        let _ = writeln!(
            err,
            "error: no rule `{}`\n  = help: {hint}run `blueprint rules` to list every rule",
            args.rule
        );
        return exit::FAILURE;
    };
    let stage = if rule.is_fatal() {
        "\nA finding of this rule stops the file from being analysed further (exit code 2).\n"
    } else {
        ""
    };
    let text = format!(
        "# {} {}\n\nDefault severity: {}\n\n{}.\n{stage}\n{}",
        rule.code, rule.name, rule.severity, rule.summary, rule.docs
    );
    match out.write_all(text.as_bytes()) {
        Ok(()) => exit::OK,
        Err(_) => exit::FAILURE,
    }
}
