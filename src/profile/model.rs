//! The trusted form of a role profile, which the later stages read without checking it again.

/// Technical skills and soft skills are scored and reported apart.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
// Undocumented variants keep the JSON Schema a plain `enum` of the two values.
#[allow(missing_docs)]
pub enum Category {
    Technical,
    Soft,
}

impl Category {
    /// "technical" or "soft", as printed.
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
    /// Terms that count wherever they appear.
    pub plain: Vec<String>,
    /// Terms that count only with context.
    pub ambiguous: Vec<String>,
}

impl Terms {
    /// Every term, with whether it is ambiguous.
    pub fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        self.plain
            .iter()
            .map(|t| (t.as_str(), false))
            .chain(self.ambiguous.iter().map(|t| (t.as_str(), true)))
    }

    /// Whether there are no terms at all.
    pub fn is_empty(&self) -> bool {
        self.plain.is_empty() && self.ambiguous.is_empty()
    }
}

/// Related evidence that shows a skill only in part, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialEvidence {
    /// Why this evidence shows the skill only in part, as the report says it.
    pub reason: String,
    /// Terms that show it in part.
    pub terms: Terms,
    /// Indices of other skills whose evidence shows this one in part.
    pub skills: Vec<usize>,
}

/// One of the things a several-part skill needs ("Python" and "shell scripting").
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The part's name, as the report says it ("Python").
    pub name: String,
    /// Terms that show the part.
    pub terms: Terms,
}

/// How a skill is shown: by any of its terms, or only when every part is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// Any one term shows the skill.
    AnyOf(Terms),
    /// Every part must be shown.
    AllOf(Vec<Part>),
}

/// One skill of a role.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Stable kebab-case id, used by scripts and gates.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Technical or soft.
    pub category: Category,
    /// Market weight: how much the skill counts in the score and the focus ranking.
    pub weight: f64,
    /// What shows the skill.
    pub evidence: Evidence,
    /// What shows it only in part, and why.
    pub partial: Vec<PartialEvidence>,
    /// Context words for this skill's ambiguous terms; empty means the role's technical context.
    pub context_terms: Vec<String>,
    /// A concrete action that would show the skill.
    pub next_step: String,
}

/// A common background of people who move into the role.
#[derive(Debug, Clone, PartialEq)]
pub struct Background {
    /// Stable kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Titles and duties that show the background.
    pub terms: Terms,
    /// What people from this background already bring to the role.
    pub brings: String,
    /// Where their gap usually lies.
    pub gap: String,
    /// The ids of the skills that gap is made of.
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

/// A role, validated and ready to judge resumes against.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Stable kebab-case id, e.g. `infrastructure-engineer`.
    pub id: String,
    /// The role's title.
    pub title: String,
    /// What the role is, in a sentence or two.
    pub summary: String,
    /// Where the profile came from: the repo path of a built-in, or the file given.
    pub origin: String,
    /// Credit for a partial skill, between 0 and 1.
    pub partial_credit: f64,
    /// The skills, in the order reports list them.
    pub skills: Vec<Skill>,
    /// Common backgrounds, in the profile's order.
    pub backgrounds: Vec<Background>,
    /// The words the matching rules use.
    pub language: Language,
}

impl Profile {
    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }
}
