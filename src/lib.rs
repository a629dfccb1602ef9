//! skillgap reads a resume, finds the skills it shows with evidence, and compares them with a
//! role profile.
//!
//! The stages, each a module whose output feeds the next:
//! [`extract`] (document → lines) → [`resume`] (sections) → [`matching`] (evidence) →
//! [`analysis`] (statuses, score, focus, background) → [`report`] (table, JSON, Markdown).
//! [`profile`] holds the role profiles. [`batch`] runs the pipeline over many files in
//! parallel, and [`gate`] checks a report against `--fail-under`/`--require`. The library never
//! prints: output goes to the writers given to [`run`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod batch;
pub mod cli;
pub mod error;
pub mod extract;
pub mod gate;
pub mod matching;
pub mod normalize;
pub mod profile;
pub mod report;
pub mod resume;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{
    AnalyzeArgs, Cli, Command, CompareArgs, RoleCommand, SchemaArgs, SchemaFormat, TextArgs,
    ValidateArgs,
};
pub use crate::error::{Error, ExitStatus, Result};
use crate::extract::Document;
use crate::profile::Profile;
use crate::report::{DocumentInfo, OutputFormat, Report};

/// Runs one command, writing its output to `out` and what a person should know besides (a gate
/// that failed, a batch's closing line) to `err`. Errors are returned, not written.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    match cli.command {
        Command::Analyze(args) => return analyze_command(&args, out, err),
        Command::Compare(args) => compare_command(&args, out),
        Command::Roles => roles_command(out),
        Command::Role(RoleCommand::Show { id }) => role_show_command(&id, out),
        Command::Validate(args) => return validate_command(&args, out),
        Command::Schema(args) => schema_command(&args, out),
        Command::Text(args) => text_command(&args, out),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut public_command(), "skillgap", out);
            Ok(())
        }
        Command::Man => clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(out)
            .map_err(Error::Output),
        Command::ExtractWorker { parser } => {
            extract::worker::serve(parser, &mut std::io::stdin().lock(), out).map_err(Error::Output)
        }
    }
    .map(|()| ExitStatus::Success)
}

/// One file: the report in the format asked, as it always was. Several files, a folder or a
/// pattern: a batch, one JSON line per file (see [`batch`]). Either way a gate that is not met
/// exits 1 after the output is written.
fn analyze_command(
    args: &AnalyzeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let profile = profile::resolve(&args.judge.role)?;
    let gate = args.gate();
    gate.check(&profile)?;
    if !batch::is_batch(&args.files) && args.format != OutputFormat::Jsonl {
        return analyze_one(args, &args.files[0], &profile, &gate, out, err);
    }
    let inputs = batch::expand(&args.files)?;
    let options = batch::Options {
        extract: args.judge.extract_options(),
        today: args.judge.today(),
        top: args.judge.top,
        gate: &gate,
        jobs: args.jobs,
        progress: std::io::stderr().is_terminal(),
    };
    let summary = with_output(args.output.as_ref(), out, |out| {
        batch::run(&inputs, &profile, &options, out)
    })?;
    let _ = writeln!(err, "{summary}");
    Ok(summary.exit_status())
}

fn analyze_one(
    args: &AnalyzeArgs,
    path: &Path,
    profile: &Profile,
    gate: &gate::Gate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let document = extract::extract_path(path, &args.judge.extract_options())?;
    let analysis = analyze_document(&document, profile, args.judge.today());
    let verdict = gate.evaluate(&analysis);
    let info = DocumentInfo::new(path.display().to_string(), &document);
    let report = Report {
        document: &info,
        analysis: &analysis,
        role_origin: &profile.origin,
        top: args.judge.top,
        explain: args.explain,
        color: args.color.enabled(),
    };
    with_output(args.output.as_ref(), out, |out| {
        let mut buffer = Vec::new();
        match args.format {
            OutputFormat::Json => report::render_json(&report, verdict.as_ref(), &mut buffer),
            format => report::render(&report, format, &mut buffer),
        }
        .map_err(Error::Output)?;
        out.write_all(&buffer)
            .and_then(|()| out.flush())
            .map_err(Error::Output)
    })?;
    match verdict {
        Some(verdict) if !verdict.passed() => {
            for reason in &verdict.reasons {
                let _ = writeln!(err, "skillgap: gate: {reason}");
            }
            Ok(ExitStatus::Findings)
        }
        _ => Ok(ExitStatus::Success),
    }
}

/// Runs `write` on standard output, or on the file of `-o` (whose failures say its name).
fn with_output<T>(
    path: Option<&PathBuf>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let Some(path) = path else {
        return write(out);
    };
    let file = std::fs::File::create(path).map_err(|source| Error::CannotWrite {
        path: path.clone(),
        source,
    })?;
    write(&mut std::io::BufWriter::new(file)).map_err(|error| match error {
        Error::Output(source) => Error::CannotWrite {
            path: path.clone(),
            source,
        },
        other => other,
    })
}

/// The command line as people see it, without the hidden internal commands, which shells
/// would otherwise offer to complete.
fn public_command() -> clap::Command {
    let full = <Cli as clap::CommandFactory>::command();
    full.get_subcommands()
        .filter(|command| !command.is_hide_set())
        .fold(
            clap::Command::new("skillgap")
                .version(env!("CARGO_PKG_VERSION"))
                .propagate_version(true)
                .about(full.get_about().cloned().unwrap_or_default()),
            |public, command| public.subcommand(command.clone()),
        )
}

fn compare_command(args: &CompareArgs, out: &mut dyn Write) -> Result<()> {
    let profile = profile::resolve(&args.judge.role)?;
    let options = args.judge.extract_options();
    let today = args.judge.today();
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
    report::compare::render(
        &comparison,
        &files,
        args.format,
        args.judge.top,
        &mut buffer,
    )
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
    analyze_with(document, &matching::Matcher::new(profile), profile, today)
}

/// [`analyze_document`] with the profile's matcher compiled once for many documents.
pub fn analyze_with(
    document: &Document,
    matcher: &matching::Matcher,
    profile: &Profile,
    today: resume::YearMonth,
) -> analysis::Analysis {
    let resume = resume::parse(document);
    analysis::analyze(profile, &matcher.find(&resume), today)
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
        SchemaFormat::Report => report::json_schema(),
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
    fn everyday_meanings_of_short_terms_do_not_count() {
        let city = "Software developer, Acme, San Francisco, CA";
        assert_eq!(status_of(city, "systems-administration"), Missing);
        assert_eq!(status_of("Trained in first aid", "communication"), Missing);
        assert_eq!(
            status_of("Organised the summer bash", "python-bash"),
            Missing
        );
        assert_eq!(
            status_of("Analyst at HCL Technologies", "terraform"),
            Missing
        );
        assert_eq!(status_of("MFA in creative writing", "security"), Missing);
        assert_eq!(
            status_of("Cattle rancher for ten years", "docker-kubernetes"),
            Missing
        );
        assert_eq!(
            status_of("Was made redundant in 2020", "reliability-focus"),
            Missing
        );
        assert_eq!(
            status_of("Bash and Python scripts for backups", "python-bash"),
            Aligned
        );
        assert_eq!(
            status_of("RAID arrays on the file servers", "systems-administration"),
            Aligned
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
