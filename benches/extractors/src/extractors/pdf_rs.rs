//! pdf-rs (the `pdf` crate) parses PDFs and their content streams but has no text extraction of
//! its own, so this row is the smallest walk over its text operators that gives words: fonts'
//! ToUnicode maps where they have one, bytes as Latin-1 where they do not, a space for a wide
//! `TJ` gap or a move along the line, a newline for a move to another line. Form XObjects are
//! not followed. Its recall measures pdf-rs's parsing plus this walk, not a feature of the crate.

use std::path::Path;

use pdf::content::{Op, TextDrawAdjusted};
use pdf::error::PdfError;
use pdf::file::FileOptions;
use pdf::font::ToUnicodeMap;
use pdf::object::{Page, Resolve, Resources};
use pdf::primitive::Name;

use super::{Extracted, join_pages};

/// A `TJ` adjustment that moves the next glyph right by more than this (thousandths of an em;
/// such moves are negative numbers) separates two words.
const WORD_GAP: f32 = 250.0;

pub fn extract(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let file = FileOptions::cached()
        .load(bytes.to_vec())
        .map_err(|e| e.to_string())?;
    let resolver = file.resolver();
    join_pages(
        file.pages()
            .map(|page| page.and_then(|page| page_text(&page, &resolver))),
    )
}

fn page_text(page: &Page, resolve: &impl Resolve) -> Result<String, PdfError> {
    let Some(content) = &page.contents else {
        return Ok(String::new());
    };
    let resources = page.resources()?;
    let mut text = String::new();
    let mut font = FontDecoder::default();
    for op in content.operations(resolve)? {
        match op {
            Op::TextFont { name, .. } => font = FontDecoder::load(resources, &name, resolve),
            Op::TextDraw { text: string } => font.decode(string.as_bytes(), &mut text),
            Op::TextDrawAdjusted { array } => {
                for item in array {
                    match item {
                        TextDrawAdjusted::Text(string) => font.decode(string.as_bytes(), &mut text),
                        TextDrawAdjusted::Spacing(gap) if gap < -WORD_GAP => text.push(' '),
                        TextDrawAdjusted::Spacing(_) => {}
                    }
                }
            }
            Op::MoveTextPosition { translation } if translation.y == 0.0 => text.push(' '),
            Op::MoveTextPosition { .. }
            | Op::TextNewline
            | Op::SetTextMatrix { .. }
            | Op::BeginText => text.push('\n'),
            _ => {}
        }
    }
    Ok(text)
}

/// How the current font's codes become text.
#[derive(Default)]
struct FontDecoder {
    /// Composite (CID) fonts use two-byte codes, simple fonts one byte.
    two_byte: bool,
    to_unicode: Option<ToUnicodeMap>,
}

impl FontDecoder {
    /// A font that cannot be loaded decodes as a simple font without a map.
    fn load(resources: &Resources, name: &Name, resolve: &impl Resolve) -> Self {
        let Some(Ok(font)) = resources.fonts.get(name).map(|font| font.load(resolve)) else {
            return FontDecoder::default();
        };
        FontDecoder {
            two_byte: font.is_cid(),
            to_unicode: font.to_unicode(resolve).and_then(Result::ok),
        }
    }

    fn decode(&self, bytes: &[u8], out: &mut String) {
        let codes: Vec<u16> = if self.two_byte {
            bytes
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect()
        } else {
            bytes.iter().map(|&byte| u16::from(byte)).collect()
        };
        for code in codes {
            match self.to_unicode.as_ref().and_then(|map| map.get(code)) {
                Some(unicode) => out.push_str(unicode),
                // Latin-1 agrees with the standard encodings on ASCII, most of a resume.
                None if !self.two_byte => out.push(char::from(code as u8)),
                None => {}
            }
        }
    }
}
