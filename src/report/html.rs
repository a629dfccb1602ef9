//! One self-contained HTML page: inline CSS and SVG, no scripts, no requests. A bar per skill,
//! grouped by category, then the focus list, the background and the evidence. It reads on a
//! phone (one column, wrapping tables) and prints cleanly (no backgrounds, no page-split rows).

use std::fmt::Write as _;
use std::io::Write;

use super::describe::{describe_document, formula, group_by_line, status_with_usage};
use super::model::Report;
use crate::analysis::{SkillVerdict, Status};
use crate::profile::Category;

const STYLE: &str = r#"
:root { --ok: #1a7f37; --part: #b35900; --miss: #c62828; --ink: #1f2328; --soft: #59636e; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
.meta, .formula, .note { color: var(--soft); font-size: .9rem; }
.score { font-size: 2.4rem; font-weight: 700; margin: .5rem 0 0; }
.chart { width: 100%; max-width: 34rem; height: auto; }
.chart text { font-size: 13px; fill: var(--ink); }
.aligned { color: var(--ok); } .partial, .stale { color: var(--part); } .missing { color: var(--miss); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #d8dee4; }
td.evidence { font-size: .9rem; overflow-wrap: anywhere; }
.term { font-weight: 600; }
ol li { margin-bottom: .5rem; }
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td { display: block; } thead { display: none; }
  tr { border-bottom: 1px solid #d0d7de; padding: .4rem 0; } td { border: 0; padding: .1rem 0; }
}
@media print { body { max-width: none; font-size: 10pt; } .chart { max-width: 15cm; max-height: 12cm; }
  h2 { break-after: avoid; margin-top: 1rem; } tr, li { break-inside: avoid; } .score { font-size: 1.8rem; } }
"#;

/// The report as one HTML page.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let analysis = report.analysis;
    let score = &analysis.score;
    let mut page = String::with_capacity(32 * 1024);
    let title = format!("Skill gap: {}", analysis.role_title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        page,
        "<p class=\"meta\">{} ({})</p>",
        escape(&report.document.file),
        escape(&describe_document(report.document))
    );
    let _ = writeln!(
        page,
        "<p class=\"score\">{:.1}%</p><p>coverage of the role: technical {:.1}%, soft {:.1}%</p>\
         <p class=\"formula\">Computed as the {}.</p>",
        score.percent,
        score.technical.percent,
        score.soft.percent,
        escape(&formula(report))
    );
    if !report.document.warnings.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"note\">Note on the text: {}.</p>",
            escape(&report.document.warnings.join("; "))
        );
    }
    write_chart(&mut page, &analysis.skills, score.partial_credit);
    write_focus(&mut page, report);
    write_background(&mut page, report);
    write_evidence(&mut page, &analysis.skills);
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// Horizontal bars, one per skill, grouped under their category; the bar's length is the
/// credit the skill earns, its colour the status. Each label sits above its bar, so the chart
/// stays narrow enough to read on a phone.
fn write_chart(page: &mut String, skills: &[SkillVerdict], partial_credit: f64) {
    const ROW: usize = 38;
    const HEADING: usize = 30;
    const BAR: f64 = 320.0;
    const WIDTH: usize = 420;
    let groups = [Category::Technical, Category::Soft];
    let height = skills.len() * ROW + groups.len() * HEADING + 8;
    let _ = writeln!(page, "<h2>Coverage by skill</h2>");
    let _ = writeln!(
        page,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Coverage per skill\">"
    );
    let mut y = 0;
    for category in groups {
        y += HEADING;
        let _ = writeln!(
            page,
            "<text x=\"0\" y=\"{}\" font-weight=\"700\">{} skills</text>",
            y - 10,
            capitalised(category.as_str())
        );
        for skill in skills.iter().filter(|s| s.category == category) {
            let credit = match skill.status {
                Status::Aligned => 1.0,
                Status::Partial => partial_credit,
                Status::Missing => 0.0,
            };
            let colour = match skill.status {
                Status::Aligned => "#1a7f37",
                Status::Partial => "#b35900",
                Status::Missing => "#c62828",
            };
            let _ = writeln!(
                page,
                "<text x=\"0\" y=\"{}\">{}</text>\
                 <rect x=\"0\" y=\"{}\" width=\"{BAR}\" height=\"12\" rx=\"2\" fill=\"#eaeef2\"/>\
                 <rect x=\"0\" y=\"{}\" width=\"{:.1}\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>\
                 <text x=\"{}\" y=\"{}\" fill=\"{colour}\">{}</text>",
                y + 12,
                escape(&skill.name),
                y + 18,
                y + 18,
                BAR * credit,
                BAR as usize + 8,
                y + 29,
                skill.status.as_str()
            );
            y += ROW;
        }
    }
    page.push_str("</svg>\n");
}

fn write_focus(page: &mut String, report: &Report) {
    let _ = writeln!(page, "<h2>Focus areas</h2>");
    let focus: Vec<_> = report.analysis.focus.iter().take(report.top).collect();
    if focus.is_empty() {
        let _ = writeln!(page, "<p>None: every skill of the role is aligned.</p>");
        return;
    }
    page.push_str("<ol>\n");
    for area in focus {
        let _ = writeln!(
            page,
            "<li><strong>{}</strong> <span class=\"{}\">({}, weight {})</span><br>{}</li>",
            escape(&area.name),
            area.gap.as_str(),
            area.gap.as_str(),
            area.weight,
            escape(&area.next_step)
        );
    }
    page.push_str("</ol>\n");
}

fn write_background(page: &mut String, report: &Report) {
    let _ = writeln!(page, "<h2>Background</h2>");
    let Some(best) = report.analysis.backgrounds.first() else {
        let _ = writeln!(
            page,
            "<p>None of the role's common backgrounds shows in this resume.</p>"
        );
        return;
    };
    let _ = writeln!(
        page,
        "<p><strong>{}</strong> (confidence {:.2})</p><p>Brings: {}</p><p>Usual gap: {}</p>",
        escape(&best.name),
        best.confidence,
        escape(&best.brings),
        escape(&best.gap)
    );
}

fn write_evidence(page: &mut String, skills: &[SkillVerdict]) {
    let _ = writeln!(
        page,
        "<h2>Evidence</h2>\n<table>\n<thead><tr><th>Skill</th><th>Status</th><th>Resume lines</th></tr></thead>\n<tbody>"
    );
    for skill in skills {
        let mut cell = String::new();
        for group in group_by_line(&skill.evidence).iter().take(4) {
            let _ = write!(
                cell,
                "<div>line {}: {} <span class=\"term\">[{}]</span></div>",
                group.first.line,
                escape(&group.first.text),
                escape(&group.terms.join(", "))
            );
        }
        if let Some(reason) = &skill.reason {
            let _ = write!(cell, "<div><em>partial: {}</em></div>", escape(reason));
        }
        if cell.is_empty() {
            cell.push_str("no evidence found");
        }
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"{}\">{}</td><td class=\"evidence\">{cell}</td></tr>",
            escape(&skill.name),
            skill.status.as_str(),
            escape(&status_with_usage(skill)).replace('\n', "<br>")
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_text_cannot_inject_markup() {
        assert_eq!(
            escape("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }
}
