//! Gates for scripts and CI: a bar that a report must meet (`--fail-under SCORE`,
//! `--require SKILL[:partial]`). The report is printed as usual; a gate that fails makes
//! `analyze` exit 1 and says why, one line per reason.

use std::fmt;
use std::str::FromStr;

use crate::analysis::{Analysis, Status};
use crate::error::{Error, Result};
use crate::profile::Profile;

/// One skill that must be shown: aligned, or with `:partial` at least partial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The skill's id.
    pub skill: String,
    /// The weakest status accepted: aligned or partial.
    pub at_least: Status,
}

impl FromStr for Requirement {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (skill, level) = match text.split_once(':') {
            Some((skill, level)) => (skill.trim(), level.trim()),
            None => (text.trim(), "aligned"),
        };
        if skill.is_empty() {
            return Err(format!(
                "'{text}' names no skill; write a skill id such as terraform"
            ));
        }
        let at_least = match level {
            "aligned" => Status::Aligned,
            "partial" => Status::Partial,
            other => {
                return Err(format!(
                    "'{other}' is not a level; write {skill} (aligned) or {skill}:partial"
                ));
            }
        };
        Ok(Requirement {
            skill: skill.to_string(),
            at_least,
        })
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at_least {
            Status::Partial => write!(f, "{}:partial", self.skill),
            _ => f.write_str(&self.skill),
        }
    }
}

/// The whole bar. An empty gate (the default) asks nothing and is not reported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gate {
    /// The lowest score accepted, in percent.
    pub fail_under: Option<f64>,
    /// Skills that must be shown.
    pub require: Vec<Requirement>,
}

/// The outcome of a gate on one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateResult {
    /// One sentence per condition not met, in the order given: score first, then skills.
    pub reasons: Vec<String>,
}

impl GateResult {
    /// Whether every condition is met.
    pub fn passed(&self) -> bool {
        self.reasons.is_empty()
    }
}

impl Gate {
    /// Whether nothing is asked.
    pub fn is_empty(&self) -> bool {
        self.fail_under.is_none() && self.require.is_empty()
    }

    /// Refuses skill ids the role does not have: a typo must not pass a gate forever.
    pub fn check(&self, profile: &Profile) -> Result<()> {
        for requirement in &self.require {
            if profile.skill(&requirement.skill).is_none() {
                let known: Vec<&str> = profile.skills.iter().map(|s| s.id.as_str()).collect();
                return Err(Error::UnknownSkill {
                    role: profile.id.clone(),
                    skill: requirement.skill.clone(),
                    known: known.join(", "),
                });
            }
        }
        Ok(())
    }

    /// Checks an analysis against the bar. `None` when no gate was asked for.
    pub fn evaluate(&self, analysis: &Analysis) -> Option<GateResult> {
        if self.is_empty() {
            return None;
        }
        let mut reasons = Vec::new();
        if let Some(bar) = self.fail_under
            && analysis.score.percent < bar
        {
            reasons.push(format!(
                "score {}% is under {}%",
                analysis.score.percent, bar
            ));
        }
        for requirement in &self.require {
            let Some(skill) = analysis.skills.iter().find(|s| s.id == requirement.skill) else {
                // `check` refused it already; a profile without the skill cannot meet it.
                reasons.push(format!("{} is not a skill of the role", requirement.skill));
                continue;
            };
            // Aligned < Partial < Missing.
            if skill.status > requirement.at_least {
                reasons.push(format!(
                    "{} is {}, required {}",
                    skill.id,
                    skill.status.as_str(),
                    requirement.at_least.as_str()
                ));
            }
        }
        Some(GateResult { reasons })
    }
}

/// `--fail-under`: a percentage from 0 to 100, with or without `%`.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("'{text}' is not a score from 0 to 100 (percent)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_read_a_skill_and_an_optional_level() {
        let plain: Requirement = "terraform".parse().unwrap();
        assert_eq!(plain.at_least, Status::Aligned);
        let partial: Requirement = "terraform:partial".parse().unwrap();
        assert_eq!(
            (partial.skill.as_str(), partial.at_least),
            ("terraform", Status::Partial)
        );
        assert_eq!(partial.to_string(), "terraform:partial");
        assert!("terraform:missing".parse::<Requirement>().is_err());
        assert!(":partial".parse::<Requirement>().is_err());
    }

    #[test]
    fn percentages_are_from_0_to_100() {
        assert_eq!(parse_percent("70"), Ok(70.0));
        assert_eq!(parse_percent("62.5%"), Ok(62.5));
        assert!(parse_percent("101").is_err());
        assert!(parse_percent("-1").is_err());
        assert!(parse_percent("high").is_err());
    }
}
