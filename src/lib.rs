//! skillgap reads a resume, finds the skills it shows with evidence, and compares them with a
//! role profile: for every skill of the role, aligned, partial or missing, with the resume line
//! that earned the verdict; then a weighted score, the focus areas and the closest background.
//!
//! The stages, each a module whose output feeds the next, each reaching only down:
//! [`extract`] (document → lines) → [`resume`] (sections, dates) → [`matching`] (evidence) →
//! [`analysis`] (verdicts, score, focus, background) → [`report`] (every output format).
//! [`profile`] holds the role model, its loading and validation; [`normalize`] the normal form
//! that resume text and profile terms share.
//!
//! A [`Pipeline`] is the one place the stages are put together: built once from the profiles
//! to judge against, it reads a resume once and judges the reading against a role. Around it,
//! [`files`] finds the files a command names, [`batch`] tallies a batch, and [`gate`] checks a
//! report against a bar. See docs/ARCHITECTURE.md for the map.
//!
//! The library reads no flags and no environment, and never prints: output goes through
//! [`report::render`] into the writer the caller gives.
//!
//! # Example
//!
//! ```
//! use skillgap::pipeline::{Input, Options, Pipeline};
//! use skillgap::extract::Source;
//! use skillgap::resume::YearMonth;
//!
//! let role = skillgap::profile::resolve("infrastructure-engineer")?;
//! let options = Options { today: YearMonth::new(2026, 11), ..Options::default() };
//! let pipeline = Pipeline::new(vec![role], options);
//!
//! let resume = "EXPERIENCE\nSystems engineer, Acme, 2019 - present\n\
//!               Wrote Terraform modules for 40 AWS accounts on Linux build hosts\n";
//! let source = Source::file("resume.txt".as_ref());
//! let judged = pipeline.analyze(
//!     Input::Bytes { bytes: resume.as_bytes(), source: &source },
//!     &pipeline.roles()[0],
//! )?;
//!
//! let terraform = judged.analysis.skills.iter().find(|s| s.id == "terraform").unwrap();
//! assert_eq!(terraform.status.as_str(), "aligned");
//! assert_eq!(terraform.evidence[0].line, 3);
//! # Ok::<(), skillgap::Error>(())
//! ```
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod batch;
pub mod error;
pub mod extract;
pub mod files;
pub mod gate;
pub mod matching;
pub mod normalize;
pub mod pipeline;
pub mod profile;
pub mod report;
pub mod resume;

pub use crate::error::{Error, ExitStatus, Result};
pub use crate::pipeline::Pipeline;
