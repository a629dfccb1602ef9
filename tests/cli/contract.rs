//! The JSON contract and the other things scripts build on: every real output validates against
//! `skillgap schema report`; it reads back into mirror structs that refuse unknown fields, so a
//! new field is added here (and to docs/json.md) on purpose; the `jq` examples of docs/json.md
//! run as written; completions and the man page print.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use serde_json::Value;

use crate::util::{
    EXAMPLE, GOOD_FIXTURES, Run, analyze_json, bin, cannot_run_here, fixture, root, run,
};

fn schema() -> Value {
    let out = run(&["schema", "report"]);
    serde_json::from_str(out.success()).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema is a valid JSON Schema")
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, document: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

/// Every kind of document `analyze` prints: each good fixture and the example as `--format
/// json`, one with a gate, and the lines of a batch with a report, an error line and a gate.
fn every_kind_of_output() -> Vec<(String, Value)> {
    let mut outputs = Vec::new();
    for file in GOOD_FIXTURES
        .iter()
        .map(|f| fixture(f))
        .chain([EXAMPLE.to_string()])
    {
        outputs.push((file.clone(), analyze_json(&file, &[])));
    }
    outputs.push((
        "gate".into(),
        analyze_json(
            EXAMPLE,
            &["--fail-under", "50", "--require", "terraform:partial"],
        ),
    ));
    let batch = run(&[
        "analyze",
        &fixture("devops.txt"),
        &fixture("bad/empty.txt"),
        "--fail-under",
        "50",
    ]);
    assert_eq!(batch.code, Some(5), "{batch:#?}");
    for (index, line) in batch.stdout.lines().enumerate() {
        outputs.push((
            format!("batch line {}", index + 1),
            serde_json::from_str(line).expect("a line is JSON"),
        ));
    }
    assert!(outputs.iter().any(|(_, o)| o.get("error").is_some()));
    assert!(outputs.iter().any(|(_, o)| o.get("gate").is_some()));
    outputs
}

#[test]
fn the_schema_is_draft_2020_12_with_every_document() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for name in ["Report", "ErrorLine", "Gate", "Skill", "Evidence"] {
        assert!(schema["$defs"].get(name).is_some(), "{name} is defined");
    }
    let role = run(&["schema", "role"]);
    assert!(role.success().contains("skillgap role profile"));
}

#[test]
fn every_output_matches_the_schema() {
    let validator = validator();
    for (what, output) in every_kind_of_output() {
        assert_valid(&validator, &output, &what);
    }
}

#[test]
fn the_schema_refuses_what_is_not_the_contract() {
    let validator = validator();
    let report = analyze_json(EXAMPLE, &[]);
    let mut extra = report.clone();
    extra["surprise"] = Value::Bool(true);
    assert!(!validator.is_valid(&extra), "an unknown field");
    let mut status = report.clone();
    status["skills"][0]["status"] = "great".into();
    assert!(!validator.is_valid(&status), "an unknown status");
    let mut missing = report;
    missing.as_object_mut().unwrap().remove("score");
    assert!(!validator.is_valid(&missing), "a missing field");
    let error = serde_json::json!({
        "schema_version": "1.2.0",
        "file": "cv.pdf",
        "error": {"code": 9, "kind": "no-text", "message": "m"}
    });
    assert!(
        !validator.is_valid(&error),
        "an exit code that does not exist"
    );
}

// Mirror structs: the contract as a reader sees it. `deny_unknown_fields` everywhere, so a field
// added to the output fails here until it is added here and to docs/json.md.

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Line {
    Report(Box<Report>),
    Error(ErrorLine),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    schema_version: String,
    file: String,
    document: Document,
    role: Role,
    score: Score,
    gate: Option<Gate>,
    skills: Vec<Skill>,
    focus_areas: Vec<Focus>,
    backgrounds: Vec<Background>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Document {
    format: String,
    generator: Option<String>,
    pages: Option<u32>,
    columns: Option<u32>,
    lines: u32,
    characters: u32,
    warnings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Role {
    id: String,
    title: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Score {
    percent: f64,
    earned: f64,
    possible: f64,
    partial_credit: f64,
    technical: ScorePart,
    soft: ScorePart,
    formula: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ScorePart {
    percent: f64,
    earned: f64,
    possible: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Gate {
    passed: bool,
    reasons: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Skill {
    id: String,
    name: String,
    category: String,
    status: String,
    weight: f64,
    reason: Option<String>,
    years: Option<f64>,
    last_used: Option<u16>,
    stale: bool,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Evidence {
    line: u32,
    text: String,
    term: String,
    terms: Vec<String>,
    section: String,
    kind: String,
    read_as: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Focus {
    rank: u32,
    skill_id: String,
    name: String,
    status: String,
    gap: String,
    weight: f64,
    priority: f64,
    next_step: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Background {
    id: String,
    name: String,
    confidence: f64,
    evidence: Vec<Evidence>,
    brings: String,
    gap: String,
    gap_confirmed: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ErrorLine {
    schema_version: String,
    file: String,
    error: ErrorObject,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ErrorObject {
    code: u8,
    kind: String,
    message: String,
}

#[test]
fn every_output_reads_back_into_the_mirror_structs() {
    for (what, output) in every_kind_of_output() {
        let is_error = output.get("error").is_some();
        // Untagged would fall back to the other variant: ask for the one expected.
        if is_error {
            serde_json::from_value::<ErrorLine>(output).unwrap_or_else(|e| panic!("{what}: {e}"));
        } else {
            let report =
                serde_json::from_value::<Report>(output).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(report.schema_version.starts_with("1."), "{what}");
        }
    }
    let mut extra = analyze_json(EXAMPLE, &[]);
    extra["skills"][0]["new_field"] = 1.into();
    assert!(serde_json::from_value::<Line>(extra).is_err());
}

// --- docs/json.md ----------------------------------------------------------------------------

/// A command of a ```sh block of docs/json.md and the output block under it, if any.
struct Example {
    command: String,
    expected: Option<(String, String)>,
}

fn doc_examples(markdown: &str) -> Vec<Example> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut lines = markdown.lines();
    let mut between_blocks = true;
    let mut follows: Vec<bool> = Vec::new();
    while let Some(line) = lines.next() {
        if let Some(language) = line.strip_prefix("```") {
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            follows.push(between_blocks);
            blocks.push((language.to_string(), body.join("\n") + "\n"));
            between_blocks = true;
        } else if !line.trim().is_empty() {
            between_blocks = false;
        }
    }
    let mut examples = Vec::new();
    for (index, (language, body)) in blocks.iter().enumerate() {
        if language != "sh" {
            continue;
        }
        let commands: Vec<&str> = body
            .lines()
            .filter(|l| l.starts_with("skillgap ") && l.contains("| jq"))
            .collect();
        let next = blocks
            .get(index + 1)
            .filter(|_| follows.get(index + 1) == Some(&true))
            .filter(|(language, _)| language == "json" || language == "text");
        for command in &commands {
            examples.push(Example {
                command: command.to_string(),
                expected: next.filter(|_| commands.len() == 1).cloned(),
            });
        }
    }
    examples
}

fn json_stream(text: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .map(|v| v.expect("the expected block is JSON"))
        .collect()
}

#[test]
fn the_jq_examples_of_the_json_docs_run() {
    if Command::new("jq").arg("--version").output().is_err() {
        cannot_run_here(
            "jq is not on PATH, so the jq examples of docs/json.md were not run \
             (apt-get install -y jq)",
        );
        return;
    }
    let markdown = std::fs::read_to_string(root().join("docs/json.md")).unwrap();
    let examples = doc_examples(&markdown);
    assert!(examples.len() >= 8, "found {} examples", examples.len());
    assert!(examples.iter().filter(|e| e.expected.is_some()).count() >= 4);
    let bin_dir = bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    for example in examples {
        let output = Command::new("sh")
            .args(["-c", &example.command])
            .env("PATH", &path)
            .env_remove("NO_COLOR")
            .current_dir(root())
            .output()
            .expect("sh runs");
        let run = crate::util::collect(output);
        let Run { code, stdout, .. } = &run;
        assert_eq!(*code, Some(0), "{}: {run:#?}", example.command);
        assert!(!stdout.trim().is_empty(), "{}: {run:#?}", example.command);
        match &example.expected {
            Some((language, expected)) if language == "json" => assert_eq!(
                json_stream(stdout),
                json_stream(expected),
                "{}",
                example.command
            ),
            Some((_, expected)) => assert_eq!(stdout, expected, "{}", example.command),
            None => {}
        }
    }
}

// --- completions and the man page --------------------------------------------------------------

#[test]
fn completions_for_every_shell() {
    for (shell, sign) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef skillgap"),
        ("fish", "complete -c skillgap"),
        ("elvish", "skillgap"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        let script = out.success();
        assert!(script.contains(sign), "{shell}: no {sign:?}");
        for word in ["analyze", "fail-under", "require", "schema"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
        assert!(
            !script.contains("__extract-worker"),
            "{shell}: the internal command is hidden"
        );
    }
    run(&["completions", "tcsh"]).failure(2, "tcsh");
}

#[test]
fn the_bash_completion_script_loads() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: bash is not on PATH");
        return;
    }
    let script = run(&["completions", "bash"]).success().to_string();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("skillgap.bash");
    std::fs::write(&file, script).unwrap();
    let status = Command::new("bash")
        .arg("-c")
        .arg(format!(". {} && complete -p skillgap", file.display()))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let out = run(&["man"]);
    let page = out.success();
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "{}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains(".TH skillgap 1"), "a section 1 title");
    for word in ["analyze", "compare", "validate", "schema", "completions"] {
        assert!(page.contains(word), "the man page names {word}");
    }
    if Path::new("/usr/bin/man").exists() {
        // `man -l` renders it: a syntax error would show as warnings on stderr.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("skillgap.1");
        std::fs::write(&file, page).unwrap();
        let rendered = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        assert!(rendered.status.success(), "{rendered:?}");
        assert!(String::from_utf8_lossy(&rendered.stdout).contains("skillgap"));
    }
}
