//! The one place where the stages are put together: a [`Pipeline`] reads a resume once
//! (extract → resume) and judges that reading against a role (matching → analysis).
//!
//! It is built once per run from the profiles it judges against, each compiled into its
//! matcher, the month that "present" means and the extraction limits. Every command goes
//! through it: one file is a batch of one, `compare` reads two files and judges both, and
//! a batch runs it on many files in parallel ([`Pipeline::batch`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::analysis::{self, Analysis, Comparison};
use crate::error::{Error, Result};
use crate::extract::{self, Document, Source};
use crate::matching::Matcher;
use crate::profile::Profile;
use crate::resume::{self, Resume, YearMonth};

/// What a pipeline needs besides its roles.
#[derive(Debug, Clone)]
pub struct Options {
    /// The month that ends jobs held "to present" and sets what counts as stale.
    pub today: YearMonth,
    /// Size limit and parser isolation for reading documents.
    pub extract: extract::Options,
}

impl Default for Options {
    /// This month, the default size limit, and parsers in this process behind the panic guard.
    fn default() -> Self {
        Options {
            today: YearMonth::today(),
            extract: extract::Options::default(),
        }
    }
}

/// A role ready to judge: its profile and the matcher compiled from it.
pub struct Role {
    profile: Profile,
    matcher: Matcher,
}

impl Role {
    /// The profile this role was compiled from.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
}

/// A resume to read.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A file on disk.
    Path(&'a Path),
    /// A document already in memory (an upload, standard input), with the source that names it
    /// in messages and hints at its format.
    Bytes {
        /// The document's bytes, in any format a file may have.
        bytes: &'a [u8],
        /// How the bytes are named in messages; its extension is a hint to the format.
        source: &'a Source,
    },
}

/// A resume read once: its text and its structure, ready to be judged against any role.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The extracted text, with what was learnt reading it.
    pub document: Document,
    resume: Resume,
}

/// One resume judged against one role.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The extracted text the analysis was made from.
    pub document: Document,
    /// The verdicts, score, focus areas and backgrounds.
    pub analysis: Analysis,
}

/// One entry of a batch.
#[derive(Debug)]
pub enum Item {
    /// A file to read.
    Path(PathBuf),
    /// A document already in memory, such as standard input.
    Bytes {
        /// The document's bytes.
        bytes: Vec<u8>,
        /// How the bytes are named in messages.
        source: Source,
    },
    /// An entry that yielded no document (a folder with no resume, a pattern that matches
    /// nothing, input that could not be read): its error takes its place in the output.
    Unreadable(Error),
}

/// Runs the stages on resumes, against the roles it was built with.
pub struct Pipeline {
    roles: Vec<Role>,
    options: Options,
}

/// A pipeline whose roles are still being loaded and compiled on a thread of their own, while
/// documents can already be read: loading a profile and compiling its matcher take about as
/// long as a PDF parser's worker process, so on two cores the two overlap.
pub struct Pending {
    options: Options,
    roles: std::thread::JoinHandle<Result<Vec<Role>>>,
}

impl Pending {
    /// Reads a document, as [`Pipeline::read`] does, while the roles compile.
    pub fn read(&self, input: Input) -> Result<Reading> {
        read(&self.options, input)
    }

    /// The pipeline, once its roles are compiled; the error of loading them, if any.
    pub fn finish(self) -> Result<Pipeline> {
        let roles = self
            .roles
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok(Pipeline {
            roles,
            options: self.options,
        })
    }
}

impl Pipeline {
    /// Compiles each profile's matcher once, for every resume this pipeline will judge.
    pub fn new(profiles: Vec<Profile>, options: Options) -> Self {
        Pipeline {
            roles: compile(profiles),
            options,
        }
    }

    /// Loads the profiles with `load` and compiles them on a thread of their own; meanwhile the
    /// [`Pending`] pipeline reads documents. [`Pending::finish`] waits for the roles.
    pub fn spawn<F>(load: F, options: Options) -> Pending
    where
        F: FnOnce() -> Result<Vec<Profile>> + Send + 'static,
    {
        let roles = std::thread::spawn(move || Ok(compile(load()?)));
        Pending { options, roles }
    }

    /// The roles, in the order given to [`Pipeline::new`].
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The role with this profile id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|role| role.profile.id == id)
    }

    /// The month that "present" means for this pipeline.
    pub fn today(&self) -> YearMonth {
        self.options.today
    }

    /// Extracts a resume's text and finds its sections and dates: everything that does not
    /// depend on the role.
    pub fn read(&self, input: Input) -> Result<Reading> {
        read(&self.options, input)
    }

    /// Judges a reading against a role: evidence, then verdicts, score, focus and backgrounds.
    pub fn judge(&self, reading: &Reading, role: &Role) -> Analysis {
        let matches = role.matcher.find(&reading.resume);
        analysis::analyze(&role.profile, &matches, self.options.today)
    }

    /// Reads a resume and judges it against a role.
    pub fn analyze(&self, input: Input, role: &Role) -> Result<Judged> {
        let reading = self.read(input)?;
        let analysis = self.judge(&reading, role);
        Ok(Judged {
            document: reading.document,
            analysis,
        })
    }

    /// Reads two versions of a resume and says what changed for a role.
    pub fn compare(&self, old: Input, new: Input, role: &Role) -> Result<Comparison> {
        let old = self.analyze(old, role)?.analysis;
        let new = self.analyze(new, role)?.analysis;
        Ok(analysis::compare(old, new))
    }

    /// Analyzes every item against a role on `jobs` threads (one per core when `None`), and
    /// hands each outcome to `sink` with the item's index, in input order, as soon as the items
    /// before it are done. An error of `sink` (a closed output) stops the batch and is
    /// returned; the items not yet started are skipped.
    pub fn batch<S>(
        &self,
        items: Vec<Item>,
        role: &Role,
        jobs: Option<usize>,
        sink: S,
    ) -> Result<()>
    where
        S: FnMut(usize, Result<Judged>) -> Result<()>,
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .thread_name(|index| format!("skillgap-batch-{index}"))
            .build()
            .map_err(|error| Error::Output(std::io::Error::other(error)))?;
        in_order(&pool, items, |item| self.analyze_item(item, role), sink)
    }

    fn analyze_item(&self, item: Item, role: &Role) -> Result<Judged> {
        match item {
            Item::Path(path) => self.analyze(Input::Path(&path), role),
            Item::Bytes { bytes, source } => self.analyze(
                Input::Bytes {
                    bytes: &bytes,
                    source: &source,
                },
                role,
            ),
            Item::Unreadable(error) => Err(error),
        }
    }
}

fn compile(profiles: Vec<Profile>) -> Vec<Role> {
    profiles
        .into_iter()
        .map(|profile| Role {
            matcher: Matcher::new(&profile),
            profile,
        })
        .collect()
}

fn read(options: &Options, input: Input) -> Result<Reading> {
    let document = match input {
        Input::Path(path) => extract::extract_path(path, &options.extract)?,
        Input::Bytes { bytes, source } => extract::extract_bytes(bytes, source, &options.extract)?,
    };
    Ok(Reading::of(document))
}

impl Reading {
    /// A document extracted elsewhere (or made by hand), structured for judging.
    pub fn of(document: Document) -> Self {
        let resume = resume::parse(&document);
        Reading { document, resume }
    }
}

/// Runs `work` on every item on the pool, and calls `sink` with each result in input order.
fn in_order<I, T, W, S>(pool: &rayon::ThreadPool, items: Vec<I>, work: W, mut sink: S) -> Result<()>
where
    I: Send,
    T: Send,
    W: Fn(I) -> T + Sync,
    S: FnMut(usize, T) -> Result<()>,
{
    let cancelled = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        let (work, cancelled) = (&work, &cancelled);
        scope.spawn(move || {
            pool.install(|| {
                // par_bridge hands out items roughly in input order, so few results wait.
                items.into_iter().enumerate().par_bridge().for_each_with(
                    sender,
                    |sender, (index, item)| {
                        if cancelled.load(Ordering::Relaxed) {
                            return;
                        }
                        // The receiver is gone only when the sink failed: stop quietly.
                        let _ = sender.send((index, work(item)));
                    },
                );
            });
        });
        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0;
        for (index, done) in receiver {
            waiting.insert(index, done);
            while let Some(done) = waiting.remove(&next) {
                if let Err(error) = sink(next, done) {
                    cancelled.store(true, Ordering::Relaxed);
                    return Err(error);
                }
                next += 1;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    #[test]
    fn results_reach_the_sink_in_input_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..40).collect();
        let mut seen = Vec::new();
        in_order(
            &pool(4),
            items,
            |item| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_millis((40 - item) / 4));
                item * 10
            },
            |index, value| {
                seen.push((index, value));
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<(usize, u64)> = (0..40).map(|i| (i as usize, i * 10)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_failing_sink_stops_the_batch_with_its_error() {
        let mut calls = 0;
        let result = in_order(
            &pool(2),
            (0..1000).collect::<Vec<u32>>(),
            |item| item,
            |index, _| {
                calls += 1;
                if index == 3 {
                    return Err(Error::Output(std::io::ErrorKind::BrokenPipe.into()));
                }
                Ok(())
            },
        );
        assert!(result.unwrap_err().is_broken_pipe());
        assert_eq!(calls, 4, "nothing reaches the sink after its error");
    }

    #[test]
    fn a_reading_is_judged_against_each_role() {
        let infrastructure = crate::profile::resolve("infrastructure-engineer").unwrap();
        let mut renamed = infrastructure.clone();
        renamed.id = "copy".into();
        let pipeline = Pipeline::new(vec![infrastructure, renamed], Options::default());
        let document = Document::new(
            crate::extract::Format::Text,
            vec![crate::extract::TextLine::plain("Terraform on AWS")],
        );
        let reading = Reading::of(document);
        let ids: Vec<String> = pipeline
            .roles()
            .iter()
            .map(|role| pipeline.judge(&reading, role).role_id)
            .collect();
        assert_eq!(ids, ["infrastructure-engineer", "copy"]);
        assert!(pipeline.role("copy").is_some());
    }
}
