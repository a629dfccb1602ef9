//! Stage 3: find the profile's terms in the resume, and keep only the matches that really are
//! evidence.
//!
//! Every term, cue and context word of the profile goes into one Aho-Corasick automaton, so a
//! resume is read once whatever the number of terms. Each candidate then passes the rules:
//! word boundaries (with common inflections), technical context for ambiguous terms, no negation
//! or wish before it, and not part of an organisation's name. Rejected candidates are kept with
//! the rule that rejected them, so a verdict can be explained.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::normalize::NormalLine;
use crate::profile::{Category, Evidence as SkillEvidence, Profile, Terms};
use crate::resume::{Line, Period, Resume, Section};

/// How a match shows its skill.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// The line, trimmed; shared by every entry of the line, so that a long line is held once
    /// however many skills it shows.
    pub text: Arc<str>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The line's text, shared by every entry of the line.
    pub text: Arc<str>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
        // The automaton is built in every process, and a resume is short: the noncontiguous NFA
        // builds fastest (measured: a sixth fewer instructions than the contiguous one, a tenth
        // of the DFA) and searches a resume as fast.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
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
        let index = HitIndex::new(&normal, &hits);
        let names = OnceCell::new();
        let line = passage.line;
        let line_text: OnceCell<Arc<str>> = OnceCell::new();
        let line_text = || {
            line_text
                .get_or_init(|| Arc::from(line.text.trim()))
                .clone()
        };
        // Entries already taken from this line, so that each is kept once. Every entry of a line
        // is made here, so the line's own entries are all there is to compare with.
        let mut rejected: HashSet<(Owner, &str, Rule)> = HashSet::new();
        let mut accepted: Vec<(Target, &Hit)> = Vec::new();
        for hit in hits
            .iter()
            .filter(|hit| normal.original_offset(hit.start) < passage.own_len)
        {
            for meaning in &self.meanings[hit.pattern] {
                let Some(owner) = Owner::of(meaning.target) else {
                    continue;
                };
                match self.judge(passage, &normal, &index, &names, hit, meaning) {
                    Ok(()) => accepted.push((meaning.target, hit)),
                    Err(rule) => {
                        let term = original_words(&passage.text, &normal, hit.start, hit.end);
                        if rejected.insert((owner, term, rule)) {
                            matches.of(owner).rejected.push(Rejection {
                                line: line.number,
                                text: line_text(),
                                term: term.to_string(),
                                rule,
                            });
                        }
                    }
                }
            }
        }
        // "macOS terminal" and "macOS" on one line are one piece of evidence: keep the longest.
        // A longer match of the same target that covers this one starts at most `longest`
        // bytes before its end, so only those are looked at.
        let mut spans: HashMap<Target, Vec<(usize, usize)>> = HashMap::new();
        for &(target, hit) in &accepted {
            spans.entry(target).or_default().push((hit.start, hit.end));
        }
        for list in spans.values_mut() {
            list.sort_unstable();
        }
        let inside_longer = |target: Target, hit: &Hit| {
            let list = &spans[&target];
            let from = hit.end.saturating_sub(index.longest);
            list[list.partition_point(|&(start, _)| start < from)..]
                .iter()
                .take_while(|&&(start, _)| start <= hit.start)
                .any(|&(start, end)| end >= hit.end && end - start > hit.end - hit.start)
        };
        let mut taken: HashSet<(Owner, &str, Shows, Option<&str>)> = HashSet::new();
        for &(target, hit) in &accepted {
            if inside_longer(target, hit) {
                continue;
            }
            let (owner, shows) = match target {
                Target::Skill(skill, shows) => (Owner::Skill(skill), shows.into()),
                Target::Background(background) => (Owner::Background(background), Shows::Skill),
                _ => continue,
            };
            let term = original_words(&passage.text, &normal, hit.start, hit.end);
            let read_as = hit.misspelt.then(|| self.patterns[hit.pattern].as_str());
            if taken.insert((owner, term, shows.clone(), read_as)) {
                matches.of(owner).evidence.push(Evidence {
                    line: line.number,
                    text: line_text(),
                    term: term.to_string(),
                    section: line.section,
                    shows,
                    read_as: read_as.map(str::to_string),
                    period: line.period,
                });
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
        // Words go left to right, so the exact matches that start before a word ends are a
        // growing prefix of them in order of start; the word is covered when the furthest end
        // among those passes its start.
        let mut spans: Vec<(usize, usize)> = exact.iter().map(|h| (h.start, h.end)).collect();
        spans.sort_unstable();
        let mut spans = spans.into_iter().peekable();
        let mut reach = 0;
        let mut found = Vec::new();
        let mut offset = 0;
        for word in normal.text.split(' ') {
            let (start, end) = (offset, offset + word.len());
            offset = end + 1;
            while let Some((_, span_end)) = spans.next_if(|&(span_start, _)| span_start < end) {
                reach = reach.max(span_end);
            }
            let covered = reach > start;
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

    /// Whether a candidate is evidence, or the rule that rejects it. Each rule looks only at
    /// the matches that can reach the candidate (a few words either side, or the matches that
    /// could cover it), found in [`HitIndex`], so a line with many matches is not read once
    /// per match.
    fn judge(
        &self,
        passage: &Passage,
        normal: &NormalLine,
        index: &HitIndex,
        names: &OnceCell<NameWords>,
        hit: &Hit,
        meaning: &Meaning,
    ) -> Result<(), Rule> {
        let is = |other: &Hit, target: Target| {
            self.meanings[other.pattern]
                .iter()
                .any(|m| m.target == target)
        };
        let covers = |other: &Hit| {
            other.pattern != hit.pattern && other.start <= hit.start && other.end >= hit.end
        };
        let covering = index.starting_between(hit.end.saturating_sub(index.longest), hit.start);
        if covering
            .filter(|other| covers(other))
            .any(|other| is(other, Target::FalseFriend))
        {
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
                index.words_between(from, to) <= CONTEXT_REACH_WORDS
                    && !normal.sentence_break_between(from, to)
            };
            let context = match meaning.target {
                Target::Skill(skill, _) if self.own_context[skill] => Target::SkillContext(skill),
                _ => Target::Context,
            };
            let before =
                index.ending_between(index.reach_back(hit.start, CONTEXT_REACH_WORDS), hit.start);
            let after =
                index.starting_between(hit.end, index.reach_forward(hit.end, CONTEXT_REACH_WORDS));
            if !before
                .chain(after)
                .filter(|other| near(other))
                .any(|other| is(other, context))
            {
                return Err(Rule::NoContext);
            }
        }
        let governs = |cue: &Hit| {
            cue.end <= hit.start
                && index.words_between(cue.end, hit.start) <= CUE_REACH_WORDS
                && !normal.clause_break_between(cue.end, hit.start)
        };
        let cues = || index.ending_between(index.reach_back(hit.start, CUE_REACH_WORDS), hit.start);
        if cues()
            .filter(|cue| governs(cue))
            .any(|cue| is(cue, Target::Negation))
        {
            return Err(Rule::Negated);
        }
        if cues()
            .filter(|cue| governs(cue))
            .any(|cue| is(cue, Target::Aspiration))
        {
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
        // Only brackets, dashes and spaces may stand between the term and a trailing cue, and
        // all of them are one space in normal form: the cue starts right after the term's
        // space (a word character between them would be in the original between them too).
        if index
            .starting_between(hit.end, hit.end + 1)
            .filter(|cue| qualifies(cue))
            .any(|cue| is(cue, Target::TrailingAspiration))
        {
            return Err(Rule::Aspiration);
        }
        if self.inside_organization_name(&passage.text, normal, names, hit) {
            return Err(Rule::OrganizationName);
        }
        Ok(())
    }

    /// A capitalised term inside a run of capitalised words that names an organisation or a
    /// title: "Terraform Labs Café", "Rose City Linux Users Group", "The Salt Loft".
    fn inside_organization_name(
        &self,
        text: &str,
        normal: &NormalLine,
        names: &OnceCell<NameWords>,
        hit: &Hit,
    ) -> bool {
        let start = normal.original_offset(hit.start);
        let end = original_end(text, normal, hit.end);
        if !text[start..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        let names =
            names.get_or_init(|| NameWords::new(text, |word| self.names_organization(word)));
        let before = names.run_before(text, start);
        let after = names.run_after(text, end.min(text.len()));
        let names_organization = names.any_organization(&after) || names.any_organization(&before);
        let titled =
            names.is_the(before.start) && !before.is_empty() && before.len() + after.len() >= 2;
        names_organization || titled
    }

    /// Whether a word of a name is one of the profile's organisation words ("Labs", "Group").
    fn names_organization(&self, word: &str) -> bool {
        // A word of ASCII letters and digits is its own normal form, lowercased: compared
        // as such, without building it.
        let found = if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let lower = word.bytes().map(|b| b.to_ascii_lowercase());
            self.patterns
                .binary_search_by(|pattern| pattern.bytes().cmp(lower.clone()))
        } else {
            self.patterns
                .binary_search(&crate::normalize::normalize(word))
        };
        found.ok().is_some_and(|p| {
            self.meanings[p]
                .iter()
                .any(|m| m.target == Target::Organization)
        })
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

/// Whose findings an entry goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Skill(usize),
    Background(usize),
}

impl Owner {
    fn of(target: Target) -> Option<Self> {
        match target {
            Target::Skill(skill, _) => Some(Owner::Skill(skill)),
            Target::Background(background) => Some(Owner::Background(background)),
            _ => None,
        }
    }
}

impl Matches {
    fn of(&mut self, owner: Owner) -> &mut Findings {
        match owner {
            Owner::Skill(skill) => &mut self.skills[skill],
            Owner::Background(background) => &mut self.backgrounds[background],
        }
    }
}

/// The matches of one passage in order of start and in order of end, and where the words of
/// its normal text start, so that a rule looks only at the matches within its reach: the
/// rules reach a few words, or the length of a match, so each candidate looks at a bounded
/// number of others however long the line.
struct HitIndex<'a> {
    hits: &'a [Hit],
    text: &'a str,
    by_start: Vec<usize>,
    by_end: Vec<usize>,
    /// The longest match in bytes: a match that covers another starts at most this far
    /// before the other's end.
    longest: usize,
    word_starts: Vec<usize>,
}

impl<'a> HitIndex<'a> {
    fn new(normal: &'a NormalLine, hits: &'a [Hit]) -> Self {
        let mut by_start: Vec<usize> = (0..hits.len()).collect();
        by_start.sort_by_key(|&i| hits[i].start);
        let mut by_end: Vec<usize> = (0..hits.len()).collect();
        by_end.sort_by_key(|&i| hits[i].end);
        let bytes = normal.text.as_bytes();
        let word_starts = (0..bytes.len())
            .filter(|&i| bytes[i] != b' ' && (i == 0 || bytes[i - 1] == b' '))
            .collect();
        HitIndex {
            hits,
            text: &normal.text,
            by_start,
            by_end,
            longest: hits.iter().map(|h| h.end - h.start).max().unwrap_or(0),
            word_starts,
        }
    }

    /// The matches that start at `from..=to`.
    fn starting_between(&self, from: usize, to: usize) -> impl Iterator<Item = &'a Hit> + '_ {
        let first = self
            .by_start
            .partition_point(|&i| self.hits[i].start < from);
        self.by_start[first..]
            .iter()
            .map(|&i| &self.hits[i])
            .take_while(move |hit| hit.start <= to)
    }

    /// The matches that end at `from..=to`.
    fn ending_between(&self, from: usize, to: usize) -> impl Iterator<Item = &'a Hit> + '_ {
        let first = self.by_end.partition_point(|&i| self.hits[i].end < from);
        self.by_end[first..]
            .iter()
            .map(|&i| &self.hits[i])
            .take_while(move |hit| hit.end <= to)
    }

    /// The words of the normal text between two positions, a word cut at `from` included:
    /// `text[from..to].split_whitespace().count()`, found in the word starts.
    fn words_between(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        let starts_inside = self.word_starts.partition_point(|&w| w < to)
            - self.word_starts.partition_point(|&w| w <= from);
        starts_inside + usize::from(self.text.as_bytes()[from] != b' ')
    }

    /// A position such that from any `from` before it more than `reach` words lie between
    /// `from` and `to`: the start of the word `reach + 1` words back from `to`.
    fn reach_back(&self, to: usize, reach: usize) -> usize {
        let before = self.word_starts.partition_point(|&w| w < to);
        before
            .checked_sub(reach + 1)
            .map_or(0, |i| self.word_starts[i])
    }

    /// A position such that to any `to` after it more than `reach` words lie between `from`
    /// and `to`: the start of the word `reach + 1` words on from `from`.
    fn reach_forward(&self, from: usize, reach: usize) -> usize {
        let after = self.word_starts.partition_point(|&w| w <= from);
        self.word_starts
            .get(after + reach)
            .copied()
            .unwrap_or(usize::MAX)
    }
}

/// The whitespace-separated words of a passage, read once for the organisation-name rule:
/// for each word, where a run of capitalised words (and name connectors) through it begins
/// or ends, so that each capitalised match finds its name without walking the run again.
struct NameWords {
    /// Byte offset of each word in the passage.
    starts: Vec<usize>,
    /// Each word, cleaned of punctuation, is "The".
    the: Vec<bool>,
    /// For word k: the first word of the run before a term that ends with word k (k + 1 when
    /// word k cannot end one).
    run_back: Vec<usize>,
    /// For word k: the end (exclusive) of the run after a term that starts with word k.
    run_forward: Vec<usize>,
    /// For word k: the first word from k on that is not a connector dropped from the front.
    front_kept: Vec<usize>,
    /// For an end e: the end once connectors are dropped from the back of the run.
    back_kept: Vec<usize>,
    /// How many of the first k words are organisation words.
    organizations: Vec<usize>,
}

impl NameWords {
    fn new(text: &str, is_organization: impl Fn(&str) -> bool) -> Self {
        struct Word {
            member: bool,
            punctuated: bool,
            connector: bool,
            the: bool,
            organization: bool,
        }
        let mut starts = Vec::new();
        let mut words = Vec::new();
        for (start, raw) in words_with_offsets(text) {
            let clean = clean_word(raw);
            let connector = NAME_CONNECTORS.contains(&clean);
            let member = !clean.is_empty() && (is_capitalised(clean) || connector);
            starts.push(start);
            words.push(Word {
                member,
                punctuated: raw.ends_with([',', ';', ':', '.', ')', '|']),
                connector,
                the: clean == "The",
                organization: member && is_organization(clean),
            });
        }
        let count = words.len();
        let mut run_back = Vec::with_capacity(count);
        for (k, word) in words.iter().enumerate() {
            let first = match k.checked_sub(1) {
                _ if !word.member || word.punctuated => k + 1,
                Some(previous) => run_back[previous],
                None => 0,
            };
            run_back.push(first);
        }
        let mut run_forward = vec![count; count + 1];
        let mut front_kept = vec![count; count + 1];
        for (k, word) in words.iter().enumerate().rev() {
            run_forward[k] = match (word.member, word.punctuated) {
                (false, _) => k,
                (true, true) => k + 1,
                (true, false) => run_forward[k + 1],
            };
            front_kept[k] = if word.connector && !word.the {
                front_kept[k + 1]
            } else {
                k
            };
        }
        let mut back_kept = vec![0; count + 1];
        let mut organizations = vec![0; count + 1];
        for (k, word) in words.iter().enumerate() {
            back_kept[k + 1] = if word.connector { back_kept[k] } else { k + 1 };
            organizations[k + 1] = organizations[k] + usize::from(word.organization);
        }
        NameWords {
            starts,
            the: words.iter().map(|w| w.the).collect(),
            run_back,
            run_forward,
            front_kept,
            back_kept,
            organizations,
        }
    }

    /// Capitalised words right before byte `start` of the text, as word indices, up to the
    /// first break in the name, leading connectors dropped.
    fn run_before(&self, text: &str, start: usize) -> Range<usize> {
        let head = &text[..start];
        if !head.is_empty() && !head.ends_with(' ') {
            return 0..0;
        }
        let end = self.starts.partition_point(|&s| s < start);
        let Some(last) = end.checked_sub(1) else {
            return 0..0;
        };
        self.front_kept[self.run_back[last]].min(end)..end
    }

    /// Capitalised words right after byte `end` of the text, up to the first break in the
    /// name, trailing connectors dropped.
    fn run_after(&self, text: &str, end: usize) -> Range<usize> {
        if !text[end..].starts_with(' ') {
            return 0..0;
        }
        let first = self.starts.partition_point(|&s| s < end);
        first..self.back_kept[self.run_forward[first]].max(first)
    }

    fn any_organization(&self, words: &Range<usize>) -> bool {
        self.organizations[words.end] > self.organizations[words.start]
    }

    fn is_the(&self, word: usize) -> bool {
        self.the.get(word).copied().unwrap_or(false)
    }
}

/// The words of `text` as `split_whitespace` cuts them, each with its byte offset.
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .filter(|word| !word.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// A line with the line that continues its sentence, if any, so that a phrase wrapped across
/// a line break ("availability" / "endpoint") is still one phrase. Matches are credited to the
/// line they start on.
struct Passage<'a> {
    line: &'a Line,
    /// The line itself, or the line and its continuation.
    text: Cow<'a, str>,
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
        let text = match continues {
            Some(next) => Cow::Owned(format!("{} {}", line.text, next.text.trim())),
            None => Cow::Borrowed(line.text.as_str()),
        };
        Passage {
            line,
            text,
            own_len: line.text.len(),
        }
    }
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

fn original_words<'t>(original: &'t str, normal: &NormalLine, start: usize, end: usize) -> &'t str {
    let from = normal.original_offset(start).min(original.len());
    let to = original_end(original, normal, end).max(from);
    &original[from..to]
}

/// Small words that may sit inside a name ("Bank of Scotland", "Salt and Pepper").
const NAME_CONNECTORS: &[&str] = &["of", "and", "&", "de", "the", "for"];

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

fn clean_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
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

    // The name runs as they were first written, walking the words from the term each time.
    /// Capitalised words right after a term, up to the first break in the name.
    fn reference_run_after(text: &str) -> Vec<&str> {
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
    fn reference_run_before(text: &str) -> Vec<&str> {
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

    #[test]
    fn name_runs_agree_with_walking_the_words() {
        let texts = [
            "Barista, Terraform Labs Café, Portland",
            "Member of the Portland Terraform Users Group",
            "The Salt Loft and of the Bank of Scotland & Co. Ltd| x",
            "of and The Kubernetes Kitchen Ltd (Leeds) the of",
            "  Ran  Terraform\tModules   for The  Rose City Linux Users Group.  ",
            "Über Café ÉCOLE de Paris, Zürich; Kubernetes for Ansible Books Ltd",
        ];
        for text in texts {
            let names = NameWords::new(text, |w| matches!(w, "Labs" | "Group" | "Ltd"));
            let word =
                |k: usize| clean_word(text[names.starts[k]..].split_whitespace().next().unwrap());
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let before: Vec<&str> = names.run_before(text, at).map(word).collect();
                assert_eq!(
                    before,
                    reference_run_before(&text[..at]),
                    "{text:?} before {at}"
                );
                let after: Vec<&str> = names.run_after(text, at).map(word).collect();
                assert_eq!(
                    after,
                    reference_run_after(&text[at..]),
                    "{text:?} after {at}"
                );
            }
        }
    }

    #[test]
    fn words_between_counts_as_splitting_does() {
        for original in [
            "no production Kubernetes yet, but Docker daily",
            "a",
            "",
            "x  (y) z.",
        ] {
            let normal = NormalLine::new(original);
            let index = HitIndex::new(&normal, &[]);
            let bounds: Vec<usize> = (0..=normal.text.len())
                .filter(|&i| normal.text.is_char_boundary(i))
                .collect();
            for &from in &bounds {
                for &to in bounds.iter().filter(|&&to| to >= from) {
                    assert_eq!(
                        index.words_between(from, to),
                        normal.text[from..to].split_whitespace().count(),
                        "{original:?} {from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_resume_on_one_line_of_a_megabyte_is_read_once() {
        let paragraph = "Senior Engineer at Terraform Labs Ltd, Leeds. Built CI tools in Go; \
            no production Terraform yet, want to learn Terraform. Managed firewalls and \
            load balancers, on-call weekly, OpenTofu modules and CloudFormation stacks. ";
        let line = paragraph.repeat(1_000_000 / paragraph.len());
        let found = find(&line);
        // One entry per distinct term and rule on the line, however often it recurs.
        assert_eq!(terms(&found.skills[0]), ["OpenTofu", "CloudFormation"]);
        assert_eq!(
            rules(&found.skills[0]),
            [Rule::OrganizationName, Rule::Negated, Rule::Aspiration]
        );
        assert_eq!(terms(&found.skills[1]), ["Go"]);
        assert_eq!(
            terms(&found.skills[2]),
            ["firewalls", "load balancers", "on-call"]
        );
    }
}
