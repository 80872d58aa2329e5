//! The command line as a user meets it: exit codes, formats, colour, discovery.

use blueprint::rules::RULES;

use crate::common::{TempDir, Test, json_findings};

#[test]
fn exit_0_when_clean_1_on_error_findings_2_when_unloadable() {
    let clean = Test::new()
        .args(["check", "tests/fixtures/scan/clean.yaml"])
        .run();
    assert_eq!(clean.code, 0);
    assert!(
        clean
            .stdout
            .ends_with("All checks passed: 1 blueprint, no findings.\n"),
        "{}",
        clean.stdout
    );

    // Warnings alone do not fail the build.
    let warning = Test::new()
        .args(["check", "tests/fixtures/scan/sub/warning.yml"])
        .run();
    assert_eq!(warning.code, 0);
    assert!(
        warning
            .stdout
            .ends_with("Found 1 warning in 1 blueprint.\n"),
        "{}",
        warning.stdout
    );

    let errors = Test::new()
        .args(["check", "tests/fixtures/rules/self-loop/fires.yaml"])
        .run();
    assert_eq!(errors.code, 1);

    // One unloadable file among good ones: 2 wins, and the good ones are still checked.
    let mixed = Test::new()
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/scan/clean.yaml",
            "tests/fixtures/bad/empty.yaml",
            "tests/fixtures/rules/self-loop/fires.yaml",
        ])
        .run();
    assert_eq!(mixed.code, 2);
    assert!(mixed.stdout.contains("BP004"));
}

#[test]
fn json_is_an_array_of_findings_with_the_documented_fields() {
    let (_, findings) = json_findings("tests/fixtures/rules/misplaced-support-target/fires.yaml");
    // Only BP009's findings: other rules may also fire on this fixture.
    let findings: Vec<_> = findings
        .into_iter()
        .filter(|f| f["code"] == "BP009")
        .collect();
    assert_eq!(findings.len(), 2);
    for finding in &findings {
        let object = finding.as_object().expect("each finding is an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code", "column", "file", "help", "line", "message", "name", "severity", "step"
            ]
        );
    }
    assert_eq!(findings[0]["code"], "BP009");
    assert_eq!(findings[0]["name"], "misplaced-support-target");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["step"], "store-swaps-sim");
    assert_eq!(findings[0]["line"], 13);
    assert_eq!(findings[0]["column"], 9);
}

#[test]
fn an_empty_result_is_an_empty_json_array() {
    let out = Test::new()
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/scan/clean.yaml",
        ])
        .run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "[]\n");
}

#[test]
fn directories_are_searched_for_blueprints_only() {
    let (_, findings) = json_findings("tests/fixtures/scan");
    // Found: clean.yaml (clean), bom.yaml (starts with a byte-order mark, clean),
    // flow.yaml (a JSON-style flow mapping) and sub/warning.yml. Skipped:
    // other-config.yaml has no `blueprint:` key, notes.txt is not YAML, and .hidden/ is
    // hidden.
    let files: Vec<_> = findings
        .iter()
        .map(|f| f["file"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        [
            "tests/fixtures/scan/flow.yaml",
            "tests/fixtures/scan/sub/warning.yml"
        ]
    );
    let out = Test::new().args(["check", "tests/fixtures/scan"]).run();
    assert!(
        out.stdout.ends_with("Found 2 warnings in 4 blueprints.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn links_to_blueprints_are_followed_and_a_file_named_twice_is_checked_once() {
    let dir = TempDir::new("links");
    let target = crate::common::root().join("tests/fixtures/scan/sub/warning.yml");
    std::os::unix::fs::symlink(&target, dir.path("linked.yaml")).expect("symlink");
    let dir_arg = dir.arg();
    let (_, findings) = json_findings(&dir_arg);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["code"], "BP010");

    let linked = format!("{dir_arg}/linked.yaml");
    let out = Test::new()
        .args([
            "check",
            &linked,
            &linked,
            &format!("{dir_arg}/./linked.yaml"),
        ])
        .run();
    assert!(
        out.stdout.ends_with("Found 1 warning in 1 blueprint.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = TempDir::new("fifo");
    let fifo = dir.path("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = Test::new()
        .args(["check", fifo.to_str().expect("UTF-8 path")])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("is not a file or a directory"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_default_path_is_the_current_directory() {
    let out = Test::new()
        .args(["check"])
        .current_dir("tests/fixtures/scan")
        .run();
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("./sub/warning.yml:12:16"),
        "{}",
        out.stdout
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let path = "tests/fixtures/scan/sub/warning.yml";
    let always = Test::new().args(["check", "--color", "always", path]).run();
    assert!(always.stdout.contains("\u{1b}["), "--color always colours");
    let never = Test::new().args(["check", "--color", "never", path]).run();
    assert!(!never.stdout.contains('\u{1b}'));
    // Not a terminal: auto means plain.
    let auto = Test::new().args(["check", path]).run();
    assert!(!auto.stdout.contains('\u{1b}'));
    // NO_COLOR turns auto off even where colour is forced by the environment.
    let no_color = Test::new()
        .args(["check", path])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .run();
    assert!(!no_color.stdout.contains('\u{1b}'));
    assert_eq!(never.stdout, auto.stdout);
}

#[test]
fn output_is_deterministic() {
    let first = Test::new().args(["check", "tests/fixtures"]).run();
    let second = Test::new().args(["check", "tests/fixtures"]).run();
    assert_eq!(first.code, 2);
    assert_eq!(first.stdout, second.stdout);
    let first = Test::new()
        .args(["check", "--format", "json", "tests/fixtures"])
        .run();
    let second = Test::new()
        .args(["check", "--format", "json", "tests/fixtures"])
        .run();
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn rules_lists_every_rule() {
    let out = Test::new().args(["rules"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), RULES.len());
    insta::assert_snapshot!("rules", out.stdout);
}

#[test]
fn explain_works_for_every_rule_by_code_and_name() {
    for rule in RULES {
        let by_code = Test::new().args(["explain", rule.code]).run();
        assert_eq!(by_code.code, 0, "{}", rule.code);
        assert!(
            by_code
                .stdout
                .starts_with(&format!("# {} {}\n", rule.code, rule.name))
        );
        for heading in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Use instead",
        ] {
            assert!(by_code.stdout.contains(heading), "{}: {heading}", rule.code);
        }
        let by_name = Test::new().args(["explain", rule.name]).run();
        assert_eq!(by_name.stdout, by_code.stdout);
        let lower = Test::new()
            .args(["explain", &rule.code.to_lowercase()])
            .run();
        assert_eq!(lower.stdout, by_code.stdout);
    }
    insta::assert_snapshot!(
        "explain-BP002",
        Test::new().args(["explain", "BP002"]).run().stdout
    );
}

#[test]
fn explain_an_unknown_rule_suggests_one() {
    let out = Test::new().args(["explain", "self-loops"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `self-loop`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(Test::new().args(["chekc"]).run().code, 2);
    assert_eq!(Test::new().args(["check", "--format", "xml"]).run().code, 2);
    assert_eq!(
        Test::new()
            .args(["check", "--color", "sometimes"])
            .run()
            .code,
        2
    );
    let help = Test::new().args(["--help"]).run();
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit codes"));
}

#[test]
fn the_readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(crate::common::root().join("README.md")).expect("README.md");
    for rule in RULES {
        let row = format!("| {} | `{}` | {}", rule.code, rule.name, rule.severity);
        assert!(
            readme.contains(&row),
            "README.md lacks the row for {}: `{row}`",
            rule.code
        );
        let stops = format!(
            "| {} | `{}` | error, stops analysis |",
            rule.code, rule.name
        );
        assert_eq!(
            readme.contains(&stops),
            rule.is_fatal(),
            "{}: README must say whether it stops analysis",
            rule.code
        );
    }
}

#[test]
fn a_long_chain_of_steps_does_not_exhaust_the_stack() {
    // A recursive graph walk overflowed the stack on chains of about 20,000 steps in a
    // debug build. 30,000 steps in a straight line, alternating lanes, plus one loop
    // without exit at the end so the strongly-connected-components pass has work.
    let steps = 30_000;
    let mut yaml = String::from("blueprint: 1\nname: Long chain\nsteps:\n");
    for i in 0..steps {
        // Complete moments of truth (evidence, actor, standard), so only the
        // structural findings below are expected.
        let (lane, fields) = if i % 2 == 0 {
            ("customer", "evidence: [e]")
        } else {
            ("frontstage", "actor: Staff, standard: S")
        };
        let next = if i + 1 < steps {
            format!("[s{}]", i + 1)
        } else {
            format!("[s{}]", i - 1)
        };
        yaml.push_str(&format!(
            "  - {{id: s{i}, lane: {lane}, label: Step {i}, {fields}, next: {next}}}\n"
        ));
    }
    let dir = TempDir::new("chain");
    let path = dir.path("chain.yaml");
    std::fs::write(&path, yaml).expect("write chain");
    let (code, findings) = json_findings(path.to_str().expect("UTF-8 path"));
    assert_eq!(code, 1);
    // The structural rules (BP001-BP010); the service-design rules also flag every
    // frontstage step here, which is not what this test is about.
    let codes: Vec<_> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default())
        .filter(|code| *code <= "BP010")
        .collect();
    // The last two steps loop with no exit, so the journey never finishes either.
    assert_eq!(codes, ["BP008", "BP007"]);
}

#[test]
fn ids_are_matched_as_written_even_when_yaml_reads_a_number() {
    // `next: [0x1F]` must mean the step written `id: 0x1F`, not a step `31`.
    let (code, findings) = json_findings("tests/fixtures/load/ids-as-written.yaml");
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}
