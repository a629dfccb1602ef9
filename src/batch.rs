//! The tally of a batch: how many files were analyzed and how many failed, the median score,
//! and the exit code the whole batch ends with. The batch itself runs in
//! [`Pipeline::batch`](crate::pipeline::Pipeline::batch); files are found by [`crate::files`].

use std::fmt;

use crate::error::ExitStatus;

/// What one file of a batch came to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// The file was analyzed.
    Analyzed {
        /// Its score, in percent.
        percent: f64,
        /// Whether it met the gate (true when none was asked for).
        gate_passed: bool,
    },
    /// The file could not be analyzed, with the status it would exit with alone.
    Failed(ExitStatus),
}

/// The tally of a batch, for the closing line on standard error and the exit code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Files in the batch.
    pub files: usize,
    /// Files analyzed.
    pub ok: usize,
    /// Files that could not be analyzed.
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
    /// An empty tally; `gated` says whether the batch checks a gate.
    pub fn new(gated: bool) -> Self {
        Summary {
            gated,
            ..Summary::default()
        }
    }

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

    /// Counts one file's outcome.
    pub fn add(&mut self, outcome: &Outcome) {
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
            summary(&[], &[ExitStatus::CannotReadOrWrite], 0).to_string(),
            "skillgap: 1 file, 0 ok, 1 failed, median score n/a"
        );
    }
}
