//! Plain text: decoding from the encodings resumes are saved in.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::document::{Document, Format, Source, TextLine};
use crate::error::Result;

/// Decodes UTF-8 (with or without BOM), UTF-16 with BOM, and otherwise Windows-1252, the
/// superset of Latin-1 that Windows editors write.
pub fn decode(bytes: &[u8], _source: &Source) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(UTF_16LE.decode_without_bom_handling(rest).0.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(UTF_16BE.decode_without_bom_handling(rest).0.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => Ok(WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
    }
}

/// Text that is mostly control bytes or holds NUL bytes is data, not a resume. UTF-16 with a
/// BOM is the one text with NUL bytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > sample.len()
}

/// Lines as a person counts them: a final newline ends the last line rather than starting an
/// empty one.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

pub fn extract(text: &str) -> Document {
    Document::new(
        Format::Text,
        split_lines(text).map(TextLine::plain).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> String {
        decode(bytes, &Source::stdin()).unwrap()
    }

    #[test]
    fn encodings_are_decoded() {
        assert_eq!(decoded(b"\xEF\xBB\xBFLinux"), "Linux");
        assert_eq!(decoded(b"\xFF\xFEL\0i\0"), "Li");
        assert_eq!(decoded(b"\xFE\xFF\0L\0i"), "Li");
        assert_eq!(decoded(b"caf\xE9 \x96 r\xF4le"), "café – rôle");
        assert_eq!(decoded("café".as_bytes()), "café");
    }

    #[test]
    fn crlf_lines_lose_their_carriage_return() {
        let lines: Vec<_> = split_lines("a\r\nb\r\n").collect();
        assert_eq!(lines, ["a", "b"]);
        let lines: Vec<_> = split_lines("a\n\nb").collect();
        assert_eq!(lines, ["a", "", "b"]);
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"abc\0def"));
        assert!(!looks_binary(b"plain resume text\n"));
        assert!(!looks_binary(b"\xFF\xFEa\0"));
    }
}
