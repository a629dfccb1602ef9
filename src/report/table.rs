//! The terminal report: a table of verdicts with their evidence, then score, focus and background.

use std::io::Write;

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets::UTF8_FULL_CONDENSED,
};

use super::describe::{
    describe_document, evidence_line, explanations, formula, group_by_line, status_with_usage,
};
use super::model::Report;
use crate::analysis::Status;
use crate::matching::Shows;

/// Evidence lines shown per skill in the table; the JSON has them all.
const EVIDENCE_PER_SKILL: usize = 2;

/// The table, then the notes, the score, the focus areas and the background.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let analysis = report.analysis;
    writeln!(
        out,
        "{} — {} ({})",
        analysis.role_title,
        report.document.file,
        describe_document(report.document)
    )?;
    writeln!(out, "{}", skills_table(report))?;
    if !report.document.warnings.is_empty() {
        writeln!(
            out,
            "Note on the text: {}.",
            report.document.warnings.join("; ")
        )?;
    }
    if report.explain {
        writeln!(out, "\nHow each verdict was reached:")?;
        for (verdict, lines) in explanations(report) {
            writeln!(out, "  {verdict}")?;
            for line in lines {
                writeln!(out, "    {line}")?;
            }
        }
    }

    let score = &analysis.score;
    writeln!(
        out,
        "\nCoverage score: {:.1}% (technical {:.1}%, soft {:.1}%)",
        score.percent, score.technical.percent, score.soft.percent
    )?;
    writeln!(out, "  = {}", formula(report))?;

    let focus: Vec<_> = analysis.focus.iter().take(report.top).collect();
    if focus.is_empty() {
        writeln!(
            out,
            "\nFocus areas: none; every skill of the role is aligned."
        )?;
    } else {
        writeln!(out, "\nFocus areas (ranked by market weight × gap):")?;
        for (rank, area) in focus.iter().enumerate() {
            writeln!(
                out,
                "  {}. {} ({}, weight {}): {}",
                rank + 1,
                area.name,
                area.gap.as_str(),
                area.weight,
                area.next_step
            )?;
        }
    }

    match analysis.backgrounds.first() {
        Some(best) => {
            let evidence = best
                .evidence
                .first()
                .map(|e| format!(", from line {}: \"{}\"", e.line, e.term))
                .unwrap_or_default();
            writeln!(
                out,
                "\nBest-fitting background: {} (confidence {:.2}{})",
                best.name, best.confidence, evidence
            )?;
            writeln!(out, "  Brings: {}", best.brings)?;
            writeln!(out, "  Usual gap: {}", best.gap)?;
        }
        None => writeln!(
            out,
            "\nBest-fitting background: none of the role's common backgrounds shows in this resume."
        )?,
    }
    Ok(())
}

fn status_color(skill: &crate::analysis::SkillVerdict) -> Color {
    match skill.status {
        Status::Aligned if skill.usage.is_some_and(|u| u.stale) => Color::Yellow,
        Status::Aligned => Color::Green,
        Status::Partial => Color::Yellow,
        Status::Missing => Color::Red,
    }
}

fn skills_table(report: &Report) -> Table {
    let mut table = Table::new();
    // Styling follows the caller's colour choice, not comfy-table's own terminal check.
    if report.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(report.width)
        .set_header(["Skill", "Status", "Evidence"]);
    for (column, widest) in [(0, 36), (1, 20)] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(widest)));
        }
    }
    for skill in &report.analysis.skills {
        // An aligned skill is shown by its own terms; related evidence would only repeat lines.
        let shown: Vec<_> = skill
            .evidence
            .iter()
            .filter(|e| skill.status != Status::Aligned || !matches!(e.shows, Shows::Related(_)))
            .cloned()
            .collect();
        let groups = group_by_line(&shown);
        let mut lines: Vec<String> = groups
            .iter()
            .take(EVIDENCE_PER_SKILL)
            .map(|group| evidence_line(group, 60))
            .collect();
        if groups.len() > EVIDENCE_PER_SKILL {
            let more = groups.len() - EVIDENCE_PER_SKILL;
            let plural = if more == 1 { "" } else { "s" };
            lines.push(format!("(+{more} more line{plural})"));
        }
        if let Some(reason) = &skill.reason {
            lines.push(format!("partial: {reason}"));
        }
        if skill.status == Status::Missing {
            lines.push("no evidence found".to_string());
        }
        let status = Cell::new(status_with_usage(skill));
        let status = if report.color {
            status
                .fg(status_color(skill))
                .add_attribute(Attribute::Bold)
        } else {
            status
        };
        table.add_row(vec![
            Cell::new(&skill.name),
            status,
            Cell::new(lines.join("\n")),
        ]);
    }
    table
}
