//! The role profile: what a role needs, as data. [`validate`] checks the YAML once, reporting
//! every problem as a [`Diagnostic`]; [`load`] turns a profile without errors into a
//! [`Profile`], which later stages trust without checking it again.

pub mod diagnostic;
mod load;
mod raw;
mod shape;
mod tree;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, DiagnosticFormat, Outcome, Position, Severity};
pub use load::{
    BUILTIN_ROLES, builtin_ids, builtin_source, load_builtin, load_file, load_source, resolve,
    unknown_role,
};
pub use raw::json_schema;
pub use validate::{is_kebab_case, validate_paths, validate_source};

/// Technical skills and soft skills are scored and reported apart.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Technical,
    Soft,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Soft => "soft",
        }
    }
}

/// Terms that show something: plain ones count wherever they appear; ambiguous ones ("go",
/// "chef", "shell") count only with technical context on the same line or in a skills section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    pub plain: Vec<String>,
    pub ambiguous: Vec<String>,
}

impl Terms {
    pub fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        self.plain
            .iter()
            .map(|t| (t.as_str(), false))
            .chain(self.ambiguous.iter().map(|t| (t.as_str(), true)))
    }

    pub fn is_empty(&self) -> bool {
        self.plain.is_empty() && self.ambiguous.is_empty()
    }
}

/// Related evidence that shows a skill only in part, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialEvidence {
    pub reason: String,
    pub terms: Terms,
    /// Indices of other skills whose evidence shows this one in part.
    pub skills: Vec<usize>,
}

/// One of the things a several-part skill needs ("Python" and "shell scripting").
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: String,
    pub terms: Terms,
}

/// How a skill is shown: by any of its terms, or only when every part is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    AnyOf(Terms),
    AllOf(Vec<Part>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: Category,
    pub weight: f64,
    pub evidence: Evidence,
    pub partial: Vec<PartialEvidence>,
    /// Context words for this skill's ambiguous terms; empty means the role's technical context.
    pub context_terms: Vec<String>,
    pub next_step: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Background {
    pub id: String,
    pub name: String,
    pub terms: Terms,
    /// What people from this background already bring to the role.
    pub brings: String,
    /// Where their gap usually lies.
    pub gap: String,
    pub gap_skills: Vec<String>,
}

/// Words that change what a nearby term means; all of them are data of the profile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Language {
    /// Technical words that make an ambiguous term count.
    pub context_terms: Vec<String>,
    /// Words before a term that deny it ("no", "without").
    pub negation_cues: Vec<String>,
    /// Words before a term that say it is only wished for ("learning", "want to learn").
    pub aspiration_cues: Vec<String>,
    /// The same after a term, in brackets or after a dash: "Kubernetes (learning)".
    pub trailing_aspiration_cues: Vec<String>,
    /// Words that end the name of an organisation ("Labs", "Ltd", "Café"): a term inside such a
    /// name is not evidence.
    pub organization_words: Vec<String>,
    /// Phrases that contain a term but mean something else ("patch SLA", "Microsoft Teams"):
    /// a term inside a longer false friend is not evidence.
    pub false_friends: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Where the profile came from: the repo path of a built-in, or the file given.
    pub origin: String,
    /// Credit for a partial skill, between 0 and 1.
    pub partial_credit: f64,
    pub skills: Vec<Skill>,
    pub backgrounds: Vec<Background>,
    pub language: Language,
}

impl Profile {
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }
}
