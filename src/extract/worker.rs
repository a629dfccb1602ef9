//! Parsers of untrusted formats in a child process.
//!
//! `catch_unwind` catches a parser's panics, but not a stack overflow on deeply nested objects
//! or an allocation that exhausts memory: those abort the whole process. So the command line
//! re-runs its own executable as a worker (`skillgap __extract-worker pdf`) with limits on
//! address space and CPU time, hands it the file on standard input, and reads the parser's
//! outcome as JSON from its standard output. If the worker dies or runs over time, the parent
//! reports the file as unreadable; the parent itself never runs the parser.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use wait_timeout::ChildExt;

use super::guard::{self, Failure, PARSER_TIME_BUDGET};
use super::{Options, docx, pdf};

/// The hidden subcommand that runs a worker.
pub const WORKER_COMMAND: &str = "__extract-worker";

/// Address space a worker may use: far more than any resume needs (the parser thread's stack
/// is reserved inside it), far less than the machine has.
const WORKER_MEMORY_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// CPU seconds a worker may use before the system stops it.
const WORKER_CPU_SECONDS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Parser {
    Pdf,
    Docx,
}

impl Parser {
    fn name(self) -> &'static str {
        match self {
            Parser::Pdf => "pdf",
            Parser::Docx => "docx",
        }
    }

    /// Runs the parser behind the guard; a PDF's parsers are contained one by one, since the
    /// second reads what the first failed or panicked on.
    fn run_contained(self, bytes: Vec<u8>) -> Parsed {
        match self {
            Parser::Pdf => Parsed::Pdf(pdf::read_with_fallback(bytes)),
            Parser::Docx => Parsed::Docx(
                guard::contain(move || docx::read_package(&bytes))
                    .unwrap_or_else(|failure| Err(failure.into())),
            ),
        }
    }
}

/// A parser's outcome, as it crosses from the worker to the parent.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum Parsed {
    Pdf(pdf::Outcome),
    Docx(docx::Outcome),
}

/// Runs a parser on `bytes`, in a worker process when the options name one.
pub fn parse(parser: Parser, bytes: &[u8], options: &Options) -> Result<Parsed, Failure> {
    match &options.worker {
        Some(executable) => parse_in_worker(executable, parser, bytes),
        None => Ok(parser.run_contained(bytes.to_vec())),
    }
}

fn parse_in_worker(executable: &Path, parser: Parser, bytes: &[u8]) -> Result<Parsed, Failure> {
    let mut child = Command::new(executable)
        .args([WORKER_COMMAND, parser.name()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| Failure::NoThread)?;
    // Feed and drain on threads: a large input or output must not deadlock the pipes.
    let mut stdin = child.stdin.take().ok_or(Failure::NoThread)?;
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || {
        // The worker may die before reading everything; its death is reported below.
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().ok_or(Failure::NoThread)?;
    let reader = std::thread::spawn(move || {
        let mut output = Vec::new();
        let _ = stdout.read_to_end(&mut output);
        output
    });
    let status = match child.wait_timeout(PARSER_TIME_BUDGET) {
        Ok(Some(status)) => status,
        Ok(None) | Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Failure::TimedOut);
        }
    };
    let _ = feeder.join();
    let output = reader.join().unwrap_or_default();
    if ran_out_of_cpu_time(status) {
        return Err(Failure::TimedOut);
    }
    if !status.success() {
        return Err(Failure::Crashed(crash_description(status)));
    }
    serde_json::from_slice(&output)
        .map_err(|_| Failure::Crashed("it gave no readable answer".into()))
}

/// The system stops a worker past its CPU limit with SIGXCPU (24 on Linux and the BSDs).
fn ran_out_of_cpu_time(status: std::process::ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        const SIGXCPU: i32 = 24;
        status.signal() == Some(SIGXCPU)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

fn crash_description(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("signal {signal}: nested too deeply, or too large once decompressed");
        }
    }
    status.to_string()
}

/// The worker's side: limits itself, reads the document from `input`, parses it behind the
/// panic guard, and writes the outcome as JSON to `output`.
pub fn serve(parser: Parser, input: &mut dyn Read, output: &mut dyn Write) -> std::io::Result<()> {
    limit_resources();
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    serde_json::to_writer(&mut *output, &parser.run_contained(bytes))?;
    output.flush()
}

fn limit_resources() {
    // Where the system refuses a limit, the parent's time budget still applies.
    let _ = rlimit::Resource::AS.set(WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES);
    let _ = rlimit::Resource::CPU.set(WORKER_CPU_SECONDS, WORKER_CPU_SECONDS);
    let _ = rlimit::Resource::CORE.set(0, 0);
}
