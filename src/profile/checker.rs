//! Collects the problems of one profile as its checks find them.

use super::diagnostic::{Code, Diagnostic, Position};

/// Collects the problems of one file.
pub struct Checker<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// A checker for the file named `path` in messages.
    pub fn new(path: &'a str) -> Self {
        Checker {
            path,
            diagnostics: Vec::new(),
        }
    }

    /// Records one problem.
    pub fn report(&mut self, position: Position, code: Code, message: String) {
        self.diagnostics
            .push(Diagnostic::new(self.path, position, code, message));
    }

    /// Whether any problem so far is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The problems found, in the order found.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
