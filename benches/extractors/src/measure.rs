//! Runs every extractor of a set's format on every file of the set, each in its own child, and
//! adds the computed chain row to PDF sets.

use std::io;

use crate::extractors::{self, Extractor, Format};
use crate::inputs::{Input, InputSet};
use crate::isolate::{self, Outcome};
use crate::words::{self, Score, Words};

/// The chain tries pdf_oxide first and asks pdfboss when pdf_oxide fails or finds fewer letters
/// and digits than this per page (a page of a resume has over a thousand; skillgap warns below
/// 150).
const CHAIN_MIN_CHARACTERS_PER_PAGE: usize = 100;
pub const CHAIN_FIRST: &str = "pdf_oxide";
const CHAIN_FALLBACK: &str = "pdfboss-output";
pub const CHAIN_NAME: &str = "chain: pdf_oxide → pdfboss-output";

/// One extractor on one file.
#[derive(Debug, Clone)]
pub struct Trial {
    pub outcome: Outcome,
    pub micros: Option<u64>,
    pub pages: Option<usize>,
    /// Letters and digits in the text: what the chain's fallback rule looks at.
    pub word_characters: usize,
    /// Against the file's reference, when it has one and the extractor gave text.
    pub score: Option<Score>,
    pub detail: String,
    /// In the chain row only: the text is the fallback's.
    pub fell_back: bool,
}

/// One extractor's trials, in the order of the set's inputs.
pub struct Row {
    pub name: String,
    pub trials: Vec<Trial>,
}

pub struct SetResults {
    pub set: InputSet,
    pub rows: Vec<Row>,
}

pub fn measure(set: InputSet) -> io::Result<SetResults> {
    let mut rows = Vec::new();
    for extractor in extractors::of_format(set.kind.format()) {
        eprintln!(
            "extractors: {}: {} on {} files",
            set.kind.name(),
            extractor.name,
            set.inputs.len()
        );
        let trials = set
            .inputs
            .iter()
            .map(|input| trial(extractor, input))
            .collect::<io::Result<_>>()?;
        rows.push(Row {
            name: extractor.name.to_string(),
            trials,
        });
    }
    if set.kind.format() == Format::Pdf {
        add_chain(&mut rows);
    }
    Ok(SetResults { set, rows })
}

fn trial(extractor: &Extractor, input: &Input) -> io::Result<Trial> {
    let run = isolate::run(extractor, &input.path)?;
    let score = match (&input.reference, run.outcome) {
        (Some(reference), Outcome::Ok) => Some(words::score(reference, &Words::of(&run.text))),
        _ => None,
    };
    Ok(Trial {
        outcome: run.outcome,
        micros: run.micros,
        pages: run.pages,
        word_characters: run.text.chars().filter(|c| c.is_alphanumeric()).count(),
        score,
        detail: run.detail,
        fell_back: false,
    })
}

/// Puts the chain row after its fallback's row; nothing is run again.
fn add_chain(rows: &mut Vec<Row>) {
    let position = |name| rows.iter().position(|row: &Row| row.name == name);
    let (Some(first), Some(fallback)) = (position(CHAIN_FIRST), position(CHAIN_FALLBACK)) else {
        return;
    };
    let trials = rows[first]
        .trials
        .iter()
        .zip(&rows[fallback].trials)
        .map(|(first, fallback)| chain_trial(first, fallback))
        .collect();
    rows.insert(
        fallback + 1,
        Row {
            name: CHAIN_NAME.to_string(),
            trials,
        },
    );
}

fn chain_trial(first: &Trial, fallback: &Trial) -> Trial {
    if has_enough_text(first) {
        return first.clone();
    }
    let first_characters = match first.outcome {
        Outcome::Ok => first.word_characters,
        _ => 0,
    };
    // An empty text is no better than an error: both leave the user with nothing to analyze.
    let fallback_is_better =
        fallback.outcome == Outcome::Ok && fallback.word_characters > first_characters;
    let mut chosen = if fallback_is_better {
        Trial {
            fell_back: true,
            ..fallback.clone()
        }
    } else {
        first.clone()
    };
    // Both ran. A first attempt that crashed or hung has no measured time, so there the chain's
    // time is a lower bound.
    chosen.micros = match (first.micros, fallback.micros) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    };
    chosen
}

fn has_enough_text(trial: &Trial) -> bool {
    let pages = trial.pages.unwrap_or(1).max(1);
    trial.outcome == Outcome::Ok && trial.word_characters >= CHAIN_MIN_CHARACTERS_PER_PAGE * pages
}
