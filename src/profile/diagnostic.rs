//! A problem found in a role profile, as plain data: where (file, line, column), how bad, a
//! stable code and a message a maintainer can act on. Its natural form is the line
//! `file:line:column: error: message [code]`; the report stage prints it in every format.

use std::fmt;

use serde_saphyr::Location;

/// How bad a problem is: errors fail `skillgap validate` (and stop `--role`); warnings are for
/// things that work but are probably wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The profile cannot be used.
    Error,
    /// The profile works, but probably not as meant.
    Warning,
}

impl Severity {
    /// "error" or "warning", as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in a file: 0-based line and column, the column counted in characters (not bytes).
/// Printed 1-based.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 0.
    pub line: usize,
    /// The column in characters, from 0.
    pub column: usize,
}

impl Position {
    /// The start of the file.
    pub const START: Position = Position { line: 0, column: 0 };

    /// The position at this 0-based line and column.
    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }

    /// From the YAML loader's 1-based location; an unknown location is the file's start.
    pub fn from_location(location: Location) -> Self {
        let zero_based = |n: u64| usize::try_from(n.saturating_sub(1)).unwrap_or(usize::MAX);
        Position::new(zero_based(location.line()), zero_based(location.column()))
    }

    /// The position of byte `offset` of `text` (clamped to the text's length).
    pub fn of_byte(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position::new(
            before.matches('\n').count(),
            before[line_start..].chars().count(),
        )
    }
}

/// Every kind of problem, with a stable kebab-case code (documented in docs/role-profile.md,
/// usable in scripts) and a one-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// The file is not valid YAML.
    YamlSyntax,
    /// A tab in the indentation; YAML indents with spaces.
    TabIndent,
    /// More than one YAML document (`---`) in one profile.
    MultipleDocuments,
    /// The file is over the size limit for a profile.
    TooLarge,
    /// Nesting, aliases or values beyond the loader's safety limits.
    TooComplex,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// A field the format does not have.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value of the wrong type (text, number, list or mapping).
    WrongType,
    /// A required value is empty.
    EmptyValue,
    /// A value outside its fixed set (category: technical or soft).
    InvalidChoice,
    /// An id that is not kebab-case.
    IdFormat,
    /// Two skills or two backgrounds with one id.
    DuplicateId,
    /// The role id differs from the file name.
    IdMismatch,
    /// A reference to a skill the profile does not have.
    UnknownSkill,
    /// A skill that shows itself in part.
    SelfReference,
    /// A weight or credit outside its range.
    OutOfRange,
    /// A term list with no terms.
    EmptyTerms,
    /// A skill or partial group with nothing that could show it.
    NoEvidence,
    /// A skill with both terms and parts (use one).
    TermsAndParts,
    /// The same term twice in one skill or background, after normalization.
    DuplicateTerm,
    /// A term with no letters or digits, which can never match.
    UnmatchableTerm,
    /// A plain term that is an everyday word or only one or two letters.
    CommonWord,
    /// A term that needs context in one skill but not in another.
    AmbiguityMismatch,
}

impl Code {
    /// Every code.
    pub const ALL: [Code; 25] = [
        Code::YamlSyntax,
        Code::TabIndent,
        Code::MultipleDocuments,
        Code::TooLarge,
        Code::TooComplex,
        Code::NotUtf8,
        Code::DuplicateKey,
        Code::UnknownField,
        Code::MissingField,
        Code::WrongType,
        Code::EmptyValue,
        Code::InvalidChoice,
        Code::IdFormat,
        Code::DuplicateId,
        Code::IdMismatch,
        Code::UnknownSkill,
        Code::SelfReference,
        Code::OutOfRange,
        Code::EmptyTerms,
        Code::NoEvidence,
        Code::TermsAndParts,
        Code::DuplicateTerm,
        Code::UnmatchableTerm,
        Code::CommonWord,
        Code::AmbiguityMismatch,
    ];

    /// The stable kebab-case code, as printed in brackets.
    pub fn as_str(self) -> &'static str {
        self.info().0
    }

    /// What the code means, in one line.
    pub fn description(self) -> &'static str {
        self.info().1
    }

    /// Warnings are for things that work but are probably wrong; everything else is an error.
    pub fn severity(self) -> Severity {
        match self {
            Code::CommonWord | Code::AmbiguityMismatch => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Code::YamlSyntax => ("yaml-syntax", "the file is not valid YAML"),
            Code::TabIndent => (
                "tab-indent",
                "a tab in the indentation; YAML indents with spaces",
            ),
            Code::MultipleDocuments => (
                "multiple-documents",
                "more than one YAML document (`---`) in one profile",
            ),
            Code::TooLarge => ("too-large", "the file is over the size limit for a profile"),
            Code::TooComplex => (
                "too-complex",
                "nesting, aliases or values beyond the loader's safety limits",
            ),
            Code::NotUtf8 => ("not-utf8", "the file is not UTF-8 text"),
            Code::DuplicateKey => ("duplicate-key", "the same key twice in one mapping"),
            Code::UnknownField => ("unknown-field", "a field the format does not have"),
            Code::MissingField => ("missing-field", "a required field is absent"),
            Code::WrongType => (
                "wrong-type",
                "a value of the wrong type (text, number, list or mapping)",
            ),
            Code::EmptyValue => ("empty-value", "a required value is empty"),
            Code::InvalidChoice => (
                "invalid-choice",
                "a value outside its fixed set (category: technical or soft)",
            ),
            Code::IdFormat => ("id-format", "an id that is not kebab-case"),
            Code::DuplicateId => ("duplicate-id", "two skills or two backgrounds with one id"),
            Code::IdMismatch => ("id-mismatch", "the role id differs from the file name"),
            Code::UnknownSkill => (
                "unknown-skill",
                "a reference to a skill the profile does not have",
            ),
            Code::SelfReference => ("self-reference", "a skill that shows itself in part"),
            Code::OutOfRange => ("out-of-range", "a weight or credit outside its range"),
            Code::EmptyTerms => ("empty-terms", "a term list with no terms"),
            Code::NoEvidence => (
                "no-evidence",
                "a skill or partial group with nothing that could show it",
            ),
            Code::TermsAndParts => (
                "terms-and-parts",
                "a skill with both terms and parts (use one)",
            ),
            Code::DuplicateTerm => (
                "duplicate-term",
                "the same term twice in one skill or background, after normalization",
            ),
            Code::UnmatchableTerm => (
                "unmatchable-term",
                "a term with no letters or digits, which can never match",
            ),
            Code::CommonWord => (
                "common-word",
                "a plain term that is an everyday word or only one or two letters",
            ),
            Code::AmbiguityMismatch => (
                "ambiguity-mismatch",
                "a term that needs context in one skill but not in another",
            ),
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file, as named to `validate` or `--role`.
    pub path: String,
    /// Where in the file.
    pub position: Position,
    /// Error or warning (from the code).
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong and what to do, in one line.
    pub message: String,
}

impl Diagnostic {
    /// A problem of `code` at `position`; its message is kept to one line.
    pub fn new(path: &str, position: Position, code: Code, message: String) -> Self {
        Diagnostic {
            path: path.to_string(),
            position,
            severity: code.severity(),
            code,
            message: one_line(message),
        }
    }

    /// Whether it is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based, as printed.
    pub fn line(&self) -> usize {
        self.position.line + 1
    }

    /// 1-based, as printed.
    pub fn column(&self) -> usize {
        self.position.column + 1
    }
}

/// `path:line:column: error: message [code]`, the gcc form editors and CI logs link.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {} [{}]",
            self.path,
            self.line(),
            self.column(),
            self.severity.as_str(),
            self.message,
            self.code.as_str()
        )
    }
}

/// A message quotes the profile's text ("not text ('3\n- workshops')"), which may hold line
/// breaks and other control characters; they are shown escaped, so that every problem stays one
/// line of `file:line:column: error: message` and no terminal control sequence gets through.
fn one_line(message: String) -> String {
    if !message.contains(char::is_control) {
        return message;
    }
    message
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Sorts by file, then line and column; problems at one place keep the order they were found.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
}

/// The outcome of validating some files.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// How many files were checked.
    pub files: usize,
    /// Every problem of every file, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// How many problems are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many problems are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(
                crate::profile::is_kebab_case(code.as_str()),
                "{}",
                code.as_str()
            );
            assert!(!code.description().is_empty());
        }
    }

    #[test]
    fn every_code_is_documented() {
        let docs = include_str!("../../docs/role-profile.md");
        for code in Code::ALL {
            assert!(
                docs.contains(&format!("`{}`", code.as_str())),
                "docs/role-profile.md does not list {}",
                code.as_str()
            );
        }
    }

    #[test]
    fn positions_count_characters_from_zero() {
        // text, byte offset → line, column (0-based)
        let cases = [
            ("abc", 0, 0, 0),
            ("abc", 2, 0, 2),
            ("a\nbc", 2, 1, 0),
            ("a\nbc", 3, 1, 1),
            ("é\tx", 2, 0, 1), // é is two bytes, one character
            ("ab", 99, 0, 2),  // clamped to the end
            ("é", 1, 0, 0),    // inside a character: its start
        ];
        for (text, offset, line, column) in cases {
            assert_eq!(
                Position::of_byte(text, offset),
                Position::new(line, column),
                "{text:?} at {offset}"
            );
        }
    }

    fn diagnostic(path: &str, line: usize, column: usize, code: Code) -> Diagnostic {
        Diagnostic::new(path, Position::new(line, column), code, "m".into())
    }

    #[test]
    fn printed_one_based_with_severity_and_code() {
        let d = diagnostic("roles/x.yaml", 11, 4, Code::UnknownField);
        assert_eq!(d.to_string(), "roles/x.yaml:12:5: error: m [unknown-field]");
        let w = diagnostic("x.yaml", 0, 0, Code::CommonWord);
        assert_eq!(w.to_string(), "x.yaml:1:1: warning: m [common-word]");
    }

    #[test]
    fn a_message_quoting_a_line_break_stays_one_line() {
        // Found by fuzz/validate_profile: a multi-line scalar quoted in a message split the
        // `file:line:column:` line in two.
        let d = Diagnostic::new(
            "x.yaml",
            Position::START,
            Code::WrongType,
            "not text ('3\n- workshops\t\u{1b}[31m')".into(),
        );
        assert_eq!(d.message, r"not text ('3\n- workshops\t\u{1b}[31m')");
        assert_eq!(d.to_string().lines().count(), 1);
    }

    #[test]
    fn sorted_by_file_line_and_column() {
        let mut list = vec![
            diagnostic("b.yaml", 0, 0, Code::IdFormat),
            diagnostic("a.yaml", 3, 1, Code::IdFormat),
            diagnostic("a.yaml", 3, 0, Code::DuplicateId),
            diagnostic("a.yaml", 1, 9, Code::IdFormat),
        ];
        sort(&mut list);
        let order: Vec<_> = list
            .iter()
            .map(|d| (d.path.as_str(), d.position.line, d.position.column))
            .collect();
        assert_eq!(
            order,
            [
                ("a.yaml", 1, 9),
                ("a.yaml", 3, 0),
                ("a.yaml", 3, 1),
                ("b.yaml", 0, 0)
            ]
        );
    }
}
