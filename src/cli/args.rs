//! The command line, declared with clap derive. Doc comments here are the `--help` text.
//! Values are converted once into the library's plain types ([`super::run`] does it).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use skillgap::analysis::DEFAULT_FOCUS_AREAS;
use skillgap::extract::DEFAULT_MAX_BYTES;
use skillgap::gate::{Gate, Requirement};
use skillgap::report::{CompareFormat, DiagnosticFormat, ReportFormat, Schema};
use skillgap::resume::YearMonth;

/// Find the skills a resume shows for a role, with the line that shows each, and what to learn next.
///
/// skillgap works offline: the resume never leaves this machine, and nothing is written
/// except the report on standard output.
#[derive(Debug, Parser)]
#[command(name = "skillgap", version, propagate_version = true)]
#[command(after_help = "Examples:
  skillgap analyze resume.pdf
  skillgap analyze resume.docx --role infrastructure-engineer --format json | jq .score
  skillgap roles")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare a resume with a role: a verdict for every skill, with evidence, a score and focus areas.
    ///
    /// With several files, a folder or a pattern (or --format jsonl), prints one line of JSON per
    /// resume (JSON Lines, whatever --format says), in input order, and a summary on standard error. A file
    /// that cannot be read gets an error line instead, and the others go on. Exits 0 when all
    /// were analyzed, with the code of the first file that failed otherwise, and 1 when a gate
    /// (--fail-under, --require) is not met.
    #[command(after_help = "Examples:
  skillgap analyze resume.pdf
  skillgap analyze resume.docx --format markdown > gap.md
  skillgap analyze resume.pdf --explain
  skillgap analyze resume.pdf --format html -o report.html
  skillgap analyze resume.txt --role ./roles/my-role.yaml --format json
  cat resume.txt | skillgap analyze -
  skillgap analyze resumes/ > reports.jsonl                 # a batch: one JSON line per file
  skillgap analyze 'cvs/*.pdf' --jobs 4 | jq -c '{file, score: .score.percent}'
  skillgap analyze resume.pdf --fail-under 70 --require terraform,linux:partial")]
    Analyze(AnalyzeArgs),

    /// Show what changed for a role between two versions of a resume: skills gained and lost,
    /// the score, and how the focus list moved.
    #[command(after_help = "Examples:
  skillgap compare resume-v1.pdf resume-v2.pdf
  skillgap compare old.docx new.docx --format json | jq .score_delta")]
    Compare(CompareArgs),

    /// List the built-in roles.
    #[command(after_help = "Example:
  skillgap roles")]
    Roles,

    /// Show a built-in role profile, to start a new one from it.
    #[command(
        subcommand,
        after_help = "Example:
  skillgap role show infrastructure-engineer > my-role.yaml"
    )]
    Role(RoleCommand),

    /// Check role profiles: every problem of every file, each with its line and column.
    ///
    /// Folders are searched for *.yaml and *.yml files. Exits 0 when no file has errors
    /// (warnings are allowed), 1 when one has, and 3 when a path cannot be read.
    #[command(after_help = "Examples:
  skillgap validate roles/
  skillgap validate my-role.yaml
  skillgap validate --format github roles/       # annotations in a GitHub Actions run
  skillgap validate --format json roles/ | jq '.diagnostics[].message'")]
    Validate(ValidateArgs),

    /// Print a JSON Schema: of the role profile format (for editors that check YAML as you type),
    /// or of the JSON that `analyze` prints.
    #[command(after_help = "Examples:
  skillgap schema role > role-profile.schema.json
  skillgap schema report > report.schema.json")]
    Schema(SchemaArgs),

    /// Print a shell completion script.
    #[command(after_help = "Examples:
  skillgap completions bash > ~/.local/share/bash-completion/completions/skillgap
  skillgap completions zsh > ~/.zfunc/_skillgap
  skillgap completions fish > ~/.config/fish/completions/skillgap.fish")]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff) on standard output.
    #[command(after_help = "Examples:
  skillgap man > skillgap.1 && man ./skillgap.1
  skillgap man | gzip > /usr/local/share/man/man1/skillgap.1.gz")]
    Man,

    /// Runs one document parser for a parent skillgap process (internal).
    #[command(name = "__extract-worker", hide = true)]
    ExtractWorker {
        #[arg(value_parser = ["pdf", "docx"])]
        parser: String,
    },

    /// Print the text of a resume exactly as the matcher reads it.
    #[command(after_help = "Examples:
  skillgap text resume.pdf
  skillgap text -n resume.docx | grep -i terraform")]
    Text(TextArgs),
}

#[derive(Debug, Subcommand)]
pub enum RoleCommand {
    /// Print a built-in role profile exactly as it is written (YAML).
    #[command(after_help = "Example:
  skillgap role show infrastructure-engineer > my-role.yaml")]
    Show {
        /// The built-in role's id (see `skillgap roles`).
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Role profile files, or folders to search for them.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// How to print the problems found.
    #[arg(short, long, value_enum, default_value_t = DiagnosticFormatArg::Text)]
    pub format: DiagnosticFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormatArg {
    /// `file:line:column: error: message [code]` lines, then a summary.
    Text,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::…`), then a summary.
    Github,
    /// One JSON document: counts and the list of diagnostics.
    Json,
}

impl From<DiagnosticFormatArg> for DiagnosticFormat {
    fn from(format: DiagnosticFormatArg) -> Self {
        match format {
            DiagnosticFormatArg::Text => DiagnosticFormat::Text,
            DiagnosticFormatArg::Github => DiagnosticFormat::Github,
            DiagnosticFormatArg::Json => DiagnosticFormat::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The format whose schema to print.
    #[arg(value_enum)]
    pub format: SchemaFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    /// A role profile (roles/*.yaml).
    Role,
    /// The output of `analyze --format json`, and each line of a batch (docs/json.md).
    Report,
}

impl From<SchemaFormat> for Schema {
    fn from(format: SchemaFormat) -> Self {
        match format {
            SchemaFormat::Role => Schema::Role,
            SchemaFormat::Report => Schema::Report,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The input size limit, which every command that reads a resume takes.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// What `analyze` and `compare` both need to judge a resume.
#[derive(Debug, Args)]
pub struct JudgeArgs {
    /// The role to compare against: a built-in id (see `skillgap roles`) or a profile .yaml path.
    #[arg(
        short,
        long,
        value_name = "ID|PATH",
        default_value = "infrastructure-engineer"
    )]
    pub role: String,

    /// How many focus areas to list.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_FOCUS_AREAS)]
    pub top: usize,

    /// Count jobs held "to present" up to this month (YYYY-MM) instead of the current month.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub as_of: Option<YearMonth>,

    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The resume: PDF, DOCX, Markdown, plain text or JSON Resume (`-` reads text from standard
    /// input). Several files, folders (searched for .pdf .docx .txt .md .markdown .json) or
    /// patterns such as 'cvs/*.pdf' make a batch.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// How to print the report (a batch of several files always prints JSON Lines).
    #[arg(short, long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,

    /// Write the report to this file instead of standard output (for example report.html).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to colour the table: auto colours only a terminal, and honours NO_COLOR.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Also show, for every skill, each candidate match that was accepted or rejected and the
    /// rule that decided (table and Markdown).
    #[arg(long)]
    pub explain: bool,

    /// Exit 1 when the score is under this percentage (the report is printed all the same).
    #[arg(long, value_name = "SCORE", value_parser = skillgap::gate::parse_percent, help_heading = "Gate (exit 1 when not met)")]
    pub fail_under: Option<f64>,

    /// Exit 1 unless these skills (ids, see `skillgap role show`) are aligned; `ID:partial`
    /// accepts partial too. Repeat it or separate ids with commas.
    #[arg(
        long,
        value_name = "SKILL[,SKILL…]",
        value_delimiter = ',',
        help_heading = "Gate (exit 1 when not met)"
    )]
    pub require: Vec<Requirement>,

    /// How many files of a batch to analyze at once [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = parse_jobs, help_heading = "Batch")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A table for the terminal.
    Table,
    /// One JSON document (see docs/json.md).
    Json,
    /// JSON Lines, as a batch prints them, even for one file.
    Jsonl,
    /// A Markdown document to keep or paste into notes.
    Markdown,
    /// One self-contained HTML page with a chart (write it with -o report.html).
    Html,
}

impl From<FormatArg> for ReportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Table => ReportFormat::Table,
            FormatArg::Json => ReportFormat::Json,
            FormatArg::Jsonl => ReportFormat::Jsonl,
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
        }
    }
}

impl AnalyzeArgs {
    /// The bar of `--fail-under` and `--require`; empty when neither was given.
    pub fn gate(&self) -> Gate {
        Gate {
            fail_under: self.fail_under,
            require: self.require.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier version of the resume.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later version of the resume.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// How to print the comparison.
    #[arg(short, long, value_enum, default_value_t = CompareFormatArg::Table)]
    pub format: CompareFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormatArg {
    /// Plain text for the terminal.
    Table,
    /// One JSON document (see docs/json.md, "compare").
    Json,
    /// A Markdown document.
    Markdown,
}

impl From<CompareFormatArg> for CompareFormat {
    fn from(format: CompareFormatArg) -> Self {
        match format {
            CompareFormatArg::Table => CompareFormat::Table,
            CompareFormatArg::Json => CompareFormat::Json,
            CompareFormatArg::Markdown => CompareFormat::Markdown,
        }
    }
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// The resume: PDF, DOCX, Markdown or plain text (`-` reads text from standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub limits: LimitArgs,

    /// Number the lines, as evidence in reports does.
    #[arg(short = 'n', long)]
    pub line_numbers: bool,
}

fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(jobs) if jobs > 0 => Ok(jobs),
        _ => Err(format!("'{text}' is not a number of jobs (1 or more)")),
    }
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse_iso(text).ok_or_else(|| format!("'{text}' is not a month like 2026-11"))
}
