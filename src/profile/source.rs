//! Profile files: reading one without trusting its size, and validating the files and folders
//! `validate` is given. The checks themselves are in [`super::validate`].

use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::{self, Code, Diagnostic, Outcome, Position};
use super::validate::validate_source;
use crate::error::{Error, Result};
use crate::files::{self, Found};

/// Role profiles larger than this are not profiles (the built-in one is about 30 KB).
pub const MAX_PROFILE_BYTES: u64 = 2 * 1024 * 1024;

/// Validates files and folders (folders: every `*.yaml` and `*.yml` below them, found as
/// [`crate::files`] finds files). A path that cannot be read fails the whole run, before
/// anything is printed.
pub fn validate_paths(paths: &[PathBuf]) -> Result<Outcome> {
    let files = profile_files(paths)?;
    let mut outcome = Outcome {
        files: files.len(),
        diagnostics: Vec::new(),
    };
    for file in &files {
        outcome.diagnostics.extend(validate_file(file)?);
    }
    diagnostic::sort(&mut outcome.diagnostics);
    Ok(outcome)
}

/// The files to check, each once: files as given, and the YAML files below each folder.
fn profile_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        for found in files::expand(path, &files::PROFILES) {
            match found {
                Found::File(file) => files.push(file),
                Found::Unreadable { error, .. } => return Err(error),
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|file| seen.insert(file.clone()));
    Ok(files)
}

/// Validates one file; only a file that cannot be read at all is an `Err`.
pub fn validate_file(path: &Path) -> Result<Vec<Diagnostic>> {
    let origin = path.display().to_string();
    let bytes = match read_capped(path)? {
        Capped::Whole(bytes) => bytes,
        Capped::Over(size) => {
            return Ok(vec![Diagnostic::new(
                &origin,
                Position::START,
                Code::TooLarge,
                format!(
                    "the file is {size} bytes, over the {MAX_PROFILE_BYTES}-byte limit for a role \
                     profile (a profile is tens of kilobytes)"
                ),
            )]);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
            return Ok(vec![Diagnostic::new(
                &origin,
                Position::of_byte(&prefix, valid),
                Code::NotUtf8,
                "this byte is not UTF-8 text; save the file as UTF-8".into(),
            )]);
        }
    };
    let expected_id = path.file_stem().and_then(|stem| stem.to_str());
    Ok(validate_source(&text, &origin, expected_id).diagnostics)
}

/// A file's bytes, or only its size when it is over the limit.
pub(super) enum Capped {
    Whole(Vec<u8>),
    /// Over the limit: the size known, without reading it all.
    Over(u64),
}

/// Reads a file, but never more than the limit allows, whatever its metadata said.
pub(super) fn read_capped(path: &Path) -> Result<Capped> {
    let unreadable = |source| Error::CannotRead {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_PROFILE_BYTES {
        return Ok(Capped::Over(size));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Ok(Capped::Over(bytes.len() as u64));
    }
    Ok(Capped::Whole(bytes))
}
