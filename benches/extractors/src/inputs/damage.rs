//! Damaged copies of good files, made the same way on every run: cut short, bytes flipped at
//! seeded positions, the PDF cross-reference section removed, a chunk of the middle deleted.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy)]
pub enum Damage {
    TruncatedAt30,
    TruncatedAt70,
    FlippedBytes,
    /// PDF only: from the last cross-reference table (or `startxref`) to the end.
    NoXref,
    MiddleDeleted,
}

impl Damage {
    pub const PDF: [Damage; 5] = [
        Damage::TruncatedAt30,
        Damage::TruncatedAt70,
        Damage::FlippedBytes,
        Damage::NoXref,
        Damage::MiddleDeleted,
    ];
    pub const DOCX: [Damage; 4] = [
        Damage::TruncatedAt30,
        Damage::TruncatedAt70,
        Damage::FlippedBytes,
        Damage::MiddleDeleted,
    ];

    fn name(self) -> &'static str {
        match self {
            Damage::TruncatedAt30 => "truncated30",
            Damage::TruncatedAt70 => "truncated70",
            Damage::FlippedBytes => "flipped16",
            Damage::NoXref => "no-xref",
            Damage::MiddleDeleted => "middle-deleted",
        }
    }

    /// `seed` varies the flipped positions from file to file.
    fn apply(self, bytes: &[u8], seed: u64) -> Vec<u8> {
        let len = bytes.len();
        match self {
            Damage::TruncatedAt30 => bytes[..len * 3 / 10].to_vec(),
            Damage::TruncatedAt70 => bytes[..len * 7 / 10].to_vec(),
            Damage::FlippedBytes => flip_bytes(bytes, seed),
            Damage::NoXref => without_xref(bytes),
            Damage::MiddleDeleted => [&bytes[..len * 45 / 100], &bytes[len * 55 / 100..]].concat(),
        }
    }
}

const FLIPPED_BYTES: usize = 16;

fn flip_bytes(bytes: &[u8], seed: u64) -> Vec<u8> {
    let mut damaged = bytes.to_vec();
    if damaged.is_empty() {
        return damaged;
    }
    let mut random = XorShift(seed | 1);
    for _ in 0..FLIPPED_BYTES {
        let at = (random.next() % damaged.len() as u64) as usize;
        // An odd mask always changes the byte.
        damaged[at] ^= (random.next() as u8) | 1;
    }
    damaged
}

/// Marsaglia's xorshift64: deterministic, and enough to scatter positions.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Keeps `%%EOF` at the end, so the file is not merely truncated.
fn without_xref(bytes: &[u8]) -> Vec<u8> {
    let cut = rfind(bytes, b"\nxref")
        .or_else(|| rfind(bytes, b"startxref"))
        .unwrap_or(bytes.len());
    [&bytes[..cut], b"\n%%EOF\n"].concat()
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A damaged copy, and the file it was made from.
pub struct Copy<'a> {
    pub path: PathBuf,
    pub original: &'a Path,
}

/// Writes each kind of damage of each original into `dir`, named `<stem>.<kind>.<extension>`.
pub fn write_copies<'a>(
    originals: &'a [PathBuf],
    kinds: &[Damage],
    dir: &Path,
) -> io::Result<Vec<Copy<'a>>> {
    std::fs::create_dir_all(dir)?;
    let mut copies = Vec::new();
    for (index, original) in originals.iter().enumerate() {
        let bytes = std::fs::read(original)?;
        let stem = original.file_stem().unwrap_or_default().to_string_lossy();
        let extension = original.extension().unwrap_or_default().to_string_lossy();
        for kind in kinds {
            let path = dir.join(format!("{stem}.{}.{extension}", kind.name()));
            std::fs::write(&path, kind.apply(&bytes, 0x5EED_0000 + index as u64))?;
            copies.push(Copy { path, original });
        }
    }
    Ok(copies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flips_are_the_same_on_every_run_and_change_the_bytes() {
        let original = vec![0u8; 4096];
        let first = Damage::FlippedBytes.apply(&original, 7);
        assert_eq!(first, Damage::FlippedBytes.apply(&original, 7));
        assert!(first.iter().any(|&b| b != 0));
    }

    #[test]
    fn removing_the_xref_keeps_the_end_marker() {
        let pdf =
            b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n30\n%%EOF\n";
        let damaged = Damage::NoXref.apply(pdf, 0);
        assert_eq!(damaged, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    }
}
