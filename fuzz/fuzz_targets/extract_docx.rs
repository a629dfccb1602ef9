//! Any bytes, read as a file named `fuzz.docx`: content sniffing, then the DOCX reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    skillgap_fuzz::check_extraction(data, Some("docx"));
});
