//! skillgap reads a resume, finds the skills it shows with evidence, and compares them with a
//! role profile.
//!
//! The stages, each a module whose output feeds the next:
//! [`extract`] (document → lines) → [`resume`] (sections) → [`matching`] (evidence) →
//! [`analysis`] (statuses, score, focus, background) → [`report`] (table, JSON, Markdown).
//! [`profile`] holds the role profiles. The library never prints: output goes to the writer
//! given to [`run`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod cli;
pub mod error;
pub mod extract;
pub mod matching;
pub mod normalize;
pub mod profile;
pub mod report;
pub mod resume;

use std::io::Write;
use std::path::Path;

use crate::cli::{AnalyzeArgs, Cli, Command, TextArgs};
pub use crate::error::{Error, ExitStatus, Result};
use crate::extract::Document;
use crate::profile::Profile;
use crate::report::{DocumentInfo, OutputFormat, Report};

/// Runs one command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitStatus> {
    match cli.command {
        Command::Analyze(args) => analyze_command(&args, out),
        Command::Roles => roles_command(out),
        Command::Text(args) => text_command(&args, out),
    }
    .map(|()| ExitStatus::Success)
}

fn analyze_command(args: &AnalyzeArgs, out: &mut dyn Write) -> Result<()> {
    let profile = profile::resolve(&args.role)?;
    let document = extract::extract_path(&args.input.file, args.input.max_bytes)?;
    let analysis = analyze_document(&document, &profile);
    let info = DocumentInfo {
        file: args.input.file.display().to_string(),
        format: document.format,
        pages: document.pages,
        lines: document.lines.len(),
    };
    let report = Report {
        document: &info,
        analysis: &analysis,
        role_origin: &profile.origin,
        top: args.top,
        explain: args.explain,
    };
    write_report(&report, args.format, out)
}

/// The whole analysis of a document already extracted: resume → matches → verdicts.
pub fn analyze_document(document: &Document, profile: &Profile) -> analysis::Analysis {
    let resume = resume::parse(document);
    let matches = matching::Matcher::new(profile).find(&resume);
    analysis::analyze(profile, &matches)
}

/// Reads and analyzes one file: the library's entry point for tests and benches.
pub fn analyze_file(path: &Path, profile: &Profile) -> Result<analysis::Analysis> {
    let document = extract::extract_path(path, extract::DEFAULT_MAX_BYTES)?;
    Ok(analyze_document(&document, profile))
}

fn write_report(report: &Report, format: OutputFormat, out: &mut dyn Write) -> Result<()> {
    let mut buffer = Vec::new();
    report::render(report, format, &mut buffer).map_err(Error::Output)?;
    out.write_all(&buffer)
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

fn roles_command(out: &mut dyn Write) -> Result<()> {
    let mut text = String::from("ID                        SKILLS  TITLE\n");
    for id in profile::builtin_ids() {
        let profile = profile::load_builtin(id).expect("listed ids are built in")?;
        text.push_str(&format!(
            "{:<25} {:>6}  {}\n",
            profile.id,
            profile.skills.len(),
            profile.title
        ));
    }
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

fn text_command(args: &TextArgs, out: &mut dyn Write) -> Result<()> {
    let document = extract::extract_path(&args.input.file, args.input.max_bytes)?;
    let width = document.lines.len().to_string().len();
    let mut text = String::new();
    for (index, line) in document.lines.iter().enumerate() {
        if args.line_numbers {
            text.push_str(&format!("{:>width$}  {}\n", index + 1, line.text));
        } else {
            text.push_str(&line.text);
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes()).map_err(Error::Output)
}
