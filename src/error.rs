//! The one error type of the library: a variant for each thing the user must do differently.

use std::path::PathBuf;

/// Exit status of the binary, one per class of outcome (documented in the README's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExitStatus {
    /// The command did what was asked.
    Success = 0,
    /// The command ran, and the input fails what was checked (`validate` errors, gates).
    Findings = 1,
    /// The command line was wrong (clap's own code), or its arguments do not fit the role.
    Usage = 2,
    /// A file could not be read (missing, a directory, no permission), or the output could not
    /// be written.
    CannotReadOrWrite = 3,
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
    /// Every status, in code order.
    pub const ALL: [ExitStatus; 8] = [
        ExitStatus::Success,
        ExitStatus::Findings,
        ExitStatus::Usage,
        ExitStatus::CannotReadOrWrite,
        ExitStatus::BadDocument,
        ExitStatus::NoText,
        ExitStatus::BadRole,
        ExitStatus::TooLarge,
    ];

    /// The number the process exits with.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// Everything that can stop an analysis, with what the user needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder that cannot be read.
    #[error("cannot read {path}: {source}; check the path and that you may read it")]
    CannotRead {
        /// The path as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },

    /// Not a document skillgap reads (an image, an old .doc, binary data).
    #[error("{path}: {detail}")]
    Unsupported {
        /// The input.
        path: PathBuf,
        /// What it is, and what to do.
        detail: String,
    },

    #[error(
        "{path}: the {format} is damaged or incomplete and cannot be read ({detail}); {advice}"
    )]
    /// A document of a known format that cannot be read.
    Damaged {
        /// The input.
        path: PathBuf,
        /// The format it claims ("PDF").
        format: &'static str,
        /// What the parser said.
        detail: String,
        /// What to do.
        advice: &'static str,
    },

    #[error(
        "{path}: the PDF is protected by a password; open it with the password and save or print it again as a PDF without one"
    )]
    /// A PDF that needs a password.
    Encrypted {
        /// The input.
        path: PathBuf,
    },

    /// A document with no text to analyze.
    #[error("{path}: {detail}; {advice}")]
    NoText {
        /// The input.
        path: PathBuf,
        /// Why there is no text.
        detail: String,
        /// What to do.
        advice: &'static str,
    },

    /// Over the size limit the caller set ([`crate::extract::Options::max_bytes`]).
    #[error(
        "{path}: the input is {}over the limit of {limit} bytes; pass a real resume",
        describe_size(*.size)
    )]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Known for a file; a stream is only known to be longer than the limit.
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u64,
    },

    /// A document within the size limit that would take more than a resume ever needs to read.
    #[error(
        "{path}: the {format} {detail}, over a safety limit no resume reaches; if it is a resume, {advice}"
    )]
    OverLimit {
        /// The input.
        path: PathBuf,
        /// Its format.
        format: &'static str,
        /// Which limit, and by how much.
        detail: String,
        /// What to do.
        advice: &'static str,
    },

    #[error(
        "unknown role '{name}'; built-in roles: {known} (or pass the path of a role profile .yaml)"
    )]
    /// A role that is neither built in nor a file.
    UnknownRole {
        /// The name given.
        name: String,
        /// The built-in ids, comma-separated.
        known: String,
    },

    /// A role profile file that cannot be read.
    #[error("cannot read role profile {path}: {source}")]
    RoleUnreadable {
        /// The path given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },

    /// The first error of a profile; validating the file lists every problem.
    #[error("{path}:{line}:{column}: {message}")]
    RoleInvalid {
        /// The profile, as named.
        path: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong and what to do.
        message: String,
    },

    /// A skill asked for (by a gate) that the role does not have.
    #[error("the role {role} has no skill '{skill}'; its skills: {known}")]
    UnknownSkill {
        /// The role's id.
        role: String,
        /// The id asked for.
        skill: String,
        /// The role's skill ids, comma-separated.
        known: String,
    },

    /// Arguments that do not fit each other, found after parsing them.
    #[error("{0}")]
    Usage(String),

    /// The output (standard output, a pipe) cannot be written.
    #[error("cannot write the report: {0}")]
    Output(#[source] std::io::Error),

    /// The output file cannot be written.
    #[error(
        "cannot write {path}: {source}; check that its folder exists and that you may write there"
    )]
    CannotWrite {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl Error {
    /// The class of the failure, which is also the exit code of the command line.
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Error::CannotRead { .. } | Error::Output(_) | Error::CannotWrite { .. } => {
                ExitStatus::CannotReadOrWrite
            }
            Error::Unsupported { .. } | Error::Damaged { .. } | Error::Encrypted { .. } => {
                ExitStatus::BadDocument
            }
            Error::NoText { .. } => ExitStatus::NoText,
            Error::TooLarge { .. } | Error::OverLimit { .. } => ExitStatus::TooLarge,
            Error::UnknownRole { .. }
            | Error::RoleUnreadable { .. }
            | Error::RoleInvalid { .. } => ExitStatus::BadRole,
            Error::UnknownSkill { .. } | Error::Usage(_) => ExitStatus::Usage,
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

/// The library's result, with its error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_of_failure_has_its_own_exit_code() {
        let codes: std::collections::HashSet<u8> =
            ExitStatus::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(
            codes.len(),
            ExitStatus::ALL.len(),
            "two classes share a code"
        );
        assert!(!codes.contains(&101), "101 is what a panic exits with");
    }

    #[test]
    fn every_exit_code_is_in_the_readme_table() {
        let readme = include_str!("../README.md");
        for status in ExitStatus::ALL {
            let row = format!("\n| {} | ", status.code());
            assert!(
                readme.contains(&row),
                "README has no row for exit code {}",
                status.code()
            );
        }
    }

    #[test]
    fn a_write_failure_is_code_3_like_a_read_failure() {
        let write = Error::Output(std::io::Error::other("disk full"));
        assert_eq!(write.exit_status(), ExitStatus::CannotReadOrWrite);
        assert_eq!(write.exit_status().code(), 3);
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
