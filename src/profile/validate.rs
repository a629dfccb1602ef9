//! Validation: every problem of a profile in one pass, as [`Diagnostic`]s, with the exact place
//! of the node at fault. `skillgap validate` prints them all; `--role` stops at the first error.
//!
//! The pass has four steps: tabs in the indentation; YAML into a positioned tree (with safety
//! limits); the tree against the format's shape ([`shape`]); then the meaning: ids, references,
//! ranges and terms. Only a profile without errors is read into the typed
//! [`RawProfile`], so nothing the checks let through can fail later.

use std::collections::HashMap;

use serde_saphyr::options::DuplicateKeyPolicy;

use super::checker::Checker;
use super::diagnostic::{self, Code, Diagnostic};
use super::raw::RawProfile;
use super::shape::{self, did_you_mean, field_in, item_label};
use super::tree::{self, Kind, Node};
use crate::normalize::normalize;

/// Product and tool names that are also everyday English words: as plain terms they would match
/// resumes that mean the word ("at the helm of a team", "in flux", "head chef").
const EVERYDAY_WORDS: &[&str] = &[
    "access", "ant", "atlas", "beam", "chef", "consul", "crystal", "dart", "elm", "excel",
    "express", "fish", "flask", "flux", "gatsby", "go", "harbor", "harbour", "helm", "hive",
    "jasmine", "jest", "julia", "karma", "make", "maven", "mocha", "node", "nomad", "outlook",
    "packer", "pig", "puppet", "ruby", "rust", "salt", "shell", "slack", "spark", "spring",
    "storm", "swift", "teams", "vault", "word",
];

/// What validating one profile found: every problem, sorted, and the profile when it has no
/// errors.
#[derive(Debug)]
pub struct Validation {
    /// Every problem, sorted by line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// The profile as read, when it has no errors.
    pub(super) raw: Option<RawProfile>,
}

impl Validation {
    /// Whether the profile has no errors (warnings are allowed), so that it loads.
    pub fn is_valid(&self) -> bool {
        self.raw.is_some()
    }

    /// The first error in file order, which stops `--role`.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}

/// Validates one profile's text. `origin` names it in messages; `expected_id`, when given, is
/// the id the file's name asks for.
pub fn validate_source(source: &str, origin: &str, expected_id: Option<&str>) -> Validation {
    let mut checker = Checker::new(origin);
    let tabs = tree::indentation_tabs(source);
    for &tab in &tabs {
        checker.report(
            tab,
            Code::TabIndent,
            "a tab in the indentation; YAML indents with spaces only, so replace it with spaces"
                .into(),
        );
    }
    let raw = match tree::parse(source) {
        Ok(root) => {
            shape::check(&root, &mut checker);
            check_meaning(&root, expected_id, &mut checker);
            if checker.has_errors() {
                None
            } else {
                read_typed(source, &mut checker)
            }
        }
        Err(unreadable) => {
            // The loader trips over a tab at the end of the line before it, or on its line;
            // the tab's own diagnostic says more.
            let caused_by_tab = tabs.iter().any(|tab| {
                tab.line == unreadable.position.line || tab.line == unreadable.position.line + 1
            });
            if !caused_by_tab {
                checker.report(unreadable.position, unreadable.code, unreadable.message);
            }
            None
        }
    };
    let mut diagnostics = checker.into_diagnostics();
    diagnostic::sort(&mut diagnostics);
    Validation { diagnostics, raw }
}

/// The typed read, after the checks passed. The checks mirror the types, so this failing is a
/// gap in the checks; it is reported like any problem rather than trusted away.
fn read_typed(source: &str, checker: &mut Checker) -> Option<RawProfile> {
    let options = tree::options(DuplicateKeyPolicy::Error);
    match serde_saphyr::from_str_with_options::<RawProfile>(source, options) {
        Ok(raw) => Some(raw),
        Err(error) => {
            let problem = tree::unreadable(&error, source);
            let code = match problem.code {
                Code::YamlSyntax => Code::WrongType,
                other => other,
            };
            let message = problem
                .message
                .strip_prefix("invalid YAML: ")
                .unwrap_or(&problem.message)
                .to_string();
            checker.report(problem.position, code, message);
            None
        }
    }
}

fn check_meaning(root: &Node, expected_id: Option<&str>, checker: &mut Checker) {
    check_role_id(root, expected_id, checker);
    check_partial_credit(root, checker);
    let skills = root.get("skills").map_or(&[][..], Node::items);
    let skill_ids = check_ids(skills, &shape::SKILL, checker);
    for (index, skill) in skills.iter().enumerate() {
        check_skill(skill, index, &skill_ids, checker);
    }
    check_ambiguity_agrees(skills, checker);
    let backgrounds = root.get("backgrounds").map_or(&[][..], Node::items);
    check_ids(backgrounds, &shape::BACKGROUND, checker);
    for (index, background) in backgrounds.iter().enumerate() {
        check_background(background, index, &skill_ids, checker);
    }
}

fn check_role_id(root: &Node, expected_id: Option<&str>, checker: &mut Checker) {
    let Some(node) = root.get("id") else { return };
    let Some(id) = node.text() else { return };
    if !is_kebab_case(id) {
        checker.report(node.position, Code::IdFormat, kebab_message("role id", id));
    } else if let Some(expected) = expected_id.filter(|expected| *expected != id) {
        checker.report(
            node.position,
            Code::IdMismatch,
            format!(
                "role id '{id}' differs from the file name '{expected}'; rename the file to \
                 {id}.yaml, or set `id: {expected}`"
            ),
        );
    }
}

fn check_partial_credit(root: &Node, checker: &mut Checker) {
    let Some(node) = root.get("scoring").and_then(|s| s.get("partial_credit")) else {
        return;
    };
    if let Kind::Number(credit, spelling) = &node.kind
        && !(0.0..=1.0).contains(credit)
    {
        checker.report(
            node.position,
            Code::OutOfRange,
            format!(
                "`partial_credit` in `scoring` is {spelling}; it must lie between 0 and 1 \
                 (0.5 gives a partial skill half the credit of an aligned one)"
            ),
        );
    }
}

/// Checks the ids of a list of skills or backgrounds; returns every id written as text.
fn check_ids<'n>(items: &'n [Node], object: &shape::Object, checker: &mut Checker) -> Vec<&'n str> {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut ids = Vec::new();
    for item in items {
        let Some(node) = item.get("id") else { continue };
        let Some(id) = node.text() else { continue };
        ids.push(id);
        if !is_kebab_case(id) {
            let what = format!("{} id", object.name);
            checker.report(node.position, Code::IdFormat, kebab_message(&what, id));
        }
        match first_line.get(id) {
            Some(line) => checker.report(
                node.position,
                Code::DuplicateId,
                format!(
                    "{} id '{id}' is used twice (first on line {}); give each {} its own id",
                    object.name,
                    line + 1,
                    object.name
                ),
            ),
            None => {
                first_line.insert(id, node.position.line);
            }
        }
    }
    ids
}

fn kebab_message(what: &str, id: &str) -> String {
    let suggestion = to_kebab_case(id);
    let example = if suggestion.is_empty() || suggestion == id {
        String::new()
    } else {
        format!(", such as '{suggestion}'")
    };
    format!(
        "{what} '{id}' must be kebab-case (lowercase letters, digits and single hyphens{example})"
    )
}

fn check_skill(skill: &Node, index: usize, skill_ids: &[&str], checker: &mut Checker) {
    let label = item_label(&shape::SKILL, skill, index, shape::PROFILE.name);
    if let Some(weight) = skill.get("weight") {
        check_weight(weight, &label, checker);
    }
    check_evidence_kind(skill, &label, checker);
    let mut terms = OwnTerms::new(&label);
    terms.add_lists(skill, checker);
    for part in skill.get("parts").map_or(&[][..], Node::items) {
        terms.add_lists(part, checker);
    }
    let own_id = skill.get("id").and_then(Node::text);
    let groups = skill.get("partial").map_or(&[][..], Node::items);
    for (group_index, group) in groups.iter().enumerate() {
        let group_label = item_label(&shape::PARTIAL, group, group_index, &label);
        check_partial_group(group, &group_label, own_id, skill_ids, checker);
        terms.add_lists(group, checker);
    }
}

fn check_weight(node: &Node, label: &str, checker: &mut Checker) {
    if let Kind::Number(weight, spelling) = &node.kind
        && !(*weight > 0.0 && *weight <= 10.0)
    {
        checker.report(
            node.position,
            Code::OutOfRange,
            format!(
                "{} is {spelling}; it must be above 0 and at most 10",
                field_in("weight", label)
            ),
        );
    }
}

/// A skill is shown by any of its terms, or by all of its parts: exactly one of the two.
fn check_evidence_kind(skill: &Node, label: &str, checker: &mut Checker) {
    if !matches!(skill.kind, Kind::Map(_)) {
        return; // reported as a wrong type already
    }
    let has_terms = skill.get("terms").is_some() || skill.get("ambiguous_terms").is_some();
    match (has_terms, skill.entry("parts")) {
        (true, Some((parts_key, _))) => checker.report(
            parts_key.position,
            Code::TermsAndParts,
            format!(
                "{label} has both terms and parts; it is shown by any of its terms, or by all of \
                 its parts, so keep one of the two"
            ),
        ),
        (false, None) => checker.report(
            skill.position,
            Code::NoEvidence,
            format!("{label} has no terms and no parts, so it can never be found; add `terms`"),
        ),
        _ => {}
    }
}

fn check_partial_group(
    group: &Node,
    label: &str,
    own_id: Option<&str>,
    skill_ids: &[&str],
    checker: &mut Checker,
) {
    let references = group.get("skills");
    for reference in references.map_or(&[][..], Node::items) {
        let Some(id) = reference.text() else { continue };
        if Some(id) == own_id {
            checker.report(
                reference.position,
                Code::SelfReference,
                format!("skill '{id}' cannot show itself in part; remove it from `skills`"),
            );
        } else if !skill_ids.contains(&id) {
            checker.report(
                reference.position,
                Code::UnknownSkill,
                unknown_skill_message(&format!("{label} names skill '{id}'"), id, skill_ids),
            );
        }
    }
    let has_terms = group.get("terms").is_some() || group.get("ambiguous_terms").is_some();
    if !has_terms && references.is_none() && matches!(group.kind, Kind::Map(_)) {
        checker.report(
            group.position,
            Code::NoEvidence,
            format!("{label} has neither terms nor skills, so it can never apply; add `terms`"),
        );
    }
}

fn unknown_skill_message(what: &str, id: &str, skill_ids: &[&str]) -> String {
    let hint = did_you_mean(id, skill_ids)
        .map(|close| format!("; did you mean '{close}'?"))
        .unwrap_or_default();
    format!("{what}, which is not a skill of this profile{hint}")
}

fn check_background(background: &Node, index: usize, skill_ids: &[&str], checker: &mut Checker) {
    let label = item_label(&shape::BACKGROUND, background, index, shape::PROFILE.name);
    OwnTerms::new(&label).add_lists(background, checker);
    let references = background.get("gap_skills").map_or(&[][..], Node::items);
    for reference in references {
        let Some(id) = reference.text() else { continue };
        if !skill_ids.contains(&id) {
            let what = format!("{} names '{id}'", field_in("gap_skills", &label));
            checker.report(
                reference.position,
                Code::UnknownSkill,
                unknown_skill_message(&what, id, skill_ids),
            );
        }
    }
}

/// The terms of one skill (with its parts and partial groups) or one background: each is
/// checked alone, and none may appear twice once normalized. A term may appear in several
/// skills: one line of a resume can show two skills ("EKS" is cloud and Kubernetes).
struct OwnTerms<'l> {
    owner: &'l str,
    first: HashMap<String, (String, usize)>,
}

impl<'l> OwnTerms<'l> {
    fn new(owner: &'l str) -> Self {
        OwnTerms {
            owner,
            first: HashMap::new(),
        }
    }

    /// Adds the `terms` and `ambiguous_terms` of one object of the owner.
    fn add_lists(&mut self, object: &Node, checker: &mut Checker) {
        for (list, plain) in [("terms", true), ("ambiguous_terms", false)] {
            for term in object.get(list).map_or(&[][..], Node::items) {
                if let Some(text) = term.text() {
                    self.add(term, text, plain, checker);
                }
            }
        }
    }

    fn add(&mut self, term: &Node, text: &str, plain: bool, checker: &mut Checker) {
        let normal = normalize(text);
        if normal.is_empty() {
            checker.report(
                term.position,
                Code::UnmatchableTerm,
                unmatchable_message(text),
            );
            return;
        }
        if plain && let Some(message) = common_word_message(text, &normal) {
            checker.report(term.position, Code::CommonWord, message);
        }
        match self.first.get(&normal) {
            Some((first, line)) => checker.report(
                term.position,
                Code::DuplicateTerm,
                duplicate_term_message(text, first, *line, self.owner),
            ),
            None => {
                self.first
                    .insert(normal, (text.to_string(), term.position.line));
            }
        }
    }
}

fn unmatchable_message(text: &str) -> String {
    if text.chars().any(char::is_alphanumeric) {
        format!(
            "term '{text}' is a web or e-mail address, which skillgap never reads as evidence; \
             write the product's name instead"
        )
    } else {
        format!("term '{text}' has no letters or digits, so it can never match; remove it")
    }
}

fn duplicate_term_message(text: &str, first: &str, line: usize, owner: &str) -> String {
    let line = line + 1;
    if text == first {
        format!("term '{text}' is listed twice in {owner} (first on line {line}); keep one")
    } else {
        format!(
            "term '{text}' is the same as '{first}' (line {line}) once case, accents and \
             hyphens are normalized, so {owner} lists it twice; keep one"
        )
    }
}

/// A warning for a plain term that is only one or two letters, or an everyday English word:
/// such a term should be ambiguous, so that it needs technical context nearby.
fn common_word_message(text: &str, normal: &str) -> Option<String> {
    let letters = normal.chars().count();
    let what = if normal.chars().all(char::is_alphabetic) && letters <= 2 {
        format!(
            "term '{text}' is only {} letter{}, so it also matches initials and other words",
            letters,
            if letters == 1 { "" } else { "s" }
        )
    } else if EVERYDAY_WORDS.contains(&normal) {
        format!(
            "term '{text}' is also an everyday English word, so it also matches resumes that mean the word"
        )
    } else {
        return None;
    };
    Some(format!(
        "{what}; move it to `ambiguous_terms` so that it counts only with technical context nearby"
    ))
}

/// A term that needs context in one skill but is plain in another counts without context
/// there: probably an oversight.
fn check_ambiguity_agrees(skills: &[Node], checker: &mut Checker) {
    let mut ambiguous: HashMap<String, (String, usize)> = HashMap::new();
    let mut plain: Vec<(&Node, String, String)> = Vec::new();
    for (index, skill) in skills.iter().enumerate() {
        let label = item_label(&shape::SKILL, skill, index, shape::PROFILE.name);
        for (term, is_plain) in evidence_terms(skill) {
            let Some(text) = term.text() else { continue };
            let normal = normalize(text);
            if normal.is_empty() {
                continue;
            }
            if is_plain {
                plain.push((term, normal, label.clone()));
            } else {
                ambiguous
                    .entry(normal)
                    .or_insert_with(|| (label.clone(), term.position.line));
            }
        }
    }
    for (term, normal, label) in plain {
        if let Some((other, line)) = ambiguous.get(&normal).filter(|(other, _)| *other != label) {
            checker.report(
                term.position,
                Code::AmbiguityMismatch,
                format!(
                    "term '{}' needs technical context in {other} (line {}) but not in {label}, \
                     so here it counts without context; list it under `ambiguous_terms` here too",
                    term.text().unwrap_or_default(),
                    line + 1
                ),
            );
        }
    }
}

/// Every term of a skill, its parts and partial groups, with whether it is plain.
fn evidence_terms(skill: &Node) -> Vec<(&Node, bool)> {
    let parts = skill.get("parts").map_or(&[][..], Node::items);
    let groups = skill.get("partial").map_or(&[][..], Node::items);
    std::iter::once(skill)
        .chain(parts)
        .chain(groups)
        .flat_map(|object| {
            [("terms", true), ("ambiguous_terms", false)]
                .into_iter()
                .flat_map(move |(list, plain)| {
                    object
                        .get(list)
                        .map_or(&[][..], Node::items)
                        .iter()
                        .map(move |term| (term, plain))
                })
        })
        .collect()
}

/// Whether an id is lowercase letters and digits joined by single hyphens ("python-bash").
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// "Python_Bash" → "python-bash": the id a maintainer probably meant.
fn to_kebab_case(id: &str) -> String {
    let mut kebab = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            kebab.push(c.to_ascii_lowercase());
        } else if !kebab.is_empty() && !kebab.ends_with('-') {
            kebab.push('-');
        }
    }
    kebab.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::load::BUILTIN_ROLES;

    #[test]
    fn builtin_profiles_have_no_errors() {
        for (id, origin, yaml) in BUILTIN_ROLES {
            let validation = validate_source(yaml, origin, Some(id));
            let errors: Vec<String> = validation
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(Diagnostic::to_string)
                .collect();
            assert!(errors.is_empty(), "{}", errors.join("\n"));
            assert!(validation.raw.is_some());
        }
    }

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("python-bash"));
        assert!(is_kebab_case("k8s"));
        assert!(!is_kebab_case("Python_Bash"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("-a"));
        assert_eq!(to_kebab_case("Python_Bash"), "python-bash");
        assert_eq!(to_kebab_case("--Cloud  Platforms!"), "cloud-platforms");
    }

    const SKILL: &str = "    name: A\n    category: soft\n    weight: 1\n    next_step: s\n";

    /// Validates a profile with the given skills block; returns `line:column code` per problem.
    fn problems(skills: &str) -> Vec<String> {
        let yaml = format!("id: x\ntitle: X\nskills:\n{skills}");
        validate_source(&yaml, "x.yaml", Some("x"))
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.line(), d.column(), d.code.as_str()))
            .collect()
    }

    #[test]
    fn each_problem_points_at_its_node() {
        // skills block → problems, 1-based as printed
        let cases: &[(String, &[&str])] = &[
            (format!("  - id: a\n{SKILL}    terms: [k8s]\n"), &[]),
            (
                format!("  - id: a\n{SKILL}    terms: [k8s, K8S]\n"),
                &["9:18 duplicate-term"],
            ),
            (
                format!("  - id: a\n{SKILL}    terms: [go]\n"),
                &["9:13 common-word"],
            ),
            (
                format!("  - id: a\n{SKILL}    ambiguous_terms: [go]\n"),
                &[],
            ),
            (
                format!("  - id: a\n{SKILL}    terms: ['--']\n"),
                &["9:13 unmatchable-term"],
            ),
            (
                format!("  - id: A_b\n{SKILL}    terms: [k8s]\n"),
                &["4:9 id-format"],
            ),
            (format!("  - id: a\n{SKILL}"), &["4:5 no-evidence"]),
            (
                format!(
                    "  - id: a\n{SKILL}    terms: [k8s]\n    partial:\n      - reason: r\n        skills: [a, b]\n"
                ),
                &["12:18 self-reference", "12:21 unknown-skill"],
            ),
        ];
        for (skills, expected) in cases {
            assert_eq!(problems(skills), *expected, "{skills}");
        }
    }

    #[test]
    fn a_term_may_show_two_skills_but_not_one_skill_twice() {
        let shared = format!(
            "  - id: a\n{SKILL}    terms: [eks]\n  - id: b\n{SKILL}    terms: [eks]\n    partial:\n      - reason: r\n        terms: [ecs]\n"
        );
        assert_eq!(problems(&shared), Vec::<String>::new());
        let twice = format!(
            "  - id: a\n{SKILL}    terms: [eks]\n    partial:\n      - reason: r\n        terms: [EKS]\n"
        );
        assert_eq!(problems(&twice), ["12:17 duplicate-term"]);
    }

    #[test]
    fn a_term_ambiguous_in_one_skill_should_be_ambiguous_in_all() {
        let skills = format!(
            "  - id: a\n{SKILL}    ambiguous_terms: [vault]\n  - id: b\n{SKILL}    terms: [vault]\n"
        );
        assert_eq!(
            problems(&skills),
            ["15:13 common-word", "15:13 ambiguity-mismatch"]
        );
    }

    #[test]
    fn the_file_name_asks_for_the_role_id() {
        let yaml = format!("id: x\ntitle: X\nskills:\n  - id: a\n{SKILL}    terms: [k8s]\n");
        let named = validate_source(&yaml, "y.yaml", Some("y"));
        let codes: Vec<_> = named.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::IdMismatch]);
        assert!(
            validate_source(&yaml, "y.yaml", None)
                .diagnostics
                .is_empty()
        );
    }

    #[test]
    fn every_problem_lies_inside_the_file_on_one_line() {
        // Found by fuzz/validate_profile: lone carriage returns, which YAML counts as line
        // breaks and skillgap does not, and multi-line text quoted in a message.
        let sources = [
            "iulr\r[\r\0\0\0\u{1}\u{1}m",
            "&oso:\r!\0\u{6}ltid!",
            "+dz    - gitlab\n   \n er:c",
            "red- inc\n     \nt l-d   - id\n",
        ];
        for source in sources {
            let lines: Vec<&str> = source.split('\n').collect();
            for d in validate_source(source, "x.yaml", None).diagnostics {
                let length = lines.get(d.position.line).map_or(0, |l| l.chars().count());
                assert!(
                    d.position.line <= lines.len() && d.position.column <= length,
                    "{source:?}: {d}"
                );
                assert_eq!(d.to_string().lines().count(), 1, "{source:?}: {d}");
            }
        }
    }

    #[test]
    fn a_tab_is_reported_instead_of_the_loaders_complaint() {
        let yaml = "id: x\ntitle: X\nskills:\n\t- id: a\n";
        let found: Vec<String> = validate_source(yaml, "x.yaml", None)
            .diagnostics
            .iter()
            .map(Diagnostic::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "x.yaml:4:1: error: a tab in the indentation; YAML indents with spaces only, so replace it with spaces [tab-indent]"
            ]
        );
    }
}
