//! Every (extractor, file) pair runs in a child process (`extractors one`), because some crates
//! overflow their stack, abort or exhaust memory on hostile files, which `catch_unwind` cannot
//! catch. The child limits its own memory and CPU; the parent adds a wall-clock limit and says
//! how the child ended.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::extractors::Extractor;

pub const ADDRESS_SPACE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
pub const CPU_SECONDS: u64 = 30;
const WALL_CLOCK: Duration = Duration::from_secs(60);
/// Marks the child's result line among whatever the crates print on standard error.
pub const RESULT_TAG: &str = "extractors-result:";
/// Text kept from one extraction; a zip bomb can yield 100 MB of digits, which say nothing more.
const TEXT_CAP_BYTES: u64 = 64 * 1024 * 1024;
/// Standard error kept (its end, where the result line and a crash's last words are).
const STDERR_TAIL_BYTES: usize = 64 * 1024;
const SIGXCPU: i32 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The crate returned an error.
    Error,
    /// The crate panicked, and `catch_unwind` caught it.
    Panic,
    /// The process died: a signal (stack overflow, abort, memory exhausted) or an exit without
    /// a result.
    Crash,
    /// No answer within the wall-clock or CPU limit.
    Hang,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Ok,
        Outcome::Error,
        Outcome::Panic,
        Outcome::Crash,
        Outcome::Hang,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Error => "error",
            Outcome::Panic => "panic",
            Outcome::Crash => "crash",
            Outcome::Hang => "hang",
        }
    }
}

/// How one child ended.
pub struct Run {
    pub outcome: Outcome,
    /// Time in the child around the extraction call; unknown when the child died or hung.
    pub micros: Option<u64>,
    pub pages: Option<usize>,
    pub text: String,
    /// The error or panic message, the signal, or the limit reached.
    pub detail: String,
}

pub fn run(extractor: &Extractor, path: &Path) -> std::io::Result<Run> {
    let mut child = Command::new(std::env::current_exe()?)
        .arg("one")
        .arg(extractor.name)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Both pipes are drained while the child runs, or a child with much to say would block.
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let text = thread::spawn(move || read_capped(stdout));
    let tail = thread::spawn(move || read_tail(stderr));
    let status = match child.wait_timeout(WALL_CLOCK)? {
        Some(status) => Some(status),
        None => {
            child.kill()?;
            child.wait()?;
            None
        }
    };
    let text = text.join().expect("the stdout reader does not panic");
    let tail = tail.join().expect("the stderr reader does not panic");
    Ok(classify(status, &tail, text))
}

fn read_capped(stdout: impl Read) -> String {
    let mut bytes = Vec::new();
    let mut stdout = stdout;
    let _ = stdout.by_ref().take(TEXT_CAP_BYTES).read_to_end(&mut bytes);
    let _ = std::io::copy(&mut stdout, &mut std::io::sink());
    String::from_utf8_lossy(&bytes).into_owned()
}

fn read_tail(mut stderr: impl Read) -> String {
    let mut tail = Vec::new();
    let mut buffer = [0; 8192];
    while let Ok(n @ 1..) = stderr.read(&mut buffer) {
        tail.extend_from_slice(&buffer[..n]);
        if tail.len() > 2 * STDERR_TAIL_BYTES {
            tail.drain(..tail.len() - STDERR_TAIL_BYTES);
        }
    }
    String::from_utf8_lossy(&tail).into_owned()
}

fn classify(status: Option<ExitStatus>, stderr: &str, text: String) -> Run {
    let ended = |outcome, detail: String| Run {
        outcome,
        micros: None,
        pages: None,
        text: String::new(),
        detail,
    };
    let Some(status) = status else {
        return ended(
            Outcome::Hang,
            format!("no answer in {} s", WALL_CLOCK.as_secs()),
        );
    };
    if status.signal() == Some(SIGXCPU) {
        return ended(Outcome::Hang, format!("over {CPU_SECONDS} s of CPU"));
    }
    match result_line(stderr) {
        Some(line) if status.success() => parse_result(line, text),
        _ => ended(Outcome::Crash, death(status, stderr)),
    }
}

fn result_line(stderr: &str) -> Option<&str> {
    stderr
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(RESULT_TAG))
}

/// Reads `<outcome> <micros> <pages or -> [detail]`, as `child::run` writes it.
fn parse_result(line: &str, text: String) -> Run {
    let mut fields = line.trim().splitn(4, ' ');
    let outcome = match fields.next() {
        Some("ok") => Outcome::Ok,
        Some("error") => Outcome::Error,
        _ => Outcome::Panic,
    };
    let micros = fields.next().and_then(|n| n.parse().ok());
    let pages = fields.next().and_then(|n| n.parse().ok());
    Run {
        outcome,
        micros,
        pages,
        text: if outcome == Outcome::Ok {
            text
        } else {
            String::new()
        },
        detail: fields.next().unwrap_or_default().to_string(),
    }
}

/// The signal or exit code, and the child's last words.
fn death(status: ExitStatus, stderr: &str) -> String {
    let how = match status.signal() {
        Some(signal) => format!("signal {signal}"),
        None => format!("exit {}", status.code().unwrap_or(-1)),
    };
    match last_words(stderr) {
        Some(words) => format!("{how}: {words}"),
        None => how,
    }
}

/// Rust names a failed allocation or a stack overflow before it aborts, and may print a
/// backtrace after; the message is the last line that is not part of a backtrace.
fn last_words(stderr: &str) -> Option<&str> {
    let is_backtrace = |line: &str| {
        line.starts_with("stack backtrace")
            || line.starts_with("note:")
            || line.starts_with("at ")
            || line
                .split_once(':')
                .is_some_and(|(frame, _)| frame.parse::<u32>().is_ok())
    };
    stderr
        .lines()
        .map(str::trim)
        .rfind(|line| !line.is_empty() && !is_backtrace(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_skip_the_backtrace() {
        let stderr = "memory allocation of 1068759040 bytes failed\nstack backtrace:\n   \
            0: std::alloc::rust_oom\n  10: extractors::main\n             at src/main.rs:3\n\
            note: Some details are omitted.\n";
        assert_eq!(
            last_words(stderr),
            Some("memory allocation of 1068759040 bytes failed")
        );
    }
}
