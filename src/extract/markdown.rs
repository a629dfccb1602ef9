//! Markdown, read line by line so that line numbers stay those of the file the person wrote.
//! Markup is removed; headings are marked; link targets (URLs) are dropped.

use super::text::split_lines;
use super::{Document, Format, TextLine};

pub fn looks_like_markdown(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
    split_lines(&text).any(|line| {
        let line = line.trim_start();
        heading_text(line).is_some() || line.starts_with("**") || line.starts_with("|")
    })
}

pub fn extract(text: &str) -> Document {
    let mut in_front_matter = false;
    let mut lines = Vec::new();
    for (index, raw) in split_lines(text).enumerate() {
        let trimmed = raw.trim();
        if trimmed == "---" && (index == 0 || in_front_matter) {
            in_front_matter = index == 0;
            lines.push(TextLine::plain(""));
            continue;
        }
        lines.push(if in_front_matter {
            TextLine::plain(trimmed)
        } else {
            clean_line(trimmed)
        });
    }
    Document::new(Format::Markdown, lines)
}

fn heading_text(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| rest.trim().trim_end_matches('#').trim())
}

fn clean_line(line: &str) -> TextLine {
    if let Some(heading) = heading_text(line) {
        return TextLine {
            text: strip_inline(heading),
            is_heading: true,
        };
    }
    if line.starts_with("```") || line.starts_with("~~~") || is_rule(line) || is_table_divider(line)
    {
        return TextLine::plain("");
    }
    let body = strip_block_marker(line);
    let body = if body.starts_with('|') {
        body.trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" | ")
    } else {
        body.to_string()
    };
    TextLine::plain(strip_inline(&body))
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ["-", "*", "_", "="]
            .iter()
            .any(|mark| compact.chars().all(|c| c.to_string() == *mark))
}

fn is_table_divider(line: &str) -> bool {
    line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn strip_block_marker(line: &str) -> &str {
    let line = line.trim_start_matches('>').trim_start();
    for marker in ["- [ ] ", "- [x] ", "- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest;
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = line[digits..]
            .strip_prefix(". ")
            .or_else(|| line[digits..].strip_prefix(") "))
    {
        return rest;
    }
    line
}

/// Removes emphasis, code ticks, HTML tags and link targets, keeping the words people read.
fn strip_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '*' | '`' => {}
            '_' if is_emphasis_underscore(text, i) => {}
            '!' if text[i + 1..].starts_with('[') => {}
            '[' | ']' => {}
            '(' if out.ends_with(|c: char| !c.is_whitespace()) && text[..i].ends_with(']') => {
                skip_until(&mut chars, ')');
            }
            '<' if looks_like_tag(&text[i..]) => {
                skip_until(&mut chars, '>');
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_emphasis_underscore(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

fn looks_like_tag(text: &str) -> bool {
    let inner = text[1..].trim_start_matches('/');
    inner.starts_with(|c: char| c.is_ascii_alphabetic()) && text.contains('>')
}

fn skip_until(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, end: char) {
    for (_, c) in chars.by_ref() {
        if c == end {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<String> {
        extract(md).lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn markup_is_removed_and_line_numbers_kept() {
        let md =
            "# Jane Doe\n\n## Skills\n- **Terraform**, `kubectl`\n| Cloud | AWS |\n|---|---|\n";
        assert_eq!(
            texts(md),
            [
                "Jane Doe",
                "",
                "Skills",
                "Terraform, kubectl",
                "Cloud | AWS",
                ""
            ]
        );
        assert!(extract(md).lines[2].is_heading);
    }

    #[test]
    fn links_keep_their_words_and_lose_their_targets() {
        assert_eq!(
            texts("See [my notes](https://github.com/x/docker-notes) and <br/> more"),
            ["See my notes and more"]
        );
    }

    #[test]
    fn snake_case_words_keep_their_underscores() {
        assert_eq!(
            texts("ran node_exporter _everywhere_"),
            ["ran node_exporter everywhere"]
        );
    }

    #[test]
    fn front_matter_is_kept_as_text() {
        assert_eq!(
            texts("---\nname: Jane\n---\n# CV"),
            ["", "name: Jane", "", "CV"]
        );
    }
}
