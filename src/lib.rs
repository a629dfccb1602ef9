//! skillgap reads a resume, finds the skills it shows with evidence, and compares them with a
//! role profile.
//!
//! The stages, each a module whose output feeds the next:
//! [`extract`] (document → lines) → [`resume`] (sections) → [`matching`] (evidence) →
//! [`analysis`] (statuses, score, focus, background) → [`report`] (table, JSON, Markdown).
//! [`profile`] holds the role profiles. The library never prints: output goes to the writer
//! given to [`run`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod cli;
pub mod error;
pub mod extract;
pub mod matching;
pub mod normalize;
pub mod profile;
pub mod report;
pub mod resume;

use std::io::Write;
use std::path::Path;

use crate::cli::{
    AnalyzeArgs, Cli, Command, CompareArgs, RoleCommand, SchemaArgs, SchemaFormat, TextArgs,
    ValidateArgs,
};
pub use crate::error::{Error, ExitStatus, Result};
use crate::extract::Document;
use crate::profile::Profile;
use crate::report::{DocumentInfo, OutputFormat, Report};

/// Runs one command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitStatus> {
    match cli.command {
        Command::Analyze(args) => analyze_command(&args, out),
        Command::Compare(args) => compare_command(&args, out),
        Command::Roles => roles_command(out),
        Command::Role(RoleCommand::Show { id }) => role_show_command(&id, out),
        Command::Validate(args) => return validate_command(&args, out),
        Command::Schema(args) => schema_command(&args, out),
        Command::Text(args) => text_command(&args, out),
        Command::ExtractWorker { parser } => {
            extract::worker::serve(parser, &mut std::io::stdin().lock(), out).map_err(Error::Output)
        }
    }
    .map(|()| ExitStatus::Success)
}

fn analyze_command(args: &AnalyzeArgs, out: &mut dyn Write) -> Result<()> {
    let profile = profile::resolve(&args.role)?;
    let document = extract::extract_path(&args.input.file, &args.input.extract_options())?;
    let today = args.as_of.unwrap_or_else(resume::YearMonth::today);
    let analysis = analyze_document(&document, &profile, today);
    let info = DocumentInfo::new(args.input.file.display().to_string(), &document);
    let report = Report {
        document: &info,
        analysis: &analysis,
        role_origin: &profile.origin,
        top: args.top,
        explain: args.explain,
        color: args.color.enabled(),
    };
    match &args.output {
        Some(path) => {
            let mut file = std::fs::File::create(path).map_err(|source| Error::CannotWrite {
                path: path.clone(),
                source,
            })?;
            write_report(&report, args.format, &mut file).map_err(|error| match error {
                Error::Output(source) => Error::CannotWrite {
                    path: path.clone(),
                    source,
                },
                other => other,
            })
        }
        None => write_report(&report, args.format, out),
    }
}

fn compare_command(args: &CompareArgs, out: &mut dyn Write) -> Result<()> {
    let profile = profile::resolve(&args.role)?;
    let options = extract::Options {
        max_bytes: args.max_bytes,
        worker: std::env::current_exe().ok(),
    };
    let today = args.as_of.unwrap_or_else(resume::YearMonth::today);
    let old = analyze_document(
        &extract::extract_path(&args.old, &options)?,
        &profile,
        today,
    );
    let new = analyze_document(
        &extract::extract_path(&args.new, &options)?,
        &profile,
        today,
    );
    let comparison = analysis::compare(old, new);
    let (old_name, new_name) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let files = report::compare::Versions {
        old: &old_name,
        new: &new_name,
    };
    let mut buffer = Vec::new();
    report::compare::render(&comparison, &files, args.format, args.top, &mut buffer)
        .map_err(Error::Output)?;
    out.write_all(&buffer).map_err(Error::Output)
}

/// The whole analysis of a document already extracted: resume → matches → verdicts.
/// `today` ends the jobs held "to present".
pub fn analyze_document(
    document: &Document,
    profile: &Profile,
    today: resume::YearMonth,
) -> analysis::Analysis {
    let resume = resume::parse(document);
    let matches = matching::Matcher::new(profile).find(&resume);
    analysis::analyze(profile, &matches, today)
}

/// Reads and analyzes one file as of now: the library's entry point for tests and benches.
pub fn analyze_file(path: &Path, profile: &Profile) -> Result<analysis::Analysis> {
    let document = extract::extract_path(path, &extract::Options::default())?;
    Ok(analyze_document(
        &document,
        profile,
        resume::YearMonth::today(),
    ))
}

fn write_report(report: &Report, format: OutputFormat, out: &mut dyn Write) -> Result<()> {
    let mut buffer = Vec::new();
    report::render(report, format, &mut buffer).map_err(Error::Output)?;
    out.write_all(&buffer)
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

fn roles_command(out: &mut dyn Write) -> Result<()> {
    let mut text = String::from("ID                        SKILLS  TITLE\n");
    for id in profile::builtin_ids() {
        let profile = profile::load_builtin(id).expect("listed ids are built in")?;
        text.push_str(&format!(
            "{:<25} {:>6}  {}\n",
            profile.id,
            profile.skills.len(),
            profile.title
        ));
    }
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

/// Prints a built-in profile verbatim, comments and all, as a start for a new one.
fn role_show_command(id: &str, out: &mut dyn Write) -> Result<()> {
    let yaml = profile::builtin_source(id).ok_or_else(|| profile::unknown_role(id))?;
    out.write_all(yaml.as_bytes()).map_err(Error::Output)
}

/// Checks profiles; problems found are the command's result (exit 1), not a failure of it.
fn validate_command(args: &ValidateArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let outcome = profile::validate_paths(&args.paths)?;
    out.write_all(outcome.render(args.format).as_bytes())
        .map_err(Error::Output)?;
    Ok(if outcome.errors() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

fn schema_command(args: &SchemaArgs, out: &mut dyn Write) -> Result<()> {
    let schema = match args.format {
        SchemaFormat::Role => profile::json_schema(),
    };
    out.write_all(schema.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(Error::Output)
}

fn text_command(args: &TextArgs, out: &mut dyn Write) -> Result<()> {
    let document = extract::extract_path(&args.input.file, &args.input.extract_options())?;
    let width = document.lines.len().to_string().len();
    let mut text = String::new();
    for (index, line) in document.lines.iter().enumerate() {
        if args.line_numbers {
            text.push_str(&format!("{:>width$}  {}\n", index + 1, line.text));
        } else {
            text.push_str(&line.text);
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

/// The built-in role's verdicts on sentences of our own: each rule of the matcher, and each
/// demonstration pattern of the profile, positive and negative.
#[cfg(test)]
mod verdicts {
    use crate::analysis::Status;
    use crate::extract::{Document, Format, TextLine};

    fn usage_of(text: &str, skill: &str) -> Option<crate::analysis::Usage> {
        verdict_of(text, skill).usage
    }

    fn status_of(text: &str, skill: &str) -> Status {
        verdict_of(text, skill).status
    }

    fn verdict_of(text: &str, skill: &str) -> crate::analysis::SkillVerdict {
        let profile = crate::profile::load_builtin("infrastructure-engineer")
            .unwrap()
            .unwrap();
        let document = Document::new(Format::Text, text.lines().map(TextLine::plain).collect());
        let today = crate::resume::YearMonth::new(2026, 11);
        let analysis = crate::analyze_document(&document, &profile, today);
        analysis
            .skills
            .iter()
            .find(|s| s.id == skill)
            .unwrap_or_else(|| panic!("no skill {skill}"))
            .clone()
    }

    use Status::{Aligned, Missing, Partial};

    #[test]
    fn acronyms_and_products_show_their_skill() {
        assert_eq!(
            status_of("Ran workloads on k8s and EKS", "docker-kubernetes"),
            Aligned
        );
        assert_eq!(
            status_of("Migrated CentOS hosts to RHEL 9", "linux"),
            Aligned
        );
        assert_eq!(status_of("Moved state to OpenTofu", "terraform"), Aligned);
        assert_eq!(
            status_of("Queried BigQuery daily", "cloud-platforms"),
            Aligned
        );
    }

    #[test]
    fn related_tools_show_a_skill_partially() {
        assert_eq!(
            status_of("Wrote Pulumi stacks in TypeScript", "terraform"),
            Partial
        );
        assert_eq!(
            status_of("Hosted the shop on DigitalOcean", "cloud-platforms"),
            Partial
        );
        assert_eq!(
            status_of(
                "First-line helpdesk for 300 staff",
                "systems-administration"
            ),
            Partial
        );
        assert_eq!(status_of("Used the macOS terminal daily", "linux"), Partial);
        assert_eq!(
            status_of("Added structured logging to the API", "monitoring"),
            Partial
        );
        assert_eq!(
            status_of("Login with OAuth2 and JWT tokens", "security"),
            Partial
        );
        assert_eq!(
            status_of("Services run on ECS with Fargate", "docker-kubernetes"),
            Partial
        );
    }

    #[test]
    fn two_part_skills_need_both_parts() {
        assert_eq!(
            status_of("Python tools and Bash scripts", "python-bash"),
            Aligned
        );
        assert_eq!(
            status_of("Python tools for reporting", "python-bash"),
            Partial
        );
        assert_eq!(
            status_of("PowerShell scripts for onboarding", "python-bash"),
            Partial
        );
        assert_eq!(status_of("Excel and SQL reports", "python-bash"), Missing);
    }

    #[test]
    fn containers_show_virtualization_only_in_part() {
        assert_eq!(
            status_of("Packaged services with Docker", "virtualization"),
            Partial
        );
        assert_eq!(
            status_of("Ran a Proxmox cluster of 4 hosts", "virtualization"),
            Aligned
        );
        assert_eq!(
            status_of("Moved 40 VMs from ESXi to KVM", "virtualization"),
            Aligned
        );
    }

    #[test]
    fn ambiguous_words_need_technical_context() {
        let chef = "Head chef at a busy bistro for six years";
        assert_eq!(status_of(chef, "systems-administration"), Missing);
        let chef_tool = "Wrote Chef cookbooks for 200 web nodes";
        assert_eq!(status_of(chef_tool, "systems-administration"), Aligned);
        assert_eq!(
            status_of("Salt and pepper on every table", "systems-administration"),
            Missing
        );
        assert_eq!(
            status_of("Secrets in Vault for every service", "security"),
            Aligned
        );
        assert_eq!(status_of("Pole vault club captain", "security"), Missing);
    }

    #[test]
    fn names_urls_and_false_friends_are_not_evidence() {
        assert_eq!(
            status_of(
                "Barista, Kubernetes Kitchen Ltd, Leeds",
                "docker-kubernetes"
            ),
            Missing
        );
        assert_eq!(
            status_of("Notes: github.com/jo/docker-notes", "docker-kubernetes"),
            Missing
        );
        assert_eq!(
            status_of("Contact jo@terraform.example", "terraform"),
            Missing
        );
        assert_eq!(
            status_of("Met every patch SLA this year", "reliability-focus"),
            Missing
        );
        assert_eq!(
            status_of("Weekly calls on Microsoft Teams", "collaboration"),
            Missing
        );
        assert_eq!(
            status_of("Monitor patients' vital signs", "monitoring"),
            Missing
        );
    }

    #[test]
    fn denied_and_wished_for_skills_do_not_count() {
        assert_eq!(
            status_of(
                "No production Kubernetes experience yet",
                "docker-kubernetes"
            ),
            Missing
        );
        assert_eq!(
            status_of("I want to learn Terraform next year", "terraform"),
            Missing
        );
        assert_eq!(
            status_of(
                "Studying for the AWS Cloud Practitioner exam",
                "cloud-platforms"
            ),
            Missing
        );
        assert_eq!(
            status_of("Kubernetes (learning)", "docker-kubernetes"),
            Missing
        );
        assert_eq!(
            status_of("No outages in 2023; Terraform for every stack", "terraform"),
            Aligned
        );
    }

    #[test]
    fn soft_skills_show_by_demonstration() {
        assert_eq!(
            status_of("Mentored three junior engineers", "collaboration"),
            Aligned
        );
        assert_eq!(
            status_of("Worked closely with the security team", "collaboration"),
            Aligned
        );
        assert_eq!(
            status_of("I automate routine work with Ansible", "collaboration"),
            Missing
        );
        assert_eq!(
            status_of("Wrote the on-call runbooks", "communication"),
            Aligned
        );
        assert_eq!(
            status_of("Found the root cause of a DNS outage", "troubleshooting"),
            Aligned
        );
        assert_eq!(
            status_of("Kept 99.95% uptime across two regions", "reliability-focus"),
            Aligned
        );
        assert_eq!(
            status_of(
                "Ran quarterly disaster-recovery drills",
                "reliability-focus"
            ),
            Aligned
        );
        assert_eq!(
            status_of("Audited 300 firewall rules", "attention-to-detail"),
            Aligned
        );
        assert_eq!(
            status_of("Sold shoes in a busy shop", "attention-to-detail"),
            Missing
        );
    }

    #[test]
    fn wrapped_lines_are_read_as_one_phrase() {
        assert_eq!(
            status_of(
                "Kept the service highly\navailable through two outages",
                "reliability-focus"
            ),
            Aligned
        );
    }

    #[test]
    fn skills_used_only_long_ago_are_stale() {
        let old = "EXPERIENCE\nAdmin, Acme, 2008 - 2012\nRan VMware clusters\nSales, Shop, 2012 - present\nSold shoes";
        let verdict = usage_of(old, "virtualization").unwrap();
        assert_eq!(
            (verdict.years, verdict.last_used, verdict.stale),
            (4.0, 2012, true)
        );
        let recent = "EXPERIENCE\nAdmin, Acme, 2020 - present\nRan VMware clusters";
        assert!(!usage_of(recent, "virtualization").unwrap().stale);
        let claimed = "SUMMARY\nI run VMware daily\nEXPERIENCE\nAdmin, Acme, 2008 - 2012\nRan VMware clusters";
        assert!(!usage_of(claimed, "virtualization").unwrap().stale);
        assert_eq!(
            usage_of("Ran VMware clusters", "virtualization"),
            None,
            "undated"
        );
    }

    #[test]
    fn interests_alone_are_weak_evidence() {
        assert_eq!(
            status_of("INTERESTS\nHomelab with Proxmox", "virtualization"),
            Partial
        );
    }
}
