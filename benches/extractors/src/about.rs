//! What RESULTS.md says besides the tables: when, on what, with which versions, by which command.

use std::path::Path;
use std::process::Command;

use crate::extractors::ALL;

pub fn results_document(
    sections: &[String],
    args: &[String],
    repo: &Path,
    manifest: &Path,
) -> String {
    let command = std::iter::once("cargo run --release --")
        .chain(args.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let lock = std::fs::read_to_string(manifest.join("Cargo.lock")).unwrap_or_default();
    format!(
        "# Extractor comparison: results\n\n\
         Measured {date} with {rustc} on {machine}. The machine was shared with other jobs, so \
         times say which extractor is faster by a clear margin, not by a few percent.\n\n\
         Command, from `benches/extractors`: `{command}`\n\n\
         Versions: skillgap at {revision}, {versions}.\n\n\
         Each (extractor, file) pair ran in its own process, limited to 2 GiB of address space, \
         30 s of CPU and 60 s of wall-clock time. Recall and precision are those of \
         `../shared/extraction/check`; a file an extractor failed on counts as recall 0, and damaged \
         copies are scored against their original's reference. \"ok with text\" counts the files \
         that came out ok with at least 20 letters and digits. Times are \
         measured in the child around the extraction call, over the files it answered (ok, error, \
         panic). The chain row is computed from the pdf_oxide and pdfboss-output rows: pdfboss's \
         text when pdf_oxide fails or finds fewer than 100 letters and digits per page and \
         pdfboss finds more; its time is the sum of both.\n\n{}",
        sections.join("\n"),
        date = first_line_of(Command::new("date").args(["-u", "+%Y-%m-%d"])),
        rustc = first_line_of(Command::new("rustc").arg("--version")),
        machine = machine(),
        revision = first_line_of(
            Command::new("git")
                .arg("-C")
                .arg(repo)
                .args(["describe", "--always", "--dirty"])
        ),
        versions = crate_versions(&lock),
    )
}

fn first_line_of(command: &mut Command) -> String {
    command
        .output()
        .ok()
        .and_then(|output| {
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            text.lines().next().map(str::to_string)
        })
        .unwrap_or_else(|| "unknown".to_string())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

/// The version of each extractor's package, as this harness's Cargo.lock resolved it.
fn crate_versions(lock: &str) -> String {
    let mut versions: Vec<String> = ALL
        .iter()
        .filter(|extractor| extractor.package != "skillgap")
        .map(|extractor| {
            let version = locked_version(lock, extractor.package).unwrap_or("unknown".into());
            format!("{} {version}", extractor.package)
        })
        .collect();
    versions.dedup();
    versions.join(", ")
}

/// A package locked at one version appears as `"name"` among the harness's dependencies, one
/// locked at several as `"name version"`.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let harness = lock
        .split("[[package]]")
        .find(|block| block.contains("name = \"skillgap-extractors\""))?;
    let dependency = harness
        .lines()
        .filter_map(|line| {
            line.trim()
                .trim_end_matches(',')
                .strip_prefix('"')?
                .strip_suffix('"')
        })
        .find(|entry| entry.split(' ').next() == Some(package))?;
    if let Some((_, version)) = dependency.split_once(' ') {
        return Some(version.to_string());
    }
    lock.split("[[package]]")
        .find(|block| block.contains(&format!("name = \"{package}\"\n")))?
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .map(|version| version.trim_end_matches('"').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_versions_read_both_forms() {
        let lock = "[[package]]\nname = \"lopdf\"\nversion = \"0.44.0\"\n\n[[package]]\n\
            name = \"lopdf\"\nversion = \"0.47.0\"\n\n[[package]]\nname = \"pdf\"\n\
            version = \"0.10.0\"\n\n[[package]]\nname = \"skillgap-extractors\"\n\
            dependencies = [\n \"lopdf 0.47.0\",\n \"pdf\",\n]\n";
        assert_eq!(locked_version(lock, "lopdf").as_deref(), Some("0.47.0"));
        assert_eq!(locked_version(lock, "pdf").as_deref(), Some("0.10.0"));
        assert_eq!(locked_version(lock, "pdfraw"), None);
    }
}
