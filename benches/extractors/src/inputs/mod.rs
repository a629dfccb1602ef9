//! The input sets, found or generated at run time. Nothing here is committed: the shared data is
//! read where it lies, and generated files go to a temporary folder.

mod damage;
mod docx_gen;
mod hostile_pdf;
mod reference;

use std::io;
use std::path::{Path, PathBuf};

use crate::extractors::Format;

use crate::words::Words;
use damage::Damage;

/// Damaged PDFs are made from this many of the extraction set's files, spread over the set.
const DAMAGED_PDF_ORIGINALS: usize = 22;

pub struct Input {
    pub path: PathBuf,
    /// The words the file holds, when something can tell.
    pub reference: Option<Words>,
}

pub struct InputSet {
    pub kind: SetKind,
    /// What the files are and where their reference comes from, for the results.
    pub description: String,
    pub inputs: Vec<Input>,
}

impl InputSet {
    pub fn has_reference(&self) -> bool {
        self.inputs.iter().any(|input| input.reference.is_some())
    }
}

/// Where inputs are read from and generated into.
pub struct Places {
    pub repo: PathBuf,
    pub shared: PathBuf,
    pub scratch: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    Extraction,
    Corpus,
    Damaged,
    Hostile,
    DocxReal,
    DocxGenerated,
    DocxDamaged,
    DocxHostile,
}

impl SetKind {
    pub const ALL: [SetKind; 8] = [
        SetKind::Extraction,
        SetKind::Corpus,
        SetKind::Damaged,
        SetKind::Hostile,
        SetKind::DocxReal,
        SetKind::DocxGenerated,
        SetKind::DocxDamaged,
        SetKind::DocxHostile,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SetKind::Extraction => "extraction",
            SetKind::Corpus => "corpus",
            SetKind::Damaged => "damaged",
            SetKind::Hostile => "hostile",
            SetKind::DocxReal => "docx-real",
            SetKind::DocxGenerated => "docx-generated",
            SetKind::DocxDamaged => "docx-damaged",
            SetKind::DocxHostile => "docx-hostile",
        }
    }

    pub fn format(self) -> Format {
        match self {
            SetKind::Extraction | SetKind::Corpus | SetKind::Damaged | SetKind::Hostile => {
                Format::Pdf
            }
            _ => Format::Docx,
        }
    }

    /// Damaged copies are scored against their original's reference.
    pub fn is_damaged(self) -> bool {
        matches!(self, SetKind::Damaged | SetKind::DocxDamaged)
    }

    /// Generated files are few and each shows one feature, so their rows are worth reading.
    pub fn shows_each_file(self) -> bool {
        self == SetKind::DocxGenerated
    }

    pub fn build(self, places: &Places) -> io::Result<InputSet> {
        match self {
            SetKind::Extraction => extraction(places),
            SetKind::Corpus => corpus(places),
            SetKind::Damaged => damaged_pdfs(places),
            SetKind::Hostile => hostile_pdfs(places),
            SetKind::DocxReal => real_docx(places),
            SetKind::DocxGenerated => generated_docx(places),
            SetKind::DocxDamaged => damaged_docx(places),
            SetKind::DocxHostile => hostile_docx(places),
        }
    }
}

fn extraction(places: &Places) -> io::Result<InputSet> {
    let mut inputs = Vec::new();
    for path in files_with_extension(&places.shared.join("extraction"), "pdf")? {
        let Ok(reference) = std::fs::read_to_string(path.with_extension("ref.txt")) else {
            continue;
        };
        inputs.push(Input {
            reference: Some(Words::of(&reference)),
            path,
        });
    }
    Ok(InputSet {
        kind: SetKind::Extraction,
        description: format!(
            "{} resume PDFs of `../shared/extraction/` (Google Docs, Chromium, LaTeX, Typst, \
             WeasyPrint, PDFlib, Word, react-pdf); reference: each `<name>.ref.txt` (pdftotext), \
             scored as `../shared/extraction/check` scores",
            inputs.len()
        ),
        inputs,
    })
}

fn corpus(places: &Places) -> io::Result<InputSet> {
    let corpus = places.shared.join("corpus");
    let mut paths = files_with_extension(&corpus, "pdf")?;
    paths.extend(files_with_extension(&corpus.join("bad"), "pdf")?);
    let pdftotext = reference::pdftotext_available();
    let inputs: Vec<Input> = paths
        .into_iter()
        .map(|path| Input {
            reference: pdftotext.then(|| reference::pdftotext(&path)).flatten(),
            path,
        })
        .collect();
    let source = if pdftotext {
        "reference: `pdftotext FILE -` at run time (files where it finds no words have none)"
    } else {
        "no reference: pdftotext is not on PATH"
    };
    Ok(InputSet {
        kind: SetKind::Corpus,
        description: format!(
            "{} PDFs of `../shared/corpus/` and `../shared/corpus/bad/`; {source}",
            inputs.len()
        ),
        inputs,
    })
}

fn damaged_pdfs(places: &Places) -> io::Result<InputSet> {
    let all = files_with_extension(&places.shared.join("extraction"), "pdf")?;
    let count = DAMAGED_PDF_ORIGINALS.min(all.len());
    let originals: Vec<PathBuf> = (0..count)
        .map(|i| all[i * all.len() / count].clone())
        .collect();
    let copies = damage::write_copies(&originals, &Damage::PDF, &places.scratch.join("damaged"))?;
    let inputs = copies
        .into_iter()
        .map(|copy| Input {
            reference: std::fs::read_to_string(copy.original.with_extension("ref.txt"))
                .ok()
                .map(|text| Words::of(&text)),
            path: copy.path,
        })
        .collect::<Vec<_>>();
    Ok(InputSet {
        kind: SetKind::Damaged,
        description: format!(
            "{} damaged copies of {count} extraction PDFs, made at run time: truncated at 30% and \
             70%, 16 bytes flipped (fixed-seed xorshift), cross-reference section removed, middle \
             10% deleted; {RECALL_OF_ORIGINAL}",
            inputs.len(),
        ),
        inputs,
    })
}

/// Recall tells how much of the text an extractor saves from a damaged copy.
const RECALL_OF_ORIGINAL: &str = "reference: the undamaged original's, so recall is the share of \
    its words saved (a copy cut at 30% keeps little more than 0.3 of them)";

fn hostile_pdfs(places: &Places) -> io::Result<InputSet> {
    let fixtures = places.repo.join("tests/fixtures");
    let mut paths = files_with_extension(&fixtures.join("hostile"), "pdf")?;
    paths.extend(files_with_extension(&fixtures.join("bad"), "pdf")?);
    paths.extend(hostile_pdf::write_all(&places.scratch.join("hostile"))?);
    Ok(InputSet {
        kind: SetKind::Hostile,
        description: format!(
            "{} files: `tests/fixtures/hostile/*.pdf` (encrypted), `tests/fixtures/bad/*.pdf`, \
             and made at run time: arrays and dictionaries nested 100,000 deep, a Flate bomb \
             (1 GiB of zeros), a page tree cycle, an xref claiming 10 million objects, \
             `/Count 2000000000`; outcomes only",
            paths.len()
        ),
        inputs: without_reference(paths),
    })
}

/// The DOCX resumes of the repository's fixtures and the shared corpus.
fn real_docx_paths(places: &Places) -> io::Result<Vec<PathBuf>> {
    let mut paths = files_with_extension(&places.repo.join("tests/fixtures"), "docx")?;
    paths.extend(files_with_extension(&places.shared.join("corpus"), "docx")?);
    Ok(paths)
}

fn real_docx(places: &Places) -> io::Result<InputSet> {
    let docx2txt = reference::docx2txt_available();
    let inputs: Vec<Input> = real_docx_paths(places)?
        .into_iter()
        .map(|path| Input {
            reference: docx2txt.then(|| reference::docx2txt(&path)).flatten(),
            path,
        })
        .collect();
    let source = if docx2txt {
        "reference: docx2txt (PyPI) at run time"
    } else {
        "no reference: docx2txt is not installed (`pip install docx2txt`)"
    };
    Ok(InputSet {
        kind: SetKind::DocxReal,
        description: format!(
            "{} DOCX resumes: `tests/fixtures/*.docx` and `../shared/corpus/*.docx`; {source}",
            inputs.len()
        ),
        inputs,
    })
}

fn generated_docx(places: &Places) -> io::Result<InputSet> {
    let docx2txt = reference::docx2txt_available();
    let inputs: Vec<Input> = docx_gen::write_features(&places.scratch.join("docx-generated"))?
        .into_iter()
        .map(|generated| Input {
            reference: docx2txt
                .then(|| reference::docx2txt(&generated.path))
                .flatten()
                .or_else(|| Some(Words::of(&generated.expected))),
            path: generated.path,
        })
        .collect();
    let source = if docx2txt {
        "reference: docx2txt at run time"
    } else {
        "reference: the words the harness wrote"
    };
    Ok(InputSet {
        kind: SetKind::DocxGenerated,
        description: format!(
            "{} DOCX made at run time, each a common paragraph plus text in one place (table, \
             header, footer, text box, hyperlink, tracked insertion, list item), with and \
             without `docProps/`; {source}",
            inputs.len()
        ),
        inputs,
    })
}

fn damaged_docx(places: &Places) -> io::Result<InputSet> {
    let originals = real_docx_paths(places)?;
    let copies = damage::write_copies(
        &originals,
        &Damage::DOCX,
        &places.scratch.join("docx-damaged"),
    )?;
    let docx2txt = reference::docx2txt_available();
    let inputs = copies
        .into_iter()
        .map(|copy| Input {
            reference: docx2txt
                .then(|| reference::docx2txt(copy.original))
                .flatten(),
            path: copy.path,
        })
        .collect::<Vec<_>>();
    let source = if docx2txt {
        RECALL_OF_ORIGINAL
    } else {
        "outcomes only (docx2txt is not installed)"
    };
    Ok(InputSet {
        kind: SetKind::DocxDamaged,
        description: format!(
            "{} damaged copies of the {} real DOCX: truncated at 30% and 70%, 16 bytes flipped, \
             middle 10% deleted; {source}",
            inputs.len(),
            originals.len()
        ),
        inputs,
    })
}

fn hostile_docx(places: &Places) -> io::Result<InputSet> {
    let mut paths = files_with_extension(&places.repo.join("tests/fixtures/bad"), "docx")?;
    paths.extend(files_with_extension(
        &places.shared.join("corpus/bad"),
        "docx",
    )?);
    paths.extend(docx_gen::write_hostile(
        &places.scratch.join("docx-hostile"),
    )?);
    Ok(InputSet {
        kind: SetKind::DocxHostile,
        description: format!(
            "{} files: `tests/fixtures/bad/*.docx`, `../shared/corpus/bad/*.docx`, and made at \
             run time: a zip bomb (100 MB of `0` deflated), a zip whose headers say \
             `word/document.xml` is 1 byte, tables nested 10,000 deep; outcomes only",
            paths.len()
        ),
        inputs: without_reference(paths),
    })
}

fn without_reference(paths: Vec<PathBuf>) -> Vec<Input> {
    paths
        .into_iter()
        .map(|path| Input {
            path,
            reference: None,
        })
        .collect()
}

/// The files of `dir` whose extension is `extension`, sorted; none when `dir` is missing.
fn files_with_extension(dir: &Path, extension: &str) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
