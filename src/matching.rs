//! Stage 3: find the profile's terms in the resume, and keep only the matches that really are
//! evidence.
//!
//! Every term, cue and context word of the profile goes into one Aho-Corasick automaton, so a
//! resume is read once whatever the number of terms. Each candidate then passes the rules:
//! word boundaries (with common inflections), technical context for ambiguous terms, no negation
//! or wish before it, and not part of an organisation's name. Rejected candidates are kept with
//! the rule that rejected them, so a verdict can be explained.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::normalize::NormalLine;
use crate::profile::{Category, Evidence as SkillEvidence, Profile, Terms};
use crate::resume::{Line, Period, Resume, Section};

/// How a match shows its skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// One of the skill's own terms.
    Skill,
    /// One of the parts of a several-part skill (index into the parts).
    Part(usize),
    /// Related evidence that shows it only partially (index into the partial groups).
    Related(usize),
}

/// A line of the resume that shows a skill or background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The line's number (1-based, as `skillgap text -n` numbers it).
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// The words of the resume that matched, as written there.
    pub term: String,
    /// The section the line is in.
    pub section: Section,
    /// What the match shows of the skill.
    pub shows: Shows,
    /// The profile term a misspelt word was read as ("kubernetes" for "Kuberentes").
    pub read_as: Option<String>,
    /// When the job of this line was held, if the resume dates it.
    pub period: Option<Period>,
}

impl Evidence {
    /// Interests and hobbies show an acquaintance, not a skill.
    pub fn is_weak(&self) -> bool {
        self.section == Section::Interests
    }
}

/// Why a candidate match was not taken as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// An ambiguous term without technical context.
    NoContext,
    /// Denied by a cue before it ("no", "without").
    Negated,
    /// Only wished for or being learned.
    Aspiration,
    /// Inside an organisation's name or a title.
    OrganizationName,
    /// Inside a phrase that means something else.
    FalseFriend,
}

impl Rule {
    /// The rule in words, for `--explain`.
    pub fn explain(self) -> &'static str {
        match self {
            Rule::NoContext => "ambiguous word without technical context nearby",
            Rule::Negated => "denied by the words before it",
            Rule::Aspiration => "only wished for or being learned",
            Rule::OrganizationName => "part of the name of an organisation or title",
            Rule::FalseFriend => "part of a phrase that means something else",
        }
    }
}

/// A candidate match that the rules turned down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The line's number.
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// The words that matched.
    pub term: String,
    /// The rule that turned it down.
    pub rule: Rule,
}

/// Everything found for one skill or background of the profile.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// The matches that are evidence.
    pub evidence: Vec<Evidence>,
    /// The candidates the rules turned down.
    pub rejected: Vec<Rejection>,
}

/// What the matcher found in a resume, in the profile's order.
#[derive(Debug, Clone)]
pub struct Matches {
    /// One entry per skill of the profile.
    pub skills: Vec<Findings>,
    /// One entry per background of the profile.
    pub backgrounds: Vec<Findings>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Skill(usize, ShowsIndex),
    Background(usize),
    Context,
    SkillContext(usize),
    Negation,
    Aspiration,
    TrailingAspiration,
    Organization,
    FalseFriend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowsIndex {
    Skill,
    Part(usize),
    Related(usize),
}

impl From<ShowsIndex> for Shows {
    fn from(index: ShowsIndex) -> Self {
        match index {
            ShowsIndex::Skill => Shows::Skill,
            ShowsIndex::Part(i) => Shows::Part(i),
            ShowsIndex::Related(i) => Shows::Related(i),
        }
    }
}

#[derive(Debug, Clone)]
struct Meaning {
    target: Target,
    ambiguous: bool,
}

/// Terms and cues of one profile, compiled once and used for any number of resumes.
pub struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<String>,
    meanings: Vec<Vec<Meaning>>,
    /// Patterns that may be read through a one-letter slip: long one-word technical terms.
    typo_patterns: Vec<usize>,
    /// Whether each skill names its own context words for its ambiguous terms.
    own_context: Vec<bool>,
    skill_count: usize,
    background_count: usize,
}

/// Words allowed between a cue ("no", "learning") and the term it governs.
const CUE_REACH_WORDS: usize = 3;

/// How far, in words within one sentence, technical context may stand from an ambiguous term.
const CONTEXT_REACH_WORDS: usize = 6;

/// Shortest word read through a typo: shorter words are too often other real words.
const MIN_MISSPELT_LEN: usize = 8;

/// Endings a term may take and still be the same word ("firewalls", "mentored").
const INFLECTIONS: &[&str] = &["s", "es", "ed", "d", "ing"];

impl Matcher {
    /// Compiles every term, cue and context word of the profile into one automaton.
    pub fn new(profile: &Profile) -> Self {
        let mut by_term: HashMap<String, Vec<Meaning>> = HashMap::new();
        let mut add = |term: &str, target: Target, ambiguous: bool| {
            by_term
                .entry(term.to_string())
                .or_default()
                .push(Meaning { target, ambiguous });
        };
        for (index, skill) in profile.skills.iter().enumerate() {
            let mut add_terms = |terms: &Terms, shows: ShowsIndex| {
                for (term, ambiguous) in terms.iter() {
                    add(term, Target::Skill(index, shows), ambiguous);
                    if !ambiguous {
                        add(term, Target::Context, false);
                    }
                }
            };
            match &skill.evidence {
                SkillEvidence::AnyOf(terms) => add_terms(terms, ShowsIndex::Skill),
                SkillEvidence::AllOf(parts) => {
                    for (part, p) in parts.iter().enumerate() {
                        add_terms(&p.terms, ShowsIndex::Part(part));
                    }
                }
            }
            for (group, partial) in skill.partial.iter().enumerate() {
                add_terms(&partial.terms, ShowsIndex::Related(group));
            }
            for word in &skill.context_terms {
                add(word, Target::SkillContext(index), false);
            }
        }
        for (index, background) in profile.backgrounds.iter().enumerate() {
            for (term, ambiguous) in background.terms.iter() {
                add(term, Target::Background(index), ambiguous);
            }
        }
        let language = &profile.language;
        for (words, target) in [
            (&language.context_terms, Target::Context),
            (&language.negation_cues, Target::Negation),
            (&language.aspiration_cues, Target::Aspiration),
            (
                &language.trailing_aspiration_cues,
                Target::TrailingAspiration,
            ),
            (&language.organization_words, Target::Organization),
            (&language.false_friends, Target::FalseFriend),
        ] {
            for word in words {
                add(word, target, false);
            }
        }
        let mut entries: Vec<(String, Vec<Meaning>)> = by_term.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let (patterns, meanings): (Vec<String>, Vec<Vec<Meaning>>) = entries.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("profile terms are short, so the automaton always builds");
        let typo_patterns = typo_patterns(profile, &patterns);
        Matcher {
            automaton,
            typo_patterns,
            patterns,
            meanings,
            own_context: profile
                .skills
                .iter()
                .map(|s| !s.context_terms.is_empty())
                .collect(),
            skill_count: profile.skills.len(),
            background_count: profile.backgrounds.len(),
        }
    }

    /// Reads the resume once and keeps each candidate that passes the rules.
    pub fn find(&self, resume: &Resume) -> Matches {
        let mut matches = Matches {
            skills: vec![Findings::default(); self.skill_count],
            backgrounds: vec![Findings::default(); self.background_count],
        };
        for (index, line) in resume.lines.iter().enumerate() {
            if !line.text.trim().is_empty() {
                let passage = Passage::new(line, resume.lines.get(index + 1));
                self.find_in_passage(&passage, &mut matches);
            }
        }
        matches
    }

    fn find_in_passage(&self, passage: &Passage, matches: &mut Matches) {
        let normal = NormalLine::new(&passage.text);
        let hits = self.hits(&normal);
        let line = passage.line;
        let mut accepted: Vec<(Target, &Hit)> = Vec::new();
        for hit in hits
            .iter()
            .filter(|hit| normal.original_offset(hit.start) < passage.own_len)
        {
            for meaning in &self.meanings[hit.pattern] {
                let findings = match meaning.target {
                    Target::Skill(skill, _) => &mut matches.skills[skill],
                    Target::Background(background) => &mut matches.backgrounds[background],
                    _ => continue,
                };
                match self.judge(passage, &normal, &hits, hit, meaning) {
                    Ok(()) => accepted.push((meaning.target, hit)),
                    Err(rule) => {
                        let rejection = Rejection {
                            line: line.number,
                            text: line.text.trim().to_string(),
                            term: original_words(&passage.text, &normal, hit.start, hit.end),
                            rule,
                        };
                        if !on_this_line(&findings.rejected, |r| r.line, &rejection) {
                            findings.rejected.push(rejection);
                        }
                    }
                }
            }
        }
        // "macOS terminal" and "macOS" on one line are one piece of evidence: keep the longest.
        let inside_longer = |target: Target, hit: &Hit| {
            accepted.iter().any(|(other_target, other)| {
                *other_target == target
                    && other.start <= hit.start
                    && other.end >= hit.end
                    && other.end - other.start > hit.end - hit.start
            })
        };
        for &(target, hit) in &accepted {
            if inside_longer(target, hit) {
                continue;
            }
            let (findings, shows) = match target {
                Target::Skill(skill, shows) => (&mut matches.skills[skill], shows.into()),
                Target::Background(background) => {
                    (&mut matches.backgrounds[background], Shows::Skill)
                }
                _ => continue,
            };
            let evidence = Evidence {
                line: line.number,
                text: line.text.trim().to_string(),
                term: original_words(&passage.text, &normal, hit.start, hit.end),
                section: line.section,
                shows,
                read_as: hit.misspelt.then(|| self.patterns[hit.pattern].clone()),
                period: line.period,
            };
            if !on_this_line(&findings.evidence, |e| e.line, &evidence) {
                findings.evidence.push(evidence);
            }
        }
    }

    /// Matches that start and end on word boundaries, allowing an inflection at the end.
    fn hits(&self, normal: &NormalLine) -> Vec<Hit> {
        let text = normal.text.as_bytes();
        let mut hits = Vec::new();
        for found in self.automaton.find_overlapping_iter(&normal.text) {
            let start = found.start();
            if start > 0 && text[start - 1] != b' ' {
                continue;
            }
            let pattern = found.pattern().as_usize();
            if let Some(end) = word_end(&normal.text, found.end(), &self.patterns[pattern]) {
                hits.push(Hit {
                    pattern,
                    start,
                    end,
                    misspelt: false,
                });
            }
        }
        let misspelt = self.misspelt_hits(normal, &hits);
        hits.extend(misspelt);
        hits
    }

    /// Words that no term matched but that are one slip (an edit or a swap) away from exactly
    /// one long product name of the role ("Terrafrom", "Promethues"). Only long technical names
    /// qualify: among them, no real word is one slip from another.
    fn misspelt_hits(&self, normal: &NormalLine, exact: &[Hit]) -> Vec<Hit> {
        let mut found = Vec::new();
        let mut offset = 0;
        for word in normal.text.split(' ') {
            let (start, end) = (offset, offset + word.len());
            offset = end + 1;
            let covered = exact.iter().any(|h| h.start < end && h.end > start);
            if covered || word.len() < MIN_MISSPELT_LEN || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let mut candidates = self.typo_patterns.iter().filter(|&&pattern| {
                let term = &self.patterns[pattern];
                term.len().abs_diff(word.len()) <= 1
                    && term.as_bytes()[..2] == word.as_bytes()[..2]
                    && strsim::damerau_levenshtein(term, word) == 1
            });
            if let (Some(&pattern), None) = (candidates.next(), candidates.next()) {
                found.push(Hit {
                    pattern,
                    start,
                    end,
                    misspelt: true,
                });
            }
        }
        found
    }

    fn judge(
        &self,
        passage: &Passage,
        normal: &NormalLine,
        hits: &[Hit],
        hit: &Hit,
        meaning: &Meaning,
    ) -> Result<(), Rule> {
        let has = |target: Target, wanted: &dyn Fn(&Hit) -> bool| {
            hits.iter().any(|other| {
                wanted(other)
                    && self.meanings[other.pattern]
                        .iter()
                        .any(|m| m.target == target)
            })
        };
        let covers = |other: &Hit| {
            other.pattern != hit.pattern && other.start <= hit.start && other.end >= hit.end
        };
        if has(Target::FalseFriend, &covers) {
            return Err(Rule::FalseFriend);
        }
        if meaning.ambiguous && passage.line.section != Section::Skills {
            let near = |other: &Hit| {
                let (from, to) = if other.end <= hit.start {
                    (other.end, hit.start)
                } else if other.start >= hit.end {
                    (hit.end, other.start)
                } else {
                    return false;
                };
                words_between(normal, from, to) <= CONTEXT_REACH_WORDS
                    && !normal.sentence_break_between(from, to)
            };
            let context = match meaning.target {
                Target::Skill(skill, _) if self.own_context[skill] => Target::SkillContext(skill),
                _ => Target::Context,
            };
            if !has(context, &near) {
                return Err(Rule::NoContext);
            }
        }
        let governs = |cue: &Hit| {
            cue.end <= hit.start
                && words_between(normal, cue.end, hit.start) <= CUE_REACH_WORDS
                && !normal.clause_break_between(cue.end, hit.start)
        };
        if has(Target::Negation, &governs) {
            return Err(Rule::Negated);
        }
        if has(Target::Aspiration, &governs) {
            return Err(Rule::Aspiration);
        }
        let qualifies = |cue: &Hit| {
            let between = passage
                .text
                .get(
                    original_end(&passage.text, normal, hit.end)..normal.original_offset(cue.start),
                )
                .unwrap_or_default()
                .trim();
            cue.start >= hit.end
                && !between.is_empty()
                && between
                    .chars()
                    .all(|c| matches!(c, '(' | '[' | '-' | '–' | '—'))
        };
        if has(Target::TrailingAspiration, &qualifies) {
            return Err(Rule::Aspiration);
        }
        if self.inside_organization_name(&passage.text, normal, hit) {
            return Err(Rule::OrganizationName);
        }
        Ok(())
    }

    /// A capitalised term inside a run of capitalised words that names an organisation or a
    /// title: "Terraform Labs Café", "Rose City Linux Users Group", "The Salt Loft".
    fn inside_organization_name(&self, text: &str, normal: &NormalLine, hit: &Hit) -> bool {
        let start = normal.original_offset(hit.start);
        let end = original_end(text, normal, hit.end);
        if !text[start..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        let before = capitalised_run_before(&text[..start]);
        let after = capitalised_run_after(&text[end.min(text.len())..]);
        let is_organization_word = |word: &&str| {
            let normal_word = crate::normalize::normalize(word);
            self.patterns
                .binary_search(&normal_word)
                .ok()
                .is_some_and(|p| {
                    self.meanings[p]
                        .iter()
                        .any(|m| m.target == Target::Organization)
                })
        };
        let names_organization = after.iter().chain(&before).any(is_organization_word);
        let titled = before.first().is_some_and(|w| *w == "The") && before.len() + after.len() >= 2;
        names_organization || titled
    }
}

fn typo_patterns(profile: &Profile, patterns: &[String]) -> Vec<usize> {
    let mut words: Vec<&str> = Vec::new();
    for skill in profile
        .skills
        .iter()
        .filter(|s| s.category == Category::Technical)
    {
        let mut lists: Vec<&Terms> = skill.partial.iter().map(|p| &p.terms).collect();
        match &skill.evidence {
            SkillEvidence::AnyOf(terms) => lists.push(terms),
            SkillEvidence::AllOf(parts) => lists.extend(parts.iter().map(|p| &p.terms)),
        }
        words.extend(
            lists
                .iter()
                .flat_map(|terms| terms.plain.iter().map(String::as_str)),
        );
    }
    let mut indices: Vec<usize> = words
        .into_iter()
        .filter(|w| w.len() >= MIN_MISSPELT_LEN && w.chars().all(char::is_alphabetic))
        .filter_map(|w| patterns.binary_search_by(|p| p.as_str().cmp(w)).ok())
        .collect();
    indices.sort_unstable();
    indices.dedup();
    indices
}

struct Hit {
    pattern: usize,
    start: usize,
    end: usize,
    /// Read as the pattern despite a one-letter slip ("Kuberentes").
    misspelt: bool,
}

/// A line with the line that continues its sentence, if any, so that a phrase wrapped across
/// a line break ("availability" / "endpoint") is still one phrase. Matches are credited to the
/// line they start on.
struct Passage<'a> {
    line: &'a Line,
    text: String,
    /// Length in bytes of the line's own text at the start of `text`.
    own_len: usize,
}

impl<'a> Passage<'a> {
    fn new(line: &'a Line, next: Option<&Line>) -> Self {
        let continues = next.filter(|next| {
            next.section == line.section
                && !next.is_heading
                && !line.text.trim_end().ends_with(['.', ';', ':', '!', '?'])
                && next.text.trim_start().starts_with(|c: char| {
                    c.is_lowercase() || c.is_ascii_digit() || c == '(' || c == '&'
                })
        });
        let mut text = line.text.clone();
        let own_len = text.len();
        if let Some(next) = continues {
            text.push(' ');
            text.push_str(next.text.trim());
        }
        Passage {
            line,
            text,
            own_len,
        }
    }
}

fn words_between(normal: &NormalLine, from: usize, to: usize) -> usize {
    normal.text[from..to].split_whitespace().count()
}

/// Whether `item` is already among the entries of its own line. Entries arrive in line order,
/// so only the tail needs looking at, which keeps long resumes linear.
fn on_this_line<T: PartialEq>(entries: &[T], line_of: impl Fn(&T) -> usize, item: &T) -> bool {
    let line = line_of(item);
    entries
        .iter()
        .rev()
        .take_while(|entry| line_of(entry) == line)
        .any(|entry| entry == item)
}

/// Where the word that a match begins ends, if the match is a whole word or the term plus an
/// inflection.
fn word_end(text: &str, end: usize, term: &str) -> Option<usize> {
    let rest = &text[end..];
    if rest.is_empty() || rest.starts_with(' ') {
        return Some(end);
    }
    if !term.ends_with(|c: char| c.is_ascii_alphabetic()) || term.len() < 2 {
        return None;
    }
    INFLECTIONS
        .iter()
        .filter(|suffix| term.len() >= 4 || **suffix == "s")
        .find(|suffix| {
            rest.strip_prefix(**suffix)
                .is_some_and(|after| after.is_empty() || after.starts_with(' '))
        })
        .map(|suffix| end + suffix.len())
}

fn original_end(original: &str, normal: &NormalLine, end: usize) -> usize {
    let last = normal.original_offset(end.saturating_sub(1));
    original[last.min(original.len())..]
        .chars()
        .next()
        .map_or(original.len(), |c| last + c.len_utf8())
}

fn original_words(original: &str, normal: &NormalLine, start: usize, end: usize) -> String {
    let from = normal.original_offset(start).min(original.len());
    let to = original_end(original, normal, end).max(from);
    original[from..to].to_string()
}

/// Small words that may sit inside a name ("Bank of Scotland", "Salt and Pepper").
const NAME_CONNECTORS: &[&str] = &["of", "and", "&", "de", "the", "for"];

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

fn clean_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

/// Capitalised words right after a term, up to the first break in the name.
fn capitalised_run_after(text: &str) -> Vec<&str> {
    let mut run = Vec::new();
    if !text.starts_with(' ') {
        return run;
    }
    for raw in text.split_whitespace() {
        let word = clean_word(raw);
        if word.is_empty() || !(is_capitalised(word) || NAME_CONNECTORS.contains(&word)) {
            break;
        }
        run.push(word);
        if raw.ends_with([',', ';', ':', '.', ')', '|']) {
            break;
        }
    }
    while run.last().is_some_and(|w| NAME_CONNECTORS.contains(w)) {
        run.pop();
    }
    run
}

/// Capitalised words right before a term, nearest last.
fn capitalised_run_before(text: &str) -> Vec<&str> {
    let mut run = Vec::new();
    if !text.is_empty() && !text.ends_with(' ') {
        return run;
    }
    for raw in text.split_whitespace().rev() {
        let word = clean_word(raw);
        if word.is_empty()
            || raw.ends_with([',', ';', ':', '.', ')', '|'])
            || !(is_capitalised(word) || NAME_CONNECTORS.contains(&word))
        {
            break;
        }
        run.push(word);
    }
    run.reverse();
    while run
        .first()
        .is_some_and(|w| NAME_CONNECTORS.contains(w) && *w != "The")
    {
        run.remove(0);
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Document, Format, TextLine};
    use crate::profile::load_source;

    const PROFILE: &str = r#"
id: test-role
title: Test role
language:
  context_terms: [scripting, ci]
  negation_cues: ["no", not]
  aspiration_cues: [learning, want to learn, studying for]
  organization_words: [labs, group, ltd]
  false_friends: [terraform cloud billing]
skills:
  - id: terraform
    name: Terraform
    category: technical
    weight: 5
    terms: [terraform, opentofu]
    partial:
      - reason: only another IaC tool
        terms: [cloudformation]
    next_step: write a module
  - id: golang
    name: Go
    category: technical
    weight: 1
    terms: [golang]
    ambiguous_terms: [go]
    next_step: learn Go
  - id: network
    name: Networking
    category: technical
    weight: 1
    terms: [firewall, load balancer, on-call]
    next_step: learn networking
"#;

    fn find(text: &str) -> Matches {
        let profile = load_source(PROFILE, "test.yaml").unwrap();
        let document = Document::new(Format::Text, text.lines().map(TextLine::plain).collect());
        Matcher::new(&profile).find(&crate::resume::parse(&document))
    }

    fn terms(findings: &Findings) -> Vec<&str> {
        findings.evidence.iter().map(|e| e.term.as_str()).collect()
    }

    fn rules(findings: &Findings) -> Vec<Rule> {
        findings.rejected.iter().map(|r| r.rule).collect()
    }

    #[test]
    fn terms_match_whole_words_only() {
        assert_eq!(
            terms(&find("Wrote Terraform modules").skills[0]),
            ["Terraform"]
        );
        assert!(find("terraformer of gardens").skills[0].evidence.is_empty());
        assert!(find("xterraform").skills[0].evidence.is_empty());
    }

    #[test]
    fn inflections_and_hyphen_variants_match() {
        let network =
            find("Managed firewalls and Load-Balancers; on call weekly").skills[2].clone();
        assert_eq!(terms(&network), ["firewalls", "Load-Balancers", "on call"]);
    }

    #[test]
    fn related_terms_show_partially() {
        let found = find("Stacks in CloudFormation").skills[0].clone();
        assert_eq!(found.evidence[0].shows, Shows::Related(0));
    }

    #[test]
    fn ambiguous_terms_need_context() {
        assert_eq!(
            rules(&find("Interests: Go, chess and hiking").skills[1]),
            [Rule::NoContext]
        );
        assert_eq!(terms(&find("Built CI tools in Go").skills[1]), ["Go"]);
        assert_eq!(terms(&find("SKILLS\nGo").skills[1]), ["Go"]);
    }

    #[test]
    fn negated_and_wished_for_terms_do_not_count() {
        assert_eq!(
            rules(&find("No production Terraform yet").skills[0]),
            [Rule::Negated]
        );
        assert_eq!(
            rules(&find("I want to learn Terraform").skills[0]),
            [Rule::Aspiration]
        );
        assert_eq!(
            rules(&find("Studying for the Terraform exam").skills[0]),
            [Rule::Aspiration]
        );
        assert_eq!(
            terms(&find("No outages; Terraform for all stacks").skills[0]),
            ["Terraform"]
        );
    }

    #[test]
    fn urls_and_organisation_names_are_not_evidence() {
        assert!(
            find("github.com/jane/terraform-notes").skills[0]
                .evidence
                .is_empty()
        );
        assert_eq!(
            rules(&find("Barista, Terraform Labs Café, Portland").skills[0]),
            [Rule::OrganizationName]
        );
        assert_eq!(
            rules(&find("Member of the Portland Terraform Users Group").skills[0]),
            [Rule::OrganizationName]
        );
        assert_eq!(
            terms(&find("Terraform, AWS and Linux").skills[0]),
            ["Terraform"]
        );
    }

    #[test]
    fn false_friends_are_not_evidence() {
        assert_eq!(
            rules(&find("Handled Terraform Cloud billing").skills[0]),
            [Rule::FalseFriend]
        );
        assert_eq!(
            terms(&find("Terraform and Terraform Cloud billing").skills[0]),
            ["Terraform"]
        );
    }

    #[test]
    fn long_product_names_survive_one_slip() {
        let found = find("Wrote modules in Terrafrom").skills[0].clone();
        assert_eq!(terms(&found), ["Terrafrom"]);
        assert_eq!(found.evidence[0].read_as.as_deref(), Some("terraform"));
        assert!(
            find("Wrote modules in Terrafromm").skills[0]
                .evidence
                .is_empty()
        );
        assert!(
            find("Ran opentfu").skills[0].evidence.is_empty(),
            "short words are not read"
        );
    }

    #[test]
    fn evidence_keeps_line_number_and_section() {
        let found = find("Jane\nEXPERIENCE\nRan OpenTofu").skills[0].clone();
        assert_eq!(found.evidence[0].line, 3);
        assert_eq!(found.evidence[0].section, Section::Experience);
    }
}
