//! Loading a profile: built-in or from a file, validated, then converted into the trusted
//! [`Profile`]. Validation ([`super::validate`]) finds every problem; loading stops at the first
//! error, as `file:line:column: message`.

use std::path::Path;

use super::diagnostic::Diagnostic;
use super::model::{Background, Evidence, Language, Part, PartialEvidence, Profile, Skill, Terms};
use super::raw::{RawBackground, RawPart, RawPartial, RawProfile, RawSkill};
use super::source::{Capped, MAX_PROFILE_BYTES, read_capped};
use super::validate::validate_source;
use crate::error::{Error, Result};
use crate::normalize::normalize;

/// Built-in roles: id, repo path (so errors in built-in data read like errors in user files), YAML.
pub const BUILTIN_ROLES: &[(&str, &str, &str)] = &[(
    "infrastructure-engineer",
    "roles/infrastructure-engineer.yaml",
    include_str!("../../roles/infrastructure-engineer.yaml"),
)];

/// The ids of the built-in roles, in the order `roles` lists them.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTIN_ROLES.iter().map(|(id, _, _)| *id)
}

/// The YAML of a built-in role, exactly as written.
pub fn builtin_source(id: &str) -> Option<&'static str> {
    BUILTIN_ROLES
        .iter()
        .find(|(builtin, _, _)| *builtin == id)
        .map(|(_, _, yaml)| *yaml)
}

/// The error for a role that is neither built in nor a file.
pub fn unknown_role(name: &str) -> Error {
    Error::UnknownRole {
        name: name.to_string(),
        known: builtin_ids().collect::<Vec<_>>().join(", "),
    }
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
    Err(unknown_role(role))
}

/// Built-in profiles are validated by a test before any release, so a run only reads them; if
/// one ever failed to read, the full check says why.
pub fn load_builtin(id: &str) -> Option<Result<Profile>> {
    BUILTIN_ROLES
        .iter()
        .find(|(builtin, _, _)| *builtin == id)
        .map(
            |(_, origin, yaml)| match serde_saphyr::from_str::<RawProfile>(yaml) {
                Ok(raw) => Ok(convert(raw, origin)),
                Err(_) => load_source(yaml, origin),
            },
        )
}

/// Reads, validates and converts a profile file; the first error stops it.
pub fn load_file(path: &Path) -> Result<Profile> {
    let origin = path.display().to_string();
    let unreadable = |source| Error::RoleUnreadable {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match read_capped(path) {
        Ok(Capped::Whole(bytes)) => bytes,
        Ok(Capped::Over(size)) => {
            return Err(Error::RoleInvalid {
                path: origin,
                line: 1,
                column: 1,
                message: format!(
                    "the file is {size} bytes, over the {MAX_PROFILE_BYTES}-byte limit for a role profile"
                ),
            });
        }
        Err(Error::CannotRead { source, .. }) => return Err(unreadable(source)),
        Err(other) => return Err(other),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            e.utf8_error(),
        ))
    })?;
    load_source(&text, &origin)
}

/// Validates a profile and converts it; `origin` names it in messages. The first error, in
/// file order, stops it.
pub fn load_source(yaml: &str, origin: &str) -> Result<Profile> {
    let validation = validate_source(yaml, origin, None);
    if let Some(error) = validation.first_error() {
        return Err(role_invalid(error));
    }
    match validation.raw {
        Some(raw) => Ok(convert(raw, origin)),
        None => Err(Error::RoleInvalid {
            path: origin.to_string(),
            line: 1,
            column: 1,
            message: "the profile could not be read".into(),
        }),
    }
}

fn role_invalid(diagnostic: &Diagnostic) -> Error {
    Error::RoleInvalid {
        path: diagnostic.path.clone(),
        line: diagnostic.line(),
        column: diagnostic.column(),
        message: diagnostic.message.clone(),
    }
}

/// The raw profile, already validated, as the model later stages use: terms normalized,
/// references resolved to indices, text trimmed.
fn convert(raw: RawProfile, origin: &str) -> Profile {
    let skill_ids: Vec<String> = raw.skills.iter().map(|s| s.id.value.clone()).collect();
    let language = Language {
        context_terms: normalized_all(&raw.language.context_terms),
        negation_cues: normalized_all(&raw.language.negation_cues),
        aspiration_cues: normalized_all(&raw.language.aspiration_cues),
        trailing_aspiration_cues: normalized_all(&raw.language.trailing_aspiration_cues),
        organization_words: normalized_all(&raw.language.organization_words),
        false_friends: normalized_all(&raw.language.false_friends),
    };
    Profile {
        id: raw.id.value,
        title: raw.title,
        summary: raw.summary.trim().to_string(),
        origin: origin.to_string(),
        partial_credit: raw.scoring.partial_credit.value,
        skills: raw
            .skills
            .into_iter()
            .map(|skill| convert_skill(skill, &skill_ids))
            .collect(),
        backgrounds: raw
            .backgrounds
            .into_iter()
            .map(convert_background)
            .collect(),
        language,
    }
}

fn convert_skill(raw: RawSkill, skill_ids: &[String]) -> Skill {
    let evidence = if raw.parts.is_empty() {
        Evidence::AnyOf(terms(&raw.terms, &raw.ambiguous_terms))
    } else {
        Evidence::AllOf(raw.parts.iter().map(convert_part).collect())
    };
    Skill {
        evidence,
        partial: raw
            .partial
            .iter()
            .map(|group| convert_partial(group, skill_ids))
            .collect(),
        id: raw.id.value,
        name: raw.name,
        category: raw.category,
        weight: raw.weight.value,
        context_terms: normalized_all(&raw.context_terms),
        next_step: raw.next_step.trim().to_string(),
    }
}

fn convert_part(raw: &RawPart) -> Part {
    Part {
        name: raw.name.clone(),
        terms: terms(&raw.terms, &raw.ambiguous_terms),
    }
}

fn convert_partial(raw: &RawPartial, skill_ids: &[String]) -> PartialEvidence {
    PartialEvidence {
        reason: raw.reason.trim().to_string(),
        terms: terms(&raw.terms, &raw.ambiguous_terms),
        skills: raw
            .skills
            .iter()
            .filter_map(|reference| skill_ids.iter().position(|id| *id == reference.value))
            .collect(),
    }
}

fn convert_background(raw: RawBackground) -> Background {
    Background {
        terms: terms(&raw.terms, &raw.ambiguous_terms),
        id: raw.id.value,
        name: raw.name,
        brings: raw.brings.trim().to_string(),
        gap: raw.gap.trim().to_string(),
        gap_skills: raw.gap_skills.into_iter().map(|s| s.value).collect(),
    }
}

fn terms(
    plain: &[serde_saphyr::Spanned<String>],
    ambiguous: &[serde_saphyr::Spanned<String>],
) -> Terms {
    let convert = |list: &[serde_saphyr::Spanned<String>]| {
        list.iter()
            .map(|term| normalize(&term.value))
            .filter(|term| !term.is_empty())
            .collect()
    };
    Terms {
        plain: convert(plain),
        ambiguous: convert(ambiguous),
    }
}

fn normalized_all(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| normalize(w))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_role_loads() {
        for id in builtin_ids() {
            let profile = load_builtin(id).unwrap().unwrap();
            assert_eq!(profile.id, id);
            assert!(builtin_source(id).is_some_and(|yaml| yaml.contains("skills:")));
        }
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
    fn the_first_error_in_file_order_stops_loading() {
        let yaml = "id: Bad_Id\ntitle: X\nskills:\n  - id: a\n    name: A\n    category: soft\n    weight: 99\n    terms: [a]\n    next_step: s\n";
        let err = load_source(yaml, "x.yaml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.yaml:1:5: role id 'Bad_Id' must be kebab-case (lowercase letters, digits and single hyphens, such as 'bad-id')"
        );
        assert_eq!(err.exit_status().code(), 6);
    }

    #[test]
    fn warnings_do_not_stop_loading() {
        let yaml = "id: x\ntitle: X\nskills:\n  - id: a\n    name: A\n    category: technical\n    weight: 1\n    terms: [go]\n    next_step: s\n";
        let profile = load_source(yaml, "other-name.yaml").unwrap();
        assert_eq!(
            profile.skills[0].evidence,
            Evidence::AnyOf(Terms {
                plain: vec!["go".into()],
                ambiguous: vec![],
            })
        );
    }

    #[test]
    fn unknown_role_lists_the_builtins() {
        let err = resolve("astronaut").unwrap_err();
        assert!(err.to_string().contains("infrastructure-engineer"));
        assert_eq!(err.exit_status().code(), 6);
    }
}
