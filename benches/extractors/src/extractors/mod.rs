//! The extractors compared: one function per crate, each from a file's bytes to its text, called
//! the way the crate's documentation shows, with no repairs of ours (except `skillgap`'s row,
//! which is the point of it).

mod docx;
mod pdf;
mod pdf_rs;

use std::fmt::Display;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
}

/// What an extractor got out of a file.
pub struct Extracted {
    pub text: String,
    /// The pages it read, where the crate says; the chain row needs them for text per page.
    pub pages: Option<usize>,
}

pub struct Extractor {
    /// The row's name, and the argument of `extractors one`.
    pub name: &'static str,
    /// The package in Cargo.lock whose version the results name.
    pub package: &'static str,
    pub format: Format,
    /// Most crates read bytes; `pdfsink-rs` only opens paths, so both are given.
    pub extract: fn(&Path, &[u8]) -> Result<Extracted, String>,
}

impl Extractor {
    const fn new(
        name: &'static str,
        package: &'static str,
        format: Format,
        extract: fn(&Path, &[u8]) -> Result<Extracted, String>,
    ) -> Self {
        Extractor {
            name,
            package,
            format,
            extract,
        }
    }
}

pub const ALL: &[Extractor] = &[
    Extractor::new("skillgap", "skillgap", Format::Pdf, skillgap_text),
    Extractor::new("pdf_oxide", "pdf_oxide", Format::Pdf, pdf::pdf_oxide),
    Extractor::new(
        "pdfboss-output",
        "pdfboss-output",
        Format::Pdf,
        pdf::pdfboss,
    ),
    Extractor::new("pdf-extract", "pdf-extract", Format::Pdf, pdf::pdf_extract),
    Extractor::new("lopdf", "lopdf", Format::Pdf, pdf::lopdf),
    Extractor::new("unpdf", "unpdf", Format::Pdf, pdf::unpdf),
    Extractor::new("oxidize-pdf", "oxidize-pdf", Format::Pdf, pdf::oxidize_pdf),
    Extractor::new("pdf (pdf-rs)", "pdf", Format::Pdf, pdf_rs::extract),
    Extractor::new(
        "pdf-text-extract",
        "pdf-text-extract",
        Format::Pdf,
        pdf::pdf_text_extract,
    ),
    Extractor::new("pdfraw", "pdfraw", Format::Pdf, pdf::pdfraw),
    Extractor::new("pdfsink-rs", "pdfsink-rs", Format::Pdf, pdf::pdfsink),
    Extractor::new("skillgap", "skillgap", Format::Docx, skillgap_text),
    Extractor::new("docx-rs", "docx-rs", Format::Docx, docx::docx_rs),
];

/// The extractor `name` reads files of `format`: names repeat across formats (skillgap).
pub fn find(name: &str, format: Format) -> Option<&'static Extractor> {
    ALL.iter()
        .find(|extractor| extractor.name == name && extractor.format == format)
}

pub fn of_format(format: Format) -> impl Iterator<Item = &'static Extractor> {
    ALL.iter()
        .filter(move |extractor| extractor.format == format)
}

/// skillgap's public extraction, in this process (no worker) so that the child's limits and
/// timing apply to it as to every other row. Its lines are what `skillgap text` prints.
fn skillgap_text(path: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let options = skillgap::extract::Options {
        worker: None,
        ..Default::default()
    };
    let source = skillgap::extract::Source::file(path);
    let document =
        skillgap::extract::extract_bytes(bytes, &source, &options).map_err(|e| e.to_string())?;
    let lines: Vec<&str> = document
        .lines
        .iter()
        .map(|line| line.text.as_str())
        .collect();
    Ok(Extracted {
        text: lines.join("\n"),
        pages: document.pages,
    })
}

/// The same policy for every crate that reads page by page: a page that fails is left out, and
/// the file fails only when no page could be read (as skillgap does with pdf_oxide).
fn join_pages<E: Display>(
    pages: impl IntoIterator<Item = Result<String, E>>,
) -> Result<Extracted, String> {
    let mut texts = Vec::new();
    let mut first_error = None;
    let mut count = 0;
    for page in pages {
        count += 1;
        match page {
            Ok(text) => texts.push(text),
            Err(error) => {
                first_error.get_or_insert_with(|| error.to_string());
            }
        }
    }
    match first_error {
        Some(error) if texts.is_empty() => Err(error),
        _ => Ok(Extracted {
            text: texts.join("\n"),
            pages: Some(count),
        }),
    }
}
