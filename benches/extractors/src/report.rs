//! The results as Markdown: one table per set, a table per file for the generated DOCX, and
//! notes on crashes, hangs and skillgap's weak files.

use std::fmt::Write;

use crate::isolate::Outcome;
use crate::measure::{CHAIN_FIRST, CHAIN_NAME, Row, SetResults, Trial};

/// A file whose recall is below this fails `../shared/extraction/check`.
const GOOD_RECALL: f64 = 0.97;
/// Fewer letters and digits than this is no text (skillgap's own threshold).
const MIN_TEXT_CHARACTERS: usize = 20;
/// Files listed per note; the rest are counted.
const LISTED_FILES: usize = 6;

pub fn set_section(results: &SetResults) -> String {
    let mut section = format!(
        "## {} ({})\n\n{}.\n\n",
        results.set.kind.name(),
        format_name(results),
        results.set.description
    );
    section.push_str(&summary_table(results));
    if results.set.kind.shows_each_file() {
        section.push('\n');
        section.push_str(&per_file_table(results));
    }
    let notes = notes(results);
    if !notes.is_empty() {
        section.push('\n');
        section.push_str(&notes);
    }
    section
}

fn format_name(results: &SetResults) -> &'static str {
    match results.set.kind.format() {
        crate::extractors::Format::Pdf => "PDF",
        crate::extractors::Format::Docx => "DOCX",
    }
}

fn summary_table(results: &SetResults) -> String {
    let with_recall = results.set.has_reference();
    let mut header = vec![
        "extractor",
        "files",
        "ok",
        "error",
        "panic",
        "crash",
        "hang",
        "ok with text",
    ];
    if with_recall {
        header.extend([
            "median recall",
            "min recall",
            "recall < 0.97",
            "median precision",
        ]);
    }
    header.extend(["median ms", "p95 ms"]);
    let mut table = markdown_row(header.iter().map(|s| s.to_string()));
    table.push_str(&markdown_row(header.iter().map(|_| "---".to_string())));
    for row in &results.rows {
        table.push_str(&markdown_row(summary_cells(row, results, with_recall)));
    }
    table
}

fn summary_cells(row: &Row, results: &SetResults, with_recall: bool) -> Vec<String> {
    let mut cells = vec![row.name.clone(), row.trials.len().to_string()];
    for outcome in Outcome::ALL {
        let count = row.trials.iter().filter(|t| t.outcome == outcome).count();
        cells.push(count.to_string());
    }
    let with_text = row
        .trials
        .iter()
        .filter(|t| t.outcome == Outcome::Ok && t.word_characters >= MIN_TEXT_CHARACTERS)
        .count();
    cells.push(with_text.to_string());
    if with_recall {
        let mut recalls = recalls(row, results);
        let mut precisions: Vec<f64> = row
            .trials
            .iter()
            .filter_map(|t| t.score.map(|s| s.precision))
            .collect();
        let weak = recalls.iter().filter(|&&r| r < GOOD_RECALL).count();
        cells.push(fixed3(median(&mut recalls)));
        cells.push(fixed3(recalls.first().copied()));
        cells.push(weak.to_string());
        cells.push(fixed3(median(&mut precisions)));
    }
    let mut millis: Vec<f64> = row
        .trials
        .iter()
        .filter_map(|t| t.micros.map(|us| us as f64 / 1000.0))
        .collect();
    cells.push(fixed1(median(&mut millis)));
    cells.push(fixed1(percentile_95(&mut millis)));
    cells
}

/// Recall of each file that has a reference; a file the extractor failed on counts as 0.
fn recalls(row: &Row, results: &SetResults) -> Vec<f64> {
    results
        .set
        .inputs
        .iter()
        .zip(&row.trials)
        .filter(|(input, _)| input.reference.is_some())
        .map(|(_, trial)| trial.score.map_or(0.0, |s| s.recall))
        .collect()
}

/// Each file's recall (or how it failed) under each extractor.
fn per_file_table(results: &SetResults) -> String {
    let header =
        std::iter::once("file".to_string()).chain(results.rows.iter().map(|row| row.name.clone()));
    let mut table = markdown_row(header);
    table.push_str(&markdown_row(
        (0..=results.rows.len()).map(|_| "---".to_string()),
    ));
    for (index, input) in results.set.inputs.iter().enumerate() {
        let cells = std::iter::once(file_name(&input.path))
            .chain(results.rows.iter().map(|row| text_cell(&row.trials[index])));
        table.push_str(&markdown_row(cells));
    }
    table
}

/// Crashes and hangs by extractor, where the chain fell back, and skillgap's files below 0.97
/// recall with why.
fn notes(results: &SetResults) -> String {
    let mut notes = String::new();
    for row in &results.rows {
        let failures: Vec<String> = results
            .set
            .inputs
            .iter()
            .zip(&row.trials)
            .filter(|(_, t)| matches!(t.outcome, Outcome::Crash | Outcome::Hang))
            .map(|(input, t)| {
                format!(
                    "`{}` {} ({})",
                    file_name(&input.path),
                    t.outcome.name(),
                    t.detail
                )
            })
            .collect();
        if !failures.is_empty() {
            let _ = writeln!(notes, "- {}: {}", row.name, listed(&failures));
        }
    }
    if let Some(chain) = chain_note(results) {
        let _ = writeln!(notes, "{chain}");
    }
    if let Some(weak) = weak_skillgap_note(results) {
        let _ = writeln!(notes, "{weak}");
    }
    notes
}

/// skillgap's files below 0.97 recall, where the reference is the file's own (a damaged copy
/// cannot keep all of its original's words).
fn weak_skillgap_note(results: &SetResults) -> Option<String> {
    if results.set.kind.is_damaged() {
        return None;
    }
    let skillgap = results.rows.iter().find(|row| row.name == "skillgap")?;
    let weak: Vec<String> = results
        .set
        .inputs
        .iter()
        .zip(&skillgap.trials)
        .filter(|(input, _)| input.reference.is_some())
        .filter(|(_, t)| t.score.is_none_or(|s| s.recall < GOOD_RECALL))
        .map(|(input, t)| format!("`{}` {}", file_name(&input.path), text_cell(t)))
        .collect();
    (!weak.is_empty()).then(|| {
        format!(
            "- skillgap below 0.97 recall on {} files: {}",
            weak.len(),
            listed(&weak)
        )
    })
}

/// Where the chain took pdfboss's text, and what pdf_oxide alone had there.
fn chain_note(results: &SetResults) -> Option<String> {
    let row = |name| results.rows.iter().find(|row: &&Row| row.name == name);
    let (first, chain) = (row(CHAIN_FIRST)?, row(CHAIN_NAME)?);
    let changed: Vec<String> = results
        .set
        .inputs
        .iter()
        .zip(first.trials.iter().zip(&chain.trials))
        .filter(|(_, (_, chained))| chained.fell_back)
        .map(|(input, (alone, chained))| {
            format!(
                "`{}` {} → {}",
                file_name(&input.path),
                text_cell(alone),
                text_cell(chained)
            )
        })
        .collect();
    Some(format!(
        "- chain: pdfboss-output's text taken on {} files ({CHAIN_FIRST} alone → chain): {}",
        changed.len(),
        if changed.is_empty() {
            "none".to_string()
        } else {
            listed(&changed)
        }
    ))
}

/// Recall where there is a reference, else letters and digits; the outcome when not ok.
fn text_cell(trial: &Trial) -> String {
    match (trial.outcome, trial.score) {
        (Outcome::Ok, Some(score)) => format!("{:.3}", score.recall),
        (Outcome::Ok, None) => format!("{} characters", trial.word_characters),
        (outcome, _) => outcome.name().to_string(),
    }
}

fn listed(items: &[String]) -> String {
    let shown = items[..items.len().min(LISTED_FILES)].join(", ");
    match items.len().saturating_sub(LISTED_FILES) {
        0 => shown,
        more => format!("{shown}, and {more} more"),
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn markdown_row(cells: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = cells.into_iter().collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Sorts `values`, and takes the mean of the middle two of an even count, as Python does.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The nearest-rank 95th percentile.
fn percentile_95(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let rank = (values.len() as f64 * 0.95).ceil() as usize;
    values.get(rank.checked_sub(1)?).copied()
}

fn fixed3(value: Option<f64>) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.3}"))
}

fn fixed1(value: Option<f64>) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.1}"))
}

/// Every trial as a line of tab-separated values, for looking at single files.
pub fn trials_tsv(results: &SetResults) -> String {
    let mut tsv = String::new();
    for row in &results.rows {
        for (input, trial) in results.set.inputs.iter().zip(&row.trials) {
            let _ = writeln!(
                tsv,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                results.set.kind.name(),
                row.name,
                file_name(&input.path),
                trial.outcome.name(),
                trial.micros.map_or("-".into(), |us| us.to_string()),
                trial
                    .score
                    .map_or("-".into(), |s| format!("{:.3}", s.recall)),
                trial
                    .score
                    .map_or("-".into(), |s| format!("{:.3}", s.precision)),
                trial.word_characters,
                trial.detail.replace('\t', " "),
            );
        }
    }
    tsv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn percentile_95_is_nearest_rank() {
        let mut values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile_95(&mut values), Some(19.0));
        assert_eq!(percentile_95(&mut [7.0]), Some(7.0));
    }
}
