//! The example blueprints load, are structurally sound, and their findings are pinned.

use blueprint::rules::RULES;

use crate::common::{Test, json_findings};

#[test]
fn examples_load_and_are_structurally_sound() {
    let (code, findings) = json_findings("blueprints");
    assert_ne!(code, 2, "every example loads: {findings:#?}");
    // BP001-BP010 are the structural rules: the shape of the journey, not the service.
    let structural: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| *c <= "BP010")
        .collect();
    let broken: Vec<_> = findings
        .iter()
        .filter(|f| structural.iter().any(|code| f["code"] == *code))
        .collect();
    assert!(
        broken.is_empty(),
        "structural findings in the examples: {broken:#?}"
    );
}

#[test]
fn there_are_at_least_eight_examples_of_12_to_40_steps_using_every_lane() {
    let mut count = 0;
    for entry in std::fs::read_dir(crate::common::root().join("blueprints")).expect("blueprints/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        count += 1;
        let bytes = std::fs::read(&path).expect("readable");
        let blueprint =
            blueprint::load::load(&bytes).unwrap_or_else(|e| panic!("{}: {e:#?}", path.display()));
        let steps = blueprint.steps.len();
        assert!(
            (12..=40).contains(&steps),
            "{}: {steps} steps",
            path.display()
        );
        for lane in blueprint::model::Lane::ALL {
            assert!(
                blueprint
                    .steps
                    .iter()
                    .any(|s| blueprint::model::Lane::parse(s.lane.as_str()) == Some(lane)),
                "{} has no {lane} step",
                path.display()
            );
        }
    }
    assert!(count >= 8, "{count} examples");
}

#[test]
fn example_findings_are_pinned() {
    let out = Test::new()
        .args(["check", "--color", "never", "blueprints"])
        .run();
    insta::assert_snapshot!("examples", out.stdout);
}
