//! The PDF crates, each called through its own text extraction.

use std::io::Cursor;
use std::path::Path;

use super::{Extracted, join_pages};

/// Exactly as skillgap's `src/extract/pdf.rs` calls it, without skillgap's repairs.
pub fn pdf_oxide(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let document =
        pdf_oxide::document::PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| e.to_string())?;
    if document.is_encrypted() && !matches!(document.authenticate(b""), Ok(true)) {
        return Err("encrypted, and the empty password does not open it".into());
    }
    let pages = document.page_count().map_err(|e| e.to_string())?;
    join_pages((0..pages).map(|page| document.extract_text(page)))
}

/// `Document::load` opens files encrypted with an empty user password by itself.
pub fn pdfboss(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let document = pdfboss_core::Document::load(bytes.to_vec()).map_err(|e| e.to_string())?;
    join_pages((0..document.page_count()).map(|index| {
        let page = document.page(index)?;
        pdfboss_output::extract_text(&document, &page, pdfboss_output::ReadingOrder::Content)
    }))
}

/// The whole document at once; the crate tries the empty password itself.
pub fn pdf_extract(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let text = pdf_extract::extract_text_from_mem(bytes).map_err(|e| e.to_string())?;
    Ok(Extracted { text, pages: None })
}

pub fn lopdf(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let mut document = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    if document.is_encrypted() {
        document.decrypt("").map_err(|e| e.to_string())?;
    }
    let pages: Vec<u32> = document.get_pages().into_keys().collect();
    join_pages(pages.iter().map(|&page| document.extract_text(&[page])))
}

pub fn unpdf(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let document = unpdf::parse_bytes(bytes).map_err(|e| e.to_string())?;
    Ok(Extracted {
        text: document.plain_text(),
        pages: Some(document.pages.len()),
    })
}

/// The reader unlocks files with an empty user password as it opens them.
pub fn oxidize_pdf(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let reader = oxidize_pdf::parser::PdfReader::new(Cursor::new(bytes.to_vec()))
        .map_err(|e| e.to_string())?;
    let pages = oxidize_pdf::parser::PdfDocument::new(reader)
        .extract_text()
        .map_err(|e| e.to_string())?;
    Ok(Extracted {
        pages: Some(pages.len()),
        text: pages
            .into_iter()
            .map(|page| page.text)
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

pub fn pdf_text_extract(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let mut document =
        pdf_text_extract::document::Document::parse(bytes).map_err(|e| e.to_string())?;
    let pages = document.page_count().map_err(|e| e.to_string())?;
    join_pages((0..pages).map(|page| document.extract_page_text_string(page)))
}

/// Its plain `extract_text`: words joined by spaces, lines by newlines.
pub fn pdfraw(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let document = pdfraw::Document::from_bytes(bytes).map_err(|e| e.to_string())?;
    join_pages(
        document
            .pages()
            .map(|page| page.and_then(|page| page.extract_text())),
    )
}

/// The crate opens only paths, and parses every page as it opens the file.
pub fn pdfsink(path: &Path, _: &[u8]) -> Result<Extracted, String> {
    let document = pdfsink_rs::PdfDocument::open(path).map_err(|e| e.to_string())?;
    let pages: Vec<String> = document
        .pages()
        .iter()
        .map(|page| page.extract_text())
        .collect();
    Ok(Extracted {
        pages: Some(pages.len()),
        text: pages.join("\n"),
    })
}
