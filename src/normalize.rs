//! The one normal form that resume text and profile terms are both brought into, so that
//! "On-Call", "on call" and "ON CALL" meet, and "C++", ".NET" and "node.js" keep their marks.
//!
//! Normal text holds lowercase letters and digits, single spaces, and the marks `+ # .` only
//! inside words. Each byte of it remembers the byte of the original it came from, so evidence
//! can be shown and checked against the original (capitals, punctuation).
//!
//! Building a normal line is one pass over the original, whatever its length: a line of a
//! resume written without line breaks can be megabytes long.

/// A line in normal form, with the way back to the original.
#[derive(Debug, Clone, Default)]
pub struct NormalLine {
    /// The normal text.
    pub text: String,
    /// The way back to the original, as runs: `(normal, original)` where a run starts. Inside a
    /// run, the character at normal byte `normal + k` came from original byte `original + k`
    /// (a character kept as it was, or lowercased to the same length). Every character that
    /// breaks that (a folded accent, collapsed punctuation, a masked address) starts a run, so
    /// the runs are few: about one per punctuation mark, not one per byte.
    runs: Vec<(usize, usize)>,
    /// Positions in `text` where a clause ends (`,` and every sentence break): negation does
    /// not reach across them. Ascending.
    clause_breaks: Vec<usize>,
    /// Positions where a sentence or list item ends (`.`, `;`, `(`, a dash...): technical
    /// context does not reach across them. Ascending.
    sentence_breaks: Vec<usize>,
}

impl NormalLine {
    /// The normal form of a line of resume text.
    pub fn new(original: &str) -> Self {
        let masked = mask_addresses(original);
        let mut masked = masked.iter().peekable();
        let mut line = NormalLine {
            text: String::with_capacity(original.len()),
            ..NormalLine::default()
        };
        // A window of three characters around the current one: two before, one after.
        let mut chars = original.char_indices().peekable();
        let (mut before, mut previous) = (None, None);
        while let Some((offset, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            while masked.next_if(|range| range.end <= offset).is_some() {}
            let in_address = masked.peek().is_some_and(|range| range.contains(&offset));
            if in_address {
                line.push_space(offset);
            } else {
                match classify(c, before, previous, next) {
                    Kind::Word if c.is_ascii() => line.push(c.to_ascii_lowercase(), offset),
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
            (before, previous) = (previous, Some(c));
        }
        if line.text.ends_with(' ') {
            line.text.pop();
            if line
                .runs
                .last()
                .is_some_and(|&(at, _)| at == line.text.len())
            {
                line.runs.pop();
            }
        }
        line
    }

    fn push(&mut self, c: char, offset: usize) {
        let at = self.text.len();
        let continues = self
            .runs
            .last()
            .is_some_and(|&(normal, original)| original + (at - normal) == offset);
        if !continues {
            self.runs.push((at, offset));
        }
        self.text.push(c);
    }

    fn push_space(&mut self, offset: usize) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.push(' ', offset);
        }
    }

    /// The byte offset in the original line of the normal byte at `position` (every byte of a
    /// character answers the offset of the original character it came from).
    pub fn original_offset(&self, position: usize) -> usize {
        if position >= self.text.len() {
            return usize::MAX;
        }
        let mut start = position;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let run = self.runs.partition_point(|&(normal, _)| normal <= start) - 1;
        let (normal, original) = self.runs[run];
        original + (start - normal)
    }

    /// Whether a clause ends anywhere between the two normal positions.
    pub fn clause_break_between(&self, start: usize, end: usize) -> bool {
        any_between(&self.clause_breaks, start, end)
    }

    /// Whether a sentence or list item ends anywhere between the two normal positions.
    pub fn sentence_break_between(&self, start: usize, end: usize) -> bool {
        any_between(&self.sentence_breaks, start, end)
    }
}

/// Whether an ascending list holds a position `b` with `start < b <= end`.
fn any_between(breaks: &[usize], start: usize, end: usize) -> bool {
    let first_after = breaks.partition_point(|&b| b <= start);
    breaks.get(first_after).is_some_and(|&b| b <= end)
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
    // Every address below has one of these marks; most words have none.
    if !token.contains([':', '@', '/', '.']) {
        return false;
    }
    // Letters' case does not matter to any of these tests, so the token is not lowercased.
    if token.contains("://")
        || token
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case("www."))
    {
        return true;
    }
    if let Some((user, domain)) = token.split_once('@') {
        return !user.is_empty() && domain.contains('.');
    }
    // A bare "host.tld/path", as resumes write GitHub and LinkedIn links.
    match token.split_once('/') {
        Some((host, _)) => {
            host.contains('.')
                && host.split('.').all(|label| !label.is_empty())
                && host.rsplit('.').next().is_some_and(|tld| {
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

    /// The way back as it was first written: one original offset per normal byte.
    fn origin_per_byte(original: &str) -> (String, Vec<usize>) {
        let masked = mask_addresses(original);
        let chars: Vec<(usize, char)> = original.char_indices().collect();
        let mut text = String::new();
        let mut origin = Vec::new();
        let mut push = |c: char, offset: usize, text: &mut String| {
            origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
            text.push(c);
        };
        for (index, &(offset, c)) in chars.iter().enumerate() {
            let previous = index.checked_sub(1).map(|i| chars[i].1);
            let before = index.checked_sub(2).map(|i| chars[i].1);
            let next = chars.get(index + 1).map(|&(_, c)| c);
            let space = masked.iter().any(|range| range.contains(&offset))
                || !matches!(classify(c, before, previous, next), Kind::Word | Kind::Drop);
            if space {
                if !text.is_empty() && !text.ends_with(' ') {
                    push(' ', offset, &mut text);
                }
            } else if matches!(classify(c, before, previous, next), Kind::Word) {
                for folded in fold(c) {
                    push(folded, offset, &mut text);
                }
            }
        }
        if text.ends_with(' ') {
            text.pop();
            origin.pop();
        }
        (text, origin)
    }

    #[test]
    fn runs_give_every_byte_its_original_offset() {
        for original in [
            "Ran «Kubernetes», Café Über-Straße; İstanbul ǅ DŽ K (Kelvin) ﬁ",
            "see github.com/jane/docker-notes, mail jane@example.com; then C++ and .NET",
            "  leading,, double  spaces -- and – dashes — end.  ",
            "Привет, мир: 日本語 テキスト 123 don't l'équipe",
            "",
            "!!!",
        ] {
            let line = NormalLine::new(original);
            let (text, expected) = origin_per_byte(original);
            assert_eq!(text, line.text, "{original}");
            for (position, &offset) in expected.iter().enumerate() {
                assert_eq!(
                    line.original_offset(position),
                    offset,
                    "{original} at {position}"
                );
            }
            assert_eq!(line.original_offset(line.text.len()), usize::MAX);
        }
    }

    #[test]
    fn a_line_of_a_megabyte_is_one_pass() {
        let original = "Ran Kubernetes, see https://example.com/x; Café (on-call). ".repeat(20_000);
        let line = NormalLine::new(&original);
        assert!(line.text.len() > original.len() / 2);
        // One run per collapsed mark or folded accent, not one per byte.
        assert!(line.runs.len() < 10 * 20_000);
        let last = line.text.rfind("on call").unwrap();
        assert_eq!(&original[line.original_offset(last)..][..7], "on-call");
        assert!(line.sentence_break_between(last - 10, last));
        assert!(!line.clause_break_between(last, last + 3));
    }
}
