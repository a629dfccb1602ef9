//! What extraction takes and gives: the reading options, a document's text lines, its format,
//! and where it came from.

use std::fmt;
use std::path::{Path, PathBuf};

/// The kinds of document skillgap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (Office Open XML).
    Docx,
    /// Markdown, read with its line structure.
    Markdown,
    /// Plain text in any common encoding.
    Text,
    /// A JSON Resume document (jsonresume.org).
    JsonResume,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Markdown => "Markdown",
            Format::Text => "text",
            Format::JsonResume => "JSON Resume",
        })
    }
}

/// One line of extracted text. Its number is its index in [`Document::lines`] plus one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextLine {
    /// The line's text, without its line break.
    pub text: String,
    /// The source marked it as a heading (Markdown `#`, a DOCX heading style).
    pub is_heading: bool,
}

impl TextLine {
    /// A line that is not marked as a heading.
    pub fn plain(text: impl Into<String>) -> Self {
        TextLine {
            text: text.into(),
            is_heading: false,
        }
    }
}

/// The text of a resume, as the later stages see it, with what was learnt reading it.
#[derive(Debug, Clone)]
pub struct Document {
    /// How the bytes were read.
    pub format: Format,
    /// Pages of a PDF; `None` for formats without pages.
    pub pages: Option<usize>,
    /// A guess at the columns of text on the busiest page, for formats that have pages.
    pub columns: Option<usize>,
    /// The text, one entry per line; evidence refers to lines by their number (index + 1).
    pub lines: Vec<TextLine>,
    /// The program that made the file: a PDF's producer or creator, a DOCX's application.
    pub generator: Option<String>,
    /// Things a person should know about the text (repairs made, text that may be missing).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document of these lines, with nothing else known about it.
    pub fn new(format: Format, lines: Vec<TextLine>) -> Self {
        Document {
            format,
            pages: None,
            columns: None,
            lines,
            generator: None,
            warnings: Vec::new(),
        }
    }

    /// Characters of real text (letters and digits), the measure of "is there anything to read".
    pub fn word_characters(&self) -> usize {
        self.lines
            .iter()
            .flat_map(|line| line.text.chars())
            .filter(|c| c.is_alphanumeric())
            .count()
    }
}

/// Where the bytes came from, for messages and for the extension hint.
#[derive(Debug, Clone)]
pub struct Source {
    /// How the input is named in messages: its path, or `<stdin>`.
    pub display: PathBuf,
    /// The file name's extension, lowercased: a hint when the content does not decide.
    pub extension: Option<String>,
}

impl Source {
    /// Standard input, which has no extension.
    pub fn stdin() -> Self {
        Source {
            display: PathBuf::from("<stdin>"),
            extension: None,
        }
    }

    /// A file: named by its path, with its extension as a hint.
    pub fn file(path: &Path) -> Self {
        Source {
            display: path.to_path_buf(),
            extension: path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
        }
    }
}

/// Files larger than this are refused before parsing (a resume is rarely over 5 MB).
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// How to read input: the size limit, and where parsers of untrusted formats run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Inputs larger than this many bytes are refused before they are parsed.
    pub max_bytes: u64,
    /// The executable to run PDF and DOCX parsers in, as a child process with limits on memory,
    /// CPU and time, so that even a crash the parser cannot catch (a stack overflow, memory
    /// exhausted) ends in a clean error. `None` parses in this process, behind the panic guard.
    pub worker: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            worker: None,
        }
    }
}

/// Below this many letters and digits, nothing useful can be said about a resume.
pub const MIN_WORD_CHARACTERS: usize = 20;
