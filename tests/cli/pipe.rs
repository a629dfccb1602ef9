//! `skillgap … | head -1`: a reader that goes away early is not an error.

use std::process::{Command, Stdio};

use crate::util::{EXAMPLE, assert_no_crash, bin, root};

/// Runs `skillgap ARGS` with stdout a pipe whose read end is already closed, so the first
/// write fails with EPIPE every time (no race with a reader).
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(bin())
        .args(args)
        .env_clear()
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn broken_pipe_exits_0_quietly() {
    for args in [
        &["analyze", EXAMPLE][..],
        &["analyze", EXAMPLE, "--format", "json"],
        &["analyze", EXAMPLE, "--format", "markdown", "--explain"],
        &["text", "-n", EXAMPLE],
        &["roles"],
    ] {
        let (code, stderr) = with_closed_stdout(args);
        // A death by SIGPIPE has no exit code; a reported error has code 3.
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_no_crash(&stderr);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn reader_that_stops_after_one_line() {
    // The real shape of `| head -1`: read one line, then close.
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(bin())
        .args(["analyze", EXAMPLE, "--explain"])
        .env_clear()
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Infrastructure Engineer — examples/resume.md"));
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}
