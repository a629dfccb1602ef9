//! Any bytes, read as standard input is (no extension): format sniffing, text decoding
//! (UTF-8, UTF-16, Windows-1252), Markdown and JSON Resume.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    skillgap_fuzz::check_extraction(data, None);
});
