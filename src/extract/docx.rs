//! DOCX text read straight from the package's XML (zip + quick-xml).
//!
//! A reader of our own covers what resumes use (body paragraphs, tables, headers and footers,
//! text boxes, hyperlinks, tracked insertions) and, unlike docx-rs, neither panics nor loops on
//! damaged files. Inflated sizes are counted as they inflate, since a zip may lie about them.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::document::{Document, Format, Source, TextLine};
use super::guard::{self, Failure, one_line};
use crate::error::{Error, Result};

/// The most XML we inflate from one package; real resumes need well under 2 MB.
const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

const ADVICE: &str =
    "open it in Word or LibreOffice and save it again as .docx, or export it as PDF";

/// What the reader made of a DOCX; it crosses the boundary of the worker process as JSON.
pub type Outcome = Result<Package, Refusal>;

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Package {
    lines: Vec<TextLine>,
    generator: Option<String>,
    columns: usize,
}

/// Why a package was not read.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum Refusal {
    Damaged(String),
    /// Reading it would take more than any resume needs (inflated size, time).
    OverLimit(String),
}

impl From<Failure> for Refusal {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::TimedOut => Refusal::OverLimit(failure.to_string()),
            other => Refusal::Damaged(other.to_string()),
        }
    }
}

/// The document the reader made of a package, or the error that says why there is none.
pub fn document(parsed: Result<Outcome, Failure>, source: &Source) -> Result<Document> {
    let outcome = parsed.unwrap_or_else(|failure| Err(failure.into()));
    let package = outcome.map_err(|refusal| match refusal {
        Refusal::Damaged(detail) => Error::Damaged {
            path: source.display.clone(),
            format: "DOCX",
            detail: one_line(&detail),
            advice: ADVICE,
        },
        Refusal::OverLimit(detail) => Error::OverLimit {
            path: source.display.clone(),
            format: "DOCX",
            detail: one_line(&detail),
            advice: ADVICE,
        },
    })?;
    let mut document = Document::new(Format::Docx, package.lines);
    document.generator = package.generator;
    document.columns = Some(package.columns);
    Ok(document)
}

/// Reads a package behind the guard, so a panic or a runaway read becomes a refusal.
pub fn read_contained(bytes: Vec<u8>) -> Outcome {
    guard::contain(move || read_package(&bytes)).unwrap_or_else(|failure| Err(failure.into()))
}

/// Reads the text of a package.
pub fn read_package(bytes: &[u8]) -> Outcome {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Refusal::Damaged(format!(
            "it is not a valid zip archive, so not a DOCX ({e})"
        ))
    })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|name| name.ok().map(|n| n.into_owned()))
        .collect();
    if !names.iter().any(|n| n == "word/document.xml") {
        return Err(Refusal::Damaged(
            "it is a zip archive without word/document.xml, so not a Word document".into(),
        ));
    }
    let mut budget = MAX_INFLATED_BYTES;
    let mut lines = Vec::new();
    let mut columns = 1;
    for part in parts_in_reading_order(&names) {
        let xml = inflate(&mut archive, &part, &mut budget)?;
        let read = parse_part(&xml)
            .map_err(|e| Refusal::Damaged(format!("{part} is not well-formed XML ({e})")))?;
        lines.extend(read.lines);
        columns = columns.max(read.columns);
    }
    let generator = if names.iter().any(|n| n == "docProps/app.xml") {
        inflate(&mut archive, "docProps/app.xml", &mut budget)
            .ok()
            .and_then(|xml| application_name(&xml))
    } else {
        None
    };
    Ok(Package {
        lines,
        generator,
        columns,
    })
}

/// The `<Application>` of docProps/app.xml ("Microsoft Office Word", "LibreOffice/7.6…").
fn application_name(xml: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(element) => inside = element.local_name().as_ref() == b"Application",
            Event::Text(text) if inside => {
                let name = text.decode().ok()?.trim().to_string();
                return (!name.is_empty()).then_some(name);
            }
            Event::End(_) => inside = false,
            Event::Eof => return None,
            _ => {}
        }
        buffer.clear();
    }
}

/// Headers first (they usually hold the name and contact line), then the body, then footers.
fn parts_in_reading_order(names: &[String]) -> Vec<String> {
    let matching = |prefix: &str| {
        let mut parts: Vec<String> = names
            .iter()
            .filter(|n| {
                n.starts_with(prefix) && n.ends_with(".xml") && !n[prefix.len()..].contains('/')
            })
            .cloned()
            .collect();
        parts.sort_by_key(|n| (n.len(), n.clone()));
        parts
    };
    let mut parts = matching("word/header");
    parts.push("word/document.xml".to_string());
    parts.extend(matching("word/footer"));
    parts
}

fn inflate(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Vec<u8>, Refusal> {
    let entry = archive
        .by_name(name)
        .map_err(|e| Refusal::Damaged(format!("cannot open {name} inside it ({e})")))?;
    let mut xml = Vec::new();
    entry
        .take(*budget + 1)
        .read_to_end(&mut xml)
        .map_err(|e| Refusal::Damaged(format!("cannot inflate {name} ({e})")))?;
    if xml.len() as u64 > *budget {
        return Err(Refusal::OverLimit(format!(
            "inflates to more than {} MB of XML",
            MAX_INFLATED_BYTES / (1024 * 1024)
        )));
    }
    *budget -= xml.len() as u64;
    Ok(xml)
}

#[derive(Default)]
struct Paragraph {
    text: String,
    is_heading: bool,
}

#[derive(Default)]
struct Row {
    cells: Vec<Vec<TextLine>>,
}

/// Walks one WordprocessingML part. Paragraphs nest (a text box sits inside a run of its
/// paragraph) and so do tables, hence the stacks.
#[derive(Default)]
struct Walker {
    lines: Vec<TextLine>,
    paragraphs: Vec<Paragraph>,
    rows: Vec<Row>,
    in_text: bool,
    /// Depth inside content that duplicates other content (`mc:Fallback`) or is not visible text.
    skipping: usize,
    /// Columns of the page layout: a section's `w:cols`, or a layout table's cells.
    columns: usize,
}

impl Walker {
    fn start(&mut self, element: &BytesStart, empty: bool) {
        let name = element.local_name();
        let name = name.as_ref();
        if self.skipping > 0 {
            if !empty {
                self.skipping += 1;
            }
            return;
        }
        match name {
            b"Fallback" | b"delText" | b"instrText" if !empty => self.skipping = 1,
            b"p" if !empty => self.paragraphs.push(Paragraph::default()),
            b"t" if !empty => self.in_text = true,
            b"tab" | b"ptab" => self.push_text(" "),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            b"pStyle" => self.mark_heading(element),
            b"cols" => self.columns = self.columns.max(section_columns(element)),
            b"tr" if !empty => self.rows.push(Row::default()),
            b"tc" if !empty => {
                if let Some(row) = self.rows.last_mut() {
                    row.cells.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"p" => {
                if let Some(paragraph) = self.paragraphs.pop() {
                    for piece in paragraph.text.split('\n') {
                        if !piece.trim().is_empty() {
                            let line = TextLine {
                                text: piece.trim().to_string(),
                                is_heading: paragraph.is_heading,
                            };
                            self.sink().push(line);
                        }
                    }
                }
            }
            b"tr" => {
                if let Some(row) = self.rows.pop() {
                    self.columns = self.columns.max(layout_columns(&row));
                    let lines = render_row(row);
                    self.sink().extend(lines);
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.skipping == 0
            && let Some(paragraph) = self.paragraphs.last_mut()
        {
            paragraph.text.push_str(text);
        }
    }

    fn mark_heading(&mut self, element: &BytesStart) {
        let style = element
            .attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == b"val")
            .map(|a| String::from_utf8_lossy(&a.value).to_ascii_lowercase());
        if let (Some(style), Some(paragraph)) = (style, self.paragraphs.last_mut()) {
            paragraph.is_heading = style.starts_with("heading") || style == "title";
        }
    }

    fn sink(&mut self) -> &mut Vec<TextLine> {
        match self.rows.last_mut().and_then(|row| row.cells.last_mut()) {
            Some(cell) => cell,
            None => &mut self.lines,
        }
    }
}

/// Word's limit on the columns of a section is 45; a hostile file may claim more.
const MAX_SECTION_COLUMNS: usize = 45;

/// `<w:cols w:num="2"/>`: the columns of a section (1 when the attribute is missing).
fn section_columns(element: &BytesStart) -> usize {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"num")
        .and_then(|a| {
            String::from_utf8_lossy(&a.value)
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(1, |n| n.clamp(1, MAX_SECTION_COLUMNS))
}

/// A cell with this many paragraphs is a column of the page, not a field of a table.
const MIN_COLUMN_PARAGRAPHS: usize = 3;

/// A table used for layout (a sidebar beside the main text) has rows whose cells each hold
/// several paragraphs; a table of skills or of dates beside jobs does not.
fn layout_columns(row: &Row) -> usize {
    let columns = row
        .cells
        .iter()
        .filter(|cell| cell.len() >= MIN_COLUMN_PARAGRAPHS)
        .count();
    if columns >= 2 { columns } else { 1 }
}

/// A row of one-line cells reads as one line ("Cloud | AWS, Azure"); a row whose cells hold
/// paragraphs (a two-column layout table) reads cell after cell.
fn render_row(row: Row) -> Vec<TextLine> {
    let simple = row.cells.iter().all(|cell| cell.len() <= 1);
    if simple {
        let text = row
            .cells
            .iter()
            .filter_map(|cell| cell.first())
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        if text.is_empty() {
            Vec::new()
        } else {
            vec![TextLine::plain(text)]
        }
    } else {
        row.cells.into_iter().flatten().collect()
    }
}

/// The text of one part, and the columns its layout shows.
struct PartText {
    lines: Vec<TextLine>,
    columns: usize,
}

fn parse_part(xml: &[u8]) -> Result<PartText, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut walker = Walker {
        columns: 1,
        ..Walker::default()
    };
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer)? {
            Event::Start(element) => walker.start(&element, false),
            Event::Empty(element) => walker.start(&element, true),
            Event::End(element) => walker.end(element.local_name().as_ref()),
            Event::Text(text) if walker.in_text => {
                let decoded = text.decode().map_err(quick_xml::Error::from)?;
                walker.push_text(&decoded);
            }
            Event::GeneralRef(reference) if walker.in_text => {
                let resolved = match reference.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => predefined_entity(&reference.decode().map_err(quick_xml::Error::from)?)
                        .to_string(),
                };
                walker.push_text(&resolved);
            }
            Event::CData(data) if walker.in_text => {
                walker.push_text(&String::from_utf8_lossy(&data));
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    Ok(PartText {
        lines: walker.lines,
        columns: walker.columns,
    })
}

fn predefined_entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Vec<String> {
        parse_part(xml.as_bytes())
            .unwrap()
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn runs_split_inside_a_word_join_up() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Terra</w:t></w:r><w:r><w:t>form &amp; AWS</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(texts(xml), ["Terraform & AWS"]);
    }

    #[test]
    fn simple_table_rows_become_one_line_each() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:tbl>
            <w:tr><w:tc><w:p><w:r><w:t>Cloud</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>AWS, GCP</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>OS</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Linux</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>"#;
        assert_eq!(texts(xml), ["Cloud | AWS, GCP", "OS | Linux"]);
    }

    #[test]
    fn fallback_copies_of_text_boxes_are_not_read_twice() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:r><mc:AlternateContent>
            <mc:Choice><w:txbxContent><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
        </mc:AlternateContent></w:r><w:r><w:t>Skills</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(texts(xml), ["Kubernetes", "Skills"]);
    }

    #[test]
    fn deleted_text_is_left_out_and_breaks_split_lines() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Linux</w:t><w:br/><w:t>Bash</w:t></w:r><w:del><w:r><w:delText>Windows</w:delText></w:r></w:del></w:p></w:body></w:document>"#;
        assert_eq!(texts(xml), ["Linux", "Bash"]);
    }

    #[test]
    fn heading_styles_are_marked() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p></w:body></w:document>"#;
        assert!(parse_part(xml.as_bytes()).unwrap().lines[0].is_heading);
    }

    fn columns(xml: &str) -> usize {
        parse_part(xml.as_bytes()).unwrap().columns
    }

    fn cell(paragraphs: usize) -> String {
        let paragraph = "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p>";
        format!("<w:tc>{}</w:tc>", paragraph.repeat(paragraphs))
    }

    #[test]
    fn a_section_of_two_columns_is_two() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Linux</w:t></w:r></w:p>
            <w:sectPr><w:cols w:num="2" w:space="720"/></w:sectPr></w:body></w:document>"#;
        assert_eq!(columns(xml), 2);
        assert_eq!(
            columns(&xml.replace("w:num=\"2\"", "w:num=\"999999999999\"")),
            45
        );
        assert_eq!(columns(&xml.replace("w:num=\"2\"", "w:num=\"many\"")), 1);
    }

    #[test]
    fn a_layout_table_is_columns_and_a_skills_table_is_not() {
        let table = |cells: &[usize]| {
            let cells: String = cells.iter().map(|&n| cell(n)).collect();
            format!(
                r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr>{cells}</w:tr></w:tbl></w:body></w:document>"#
            )
        };
        assert_eq!(columns(&table(&[5, 12])), 2);
        assert_eq!(columns(&table(&[1, 1])), 1);
        assert_eq!(columns(&table(&[1, 6])), 1, "a date beside a job");
    }

    #[test]
    fn a_malformed_part_is_refused_in_one_line() {
        let xml = "<w:document xmlns:w=\"w\"><w:body/></w:document></w:bo\ny>";
        let package = docx_package(xml);
        let Err(Refusal::Damaged(detail)) = read_package(&package) else {
            panic!("a malformed document.xml is damaged");
        };
        assert!(
            detail.contains('\n'),
            "the parser quotes the broken tag: {detail}"
        );
        let error = Error::Damaged {
            path: "cv.docx".into(),
            format: "DOCX",
            detail: one_line(&detail),
            advice: ADVICE,
        };
        assert!(!error.to_string().contains('\n'), "{error}");
    }

    fn docx_package(document_xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(document_xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        buffer.into_inner()
    }
}
