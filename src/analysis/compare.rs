//! What changed for a role between two versions of a resume: `skillgap compare`.

use super::model::{Analysis, Status};

/// How a skill's verdict moved between two versions of a resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Missing before, shown now.
    Gained,
    /// Shown before, missing now.
    Lost,
    /// Partial before, aligned now.
    Improved,
    /// Aligned before, partial now.
    Weakened,
    /// The same status.
    Unchanged,
}

impl Change {
    fn between(old: Status, new: Status) -> Self {
        match (old, new) {
            (a, b) if a == b => Change::Unchanged,
            (Status::Missing, _) => Change::Gained,
            (_, Status::Missing) => Change::Lost,
            (Status::Partial, Status::Aligned) => Change::Improved,
            _ => Change::Weakened,
        }
    }

    /// "gained", "lost", "improved", "weakened" or "unchanged", as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Gained => "gained",
            Change::Lost => "lost",
            Change::Improved => "improved",
            Change::Weakened => "weakened",
            Change::Unchanged => "unchanged",
        }
    }
}

/// How one skill's verdict moved.
#[derive(Debug, Clone)]
pub struct SkillChange {
    /// The skill's id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The verdict on the earlier version.
    pub old: Status,
    /// The verdict on the later version.
    pub new: Status,
    /// How it moved.
    pub change: Change,
}

/// What changed for a role between two versions of a resume.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The analysis of the earlier version.
    pub old: Analysis,
    /// The analysis of the later version.
    pub new: Analysis,
    /// Every skill of the role, in profile order.
    pub skills: Vec<SkillChange>,
}

impl Comparison {
    /// New score minus old, in points, to one decimal.
    pub fn score_delta(&self) -> f64 {
        ((self.new.score.percent - self.old.score.percent) * 10.0).round() / 10.0
    }
}

/// Compares two analyses made with the same role.
pub fn compare(old: Analysis, new: Analysis) -> Comparison {
    let skills = old
        .skills
        .iter()
        .zip(&new.skills)
        .map(|(before, after)| SkillChange {
            id: after.id.clone(),
            name: after.name.clone(),
            old: before.status,
            new: after.status,
            change: Change::between(before.status, after.status),
        })
        .collect();
    Comparison { old, new, skills }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_between_statuses() {
        use Status::*;
        assert_eq!(Change::between(Missing, Partial), Change::Gained);
        assert_eq!(Change::between(Missing, Aligned), Change::Gained);
        assert_eq!(Change::between(Aligned, Missing), Change::Lost);
        assert_eq!(Change::between(Partial, Aligned), Change::Improved);
        assert_eq!(Change::between(Aligned, Partial), Change::Weakened);
        assert_eq!(Change::between(Partial, Partial), Change::Unchanged);
    }
}
