//! The command-line layer: the only place that knows clap, flags and the environment (colour,
//! terminal, standard input, the worker's executable). It converts the arguments once into the
//! library's plain options, runs the command through the [`Pipeline`], and prints through
//! [`report::render`].

mod args;
mod usage;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser};
use skillgap::batch::{Outcome, Summary};
use skillgap::extract::{self, Source};
use skillgap::files::{self, Found};
use skillgap::gate::Gate;
use skillgap::pipeline::{self, Input, Item, Pipeline};
use skillgap::report::{self, DocumentInfo, ErrorLine, Output, Report, ReportFormat, Versions};
use skillgap::resume::YearMonth;
use skillgap::{Error, ExitStatus, Result, analysis, profile};

use args::{
    AnalyzeArgs, Cli, ColorChoice, Command, CompareArgs, JudgeArgs, LimitArgs, RoleCommand,
    TextArgs, ValidateArgs,
};

/// Width of the table when standard output is not a terminal (a pipe or a file).
const DEFAULT_WIDTH: u16 = 100;

/// Parses the arguments, or prints why they are wrong (or the help asked for) and says how to
/// exit.
pub fn parse(args: &[OsString]) -> std::result::Result<Cli, ExitStatus> {
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli),
        Err(error) => {
            let lossy: Vec<String> = args
                .iter()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            match usage::usage_error_line(&error, &lossy) {
                Some(line) => {
                    eprintln!("skillgap: error: {line}");
                    Err(ExitStatus::Usage)
                }
                None => error.exit(),
            }
        }
    }
}

/// Runs a command on standard output; an error is one line on standard error.
pub fn run(cli: Cli) -> ExitStatus {
    let mut stdout = std::io::stdout().lock();
    match execute(cli, &mut stdout, &mut std::io::stderr()) {
        Ok(status) => status,
        Err(error) if error.is_broken_pipe() => ExitStatus::Success,
        Err(error) => {
            eprintln!("skillgap: error: {}", message(&error));
            error.exit_status()
        }
    }
}

/// The library's message, with the flag or command that helps where there is one.
fn message(error: &Error) -> String {
    match error {
        Error::TooLarge { .. } => format!("{error}, or raise --max-bytes"),
        Error::RoleInvalid { path, .. } => {
            format!("{error}; `skillgap validate {path}` lists every problem")
        }
        Error::UnknownSkill { .. } => {
            format!("--require: {error}; see 'skillgap analyze --help'")
        }
        _ => error.to_string(),
    }
}

fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    match cli.command {
        Command::Analyze(args) => return analyze(&args, out, err),
        Command::Validate(args) => return validate(&args, out),
        Command::Compare(args) => compare(&args, out),
        Command::Roles => roles(out),
        Command::Role(RoleCommand::Show { id }) => {
            let yaml = profile::builtin_source(&id).ok_or_else(|| profile::unknown_role(&id))?;
            out.write_all(yaml.as_bytes()).map_err(Error::Output)
        }
        Command::Schema(args) => print(&Output::Schema(args.format.into()), out),
        Command::Text(args) => text(&args, out),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut public_command(), "skillgap", out);
            Ok(())
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(out)
            .map_err(Error::Output),
        Command::ExtractWorker { parser } => {
            let parser = extract::worker::Parser::from_name(&parser)
                .ok_or_else(|| Error::Usage(format!("no parser named {parser}")))?;
            extract::worker::serve(parser, &mut std::io::stdin().lock(), out).map_err(Error::Output)
        }
    }
    .map(|()| ExitStatus::Success)
}

/// Writes one output, whole or not at all (a failed render leaves nothing half-written).
fn print(output: &Output, out: &mut dyn Write) -> Result<()> {
    let mut buffer = Vec::new();
    report::render(output, &mut buffer).map_err(Error::Output)?;
    out.write_all(&buffer)
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

/// Reading options: the size limit, and PDF and DOCX parsers isolated in a worker process of
/// this same executable.
fn extract_options(limits: &LimitArgs) -> extract::Options {
    extract::Options {
        max_bytes: limits.max_bytes,
        worker: std::env::current_exe().ok(),
    }
}

fn pipeline_options(judge: &JudgeArgs) -> pipeline::Options {
    pipeline::Options {
        today: judge.as_of.unwrap_or_else(YearMonth::today),
        extract: extract_options(&judge.limits),
    }
}

/// One resume as the pipeline takes it: a file, or `-` for standard input.
enum Resume {
    File(PathBuf),
    Stdin(Vec<u8>),
}

impl Resume {
    fn open(path: &Path, limits: &LimitArgs) -> Result<Self> {
        if path.as_os_str() == "-" {
            let stdin = std::io::stdin().lock();
            let bytes = extract::read_limited(stdin, limits.max_bytes, &Source::stdin())?;
            return Ok(Resume::Stdin(bytes));
        }
        Ok(Resume::File(path.to_path_buf()))
    }

    fn input<'a>(&'a self, stdin: &'a Source) -> Input<'a> {
        match self {
            Resume::File(path) => Input::Path(path),
            Resume::Stdin(bytes) => Input::Bytes {
                bytes,
                source: stdin,
            },
        }
    }
}

/// One file: the report in the format asked. Several files, a folder or a pattern: a batch,
/// one JSON line per file. Either way a gate that is not met exits 1 after the output.
fn analyze(args: &AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    let gate = args.gate();
    let format = ReportFormat::from(args.format);
    let role = args.judge.role.clone();
    let pending = Pipeline::spawn(
        move || Ok(vec![profile::resolve(&role)?]),
        pipeline_options(&args.judge),
    );
    if !files::names_many(&args.files) && format != ReportFormat::Jsonl {
        return analyze_one(args, pending, &gate, out, err);
    }
    let pipeline = pending.finish()?;
    gate.check(pipeline.roles()[0].profile())?;
    let (names, items) = batch_items(&args.files, &args.judge.limits)?;
    let summary = with_output(args.output.as_ref(), out, |out| {
        analyze_batch(args, &pipeline, &gate, names, items, out)
    })?;
    let _ = writeln!(err, "{summary}");
    Ok(summary.exit_status())
}

/// Reads the resume while the role compiles; a problem with the role or the gate outranks one
/// with the file, as it would stop any file.
fn analyze_one(
    args: &AnalyzeArgs,
    pending: pipeline::Pending,
    gate: &Gate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let path = &args.files[0];
    let reading = Resume::open(path, &args.judge.limits)
        .and_then(|resume| pending.read(resume.input(&Source::stdin())));
    let pipeline = pending.finish()?;
    let role = &pipeline.roles()[0];
    gate.check(role.profile())?;
    let reading = reading?;
    let analysis = pipeline.judge(&reading, role);
    let verdict = gate.evaluate(&analysis);
    let info = DocumentInfo::new(path.display().to_string(), &reading.document);
    let report = Report {
        document: &info,
        analysis: &analysis,
        role_origin: &role.profile().origin,
        top: args.judge.top,
        explain: args.explain,
        color: color_enabled(args.color),
        width: terminal_width(),
        gate: verdict.as_ref(),
    };
    with_output(args.output.as_ref(), out, |out| {
        print(&Output::Report(&report, args.format.into()), out)
    })?;
    match verdict {
        Some(verdict) if !verdict.passed() => {
            for reason in &verdict.reasons {
                let _ = writeln!(err, "skillgap: gate: {reason}");
            }
            Ok(ExitStatus::Findings)
        }
        _ => Ok(ExitStatus::Success),
    }
}

/// The batch's entries in order, each with the name its line gives it: files as given, the
/// files found in folders and patterns, and standard input for `-` (read once, up front).
fn batch_items(args: &[PathBuf], limits: &LimitArgs) -> Result<(Vec<String>, Vec<Item>)> {
    if args.iter().filter(|arg| arg.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage(
            "standard input ('-') can be read only once; see 'skillgap analyze --help'".into(),
        ));
    }
    let (mut names, mut items) = (Vec::new(), Vec::new());
    for arg in args {
        if arg.as_os_str() == "-" {
            names.push("-".to_string());
            items.push(match Resume::open(arg, limits) {
                Ok(Resume::Stdin(bytes)) => Item::Bytes {
                    bytes,
                    source: Source::stdin(),
                },
                Ok(Resume::File(path)) => Item::Path(path),
                Err(error) => Item::Unreadable(error),
            });
            continue;
        }
        for found in files::expand(arg, &files::RESUMES) {
            match found {
                Found::File(path) => {
                    names.push(path.display().to_string());
                    items.push(Item::Path(path));
                }
                Found::Unreadable { name, error } => {
                    names.push(name);
                    items.push(Item::Unreadable(error));
                }
            }
        }
    }
    Ok((names, items))
}

/// Writes one JSON line per entry, in input order, while the pipeline runs them in parallel.
fn analyze_batch(
    args: &AnalyzeArgs,
    pipeline: &Pipeline,
    gate: &Gate,
    names: Vec<String>,
    items: Vec<Item>,
    out: &mut dyn Write,
) -> Result<Summary> {
    let role = &pipeline.roles()[0];
    let bar = progress_bar(items.len());
    let mut summary = Summary::new(!gate.is_empty());
    let result = pipeline.batch(items, role, args.jobs, |index, judged| {
        let name = &names[index];
        let mut line = Vec::new();
        let outcome = match judged {
            Ok(judged) => {
                let verdict = gate.evaluate(&judged.analysis);
                let info = DocumentInfo::new(name.clone(), &judged.document);
                let report = Report {
                    document: &info,
                    analysis: &judged.analysis,
                    role_origin: &role.profile().origin,
                    top: args.judge.top,
                    explain: false,
                    color: false,
                    width: DEFAULT_WIDTH,
                    gate: verdict.as_ref(),
                };
                report::render(&Output::Report(&report, ReportFormat::Jsonl), &mut line)
                    .map_err(Error::Output)?;
                Outcome::Analyzed {
                    percent: judged.analysis.score.percent,
                    gate_passed: verdict.is_none_or(|verdict| verdict.passed()),
                }
            }
            Err(error) => {
                let status = error.exit_status();
                let text = message(&error);
                let error_line = ErrorLine {
                    file: name,
                    status,
                    message: &text,
                };
                report::render(&Output::ErrorLine(&error_line), &mut line)
                    .map_err(Error::Output)?;
                Outcome::Failed(status)
            }
        };
        summary.add(&outcome);
        // The bar steps aside, so lines on a terminal do not run through it.
        bar.suspend(|| out.write_all(&line))
            .map_err(Error::Output)?;
        bar.inc(1);
        Ok(())
    });
    bar.finish_and_clear();
    result?;
    out.flush().map_err(Error::Output)?;
    Ok(summary)
}

/// A progress bar on standard error, drawn only when it is a terminal.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} files, {elapsed} so far, about {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

fn compare(args: &CompareArgs, out: &mut dyn Write) -> Result<()> {
    let role = args.judge.role.clone();
    let pending = Pipeline::spawn(
        move || Ok(vec![profile::resolve(&role)?]),
        pipeline_options(&args.judge),
    );
    let stdin = Source::stdin();
    let read = |path: &Path| {
        Resume::open(path, &args.judge.limits).and_then(|resume| pending.read(resume.input(&stdin)))
    };
    let (old, new) = (read(&args.old), read(&args.new));
    let pipeline = pending.finish()?;
    let role = &pipeline.roles()[0];
    let comparison = analysis::compare(pipeline.judge(&old?, role), pipeline.judge(&new?, role));
    let (old_name, new_name) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let versions = Versions {
        old: &old_name,
        new: &new_name,
    };
    let output = Output::Comparison {
        comparison: &comparison,
        versions: &versions,
        top: args.judge.top,
        format: args.format.into(),
    };
    print(&output, out)
}

fn roles(out: &mut dyn Write) -> Result<()> {
    let profiles = profile::builtin_ids()
        .map(|id| profile::load_builtin(id).expect("listed ids are built in"))
        .collect::<Result<Vec<_>>>()?;
    print(&Output::Roles(&profiles), out)
}

/// Checks profiles; problems found are the command's result (exit 1), not a failure of it.
fn validate(args: &ValidateArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let outcome = profile::validate_paths(&args.paths)?;
    print(&Output::Diagnostics(&outcome, args.format.into()), out)?;
    Ok(if outcome.errors() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// The text as the matcher reads it: the pipeline's reading, with no role to judge against.
fn text(args: &TextArgs, out: &mut dyn Write) -> Result<()> {
    let options = pipeline::Options {
        today: YearMonth::today(),
        extract: extract_options(&args.limits),
    };
    let pipeline = Pipeline::new(Vec::new(), options);
    let resume = Resume::open(&args.file, &args.limits)?;
    let reading = pipeline.read(resume.input(&Source::stdin()))?;
    let output = Output::Text {
        document: &reading.document,
        numbered: args.line_numbers,
    };
    print(&output, out)
}

/// Runs `write` on standard output, or on the file of `-o` (whose failures say its name).
fn with_output<T>(
    path: Option<&PathBuf>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let Some(path) = path else {
        return write(out);
    };
    let file = std::fs::File::create(path).map_err(|source| Error::CannotWrite {
        path: path.clone(),
        source,
    })?;
    write(&mut std::io::BufWriter::new(file)).map_err(|error| match error {
        Error::Output(source) => Error::CannotWrite {
            path: path.clone(),
            source,
        },
        other => other,
    })
}

/// Colour on a terminal, unless NO_COLOR is set; or as `--color` says.
fn color_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
fn terminal_width() -> u16 {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size_of(stdout)
        .map_or(DEFAULT_WIDTH, |(terminal_size::Width(width), _)| width)
}

/// The command line as people see it, without the hidden internal commands, which shells
/// would otherwise offer to complete.
fn public_command() -> clap::Command {
    let full = Cli::command();
    full.get_subcommands()
        .filter(|command| !command.is_hide_set())
        .fold(
            clap::Command::new("skillgap")
                .version(env!("CARGO_PKG_VERSION"))
                .propagate_version(true)
                .about(full.get_about().cloned().unwrap_or_default()),
            |public, command| public.subcommand(command.clone()),
        )
}
