//! Repairs every extractor leaves to us: ligatures, soft hyphens, private-use bullet glyphs,
//! odd spaces, and words hyphenated across a line break.

use super::TextLine;

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
    for line in lines.iter_mut() {
        line.text = repair_characters(&line.text, &mut repairs);
    }
    repairs.joined_words = join_hyphenated_words(lines);
    repairs
}

fn repair_characters(text: &str, repairs: &mut Repairs) -> String {
    let mut out = String::with_capacity(text.len());
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
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "infra-" at the end of a line followed by "structure" on the next becomes one word on the
/// first line. A capitalised continuation ("Kubernetes-", "Linux") is a real hyphen.
fn join_hyphenated_words(lines: &mut [TextLine]) -> usize {
    let mut joined = 0;
    for i in 1..lines.len() {
        let (before, after) = lines.split_at_mut(i);
        let previous = &mut before[i - 1];
        let current = &mut after[0];
        let broken = previous.text.len() > 2
            && previous.text.ends_with('-')
            && previous.text[..previous.text.len() - 1]
                .ends_with(|c: char| c.is_alphabetic() && c.is_lowercase());
        if !broken || !current.text.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let fragment_end = current.text.find(' ').unwrap_or(current.text.len());
        previous.text.pop();
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
    fn hyphenated_line_breaks_are_joined() {
        let mut lines = vec![
            TextLine::plain("designed the infra-"),
            TextLine::plain("structure of a bank"),
        ];
        join_hyphenated_words(&mut lines);
        assert_eq!(lines[0].text, "designed the infrastructure");
        assert_eq!(lines[1].text, "of a bank");
    }

    #[test]
    fn real_hyphens_before_a_capital_stay() {
        let mut lines = vec![TextLine::plain("self-"), TextLine::plain("Hosted")];
        join_hyphenated_words(&mut lines);
        assert_eq!(lines[0].text, "self-");
    }
}
