//! Bad input gets a clear error naming file:line:col and exit code 2, never a panic.

use crate::common::{TempDir, Test, json_findings};

/// (fixture, the kind of error, line, column). The kind is the JSON `name`: a load
/// error kind, or the rule name for the model rules that stop a file.
const CASES: &[(&str, &str, u64, u64)] = &[
    ("empty", "empty-file", 1, 1),
    ("comment-only", "empty-file", 1, 1),
    ("not-a-mapping", "invalid-type", 1, 1),
    ("wrong-type", "invalid-type", 7, 11),
    ("unknown-key", "unknown-key", 7, 5),
    ("unknown-top-level-key", "unknown-key", 8, 1),
    ("duplicate-key", "duplicate-key", 9, 5),
    ("duplicate-step-id", "duplicate-id", 8, 9),
    ("malformed-duration", "invalid-value", 4, 12),
    ("score-out-of-range", "invalid-value", 7, 14),
    ("unknown-lane", "unknown-lane", 9, 11),
    ("dangling-reference", "unknown-reference", 7, 12),
    ("unknown-keyword", "invalid-value", 7, 12),
    ("wrong-version", "unsupported-version", 1, 12),
    ("missing-key", "missing-key", 4, 5),
    ("missing-key-in-fail-point", "missing-key", 8, 9),
    ("missing-key-in-tolerance", "missing-key", 3, 1),
    ("syntax-error", "syntax-error", 8, 7),
    ("funnel-inconsistent", "invalid-value", 3, 37),
    ("invalid-utf8", "invalid-utf8", 2, 10),
    ("alias-bomb", "too-complex", 107, 5),
    ("null-flow", "invalid-type", 7, 19),
    ("multiple-documents", "syntax-error", 6, 1),
    ("tab-indent", "syntax-error", 4, 9),
    ("id-with-spaces", "invalid-value", 4, 9),
];

#[test]
fn each_bad_input_exits_2_with_a_located_message() {
    for (name, kind, line, column) in CASES {
        let path = format!("tests/fixtures/bad/{name}.yaml");
        let (code, findings) = json_findings(&path);
        assert_eq!(code, 2, "{path}");
        let first = findings
            .first()
            .unwrap_or_else(|| panic!("{path}: no diagnostic"));
        assert_eq!(first["name"], *kind, "{path}: {first:#}");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(*line), Some(*column)),
            "{path}"
        );
        assert_eq!(first["file"], path.as_str());
        assert!(
            first["help"].as_str().is_some_and(|h| !h.is_empty()),
            "{path}: every error says how to fix it"
        );

        let human = Test::new().args(["check", "--color", "never", &path]).run();
        assert_eq!(human.code, 2);
        assert!(
            human.stdout.contains(&format!("{path}:{line}:{column}")),
            "{path}: {}",
            human.stdout
        );
        insta::assert_snapshot!(format!("bad-{name}"), human.stdout);
    }
}

#[test]
fn value_errors_in_one_file_are_reported_together() {
    let (_, findings) = json_findings("tests/fixtures/bad/malformed-duration.yaml");
    let places: Vec<_> = findings
        .iter()
        .map(|f| (f["line"].as_u64(), f["column"].as_u64()))
        .collect();
    // `5 minutes` (4:12), `1.5h` (10:11) and `30m2h` (11:15): all three at once.
    assert_eq!(
        places,
        [
            (Some(4), Some(12)),
            (Some(10), Some(11)),
            (Some(11), Some(15))
        ]
    );

    let (_, findings) = json_findings("tests/fixtures/bad/unknown-keyword.yaml");
    let names: Vec<_> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "unknown value class `value-added`",
            "unknown service category `premium`",
            "unknown fail-point type `treatmnt`",
            "unknown recovery strategy `apologise`",
        ]
    );
}

#[test]
fn a_typo_in_a_reference_points_at_the_reference_and_suggests_the_id() {
    let (code, findings) = json_findings("tests/fixtures/bad/dangling-reference.yaml");
    assert_eq!(code, 2);
    let finding = &findings[0];
    assert_eq!(finding["code"], "BP002");
    // `    next: [wait-for-tellr]`: the id starts at column 12 of line 7.
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(7), Some(12))
    );
    assert_eq!(finding["help"], "did you mean `wait-for-teller`?");
    assert_eq!(finding["step"], "take-ticket");
}

#[test]
fn a_duplicate_key_is_an_error_not_last_one_wins() {
    let (code, findings) = json_findings("tests/fixtures/bad/duplicate-key.yaml");
    assert_eq!(code, 2);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["message"], "duplicate key `wait`");
}

#[test]
fn a_directory_with_no_blueprints_exits_2() {
    let out = Test::new()
        .args([
            "check",
            "--color",
            "never",
            "tests/fixtures/bad/no-blueprints",
        ])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    insta::assert_snapshot!("bad-no-blueprints", out.stderr);
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let out = Test::new()
        .args(["check", "--color", "never", "blueprints/no-such-file.yaml"])
        .run();
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("bad-missing-path", out.stderr);
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it_all() {
    let dir = TempDir::new("huge");
    let path = dir.path("huge.yaml");
    let file = std::fs::File::create(&path).expect("temp file");
    // A sparse file: 65 MiB long, costs no disk.
    file.set_len(65 * 1024 * 1024).expect("set length");
    let (code, findings) = json_findings(path.to_str().expect("UTF-8 temp path"));
    assert_eq!(code, 2);
    assert_eq!(findings[0]["name"], "file-too-large");
}

#[test]
fn value_errors_and_model_findings_come_together_naming_their_steps() {
    let (code, findings) = json_findings("tests/fixtures/bad/mixed-problems.yaml");
    assert_eq!(code, 2);
    let seen: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or_default(),
                f["line"].as_u64(),
                f["step"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("invalid-value", Some(8), Some("a")),
            ("unknown-reference", Some(9), Some("a")),
            ("unknown-lane", Some(11), Some("b")),
        ]
    );
}
