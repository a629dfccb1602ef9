//! The built-in role's data judged on sentences of our own: each rule of the matcher and each
//! demonstration pattern of `roles/infrastructure-engineer.yaml`, positive and negative. These
//! are acceptance tests of the profile's data, through the library's public API; the binary's
//! behaviour is tested in tests/cli/.

use std::sync::OnceLock;

use skillgap::analysis::{SkillVerdict, Status, Usage};
use skillgap::extract::{Document, Format, TextLine};
use skillgap::pipeline::{Options, Pipeline, Reading};
use skillgap::resume::YearMonth;

/// The built-in role, compiled once for every test, as of November 2026.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let profile = skillgap::profile::resolve("infrastructure-engineer").unwrap();
        let options = Options {
            today: YearMonth::new(2026, 11),
            ..Options::default()
        };
        Pipeline::new(vec![profile], options)
    })
}

/// The verdict on `skill` of a resume whose lines are `text`, read as plain text lines.
fn verdict_of(text: &str, skill: &str) -> SkillVerdict {
    let document = Document::new(Format::Text, text.lines().map(TextLine::plain).collect());
    let pipeline = pipeline();
    let analysis = pipeline.judge(&Reading::of(document), &pipeline.roles()[0]);
    analysis
        .skills
        .into_iter()
        .find(|s| s.id == skill)
        .unwrap_or_else(|| panic!("no skill {skill}"))
}

fn usage_of(text: &str, skill: &str) -> Option<Usage> {
    verdict_of(text, skill).usage
}

fn status_of(text: &str, skill: &str) -> Status {
    verdict_of(text, skill).status
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
    let claimed =
        "SUMMARY\nI run VMware daily\nEXPERIENCE\nAdmin, Acme, 2008 - 2012\nRan VMware clusters";
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
