//! Reference texts made at run time by other programs: poppler's `pdftotext` for PDFs, the
//! Python package docx2txt (body, headers, footers, text boxes) for DOCX.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::words::Words;

/// The reading-order text (`pdftotext FILE -`), the same tool the extraction set's
/// `.ref.txt` files come from.
pub fn pdftotext(path: &Path) -> Option<Words> {
    words_printed_by(Command::new("pdftotext").arg(path).arg("-"))
}

const DOCX2TXT: &str = "import sys, docx2txt; sys.stdout.write(docx2txt.process(sys.argv[1]))";

pub fn docx2txt(path: &Path) -> Option<Words> {
    words_printed_by(Command::new("python3").args(["-c", DOCX2TXT]).arg(path))
}

pub fn pdftotext_available() -> bool {
    succeeds(Command::new("pdftotext").arg("-v"))
}

pub fn docx2txt_available() -> bool {
    succeeds(Command::new("python3").args(["-c", "import docx2txt"]))
}

/// `None` when the program fails or finds no words: no reference to measure against.
fn words_printed_by(command: &mut Command) -> Option<Words> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    let words = Words::of(&String::from_utf8_lossy(&output.stdout));
    (output.status.success() && !words.is_empty()).then_some(words)
}

fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}
