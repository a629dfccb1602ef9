//! docx-rs reads a package into a model of the document; its text is what a walk over the model
//! finds: body paragraphs and their runs, tracked insertions and moves, hyperlinks, content
//! controls, tables cell by cell (nested ones too), text boxes inside drawings, and the headers and
//! footers the reader attaches to the document's section. Deleted text is left out, as in Word.

use std::path::Path;

use docx_rs::{
    DocumentChild, DrawingData, Footer, FooterChild, Header, HeaderChild, InsertChild, MoveToChild,
    Paragraph, ParagraphChild, Run, RunChild, SectionProperty, StructuredDataTag,
    StructuredDataTagChild, Table, TableCellContent, TableChild, TableRowChild,
    TextBoxContentChild,
};

use super::Extracted;

pub fn docx_rs(_: &Path, bytes: &[u8]) -> Result<Extracted, String> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| e.to_string())?;
    let mut text = String::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => paragraph_text(paragraph, &mut text),
            DocumentChild::Table(table) => table_text(table, &mut text),
            DocumentChild::StructuredDataTag(tag) => tag_text(tag, &mut text),
            _ => {}
        }
    }
    headers_and_footers_text(&docx.document.section_property, &mut text);
    Ok(Extracted { text, pages: None })
}

fn headers_and_footers_text(section: &SectionProperty, out: &mut String) {
    let headers = [&section.header, &section.first_header, &section.even_header];
    for (_, header) in headers.into_iter().flatten() {
        header_text(header, out);
    }
    let footers = [&section.footer, &section.first_footer, &section.even_footer];
    for (_, footer) in footers.into_iter().flatten() {
        footer_text(footer, out);
    }
}

fn header_text(header: &Header, out: &mut String) {
    for child in &header.children {
        match child {
            HeaderChild::Paragraph(paragraph) => paragraph_text(paragraph, out),
            HeaderChild::Table(table) => table_text(table, out),
            HeaderChild::StructuredDataTag(tag) => tag_text(tag, out),
        }
    }
}

fn footer_text(footer: &Footer, out: &mut String) {
    for child in &footer.children {
        match child {
            FooterChild::Paragraph(paragraph) => paragraph_text(paragraph, out),
            FooterChild::Table(table) => table_text(table, out),
            FooterChild::StructuredDataTag(tag) => tag_text(tag, out),
        }
    }
}

fn paragraph_text(paragraph: &Paragraph, out: &mut String) {
    for child in &paragraph.children {
        paragraph_child_text(child, out);
    }
    out.push('\n');
}

fn paragraph_child_text(child: &ParagraphChild, out: &mut String) {
    match child {
        ParagraphChild::Run(run) => run_text(run, out),
        ParagraphChild::Insert(insert) => {
            for child in &insert.children {
                if let InsertChild::Run(run) = child {
                    run_text(run, out);
                }
            }
        }
        ParagraphChild::MoveTo(moved) => {
            for child in &moved.children {
                if let MoveToChild::Run(run) = child {
                    run_text(run, out);
                }
            }
        }
        ParagraphChild::Hyperlink(link) => {
            for child in &link.children {
                paragraph_child_text(child, out);
            }
        }
        ParagraphChild::StructuredDataTag(tag) => tag_text(tag, out),
        _ => {}
    }
}

fn run_text(run: &Run, out: &mut String) {
    for child in &run.children {
        match child {
            RunChild::Text(text) => out.push_str(&text.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            RunChild::Drawing(drawing) => {
                if let Some(DrawingData::TextBox(text_box)) = &drawing.data {
                    for child in &text_box.children {
                        match child {
                            TextBoxContentChild::Paragraph(paragraph) => {
                                paragraph_text(paragraph, out)
                            }
                            TextBoxContentChild::Table(table) => table_text(table, out),
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn table_text(table: &Table, out: &mut String) {
    for TableChild::TableRow(row) in &table.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(paragraph) => paragraph_text(paragraph, out),
                    TableCellContent::Table(table) => table_text(table, out),
                    TableCellContent::StructuredDataTag(tag) => tag_text(tag, out),
                    TableCellContent::TableOfContents(_) => {}
                }
            }
        }
    }
}

/// A content control (`w:sdt`) can hold runs, paragraphs or tables.
fn tag_text(tag: &StructuredDataTag, out: &mut String) {
    for child in &tag.children {
        match child {
            StructuredDataTagChild::Run(run) => run_text(run, out),
            StructuredDataTagChild::Paragraph(paragraph) => paragraph_text(paragraph, out),
            StructuredDataTagChild::Table(table) => table_text(table, out),
            StructuredDataTagChild::StructuredDataTag(tag) => tag_text(tag, out),
            _ => {}
        }
    }
}
