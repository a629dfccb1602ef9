//! Repairs every extractor leaves to us: ligatures, soft hyphens, private-use bullet glyphs,
//! odd spaces, and words hyphenated across a line break.

use super::TextLine;

pub fn repair_lines(lines: &mut [TextLine]) {
    for line in lines.iter_mut() {
        line.text = repair_characters(&line.text);
    }
    join_hyphenated_words(lines);
}

fn repair_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => out.push(' '),
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "infra-" at the end of a line followed by "structure" on the next becomes one word on the
/// first line. A capitalised continuation ("Kubernetes-", "Linux") is a real hyphen.
fn join_hyphenated_words(lines: &mut [TextLine]) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_soft_hyphens_and_glyph_bullets_are_repaired() {
        assert_eq!(
            repair_characters("\u{F0B7}\u{FB01}rewall con\u{00AD}figs\tand\u{00A0}more"),
            "firewall configs and more"
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
