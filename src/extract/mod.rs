//! Stage 1: a document's bytes become numbered text lines.
//!
//! Format is decided by content first (magic bytes), then by extension, so a PDF named
//! `resume.txt` or a file with no extension still reads. Every third-party parser runs behind
//! the guard (`guard.rs`), so a panic or deep recursion inside it becomes an error, never a crash.

mod clean;
mod document;
mod docx;
mod guard;
mod json_resume;
mod layout;
mod markdown;
mod pdf;
mod text;
pub mod worker;

use std::io::Read;
use std::path::Path;

pub use document::{
    DEFAULT_MAX_BYTES, Document, Format, MIN_WORD_CHARACTERS, Options, Source, TextLine,
};

use crate::error::{Error, Result};

/// Reads a file and extracts its text.
pub fn extract_path(path: &Path, options: &Options) -> Result<Document> {
    let source = Source::file(path);
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
    let metadata = file.metadata().map_err(|e| cannot_read(path, e))?;
    if metadata.is_dir() {
        return Err(cannot_read(
            path,
            std::io::Error::other("it is a directory, not a file"),
        ));
    }
    if metadata.is_file() && metadata.len() > options.max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: Some(metadata.len()),
            limit: options.max_bytes,
        });
    }
    let bytes = read_limited(file, options.max_bytes, &source)?;
    extract_bytes(&bytes, &source, options)
}

fn cannot_read(path: &Path, source: std::io::Error) -> Error {
    Error::CannotRead {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a stream (standard input, an upload) whole, refusing it past `max_bytes`: at most
/// `max_bytes + 1` bytes are read, so `/dev/zero` or a huge stream cannot exhaust memory.
pub fn read_limited(reader: impl Read, max_bytes: u64, source: &Source) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&source.display, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: source.display.clone(),
            size: None,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// Extracts the text of a document held in memory.
pub fn extract_bytes(bytes: &[u8], source: &Source, options: &Options) -> Result<Document> {
    let kind = sniff(bytes, source.extension.as_deref());
    let mut document =
        match kind {
            Kind::Pdf => pdf::document(worker::parse_pdf(bytes, options), bytes, source)?,
            Kind::Docx => docx::document(worker::parse_docx(bytes, options), source)?,
            Kind::Markdown => markdown::extract(&text::decode(bytes, source)?),
            Kind::Text => text::extract(&text::decode(bytes, source)?),
            Kind::JsonResume => json_resume::extract(&text::decode(bytes, source)?).map_err(
                |detail| Error::Damaged {
                    path: source.display.clone(),
                    format: "JSON Resume",
                    detail,
                    advice: "check it with a JSON validator, or export the resume as PDF or DOCX",
                },
            )?,
            Kind::Refused(detail) => {
                return Err(Error::Unsupported {
                    path: source.display.clone(),
                    detail,
                });
            }
        };
    let repairs = clean::repair_lines(&mut document.lines);
    ensure_text(&document, &repairs, source)?;
    document.warnings.extend(repairs.warnings());
    document.warnings.extend(sparse_text_warning(&document));
    Ok(document)
}

/// Fewer letters and digits per page than this suggests pages that are images.
const MIN_CHARACTERS_PER_PAGE: usize = 150;

fn sparse_text_warning(document: &Document) -> Option<String> {
    let pages = document.pages.filter(|&p| p > 0)?;
    let characters = document.word_characters();
    (characters < pages * MIN_CHARACTERS_PER_PAGE).then(|| {
        format!(
            "very little text for {pages} page{} ({characters} letters and digits): some pages may be images, which skillgap cannot read",
            if pages == 1 { "" } else { "s" }
        )
    })
}

/// When more than this share of characters are glyphs without a letter behind them, the text
/// is unreadable, and an analysis of it would wrongly say "no skills".
const MAX_UNMAPPED_SHARE: f64 = 0.3;

fn ensure_text(document: &Document, repairs: &clean::Repairs, source: &Source) -> Result<()> {
    let characters = document.word_characters();
    let unmapped = repairs.unmapped_glyphs as f64;
    if characters >= MIN_WORD_CHARACTERS
        && unmapped <= MAX_UNMAPPED_SHARE * (unmapped + characters as f64)
    {
        return Ok(());
    }
    if characters >= MIN_WORD_CHARACTERS {
        return Err(Error::NoText {
            path: source.display.clone(),
            detail: format!(
                "most of the text is glyphs that cannot be mapped to letters ({} of {} characters; its fonts lack a Unicode map)",
                repairs.unmapped_glyphs,
                repairs.unmapped_glyphs + characters
            ),
            advice: "export the resume again with standard fonts, or save it as DOCX",
        });
    }
    let (detail, advice) = match (document.format, characters) {
        (Format::Pdf, _) => (
            "the PDF has no text layer (the letters are images or drawn outlines, as in a scan)"
                .to_string(),
            "export the resume again from your editor as a PDF with text, or run OCR first (for example ocrmypdf)",
        ),
        (_, 0) if document.lines.iter().all(|l| l.text.trim().is_empty()) => (
            "the file is empty".to_string(),
            "pass the resume file itself",
        ),
        (format, n) => (
            format!("the {format} holds only {n} letters or digits, too little to analyze"),
            "pass the full resume",
        ),
    };
    Err(Error::NoText {
        path: source.display.clone(),
        detail,
        advice,
    })
}

enum Kind {
    Pdf,
    Docx,
    Markdown,
    Text,
    JsonResume,
    Refused(String),
}

/// Decides how to read the bytes: content beats extension.
fn sniff(bytes: &[u8], extension: Option<&str>) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Docx;
    }
    if let Some(what) = known_binary(bytes) {
        return Kind::Refused(what);
    }
    match extension {
        Some("pdf") => Kind::Pdf,
        Some("docx") => Kind::Docx,
        Some("md" | "markdown") => Kind::Markdown,
        Some("json") => Kind::JsonResume,
        _ if json_resume::looks_like_json_resume(bytes) => Kind::JsonResume,
        _ if text::looks_binary(bytes) => {
            Kind::Refused(
                "the file is binary data, not a resume document; save the resume as PDF, DOCX, Markdown or plain text"
                    .to_string(),
            )
        }
        Some("txt" | "text") => Kind::Text,
        _ if markdown::looks_like_markdown(bytes) => Kind::Markdown,
        _ => Kind::Text,
    }
}

fn known_binary(bytes: &[u8]) -> Option<String> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "this is a legacy Word 97-2003 .doc (or another OLE2 file), not a DOCX; open it in Word or LibreOffice and save it as .docx or PDF",
        ),
        (
            b"{\\rtf",
            "this is an RTF file, which skillgap does not read; save it as .docx or PDF",
        ),
        (
            b"\x89PNG",
            "this is a PNG image; skillgap reads text, not pictures of text (OCR is not supported)",
        ),
        (
            b"\xFF\xD8\xFF",
            "this is a JPEG image; skillgap reads text, not pictures of text (OCR is not supported)",
        ),
        (b"GIF8", "this is a GIF image, not a resume document"),
        (
            b"\x7FELF",
            "this is a program (ELF executable), not a resume document",
        ),
        (b"\x1F\x8B", "this is a gzip archive; unpack it first"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| (*what).to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(ext: Option<&str>) -> Source {
        Source {
            display: std::path::PathBuf::from("cv"),
            extension: ext.map(str::to_string),
        }
    }

    #[test]
    fn plain_text_keeps_line_numbers() {
        let doc = extract_bytes(
            b"Jane Doe\n\nLinux administrator since 2015\n",
            &source(None),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(doc.format, Format::Text);
        assert_eq!(doc.lines[2].text, "Linux administrator since 2015");
    }

    #[test]
    fn empty_input_is_no_text() {
        let err = extract_bytes(b"", &source(Some("txt")), &Options::default()).unwrap_err();
        assert!(matches!(err, Error::NoText { .. }));
        assert!(err.to_string().contains("the file is empty"));
    }

    #[test]
    fn legacy_doc_renamed_to_docx_is_refused_with_advice() {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.resize(4096, 0);
        let err = extract_bytes(&bytes, &source(Some("docx")), &Options::default()).unwrap_err();
        assert!(err.to_string().contains("legacy Word 97-2003 .doc"));
        assert_eq!(err.exit_status().code(), 4);
    }

    #[test]
    fn binary_without_extension_is_refused() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        assert!(matches!(
            extract_bytes(&bytes, &source(None), &Options::default()).unwrap_err(),
            Error::Unsupported { .. }
        ));
    }

    #[test]
    fn pdf_extension_without_pdf_content_is_damaged() {
        let err = extract_bytes(
            b"hello there, this is no PDF at all",
            &source(Some("pdf")),
            &Options::default(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::Damaged { .. }), "{err}");
    }

    #[test]
    fn size_limit_is_enforced_while_reading() {
        let err = read_limited(std::io::repeat(0), 1000, &source(None)).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 1000, .. }));
    }
}
