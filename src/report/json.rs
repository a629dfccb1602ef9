//! The JSON document: structs made for output, so internal types can change without changing
//! the contract. Every field is described in docs/json.md, and `skillgap schema report` prints
//! the JSON Schema generated from these same structs (their doc comments are its descriptions).
//!
//! Two documents share the schema: the report ([`JsonReport`]), printed by `--format json` and as
//! each line of a batch, and the error line ([`JsonErrorLine`]) that a batch prints instead of a
//! report for a file it could not analyze.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::describe::{formula, group_by_line};
use super::model::{ErrorLine, Report};
use crate::analysis::{Analysis, Gap, Part, Status};
use crate::error::ExitStatus;
use crate::extract::Format;
use crate::matching::{Evidence, Shows};
use crate::profile::Category;
use crate::resume::Section;

/// Follows semver for the document: a new field is a minor change, a removed or changed one major.
/// 1.1.0 added `gate`, the error line of a batch, and `json-resume` as a `document.format`;
/// 1.2.0 added `document.columns`.
pub const SCHEMA_VERSION: &str = "1.2.0";

/// One line of `skillgap analyze` JSON output: a report, or (in a batch) the error of one file.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "skillgap analyze output")]
enum JsonLine<'a> {
    Report(Box<JsonReport<'a>>),
    Error(JsonErrorLine<'a>),
}

/// The report on one resume for one role.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Report", deny_unknown_fields)]
struct JsonReport<'a> {
    /// Version of this document's shape, MAJOR.MINOR.PATCH; check the major version.
    #[schemars(regex(pattern = r"^1\.\d+\.\d+$"))]
    schema_version: &'static str,
    /// The input path as given on the command line or found in a folder (`-` for standard input).
    file: &'a str,
    document: JsonDocument<'a>,
    role: JsonRole<'a>,
    score: JsonScore,
    /// Present only when `--fail-under` or `--require` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    gate: Option<JsonGate<'a>>,
    /// One entry per skill of the role, in the profile's order.
    skills: Vec<JsonSkill<'a>>,
    /// Skills to work on, best first; at most `--top` entries.
    focus_areas: Vec<JsonFocus<'a>>,
    /// Common backgrounds the resume shows, best first; empty when none shows.
    backgrounds: Vec<JsonBackground<'a>>,
}

/// What was read.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Document", deny_unknown_fields)]
struct JsonDocument<'a> {
    /// How the file was read (by content, not only by extension).
    format: JsonFormat,
    /// The program that made the file: a PDF's producer (or creator), a DOCX's application.
    generator: Option<&'a str>,
    /// Pages of a PDF; null for other formats.
    pages: Option<usize>,
    /// A guess at the columns of text: of a PDF's busiest page (from where its text sits), or
    /// of a DOCX's layout (section columns, a layout table); null for formats without pages. Two columns is when a careless
    /// extractor mixes the lines of both.
    #[schemars(range(min = 1))]
    columns: Option<usize>,
    /// Lines of extracted text; evidence line numbers refer to these.
    lines: usize,
    /// Letters and digits in the extracted text.
    characters: usize,
    /// What a person should know about the text (ligatures expanded, unmapped glyphs, …).
    warnings: &'a [String],
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "Format")]
enum JsonFormat {
    Pdf,
    Docx,
    Markdown,
    Text,
    JsonResume,
}

impl From<Format> for JsonFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Pdf => JsonFormat::Pdf,
            Format::Docx => JsonFormat::Docx,
            Format::Markdown => JsonFormat::Markdown,
            Format::Text => JsonFormat::Text,
            Format::JsonResume => JsonFormat::JsonResume,
        }
    }
}

/// The role compared against.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Role", deny_unknown_fields)]
struct JsonRole<'a> {
    /// The profile's id, e.g. `infrastructure-engineer`.
    id: &'a str,
    /// The role's title.
    title: &'a str,
    /// The repo path of a built-in profile (`roles/…yaml`) or the path given to `--role`.
    source: &'a str,
}

/// Weighted coverage.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Score", deny_unknown_fields)]
struct JsonScore {
    /// earned / possible × 100, rounded to one decimal.
    percent: f64,
    /// Sum over skills of weight × credit (aligned 1, partial `partial_credit`, missing 0).
    earned: f64,
    /// Sum of all skill weights.
    possible: f64,
    /// The credit a partial skill earns, from the profile.
    partial_credit: f64,
    technical: JsonPart,
    soft: JsonPart,
    /// The computation in words, with the numbers.
    formula: String,
}

/// The score of technical or of soft skills alone.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "ScorePart", deny_unknown_fields)]
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

/// Whether the report meets the bar of `--fail-under` and `--require`.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Gate", deny_unknown_fields)]
struct JsonGate<'a> {
    /// True when every condition is met; false makes `analyze` exit 1.
    passed: bool,
    /// One sentence per condition not met, e.g. "terraform is partial, required aligned";
    /// empty when passed.
    reasons: &'a [String],
}

/// The verdict on one skill of the role.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Skill", deny_unknown_fields)]
struct JsonSkill<'a> {
    /// Stable skill id from the profile.
    id: &'a str,
    /// Display name.
    name: &'a str,
    category: JsonCategory,
    status: JsonStatus,
    /// Market weight from the profile.
    weight: f64,
    /// For a partial skill: why; otherwise null.
    reason: Option<&'a str>,
    /// Years of dated jobs whose lines show the skill (overlaps counted once, to the half year).
    years: Option<f64>,
    /// The year the last such job ended.
    last_used: Option<u16>,
    /// True when `last_used` is 8 or more years ago.
    stale: bool,
    /// Resume lines that show the skill, strongest first; empty when missing.
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Category")]
enum JsonCategory {
    Technical,
    Soft,
}

impl From<Category> for JsonCategory {
    fn from(category: Category) -> Self {
        match category {
            Category::Technical => JsonCategory::Technical,
            Category::Soft => JsonCategory::Soft,
        }
    }
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Status")]
enum JsonStatus {
    Aligned,
    Partial,
    Missing,
}

impl From<Status> for JsonStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Aligned => JsonStatus::Aligned,
            Status::Partial => JsonStatus::Partial,
            Status::Missing => JsonStatus::Missing,
        }
    }
}

/// One resume line that shows a skill or a background.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Evidence", deny_unknown_fields)]
struct JsonEvidence<'a> {
    /// 1-based line number in the extracted text (see `skillgap text -n FILE`).
    line: usize,
    /// That line, trimmed.
    text: &'a str,
    /// The first matched words, as written in the resume.
    term: &'a str,
    /// Every matched phrase on that line, as written.
    terms: Vec<&'a str>,
    section: JsonSection,
    kind: JsonKind,
    /// Present only when the resume misspelt a long product name by one letter: the profile
    /// term it was read as.
    #[serde(skip_serializing_if = "Option::is_none")]
    read_as: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Section")]
enum JsonSection {
    Header,
    Summary,
    Skills,
    Experience,
    Projects,
    Education,
    Certifications,
    Interests,
    Other,
}

impl From<Section> for JsonSection {
    fn from(section: Section) -> Self {
        match section {
            Section::Header => JsonSection::Header,
            Section::Summary => JsonSection::Summary,
            Section::Skills => JsonSection::Skills,
            Section::Experience => JsonSection::Experience,
            Section::Projects => JsonSection::Projects,
            Section::Education => JsonSection::Education,
            Section::Certifications => JsonSection::Certifications,
            Section::Interests => JsonSection::Interests,
            Section::Other => JsonSection::Other,
        }
    }
}

/// `direct`: the skill's own term; `part`: one part of a several-part skill; `related`:
/// evidence that shows the skill only in part.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "EvidenceKind")]
enum JsonKind {
    Direct,
    Part,
    Related,
}

impl From<&Shows> for JsonKind {
    fn from(shows: &Shows) -> Self {
        match shows {
            Shows::Skill => JsonKind::Direct,
            Shows::Part(_) => JsonKind::Part,
            Shows::Related(_) => JsonKind::Related,
        }
    }
}

fn json_evidence(evidence: &[Evidence]) -> Vec<JsonEvidence<'_>> {
    group_by_line(evidence)
        .into_iter()
        .map(|group| JsonEvidence {
            line: group.first.line,
            text: &group.first.text,
            term: &group.first.term,
            section: group.first.section.into(),
            kind: (&group.first.shows).into(),
            read_as: group.first.read_as.as_deref(),
            terms: group.terms,
        })
        .collect()
}

/// A skill to work on.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "FocusArea", deny_unknown_fields)]
struct JsonFocus<'a> {
    /// 1 for the first thing to work on.
    rank: usize,
    skill_id: &'a str,
    name: &'a str,
    /// The skill's status (aligned for a stale skill).
    status: JsonStatus,
    gap: JsonGap,
    /// Market weight.
    weight: f64,
    /// weight × gap share: the ranking key.
    priority: f64,
    /// A concrete next step from the profile.
    next_step: &'a str,
}

/// Why a skill is a focus area: missing, partial, or stale (aligned, but last used long ago).
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Gap")]
enum JsonGap {
    Missing,
    Partial,
    Stale,
}

impl From<Gap> for JsonGap {
    fn from(gap: Gap) -> Self {
        match gap {
            Gap::Missing => JsonGap::Missing,
            Gap::Partial => JsonGap::Partial,
            Gap::Stale => JsonGap::Stale,
        }
    }
}

/// A common background the resume shows.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Background", deny_unknown_fields)]
struct JsonBackground<'a> {
    /// Background id from the profile, e.g. `systems-administrator`.
    id: &'a str,
    name: &'a str,
    /// 0 to 1.
    confidence: f64,
    /// The lines that point to this background.
    evidence: Vec<JsonEvidence<'a>>,
    /// What this background usually brings to the role.
    brings: &'a str,
    /// Where its gap usually lies.
    gap: &'a str,
    /// Ids of the skills of that usual gap that this resume also lacks.
    gap_confirmed: &'a [String],
}

/// A file of a batch that could not be analyzed: printed in its place, and the batch goes on.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "ErrorLine", deny_unknown_fields)]
struct JsonErrorLine<'a> {
    #[schemars(regex(pattern = r"^1\.\d+\.\d+$"))]
    schema_version: &'static str,
    /// The input as found: a path, or the folder or pattern that yielded no file.
    file: &'a str,
    error: JsonError<'a>,
}

/// What went wrong, as `skillgap analyze FILE` alone would have said it.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Error", deny_unknown_fields)]
struct JsonError<'a> {
    /// The exit code `skillgap analyze FILE` would exit with (see the README).
    #[schemars(range(min = 3, max = 7))]
    code: u8,
    kind: ErrorKind,
    /// The one-line message, without the `skillgap: error: ` prefix.
    message: &'a str,
}

/// The class of the error, one per exit code: `cannot-read` 3, `bad-document` 4, `no-text` 5,
/// `bad-role` 6, `too-large` 7.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "ErrorKind")]
enum ErrorKind {
    CannotRead,
    BadDocument,
    NoText,
    BadRole,
    TooLarge,
}

impl ErrorKind {
    fn of(status: ExitStatus) -> Self {
        match status {
            ExitStatus::BadDocument => ErrorKind::BadDocument,
            ExitStatus::NoText => ErrorKind::NoText,
            ExitStatus::BadRole => ErrorKind::BadRole,
            ExitStatus::TooLarge => ErrorKind::TooLarge,
            // Reading a file fails with one of the four above, or with this one.
            ExitStatus::CannotReadOrWrite
            | ExitStatus::Usage
            | ExitStatus::Findings
            | ExitStatus::Success => ErrorKind::CannotRead,
        }
    }
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn report_document<'a>(report: &'a Report) -> JsonReport<'a> {
    let analysis: &Analysis = report.analysis;
    let score = &analysis.score;
    JsonReport {
        schema_version: SCHEMA_VERSION,
        file: &report.document.file,
        document: JsonDocument {
            format: report.document.format.into(),
            generator: report.document.generator.as_deref(),
            pages: report.document.pages,
            columns: report.document.columns,
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
        gate: report.gate.map(|gate| JsonGate {
            passed: gate.passed(),
            reasons: &gate.reasons,
        }),
        skills: analysis
            .skills
            .iter()
            .map(|skill| JsonSkill {
                id: &skill.id,
                name: &skill.name,
                category: skill.category.into(),
                status: skill.status.into(),
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
                status: focus.status.into(),
                gap: focus.gap.into(),
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
    }
}

/// The report as one pretty document (`--format json`), with the gate's verdict if one was set.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report_document(report))?;
    writeln!(out)
}

/// The report as one line of JSON: a line of a batch.
pub fn render_line(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let document = JsonLine::Report(Box::new(report_document(report)));
    serde_json::to_writer(&mut *out, &document)?;
    writeln!(out)
}

/// The error line of a batch for an input that could not be analyzed.
pub fn render_error_line(line: &ErrorLine, out: &mut dyn Write) -> std::io::Result<()> {
    let document = JsonLine::Error(JsonErrorLine {
        schema_version: SCHEMA_VERSION,
        file: line.file,
        error: JsonError {
            code: line.status.code(),
            kind: ErrorKind::of(line.status),
            message: line.message,
        },
    });
    serde_json::to_writer(&mut *out, &document)?;
    writeln!(out)
}

/// The JSON Schema (draft 2020-12) of every document `analyze` prints, from the structs above.
pub fn render_schema(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", schema())
}

fn schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<JsonLine>();
    serde_json::to_string_pretty(&schema).expect("a schema serializes")
}
