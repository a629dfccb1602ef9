//! `extractors one <extractor> <file>`: one extractor on one file, in a process of its own (see
//! `isolate`). The text goes to standard output; the last line on standard error says how it
//! ended and how long the extraction took in this process.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use rlimit::Resource;

use crate::extractors::{self, Format};
use crate::isolate::{ADDRESS_SPACE_BYTES, CPU_SECONDS, RESULT_TAG};

pub fn run(name: &str, path: &Path) -> ExitCode {
    let Some(extractor) = extractors::find(name, format_of(path)) else {
        eprintln!("extractors: no extractor {name:?} for {}", path.display());
        return ExitCode::from(2);
    };
    if let Err(error) = limit_resources() {
        eprintln!("extractors: cannot set resource limits: {error}");
        return ExitCode::from(2);
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("extractors: cannot read {}: {error}", path.display());
            return ExitCode::from(2);
        }
    };
    // The panic is reported on the result line; the default hook's message would only repeat it.
    panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(|| (extractor.extract)(path, &bytes)));
    let micros = started.elapsed().as_micros();
    let line = match result {
        Ok(Ok(extracted)) => {
            // A reader that went away (the parent's cap) is no failure of the extractor.
            let _ = std::io::stdout()
                .lock()
                .write_all(extracted.text.as_bytes());
            let pages = extracted.pages.map_or("-".to_string(), |n| n.to_string());
            format!("ok {micros} {pages}")
        }
        Ok(Err(message)) => format!("error {micros} - {}", one_line(&message)),
        Err(payload) => format!("panic {micros} - {}", one_line(&panic_message(&*payload))),
    };
    eprintln!("\n{RESULT_TAG} {line}");
    ExitCode::SUCCESS
}

/// Generated and damaged copies keep their extension, so the extension says the format.
fn format_of(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(extension) if extension.eq_ignore_ascii_case("docx") => Format::Docx,
        _ => Format::Pdf,
    }
}

/// Memory and CPU limits the process sets on itself before parsing, so that a parser that runs
/// away ends in a signal the parent can classify, not in a machine out of memory.
fn limit_resources() -> std::io::Result<()> {
    rlimit::setrlimit(Resource::AS, ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES)?;
    // The soft limit sends SIGXCPU, which the parent reads as a hang; the hard one kills.
    rlimit::setrlimit(Resource::CPU, CPU_SECONDS, CPU_SECONDS + 2)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
