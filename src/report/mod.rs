//! Stage 5: everything the tool prints, through one entry point, [`render`]. An analysis
//! becomes a table for a person, JSON for a script, Markdown for notes or an HTML page; a
//! comparison, the list of roles, a document's text and `validate`'s diagnostics are printed
//! here too. None of the formats decides anything: they word what the earlier stages found.

mod compare;
mod describe;
mod diagnostics;
mod html;
mod json;
mod markdown;
mod model;
mod plain;
mod table;

use std::io::Write;

use crate::analysis::Comparison;
use crate::extract::Document;
use crate::profile::{Outcome, Profile};

pub use diagnostics::DIAGNOSTICS_SCHEMA_VERSION;
pub use json::SCHEMA_VERSION;
pub use model::{
    CompareFormat, DiagnosticFormat, DocumentInfo, ErrorLine, Report, ReportFormat, Schema,
    Versions,
};

/// Everything the tool prints.
pub enum Output<'a> {
    /// `analyze`: a report on one resume.
    Report(&'a Report<'a>, ReportFormat),
    /// `compare`: what changed between two versions of a resume.
    Comparison {
        /// The two analyses and the changes.
        comparison: &'a Comparison,
        /// How the two files are named.
        versions: &'a Versions<'a>,
        /// How many focus areas to list.
        top: usize,
        /// The format.
        format: CompareFormat,
    },
    /// `roles`: the built-in roles, one line each.
    Roles(&'a [Profile]),
    /// `text`: a document's lines, numbered or not.
    Text {
        /// The document read.
        document: &'a Document,
        /// Number the lines as evidence does.
        numbered: bool,
    },
    /// `validate`: every problem found, then a summary.
    Diagnostics(&'a Outcome, DiagnosticFormat),
    /// A batch's error line for an input that could not be analyzed.
    ErrorLine(&'a ErrorLine<'a>),
    /// `schema`: a JSON Schema.
    Schema(Schema),
}

/// Writes one output. Only a failure of `out` is an error.
pub fn render(output: &Output, out: &mut dyn Write) -> std::io::Result<()> {
    match *output {
        Output::Report(report, format) => match format {
            ReportFormat::Table => table::render(report, out),
            ReportFormat::Json => json::render(report, out),
            ReportFormat::Jsonl => json::render_line(report, out),
            ReportFormat::Markdown => markdown::render(report, out),
            ReportFormat::Html => html::render(report, out),
        },
        Output::Comparison {
            comparison,
            versions,
            top,
            format,
        } => compare::render(comparison, versions, format, top, out),
        Output::Roles(profiles) => plain::roles(profiles, out),
        Output::Text { document, numbered } => plain::text(document, numbered, out),
        Output::Diagnostics(outcome, format) => diagnostics::render(outcome, format, out),
        Output::ErrorLine(line) => json::render_error_line(line, out),
        Output::Schema(Schema::Report) => json::render_schema(out),
        Output::Schema(Schema::Role) => {
            out.write_all(crate::profile::json_schema().as_bytes())?;
            out.write_all(b"\n")
        }
    }
}
