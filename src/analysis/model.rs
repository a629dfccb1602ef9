//! What an analysis is: a verdict per skill, the score, the focus areas and the backgrounds.

use crate::matching::{Evidence, Rejection};
use crate::profile::Category;

/// A skill's verdict, strongest first (so `Aligned < Partial < Missing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The resume shows the skill.
    Aligned,
    /// The resume shows related evidence, or one part of a several-part skill.
    Partial,
    /// Nothing shows it.
    Missing,
}

impl Status {
    /// "aligned", "partial" or "missing", as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Aligned => "aligned",
            Status::Partial => "partial",
            Status::Missing => "missing",
        }
    }
}

/// The verdict on one skill of the role.
#[derive(Debug, Clone)]
pub struct SkillVerdict {
    /// The skill's id in the profile.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Technical or soft.
    pub category: Category,
    /// Its market weight.
    pub weight: f64,
    /// The verdict.
    pub status: Status,
    /// Why the skill is partial (or what would make it aligned).
    pub reason: Option<String>,
    /// Strongest first: the evidence that decided the status, then the rest.
    pub evidence: Vec<Evidence>,
    /// Candidate matches the rules turned down, with the rule (for `--explain`).
    pub rejected: Vec<Rejection>,
    /// How long and how recently the resume's dated jobs show the skill.
    pub usage: Option<Usage>,
    /// The profile's next step for the skill.
    pub next_step: String,
}

/// Years of dated work that show a skill, and when it was last shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    /// Length of the union of the periods of the jobs that show it, in years (halves).
    pub years: f64,
    /// The year the last such job ended (this year for a job held now).
    pub last_used: u16,
    /// Last used so long ago that it needs refreshing.
    pub stale: bool,
}

/// A skill last used this many years ago or more is stale.
pub const STALE_AFTER_YEARS: u16 = 8;

/// Why a skill is a focus area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing shows the skill.
    Missing,
    /// Only related evidence, or one part, shows it.
    Partial,
    /// Aligned, but last used long ago.
    Stale,
}

impl Gap {
    /// "missing", "partial" or "stale", as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Gap::Missing => "missing",
            Gap::Partial => "partial",
            Gap::Stale => "stale",
        }
    }
}

/// Weighted coverage: each skill earns its weight × credit (aligned 1, partial the profile's
/// partial credit), out of the sum of all weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// earned ÷ possible, in percent to one decimal.
    pub percent: f64,
    /// Sum of weight × credit over all skills.
    pub earned: f64,
    /// Sum of all weights.
    pub possible: f64,
    /// The credit a partial skill earns.
    pub partial_credit: f64,
    /// The technical skills alone.
    pub technical: Part,
    /// The soft skills alone.
    pub soft: Part,
}

/// The score of one category of skills.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// earned ÷ possible, in percent to one decimal.
    pub percent: f64,
    /// Sum of weight × credit over the category's skills.
    pub earned: f64,
    /// Sum of their weights.
    pub possible: f64,
}

/// A skill to work on.
#[derive(Debug, Clone)]
pub struct FocusArea {
    /// The skill's id.
    pub skill_id: String,
    /// Its display name.
    pub name: String,
    /// Its verdict.
    pub status: Status,
    /// Why it is a focus area.
    pub gap: Gap,
    /// Its market weight.
    pub weight: f64,
    /// weight × gap: the weight of a missing skill, or its uncredited share if partial.
    pub priority: f64,
    /// What to do about it.
    pub next_step: String,
}

/// A common background of the role that the resume shows.
#[derive(Debug, Clone)]
pub struct BackgroundFit {
    /// The background's id in the profile.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How strongly the resume shows it, from 0 to 1.
    pub confidence: f64,
    /// The lines that show it, strongest first.
    pub evidence: Vec<Evidence>,
    /// What people from it bring to the role.
    pub brings: String,
    /// Where their gap usually lies.
    pub gap: String,
    /// Skills this background usually lacks that this resume lacks too.
    pub gap_confirmed: Vec<String>,
}

/// Everything found about one resume for one role.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The role's id.
    pub role_id: String,
    /// The role's title.
    pub role_title: String,
    /// One verdict per skill, in the profile's order.
    pub skills: Vec<SkillVerdict>,
    /// The weighted coverage.
    pub score: Score,
    /// Every skill not aligned (and aligned ones gone stale), best to work on first.
    pub focus: Vec<FocusArea>,
    /// The backgrounds the resume shows, best fit first.
    pub backgrounds: Vec<BackgroundFit>,
}

/// How many focus areas a report shows unless asked otherwise.
pub const DEFAULT_FOCUS_AREAS: usize = 5;
