//! The JSON document: structs made for output, so internal types can change without changing
//! the contract. Every field is described in docs/json.md.

use std::io::Write;

use serde::Serialize;

use super::{Report, evidence_kind, formula, group_by_line};
use crate::analysis::{Analysis, Gap, Part, Status};
use crate::matching::Evidence;
use crate::profile::Category;
use crate::resume::Section;

/// Follows semver for the document: a new field is a minor change, a removed or changed one major.
pub const SCHEMA_VERSION: &str = "1.0.0";

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: &'static str,
    file: &'a str,
    document: JsonDocument<'a>,
    role: JsonRole<'a>,
    score: JsonScore,
    skills: Vec<JsonSkill<'a>>,
    focus_areas: Vec<JsonFocus<'a>>,
    backgrounds: Vec<JsonBackground<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    format: &'a crate::extract::Format,
    generator: Option<&'a str>,
    pages: Option<usize>,
    lines: usize,
    characters: usize,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct JsonRole<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonScore {
    percent: f64,
    earned: f64,
    possible: f64,
    partial_credit: f64,
    technical: JsonPart,
    soft: JsonPart,
    formula: String,
}

#[derive(Serialize)]
struct JsonPart {
    percent: f64,
    earned: f64,
    possible: f64,
}

impl From<&Part> for JsonPart {
    fn from(part: &Part) -> Self {
        JsonPart {
            percent: part.percent,
            earned: round(part.earned),
            possible: round(part.possible),
        }
    }
}

#[derive(Serialize)]
struct JsonSkill<'a> {
    id: &'a str,
    name: &'a str,
    category: Category,
    status: Status,
    weight: f64,
    reason: Option<&'a str>,
    years: Option<f64>,
    last_used: Option<u16>,
    stale: bool,
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    line: usize,
    text: &'a str,
    term: &'a str,
    terms: Vec<&'a str>,
    section: Section,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_as: Option<&'a str>,
}

fn json_evidence(evidence: &[Evidence]) -> Vec<JsonEvidence<'_>> {
    group_by_line(evidence)
        .into_iter()
        .map(|group| JsonEvidence {
            line: group.first.line,
            text: &group.first.text,
            term: &group.first.term,
            section: group.first.section,
            kind: evidence_kind(&group.first.shows),
            read_as: group.first.read_as.as_deref(),
            terms: group.terms,
        })
        .collect()
}

#[derive(Serialize)]
struct JsonFocus<'a> {
    rank: usize,
    skill_id: &'a str,
    name: &'a str,
    status: Status,
    gap: Gap,
    weight: f64,
    priority: f64,
    next_step: &'a str,
}

#[derive(Serialize)]
struct JsonBackground<'a> {
    id: &'a str,
    name: &'a str,
    confidence: f64,
    evidence: Vec<JsonEvidence<'a>>,
    brings: &'a str,
    gap: &'a str,
    gap_confirmed: &'a [String],
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let analysis: &Analysis = report.analysis;
    let score = &analysis.score;
    let document = JsonReport {
        schema_version: SCHEMA_VERSION,
        file: &report.document.file,
        document: JsonDocument {
            format: &report.document.format,
            generator: report.document.generator.as_deref(),
            pages: report.document.pages,
            lines: report.document.lines,
            characters: report.document.characters,
            warnings: &report.document.warnings,
        },
        role: JsonRole {
            id: &analysis.role_id,
            title: &analysis.role_title,
            source: report.role_origin,
        },
        score: JsonScore {
            percent: score.percent,
            earned: round(score.earned),
            possible: round(score.possible),
            partial_credit: score.partial_credit,
            technical: (&score.technical).into(),
            soft: (&score.soft).into(),
            formula: formula(report),
        },
        skills: analysis
            .skills
            .iter()
            .map(|skill| JsonSkill {
                id: &skill.id,
                name: &skill.name,
                category: skill.category,
                status: skill.status,
                weight: skill.weight,
                reason: skill.reason.as_deref(),
                years: skill.usage.map(|u| u.years),
                last_used: skill.usage.map(|u| u.last_used),
                stale: skill.usage.is_some_and(|u| u.stale),
                evidence: json_evidence(&skill.evidence),
            })
            .collect(),
        focus_areas: analysis
            .focus
            .iter()
            .take(report.top)
            .enumerate()
            .map(|(index, focus)| JsonFocus {
                rank: index + 1,
                skill_id: &focus.skill_id,
                name: &focus.name,
                status: focus.status,
                gap: focus.gap,
                weight: focus.weight,
                priority: focus.priority,
                next_step: &focus.next_step,
            })
            .collect(),
        backgrounds: analysis
            .backgrounds
            .iter()
            .map(|background| JsonBackground {
                id: &background.id,
                name: &background.name,
                confidence: background.confidence,
                evidence: json_evidence(&background.evidence),
                brings: &background.brings,
                gap: &background.gap,
                gap_confirmed: &background.gap_confirmed,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
