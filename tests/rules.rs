//! Every rule fires exactly where its must-fire fixture marks it, and stays silent on
//! its must-not fixture.

use std::collections::BTreeSet;

use blueprint::rules::RULES;

use crate::common::{Test, json_findings, root};

fn fixture(rule_name: &str, kind: &str) -> String {
    format!("tests/fixtures/rules/{rule_name}/{kind}.yaml")
}

/// Lines carrying a `# <- CODE` marker for `code`.
fn marked_lines(text: &str, code: &str) -> BTreeSet<u64> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.split_once("# <-")
                .is_some_and(|(_, codes)| codes.split(',').any(|c| c.trim() == code))
        })
        .map(|(i, _)| i as u64 + 1)
        .collect()
}

fn lines_with(findings: &[serde_json::Value], code: &str) -> BTreeSet<u64> {
    findings
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["line"].as_u64().expect("a line number"))
        .collect()
}

#[test]
fn every_rule_has_both_fixtures() {
    for rule in RULES {
        for kind in ["fires", "silent"] {
            let path = root().join(fixture(rule.name, kind));
            assert!(
                path.is_file(),
                "{} has no {kind} fixture at {}",
                rule.code,
                path.display()
            );
        }
    }
}

#[test]
fn rules_fire_exactly_on_marked_lines() {
    for rule in RULES {
        let path = fixture(rule.name, "fires");
        let text = std::fs::read_to_string(root().join(&path)).expect("fixture is readable");
        let expected = marked_lines(&text, rule.code);
        assert!(
            !expected.is_empty(),
            "{path} marks no line with `# <- {}`",
            rule.code
        );

        let (code, findings) = json_findings(&path);
        assert_eq!(
            lines_with(&findings, rule.code),
            expected,
            "{} on {path}",
            rule.code
        );
        // A fatal rule stops the file (exit 2); any other rule must have run on a
        // file that loaded, or the fixture proves nothing.
        let loaded = findings.iter().all(|f| !f["code"].is_null());
        assert!(loaded, "{path} has load errors: {findings:#?}");
        if rule.is_fatal() {
            assert_eq!(code, 2, "{path}");
        } else {
            let errors = findings.iter().any(|f| f["severity"] == "error");
            assert_eq!(code, i32::from(errors), "{path}");
        }

        let human = Test::new().args(["check", "--color", "never", &path]).run();
        assert_eq!(human.code, code);
        insta::assert_snapshot!(format!("{}-{}-fires", rule.code, rule.name), human.stdout);
        insta::assert_snapshot!(
            format!("{}-{}-fires-json", rule.code, rule.name),
            serde_json::to_string_pretty(&findings).expect("JSON")
        );
    }
}

#[test]
fn rules_stay_silent_on_must_not_fixtures() {
    for rule in RULES {
        let path = fixture(rule.name, "silent");
        let text = std::fs::read_to_string(root().join(&path)).expect("fixture is readable");
        assert!(
            !text.contains("# <-"),
            "{path} must not mark expected findings"
        );
        let (code, findings) = json_findings(&path);
        assert!(
            findings.iter().all(|f| !f["code"].is_null()) && code != 2,
            "{path} must load, or the rule never ran: {findings:#?}"
        );
        assert!(
            lines_with(&findings, rule.code).is_empty(),
            "{} fired on {path}: {findings:#?}",
            rule.code
        );
    }
}
