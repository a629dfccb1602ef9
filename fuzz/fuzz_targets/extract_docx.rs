//! Bytes read as a file named `fuzz.docx`, in two ways:
//!
//! - input that starts with `<` is the XML of `word/document.xml`, which this target packs into
//!   a valid package (stored, with the right checksum): mutations of a real package rarely
//!   survive inflating and its checksums, so without this the fuzzer would hardly reach the
//!   WordprocessingML reader (src/extract/docx.rs);
//! - any other input is the file itself: the zip container, its damage and its lies, or not a
//!   zip at all.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"<") {
        skillgap_fuzz::check_extraction(&package(data), Some("docx"));
    } else {
        skillgap_fuzz::check_extraction(data, Some("docx"));
    }
});

/// A DOCX package whose body is `document_xml`, stored uncompressed.
fn package(document_xml: &[u8]) -> Vec<u8> {
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file("word/document.xml", stored)
        .expect("a stored entry starts");
    writer.write_all(document_xml).expect("a stored entry is written");
    writer.finish().expect("the package is finished").into_inner()
}
