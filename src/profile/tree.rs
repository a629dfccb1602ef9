//! YAML → a tree of nodes that each know their position, read with safety limits.
//!
//! The checks walk this tree rather than the typed [`RawProfile`](super::raw::RawProfile),
//! because serde stops at the first missing field or wrong type, and a maintainer must see every
//! problem of a file in one run. Duplicate keys are passed through so that each can be reported
//! where it stands.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::options::{AliasLimits, DuplicateKeyPolicy};
use serde_saphyr::{Budget, Options, Spanned};

use super::diagnostic::{Code, Position};

/// The deepest nesting a profile may use; the format itself needs six levels.
pub const MAX_DEPTH: usize = 32;
/// More YAML values than any hand-written profile holds (the built-in one has about 1,500).
pub const MAX_NODES: usize = 100_000;

/// A YAML value with the position where it is written (for an alias: where it is used).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub position: Position,
    /// Byte range of a scalar in the source, to recover how a number or boolean was spelt.
    span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// An empty value (`key:`), `~` or `null`.
    Null,
    /// `true`, `no`…, with its spelling.
    Bool(String),
    /// A number, with its spelling ("1.10" stays "1.10" when read as text).
    Number(f64, String),
    Text(String),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a scalar as a text field would read it; `None` for null and collections.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Text(text) | Kind::Bool(text) | Kind::Number(_, text) => Some(text),
            _ => None,
        }
    }

    /// The value of the first `key` of a mapping, with the key node.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.entries()
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(k, v)| (k, v))
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, value)| value)
    }

    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.kind {
            Kind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a list; nothing for anything else.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::List(items) => items,
            _ => &[],
        }
    }

    /// What the value is, for messages: "a number", "text ('heavy')".
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Null => "empty".into(),
            Kind::Bool(text) => format!("the boolean {text}"),
            Kind::Number(_, text) => format!("the number {text}"),
            Kind::Text(text) => format!("text ('{}')", shorten(text)),
            Kind::List(_) => "a list".into(),
            Kind::Map(_) => "a mapping (key: value lines)".into(),
        }
    }

    /// Moves every node's position from the loader's lines onto skillgap's.
    fn relocate(&mut self, lines: &LoaderLines) {
        self.position = lines.position(self.position);
        match &mut self.kind {
            Kind::List(items) => items.iter_mut().for_each(|item| item.relocate(lines)),
            Kind::Map(entries) => entries.iter_mut().for_each(|(key, value)| {
                key.relocate(lines);
                value.relocate(lines);
            }),
            Kind::Null | Kind::Bool(_) | Kind::Number(..) | Kind::Text(_) => {}
        }
    }

    /// Gives numbers and booleans the spelling they have in the source.
    fn respell(&mut self, source: &str) {
        match &mut self.kind {
            Kind::Bool(text) | Kind::Number(_, text) => {
                if let Some(spelling) = self.span.and_then(|(start, len)| {
                    source
                        .get(start..start + len)
                        .filter(|s| !s.trim().is_empty())
                }) {
                    *text = spelling.trim().to_string();
                }
            }
            Kind::List(items) => items.iter_mut().for_each(|item| item.respell(source)),
            Kind::Map(entries) => entries.iter_mut().for_each(|(key, value)| {
                key.respell(source);
                value.respell(source);
            }),
            Kind::Null | Kind::Text(_) => {}
        }
    }
}

/// The loader's lines, where they are not skillgap's.
///
/// YAML ends a line at a line feed, a carriage return, or both; skillgap counts lines as
/// `grep -n`, Git and CI logs do, ending them at line feeds only (a carriage return before one
/// belongs to its line). The two differ only where a carriage return stands alone; there the
/// loader's positions are moved onto skillgap's lines, so that every problem points inside the
/// file and agrees with the positions skillgap finds itself (tabs, bytes that are not UTF-8).
struct LoaderLines {
    /// For each of the loader's lines: where it starts, and its length in characters.
    lines: Vec<(Position, usize)>,
}

impl LoaderLines {
    /// `None` when the loader's lines are skillgap's: no carriage return stands alone.
    fn of(source: &str) -> Option<Self> {
        let bytes = source.as_bytes();
        let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
        if !source.match_indices('\r').any(|(i, _)| lone(i)) {
            return None;
        }
        let mut lines = Vec::new();
        let mut start = Position::START;
        let mut here = Position::START;
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\r' && c != '\n' {
                here.column += 1;
                continue;
            }
            lines.push((start, here.column - start.column));
            // A carriage return and a line feed are one break for both; a lone return is a
            // character of skillgap's line.
            let crlf = c == '\r' && chars.next_if_eq(&'\n').is_some();
            here = if c == '\n' || crlf {
                Position::new(here.line + 1, 0)
            } else {
                Position::new(here.line, here.column + 1)
            };
            start = here;
        }
        lines.push((start, here.column - start.column));
        Some(LoaderLines { lines })
    }

    /// Where the loader's `position` is in skillgap's lines (kept on its line, or the last).
    fn position(&self, position: Position) -> Position {
        let (start, length) = self
            .lines
            .get(position.line)
            .or(self.lines.last())
            .copied()
            .unwrap_or((Position::START, 0));
        Position::new(start.line, start.column + position.column.min(length))
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Kind>::deserialize(deserializer)?;
        let span = spanned.defined.span();
        let span = span
            .byte_offset()
            .zip(span.byte_len())
            .and_then(|(start, len)| {
                Some((usize::try_from(start).ok()?, usize::try_from(len).ok()?))
            });
        Ok(Node {
            kind: spanned.value,
            position: Position::from_location(spanned.referenced),
            span,
        })
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }

    fn visit_none<E>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Kind, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Kind, E> {
        Ok(Kind::Bool(value.to_string()))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Kind, E> {
        Ok(Kind::Number(value as f64, value.to_string()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Kind, E> {
        Ok(Kind::Number(value as f64, value.to_string()))
    }

    fn visit_i128<E>(self, value: i128) -> Result<Kind, E> {
        Ok(Kind::Number(value as f64, value.to_string()))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Kind, E> {
        Ok(Kind::Number(value as f64, value.to_string()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Kind, E> {
        Ok(Kind::Number(value, value.to_string()))
    }

    fn visit_str<E>(self, value: &str) -> Result<Kind, E> {
        Ok(Kind::Text(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Kind, E> {
        Ok(Kind::Text(value))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Kind, E> {
        Ok(Kind::Text(String::from_utf8_lossy(value).into_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Kind::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Kind::Map(entries))
    }
}

/// Why a file could not be read as YAML at all: one problem, where the loader stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub position: Position,
    pub code: Code,
    pub message: String,
}

/// The loader's settings: limits far above any real profile, far below what hurts (an alias
/// bomb, a 100,000-deep list). Duplicate keys reach our own check, which reports every one.
pub fn options(duplicate_keys: DuplicateKeyPolicy) -> Options {
    // Both structs are non-exhaustive: start from the defaults and tighten.
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 4 * MAX_NODES;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_documents = 2;
    budget.max_merge_keys = 100;
    budget.max_total_scalar_bytes = 8 * 1024 * 1024;
    budget.max_recorded_anchor_events = MAX_NODES;
    let mut alias_limits = AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_NODES;
    alias_limits.max_replay_stack_depth = 16;
    serde_saphyr::options! {
        budget: Some(budget),
        alias_limits: alias_limits,
        duplicate_keys: duplicate_keys,
        with_snippet: false,
    }
}

/// Parses one YAML document into a tree.
pub fn parse(source: &str) -> Result<Node, Unreadable> {
    let options = options(DuplicateKeyPolicy::PassThrough);
    let mut root: Node =
        serde_saphyr::from_str_with_options(source, options).map_err(|e| unreadable(&e, source))?;
    root.respell(source);
    if let Some(lines) = LoaderLines::of(source) {
        root.relocate(&lines);
    }
    Ok(root)
}

/// Turns the loader's error in `source` into one problem with a message a maintainer can act on.
pub fn unreadable(error: &serde_saphyr::Error, source: &str) -> Unreadable {
    let position = error
        .location()
        .map_or(Position::START, Position::from_location);
    let position = LoaderLines::of(source).map_or(position, |lines| lines.position(position));
    let (code, message) = classify(error);
    Unreadable {
        position,
        code,
        message,
    }
}

fn classify(error: &serde_saphyr::Error) -> (Code, String) {
    use serde_saphyr::Error as E;
    match error {
        E::WithSnippet { error, .. } | E::AliasError { error, .. } => classify(error),
        E::Budget { breach, .. } => budget_message(breach),
        E::MultipleDocuments { .. } => (
            Code::MultipleDocuments,
            "a second YAML document starts here; a profile is one document, so remove this `---` \
             and what follows, or move it to its own file"
                .to_string(),
        ),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => (Code::TooComplex, alias_message()),
        other => {
            let text = loader_message(&other.to_string());
            if text.contains("recursion limit") {
                (Code::TooComplex, depth_message())
            } else {
                (Code::YamlSyntax, format!("invalid YAML: {text}"))
            }
        }
    }
}

fn alias_message() -> String {
    "aliases (*name) expand to more values than a profile can hold; write the values out"
        .to_string()
}

fn budget_message(breach: &BudgetBreach) -> (Code, String) {
    let message = match breach {
        BudgetBreach::Depth { .. } => depth_message(),
        BudgetBreach::Documents { .. } => {
            return (
                Code::MultipleDocuments,
                "more than one YAML document; a profile is one document".to_string(),
            );
        }
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => {
            "more than 1,000 anchors or aliases (&name, *name); write the values out".to_string()
        }
        BudgetBreach::RecordedAnchorEvents { .. } | BudgetBreach::RecordedAnchorBytes { .. } => {
            alias_message()
        }
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => format!(
            "more than {MAX_NODES} YAML values (aliases count each time they are used); a profile \
             holds a few thousand"
        ),
        other => format!("the YAML is over a safety limit of the loader ({other:?})"),
    };
    (Code::TooComplex, message)
}

fn depth_message() -> String {
    format!("nested more than {MAX_DEPTH} levels deep; a profile needs six levels at most")
}

/// The loader's message without the position it appends (ours leads the line) or its hints
/// for Rust programmers.
fn loader_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or("invalid YAML").trim();
    let first = match first.rfind(" at line ") {
        Some(at) => &first[..at],
        None => first,
    };
    let first = first
        .strip_prefix("error: ")
        .unwrap_or(first)
        .trim_end_matches('.');
    first.to_string()
}

/// Tabs in the indentation of lines with content. YAML forbids them there, and the loader's
/// own message points at the line before; this points at the tab itself.
pub fn indentation_tabs(source: &str) -> Vec<Position> {
    source
        .lines()
        .enumerate()
        .filter_map(|(line, text)| {
            let content = text.trim_start_matches([' ', '\t']);
            if content.is_empty() || content.starts_with('#') {
                return None;
            }
            let indent = &text[..text.len() - content.len()];
            indent
                .chars()
                .position(|c| c == '\t')
                .map(|column| Position::new(line, column))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(node: &Node) -> (usize, usize) {
        (node.position.line, node.position.column)
    }

    #[test]
    fn every_node_knows_where_it_is_written() {
        let root = parse("id: x\nskills:\n  - id: é-a\n    terms: [go, \"r\"]\n").unwrap();
        let (key, id) = root.entry("id").unwrap();
        assert_eq!((at(key), at(id)), ((0, 0), (0, 4)));
        let skill = &root.get("skills").unwrap().items()[0];
        assert_eq!(at(skill), (2, 4));
        let terms = skill.get("terms").unwrap().items();
        assert_eq!(at(&terms[0]), (3, 12));
        assert_eq!(at(&terms[1]), (3, 16));
    }

    #[test]
    fn columns_count_characters() {
        let root = parse("name: «é»\nx: [é, ü]\n").unwrap();
        let items = root.get("x").unwrap().items();
        assert_eq!(at(&items[1]), (1, 7));
    }

    #[test]
    fn a_lone_carriage_return_does_not_move_positions_off_the_line() {
        // YAML ends a line at a lone carriage return; skillgap, like grep -n and Git, does not.
        let root = parse("id: x\rtitle: T\r\nskills: [a]\n").unwrap();
        assert_eq!(at(root.entry("title").unwrap().0), (0, 6));
        assert_eq!(at(root.get("title").unwrap()), (0, 13));
        assert_eq!(at(&root.get("skills").unwrap().items()[0]), (1, 9));
        // Found by fuzz/validate_profile: an error on the loader's third line, in a text of one
        // line, and one at its column 2 of a line of none.
        let err = parse("iulr\r[\r\0\0\0\u{1}\u{1}m").unwrap_err();
        assert_eq!(err.position, Position::new(0, 7));
        let err = parse("&oso:\r!\0\u{6}ltid!").unwrap_err();
        assert_eq!(err.position, Position::new(0, 7));
    }

    #[test]
    fn numbers_and_booleans_keep_their_spelling() {
        let root = parse("a: 1.10\nb: no\nc: 0x1F\nd: '3'\n").unwrap();
        assert_eq!(root.get("a").unwrap().text(), Some("1.10"));
        assert!(matches!(root.get("a").unwrap().kind, Kind::Number(n, _) if n == 1.1));
        assert_eq!(root.get("b").unwrap().text(), Some("no"));
        assert_eq!(root.get("c").unwrap().text(), Some("0x1F"));
        assert_eq!(root.get("d").unwrap().kind, Kind::Text("3".into()));
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_checks() {
        let root = parse("a: 1\nb: 2\na: 3\n").unwrap();
        let keys: Vec<_> = root.entries().iter().map(|(k, _)| k.text()).collect();
        assert_eq!(keys, [Some("a"), Some("b"), Some("a")]);
    }

    #[test]
    fn syntax_errors_point_at_the_loaders_position() {
        // source → line, column (0-based), message
        let cases = [
            (
                "id: x\ntitle: \"open\n",
                1,
                7,
                "invalid YAML: unclosed quote",
            ),
            (
                "id: x\ntitle: a: b\n",
                1,
                8,
                "invalid YAML: mapping values are not allowed in this context",
            ),
        ];
        for (source, line, column, message) in cases {
            let err = parse(source).unwrap_err();
            assert_eq!(err.code, Code::YamlSyntax, "{source:?}");
            assert_eq!(err.position, Position::new(line, column), "{source:?}");
            assert_eq!(err.message, message, "{source:?}");
        }
    }

    #[test]
    fn a_second_document_is_refused() {
        let err = parse("id: x\n---\nid: y\n").unwrap_err();
        assert_eq!(err.code, Code::MultipleDocuments);
        assert_eq!(err.position.line, 2);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let flow = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(&flow).unwrap_err();
        assert_eq!(err.code, Code::TooComplex, "{err:?}");
        let block: String = (0..100_000)
            .map(|i| format!("{}-\n", " ".repeat(i % 200)))
            .collect();
        assert!(parse(&block).is_err());
        let nested: String = (0..1_000)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        let err = parse(&nested).unwrap_err();
        assert_eq!(err.code, Code::TooComplex, "{err:?}");
        assert!(
            err.message.contains("nested more than 32 levels"),
            "{err:?}"
        );
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            let refs = vec![format!("*{previous}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let err = parse(&bomb).unwrap_err();
        assert_eq!(err.code, Code::TooComplex, "{err:?}");
    }

    #[test]
    fn tabs_in_indentation_are_found_where_they_are() {
        let source = "a:\n\t- x\n  \tb: y\nc: \"tab\tinside\"\n\t# a comment\n";
        assert_eq!(
            indentation_tabs(source),
            [Position::new(1, 0), Position::new(2, 2)]
        );
    }
}
