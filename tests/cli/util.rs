//! Helpers shared by every test module: run the real binary in a controlled environment, find
//! fixtures, and check what a user would check (exit code, one-line errors, the JSON report).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

/// The skill ids of the built-in role, in the profile's order (the JSON keeps this order).
pub const SKILL_IDS: [&str; 15] = [
    "cloud-platforms",
    "terraform",
    "network-architecture",
    "linux",
    "security",
    "python-bash",
    "docker-kubernetes",
    "systems-administration",
    "virtualization",
    "monitoring",
    "troubleshooting",
    "reliability-focus",
    "attention-to-detail",
    "communication",
    "collaboration",
];

/// The readable fixtures of tests/fixtures/README.md: `analyze` and `text` exit 0 on each.
pub const GOOD_FIXTURES: [&str; 11] = [
    "devops.txt",
    "network.md",
    "sysadmin.docx",
    "backend.pdf",
    "two-page.pdf",
    "latin1.txt",
    "utf16.txt",
    "crlf.txt",
    "noext",
    "pdf-named.txt",
    "traps.txt",
];

/// Generous: a debug build reads every fixture in well under a second. A hang is a failure.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The crate root; every command runs there so that relative paths in the output are stable.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's path relative to the crate root, as a user would type it.
pub fn fixture(name: &str) -> String {
    let path = format!("tests/fixtures/{name}");
    assert!(root().join(&path).exists(), "no fixture {path}");
    path
}

/// The bundled example resume.
pub const EXAMPLE: &str = "examples/resume.md";

/// A command for the real binary: empty environment (no `COLUMNS`, `RUST_BACKTRACE`, locale or
/// terminal settings leak in), working directory at the crate root, stdin and stdout pipes (so
/// never a terminal), and a time limit.
pub fn skillgap() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(bin());
    cmd.env_clear().current_dir(root()).timeout(TIMEOUT);
    cmd
}

/// A test that cannot run on this machine: a note on a developer's machine, but a failure in
/// CI (`CI` set, as CI services and `.ci/run` set it), where every test must really run.
pub fn cannot_run_here(why: &str) {
    let in_ci = std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false");
    assert!(
        !in_ci,
        "this test cannot run here, and CI must run it: {why}"
    );
    eprintln!("skipped: {why}");
}

/// `skillgap` run as an unprivileged user (uid and gid 65534, no groups) with `setpriv`, for
/// tests of what root is allowed and a person is not; `None` when `setpriv` is missing.
pub fn skillgap_unprivileged() -> Option<std::process::Command> {
    let setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .ok()?;
    if !setpriv.status.success() {
        return None;
    }
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(bin())
        .env_clear()
        .current_dir(root());
    Some(cmd)
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_skillgap"))
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts exit 0 and silence on stderr, and returns stdout.
    #[track_caller]
    pub fn success(&self) -> &str {
        assert_eq!(self.code, Some(0), "expected success: {self:#?}");
        assert!(self.stderr.is_empty(), "unexpected stderr: {self:#?}");
        &self.stdout
    }

    /// Asserts the documented failure shape: the exact exit code, nothing on stdout, and exactly
    /// one line on stderr, `skillgap: error: …`, that names `subject` (usually the file).
    /// Returns the message after the prefix.
    #[track_caller]
    pub fn failure(&self, code: i32, subject: &str) -> &str {
        assert_eq!(self.code, Some(code), "wrong exit code: {self:#?}");
        assert!(
            self.stdout.is_empty(),
            "stdout must stay empty on failure: {self:#?}"
        );
        assert_no_crash(&self.stderr);
        let message = self
            .stderr
            .strip_prefix("skillgap: error: ")
            .unwrap_or_else(|| panic!("stderr must start with `skillgap: error: `: {self:#?}"));
        let message = message
            .strip_suffix('\n')
            .unwrap_or_else(|| panic!("the error line must end with a newline: {self:#?}"));
        assert!(
            !message.contains('\n') && !message.contains('\r'),
            "the error must be exactly one line: {self:#?}"
        );
        assert!(
            message.contains(subject),
            "the error must name {subject:?}: {self:#?}"
        );
        message
    }
}

#[track_caller]
pub fn assert_no_crash(stderr: &str) {
    for sign in ["panicked", "RUST_BACKTRACE", "stack backtrace", "thread '"] {
        assert!(
            !stderr.contains(sign),
            "stderr shows a crash ({sign}): {stderr}"
        );
    }
}

pub fn collect(output: std::process::Output) -> Run {
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `skillgap ARGS` with empty stdin.
pub fn run(args: &[&str]) -> Run {
    run_with_stdin(args, "")
}

/// Runs `skillgap ARGS` with `input` on stdin.
pub fn run_with_stdin(args: &[&str], input: &str) -> Run {
    let output = skillgap()
        .args(args)
        .write_stdin(input)
        .output()
        .expect("the binary runs");
    collect(output)
}

/// `skillgap analyze FILE --format json [EXTRA…]`, checked for success and parsed.
#[track_caller]
pub fn analyze_json(file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["analyze", file, "--format", "json"];
    args.extend_from_slice(extra);
    let run = run(&args);
    serde_json::from_str(run.success())
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {run:#?}"))
}

/// The lines of `skillgap text FILE`, as the matcher reads them (line 1 is index 0).
#[track_caller]
pub fn text_lines(file: &str) -> Vec<String> {
    run(&["text", file])
        .success()
        .lines()
        .map(str::to_string)
        .collect()
}

/// One skill of a JSON report, by id.
#[track_caller]
pub fn skill<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["skills"]
        .as_array()
        .expect("skills is an array")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no skill {id} in the report"))
}

#[track_caller]
pub fn status<'a>(report: &'a Value, id: &str) -> &'a str {
    skill(report, id)["status"]
        .as_str()
        .expect("status is a string")
}

/// The evidence items of a skill.
#[track_caller]
pub fn evidence<'a>(report: &'a Value, id: &str) -> &'a [Value] {
    skill(report, id)["evidence"]
        .as_array()
        .expect("evidence is an array")
}

/// The evidence item of a skill on a line, if any.
#[track_caller]
pub fn evidence_on_line<'a>(report: &'a Value, id: &str, line: u64) -> Option<&'a Value> {
    evidence(report, id).iter().find(|e| e["line"] == line)
}

/// Ids of the backgrounds reported, best first.
pub fn background_ids(report: &Value) -> Vec<&str> {
    report["backgrounds"]
        .as_array()
        .expect("backgrounds is an array")
        .iter()
        .map(|b| b["id"].as_str().expect("background id"))
        .collect()
}

pub fn f64_of(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"))
}
