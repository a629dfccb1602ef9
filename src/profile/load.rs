//! Loading a profile: built-in or from a file, YAML into [`RawProfile`], then checked once.

use std::collections::HashSet;
use std::path::Path;

use serde_saphyr::{Location, Spanned};

use super::raw::{RawBackground, RawPart, RawPartial, RawProfile, RawSkill};
use super::{Background, Evidence, Language, Part, PartialEvidence, Profile, Skill, Terms};
use crate::error::{Error, Result};
use crate::normalize::normalize;

/// Built-in roles: id, repo path (so errors in built-in data read like errors in user files), YAML.
pub const BUILTIN_ROLES: &[(&str, &str, &str)] = &[(
    "infrastructure-engineer",
    "roles/infrastructure-engineer.yaml",
    include_str!("../../roles/infrastructure-engineer.yaml"),
)];

/// Role profiles larger than this are not profiles.
const MAX_PROFILE_BYTES: u64 = 2 * 1024 * 1024;

pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTIN_ROLES.iter().map(|(id, _, _)| *id)
}

/// `--role` takes a built-in id or the path of a YAML profile.
pub fn resolve(role: &str) -> Result<Profile> {
    if let Some(profile) = load_builtin(role) {
        return profile;
    }
    let path = Path::new(role);
    let looks_like_path =
        role.contains(['/', '\\']) || role.ends_with(".yaml") || role.ends_with(".yml");
    if looks_like_path || path.is_file() {
        return load_file(path);
    }
    Err(Error::UnknownRole {
        name: role.to_string(),
        known: builtin_ids().collect::<Vec<_>>().join(", "),
    })
}

pub fn load_builtin(id: &str) -> Option<Result<Profile>> {
    BUILTIN_ROLES
        .iter()
        .find(|(builtin, _, _)| *builtin == id)
        .map(|(_, origin, yaml)| load_source(yaml, origin))
}

pub fn load_file(path: &Path) -> Result<Profile> {
    let unreadable = |source| Error::RoleUnreadable {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_PROFILE_BYTES {
        return Err(Error::RoleInvalid {
            path: path.display().to_string(),
            line: 1,
            column: 1,
            message: format!(
                "the file is {size} bytes, over the {MAX_PROFILE_BYTES}-byte limit for a role profile"
            ),
        });
    }
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    load_source(&text, &path.display().to_string())
}

/// Parses and checks a profile; `origin` names it in messages.
pub fn load_source(yaml: &str, origin: &str) -> Result<Profile> {
    let raw: RawProfile = serde_saphyr::from_str(yaml).map_err(|e| {
        let location = e.location().unwrap_or(Location::UNKNOWN);
        let message = e.without_snippet().to_string();
        invalid(origin, location, first_line(&message))
    })?;
    Checker::new(origin).profile(raw)
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("invalid YAML");
    // The loader prefixes its own position; ours comes first in the line already.
    match line.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") || head.contains(" at line ") => {
            rest.to_string()
        }
        _ => line.to_string(),
    }
}

fn invalid(origin: &str, location: Location, message: String) -> Error {
    Error::RoleInvalid {
        path: origin.to_string(),
        line: location.line().max(1) as usize,
        column: location.column().max(1) as usize,
        message,
    }
}

/// Converts the raw profile into the trusted one, stopping at the first problem.
struct Checker<'a> {
    origin: &'a str,
}

impl<'a> Checker<'a> {
    fn new(origin: &'a str) -> Self {
        Checker { origin }
    }

    fn fail<T>(&self, at: Location, message: String) -> Result<T> {
        Err(invalid(self.origin, at, message))
    }

    fn profile(&self, raw: RawProfile) -> Result<Profile> {
        self.kebab_case("role id", &raw.id)?;
        let partial_credit = raw.scoring.partial_credit.value;
        if !(0.0..=1.0).contains(&partial_credit) {
            return self.fail(
                raw.scoring.partial_credit.referenced,
                format!("partial_credit is {partial_credit}; it must lie between 0 and 1"),
            );
        }
        if raw.skills.is_empty() {
            return self.fail(raw.id.referenced, "the profile has no skills".into());
        }
        let skill_ids: Vec<String> = raw.skills.iter().map(|s| s.id.value.clone()).collect();
        let mut seen = HashSet::new();
        let mut skills = Vec::with_capacity(raw.skills.len());
        for skill in raw.skills {
            if !seen.insert(skill.id.value.clone()) {
                return self.fail(
                    skill.id.referenced,
                    format!("skill id '{}' is used twice", skill.id.value),
                );
            }
            skills.push(self.skill(skill, &skill_ids)?);
        }
        let mut background_ids = HashSet::new();
        let mut backgrounds = Vec::new();
        for background in raw.backgrounds {
            if !background_ids.insert(background.id.value.clone()) {
                return self.fail(
                    background.id.referenced,
                    format!("background id '{}' is used twice", background.id.value),
                );
            }
            backgrounds.push(self.background(background, &seen)?);
        }
        let language = Language {
            context_terms: normalized_all(&raw.language.context_terms),
            negation_cues: normalized_all(&raw.language.negation_cues),
            aspiration_cues: normalized_all(&raw.language.aspiration_cues),
            trailing_aspiration_cues: normalized_all(&raw.language.trailing_aspiration_cues),
            organization_words: normalized_all(&raw.language.organization_words),
            false_friends: normalized_all(&raw.language.false_friends),
        };
        Ok(Profile {
            id: raw.id.value,
            title: raw.title,
            summary: raw.summary.trim().to_string(),
            origin: self.origin.to_string(),
            partial_credit,
            skills,
            backgrounds,
            language,
        })
    }

    fn skill(&self, raw: RawSkill, skill_ids: &[String]) -> Result<Skill> {
        self.kebab_case("skill id", &raw.id)?;
        let weight = raw.weight.value;
        if !(weight > 0.0 && weight <= 10.0) {
            return self.fail(
                raw.weight.referenced,
                format!("weight is {weight}; it must be above 0 and at most 10"),
            );
        }
        let has_terms = !raw.terms.is_empty() || !raw.ambiguous_terms.is_empty();
        let evidence = match (has_terms, raw.parts.is_empty()) {
            (true, true) => Evidence::AnyOf(self.terms(&raw.terms, &raw.ambiguous_terms)?),
            (false, false) => Evidence::AllOf(
                raw.parts
                    .iter()
                    .map(|part| self.part(part))
                    .collect::<Result<_>>()?,
            ),
            (true, false) => {
                return self.fail(
                    raw.id.referenced,
                    format!(
                        "skill '{}' has both terms and parts; use one of them",
                        raw.id.value
                    ),
                );
            }
            (false, true) => {
                return self.fail(
                    raw.id.referenced,
                    format!(
                        "skill '{}' has no terms and no parts, so it can never be found",
                        raw.id.value
                    ),
                );
            }
        };
        let partial = raw
            .partial
            .iter()
            .map(|p| self.partial(p, &raw.id.value, skill_ids))
            .collect::<Result<_>>()?;
        Ok(Skill {
            id: raw.id.value,
            name: raw.name,
            category: raw.category,
            weight,
            evidence,
            partial,
            context_terms: normalized_all(&raw.context_terms),
            next_step: raw.next_step.trim().to_string(),
        })
    }

    fn part(&self, raw: &RawPart) -> Result<Part> {
        Ok(Part {
            name: raw.name.clone(),
            terms: self.terms(&raw.terms, &raw.ambiguous_terms)?,
        })
    }

    fn partial(
        &self,
        raw: &RawPartial,
        own_id: &str,
        skill_ids: &[String],
    ) -> Result<PartialEvidence> {
        let mut skills = Vec::with_capacity(raw.skills.len());
        for reference in &raw.skills {
            match skill_ids.iter().position(|id| *id == reference.value) {
                Some(_) if reference.value == own_id => {
                    return self.fail(
                        reference.referenced,
                        format!("skill '{own_id}' cannot show itself in part"),
                    );
                }
                Some(index) => skills.push(index),
                None => {
                    return self.fail(
                        reference.referenced,
                        format!(
                            "partial evidence names skill '{}', which is not in this profile",
                            reference.value
                        ),
                    );
                }
            }
        }
        let terms = self.terms(&raw.terms, &raw.ambiguous_terms)?;
        if terms.is_empty() && skills.is_empty() {
            return self.fail(
                Location::UNKNOWN,
                format!("a partial group of skill '{own_id}' has neither terms nor skills"),
            );
        }
        Ok(PartialEvidence {
            reason: raw.reason.trim().to_string(),
            terms,
            skills,
        })
    }

    fn background(&self, raw: RawBackground, skill_ids: &HashSet<String>) -> Result<Background> {
        self.kebab_case("background id", &raw.id)?;
        for reference in &raw.gap_skills {
            if !skill_ids.contains(&reference.value) {
                return self.fail(
                    reference.referenced,
                    format!(
                        "gap_skills names '{}', which is not a skill of this profile",
                        reference.value
                    ),
                );
            }
        }
        Ok(Background {
            terms: self.terms(&raw.terms, &raw.ambiguous_terms)?,
            id: raw.id.value,
            name: raw.name,
            brings: raw.brings.trim().to_string(),
            gap: raw.gap.trim().to_string(),
            gap_skills: raw.gap_skills.into_iter().map(|s| s.value).collect(),
        })
    }

    fn terms(&self, plain: &[Spanned<String>], ambiguous: &[Spanned<String>]) -> Result<Terms> {
        let convert = |list: &[Spanned<String>]| -> Result<Vec<String>> {
            list.iter()
                .map(|term| {
                    let normalized = normalize(&term.value);
                    if normalized.is_empty() {
                        self.fail(
                            term.referenced,
                            format!(
                                "term '{}' has no letters or digits, so it can never match",
                                term.value
                            ),
                        )
                    } else {
                        Ok(normalized)
                    }
                })
                .collect()
        };
        Ok(Terms {
            plain: convert(plain)?,
            ambiguous: convert(ambiguous)?,
        })
    }

    fn kebab_case(&self, what: &str, id: &Spanned<String>) -> Result<()> {
        if is_kebab_case(&id.value) {
            Ok(())
        } else {
            self.fail(
                id.referenced,
                format!(
                    "{what} '{}' must be kebab-case (lowercase letters, digits and single hyphens)",
                    id.value
                ),
            )
        }
    }
}

fn normalized_all(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| normalize(w))
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_role_loads() {
        for id in builtin_ids() {
            let profile = load_builtin(id).unwrap().unwrap();
            assert_eq!(profile.id, id);
        }
    }

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("python-bash"));
        assert!(is_kebab_case("k8s"));
        assert!(!is_kebab_case("Python_Bash"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("-a"));
    }

    #[test]
    fn unknown_field_points_at_its_line() {
        let yaml = "id: x\ntitle: X\nskills:\n  - id: a\n    name: A\n    category: soft\n    weight: 1\n    terms: [a]\n    next_step: s\n    colour: red\n";
        let err = load_source(yaml, "x.yaml").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.yaml:10:"), "{text}");
        assert!(text.contains("colour"), "{text}");
    }

    #[test]
    fn duplicate_skill_id_points_at_the_second() {
        let skill = "  - id: a\n    name: A\n    category: soft\n    weight: 1\n    terms: [a]\n    next_step: s\n";
        let yaml = format!("id: x\ntitle: X\nskills:\n{skill}{skill}");
        let err = load_source(&yaml, "x.yaml").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.yaml:10:9: skill id 'a' is used twice"),
            "{err}"
        );
    }

    #[test]
    fn unknown_role_lists_the_builtins() {
        let err = resolve("astronaut").unwrap_err();
        assert!(err.to_string().contains("infrastructure-engineer"));
        assert_eq!(err.exit_status().code(), 6);
    }
}
