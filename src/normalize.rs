//! The one normal form that resume text and profile terms are both brought into, so that
//! "On-Call", "on call" and "ON CALL" meet, and "C++", ".NET" and "node.js" keep their marks.
//!
//! Normal text holds lowercase letters and digits, single spaces, and the marks `+ # .` only
//! inside words. Each byte of it remembers the byte of the original it came from, so evidence
//! can be shown and checked against the original (capitals, punctuation).

/// A line in normal form, with the way back to the original.
#[derive(Debug, Clone, Default)]
pub struct NormalLine {
    /// The normal text.
    pub text: String,
    /// For each byte of `text`, the byte offset of the original character it came from.
    origin: Vec<usize>,
    /// Positions in `text` where a clause ends (`,` and every sentence break): negation does
    /// not reach across them.
    clause_breaks: Vec<usize>,
    /// Positions where a sentence or list item ends (`.`, `;`, `(`, a dash...): technical
    /// context does not reach across them.
    sentence_breaks: Vec<usize>,
}

impl NormalLine {
    /// The normal form of a line of resume text.
    pub fn new(original: &str) -> Self {
        let masked = mask_addresses(original);
        let mut line = NormalLine::default();
        let chars: Vec<(usize, char)> = original.char_indices().collect();
        for (index, &(offset, c)) in chars.iter().enumerate() {
            let previous = index.checked_sub(1).map(|i| chars[i].1);
            let before = index.checked_sub(2).map(|i| chars[i].1);
            let next = chars.get(index + 1).map(|&(_, c)| c);
            if masked.iter().any(|range| range.contains(&offset)) {
                line.push_space(offset);
                continue;
            }
            match classify(c, before, previous, next) {
                Kind::Word => {
                    for folded in fold(c) {
                        line.push(folded, offset);
                    }
                }
                Kind::Drop => {}
                Kind::Space => line.push_space(offset),
                Kind::Break => {
                    line.clause_breaks.push(line.text.len());
                    line.push_space(offset);
                }
                Kind::SentenceBreak => {
                    line.clause_breaks.push(line.text.len());
                    line.sentence_breaks.push(line.text.len());
                    line.push_space(offset);
                }
            }
        }
        if line.text.ends_with(' ') {
            line.text.pop();
            line.origin.pop();
        }
        line
    }

    fn push(&mut self, c: char, offset: usize) {
        let mut buffer = [0u8; 4];
        for _ in 0..c.encode_utf8(&mut buffer).len() {
            self.origin.push(offset);
        }
        self.text.push(c);
    }

    fn push_space(&mut self, offset: usize) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.push(' ', offset);
        }
    }

    /// The byte offset in the original line of the normal byte at `position`.
    pub fn original_offset(&self, position: usize) -> usize {
        self.origin.get(position).copied().unwrap_or(usize::MAX)
    }

    /// Whether a clause ends anywhere between the two normal positions.
    pub fn clause_break_between(&self, start: usize, end: usize) -> bool {
        self.clause_breaks.iter().any(|&b| b > start && b <= end)
    }

    /// Whether a sentence or list item ends anywhere between the two normal positions.
    pub fn sentence_break_between(&self, start: usize, end: usize) -> bool {
        self.sentence_breaks.iter().any(|&b| b > start && b <= end)
    }
}

/// A term, cue or phrase in normal form.
pub fn normalize(text: &str) -> String {
    NormalLine::new(text).text
}

enum Kind {
    Word,
    Drop,
    Space,
    Break,
    SentenceBreak,
}

fn classify(c: char, before: Option<char>, previous: Option<char>, next: Option<char>) -> Kind {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        c if c.is_alphanumeric() => Kind::Word,
        '+' | '#' if alnum(previous) || matches!(previous, Some('+' | '#')) => Kind::Word,
        '.' if alnum(next)
            && (alnum(previous) || !previous.is_some_and(|p| !p.is_whitespace() && p != '(')) =>
        {
            Kind::Word
        }
        // "don't", "team's" stay one word; French "d'intérêt", "l'équipe" are two.
        '\'' | '\u{2019}' if alnum(previous) && alnum(next) && alnum(before) => Kind::Drop,
        '-' | '\u{2010}' | '\u{2011}' | '_' | '/' | '\'' | '"' | '\u{2018}' | '\u{2019}'
        | '\u{201C}' | '\u{201D}' | '&' | '*' | '~' | '^' | '=' => Kind::Space,
        ',' | ':' => Kind::Break,
        '.' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '•' | '·' | '–' | '—'
        | '>' | '<' => Kind::SentenceBreak,
        _ => Kind::Space,
    }
}

/// Lowercases and folds the accents of Latin letters, so "Café" meets "cafe".
fn fold(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|lower| match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        other => other,
    })
}

/// Byte ranges of URLs and e-mail addresses: words inside them ("github.com/x/docker-notes")
/// are addresses, not evidence.
fn mask_addresses(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (offset, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (
            c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '|'),
            start,
        ) {
            (true, Some(s)) => {
                if is_address(&line[s..offset]) {
                    ranges.push(s..offset);
                }
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
    }
    ranges
}

fn is_address(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    if let Some((user, domain)) = lower.split_once('@') {
        return !user.is_empty() && domain.contains('.');
    }
    // A bare "host.tld/path", as resumes write GitHub and LinkedIn links.
    match lower.split_once('/') {
        Some((host, _)) => {
            let labels: Vec<&str> = host.split('.').collect();
            labels.len() >= 2
                && labels.iter().all(|l| !l.is_empty())
                && labels.last().is_some_and(|tld| {
                    tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
                })
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_hyphens_and_spaces_meet() {
        assert_eq!(normalize("On-Call"), "on call");
        assert_eq!(normalize("on  call"), "on call");
        assert_eq!(normalize("CI/CD"), "ci cd");
    }

    #[test]
    fn marks_inside_terms_survive() {
        assert_eq!(normalize("C++ and C#"), "c++ and c#");
        assert_eq!(normalize(".NET, node.js."), ".net node.js");
        assert_eq!(normalize("Terraform."), "terraform");
        assert_eq!(normalize("don't"), "dont");
    }

    #[test]
    fn accents_fold() {
        assert_eq!(normalize("Café Über"), "cafe uber");
    }

    #[test]
    fn urls_and_emails_are_not_text() {
        assert_eq!(
            normalize("see github.com/jane/docker-notes or mail jane@example.com now"),
            "see or mail now"
        );
        assert_eq!(normalize("https://terraform.io docs"), "docs");
    }

    #[test]
    fn clause_breaks_are_kept() {
        let line = NormalLine::new("no Kubernetes yet, but Docker daily");
        let docker = line.text.find("docker").unwrap();
        assert!(line.clause_break_between(0, docker));
        assert!(!line.clause_break_between(0, line.text.find("kubernetes").unwrap()));
    }

    #[test]
    fn offsets_lead_back_to_the_original() {
        let original = "Ran «Kubernetes»";
        let line = NormalLine::new(original);
        let at = line.text.find("kubernetes").unwrap();
        assert_eq!(&original[line.original_offset(at)..][..10], "Kubernetes");
    }
}
