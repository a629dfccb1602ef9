//! The report of `skillgap compare`: what an edit of a resume changed for the role.

use std::io::Write;

use serde::Serialize;

use super::json::SCHEMA_VERSION;
use super::model::{CompareFormat, Versions};
use crate::analysis::{Change, Comparison, FocusArea};

/// The comparison in the format asked, with `top` focus areas.
pub fn render(
    comparison: &Comparison,
    files: &Versions,
    format: CompareFormat,
    top: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        CompareFormat::Table => render_text(comparison, files, top, out, false),
        CompareFormat::Markdown => render_text(comparison, files, top, out, true),
        CompareFormat::Json => render_json(comparison, files, top, out),
    }
}

fn focus_ids(focus: &[FocusArea], top: usize) -> Vec<&str> {
    focus
        .iter()
        .take(top)
        .map(|f| f.skill_id.as_str())
        .collect()
}

fn signed(delta: f64) -> String {
    if delta > 0.0 {
        format!("+{delta:.1}")
    } else {
        format!("{delta:.1}")
    }
}

fn render_text(
    comparison: &Comparison,
    files: &Versions,
    top: usize,
    out: &mut dyn Write,
    markdown: bool,
) -> std::io::Result<()> {
    let (old, new) = (&comparison.old, &comparison.new);
    let heading = |level: usize, text: &str| {
        if markdown {
            format!("{} {text}\n", "#".repeat(level))
        } else {
            format!("{text}\n")
        }
    };
    let bullet = if markdown { "- " } else { "  " };
    write!(
        out,
        "{}",
        heading(
            1,
            &format!("{}: {} → {}", old.role_title, files.old, files.new)
        )
    )?;
    writeln!(
        out,
        "\nScore: {:.1}% → {:.1}% ({} points; technical {}, soft {})",
        old.score.percent,
        new.score.percent,
        signed(comparison.score_delta()),
        signed(new.score.technical.percent - old.score.technical.percent),
        signed(new.score.soft.percent - old.score.soft.percent),
    )?;
    for (title, wanted) in [
        ("Gained", Change::Gained),
        ("Improved", Change::Improved),
        ("Weakened", Change::Weakened),
        ("Lost", Change::Lost),
    ] {
        let moved: Vec<_> = comparison
            .skills
            .iter()
            .filter(|s| s.change == wanted)
            .collect();
        if moved.is_empty() {
            continue;
        }
        write!(out, "\n{}", heading(2, title))?;
        for skill in moved {
            writeln!(
                out,
                "{bullet}{}: {} → {}",
                skill.name,
                skill.old.as_str(),
                skill.new.as_str()
            )?;
        }
    }
    if comparison
        .skills
        .iter()
        .all(|s| s.change == Change::Unchanged)
    {
        writeln!(out, "\nNo skill changed status.")?;
    }
    let before = focus_ids(&old.focus, top);
    let after = focus_ids(&new.focus, top);
    write!(out, "\n{}", heading(2, "Focus areas"))?;
    for (rank, area) in new.focus.iter().take(top).enumerate() {
        let movement = match before.iter().position(|id| *id == area.skill_id) {
            None => "new on the list".to_string(),
            Some(was) if was == rank => "same place".to_string(),
            Some(was) => format!("was {}", was + 1),
        };
        writeln!(out, "{bullet}{}. {} ({movement})", rank + 1, area.name)?;
    }
    for resolved in before.iter().filter(|id| !after.contains(id)) {
        let name = new
            .skills
            .iter()
            .find(|s| s.id == *resolved)
            .map_or(*resolved, |s| &s.name);
        writeln!(out, "{bullet}off the list: {name}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    schema_version: &'static str,
    role: JsonRole<'a>,
    old: JsonVersion<'a>,
    new: JsonVersion<'a>,
    score_delta: f64,
    skills: Vec<JsonChange<'a>>,
    focus: JsonFocus<'a>,
}

#[derive(Serialize)]
struct JsonRole<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonVersion<'a> {
    file: &'a str,
    score: f64,
    technical: f64,
    soft: f64,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    id: &'a str,
    name: &'a str,
    old: &'static str,
    new: &'static str,
    change: &'static str,
}

#[derive(Serialize)]
struct JsonFocus<'a> {
    old: Vec<&'a str>,
    new: Vec<&'a str>,
}

fn render_json(
    comparison: &Comparison,
    files: &Versions,
    top: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (old, new) = (&comparison.old, &comparison.new);
    let version = |file, analysis: &'_ crate::analysis::Analysis| JsonVersion {
        file,
        score: analysis.score.percent,
        technical: analysis.score.technical.percent,
        soft: analysis.score.soft.percent,
    };
    let document = JsonComparison {
        schema_version: SCHEMA_VERSION,
        role: JsonRole {
            id: &new.role_id,
            title: &new.role_title,
        },
        old: version(files.old, old),
        new: version(files.new, new),
        score_delta: comparison.score_delta(),
        skills: comparison
            .skills
            .iter()
            .map(|s| JsonChange {
                id: &s.id,
                name: &s.name,
                old: s.old.as_str(),
                new: s.new.as_str(),
                change: s.change.as_str(),
            })
            .collect(),
        focus: JsonFocus {
            old: focus_ids(&old.focus, top),
            new: focus_ids(&new.focus, top),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
