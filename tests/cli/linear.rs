//! Inputs whose shape once made reading them slow or impossible (issue 14): a resume written as
//! one line of megabytes, and a text with stray NUL bytes. Inputs are built here. Speed is
//! measured by `benches/oneline.sh`, never by a timed test: these check that the run ends (the
//! helpers' time limit) with the right findings.

use serde_json::Value;

use crate::util::{run, status};

/// Writes `bytes` to a file named `name` in a fresh temporary folder.
fn input_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

/// One job of a resume, written for this test, as a single paragraph.
const PARAGRAPH: &str = "Platform engineer at Northwind Freight, Leeds, 2019 - present. Wrote \
    Terraform modules for our AWS accounts and ran Kubernetes clusters on Ubuntu Linux hosts; \
    automated deployments with Python and Bash scripts. Set up Prometheus alerts and Grafana \
    dashboards, and took part in the on-call rotation. Mentored two junior engineers and wrote \
    the runbooks for restores. Interests: chess and fell running. ";

/// The statuses the paragraph earns, alone or repeated.
const STATUSES: [(&str, &str); 15] = [
    ("cloud-platforms", "aligned"),
    ("terraform", "aligned"),
    ("network-architecture", "missing"),
    ("linux", "aligned"),
    ("security", "missing"),
    ("python-bash", "aligned"),
    ("docker-kubernetes", "aligned"),
    ("systems-administration", "aligned"),
    ("virtualization", "partial"),
    ("monitoring", "aligned"),
    ("troubleshooting", "missing"),
    ("reliability-focus", "aligned"),
    ("attention-to-detail", "missing"),
    ("communication", "aligned"),
    ("collaboration", "aligned"),
];

#[track_caller]
fn analyze(path: &str) -> Value {
    let out = run(&["analyze", path, "--format", "json", "--as-of", "2026-01"]);
    serde_json::from_str(out.success()).expect("one JSON document")
}

#[track_caller]
fn assert_statuses(report: &Value) {
    for (id, expected) in STATUSES {
        assert_eq!(status(report, id), expected, "{id}");
    }
}

#[test]
fn a_resume_of_one_paragraph_earns_the_statuses() {
    let (_dir, path) = input_file("paragraph.txt", PARAGRAPH.as_bytes());
    assert_statuses(&analyze(&path));
}

#[test]
fn a_resume_written_as_one_line_of_five_megabytes_is_analyzed() {
    let line = PARAGRAPH.repeat(5_000_000 / PARAGRAPH.len() + 1);
    let (_dir, path) = input_file("one-line.txt", line.trim_end().as_bytes());
    let report = analyze(&path);
    assert_eq!(report["document"]["lines"], 1);
    assert_statuses(&report);
    let terraform = &crate::util::evidence(&report, "terraform")[0];
    assert_eq!(terraform["line"], 1);
    assert_eq!(terraform["term"], "Terraform");
}

/// A resume as some converters save it: a NUL after some words and at some line ends.
fn text_with_stray_nuls() -> String {
    "Jordan Reyes\0\nEXPERIENCE\nPlatform engineer\0 at Northwind Freight, 2019 - present\n\
     Ran Kubernetes\0 clusters on Linux and wrote Terraform modules.\0\n\
     Automated deployments with Python and Bash.\n"
        .to_string()
}

#[test]
fn stray_nul_bytes_are_dropped_with_a_warning() {
    let (_dir, path) = input_file("nuls.txt", text_with_stray_nuls().as_bytes());
    let report = analyze(&path);
    for id in ["docker-kubernetes", "linux", "terraform", "python-bash"] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
    let warnings = report["document"]["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap()
            .starts_with("4 NUL bytes removed from the text")),
        "{warnings:?}"
    );
    let text = run(&["text", &path]);
    assert_eq!(
        text.success().lines().nth(3),
        Some("Ran Kubernetes clusters on Linux and wrote Terraform modules.")
    );
}

#[test]
fn stray_nul_bytes_in_markdown_are_dropped_too() {
    let markdown = "# Jordan Reyes\0\n\n## Experience\n\n- Ran Kuber\0netes clusters\0 on Linux\n";
    let (_dir, path) = input_file("nuls.md", markdown.as_bytes());
    let report = analyze(&path);
    assert_eq!(status(&report, "docker-kubernetes"), "aligned");
    assert!(
        report["document"]["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("3 NUL bytes removed")
    );
}

#[test]
fn binary_data_with_nul_bytes_is_still_refused() {
    // Records padded with NULs, the way a program writes fixed-width fields: more NULs than text.
    let mut records = Vec::new();
    for name in ["kubernetes", "terraform", "linux", "python"] {
        let mut record = name.as_bytes().to_vec();
        record.resize(32, 0);
        records.extend(record);
    }
    // UTF-16 without its byte order mark: every other byte a NUL.
    let utf16: Vec<u8> = text_with_stray_nuls()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    // A few NULs, but the rest is not UTF-8 text.
    let mut latin1 = b"Ran Kubernetes on Linux, caf\xE9 \xE0 Paris\0\n".repeat(20);
    latin1.extend(b"\x01\x02\x03\xFF\xFE\x00");
    for (name, bytes) in [
        ("records.txt", records),
        ("utf16-without-bom.txt", utf16),
        ("latin1-with-nuls.txt", latin1),
    ] {
        let (_dir, path) = input_file(name, &bytes);
        let message = run(&["analyze", &path, "--format", "json"])
            .failure(4, &path)
            .to_string();
        assert!(message.contains("binary data"), "{name}: {message}");
    }
}
