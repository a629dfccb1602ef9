//! The profile exactly as written in YAML, before any check. Positions are kept on the nodes
//! that later checks point at.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Category;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub scoring: RawScoring,
    #[serde(default)]
    pub language: RawLanguage,
    pub skills: Vec<RawSkill>,
    #[serde(default)]
    pub backgrounds: Vec<RawBackground>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoring {
    #[serde(default = "default_partial_credit")]
    pub partial_credit: Spanned<f64>,
}

impl Default for RawScoring {
    fn default() -> Self {
        RawScoring {
            partial_credit: default_partial_credit(),
        }
    }
}

fn default_partial_credit() -> Spanned<f64> {
    Spanned::new(
        0.5,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    #[serde(default)]
    pub context_terms: Vec<String>,
    #[serde(default)]
    pub negation_cues: Vec<String>,
    #[serde(default)]
    pub aspiration_cues: Vec<String>,
    #[serde(default)]
    pub trailing_aspiration_cues: Vec<String>,
    #[serde(default)]
    pub organization_words: Vec<String>,
    #[serde(default)]
    pub false_friends: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkill {
    pub id: Spanned<String>,
    pub name: String,
    pub category: Category,
    pub weight: Spanned<f64>,
    #[serde(default)]
    pub terms: Vec<Spanned<String>>,
    #[serde(default)]
    pub ambiguous_terms: Vec<Spanned<String>>,
    /// Words one of which must stand near this skill's ambiguous terms, instead of the role's
    /// technical context words ("work with" needs a person: "team", "engineers").
    #[serde(default)]
    pub context_terms: Vec<String>,
    #[serde(default)]
    pub parts: Vec<RawPart>,
    #[serde(default)]
    pub partial: Vec<RawPartial>,
    pub next_step: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub name: String,
    pub terms: Vec<Spanned<String>>,
    #[serde(default)]
    pub ambiguous_terms: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPartial {
    pub reason: String,
    #[serde(default)]
    pub terms: Vec<Spanned<String>>,
    /// Skills whose evidence shows this one in part (containers for virtualization).
    #[serde(default)]
    pub skills: Vec<Spanned<String>>,
    #[serde(default)]
    pub ambiguous_terms: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBackground {
    pub id: Spanned<String>,
    pub name: String,
    pub terms: Vec<Spanned<String>>,
    #[serde(default)]
    pub ambiguous_terms: Vec<Spanned<String>>,
    pub brings: String,
    pub gap: String,
    #[serde(default)]
    pub gap_skills: Vec<Spanned<String>>,
}
