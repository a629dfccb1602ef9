//! Many resumes in one run: `skillgap analyze a.pdf b.docx cvs/ 'more/*.md'`.
//!
//! The arguments expand to a list of files ([`expand`]): files as given, folders searched
//! recursively for resume files (sorted by path), and patterns the shell did not expand matched
//! with `glob`. Files are analyzed in parallel on a rayon pool, each the same way as alone (PDF and
//! DOCX parsers still run in a worker process per file), and [`run`] writes one line of JSON per
//! file in input order: the report, or an error object for a file that could not be analyzed.
//! Nothing a file does stops the run. Every run is stateless, so a batch can be cut into pieces
//! and run anywhere (see README "Scale").

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::error::{Error, ExitStatus, Result};
use crate::extract;
use crate::gate::Gate;
use crate::matching::Matcher;
use crate::profile::Profile;
use crate::report::{self, DocumentInfo, Report};
use crate::resume::YearMonth;

/// Extensions of the files taken from a folder (compared without case).
pub const RESUME_EXTENSIONS: [&str; 6] = ["pdf", "docx", "txt", "md", "markdown", "json"];

/// One entry of a batch, in output order.
#[derive(Debug)]
pub enum Input {
    /// A file to analyze (`-` is standard input).
    File(PathBuf),
    /// An argument that yielded no file (an empty folder, a pattern that matches nothing, a
    /// folder that cannot be listed): it gets an error line of its own.
    Unreadable { name: String, error: Error },
}

/// Whether the arguments ask for a batch: more than one, or a folder, or a pattern. A single
/// file (or `-`) is analyzed as it always was, in any `--format`.
pub fn is_batch(args: &[PathBuf]) -> bool {
    args.len() > 1 || args.iter().any(|arg| arg.is_dir() || is_pattern(arg))
}

/// A pattern is expanded only when the shell did not do it: it holds `*`, `?` or `[` and is not
/// the name of an existing file.
fn is_pattern(arg: &Path) -> bool {
    arg.to_str()
        .is_some_and(|text| text.contains(['*', '?', '[']))
        && !arg.exists()
}

/// The files of a batch, in order: each argument in turn, a folder's files sorted by path.
/// Fails only on a usage error (standard input named twice).
pub fn expand(args: &[PathBuf]) -> Result<Vec<Input>> {
    if args.iter().filter(|arg| arg.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage(
            "standard input ('-') can be read only once; see 'skillgap analyze --help'".into(),
        ));
    }
    let mut inputs = Vec::new();
    for arg in args {
        let before = inputs.len();
        if arg.as_os_str() != "-" && arg.is_dir() {
            walk(arg, &mut inputs);
            if inputs.len() == before {
                inputs.push(nothing_found(
                    arg,
                    "the folder holds no resume files (.pdf, .docx, .txt, .md, .markdown, .json)",
                ));
            }
        } else if is_pattern(arg) {
            match glob_files(arg) {
                Some(found) if found.is_empty() => {
                    inputs.push(nothing_found(arg, "no file matches this pattern"))
                }
                Some(found) => inputs.extend(found),
                // Not a valid pattern: read it as the file name it is.
                None => inputs.push(Input::File(arg.clone())),
            }
        } else {
            inputs.push(Input::File(arg.clone()));
        }
    }
    Ok(inputs)
}

fn nothing_found(arg: &Path, why: &str) -> Input {
    Input::Unreadable {
        name: arg.display().to_string(),
        error: Error::CannotRead {
            path: arg.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, why),
        },
    }
}

/// The files a pattern matches, sorted, as the shell would give them (a leading `.` must be
/// written). Folders it matches are not searched, so `cvs/**` lists each file once.
fn glob_files(pattern: &Path) -> Option<Vec<Input>> {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let paths = glob::glob_with(pattern.to_str()?, options).ok()?;
    let mut found = Vec::new();
    for entry in paths {
        match entry {
            Ok(path) if path.is_dir() => {}
            Ok(path) => found.push(Input::File(path)),
            Err(error) => found.push(Input::Unreadable {
                name: error.path().display().to_string(),
                error: Error::CannotRead {
                    path: error.path().to_path_buf(),
                    source: error.into(),
                },
            }),
        }
    }
    Some(found)
}

/// Adds a folder's resume files, recursively, sorted by name at each level. Hidden entries
/// (`.git`), Office lock files (`~$cv.docx`) and links to folders are skipped.
fn walk(dir: &Path, found: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            found.push(Input::Unreadable {
                name: dir.display().to_string(),
                error: Error::CannotRead {
                    path: dir.to_path_buf(),
                    source,
                },
            });
            return;
        }
    };
    let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(|entry| entry.ok()).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found);
        } else if is_resume_name(&path) && (kind.is_file() || path.is_file()) {
            found.push(Input::File(path));
        }
    }
}

fn is_resume_name(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            RESUME_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// How to analyze every file of a batch.
pub struct Options<'a> {
    pub extract: extract::Options,
    pub today: YearMonth,
    /// Focus areas per report.
    pub top: usize,
    pub gate: &'a Gate,
    /// Files analyzed at once; `None` is one per core.
    pub jobs: Option<usize>,
    /// Draw a progress bar on standard error (the caller knows whether it is a terminal).
    pub progress: bool,
}

/// What one file came to.
enum Outcome {
    Analyzed { percent: f64, gate_passed: bool },
    Failed(ExitStatus),
}

struct Done {
    line: String,
    outcome: Outcome,
}

/// The tally of a batch, for the closing line on standard error and the exit code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub ok: usize,
    pub failed: usize,
    /// Reports that did not meet `--fail-under`/`--require` (counted among `ok`).
    pub gate_failed: usize,
    /// Whether a gate was asked for.
    pub gated: bool,
    /// The exit code of the first file, in input order, that could not be analyzed.
    pub first_failure: Option<ExitStatus>,
    scores: Vec<f64>,
}

impl Summary {
    /// The median score of the files analyzed, to one decimal.
    pub fn median_score(&self) -> Option<f64> {
        let mut scores = self.scores.clone();
        scores.sort_by(f64::total_cmp);
        let n = scores.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => scores[n / 2],
            _ => (scores[n / 2 - 1] + scores[n / 2]) / 2.0,
        };
        Some((median * 10.0).round() / 10.0)
    }

    /// The exit code of the batch: that of the first file that failed (3–7, as alone); else 1
    /// when a report failed the gate; else 0.
    pub fn exit_status(&self) -> ExitStatus {
        match self.first_failure {
            Some(status) => status,
            None if self.gate_failed > 0 => ExitStatus::Findings,
            None => ExitStatus::Success,
        }
    }

    fn add(&mut self, outcome: &Outcome) {
        self.files += 1;
        match *outcome {
            Outcome::Analyzed {
                percent,
                gate_passed,
            } => {
                self.ok += 1;
                self.scores.push(percent);
                if !gate_passed {
                    self.gate_failed += 1;
                }
            }
            Outcome::Failed(status) => {
                self.failed += 1;
                self.first_failure.get_or_insert(status);
            }
        }
    }
}

/// `skillgap: 12 files, 11 ok, 1 failed, median score 62.5%[, 3 failed the gate]`
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files = if self.files == 1 { "file" } else { "files" };
        write!(
            f,
            "skillgap: {} {files}, {} ok, {} failed, median score ",
            self.files, self.ok, self.failed
        )?;
        match self.median_score() {
            Some(median) => write!(f, "{median}%")?,
            None => f.write_str("n/a")?,
        }
        if self.gated {
            write!(f, ", {} failed the gate", self.gate_failed)?;
        }
        Ok(())
    }
}

/// Analyzes every input against `profile` and writes one JSON line per input to `out`, in
/// input order, while the work runs in parallel. Returns the tally; fails only when `out`
/// cannot be written (the remaining files are then skipped).
pub fn run(
    inputs: &[Input],
    profile: &Profile,
    options: &Options,
    out: &mut dyn Write,
) -> Result<Summary> {
    let matcher = Matcher::new(profile);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .thread_name(|index| format!("skillgap-batch-{index}"))
        .build()
        .map_err(|error| Error::Output(std::io::Error::other(error)))?;
    let bar = progress_bar(inputs.len(), options.progress);
    let cancelled = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, Done)>();
    let mut summary = Summary {
        gated: !options.gate.is_empty(),
        ..Summary::default()
    };
    let written = std::thread::scope(|scope| {
        let (matcher, cancelled) = (&matcher, &cancelled);
        scope.spawn(move || {
            pool.install(|| {
                // par_bridge hands out files roughly in input order, so few lines wait.
                inputs.iter().enumerate().par_bridge().for_each_with(
                    sender,
                    |sender, (index, input)| {
                        if cancelled.load(Ordering::Relaxed) {
                            return;
                        }
                        let done = process(input, profile, matcher, options);
                        // The receiver is gone only when writing failed: stop quietly.
                        let _ = sender.send((index, done));
                    },
                );
            });
        });
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        for (index, done) in receiver {
            waiting.insert(index, done);
            while let Some(done) = waiting.remove(&next) {
                summary.add(&done.outcome);
                let mut line = done.line;
                line.push('\n');
                // The bar steps aside, so lines on a terminal do not run through it.
                if let Err(error) = bar.suspend(|| out.write_all(line.as_bytes())) {
                    cancelled.store(true, Ordering::Relaxed);
                    return Err(Error::Output(error));
                }
                bar.inc(1);
                next += 1;
            }
        }
        out.flush().map_err(Error::Output)
    });
    bar.finish_and_clear();
    written.map(|()| summary)
}

fn progress_bar(len: usize, visible: bool) -> indicatif::ProgressBar {
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} files, {elapsed} so far, about {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

/// One input to its line: the report, or the error that stopped it.
fn process(input: &Input, profile: &Profile, matcher: &Matcher, options: &Options) -> Done {
    let path = match input {
        Input::File(path) => path,
        Input::Unreadable { name, error } => return failed(name, error),
    };
    let name = path.display().to_string();
    let document = match extract::extract_path(path, &options.extract) {
        Ok(document) => document,
        Err(error) => return failed(&name, &error),
    };
    let analysis = crate::analyze_with(&document, matcher, profile, options.today);
    let gate = options.gate.evaluate(&analysis);
    let info = DocumentInfo::new(name, &document);
    let report = Report {
        document: &info,
        analysis: &analysis,
        role_origin: &profile.origin,
        top: options.top,
        explain: false,
        color: false,
    };
    Done {
        line: report::json_line(&report, gate.as_ref()),
        outcome: Outcome::Analyzed {
            percent: analysis.score.percent,
            gate_passed: gate.is_none_or(|gate| gate.passed()),
        },
    }
}

fn failed(name: &str, error: &Error) -> Done {
    Done {
        line: report::error_line(name, error),
        outcome: Outcome::Failed(error.exit_status()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(scores: &[f64], failures: &[ExitStatus], gate_failed: usize) -> Summary {
        let mut summary = Summary::default();
        for (index, &percent) in scores.iter().enumerate() {
            summary.add(&Outcome::Analyzed {
                percent,
                gate_passed: index >= gate_failed,
            });
        }
        for &status in failures {
            summary.add(&Outcome::Failed(status));
        }
        summary
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(
            summary(&[70.0, 50.0, 90.0], &[], 0).median_score(),
            Some(70.0)
        );
        assert_eq!(summary(&[50.0, 75.0], &[], 0).median_score(), Some(62.5));
        assert_eq!(summary(&[], &[ExitStatus::NoText], 0).median_score(), None);
    }

    #[test]
    fn the_first_failure_decides_the_exit_code_then_the_gate() {
        let both = summary(&[80.0], &[ExitStatus::NoText, ExitStatus::BadDocument], 1);
        assert_eq!(both.exit_status(), ExitStatus::NoText);
        assert_eq!(
            summary(&[80.0, 40.0], &[], 1).exit_status(),
            ExitStatus::Findings
        );
        assert_eq!(summary(&[80.0], &[], 0).exit_status(), ExitStatus::Success);
    }

    #[test]
    fn summary_line() {
        let mut tally = summary(&[50.0, 75.0], &[ExitStatus::NoText], 0);
        assert_eq!(
            tally.to_string(),
            "skillgap: 3 files, 2 ok, 1 failed, median score 62.5%"
        );
        tally.gated = true;
        assert!(tally.to_string().ends_with(", 0 failed the gate"));
        assert_eq!(
            summary(&[], &[ExitStatus::CannotRead], 0).to_string(),
            "skillgap: 1 file, 0 ok, 1 failed, median score n/a"
        );
    }

    #[test]
    fn folder_files_are_chosen_by_extension() {
        for name in ["cv.pdf", "CV.DOCX", "a.txt", "b.md", "c.markdown", "d.json"] {
            assert!(is_resume_name(Path::new(name)), "{name}");
        }
        for name in ["cv.doc", "notes", "photo.png", "cv.pdf.bak"] {
            assert!(!is_resume_name(Path::new(name)), "{name}");
        }
    }
}
