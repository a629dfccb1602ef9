//! One benchmark per stage, on the fixtures: extract (per format), resume, match, analyze, report.
//! Run with `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use skillgap::extract::{self, Source};
use skillgap::matching::Matcher;
use skillgap::report::{self, DocumentInfo, Output, Report, ReportFormat};
use skillgap::{analysis, profile, resume};

const FIXTURES: &[&str] = &[
    "tests/fixtures/devops.txt",
    "tests/fixtures/network.md",
    "tests/fixtures/sysadmin.docx",
    "tests/fixtures/backend.pdf",
    "tests/fixtures/two-page.pdf",
];

fn bench_extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for path in FIXTURES {
        let bytes = std::fs::read(path).expect("fixture exists");
        let source = Source::file(Path::new(path));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*path, |b| {
            b.iter(|| {
                extract::extract_bytes(black_box(&bytes), &source, &Default::default())
                    .expect("fixture reads")
            })
        });
    }
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let profile = profile::resolve("infrastructure-engineer").expect("built-in role loads");
    let document = extract::extract_path(Path::new("examples/resume.md"), &Default::default())
        .expect("example reads");
    let parsed = resume::parse(&document);
    let matcher = Matcher::new(&profile);
    let matches = matcher.find(&parsed);
    let today = resume::YearMonth::new(2026, 11);
    let analysis = analysis::analyze(&profile, &matches, today);

    c.bench_function("profile/load-and-compile", |b| {
        b.iter(|| Matcher::new(&profile::resolve(black_box("infrastructure-engineer")).unwrap()))
    });
    c.bench_function("resume/sections", |b| {
        b.iter(|| resume::parse(black_box(&document)))
    });
    c.bench_function("matching/find", |b| {
        b.iter(|| matcher.find(black_box(&parsed)))
    });
    c.bench_function("analysis/analyze", |b| {
        b.iter(|| analysis::analyze(&profile, black_box(&matches), today))
    });
    let info = DocumentInfo::new("examples/resume.md".into(), &document);
    for format in [
        ReportFormat::Table,
        ReportFormat::Json,
        ReportFormat::Markdown,
    ] {
        let report = Report {
            document: &info,
            analysis: &analysis,
            role_origin: &profile.origin,
            top: 5,
            explain: false,
            color: false,
            width: 100,
            gate: None,
        };
        c.bench_function(&format!("report/{format:?}"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(16 * 1024);
                report::render(&Output::Report(&report, format), &mut out).unwrap();
                out
            })
        });
    }
}

criterion_group!(benches, bench_extract, bench_stages);
criterion_main!(benches);
