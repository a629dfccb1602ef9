//! Plain text: decoding from the encodings resumes are saved in.

use std::borrow::Cow;

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

/// Whether bytes (of no known document format) are data rather than text.
///
/// Text is what a person can read, and two kinds of byte say "data": control characters other
/// than tab, line feed, carriage return and form feed, and above all NUL, which no text editor
/// writes. Yet a converter or a bad copy can leave a few NULs in a text (after a word, at a
/// line end). So, over the first 8 KB:
///
/// - UTF-16 with a byte order mark is text (half its bytes are NULs).
/// - More than one byte in ten a control character, NUL counted as one, is data: binary
///   formats, and UTF-16 or UTF-32 without a byte order mark, are all far above that.
/// - A sample with NULs is text only if every other byte is UTF-8 (a character cut at the end
///   of the sample allowed): ASCII and UTF-8 text stays valid around stray NULs, while binary
///   data is never valid UTF-8 for long. The NULs are then dropped as the text is read, with a
///   warning ([`without_nuls`]).
///
/// A sample without NULs follows the control rule alone, as before NULs were allowed.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 10 > sample.len() {
        return true;
    }
    sample.contains(&0) && !is_utf8_but_for_a_cut_end(sample)
}

fn is_utf8_but_for_a_cut_end(sample: &[u8]) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    }
}

/// The text without the NUL characters that [`looks_binary`] lets through, and a warning
/// saying how many there were.
pub fn without_nuls(text: &str) -> (Cow<'_, str>, Option<String>) {
    let count = text.bytes().filter(|&b| b == 0).count();
    if count == 0 {
        return (Cow::Borrowed(text), None);
    }
    let warning = format!(
        "{count} NUL byte{} removed from the text (stray bytes, not characters)",
        if count == 1 { "" } else { "s" }
    );
    (Cow::Owned(text.replace('\0', "")), Some(warning))
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
    let (text, warning) = without_nuls(text);
    let mut document = Document::new(
        Format::Text,
        split_lines(&text).map(TextLine::plain).collect(),
    );
    document.warnings.extend(warning);
    document
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
        assert!(looks_binary(b"abc\0def"), "one byte in seven a NUL");
        assert!(!looks_binary(b"plain resume text\n"));
        assert!(!looks_binary(b"\xFF\xFEa\0"));
        let counting: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(looks_binary(&counting));
        let utf16_without_bom: Vec<u8> = "Linux and Terraform\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_binary(&utf16_without_bom));
    }

    #[test]
    fn stray_nuls_in_readable_text_are_dropped_with_a_warning() {
        let bytes = "Ran Kubernetes\0 and Terraform\0\nCafé\0 Über\0\n".repeat(20);
        assert!(!looks_binary(bytes.as_bytes()));
        let document = extract(&decoded(bytes.as_bytes()));
        assert_eq!(document.lines[0].text, "Ran Kubernetes and Terraform");
        assert_eq!(document.lines[1].text, "Café Über");
        assert_eq!(
            document.warnings,
            ["80 NUL bytes removed from the text (stray bytes, not characters)"]
        );
    }

    #[test]
    fn nuls_among_bytes_that_are_not_utf8_are_data() {
        let mut bytes = "Linux administrator, ".repeat(20).into_bytes();
        bytes.extend_from_slice(b"\xE9\0caf\xE9\n");
        assert!(looks_binary(&bytes));
        // A UTF-8 character cut at the end of the 8 KB sample is still UTF-8.
        let mut long = "Linux administrator \0".repeat(400).into_bytes();
        long.truncate(8191);
        long.extend_from_slice("é and more".as_bytes());
        assert!(!looks_binary(&long));
    }
}
