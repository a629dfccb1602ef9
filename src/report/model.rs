//! What the formats are given: the report on one resume, what was read, the formats asked.

use crate::analysis::Analysis;
use crate::error::ExitStatus;
use crate::extract::{Document, Format};
use crate::gate::GateResult;

/// How to print a report on one resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// One JSON document (see docs/json.md).
    Json,
    /// One line of JSON, as a batch prints each report.
    Jsonl,
    /// A Markdown document.
    Markdown,
    /// One self-contained HTML page with a chart.
    Html,
}

/// How to print a comparison of two versions of a resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFormat {
    /// Plain text for the terminal.
    Table,
    /// One JSON document (see docs/json.md, "compare").
    Json,
    /// A Markdown document.
    Markdown,
}

/// How to print what `validate` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticFormat {
    /// `file:line:column: error: message [code]` lines, then a summary.
    Text,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::…`), then a summary.
    Github,
    /// One JSON document: counts and the list of diagnostics.
    Json,
}

/// Which JSON Schema to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// The role profile format (roles/*.yaml).
    Role,
    /// The JSON `analyze` prints: a report, or a batch's error line.
    Report,
}

/// What was read, for the report's header.
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    /// The input as named on the command line or found in a folder (`-` for standard input).
    pub file: String,
    /// How it was read.
    pub format: Format,
    /// Pages of a PDF.
    pub pages: Option<usize>,
    /// The guess at its columns of text.
    pub columns: Option<usize>,
    /// Lines of extracted text.
    pub lines: usize,
    /// Letters and digits in the text.
    pub characters: usize,
    /// The program that made the file.
    pub generator: Option<String>,
    /// What a person should know about the text.
    pub warnings: Vec<String>,
}

impl DocumentInfo {
    /// What a report says of `document`, read from `file`.
    pub fn new(file: String, document: &Document) -> Self {
        DocumentInfo {
            file,
            format: document.format,
            pages: document.pages,
            columns: document.columns,
            lines: document.lines.len(),
            characters: document.word_characters(),
            generator: document.generator.clone(),
            warnings: document.warnings.clone(),
        }
    }
}

/// Everything a report on one resume shows.
pub struct Report<'a> {
    /// What was read.
    pub document: &'a DocumentInfo,
    /// What was found.
    pub analysis: &'a Analysis,
    /// The role's source: a built-in's repo path or the profile file given.
    pub role_origin: &'a str,
    /// How many focus areas to list.
    pub top: usize,
    /// Add every accepted and rejected candidate match, with the rule that decided.
    pub explain: bool,
    /// Colour the table's statuses.
    pub color: bool,
    /// The table's width in columns.
    pub width: u16,
    /// The verdict of a gate, when one was asked for (JSON carries it).
    pub gate: Option<&'a GateResult>,
}

/// The two versions a comparison was made from, as named.
pub struct Versions<'a> {
    /// The earlier version.
    pub old: &'a str,
    /// The later version.
    pub new: &'a str,
}

/// A batch's line for an input that could not be analyzed.
pub struct ErrorLine<'a> {
    /// The input as named.
    pub file: &'a str,
    /// The class of the failure (its exit code).
    pub status: ExitStatus,
    /// The one-line message, as the command line would print it.
    pub message: &'a str,
}
