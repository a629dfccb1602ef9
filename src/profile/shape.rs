//! The shape of the profile format: each object, its fields, their types and which are required,
//! and the check of a YAML tree against it (unknown, missing and duplicate fields, wrong types,
//! empty values). It mirrors the serde types of [`raw`](super::raw); a test keeps the two and
//! the generated JSON Schema in step.

use std::collections::HashMap;

use super::checker::Checker;
use super::diagnostic::Code;
use super::tree::{Kind, Node};

#[derive(Debug, Clone, Copy)]
pub enum Type {
    /// One scalar, read as text.
    Text,
    Number,
    /// Text from a fixed set.
    Choice(&'static [&'static str]),
    /// A list of terms, which must not be empty.
    Terms,
    /// A list of words or ids, which may be empty.
    Words,
    Object(&'static Object),
    Objects(&'static Object),
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    /// What the field holds, for "add it" hints.
    pub about: &'static str,
}

#[derive(Debug)]
pub struct Object {
    /// How messages name one of these: "skill".
    pub name: &'static str,
    /// The field that names an item in messages ("skill 'terraform'"), if any.
    pub label: Option<&'static str>,
    pub fields: &'static [Field],
}

impl Object {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn field_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.name)
    }
}

const fn required(name: &'static str, ty: Type, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        about,
    }
}

const fn optional(name: &'static str, ty: Type) -> Field {
    Field {
        name,
        ty,
        required: false,
        about: "",
    }
}

pub const CATEGORIES: &[&str] = &["technical", "soft"];

pub static PROFILE: Object = Object {
    name: "the profile",
    label: None,
    fields: &[
        required(
            "id",
            Type::Text,
            "the role's kebab-case id, the file's name",
        ),
        required("title", Type::Text, "the role's name as people say it"),
        optional("summary", Type::Text),
        optional("scoring", Type::Object(&SCORING)),
        optional("language", Type::Object(&LANGUAGE)),
        required(
            "skills",
            Type::Objects(&SKILL),
            "the list of the role's skills",
        ),
        optional("backgrounds", Type::Objects(&BACKGROUND)),
    ],
};

pub static SCORING: Object = Object {
    name: "`scoring`",
    label: None,
    fields: &[optional("partial_credit", Type::Number)],
};

pub static LANGUAGE: Object = Object {
    name: "`language`",
    label: None,
    fields: &[
        optional("context_terms", Type::Words),
        optional("negation_cues", Type::Words),
        optional("aspiration_cues", Type::Words),
        optional("trailing_aspiration_cues", Type::Words),
        optional("organization_words", Type::Words),
        optional("false_friends", Type::Words),
    ],
};

pub static SKILL: Object = Object {
    name: "skill",
    label: Some("id"),
    fields: &[
        required(
            "id",
            Type::Text,
            "a kebab-case id such as `cloud-platforms`",
        ),
        required("name", Type::Text, "the name shown in reports"),
        required(
            "category",
            Type::Choice(CATEGORIES),
            "`technical` or `soft`",
        ),
        required(
            "weight",
            Type::Number,
            "its market weight, above 0 and at most 10",
        ),
        optional("terms", Type::Terms),
        optional("ambiguous_terms", Type::Terms),
        optional("context_terms", Type::Words),
        optional("parts", Type::Objects(&PART)),
        optional("partial", Type::Objects(&PARTIAL)),
        required(
            "next_step",
            Type::Text,
            "one concrete step to learn the skill",
        ),
    ],
};

pub static PART: Object = Object {
    name: "part",
    label: Some("name"),
    fields: &[
        required("name", Type::Text, "what this part is, such as `Python`"),
        required("terms", Type::Terms, "the terms that show this part"),
        optional("ambiguous_terms", Type::Terms),
    ],
};

pub static PARTIAL: Object = Object {
    name: "partial group",
    label: None,
    fields: &[
        required(
            "reason",
            Type::Text,
            "why this evidence shows the skill only in part",
        ),
        optional("terms", Type::Terms),
        optional("skills", Type::Words),
        optional("ambiguous_terms", Type::Terms),
    ],
};

pub static BACKGROUND: Object = Object {
    name: "background",
    label: Some("id"),
    fields: &[
        required(
            "id",
            Type::Text,
            "a kebab-case id such as `network-engineer`",
        ),
        required("name", Type::Text, "the background's name as people say it"),
        required("terms", Type::Terms, "job titles that show this background"),
        optional("ambiguous_terms", Type::Terms),
        required("brings", Type::Text, "what people from it already bring"),
        required("gap", Type::Text, "where their gap usually lies"),
        optional("gap_skills", Type::Words),
    ],
};

/// How messages name an item of a list: "skill 'terraform'", or "skill 3" before it has an id.
pub fn item_label(object: &Object, item: &Node, index: usize, owner: &str) -> String {
    let own = object
        .label
        .and_then(|field| item.get(field))
        .and_then(Node::text)
        .filter(|text| !text.trim().is_empty())
        .map_or_else(
            || format!("{} {}", object.name, index + 1),
            |text| format!("{} '{}'", object.name, text),
        );
    if owner == PROFILE.name {
        own
    } else {
        format!("{own} of {owner}")
    }
}

/// "`weight` in skill 'terraform'", or "`title`" at the top.
pub fn field_in(field: &str, owner: &str) -> String {
    if owner == PROFILE.name {
        format!("`{field}`")
    } else {
        format!("`{field}` in {owner}")
    }
}

/// Checks the whole tree against the format.
pub fn check(root: &Node, checker: &mut Checker) {
    match &root.kind {
        Kind::Map(_) => check_object(root, &PROFILE, PROFILE.name, checker),
        Kind::Null => checker.report(
            root.position,
            Code::EmptyValue,
            "the file is empty; a profile needs at least `id:`, `title:` and `skills:` (see \
             `skillgap role show infrastructure-engineer`)"
                .into(),
        ),
        _ => checker.report(
            root.position,
            Code::WrongType,
            format!(
                "a profile is a mapping of fields (`id: …`, `title: …`, `skills: …`), not {}",
                root.describe()
            ),
        ),
    }
}

fn check_object(node: &Node, object: &Object, label: &str, checker: &mut Checker) {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    // A misspelt required field is reported once, as unknown with its suggestion.
    let mut suggested: Vec<&str> = Vec::new();
    for (key, value) in node.entries() {
        let Some(name) = key.text() else {
            checker.report(
                key.position,
                Code::WrongType,
                format!(
                    "a key in {label} must be a field name, not {}",
                    key.describe()
                ),
            );
            continue;
        };
        if let Some(line) = first_line.get(name) {
            checker.report(
                key.position,
                Code::DuplicateKey,
                format!(
                    "{} is set twice (first on line {}); keep one, or merge the two",
                    field_in(name, label),
                    line + 1
                ),
            );
            continue;
        }
        first_line.insert(name, key.position.line);
        match object.field(name) {
            Some(field) => check_value(field, key, value, label, checker),
            None => {
                let known: Vec<&str> = object.field_names().collect();
                let suggestion = did_you_mean(name, &known);
                suggested.extend(suggestion);
                checker.report(
                    key.position,
                    Code::UnknownField,
                    unknown_field_message(name, suggestion, &known, label),
                );
            }
        }
    }
    for field in object.fields.iter().filter(|f| f.required) {
        if !first_line.contains_key(field.name) && !suggested.contains(&field.name) {
            let owner = if label == PROFILE.name {
                "the profile"
            } else {
                label
            };
            checker.report(
                node.position,
                Code::MissingField,
                format!("{owner} has no `{}`; add it: {}", field.name, field.about),
            );
        }
    }
}

fn unknown_field_message(
    name: &str,
    suggestion: Option<&str>,
    known: &[&str],
    label: &str,
) -> String {
    match suggestion {
        Some(suggestion) => {
            format!("unknown field `{name}` in {label}; did you mean `{suggestion}`?")
        }
        None => format!(
            "unknown field `{name}` in {label}; the fields are: {}",
            known.join(", ")
        ),
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to be meant.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|candidate| (strsim::jaro_winkler(&word, candidate), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

fn check_value(field: &Field, key: &Node, value: &Node, owner: &str, checker: &mut Checker) {
    let what = field_in(field.name, owner);
    if matches!(value.kind, Kind::Null) {
        let (code, hint) = match field.ty {
            Type::Terms => (
                Code::EmptyTerms,
                "list at least one term, or remove the line".to_string(),
            ),
            _ if field.required => (Code::EmptyValue, format!("write {}", field.about)),
            _ => (
                Code::EmptyValue,
                "give it a value, or remove the line".into(),
            ),
        };
        checker.report(key.position, code, format!("{what} is empty; {hint}"));
        return;
    }
    match field.ty {
        Type::Text => check_text(field, value, &what, checker),
        Type::Number => check_number(value, &what, checker),
        Type::Choice(choices) => check_choice(value, choices, &what, checker),
        Type::Terms | Type::Words => check_list(field, key, value, &what, checker),
        Type::Object(object) => {
            if matches!(value.kind, Kind::Map(_)) {
                check_object(value, object, object.name, checker);
            } else {
                wrong_type(value, &what, "a mapping of fields", checker);
            }
        }
        Type::Objects(object) => check_objects(object, key, value, &what, owner, checker),
    }
}

fn check_text(field: &Field, value: &Node, what: &str, checker: &mut Checker) {
    match value.text() {
        Some(text) if text.trim().is_empty() && field.required => checker.report(
            value.position,
            Code::EmptyValue,
            format!("{what} is empty; write {}", field.about),
        ),
        Some(_) => {}
        None => wrong_type(value, what, "text", checker),
    }
}

fn check_number(value: &Node, what: &str, checker: &mut Checker) {
    match &value.kind {
        Kind::Number(..) => {}
        Kind::Text(text) if text.trim().parse::<f64>().is_ok() => checker.report(
            value.position,
            Code::WrongType,
            format!("{what} must be a number, not text ('{text}'); remove the quotes"),
        ),
        _ => wrong_type(value, what, "a number", checker),
    }
}

fn check_choice(value: &Node, choices: &[&str], what: &str, checker: &mut Checker) {
    let Some(text) = value.text() else {
        return wrong_type(value, what, "text", checker);
    };
    if choices.contains(&text) {
        return;
    }
    let hint = did_you_mean(text, choices)
        .map(|choice| format!(" (did you mean {choice}?)"))
        .unwrap_or_default();
    checker.report(
        value.position,
        Code::InvalidChoice,
        format!("{what} is '{text}'; use {}{hint}", choices.join(" or ")),
    );
}

fn check_list(field: &Field, key: &Node, value: &Node, what: &str, checker: &mut Checker) {
    let Kind::List(items) = &value.kind else {
        let example = if value.text().is_some() {
            "; write one `- item` per line, or `[a, b]`"
        } else {
            ""
        };
        return checker.report(
            value.position,
            Code::WrongType,
            format!("{what} must be a list, not {}{example}", value.describe()),
        );
    };
    if items.is_empty() && matches!(field.ty, Type::Terms) {
        checker.report(
            key.position,
            Code::EmptyTerms,
            format!("{what} is empty; list at least one term, or remove the line"),
        );
    }
    for item in items {
        match item.kind {
            Kind::Null => checker.report(
                item.position,
                Code::EmptyValue,
                format!("an item of {what} is empty; write a term there, or remove the item"),
            ),
            Kind::List(_) | Kind::Map(_) => checker.report(
                item.position,
                Code::WrongType,
                format!(
                    "items of {what} must be text, not {}; quote an item that holds `: ` or starts with `[`",
                    item.describe()
                ),
            ),
            _ => {}
        }
    }
}

fn check_objects(
    object: &Object,
    key: &Node,
    value: &Node,
    what: &str,
    owner: &str,
    checker: &mut Checker,
) {
    let Kind::List(items) = &value.kind else {
        return wrong_type(value, what, &format!("a list of {}s", object.name), checker);
    };
    let must_have_items = key.text() == Some("skills") || key.text() == Some("parts");
    if items.is_empty() && must_have_items {
        checker.report(
            key.position,
            Code::EmptyValue,
            format!("{what} is empty; add at least one {}", object.name),
        );
    }
    for (index, item) in items.iter().enumerate() {
        let label = item_label(object, item, index, owner);
        if matches!(item.kind, Kind::Map(_)) {
            check_object(item, object, &label, checker);
        } else {
            checker.report(
                item.position,
                Code::WrongType,
                format!(
                    "{label} must be a mapping of fields (`{}: …`), not {}",
                    object.fields[0].name,
                    item.describe()
                ),
            );
        }
    }
}

fn wrong_type(value: &Node, what: &str, expected: &str, checker: &mut Checker) {
    checker.report(
        value.position,
        Code::WrongType,
        format!("{what} must be {expected}, not {}", value.describe()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const ALL: [&Object; 7] = [
        &PROFILE,
        &SCORING,
        &LANGUAGE,
        &SKILL,
        &PART,
        &PARTIAL,
        &BACKGROUND,
    ];

    fn names<'a>(list: impl IntoIterator<Item = &'a serde_json::Value>) -> BTreeSet<&'a str> {
        list.into_iter()
            .map(|v| v.as_str().expect("a name"))
            .collect()
    }

    /// The checks, the serde types and the schema editors use describe one format.
    #[test]
    fn the_shape_agrees_with_the_json_schema() {
        let schema: serde_json::Value =
            serde_json::from_str(&super::super::raw::json_schema()).expect("the schema is JSON");
        let definitions = [
            "",
            "Scoring",
            "Language",
            "Skill",
            "Part",
            "Partial",
            "Background",
        ];
        for (object, definition) in ALL.iter().zip(definitions) {
            let def = if definition.is_empty() {
                &schema
            } else {
                &schema["$defs"][definition]
            };
            let properties: BTreeSet<&str> = def["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("no properties for {}", object.name))
                .keys()
                .map(String::as_str)
                .collect();
            let fields: BTreeSet<&str> = object.field_names().collect();
            assert_eq!(properties, fields, "{}", object.name);
            let required = def["required"].as_array().map(names).unwrap_or_default();
            let ours: BTreeSet<&str> = object
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.name)
                .collect();
            assert_eq!(required, ours, "{}", object.name);
            assert_eq!(def["additionalProperties"], false, "{}", object.name);
        }
    }

    #[test]
    fn every_field_is_documented() {
        let docs = include_str!("../../docs/role-profile.md");
        for object in ALL {
            for field in object.field_names() {
                assert!(
                    docs.contains(&format!("| `{field}` |")),
                    "docs/role-profile.md has no row for `{field}` of {}",
                    object.name
                );
            }
        }
    }

    #[test]
    fn suggestions_for_misspelt_fields() {
        let fields: Vec<&str> = SKILL.field_names().collect();
        // typed → suggested
        let cases = [
            ("term", Some("terms")),
            ("ambigous_terms", Some("ambiguous_terms")),
            ("nextstep", Some("next_step")),
            ("next-step", Some("next_step")),
            ("weigth", Some("weight")),
            ("Category", Some("category")),
            ("partials", Some("partial")),
            ("colour", None),
            ("description", None),
        ];
        for (typed, suggested) in cases {
            assert_eq!(did_you_mean(typed, &fields), suggested, "{typed}");
        }
        assert_eq!(did_you_mean("technicall", CATEGORIES), Some("technical"));
        assert_eq!(did_you_mean("Soft", CATEGORIES), Some("soft"));
        assert_eq!(did_you_mean("hard", CATEGORIES), None);
    }
}
