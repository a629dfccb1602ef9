//! Finding the files a command was given, with one policy for every command that takes
//! folders (`analyze`, `validate`):
//!
//! - a file named on the command line is taken as it is, whatever its extension;
//! - a folder is searched recursively for files with the wanted extensions (compared without
//!   case), in path order, depth first;
//! - hidden entries (`.git`, `.DS_Store`) and Office lock files (`~$cv.docx`) are skipped, and
//!   links to folders are not followed, so a link cycle cannot loop (links to files are read);
//! - an argument holding `*`, `?` or `[` that is not the name of an existing file is a pattern,
//!   expanded as a shell would (a leading `.` must be written; folders it matches are not
//!   searched), so that the shell's own expansion wins;
//! - what yields no file (a folder with none of the wanted files, a pattern that matches
//!   nothing, a folder that cannot be listed) is reported in its place as [`Found::Unreadable`].
//!   Each command decides what that means: a batch prints an error line and goes on, `validate`
//!   stops before printing anything.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// Which files a folder search takes.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    /// Extensions without the dot, lowercase.
    pub extensions: &'static [&'static str],
    /// What they are, for the message when a folder holds none: "resume files (.pdf, …)".
    pub description: &'static str,
}

/// Resume documents.
pub const RESUMES: Wanted = Wanted {
    extensions: &["pdf", "docx", "txt", "md", "markdown", "json"],
    description: "resume files (.pdf, .docx, .txt, .md, .markdown, .json)",
};

/// Role profiles.
pub const PROFILES: Wanted = Wanted {
    extensions: &["yaml", "yml"],
    description: ".yaml or .yml files",
};

/// What one argument yielded.
#[derive(Debug)]
pub enum Found {
    /// A file to read.
    File(PathBuf),
    /// An argument or a folder that yielded no file, named as given or found, and why.
    Unreadable {
        /// The argument or folder, as it should be named in the output.
        name: String,
        /// Why nothing was found there.
        error: Error,
    },
}

/// Whether the arguments name several files: more than one, or a folder, or a pattern.
pub fn names_many(args: &[PathBuf]) -> bool {
    args.len() > 1 || args.iter().any(|arg| arg.is_dir() || is_pattern(arg))
}

/// The files one argument names, in order.
pub fn expand(arg: &Path, wanted: &Wanted) -> Vec<Found> {
    let mut found = Vec::new();
    if arg.is_dir() {
        walk(arg, wanted, &mut found);
        if found.is_empty() {
            let why = format!("the folder holds no {}", wanted.description);
            found.push(nothing_found(arg, &why));
        }
    } else if is_pattern(arg) {
        match glob_files(arg) {
            Some(matched) if matched.is_empty() => {
                found.push(nothing_found(arg, "no file matches this pattern"));
            }
            Some(matched) => found.extend(matched),
            // Not a valid pattern: read it as the file name it is.
            None => found.push(Found::File(arg.to_path_buf())),
        }
    } else {
        found.push(Found::File(arg.to_path_buf()));
    }
    found
}

/// A pattern is expanded only when the shell did not do it: it holds `*`, `?` or `[` and is not
/// the name of an existing file.
fn is_pattern(arg: &Path) -> bool {
    arg.to_str()
        .is_some_and(|text| text.contains(['*', '?', '[']))
        && !arg.exists()
}

fn nothing_found(arg: &Path, why: &str) -> Found {
    unreadable(arg, std::io::Error::new(std::io::ErrorKind::NotFound, why))
}

fn unreadable(path: &Path, source: std::io::Error) -> Found {
    Found::Unreadable {
        name: path.display().to_string(),
        error: Error::CannotRead {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// The files a pattern matches, sorted, as the shell would give them.
fn glob_files(pattern: &Path) -> Option<Vec<Found>> {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let paths = glob::glob_with(pattern.to_str()?, options).ok()?;
    let mut found = Vec::new();
    for entry in paths {
        match entry {
            Ok(path) if path.is_dir() => {}
            Ok(path) => found.push(Found::File(path)),
            Err(error) => {
                let path = error.path().to_path_buf();
                found.push(unreadable(&path, error.into()));
            }
        }
    }
    Some(found)
}

/// Adds a folder's wanted files, recursively, sorted by name at each level.
fn walk(dir: &Path, wanted: &Wanted, found: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            found.push(unreadable(dir, source));
            return;
        }
    };
    let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(|entry| entry.ok()).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, wanted, found);
        } else if has_extension(&path, wanted) && (kind.is_file() || path.is_file()) {
            found.push(Found::File(path));
        }
    }
}

fn has_extension(path: &Path, wanted: &Wanted) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            wanted
                .extensions
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_files_are_chosen_by_extension() {
        for name in ["cv.pdf", "CV.DOCX", "a.txt", "b.md", "c.markdown", "d.json"] {
            assert!(has_extension(Path::new(name), &RESUMES), "{name}");
        }
        for name in ["cv.doc", "notes", "photo.png", "cv.pdf.bak", "role.yaml"] {
            assert!(!has_extension(Path::new(name), &RESUMES), "{name}");
        }
        assert!(has_extension(Path::new("role.YML"), &PROFILES));
    }

    #[test]
    fn a_folder_is_searched_in_path_order_skipping_hidden_and_lock_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/inner")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for file in [
            "b/inner/z.md",
            "b/a.txt",
            "c.pdf",
            "a.yaml",
            ".git/x.md",
            ".hidden.md",
            "~$lock.docx",
        ] {
            std::fs::write(root.join(file), "x").unwrap();
        }
        let names: Vec<String> = expand(root, &RESUMES)
            .into_iter()
            .map(|found| match found {
                Found::File(path) => path.strip_prefix(root).unwrap().display().to_string(),
                Found::Unreadable { name, .. } => panic!("{name} unreadable"),
            })
            .collect();
        assert_eq!(names, ["b/a.txt", "b/inner/z.md", "c.pdf"]);
    }

    #[test]
    fn a_folder_without_wanted_files_says_so() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.doc"), "x").unwrap();
        match expand(dir.path(), &PROFILES).as_slice() {
            [Found::Unreadable { error, .. }] => {
                assert!(
                    error.to_string().contains("no .yaml or .yml files"),
                    "{error}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}
