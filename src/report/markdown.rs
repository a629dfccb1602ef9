//! The report as a Markdown document a person can keep or paste into notes.

use std::io::Write;

use super::describe::{
    describe_document, evidence_line, explanations, formula, group_by_line, status_with_usage,
};
use super::model::Report;

/// The report as Markdown: headings, a table of verdicts, lists.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let analysis = report.analysis;
    let score = &analysis.score;
    writeln!(out, "# Skill gap: {}\n", analysis.role_title)?;
    writeln!(
        out,
        "Resume: `{}` ({})\n",
        report.document.file,
        describe_document(report.document)
    )?;
    writeln!(
        out,
        "**Coverage score: {:.1}%** (technical {:.1}%, soft {:.1}%)\n",
        score.percent, score.technical.percent, score.soft.percent
    )?;
    writeln!(out, "Computed as the {}.\n", formula(report))?;
    if !report.document.warnings.is_empty() {
        writeln!(
            out,
            "> Note on the text: {}.\n",
            escape(&report.document.warnings.join("; "))
        )?;
    }

    writeln!(out, "## Skills\n")?;
    writeln!(out, "| Skill | Category | Status | Evidence |")?;
    writeln!(out, "|---|---|---|---|")?;
    for skill in &analysis.skills {
        let mut cells: Vec<String> = group_by_line(&skill.evidence)
            .iter()
            .take(3)
            .map(|group| escape(&evidence_line(group, 80)))
            .collect();
        if let Some(reason) = &skill.reason {
            cells.push(format!("*partial: {}*", escape(reason)));
        }
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&skill.name),
            skill.category.as_str(),
            status_with_usage(skill).replace('\n', "<br>"),
            if cells.is_empty() {
                "–".to_string()
            } else {
                cells.join("<br>")
            }
        )?;
    }

    if report.explain {
        writeln!(out, "\n## How each verdict was reached\n")?;
        for (verdict, lines) in explanations(report) {
            writeln!(out, "- **{}**", escape(&verdict))?;
            for line in lines {
                writeln!(out, "  - {}", escape(&line))?;
            }
        }
    }

    writeln!(out, "\n## Focus areas\n")?;
    let focus: Vec<_> = analysis.focus.iter().take(report.top).collect();
    if focus.is_empty() {
        writeln!(out, "None: every skill of the role is aligned.")?;
    }
    for (rank, area) in focus.iter().enumerate() {
        writeln!(
            out,
            "{}. **{}** ({}, weight {}, priority {}): {}",
            rank + 1,
            area.name,
            area.gap.as_str(),
            area.weight,
            area.priority,
            area.next_step
        )?;
    }

    writeln!(out, "\n## Background\n")?;
    match analysis.backgrounds.first() {
        None => writeln!(
            out,
            "None of the role's common backgrounds shows in this resume."
        )?,
        Some(best) => {
            writeln!(
                out,
                "**{}** (confidence {:.2})\n",
                best.name, best.confidence
            )?;
            for group in group_by_line(&best.evidence).iter().take(3) {
                writeln!(out, "- {}", escape(&evidence_line(group, 80)))?;
            }
            writeln!(out, "\n- Brings: {}", best.brings)?;
            writeln!(out, "- Usual gap: {}", best.gap)?;
            for other in analysis.backgrounds.iter().skip(1) {
                writeln!(
                    out,
                    "- Also fits: {} (confidence {:.2})",
                    other.name, other.confidence
                )?;
            }
        }
    }
    Ok(())
}

/// Keeps resume text from breaking the table or turning into markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
