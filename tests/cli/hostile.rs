//! Hostile files: each must end in one clean error line with a documented code, in bounded time,
//! never a crash (101 is a panic, 134 an abort, 139 a segfault) or a hang. Inputs are built here.

use std::io::Write;

use crate::util::{fixture, run};

/// Writes `bytes` to a file named `name` in a fresh temporary folder.
fn hostile_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

/// A one-page PDF whose catalog holds `catalog_extra`, with a correct cross-reference table.
fn pdf_with(catalog_extra: &[u8], content: &[u8], filter: &str) -> Vec<u8> {
    pdf_claiming(catalog_extra, content, filter, 1, 0)
}

/// As [`pdf_with`], but its page tree lists the page `pages` times, and its cross-reference table lists
/// `phantom_objects` more objects (all at the offset of the content stream) than it holds.
fn pdf_claiming(
    catalog_extra: &[u8],
    content: &[u8],
    filter: &str,
    pages: usize,
    phantom_objects: usize,
) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, body: Vec<u8>| {
        offsets.push(pdf.len());
        let number = offsets.len();
        pdf.extend(format!("{number} 0 obj\n").as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    };
    let mut catalog = b"<< /Type /Catalog /Pages 2 0 R ".to_vec();
    catalog.extend(catalog_extra);
    catalog.extend(b" >>");
    object(&mut pdf, catalog);
    object(
        &mut pdf,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            ["3 0 R"; 1].repeat(pages).join(" ")
        )
        .into_bytes(),
    );
    object(
        &mut pdf,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
          /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
            .to_vec(),
    );
    let mut stream = format!("<< /Length {} {filter} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content);
    stream.extend(b"\nendstream");
    object(&mut pdf, stream);
    let stream_offset = *offsets.last().unwrap();
    offsets.extend(std::iter::repeat_n(stream_offset, phantom_objects));
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for offset in &offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

const SOME_TEXT: &[u8] =
    b"BT /F1 12 Tf 72 700 Td (Kubernetes and Terraform on AWS for five years) Tj ET";

#[test]
fn a_pdf_of_a_thousand_pages_is_over_a_limit() {
    let pdf = pdf_claiming(b"", SOME_TEXT, "", 1000, 0);
    let (_dir, path) = hostile_file("pages.pdf", &pdf);
    let failed = run(&["analyze", &path]);
    let message = failed.failure(7, &path);
    assert!(message.contains("claims 1000 pages"), "{message}");
}

#[test]
fn a_pdf_listing_150_000_objects_is_over_a_limit() {
    let pdf = pdf_claiming(b"", SOME_TEXT, "", 1, 150_000);
    let (_dir, path) = hostile_file("objects.pdf", &pdf);
    let failed = run(&["analyze", &path]);
    let message = failed.failure(7, &path);
    assert!(message.contains("objects, more than"), "{message}");
}

fn deflate_zeros(length: usize) -> Vec<u8> {
    use flate2::{Compression, write::ZlibEncoder};
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..length / chunk.len() {
        encoder.write_all(&chunk).unwrap();
    }
    encoder.finish().unwrap()
}

#[test]
fn deeply_nested_pdf_arrays_end_in_a_clean_error() {
    let depth = 1_000_000;
    let mut nested = b"/Deep ".to_vec();
    nested.extend(std::iter::repeat_n(b'[', depth));
    nested.extend(std::iter::repeat_n(b']', depth));
    let (_dir, path) = hostile_file("deep.pdf", &pdf_with(&nested, b"", ""));
    let failed = run(&["analyze", &path]);
    let message = failed.failure(4, &path);
    assert!(message.contains("crashed the parser"), "{message}");
}

#[test]
fn a_flate_bomb_in_a_pdf_is_bounded() {
    // 64 MB of NUL bytes (whitespace to a PDF parser) that compress a thousandfold.
    let bomb = deflate_zeros(64 * 1024 * 1024);
    let (_dir, path) = hostile_file("bomb.pdf", &pdf_with(b"", &bomb, "/Filter /FlateDecode"));
    let failed = run(&["analyze", &path]);
    // Whatever the parser makes of it, the answer is a clean refusal: there is no text in it.
    assert!(matches!(failed.code, Some(4 | 5)), "{failed:#?}");
    failed.failure(failed.code.unwrap(), &path);
}

fn docx_with(document_xml: &[u8]) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document_xml).unwrap();
    zip.finish().unwrap();
    buffer.into_inner()
}

#[test]
fn a_zip_bomb_docx_is_refused_as_it_inflates() {
    let mut xml = b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>".to_vec();
    xml.extend(std::iter::repeat_n(b' ', 100 * 1024 * 1024));
    xml.extend(b"</w:t></w:r></w:p></w:body></w:document>");
    let bomb = docx_with(&xml);
    drop(xml);
    assert!(bomb.len() < 1024 * 1024, "the bomb is small on disk");
    let (_dir, path) = hostile_file("bomb.docx", &bomb);
    let failed = run(&["analyze", &path]);
    let message = failed.failure(7, &path);
    assert!(message.contains("inflates to more than 64 MB"), "{message}");
}

#[test]
fn a_docx_that_lies_about_its_sizes_is_refused() {
    let text = b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Linux and Terraform every day</w:t></w:r></w:p></w:body></w:document>";
    let mut lying = docx_with(text);
    // Claim 1 byte uncompressed in every header of word/document.xml.
    let name = b"word/document.xml";
    let mut at = 0;
    while let Some(found) = lying[at..].windows(name.len()).position(|w| w == name) {
        let start = at + found;
        let is_local = start >= 30 && lying[start - 30..start - 26] == *b"PK\x03\x04";
        let is_central = start >= 46 && lying[start - 46..start - 42] == *b"PK\x01\x02";
        let size_field = if is_local {
            Some(start - 30 + 22)
        } else if is_central {
            Some(start - 46 + 24)
        } else {
            None
        };
        if let Some(field) = size_field {
            lying[field..field + 4].copy_from_slice(&1u32.to_le_bytes());
        }
        at = start + name.len();
    }
    let (_dir, path) = hostile_file("lying.docx", &lying);
    let failed = run(&["analyze", &path]);
    assert!(matches!(failed.code, Some(0 | 4 | 5)), "{failed:#?}");
    if failed.code != Some(0) {
        failed.failure(failed.code.unwrap(), &path);
    }
}

#[test]
fn a_truncated_docx_is_damaged() {
    let whole = std::fs::read(crate::util::root().join(fixture("sysadmin.docx"))).unwrap();
    let (_dir, path) = hostile_file("cut.docx", &whole[..whole.len() / 2]);
    run(&["analyze", &path]).failure(4, &path);
}

#[test]
fn a_pdf_locked_with_a_password_says_so() {
    let path = fixture("hostile/encrypted-password.pdf");
    let failed = run(&["analyze", &path]);
    let message = failed.failure(4, &path);
    assert!(message.contains("protected by a password"), "{message}");
}

#[test]
fn pdfs_encrypted_without_a_user_password_open() {
    for name in [
        "encrypted-no-user-password.pdf",
        "encrypted-rc4-no-user-password.pdf",
    ] {
        let path = fixture(&format!("hostile/{name}"));
        let out = run(&["analyze", &path, "--format", "json"]);
        let report: serde_json::Value = serde_json::from_str(out.success()).unwrap();
        assert_eq!(report["document"]["format"], "pdf", "{name}");
        assert!(
            report["document"]["characters"].as_u64().unwrap() > 500,
            "{name}"
        );
    }
}

#[test]
fn dev_zero_does_not_hang() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let failed = run(&["analyze", "/dev/zero", "--max-bytes", "1000000"]);
    assert_eq!(failed.code, Some(7), "{failed:#?}");
}
