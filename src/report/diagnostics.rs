//! What `validate` found: `file:line:column` lines, GitHub Actions annotations, or JSON.

use std::io::Write;

use serde::Serialize;

use super::model::DiagnosticFormat;
use crate::profile::{Diagnostic, Outcome};

/// The version of `validate --format json`'s document (documented in docs/role-profile.md).
/// It is versioned apart from the analysis report: the two documents change independently.
pub const DIAGNOSTICS_SCHEMA_VERSION: u32 = 1;

/// Every diagnostic, then the summary line (text and GitHub), or one JSON document.
pub fn render(
    outcome: &Outcome,
    format: DiagnosticFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut text = String::new();
    match format {
        DiagnosticFormat::Text | DiagnosticFormat::Github => {
            for diagnostic in &outcome.diagnostics {
                text.push_str(&match format {
                    DiagnosticFormat::Github => github_annotation(diagnostic),
                    _ => diagnostic.to_string(),
                });
                text.push('\n');
            }
            text.push_str(&summary(outcome));
            text.push('\n');
        }
        DiagnosticFormat::Json => {
            let json = serde_json::to_string_pretty(&JsonOutcome::from(outcome))
                .expect("plain data serializes");
            text.push_str(&json);
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes())
}

/// `2 files checked: 1 error, 3 warnings`.
fn summary(outcome: &Outcome) -> String {
    format!(
        "{} checked: {}, {}",
        plural(outcome.files, "file"),
        plural(outcome.errors(), "error"),
        plural(outcome.warnings(), "warning")
    )
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A GitHub Actions workflow command, which shows the problem on the file's line.
fn github_annotation(diagnostic: &Diagnostic) -> String {
    format!(
        "::{} file={},line={},col={},title={}::{}",
        diagnostic.severity.as_str(),
        escape_property(&diagnostic.path),
        diagnostic.line(),
        diagnostic.column(),
        escape_property(diagnostic.code.as_str()),
        escape_data(&diagnostic.message)
    )
}

/// GitHub's escaping for the message of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for a property (`file=…`) of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The JSON form of an [`Outcome`].
#[derive(Serialize)]
struct JsonOutcome<'a> {
    schema_version: u32,
    files_checked: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
}

impl<'a> From<&'a Outcome> for JsonOutcome<'a> {
    fn from(outcome: &'a Outcome) -> Self {
        JsonOutcome {
            schema_version: DIAGNOSTICS_SCHEMA_VERSION,
            files_checked: outcome.files,
            errors: outcome.errors(),
            warnings: outcome.warnings(),
            diagnostics: outcome
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic {
                    file: &d.path,
                    line: d.line(),
                    column: d.column(),
                    severity: d.severity.as_str(),
                    code: d.code.as_str(),
                    message: &d.message,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Code, Position};

    fn diagnostic(path: &str, line: usize, column: usize, code: Code) -> Diagnostic {
        Diagnostic::new(path, Position::new(line, column), code, "m".into())
    }

    #[test]
    fn github_annotations_escape_their_separators() {
        let mut d = diagnostic("a,b:c.yaml", 1, 2, Code::WrongType);
        d.message = "50% done\nnext".into();
        assert_eq!(
            github_annotation(&d),
            "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=wrong-type::50%25 done%0Anext"
        );
    }

    #[test]
    fn summary_counts_files_errors_and_warnings() {
        let outcome = Outcome {
            files: 1,
            diagnostics: vec![
                diagnostic("a", 0, 0, Code::CommonWord),
                diagnostic("a", 1, 0, Code::CommonWord),
            ],
        };
        assert_eq!(summary(&outcome), "1 file checked: 0 errors, 2 warnings");
    }
}
