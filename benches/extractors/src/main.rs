//! Compares PDF and DOCX text extractors on skillgap's inputs, each (extractor, file) pair in a
//! process of its own. See README.md.

mod about;
mod child;
mod extractors;
mod inputs;
mod isolate;
mod measure;
mod report;
mod words;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use extractors::Format;
use inputs::{Places, SetKind};

const USAGE: &str = "usage:
  extractors [--only pdf|docx] [--set NAME]...   measure and print the tables; a run of every
                                                 set also writes RESULTS.md
  extractors one EXTRACTOR FILE                  one extractor on one file (what each child runs)
sets: extraction corpus damaged hostile docx-real docx-generated docx-damaged docx-hostile";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, extractor, file] = args.as_slice()
        && command == "one"
    {
        return child::run(extractor, Path::new(file));
    }
    let selection = match Selection::parse(&args) {
        Ok(selection) => selection,
        Err(message) => {
            eprintln!("extractors: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match compare(&selection, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("extractors: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Which sets to measure.
#[derive(Default)]
struct Selection {
    only: Option<Format>,
    sets: Vec<SetKind>,
}

impl Selection {
    fn parse(args: &[String]) -> Result<Selection, String> {
        let mut selection = Selection::default();
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or(format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--only" if value == "pdf" => selection.only = Some(Format::Pdf),
                "--only" if value == "docx" => selection.only = Some(Format::Docx),
                "--set" => selection.sets.push(
                    SetKind::ALL
                        .into_iter()
                        .find(|kind| kind.name() == value)
                        .ok_or(format!("no set {value:?}"))?,
                ),
                _ => return Err(format!("unknown argument {flag} {value}")),
            }
        }
        Ok(selection)
    }

    fn includes(&self, kind: SetKind) -> bool {
        self.only.is_none_or(|format| kind.format() == format)
            && (self.sets.is_empty() || self.sets.contains(&kind))
    }

    fn is_everything(&self) -> bool {
        self.only.is_none() && self.sets.is_empty()
    }
}

fn compare(selection: &Selection, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = manifest.join("../..").canonicalize()?;
    let scratch = tempfile::tempdir()?;
    let places = Places {
        shared: repo.join("../shared"),
        repo: repo.clone(),
        scratch: scratch.path().to_path_buf(),
    };
    let mut sections = Vec::new();
    let mut trials = String::new();
    for kind in SetKind::ALL.into_iter().filter(|&k| selection.includes(k)) {
        let results = measure::measure(kind.build(&places)?)?;
        let section = report::set_section(&results);
        println!("{section}");
        sections.push(section);
        trials.push_str(&report::trials_tsv(&results));
    }
    let target = manifest.join("target");
    std::fs::create_dir_all(&target)?;
    std::fs::write(target.join("trials.tsv"), trials)?;
    if selection.is_everything() {
        let results: PathBuf = manifest.join("RESULTS.md");
        std::fs::write(
            &results,
            about::results_document(&sections, args, &repo, manifest),
        )?;
        eprintln!("extractors: wrote {}", results.display());
    }
    Ok(())
}
