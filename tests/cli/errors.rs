//! Inputs that must be refused: the exact exit code, one `skillgap: error: …` line that names
//! the file, and nothing on stdout, whatever the output format.

use crate::util::{
    EXAMPLE, assert_no_crash, cannot_run_here, collect, fixture, root, run, run_with_stdin,
    skillgap_unprivileged,
};

/// Runs `analyze FILE` in every format, and `text FILE`, and checks each fails the same way.
/// Returns the error message (the same for all of them).
#[track_caller]
fn refused(file: &str, code: i32) -> String {
    let mut messages = Vec::new();
    for format in ["table", "json", "markdown"] {
        let out = run(&["analyze", file, "--format", format]);
        messages.push(out.failure(code, file).to_string());
    }
    let out = run(&["text", "-n", file]);
    messages.push(out.failure(code, file).to_string());
    assert!(
        messages.windows(2).all(|w| w[0] == w[1]),
        "the same error whatever the command: {messages:#?}"
    );
    messages.remove(0)
}

#[test]
fn empty_file() {
    let message = refused(&fixture("bad/empty.txt"), 5);
    assert!(message.contains("the file is empty"), "{message}");
}

#[test]
fn binary_data() {
    let message = refused(&fixture("bad/not-a-document.bin"), 4);
    assert!(message.contains("binary"), "{message}");
}

#[test]
fn legacy_word_document() {
    let message = refused(&fixture("bad/legacy.docx"), 4);
    assert!(message.contains("legacy Word"), "{message}");
    assert!(
        message.contains(".docx or PDF"),
        "says what to do: {message}"
    );
}

#[test]
fn truncated_pdf() {
    let message = refused(&fixture("bad/truncated.pdf"), 4);
    assert!(message.contains("damaged or incomplete"), "{message}");
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn pdf_without_text_layer() {
    let message = refused(&fixture("bad/no-text.pdf"), 5);
    assert!(message.contains("no text layer"), "{message}");
    assert!(message.contains("OCR"), "says what to do: {message}");
}

#[test]
fn pdf_whose_glyphs_cannot_be_mapped_to_letters() {
    // The body font maps every glyph to a private-use code point: the text is unreadable, and
    // an analysis of it would wrongly say "no skills".
    let message = refused(&fixture("bad/unmapped-glyphs.pdf"), 5);
    assert!(
        message.contains("glyphs that cannot be mapped to letters"),
        "{message}"
    );
    assert!(
        message.contains("export the resume again with standard fonts"),
        "says what to do: {message}"
    );
}

#[test]
fn png_image() {
    let message = refused(&fixture("bad/image.png"), 4);
    assert!(message.contains("PNG image"), "{message}");
}

#[test]
fn docx_without_document_xml() {
    let message = refused(&fixture("bad/broken.docx"), 4);
    assert!(message.contains("DOCX is damaged"), "{message}");
    assert!(message.contains("word/document.xml"), "{message}");
}

#[test]
fn every_bad_fixture_is_covered() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "broken.docx",
            "empty.txt",
            "image.png",
            "legacy.docx",
            "no-text.pdf",
            "not-a-document.bin",
            "truncated.pdf",
            "unmapped-glyphs.pdf"
        ],
        "a new bad fixture needs its own test here"
    );
}

#[test]
fn missing_file() {
    let file = "tests/fixtures/no-such-resume.pdf";
    let message = refused(file, 3);
    assert!(message.starts_with("cannot read"), "{message}");
}

#[test]
fn directory_instead_of_a_file() {
    // `analyze FOLDER` is a batch (tests/cli/batch.rs); `text` reads one file only.
    let out = run(&["text", "-n", "tests/fixtures"]);
    let message = out.failure(3, "tests/fixtures");
    assert!(message.contains("directory"), "{message}");
}

#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // The folder is open to everyone, so that only the file's own permission refuses it.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("locked.txt");
    std::fs::copy(root().join(fixture("devops.txt")), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let file = path.to_str().unwrap();
    if std::fs::read(&path).is_err() {
        refused(file, 3);
        return;
    }
    // Root reads any file: the refusal is checked as an unprivileged user meets it.
    for args in [
        &["analyze", file][..],
        &["analyze", file, "--format", "json"],
        &["text", "-n", file],
    ] {
        let Some(mut unprivileged) = skillgap_unprivileged() else {
            cannot_run_here("running as root, and setpriv (util-linux) is not installed");
            return;
        };
        let out = collect(unprivileged.args(args).output().unwrap());
        let message = out.failure(3, file);
        assert!(message.contains("ermission denied"), "{message}");
    }
}

#[test]
fn empty_stdin() {
    for format in ["table", "json"] {
        let out = run_with_stdin(&["analyze", "-", "--format", format], "");
        let message = out.failure(5, "<stdin>");
        assert!(message.contains("empty"), "{message}");
    }
}

#[test]
fn unknown_role() {
    for format in ["table", "json"] {
        let out = run(&[
            "analyze",
            EXAMPLE,
            "--role",
            "astronaut",
            "--format",
            format,
        ]);
        let message = out.failure(6, "astronaut");
        assert!(
            message.contains("infrastructure-engineer"),
            "lists the built-in roles: {message}"
        );
    }
}

#[test]
fn role_file_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-role.yaml");
    let path = path.to_str().unwrap();
    for format in ["table", "json"] {
        let out = run(&["analyze", EXAMPLE, "--role", path, "--format", format]);
        out.failure(6, path);
    }
}

#[test]
fn role_with_an_unknown_field_is_reported_at_its_position() {
    let builtin = std::fs::read_to_string(root().join("roles/infrastructure-engineer.yaml"))
        .expect("the built-in role");
    let title_line = builtin
        .lines()
        .position(|l| l.starts_with("title:"))
        .expect("a top-level title");
    let mut lines: Vec<&str> = builtin.lines().collect();
    lines.insert(title_line + 1, "colour: blue");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-role.yaml");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let path = path.to_str().unwrap();

    for format in ["table", "json"] {
        let out = run(&["analyze", EXAMPLE, "--role", path, "--format", format]);
        let message = out.failure(6, path);
        // 1-based: the inserted line is line title_line + 2, column 1.
        let position = format!("{path}:{}:1: ", title_line + 2);
        assert!(
            message.starts_with(&position),
            "expected `{position}…`: {message}"
        );
        assert!(message.contains("colour"), "names the field: {message}");
    }
}

#[test]
fn role_with_broken_yaml_syntax() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(&path, "id: x\n  title: [\n").unwrap();
    let path = path.to_str().unwrap();
    let out = run(&["analyze", EXAMPLE, "--role", path]);
    let message = out.failure(6, path);
    let position = message
        .strip_prefix(&format!("{path}:"))
        .expect("starts with the path");
    let mut parts = position.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().expect("a line number");
    let column: usize = parts.next().unwrap().parse().expect("a column number");
    assert!(line >= 1 && column >= 1, "{message}");
}

#[test]
fn directory_as_role() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    run(&["analyze", EXAMPLE, "--role", path]).failure(6, path);
}

#[test]
fn over_the_size_limit() {
    for format in ["table", "json"] {
        let out = run(&["analyze", EXAMPLE, "--max-bytes", "100", "--format", format]);
        let message = out.failure(7, EXAMPLE);
        assert!(
            message.contains("--max-bytes"),
            "says what to do: {message}"
        );
    }
    run(&["text", EXAMPLE, "--max-bytes", "100"]).failure(7, EXAMPLE);
    // The limit applies to standard input too.
    let big = "Linux and Terraform engineer.\n".repeat(10);
    run_with_stdin(&["analyze", "-", "--max-bytes", "100"], &big).failure(7, "<stdin>");
    // At the limit is fine.
    let size = std::fs::metadata(root().join(EXAMPLE)).unwrap().len();
    run(&["analyze", EXAMPLE, "--max-bytes", &size.to_string()]).success();
}

/// Found while writing these tests: the input is read up to `max_bytes + 1` bytes, and that
/// count is reported as the file's size, so a 2,505-byte file "is 101 bytes".
#[test]
fn over_the_size_limit_states_the_real_size() {
    let size = std::fs::metadata(root().join(EXAMPLE)).unwrap().len();
    let out = run(&["analyze", EXAMPLE, "--max-bytes", "100"]);
    let message = out.failure(7, EXAMPLE);
    assert!(
        message.contains(&format!("{size} bytes")),
        "should say the file is {size} bytes: {message}"
    );
}

/// Usage errors are clap's: exit 2, nothing on stdout, the problem and a pointer to --help on
/// stderr.
#[track_caller]
fn usage_error(args: &[&str], mentions: &str) {
    let out = run(args);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(out.stdout.is_empty(), "{out:#?}");
    assert_no_crash(&out.stderr);
    assert!(out.stderr.contains("error:"), "{out:#?}");
    assert!(out.stderr.contains(mentions), "{out:#?}");
    assert!(out.stderr.contains("--help"), "{out:#?}");
}

#[test]
fn usage_errors_exit_2() {
    // No command at all: the help, on stderr, as a usage error.
    let out = run(&[]);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(out.stdout.is_empty(), "{out:#?}");
    assert!(out.stderr.contains("Usage: skillgap <COMMAND>"), "{out:#?}");

    usage_error(&["analyze"], "<FILE>");
    usage_error(&["analyze", EXAMPLE, "--format", "xml"], "xml");
    usage_error(&["analyze", EXAMPLE, "--top", "many"], "--top");
    usage_error(&["analyze", EXAMPLE, "--max-bytes", "lots"], "--max-bytes");
    usage_error(&["analyse", EXAMPLE], "analyse");
    usage_error(&["text"], "<FILE>");
}

#[test]
fn errors_do_not_depend_on_backtrace_settings() {
    // Even with backtraces asked for, a refused input is one line, not a crash report.
    let out = crate::util::skillgap()
        .env("RUST_BACKTRACE", "full")
        .args(["analyze", &fixture("bad/truncated.pdf")])
        .output()
        .unwrap();
    collect(out).failure(4, "truncated.pdf");
}
