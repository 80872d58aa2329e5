use std::io::Write;

use super::exit;
use crate::rules::RULES;

pub(super) fn run(out: &mut impl Write) -> u8 {
    let name_width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for rule in RULES {
        text.push_str(&format!(
            "{}  {:<name_width$}  {:<7}  {}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => exit::OK,
        Err(_) => exit::FAILURE,
    }
}
