//! Containment for third-party document parsers.
//!
//! Parsers of PDF and DOCX are large and see hostile input. Each call runs on its own thread with
//! a generous stack (deeply nested objects recurse), inside `catch_unwind`, and with a time budget,
//! so a panic, a very deep structure or an endless loop becomes an error for the user rather than a
//! crash or a hang.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const PARSER_THREAD: &str = "skillgap-document-parser";
const PARSER_STACK_BYTES: usize = 256 * 1024 * 1024;
pub const PARSER_TIME_BUDGET: Duration = Duration::from_secs(20);

/// Why a contained parser gave no answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    Panicked(String),
    /// The worker process running the parser died (a signal, or an exit without an answer).
    Crashed(String),
    TimedOut,
    NoThread,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panicked(message) => write!(f, "the parser failed on it: {message}"),
            Failure::Crashed(how) => write!(f, "it crashed the parser ({how})"),
            Failure::TimedOut => write!(
                f,
                "took longer than {} seconds to read",
                PARSER_TIME_BUDGET.as_secs()
            ),
            Failure::NoThread => f.write_str("no thread could be started to read it"),
        }
    }
}

/// Runs `parse` contained: its panics, and its running past the time budget, become a [`Failure`].
pub fn contain<T, F>(parse: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    silence_parser_panics();
    let (sender, receiver) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name(PARSER_THREAD.to_string())
        .stack_size(PARSER_STACK_BYTES)
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(parse));
            // The receiver may have given up waiting; then nobody needs the answer.
            let _ = sender.send(outcome);
        });
    if spawned.is_err() {
        return Err(Failure::NoThread);
    }
    match receiver.recv_timeout(PARSER_TIME_BUDGET) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(payload)) => Err(Failure::Panicked(panic_message(payload.as_ref()))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Failure::Panicked("it stopped without an answer".into()))
        }
    }
}

/// The default hook would print a panic and backtrace hint on stderr; for a contained parser the
/// panic is reported as one clean error line instead.
fn silence_parser_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current().name() != Some(PARSER_THREAD) {
                default_hook(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".to_string());
    let first_line = text.lines().next().unwrap_or_default();
    first_line.chars().take(160).collect()
}

/// A parser's message as part of a one-line error: whitespace (line breaks in quoted XML or PDF
/// tokens included) collapsed, and cut to a readable length.
pub fn one_line(message: &str) -> String {
    message
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(160)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_passes_through() {
        assert_eq!(contain(|| 41 + 1), Ok(42));
    }

    #[test]
    fn a_panic_becomes_a_failure_with_its_message() {
        let failure = contain(|| -> u8 { panic!("bad xref at 17") }).unwrap_err();
        assert_eq!(failure, Failure::Panicked("bad xref at 17".into()));
    }

    #[test]
    fn deep_recursion_fits_in_the_parser_stack() {
        fn depth(n: u64) -> u64 {
            let pad = [n; 16];
            if n == 0 {
                pad[0]
            } else {
                depth(n - 1) + pad[15] / n.max(1)
            }
        }
        assert!(contain(|| depth(200_000)).is_ok());
    }
}
