use std::process::ExitCode;

use clap::Parser;
use skillgap::cli::Cli;

fn main() -> ExitCode {
    // Parsed as given: a file name need not be UTF-8.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => match skillgap::cli::usage_error_line(&error, &lossy(&args)) {
            Some(line) => {
                eprintln!("skillgap: error: {line}");
                return ExitCode::from(skillgap::ExitStatus::Usage.code());
            }
            None => error.exit(),
        },
    };
    let mut stdout = std::io::stdout().lock();
    match skillgap::run(cli, &mut stdout, &mut std::io::stderr()) {
        Ok(status) => ExitCode::from(status.code()),
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skillgap: error: {error}");
            ExitCode::from(error.exit_status().code())
        }
    }
}

fn lossy(args: &[std::ffi::OsString]) -> Vec<String> {
    args.iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect()
}
