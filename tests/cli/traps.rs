//! Words that are not evidence (tests/fixtures/traps.txt and the traps of the other resumes),
//! and `--explain`, which must say which rule turned each one down.

use crate::util::{
    EXAMPLE, analyze_json, background_ids, evidence, evidence_on_line, fixture, run,
};

fn traps() -> String {
    fixture("traps.txt")
}

#[test]
fn every_technical_skill_is_missing_and_no_background_shows() {
    let report = analyze_json(&traps(), &[]);
    for s in report["skills"].as_array().unwrap() {
        if s["category"] == "technical" {
            assert_eq!(s["status"], "missing", "{}: {s}", s["id"]);
        }
    }
    assert!(
        background_ids(&report).is_empty(),
        "{}",
        report["backgrounds"]
    );
    assert_eq!(report["score"]["technical"]["percent"], 0.0);
}

#[test]
fn only_the_fair_soft_skill_findings_remain() {
    let report = analyze_json(&traps(), &[]);
    // "trained and mentored new staff", "a team of eight" (line 12), "Wrote the opening
    // checklists" (line 13): the only lines that may be evidence of anything.
    for s in report["skills"].as_array().unwrap() {
        for e in s["evidence"].as_array().unwrap() {
            assert!(
                e["line"] == 12 || e["line"] == 13,
                "{} has evidence on a trap line: {e}",
                s["id"]
            );
        }
    }
    let checklists =
        evidence_on_line(&report, "attention-to-detail", 13).expect("the checklists line");
    assert_eq!(checklists["term"], "checklists");
    assert!(evidence_on_line(&report, "collaboration", 12).is_some());
}

/// `analyze traps.txt --explain` in the given format.
fn explain(format: &str) -> String {
    run(&["analyze", &traps(), "--explain", "--format", format])
        .success()
        .to_string()
}

#[test]
fn explain_gives_the_rule_for_each_rejection() {
    let out = explain("table");
    assert!(out.contains("How each verdict was reached:"));
    for rejection in [
        // "Kubernetes Kitchen Ltd", "Ansible Books Ltd": employers' names.
        r#"rejected line 10 "Kubernetes": part of the name of an organisation or title"#,
        r#"rejected line 16 "Ansible": part of the name of an organisation or title"#,
        // "I have no production Kubernetes experience yet": denied.
        r#"rejected line 5 "Kubernetes": denied by the words before it"#,
        // "I want to learn Terraform": a wish.
        r#"rejected line 6 "Terraform": only wished for or being learned"#,
        // "Chef de partie", "Head Chef": a phrase that means something else.
        r#"rejected line 24 "Chef": part of a phrase that means something else"#,
        r#"rejected line 26 "Chef": part of a phrase that means something else"#,
    ] {
        assert!(out.contains(rejection), "no `{rejection}` in:\n{out}");
    }
    // The URL github.com/morganfd/docker-notes on line 2 is not even a candidate.
    assert!(
        !out.contains("line 2 "),
        "the URL was taken as a candidate:\n{out}"
    );
    assert!(!out.contains("\"docker"), "{out}");
    // Only the fair soft-skill lines are accepted (12: team, training; 13: checklists).
    let accepted: Vec<&str> = out
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("accepted"))
        .collect();
    assert!(!accepted.is_empty());
    for line in &accepted {
        assert!(
            line.starts_with("accepted line 12 ") || line.starts_with("accepted line 13 "),
            "{line}"
        );
    }
    // Without --explain, no rule text.
    let plain = run(&["analyze", &traps()]);
    assert!(!plain.success().contains("rejected line"));
}

#[test]
fn explain_in_markdown_too() {
    let out = explain("markdown");
    assert!(out.contains("only wished for or being learned"), "{out}");
    assert!(
        out.contains("part of the name of an organisation or title"),
        "{out}"
    );
}

#[test]
fn explain_does_not_change_the_json() {
    let plain = run(&["analyze", &traps(), "--format", "json"]);
    assert_eq!(explain("json"), plain.success());
}

#[test]
fn wish_written_after_the_term_is_rejected() {
    // network.md: "Automation | Python, Netmiko, Ansible (learning)".
    let file = fixture("network.md");
    let out = run(&["analyze", &file, "--explain"]);
    assert!(
        out.success()
            .contains(r#"rejected line 36 "Ansible": only wished for or being learned"#),
        "{}",
        out.stdout
    );
}

#[test]
fn url_and_board_game_in_the_example_are_not_evidence() {
    let report = analyze_json(EXAMPLE, &[]);
    let lines = crate::util::text_lines(EXAMPLE);
    let url = 1 + lines
        .iter()
        .position(|l| l == "github.com/dana-whitfield/terraform-notes")
        .expect("the URL line");
    let go = 1 + lines
        .iter()
        .position(|l| l.starts_with("Go (the board game)"))
        .expect("the Go line");
    for s in report["skills"].as_array().unwrap() {
        for e in s["evidence"].as_array().unwrap() {
            assert!(e["line"] != url && e["line"] != go, "{}: {e}", s["id"]);
        }
    }
    // Terraform only through CloudFormation, never through the URL.
    assert!(
        evidence(&report, "terraform")
            .iter()
            .all(|e| e["kind"] == "related")
    );
}
