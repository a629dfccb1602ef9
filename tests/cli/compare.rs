//! `skillgap compare OLD NEW`: what an edit changed for the role.

use serde_json::Value;

use crate::util::{EXAMPLE, fixture, run};

fn compare_json(old: &str, new: &str) -> Value {
    let out = run(&[
        "compare", old, new, "--as-of", "2026-11", "--format", "json",
    ]);
    serde_json::from_str(out.success()).expect("compare prints JSON")
}

#[test]
fn an_edit_that_adds_skills_shows_them_gained_and_the_score_delta() {
    let traps = fixture("traps.txt");
    let report = compare_json(&traps, EXAMPLE);
    let old = report["old"]["score"].as_f64().unwrap();
    let new = report["new"]["score"].as_f64().unwrap();
    let delta = report["score_delta"].as_f64().unwrap();
    assert!(
        (new - old - delta).abs() < 0.11,
        "{old} → {new} is not {delta}"
    );
    assert!(delta > 0.0);
    let skills = report["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 15);
    let linux = skills.iter().find(|s| s["id"] == "linux").unwrap();
    assert_eq!(
        (linux["old"].as_str(), linux["new"].as_str()),
        (Some("missing"), Some("aligned"))
    );
    assert_eq!(linux["change"], "gained");
}

#[test]
fn comparing_a_resume_with_itself_changes_nothing() {
    let report = compare_json(EXAMPLE, EXAMPLE);
    assert_eq!(report["score_delta"].as_f64(), Some(0.0));
    assert!(
        report["skills"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["change"] == "unchanged")
    );
    assert_eq!(report["focus"]["old"], report["focus"]["new"]);
    let table = run(&["compare", EXAMPLE, EXAMPLE, "--as-of", "2026-11"]);
    let table = table.success();
    assert!(table.contains("No skill changed status."), "{table}");
}

#[test]
fn the_table_names_gained_skills_and_the_focus_movement() {
    let traps = fixture("traps.txt");
    let table = run(&["compare", &traps, EXAMPLE, "--as-of", "2026-11"]);
    let table = table.success();
    assert!(table.contains("Gained"), "{table}");
    assert!(table.contains("Linux: missing → aligned"), "{table}");
    assert!(table.contains("off the list"), "{table}");
    let markdown = run(&["compare", &traps, EXAMPLE, "--format", "markdown"]);
    let markdown = markdown.success();
    assert!(markdown.starts_with("# "), "{markdown}");
}

#[test]
fn a_missing_version_is_a_read_error() {
    let failed = run(&["compare", "no-such-old.pdf", EXAMPLE]);
    assert_eq!(failed.code, Some(3), "{}", failed.stderr);
    assert!(failed.stdout.is_empty());
}
