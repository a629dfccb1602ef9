//! PDF text through `pdf_oxide`, which kept column order and recall on real resume PDFs where
//! others garbled or crashed, and `pdfboss-output` for a file pdf_oxide fails on: it never
//! panicked, crashed or hung on a damaged or hostile PDF (README, "Dependencies";
//! benches/extractors).

use pdf_oxide::document::PdfDocument;

use super::document::{Document, Format, MIN_WORD_CHARACTERS, Source, TextLine};
use super::guard::{self, Failure, one_line};
use super::layout::{Glyph, TextBox, guess_columns, separate_words, words_run_together};
use crate::error::{Error, Result};

/// More pages than any resume has; a hostile file can claim millions.
const MAX_PAGES: usize = 200;
/// More objects than any resume has (one with embedded fonts has a few thousand); every
/// object costs memory and time however small the file.
const MAX_OBJECTS: usize = 100_000;

const ADVICE: &str = "export it again as PDF from the program that made it, or save it as DOCX";

/// What the parser made of a PDF; it crosses the boundary of the worker process as JSON.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    Text {
        pages: usize,
        text: Vec<String>,
        generator: Option<String>,
        /// Unknown when the second parser read the file.
        columns: Option<usize>,
        /// Why the text may be less complete than usual.
        note: Option<String>,
    },
    Encrypted,
    TooManyPages(usize),
    TooManyObjects(usize),
    TimedOut(String),
    Failed(String),
}

/// The document the parsers read from `bytes`, or the error that says why there is none.
pub fn document(
    parsed: Result<Outcome, Failure>,
    bytes: &[u8],
    source: &Source,
) -> Result<Document> {
    let outcome = match parsed {
        Ok(outcome) => outcome,
        Err(failure @ Failure::TimedOut) => Outcome::TimedOut(failure.to_string()),
        Err(failure) => Outcome::Failed(failure.to_string()),
    };
    match outcome {
        Outcome::Text { text, .. }
            if is_truncated(bytes) && text.iter().all(|t| t.trim().is_empty()) =>
        {
            Err(Error::Damaged {
                path: source.display.clone(),
                format: "PDF",
                detail: "it ends before its end-of-file marker, so it was cut short".into(),
                advice: ADVICE,
            })
        }
        Outcome::Text {
            pages,
            text,
            generator,
            columns,
            note,
        } => {
            let lines = text
                .iter()
                .flat_map(|page| page.lines())
                .map(TextLine::plain)
                .collect();
            let mut document = Document::new(Format::Pdf, lines);
            document.pages = Some(pages);
            document.columns = columns;
            document.generator = generator;
            document.warnings.extend(note);
            if is_truncated(bytes) {
                document.warnings.push(
                    "the PDF ends before its end-of-file marker, so some text may be missing"
                        .into(),
                );
            }
            Ok(document)
        }
        Outcome::Encrypted => Err(Error::Encrypted {
            path: source.display.clone(),
        }),
        Outcome::TooManyPages(pages) => Err(over_limit(
            source,
            format!("claims {pages} pages, more than {MAX_PAGES}"),
        )),
        Outcome::TooManyObjects(objects) => Err(over_limit(
            source,
            format!("has {objects} objects, more than {MAX_OBJECTS}"),
        )),
        Outcome::TimedOut(detail) => Err(over_limit(source, detail)),
        Outcome::Failed(detail) => Err(Error::Damaged {
            path: source.display.clone(),
            format: "PDF",
            detail,
            advice: ADVICE,
        }),
    }
}

fn over_limit(source: &Source, detail: String) -> Error {
    Error::OverLimit {
        path: source.display.clone(),
        format: "PDF",
        detail,
        advice: ADVICE,
    }
}

/// A complete PDF ends with `%%EOF` (give or take trailing whitespace or junk); one cut short
/// in a download or an upload does not.
fn is_truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    !tail.windows(5).any(|w| w == b"%%EOF")
}

pub fn read_pages(bytes: Vec<u8>) -> Outcome {
    let document = match PdfDocument::from_bytes(bytes) {
        Ok(document) => document,
        Err(e) => return Outcome::Failed(one_line(&e.to_string())),
    };
    if document.is_encrypted() && !matches!(document.authenticate(b""), Ok(true)) {
        return Outcome::Encrypted;
    }
    let objects = document.all_object_ids().len();
    if objects > MAX_OBJECTS {
        return Outcome::TooManyObjects(objects);
    }
    let pages = match document.page_count() {
        Ok(0) => return Outcome::Failed("it has no pages".into()),
        Ok(n) if n > MAX_PAGES => return Outcome::TooManyPages(n),
        Ok(n) => n,
        Err(e) => return Outcome::Failed(one_line(&e.to_string())),
    };
    let mut text = Vec::with_capacity(pages);
    let mut columns = 1;
    let mut first_error = None;
    for page in 0..pages {
        match document.extract_text(page) {
            Ok(page_text) => {
                text.push(separate_words(
                    &page_text,
                    &words_run_together(&glyphs(&document, page)),
                ));
                columns = columns.max(page_columns(&document, page));
            }
            Err(e) => {
                first_error.get_or_insert_with(|| one_line(&e.to_string()));
            }
        }
    }
    match first_error {
        Some(error) if text.is_empty() => Outcome::Failed(error),
        _ => Outcome::Text {
            pages,
            columns: Some(columns),
            note: None,
            generator: document
                .document_producer()
                .or_else(|| document.document_creator()),
            text,
        },
    }
}

/// pdf_oxide first; when it fails or panics on a damaged file, the second parser, whose text
/// is kept only if there is some. Each runs behind the guard.
pub fn read_with_fallback(bytes: Vec<u8>) -> Outcome {
    first_that_reads(bytes, read_pages, read_pages_again)
}

fn first_that_reads(
    bytes: Vec<u8>,
    first: fn(Vec<u8>) -> Outcome,
    second: fn(Vec<u8>) -> Outcome,
) -> Outcome {
    let copy = bytes.clone();
    let reason = match guard::contain(move || first(copy)) {
        Ok(Outcome::Failed(reason)) => reason,
        Ok(outcome) => return outcome,
        Err(failure @ Failure::Panicked(_)) => failure.to_string(),
        Err(failure @ Failure::TimedOut) => return Outcome::TimedOut(failure.to_string()),
        Err(failure) => return Outcome::Failed(failure.to_string()),
    };
    // The second parser answers "ok" with no text for a file it cannot make sense of: below
    // the no-text rule's minimum that is no rescue.
    match guard::contain(move || second(bytes)) {
        Ok(Outcome::Text {
            pages,
            text,
            generator,
            columns,
            ..
        }) if characters(&text) >= MIN_WORD_CHARACTERS => Outcome::Text {
            pages,
            text,
            generator,
            columns,
            note: Some(format!(
                "the PDF is damaged ({reason}); its text comes from a second parser and may be incomplete"
            )),
        },
        _ => Outcome::Failed(reason),
    }
}

fn characters(text: &[String]) -> usize {
    text.iter()
        .flat_map(|page| page.chars())
        .filter(|c| c.is_alphanumeric())
        .count()
}

/// The second parser. It opens files encrypted with an empty user password by itself.
fn read_pages_again(bytes: Vec<u8>) -> Outcome {
    let document = match pdfboss_core::Document::load(bytes) {
        Ok(document) => document,
        Err(e) => return Outcome::Failed(one_line(&e.to_string())),
    };
    let pages = match document.page_count() {
        0 => return Outcome::Failed("it has no pages".into()),
        n if n > MAX_PAGES => return Outcome::TooManyPages(n),
        n => n,
    };
    let text = (0..pages)
        .filter_map(|index| {
            let page = document.page(index).ok()?;
            pdfboss_output::extract_text(&document, &page, pdfboss_output::ReadingOrder::Content)
                .ok()
        })
        .collect();
    Outcome::Text {
        pages,
        text,
        generator: None,
        columns: None,
        note: None,
    }
}

/// The characters with their positions; pdf_oxide derives them from the spans it cached for
/// the text, so this costs little more.
fn glyphs(document: &PdfDocument, page: usize) -> Vec<Glyph> {
    document
        .extract_chars(page)
        .unwrap_or_default()
        .iter()
        .map(|c| Glyph {
            char: c.char,
            left: c.bbox.x,
            right: c.bbox.x + c.bbox.width,
            baseline: c.bbox.y,
            size: c.font_size,
        })
        .collect()
}

/// The spans were read (and cached by pdf_oxide) for the text, so this costs little more.
fn page_columns(document: &PdfDocument, page: usize) -> usize {
    let Ok(spans) = document.extract_spans(page) else {
        return 1;
    };
    let boxes: Vec<TextBox> = spans
        .iter()
        .map(|span| TextBox {
            left: span.bbox.x,
            right: span.bbox.x + span.bbox.width,
            characters: span.text.chars().filter(|c| c.is_alphanumeric()).count(),
        })
        .collect();
    guess_columns(&boxes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(characters: usize) -> Outcome {
        Outcome::Text {
            pages: 1,
            text: vec!["k".repeat(characters)],
            generator: None,
            columns: None,
            note: None,
        }
    }

    fn fails(_: Vec<u8>) -> Outcome {
        Outcome::Failed("broken xref".into())
    }

    fn panics(_: Vec<u8>) -> Outcome {
        panic!("index out of bounds")
    }

    fn reads(_: Vec<u8>) -> Outcome {
        text_of(400)
    }

    fn reads_nothing(_: Vec<u8>) -> Outcome {
        text_of(0)
    }

    #[test]
    fn the_second_parser_rescues_a_file_the_first_fails_or_panics_on() {
        for first in [fails, panics] {
            let Outcome::Text { note, .. } = first_that_reads(Vec::new(), first, reads) else {
                panic!("the second parser's text is kept");
            };
            assert!(note.unwrap().contains("second parser"));
        }
    }

    #[test]
    fn the_first_parsers_answer_stands_when_it_reads() {
        let outcome = first_that_reads(Vec::new(), reads, panics);
        assert!(matches!(outcome, Outcome::Text { note: None, .. }));
    }

    #[test]
    fn no_text_from_the_second_parser_keeps_the_first_reason() {
        let outcome = first_that_reads(Vec::new(), fails, reads_nothing);
        assert!(matches!(outcome, Outcome::Failed(reason) if reason == "broken xref"));
        let outcome = first_that_reads(Vec::new(), panics, panics);
        assert!(
            matches!(outcome, Outcome::Failed(reason) if reason.contains("index out of bounds"))
        );
    }
}
