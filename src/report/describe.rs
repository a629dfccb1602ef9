//! How every format words the same things: the score's formula, the document, a status with
//! its years, evidence grouped by line and cut around its term, the `--explain` lines.

use std::collections::HashMap;

use super::model::{DocumentInfo, Report};
use crate::analysis::SkillVerdict;
use crate::matching::{Evidence, Shows};

/// The score's formula in words, shared by every format.
pub(super) fn formula(report: &Report) -> String {
    let score = &report.analysis.score;
    format!(
        "sum of weight × credit over all skills ({:.1}) ÷ sum of weights ({:.1}); aligned counts 1, partial {}, missing 0",
        score.earned, score.possible, score.partial_credit
    )
}

pub(super) fn describe_document(document: &DocumentInfo) -> String {
    let pages = match document.pages {
        Some(1) => ", 1 page".to_string(),
        Some(n) => format!(", {n} pages"),
        None => String::new(),
    };
    let columns = match document.columns {
        Some(n) if n > 1 => format!(", {n} columns"),
        _ => String::new(),
    };
    let generator = document
        .generator
        .as_ref()
        .map(|g| format!(", made by {g}"))
        .unwrap_or_default();
    format!(
        "{}{pages}{columns}, {} lines{generator}",
        document.format, document.lines
    )
}

/// "aligned", or "aligned, 6.5 years, last 2026" when dated jobs show it, with "stale" if so.
pub(super) fn status_with_usage(skill: &SkillVerdict) -> String {
    match skill.usage {
        None => skill.status.as_str().to_string(),
        Some(usage) => {
            let stale = if usage.stale { ", stale" } else { "" };
            format!(
                "{}\n{} yrs, last {}{stale}",
                skill.status.as_str(),
                usage.years,
                usage.last_used
            )
        }
    }
}

/// The evidence of one line of one kind: a line that names AWS, EC2 and S3 is one line of evidence.
pub(super) struct EvidenceGroup<'a> {
    pub(super) first: &'a Evidence,
    pub(super) terms: Vec<&'a str>,
}

/// Groups evidence by line and kind, keeping the order given (strongest first). The groups of
/// each line are indexed, so a long resume with evidence on hundreds of lines stays linear.
pub(super) fn group_by_line(evidence: &[Evidence]) -> Vec<EvidenceGroup<'_>> {
    let mut groups: Vec<EvidenceGroup> = Vec::new();
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    for item in evidence {
        let on_line = by_line.entry(item.line).or_default();
        match on_line
            .iter()
            .copied()
            .find(|&index| groups[index].first.shows == item.shows)
        {
            Some(index) => {
                let group = &mut groups[index];
                if !group.terms.contains(&item.term.as_str()) {
                    group.terms.push(&item.term);
                }
            }
            None => {
                on_line.push(groups.len());
                groups.push(EvidenceGroup {
                    first: item,
                    terms: vec![&item.term],
                });
            }
        }
    }
    groups
}

/// "line 14: Wrote Terraform modules… [Terraform]", cut around the matched words.
pub(super) fn evidence_line(group: &EvidenceGroup, width: usize) -> String {
    format!(
        "line {}: {} [{}]",
        group.first.line,
        excerpt(&group.first.text, &group.first.term, width),
        group.terms.join(", ")
    )
}

/// For `--explain`: each skill's accepted and rejected candidates, one line each.
pub(super) fn explanations(report: &Report) -> Vec<(String, Vec<String>)> {
    report
        .analysis
        .skills
        .iter()
        .map(|skill| {
            let mut lines: Vec<String> = skill
                .evidence
                .iter()
                .map(|e| {
                    let misspelt = e
                        .read_as
                        .as_ref()
                        .map(|term| format!(", read as \"{term}\""))
                        .unwrap_or_default();
                    format!(
                        "accepted line {} \"{}\" ({}, {} section{misspelt})",
                        e.line,
                        e.term,
                        evidence_kind(&e.shows),
                        e.section.as_str()
                    )
                })
                .collect();
            lines.extend(skill.rejected.iter().map(|r| {
                format!(
                    "rejected line {} \"{}\": {}",
                    r.line,
                    r.term,
                    r.rule.explain()
                )
            }));
            if lines.is_empty() {
                lines.push("no candidate matches in the resume".to_string());
            }
            let verdict = match &skill.reason {
                Some(reason) => format!("{} ({}: {})", skill.name, skill.status.as_str(), reason),
                None => format!("{} ({})", skill.name, skill.status.as_str()),
            };
            (verdict, lines)
        })
        .collect()
}

pub(super) fn evidence_kind(shows: &Shows) -> &'static str {
    match shows {
        Shows::Skill => "direct",
        Shows::Part(_) => "part",
        Shows::Related(_) => "related",
    }
}

/// At most `width` characters of `text`, keeping `term` in view.
pub(super) fn excerpt(text: &str, term: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        return text.to_string();
    }
    let term_at = text
        .find(term)
        .map_or(0, |byte| text[..byte].chars().count());
    let term_len = term.chars().count();
    let room = width.saturating_sub(2);
    let start = (term_at + term_len / 2)
        .saturating_sub(room / 2)
        .min(chars.len().saturating_sub(room));
    let end = (start + room).min(chars.len());
    let mut cut: String = chars[start..end].iter().collect();
    if start > 0 {
        cut = format!("…{}", cut.trim_start());
    }
    if end < chars.len() {
        cut = format!("{}…", cut.trim_end());
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(excerpt("Ran Linux", "Linux", 40), "Ran Linux");
    }

    #[test]
    fn long_text_is_cut_around_the_term() {
        let text = format!("{} Terraform {}", "a ".repeat(40), "b ".repeat(40));
        let cut = excerpt(&text, "Terraform", 30);
        assert!(cut.contains("Terraform"), "{cut}");
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= 30, "{cut}");
    }
}
