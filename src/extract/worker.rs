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

use serde::de::DeserializeOwned;
use wait_timeout::ChildExt;

use super::document::Options;
use super::guard::{Failure, PARSER_TIME_BUDGET};
use super::{docx, pdf};

/// The hidden subcommand that runs a worker.
pub const WORKER_COMMAND: &str = "__extract-worker";

/// Address space a worker may use: far more than any resume needs (the parser thread's stack
/// is reserved inside it), far less than the machine has.
const WORKER_MEMORY_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// CPU seconds a worker may use before the system stops it.
const WORKER_CPU_SECONDS: u64 = 30;

/// The parsers a worker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// pdf_oxide, then pdfboss-output when it fails.
    Pdf,
    /// The DOCX package reader.
    Docx,
}

impl Parser {
    /// The parser's name on the worker's command line.
    pub fn name(self) -> &'static str {
        match self {
            Parser::Pdf => "pdf",
            Parser::Docx => "docx",
        }
    }

    /// The parser a worker's command line names.
    pub fn from_name(name: &str) -> Option<Self> {
        [Parser::Pdf, Parser::Docx]
            .into_iter()
            .find(|parser| parser.name() == name)
    }
}

/// Reads a PDF, in a worker process when the options name one.
pub fn parse_pdf(bytes: &[u8], options: &Options) -> Result<pdf::Outcome, Failure> {
    match &options.worker {
        Some(executable) => parse_in_worker(executable, Parser::Pdf, bytes),
        None => Ok(pdf::read_with_fallback(bytes.to_vec())),
    }
}

/// Reads a DOCX package, in a worker process when the options name one.
pub fn parse_docx(bytes: &[u8], options: &Options) -> Result<docx::Outcome, Failure> {
    match &options.worker {
        Some(executable) => parse_in_worker(executable, Parser::Docx, bytes),
        None => Ok(docx::read_contained(bytes.to_vec())),
    }
}

/// The worker answers with the parser's outcome as JSON, of the type that parser gives.
fn parse_in_worker<T: DeserializeOwned>(
    executable: &Path,
    parser: Parser,
    bytes: &[u8],
) -> Result<T, Failure> {
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
    match parser {
        Parser::Pdf => serde_json::to_writer(&mut *output, &pdf::read_with_fallback(bytes))?,
        Parser::Docx => serde_json::to_writer(&mut *output, &docx::read_contained(bytes))?,
    }
    output.flush()
}

fn limit_resources() {
    // Where the system refuses a limit, the parent's time budget still applies.
    let _ = rlimit::Resource::AS.set(WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES);
    let _ = rlimit::Resource::CPU.set(WORKER_CPU_SECONDS, WORKER_CPU_SECONDS);
    let _ = rlimit::Resource::CORE.set(0, 0);
}
