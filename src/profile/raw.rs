//! The profile exactly as written in YAML. These types define the format: serde reads profiles
//! into them, and the JSON Schema (`skillgap schema role`) is generated from them, so the doc
//! comments below are what an editor shows on hover. docs/role-profile.md explains each field.
//! Positions are kept on the nodes that later checks point at.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::model::Category;

/// A skillgap role profile: what a role needs, as data. Format: docs/role-profile.md.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "skillgap role profile")]
pub struct RawProfile {
    /// The role's id: kebab-case, and the same as the file's name without `.yaml`.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// The role's name as people say it ("Infrastructure Engineer").
    pub title: String,
    /// What the role does, in a sentence or two.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub scoring: RawScoring,
    #[serde(default)]
    pub language: RawLanguage,
    /// The skills of the role, each with the evidence that shows it.
    #[schemars(length(min = 1))]
    pub skills: Vec<RawSkill>,
    /// Common backgrounds of people moving into the role.
    #[serde(default)]
    pub backgrounds: Vec<RawBackground>,
}

/// How the score is counted.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Scoring")]
pub struct RawScoring {
    /// The credit a partial skill earns, from 0 to 1 (an aligned skill earns 1).
    #[serde(default = "default_partial_credit")]
    #[schemars(with = "f64", range(min = 0.0, max = 1.0))]
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

/// Words that change what a nearby term means. Each is matched like a term (case, accents and
/// hyphens do not matter).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Language")]
pub struct RawLanguage {
    /// Technical words that make an ambiguous term count when they stand near it.
    #[serde(default)]
    pub context_terms: Vec<String>,
    /// Words before a term that deny it ("no", "never").
    #[serde(default)]
    pub negation_cues: Vec<String>,
    /// Words before a term that say it is only wished for ("learning", "want to").
    #[serde(default)]
    pub aspiration_cues: Vec<String>,
    /// The same after a term, in brackets or after a dash: "Kubernetes (learning)".
    #[serde(default)]
    pub trailing_aspiration_cues: Vec<String>,
    /// Words that end the name of an organisation ("Labs", "Ltd"): a term inside such a name is
    /// not evidence.
    #[serde(default)]
    pub organization_words: Vec<String>,
    /// Phrases that contain a term but mean something else ("patch SLA", "Microsoft Teams").
    #[serde(default)]
    pub false_friends: Vec<String>,
}

/// One skill of the role: shown by any of its `terms`, or by all of its `parts`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Skill")]
pub struct RawSkill {
    /// The skill's id: kebab-case, unique in the profile.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// The name shown in reports.
    pub name: String,
    /// Technical and soft skills are scored apart.
    pub category: Category,
    /// How much the market asks for the skill: above 0, at most 10.
    #[schemars(with = "f64", range(max = 10.0), extend("exclusiveMinimum" = 0))]
    pub weight: Spanned<f64>,
    /// Terms that show the skill wherever they appear.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub terms: Vec<Spanned<String>>,
    /// Terms that show the skill only with context nearby ("go", "chef", "vault").
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub ambiguous_terms: Vec<Spanned<String>>,
    /// Words one of which must stand near this skill's ambiguous terms, instead of the role's
    /// technical context words ("work with" needs a person: "team", "engineers").
    #[serde(default)]
    pub context_terms: Vec<String>,
    /// For a skill that needs several things: each part must be shown (instead of `terms`).
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub parts: Vec<RawPart>,
    /// Related evidence that shows the skill only in part, each group with its reason.
    #[serde(default)]
    pub partial: Vec<RawPartial>,
    /// One concrete step to learn the skill, shown with focus areas.
    pub next_step: String,
}

/// One of the things a several-part skill needs ("Python" and "shell scripting").
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Part")]
pub struct RawPart {
    /// What this part is.
    pub name: String,
    /// Terms that show this part.
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub terms: Vec<Spanned<String>>,
    /// Terms that show this part only with context nearby.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub ambiguous_terms: Vec<Spanned<String>>,
}

/// Related evidence that shows a skill only in part, and why.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Partial")]
pub struct RawPartial {
    /// Why this evidence shows the skill only in part; reports show it.
    pub reason: String,
    /// Terms that show the skill in part.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub terms: Vec<Spanned<String>>,
    /// Ids of other skills whose evidence shows this one in part (containers for virtualization).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub skills: Vec<Spanned<String>>,
    /// Terms that show the skill in part only with context nearby.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub ambiguous_terms: Vec<Spanned<String>>,
}

/// A common background of people moving into the role.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Background")]
pub struct RawBackground {
    /// The background's id: kebab-case, unique among backgrounds.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// The background's name as people say it.
    pub name: String,
    /// Job titles and phrases that show this background.
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub terms: Vec<Spanned<String>>,
    /// The same, only with context nearby.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub ambiguous_terms: Vec<Spanned<String>>,
    /// What people from this background already bring to the role.
    pub brings: String,
    /// Where their gap usually lies.
    pub gap: String,
    /// Ids of the skills where that gap lies.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub gap_skills: Vec<Spanned<String>>,
}

/// The JSON Schema of the profile format, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawProfile);
    serde_json::to_string_pretty(&schema).expect("a schema serializes")
}
