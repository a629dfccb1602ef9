//! Batches and gates: several files, folders and patterns give one JSON line per file in input
//! order; a bad file becomes an error line; `--fail-under` and `--require` exit 1; and a batch
//! is the same as one process per file (the map step of README "Scale").

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{EXAMPLE, GOOD_FIXTURES, Run, analyze_json, bin, fixture, root, run};

/// Every month-dependent figure is pinned, so runs on different days compare equal.
const AS_OF: &str = "2026-11";

/// `skillgap analyze ARGS --as-of 2026-11`.
fn analyze(args: &[&str]) -> Run {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--as-of", AS_OF]);
    run(&all)
}

/// Stdout as JSON Lines: one compact object per line, nothing else.
#[track_caller]
fn lines(run: &Run) -> Vec<Value> {
    assert!(run.stdout.ends_with('\n'), "{run:#?}");
    run.stdout
        .lines()
        .map(|line| {
            assert!(line.starts_with('{'), "one compact object per line: {line}");
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
        })
        .collect()
}

fn files(lines: &[Value]) -> Vec<&str> {
    lines.iter().map(|l| l["file"].as_str().unwrap()).collect()
}

/// The one line on stderr of a batch.
#[track_caller]
fn summary(run: &Run) -> &str {
    let line = run
        .stderr
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("{run:#?}"));
    assert!(!line.contains('\n'), "one summary line only: {run:#?}");
    assert!(line.starts_with("skillgap: "), "{line}");
    line
}

#[test]
fn several_files_give_one_line_each_equal_to_the_single_report() {
    let inputs = [fixture("devops.txt"), fixture("network.md"), EXAMPLE.into()];
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let out = analyze(&args);
    assert_eq!(out.code, Some(0), "{out:#?}");
    let lines = lines(&out);
    assert_eq!(files(&lines), args, "input order");
    for (line, file) in lines.iter().zip(&args) {
        let single = analyze_json(file, &["--as-of", AS_OF]);
        assert_eq!(
            line, &single,
            "{file}: a line is the --format json document"
        );
        assert!(line.get("gate").is_none(), "no gate unless asked");
    }
    let scores: Vec<f64> = lines
        .iter()
        .map(|l| l["score"]["percent"].as_f64().unwrap())
        .collect();
    let mut sorted = scores.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(
        summary(&out),
        format!(
            "skillgap: 3 files, 3 ok, 0 failed, median score {}%",
            sorted[1]
        )
    );
}

#[test]
fn format_does_not_change_a_batch() {
    let inputs = [fixture("devops.txt"), fixture("crlf.txt")];
    let json = analyze(&[&inputs[0], &inputs[1], "--format", "json"]);
    assert_eq!(json.code, Some(0), "{json:#?}");
    assert_eq!(files(&lines(&json)), inputs);
    for format in ["table", "markdown", "html"] {
        let other = analyze(&[&inputs[0], &inputs[1], "--format", format]);
        assert_eq!(other.code, Some(0), "--format {format}: {other:#?}");
        assert_eq!(other.stdout, json.stdout, "--format {format}");
    }
}

#[test]
fn a_bad_file_is_an_error_line_and_the_batch_goes_on() {
    let inputs = [
        fixture("devops.txt"),
        fixture("bad/empty.txt"),
        fixture("bad/truncated.pdf"),
        "no/such/file.pdf".to_string(),
        fixture("network.md"),
    ];
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let out = analyze(&args);
    let lines = lines(&out);
    assert_eq!(files(&lines), args);
    let errors: Vec<(u64, &str)> = lines
        .iter()
        .filter_map(|l| l.get("error"))
        .map(|e| (e["code"].as_u64().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [(5, "no-text"), (4, "bad-document"), (3, "cannot-read")]
    );
    // The message is the one line `skillgap analyze FILE` alone prints after `skillgap: error: `.
    let alone = run(&["analyze", &inputs[1]]);
    let message = alone.failure(5, &inputs[1]);
    assert_eq!(lines[1]["error"]["message"], message);
    let mut keys: Vec<&String> = lines[1].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["error", "file", "schema_version"]);
    assert_eq!(out.code, Some(5), "the first failure's code: {out:#?}");
    assert!(
        summary(&out).starts_with("skillgap: 5 files, 2 ok, 3 failed, median score "),
        "{out:#?}"
    );
}

#[test]
fn folders_are_searched_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(root().join(fixture("devops.txt"))).unwrap();
    for name in [
        "b.txt",
        "a/z.md",
        "a/b/cv.PDF",
        "c.json",
        "a.markdown",
        "notes.doc",
        "image.png",
        "noext",
        ".hidden/x.txt",
        ".y.txt",
        "~$lock.docx",
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let out = analyze(&[folder]);
    let lines = lines(&out);
    let relative: Vec<String> = files(&lines)
        .iter()
        .map(|f| {
            Path::new(f)
                .strip_prefix(folder)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        relative,
        ["a/b/cv.PDF", "a/z.md", "a.markdown", "b.txt", "c.json"]
    );
    // The text read as a PDF or JSON fails; the others are the same resume.
    assert_eq!(lines[0]["error"]["kind"], "bad-document");
    assert_eq!(lines[3]["document"]["format"], "text");
    assert_eq!(out.code, Some(4), "the code of the first file that failed");
    assert!(
        summary(&out).starts_with("skillgap: 5 files, 3 ok, 2 failed"),
        "{out:#?}"
    );

    let empty = tempfile::tempdir().unwrap();
    let none = analyze(&[empty.path().to_str().unwrap()]);
    let lines = self::lines(&none);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["error"]["code"], 3);
    assert!(
        lines[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no resume files")
    );
    assert_eq!(none.code, Some(3));
}

#[test]
fn patterns_are_expanded_when_the_shell_did_not() {
    let out = analyze(&["tests/fixtures/*.pdf"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(
        files(&lines(&out)),
        ["tests/fixtures/backend.pdf", "tests/fixtures/two-page.pdf"]
    );
    let none = analyze(&["tests/fixtures/*.nothing", EXAMPLE]);
    let lines = lines(&none);
    assert_eq!(files(&lines), ["tests/fixtures/*.nothing", EXAMPLE]);
    assert_eq!(lines[0]["error"]["kind"], "cannot-read");
    assert_eq!(none.code, Some(3));
}

#[test]
fn one_file_is_not_a_batch() {
    let out = analyze(&[EXAMPLE]);
    assert!(out.success().starts_with("Infrastructure Engineer — "));
    let json = analyze(&[EXAMPLE, "--format", "json"]);
    assert!(json.success().starts_with("{\n  \"schema_version\""));
}

#[test]
fn format_jsonl_makes_one_file_a_batch() {
    let out = analyze(&[EXAMPLE, "--format", "jsonl"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0], analyze_json(EXAMPLE, &["--as-of", AS_OF]));
    assert!(summary(&out).starts_with("skillgap: 1 file, 1 ok, 0 failed"));
    let bad = fixture("bad/empty.txt");
    let failed = analyze(&[&bad, "--format", "jsonl"]);
    assert_eq!(failed.code, Some(5));
    assert_eq!(self::lines(&failed)[0]["error"]["kind"], "no-text");
}

#[test]
fn jobs_and_output_file_do_not_change_the_lines() {
    let args: Vec<String> = GOOD_FIXTURES.iter().map(|f| fixture(f)).collect();
    let mut one: Vec<&str> = args.iter().map(String::as_str).collect();
    one.extend(["--jobs", "1"]);
    let serial = analyze(&one);
    assert_eq!(serial.code, Some(0), "{serial:#?}");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let mut two: Vec<&str> = args.iter().map(String::as_str).collect();
    two.extend(["--jobs", "2", "-o", target.to_str().unwrap()]);
    let parallel = analyze(&two);
    assert_eq!(parallel.code, Some(0), "{parallel:#?}");
    assert!(parallel.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), serial.stdout);
    assert_eq!(self::lines(&serial).len(), GOOD_FIXTURES.len());
}

#[test]
fn standard_input_is_read_once() {
    let out = run(&["analyze", "-", "-"]);
    let message = out.failure(2, "standard input");
    assert!(message.contains("only once"), "{message}");
}

#[test]
fn the_library_batch_is_the_binary_batch() {
    use skillgap::batch::{Outcome, Summary};
    use skillgap::files::{self, Found};
    use skillgap::pipeline::{Item, Options, Pipeline};
    use skillgap::report::{self, DocumentInfo, ErrorLine, Output, Report, ReportFormat};
    let args: Vec<PathBuf> = [
        fixture("devops.txt"),
        fixture("bad/empty.txt"),
        EXAMPLE.into(),
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    // Relative paths, as the binary sees them from the crate root.
    let absolute: Vec<PathBuf> = args.iter().map(|a| root().join(a)).collect();
    let (mut names, mut items) = (Vec::new(), Vec::new());
    for found in absolute
        .iter()
        .flat_map(|a| files::expand(a, &files::RESUMES))
    {
        let Found::File(path) = found else {
            panic!("{found:?}")
        };
        names.push(path.display().to_string());
        items.push(Item::Path(path));
    }
    let profile = skillgap::profile::resolve("infrastructure-engineer").unwrap();
    let options = Options {
        today: skillgap::resume::YearMonth::new(2026, 11),
        ..Options::default()
    };
    let pipeline = Pipeline::new(vec![profile], options);
    let role = &pipeline.roles()[0];
    let mut out = Vec::new();
    let mut summary = Summary::new(false);
    pipeline
        .batch(items, role, Some(2), |index, judged| {
            let outcome = match judged {
                Ok(judged) => {
                    let info = DocumentInfo::new(names[index].clone(), &judged.document);
                    let report = Report {
                        document: &info,
                        analysis: &judged.analysis,
                        role_origin: &role.profile().origin,
                        top: 5,
                        explain: false,
                        color: false,
                        width: 100,
                        gate: None,
                    };
                    report::render(&Output::Report(&report, ReportFormat::Jsonl), &mut out)
                        .unwrap();
                    Outcome::Analyzed {
                        percent: judged.analysis.score.percent,
                        gate_passed: true,
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    let line = ErrorLine {
                        file: &names[index],
                        status: error.exit_status(),
                        message: &message,
                    };
                    report::render(&Output::ErrorLine(&line), &mut out).unwrap();
                    Outcome::Failed(error.exit_status())
                }
            };
            summary.add(&outcome);
            Ok(())
        })
        .unwrap();
    assert_eq!((summary.files, summary.ok, summary.failed), (3, 2, 1));
    assert_eq!(summary.exit_status(), skillgap::ExitStatus::NoText);
    let library = String::from_utf8(out).unwrap();
    let names: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
    let binary = analyze(&names).stdout;
    let prefix = format!("{}/", root().display());
    assert_eq!(library.replace(&prefix, ""), binary);
}

// --- Gates ------------------------------------------------------------------------------------

#[test]
fn a_gate_not_met_exits_1_after_the_report() {
    // The example resume scores 85% and shows CloudFormation but not Terraform: partial.
    let out = analyze(&[EXAMPLE, "--require", "terraform"]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(
        out.stdout.starts_with("Infrastructure Engineer — "),
        "the report is printed"
    );
    assert_eq!(
        out.stderr,
        "skillgap: gate: terraform is partial, required aligned\n"
    );
    let both = analyze(&[
        EXAMPLE,
        "--fail-under",
        "90",
        "--require",
        "docker-kubernetes:partial,linux",
        "--format",
        "json",
    ]);
    assert_eq!(both.code, Some(1));
    assert_eq!(
        both.stderr,
        "skillgap: gate: score 85% is under 90%\n\
         skillgap: gate: docker-kubernetes is missing, required partial\n"
    );
    let report: Value = serde_json::from_str(&both.stdout).unwrap();
    assert_eq!(report["gate"]["passed"], false);
    assert_eq!(report["gate"]["reasons"].as_array().unwrap().len(), 2);
}

#[test]
fn a_gate_met_exits_0() {
    for args in [
        &["--require", "terraform:partial"][..],
        &["--fail-under", "85"],
        &[
            "--fail-under",
            "85%",
            "--require",
            "linux",
            "--require",
            "monitoring",
        ],
    ] {
        let mut all = vec![EXAMPLE];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let out = analyze(&all);
        let report: Value = serde_json::from_str(out.success()).unwrap();
        assert_eq!(
            report["gate"],
            serde_json::json!({"passed": true, "reasons": []}),
            "{args:?}"
        );
    }
}

#[test]
fn an_unknown_skill_in_require_is_a_usage_error() {
    let out = run(&["analyze", EXAMPLE, "--require", "terrafrom"]);
    let message = out.failure(2, "terrafrom");
    assert!(
        message.contains("its skills: cloud-platforms, terraform,"),
        "{message}"
    );
    for bad in [
        &["--require", "terraform:maybe"][..],
        &["--fail-under", "101"],
    ] {
        let mut args = vec!["analyze", EXAMPLE];
        args.extend_from_slice(bad);
        run(&args).failure(2, bad[1]);
    }
}

#[test]
fn each_line_of_a_batch_carries_its_gate() {
    let inputs = [fixture("devops.txt"), EXAMPLE.into(), fixture("traps.txt")];
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let mut all = args.clone();
    all.extend(["--require", "docker-kubernetes"]);
    let out = analyze(&all);
    let lines = lines(&out);
    let passed: Vec<bool> = lines
        .iter()
        .map(|l| l["gate"]["passed"].as_bool().unwrap())
        .collect();
    assert_eq!(passed, [true, false, false]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(summary(&out).ends_with(", 2 failed the gate"), "{out:#?}");
    // A file that cannot be read wins over a gate: its code, not 1.
    let mut with_bad = all.clone();
    with_bad.push("tests/fixtures/bad/image.png");
    assert_eq!(analyze(&with_bad).code, Some(4));
}

// --- Scale: one process per file is the same as one batch ------------------------------------

/// Pretty JSON made compact: whitespace outside strings removed. serde_json's compact form is
/// exactly that, so equal strings mean byte-identical documents.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn xargs_with_one_process_per_file_equals_one_batch() {
    if Command::new("xargs").arg("--version").output().is_err() {
        eprintln!("skipped: xargs is not on PATH");
        return;
    }
    let mut inputs: Vec<String> = GOOD_FIXTURES.iter().map(|f| fixture(f)).collect();
    inputs.push(EXAMPLE.into());
    let dir = tempfile::tempdir().unwrap();
    // Each process writes its own file (named by its position), so outputs never interleave.
    let list: String = inputs
        .iter()
        .enumerate()
        .map(|(index, file)| format!("{index} {file}\n"))
        .collect();
    let script = r#"skillgap="$1" out="$2"; shift 2
        exec xargs -P 2 -n 2 sh -c '"$0" analyze "$3" --format json --as-of 2026-11 > "$1/$2.json"' "$skillgap" "$out""#;
    let mut child = Command::new("sh")
        .args(["-c", script, "sh"])
        .arg(bin())
        .arg(dir.path())
        .current_dir(root())
        .stdin(Stdio::piped())
        .spawn()
        .expect("sh runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), list.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "every process exits 0");

    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let batch = analyze(&args);
    assert_eq!(batch.code, Some(0), "{batch:#?}");
    let batch_lines: Vec<&str> = batch.stdout.lines().collect();
    assert_eq!(batch_lines.len(), inputs.len());
    for (index, line) in batch_lines.iter().enumerate() {
        let path = dir.path().join(format!("{index}.json"));
        let single = std::fs::read_to_string(&path).unwrap();
        assert_eq!(&compact(&single), line, "{}", inputs[index]);
    }
}

#[test]
fn compaction_keeps_strings_whole() {
    assert_eq!(
        compact("{\n  \"a b\": \"x \\\" y\",\n  \"c\": [1, 2]\n}\n"),
        r#"{"a b":"x \" y","c":[1,2]}"#
    );
}

#[test]
fn the_same_file_twice_is_analyzed_twice() {
    let out = analyze(&[EXAMPLE, EXAMPLE]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(files(&lines), [EXAMPLE, EXAMPLE]);
    assert_eq!(lines[0], lines[1]);
}
