//! The three report formats: what a reader of each looks for, that they agree with the JSON,
//! and snapshots of the bundled example.

use serde_json::Value;

use crate::util::{EXAMPLE, GOOD_FIXTURES, analyze_json, fixture, run, skillgap};

fn table(file: &str) -> String {
    run(&["analyze", file]).success().to_string()
}

fn markdown(file: &str) -> String {
    run(&["analyze", file, "--format", "markdown"])
        .success()
        .to_string()
}

fn skill_rows(report: &Value) -> impl Iterator<Item = (&str, &str, &str)> {
    report["skills"].as_array().unwrap().iter().map(|s| {
        (
            s["name"].as_str().unwrap(),
            s["category"].as_str().unwrap(),
            s["status"].as_str().unwrap(),
        )
    })
}

#[test]
fn table_is_the_default_format() {
    assert_eq!(
        table(EXAMPLE),
        run(&["analyze", EXAMPLE, "--format", "table"]).success()
    );
}

#[test]
fn table_shows_every_skill_the_score_and_the_focus_areas() {
    for name in GOOD_FIXTURES {
        let file = fixture(name);
        let out = table(&file);
        let report = analyze_json(&file, &[]);
        assert!(
            out.starts_with(&format!("Infrastructure Engineer — {file} (")),
            "{name}: title line: {out}"
        );
        for header in ["Skill", "Status", "Evidence"] {
            assert!(out.contains(header), "{name}: no {header} column");
        }
        for (skill, _, status) in skill_rows(&report) {
            let row = out
                .lines()
                .find(|l| l.starts_with(&format!("│ {skill} ")))
                .unwrap_or_else(|| panic!("{name}: no row for {skill}:\n{out}"));
            assert!(row.contains(status), "{name}: {skill} is {status}: {row}");
        }
        let percent = report["score"]["percent"].as_f64().unwrap();
        assert!(
            out.contains(&format!("Coverage score: {percent:.1}%")),
            "{name}: the table's score is the JSON's ({percent}):\n{out}"
        );
        assert!(out.contains("Focus areas"), "{name}");
        assert!(out.contains("Best-fitting background:"), "{name}");
    }
}

#[test]
fn table_fits_100_columns_when_not_a_terminal() {
    for name in GOOD_FIXTURES {
        let out = table(&fixture(name));
        let table_lines: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
            .collect();
        assert!(table_lines.len() > 15, "{name}: a table with 15 skill rows");
        for line in table_lines {
            assert_eq!(line.chars().count(), 100, "{name}: {line}");
        }
    }
}

#[test]
fn table_focus_areas_follow_the_json_ranking() {
    let report = analyze_json(EXAMPLE, &[]);
    let out = table(EXAMPLE);
    for area in report["focus_areas"].as_array().unwrap() {
        // "missing" or "partial" (or "stale" where a gap is given).
        let gap = area.get("gap").unwrap_or(&area["status"]);
        let line = format!(
            "  {}. {} ({}, weight {}",
            area["rank"],
            area["name"].as_str().unwrap(),
            gap.as_str().unwrap(),
            area["weight"].as_f64().unwrap()
        );
        assert!(out.contains(&line), "no `{line}` in:\n{out}");
    }
}

#[test]
fn markdown_has_a_title_and_a_skills_table() {
    for name in GOOD_FIXTURES {
        let file = fixture(name);
        let out = markdown(&file);
        assert!(out.starts_with("# "), "{name}: starts with a heading");
        assert!(
            out.contains("| Skill | Category | Status | Evidence |\n|---|---|---|---|\n"),
            "{name}: the skills table header"
        );
        let report = analyze_json(&file, &[]);
        for (skill, category, status) in skill_rows(&report) {
            let row = out
                .lines()
                .find(|l| l.starts_with(&format!("| {skill} | ")))
                .unwrap_or_else(|| panic!("{name}: no row for {skill}"));
            let cells = format!("| {skill} | {category} | {status}");
            assert!(row.starts_with(&cells), "{name}: `{row}` is not `{cells}…`");
        }
        let percent = report["score"]["percent"].as_f64().unwrap();
        assert!(
            out.contains(&format!("**Coverage score: {percent:.1}%**")),
            "{name}: score"
        );
        assert!(out.contains("\n## Focus areas\n"), "{name}");
    }
}

#[test]
fn markdown_table_rows_stay_one_line() {
    // Evidence with several lines per skill is joined with <br>, so each skill is one row.
    let out = markdown(EXAMPLE);
    let rows = out
        .lines()
        .skip_while(|l| !l.starts_with("| Skill |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .count();
    assert_eq!(rows, 15);
}

/// Jobs held "to present" are counted up to the current month, so years of use and staleness
/// change with the calendar: the snapshots fix the month.
const AS_OF: [&str; 2] = ["--as-of", "2026-11"];

#[test]
fn snapshot_json_of_the_example() {
    let out = run(&["analyze", EXAMPLE, "--format", "json", AS_OF[0], AS_OF[1]]);
    insta::assert_snapshot!("analyze_example_json", out.success());
}

#[test]
fn snapshot_table_of_the_example() {
    // Not a terminal under the test: the table is 100 columns wide.
    let out = run(&["analyze", EXAMPLE, AS_OF[0], AS_OF[1]]);
    insta::assert_snapshot!("analyze_example_table", out.success());
}

/// The HTML report is one self-contained, well-formed page: no scripts, no requests, every
/// element closed, resume text escaped.
#[test]
fn html_report_is_self_contained_and_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let page_path = dir.path().join("report.html");
    let page_arg = page_path.to_str().unwrap().to_string();
    let output = skillgap()
        .args([
            "analyze", EXAMPLE, "--as-of", "2026-11", "--format", "html", "-o",
        ])
        .arg(&page_arg)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stdout.is_empty(),
        "-o writes the file, not standard output"
    );
    let page = std::fs::read_to_string(&page_path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg") && page.contains("<style>"));
    for forbidden in ["<script", "http://", "https://", "src=", "@import"] {
        assert!(!page.contains(forbidden), "found {forbidden}");
    }
    assert_balanced(&page);
}

/// Every opened element is closed in order (void elements excepted).
fn assert_balanced(page: &str) {
    const VOID: &[&str] = &["meta", "br", "rect", "!DOCTYPE"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("tag ends") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        let self_closing = tag.ends_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        if tag.starts_with('/') {
            assert_eq!(open.pop().as_deref(), Some(name.as_str()), "closing {name}");
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}
