//! Repairs every extractor leaves to us: ligatures, soft hyphens, private-use bullet glyphs,
//! odd spaces, and words hyphenated across a line break.

use super::document::TextLine;

/// What the repairs changed, for the document's warnings.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    pub ligatures: usize,
    pub soft_hyphens: usize,
    /// Private-use and replacement characters: glyphs whose font maps them to no letter.
    pub unmapped_glyphs: usize,
    pub joined_words: usize,
}

impl Repairs {
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.ligatures > 0 {
            warnings.push(format!("{} ligatures expanded (ﬁ → fi)", self.ligatures));
        }
        if self.unmapped_glyphs > 0 {
            warnings.push(format!(
                "{} glyphs could not be mapped to characters (symbol fonts or bullets)",
                self.unmapped_glyphs
            ));
        }
        if self.joined_words > 0 {
            warnings.push(format!(
                "{} words hyphenated across lines joined",
                self.joined_words
            ));
        }
        warnings
    }
}

pub fn repair_lines(lines: &mut [TextLine]) -> Repairs {
    let mut repairs = Repairs::default();
    // A soft hyphen is only ever drawn where a word breaks at the end of a line, so a line that
    // ends with one continues its last word on the next line. Noted before the repair below
    // removes the soft hyphens.
    let soft_breaks: Vec<bool> = lines
        .iter()
        .map(|line| line.text.trim_end().ends_with('\u{00AD}'))
        .collect();
    for line in lines.iter_mut() {
        line.text = repair_characters(&line.text, &mut repairs);
    }
    repairs.joined_words = join_hyphenated_words(lines, &soft_breaks);
    repairs
}

/// The line with its characters repaired and its spaces collapsed to one between words, in
/// one pass (no list of its words is built, however long the line).
fn repair_characters(text: &str, repairs: &mut Repairs) -> String {
    let mut out = Collapsed::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}'..='\u{FB06}' => {
                repairs.ligatures += 1;
                out.push_str(match c {
                    '\u{FB00}' => "ff",
                    '\u{FB01}' => "fi",
                    '\u{FB02}' => "fl",
                    '\u{FB03}' => "ffi",
                    '\u{FB04}' => "ffl",
                    _ => "st",
                });
            }
            '\u{00AD}' => repairs.soft_hyphens += 1,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => {
                repairs.unmapped_glyphs += 1;
                out.push(' ');
            }
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.text
}

/// Text whose spaces are collapsed as they come: one space between words, none at the ends,
/// the same as splitting on whitespace and joining with one space.
struct Collapsed {
    text: String,
    space_pending: bool,
}

impl Collapsed {
    fn with_capacity(capacity: usize) -> Self {
        Collapsed {
            text: String::with_capacity(capacity),
            space_pending: false,
        }
    }

    fn push_str(&mut self, letters: &str) {
        letters.chars().for_each(|c| self.push(c));
    }

    fn push(&mut self, c: char) {
        if c == ' ' {
            self.space_pending = true;
            return;
        }
        if self.space_pending && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space_pending = false;
        self.text.push(c);
    }
}

/// "infra-" at the end of a line followed by "structure" on the next becomes one word on the
/// first line. A capitalised continuation ("Kubernetes-", "Linux") is a real hyphen. A line
/// that ended with a soft hyphen (`soft_breaks`, now removed) is always joined to the next.
fn join_hyphenated_words(lines: &mut [TextLine], soft_breaks: &[bool]) -> usize {
    let mut joined = 0;
    for i in 1..lines.len() {
        let (before, after) = lines.split_at_mut(i);
        let previous = &mut before[i - 1];
        let current = &mut after[0];
        let soft = soft_breaks.get(i - 1).copied().unwrap_or(false)
            && previous.text.ends_with(char::is_alphabetic)
            && current.text.starts_with(char::is_alphabetic);
        let broken = previous.text.len() > 2
            && previous.text.ends_with('-')
            && previous.text[..previous.text.len() - 1]
                .ends_with(|c: char| c.is_alphabetic() && c.is_lowercase());
        if !soft && (!broken || !current.text.starts_with(|c: char| c.is_lowercase())) {
            continue;
        }
        let fragment_end = current.text.find(' ').unwrap_or(current.text.len());
        if !soft {
            previous.text.pop();
        }
        previous.text.push_str(&current.text[..fragment_end]);
        current.text = current.text[fragment_end..].trim_start().to_string();
        joined += 1;
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_soft_hyphens_and_glyph_bullets_are_repaired() {
        let mut repairs = Repairs::default();
        assert_eq!(
            repair_characters(
                "\u{F0B7}\u{FB01}rewall con\u{00AD}figs\tand\u{00A0}more",
                &mut repairs
            ),
            "firewall configs and more"
        );
        assert_eq!(
            repairs,
            Repairs {
                ligatures: 1,
                soft_hyphens: 1,
                unmapped_glyphs: 1,
                joined_words: 0
            }
        );
    }

    #[test]
    fn spaces_collapse_as_splitting_and_joining_would() {
        let line = " \tKuber\u{00AD}netes\u{00A0}\u{00A0}and  \u{FB01}rewalls\u{F0B7} \u{0007}x  "
            .repeat(50_000);
        let expected = line
            .replace('\u{00AD}', "")
            .replace('\u{FB01}', "fi")
            .replace(['\u{F0B7}', '\u{0007}', '\u{00A0}', '\t'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut repairs = Repairs::default();
        assert_eq!(repair_characters(&line, &mut repairs), expected);
        assert_eq!(repairs.ligatures, 50_000);
        assert_eq!(repair_characters("   ", &mut repairs), "");
    }

    #[test]
    fn hyphenated_line_breaks_are_joined() {
        let mut lines = vec![
            TextLine::plain("designed the infra-"),
            TextLine::plain("structure of a bank"),
        ];
        join_hyphenated_words(&mut lines, &[]);
        assert_eq!(lines[0].text, "designed the infrastructure");
        assert_eq!(lines[1].text, "of a bank");
    }

    #[test]
    fn real_hyphens_before_a_capital_stay() {
        let mut lines = vec![TextLine::plain("self-"), TextLine::plain("Hosted")];
        join_hyphenated_words(&mut lines, &[]);
        assert_eq!(lines[0].text, "self-");
    }

    #[test]
    fn a_soft_hyphen_at_a_line_end_joins_the_word() {
        let mut lines = vec![
            TextLine::plain("the Postgres data\u{00AD}"),
            TextLine::plain("  bases behind the gate"),
            TextLine::plain("Kuber\u{00AD}netes and Post\u{00AD}"),
            TextLine::plain("greSQL"),
            TextLine::plain("nothing after\u{00AD}"),
            TextLine::plain("- a list item"),
        ];
        let repairs = repair_lines(&mut lines);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the Postgres databases",
                "behind the gate",
                "Kubernetes and PostgreSQL",
                "",
                "nothing after",
                "- a list item"
            ]
        );
        assert_eq!(repairs.soft_hyphens, 4);
        assert_eq!(repairs.joined_words, 2);
    }
}
