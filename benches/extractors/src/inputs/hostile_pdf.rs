//! Hostile PDFs built at run time, each a valid one-page PDF with a line of text plus one trap,
//! so that a crate that survives the trap can still show the text. The shapes follow
//! `tests/cli/hostile.rs`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::ZlibEncoder;

const DEPTH: usize = 100_000;
const BOMB_BYTES: usize = 1024 * 1024 * 1024;
const CLAIMED_OBJECTS: usize = 10_000_000;
const CLAIMED_PAGES: u64 = 2_000_000_000;
const TEXT: &[u8] = b"BT /F1 12 Tf 72 720 Td (Linux and Terraform on every host) Tj ET\n";

/// Writes every hostile PDF into `dir`.
pub fn write_all(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let files = [
        ("nested-arrays", nested_arrays()),
        ("nested-dictionaries", nested_dictionaries()),
        ("flate-bomb", flate_bomb()?),
        ("page-tree-cycle", page_tree_cycle()),
        ("xref-claims-10m-objects", huge_xref()),
        ("count-2e9-pages", huge_page_count()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, bytes)?;
        paths.push(path);
    }
    Ok(paths)
}

/// The parts of the one-page PDF that a trap may change.
struct OnePage {
    catalog_extra: Vec<u8>,
    pages: Vec<u8>,
    content: Vec<u8>,
    extra_objects: Vec<Vec<u8>>,
    claimed_objects: Option<usize>,
}

impl Default for OnePage {
    fn default() -> Self {
        OnePage {
            catalog_extra: Vec::new(),
            pages: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            content: stream("", TEXT),
            extra_objects: Vec::new(),
            claimed_objects: None,
        }
    }
}

impl OnePage {
    /// Objects 1 to 5: catalog, page tree, page, content, font; then the extra ones.
    fn build(self) -> Vec<u8> {
        let mut catalog = b"<< /Type /Catalog /Pages 2 0 R ".to_vec();
        catalog.extend(self.catalog_extra);
        catalog.extend(b" >>");
        let page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
            /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>";
        let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
        let mut objects = vec![
            catalog,
            self.pages,
            page.to_vec(),
            self.content,
            font.to_vec(),
        ];
        objects.extend(self.extra_objects);
        assemble(&objects, self.claimed_objects)
    }
}

fn stream(filter: &str, data: &[u8]) -> Vec<u8> {
    let mut stream = format!("<< /Length {} {filter} >>\nstream\n", data.len()).into_bytes();
    stream.extend(data);
    stream.extend(b"\nendstream");
    stream
}

/// Numbers the objects from 1 and writes a cross-reference table; `claimed_objects`, when
/// given, is the object count the table and trailer claim instead of the true one.
fn assemble(objects: &[Vec<u8>], claimed_objects: Option<usize>) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", index + 1).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let size = claimed_objects.unwrap_or(objects.len() + 1);
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

fn nested_arrays() -> Vec<u8> {
    let mut deep = b"/Deep ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', DEPTH));
    deep.extend(std::iter::repeat_n(b']', DEPTH));
    OnePage {
        catalog_extra: deep,
        ..OnePage::default()
    }
    .build()
}

fn nested_dictionaries() -> Vec<u8> {
    let mut deep = b"/Deep ".to_vec();
    deep.extend(b"<< /A ".repeat(DEPTH));
    deep.extend(b"1");
    deep.extend(b" >>".repeat(DEPTH));
    OnePage {
        catalog_extra: deep,
        ..OnePage::default()
    }
    .build()
}

/// The text, then 1 GiB of NUL bytes (whitespace to a content parser), deflated to about 1 MB.
fn flate_bomb() -> io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(TEXT)?;
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..BOMB_BYTES / zeros.len() {
        encoder.write_all(&zeros)?;
    }
    Ok(OnePage {
        content: stream("/Filter /FlateDecode", &encoder.finish()?),
        ..OnePage::default()
    }
    .build())
}

/// The root's second kid is a page tree node whose only kid is the root again.
fn page_tree_cycle() -> Vec<u8> {
    OnePage {
        pages: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>".to_vec(),
        extra_objects: vec![b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>".to_vec()],
        ..OnePage::default()
    }
    .build()
}

fn huge_xref() -> Vec<u8> {
    OnePage {
        claimed_objects: Some(CLAIMED_OBJECTS),
        ..OnePage::default()
    }
    .build()
}

fn huge_page_count() -> Vec<u8> {
    OnePage {
        pages: format!("<< /Type /Pages /Kids [3 0 R] /Count {CLAIMED_PAGES} >>").into_bytes(),
        ..OnePage::default()
    }
    .build()
}
