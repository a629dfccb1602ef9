//! The `skillgap` command: the command-line layer ([`cli`]) parses the arguments and reads the
//! environment; the library does the work.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Parsed as given: a file name need not be UTF-8.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let status = match cli::parse(&args) {
        Ok(parsed) => cli::run(parsed),
        Err(status) => status,
    };
    ExitCode::from(status.code())
}
