//! The one error type of the library: a variant for each thing the user must do differently.

use std::path::PathBuf;

/// Exit status of the binary, one per class of outcome (documented in the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// The command did what was asked.
    Success = 0,
    /// The command ran, and the input fails what was checked (reserved for `validate` and gates).
    Findings = 1,
    /// The command line was wrong (clap's own code).
    Usage = 2,
    /// A file could not be read (missing, a directory, no permission) or the report written.
    CannotRead = 3,
    /// The input is not a supported document, or it is damaged.
    BadDocument = 4,
    /// The document holds no text that can be extracted (empty, scanned, outlines only).
    NoText = 5,
    /// The role profile is unknown, unreadable or invalid.
    BadRole = 6,
    /// The input is over a safety limit: its size, or what reading it would take (inflated
    /// size, pages, objects, time).
    TooLarge = 7,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// Everything that can stop an analysis, with what the user needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}; check the path and that you may read it")]
    CannotRead {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path}: {detail}")]
    Unsupported { path: PathBuf, detail: String },

    #[error(
        "{path}: the {format} is damaged or incomplete and cannot be read ({detail}); {advice}"
    )]
    Damaged {
        path: PathBuf,
        format: &'static str,
        detail: String,
        advice: &'static str,
    },

    #[error(
        "{path}: the PDF is protected by a password; open it with the password and save or print it again as a PDF without one"
    )]
    Encrypted { path: PathBuf },

    #[error("{path}: {detail}; {advice}")]
    NoText {
        path: PathBuf,
        detail: String,
        advice: &'static str,
    },

    #[error(
        "{path}: the input is {}over the limit of {limit} bytes; pass a real resume, or raise --max-bytes",
        describe_size(*.size)
    )]
    TooLarge {
        path: PathBuf,
        /// Known for a file; a stream is only known to be longer than the limit.
        size: Option<u64>,
        limit: u64,
    },

    /// A document within the size limit that would take more than a resume ever needs to read.
    #[error(
        "{path}: the {format} {detail}, over a safety limit no resume reaches; if it is a resume, {advice}"
    )]
    OverLimit {
        path: PathBuf,
        format: &'static str,
        detail: String,
        advice: &'static str,
    },

    #[error(
        "unknown role '{name}'; built-in roles: {known} (or pass the path of a role profile .yaml)"
    )]
    UnknownRole { name: String, known: String },

    #[error("cannot read role profile {path}: {source}")]
    RoleUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path}:{line}:{column}: {message}; `skillgap validate {path}` lists every problem")]
    RoleInvalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },

    /// Arguments that clap accepted but that do not fit the role or each other.
    #[error("{0}")]
    Usage(String),

    #[error("cannot write the report: {0}")]
    Output(#[source] std::io::Error),

    #[error(
        "cannot write {path}: {source}; check that its folder exists and that you may write there"
    )]
    CannotWrite {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Error::CannotRead { .. } => ExitStatus::CannotRead,
            Error::Unsupported { .. } | Error::Damaged { .. } | Error::Encrypted { .. } => {
                ExitStatus::BadDocument
            }
            Error::NoText { .. } => ExitStatus::NoText,
            Error::TooLarge { .. } | Error::OverLimit { .. } => ExitStatus::TooLarge,
            Error::UnknownRole { .. }
            | Error::RoleUnreadable { .. }
            | Error::RoleInvalid { .. } => ExitStatus::BadRole,
            Error::Output(_) | Error::CannotWrite { .. } => ExitStatus::CannotRead,
            Error::Usage(_) => ExitStatus::Usage,
        }
    }

    /// A broken pipe on stdout (`skillgap … | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn describe_size(size: Option<u64>) -> String {
    size.map(|bytes| format!("{bytes} bytes, "))
        .unwrap_or_default()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_of_failure_has_its_own_exit_code() {
        let codes = [
            ExitStatus::Success,
            ExitStatus::Findings,
            ExitStatus::Usage,
            ExitStatus::CannotRead,
            ExitStatus::BadDocument,
            ExitStatus::NoText,
            ExitStatus::BadRole,
            ExitStatus::TooLarge,
        ]
        .map(ExitStatus::code);
        let mut unique = codes.to_vec();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        assert!(!codes.contains(&101), "101 is what a panic exits with");
    }

    #[test]
    fn errors_map_to_their_exit_codes() {
        let path = PathBuf::from("cv.pdf");
        let no_text = Error::NoText {
            path: path.clone(),
            detail: "the file is empty".into(),
            advice: "x",
        };
        assert_eq!(no_text.exit_status().code(), 5);
        let damaged = Error::Damaged {
            path,
            format: "PDF",
            detail: "d".into(),
            advice: "a",
        };
        assert_eq!(damaged.exit_status().code(), 4);
        let role = Error::UnknownRole {
            name: "x".into(),
            known: "y".into(),
        };
        assert_eq!(role.exit_status().code(), 6);
    }

    #[test]
    fn broken_pipe_is_recognised() {
        let e = Error::Output(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
    }
}
