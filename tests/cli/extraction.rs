//! Extraction cases, one fixture of tests/fixtures/extraction/ each (see the README there):
//! how PDFs are drawn (columns, ligatures, hyphens, words in pieces, glyphs without letters,
//! pages without text), what DOCX packages hold (headers and footers, text boxes, hyperlinks,
//! lists, tracked changes, tables, no docProps, a Google Docs export), JSON Resume sections
//! and a UTF-8 byte order mark. Each is checked through the real binary, as a user would:
//! the words and lines `skillgap text` prints, the warnings and evidence of `analyze`.

use serde_json::Value;

use crate::util::{analyze_json, evidence, evidence_on_line, fixture, run, text_lines};

fn path(name: &str) -> String {
    fixture(&format!("extraction/{name}"))
}

fn lines(name: &str) -> Vec<String> {
    text_lines(&path(name))
}

fn report(name: &str) -> Value {
    analyze_json(&path(name), &[])
}

fn warnings(report: &Value) -> Vec<&str> {
    report["document"]["warnings"]
        .as_array()
        .expect("document.warnings is an array")
        .iter()
        .map(|w| w.as_str().expect("a warning is a string"))
        .collect()
}

/// The 1-based number of the line that is exactly `text`.
#[track_caller]
fn line_number(lines: &[String], text: &str) -> usize {
    lines
        .iter()
        .position(|l| l == text)
        .unwrap_or_else(|| panic!("no line {text:?} in:\n{}", lines.join("\n")))
        + 1
}

/// How many lines contain `needle`.
fn count(lines: &[String], needle: &str) -> usize {
    lines.iter().filter(|l| l.contains(needle)).count()
}

#[track_caller]
fn assert_in_order(lines: &[String], expected: &[&str]) {
    let numbers: Vec<usize> = expected.iter().map(|e| line_number(lines, e)).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "{expected:#?} are not in this order (lines {numbers:?}):\n{}",
        lines.join("\n")
    );
}

// --- PDF ------------------------------------------------------------------------------------

const SIDEBAR: [&str; 11] = [
    "Skills",
    "Linux: RHEL, Debian",
    "Ansible and Terraform",
    "Kubernetes and Helm",
    "Python and Bash",
    "Prometheus, Grafana",
    "Contact",
    "marta.lindqvist@example.com",
    "+46 31 555 0142",
    "Languages",
    "Swedish, English, German",
];

const MAIN_COLUMN: [&str; 12] = [
    "Experience",
    "Platform Engineer, Nordhavn Freight AB",
    "March 2021 – present",
    "Run twelve Kubernetes clusters on VMware, built with Terraform.",
    "Wrote the runbooks and lead the on-call rotation for six teams.",
    "Moved build agents from Jenkins to GitLab CI with shared templates.",
    "Systems Administrator, Kvarnby Municipality",
    "June 2016 – February 2021",
    "Patched 300 RHEL servers each month with Ansible playbooks.",
    "Replaced Nagios checks with Prometheus alerts and Grafana boards.",
    "Education",
    "BSc Computer Engineering, Västkust University, 2016",
];

#[test]
fn two_column_pdf_lines_each_come_from_one_column() {
    let lines = lines("two-column.pdf");
    assert_eq!(lines[0], "Marta Lindqvist");
    // Every line of either column is a whole line of the text: nothing from the other column
    // was glued onto it, and each column keeps its own order.
    assert_in_order(&lines, &SIDEBAR);
    assert_in_order(&lines, &MAIN_COLUMN);
    for line in &lines {
        let sidebar = SIDEBAR.iter().any(|s| line.contains(s));
        let main = MAIN_COLUMN.iter().any(|m| line.contains(m));
        assert!(!(sidebar && main), "a line mixes the columns: {line:?}");
    }
    let report = report("two-column.pdf");
    let run_line = line_number(&lines, MAIN_COLUMN[3]) as u64;
    assert!(evidence_on_line(&report, "docker-kubernetes", run_line).is_some());
}

#[test]
fn the_column_layout_is_guessed_and_shown() {
    assert_eq!(report("two-column.pdf")["document"]["columns"], 2);
    assert_eq!(report("hyphens.pdf")["document"]["columns"], 1);
    assert_eq!(
        report("features.docx")["document"]["columns"],
        2,
        "a layout table"
    );
    assert_eq!(report("minimal.docx")["document"]["columns"], 1);
    let markdown = analyze_json(&fixture("rich.md"), &[]);
    assert_eq!(markdown["document"]["columns"], Value::Null);
    let analyzed = run(&["analyze", &path("two-column.pdf")]);
    let header = analyzed.success().lines().next().unwrap();
    assert!(header.contains("PDF, 1 page, 2 columns,"), "{header}");
}

#[test]
fn ligature_glyphs_read_as_letters_with_a_warning() {
    let lines = lines("ligatures.pdf");
    for expected in [
        "• Performance profiling of Go services with pprof cut p99 latency by a third.",
        "• Rebuilt the release workflow in GitHub Actions; deploys went from weekly to daily.",
        "• Configured firewalls and load balancers for 14 AWS accounts with Terraform.",
        "Observability: Prometheus, Grafana, Zabbix, profiling with pprof",
    ] {
        line_number(&lines, expected);
    }
    assert!(
        !lines
            .iter()
            .any(|l| l.contains(|c| ('\u{FB00}'..='\u{FB06}').contains(&c))),
        "no ligature characters left"
    );
    let report = report("ligatures.pdf");
    assert!(
        warnings(&report)
            .iter()
            .any(|w| w.contains("ligatures expanded")),
        "{:?}",
        warnings(&report)
    );
}

#[test]
fn soft_hyphens_inside_words_are_removed() {
    let lines = lines("hyphens.pdf");
    assert!(!lines.iter().any(|l| l.contains('\u{AD}')));
    let kubernetes = line_number(
        &lines,
        "• Moved the build servers to Kubernetes on AWS (EKS) and wrote the Helm charts.",
    );
    let terraform = line_number(
        &lines,
        "• Described the VPCs, subnets and IAM roles in Terraform; no changes by hand since 2023.",
    );
    assert_eq!(count(&lines, "Set up Prometheus and Grafana dashboards"), 1);
    let report = report("hyphens.pdf");
    let found = evidence_on_line(&report, "docker-kubernetes", kubernetes as u64)
        .expect("Kubernetes is evidence on its line");
    assert_eq!(found["term"], "Kubernetes");
    assert!(evidence_on_line(&report, "terraform", terraform as u64).is_some());
}

#[test]
fn words_hyphenated_across_a_line_break_are_joined() {
    // pdf_oxide joins the wrapped lines of a paragraph itself, and the word with them.
    let text = lines("hyphens.pdf").join("\n");
    assert!(
        text.contains("I look after the infrastructure our factory software"),
        "{text}"
    );
    assert!(text.contains("the line-side applications and their databases, with alerts"));
    for broken in ["infra-", "data-", "data\n", "infra\n"] {
        assert!(!text.contains(broken), "{broken:?} left in:\n{text}");
    }
}

#[test]
fn a_soft_hyphen_at_a_line_break_joins_the_word() {
    // "data\u{AD}" at the end of a line, "base twice a year." on the next.
    let text = lines("hyphens.pdf").join("\n");
    assert!(
        text.contains("tested the restore of every production database twice a year."),
        "{text}"
    );
}

/// Text copied out of a PDF viewer keeps the line breaks: skillgap joins the words itself.
#[test]
fn text_hyphenated_across_lines_is_joined_with_a_warning() {
    let lines = lines("hyphenated.txt");
    line_number(
        &lines,
        "Infrastructure engineer for a port operator. I keep the container-terminal infrastructure",
    );
    line_number(&lines, "running and moved our deployments to Kubernetes-");
    line_number(&lines, "Based clusters in 2023.");
    // A soft hyphen at the end of a line joins too; one inside a word is removed.
    line_number(&lines, "- Run the Linux hosts and the Postgres databases");
    line_number(
        &lines,
        "behind the gate system, with nightly restore tests.",
    );
    let report = report("hyphenated.txt");
    assert!(
        warnings(&report).contains(&"2 words hyphenated across lines joined"),
        "{:?}",
        warnings(&report)
    );
}

#[test]
fn a_word_drawn_in_two_pieces_reads_as_one() {
    let lines = lines("split-words.pdf");
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("Deployed Kubernetes operators for the billing team.")),
        "{lines:#?}"
    );
    line_number(&lines, "• Wrote Terraform modules for 30 AWS accounts.");
    line_number(&lines, "• Ran Docker builds on GitLab CI runners.");
    let report = report("split-words.pdf");
    let kubernetes = evidence(&report, "docker-kubernetes");
    assert!(
        kubernetes.iter().any(|e| e["term"] == "Kubernetes"),
        "{kubernetes:#?}"
    );
}

#[test]
fn words_apart_on_the_page_are_not_glued() {
    let lines = lines("split-words.pdf");
    // pdfTeX writes word spaces as TJ offsets, without a space character.
    line_number(
        &lines,
        "• Automated patching of Linux servers with Ansible.",
    );
    // A tab stop, and a wide gap inside one TJ: the words stay apart (on one line or two).
    let text = lines.join("\n");
    for (label, value) in [
        ("Monitoring:", "Prometheus and Grafana"),
        ("Scripting:", "Python and Bash"),
    ] {
        assert!(text.contains(label) && text.contains(value), "{text}");
        assert!(!text.contains(&format!("{label}{value}")), "{text}");
        assert!(!text.contains(&format!("{label}{}", &value[..1])), "{text}");
    }
}

/// Word puts a tab between a label and its value, and draws a list bullet apart from its
/// item: two strings on one baseline, 7 and 14 pt apart. pdf_oxide 0.3.78 glues them
/// ("Cloud:AWS", "•Deployed") when they are less than about 3 em apart; skillgap puts the
/// space back from the characters' positions (src/extract/layout.rs).
#[test]
fn words_at_a_near_tab_stop_are_not_glued() {
    let lines = lines("split-words.pdf");
    line_number(
        &lines,
        "• Deployed Kubernetes operators for the billing team.",
    );
    line_number(&lines, "Cloud: AWS (EC2, S3, IAM), Terraform");
}

#[test]
fn a_damaged_pdf_the_first_parser_fails_on_is_read_by_the_second() {
    let lines = lines("damaged.pdf");
    line_number(&lines, "Noor Haddad");
    let report = report("damaged.pdf");
    assert!(
        warnings(&report)
            .iter()
            .any(|w| w.contains("damaged") && w.contains("second parser")),
        "{:?}",
        warnings(&report)
    );
    assert!(!evidence(&report, "cloud-platforms").is_empty());
}

#[test]
fn a_few_glyphs_without_letters_give_a_warning() {
    let lines = lines("glyph-bullets.pdf");
    assert!(
        !lines
            .iter()
            .any(|l| l.contains(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))),
        "no private-use characters left"
    );
    line_number(
        &lines,
        "Run 80 Linux servers and the VMware cluster that hosts the SCADA historians.",
    );
    let report = report("glyph-bullets.pdf");
    assert!(
        warnings(&report)
            .iter()
            .any(|w| w.starts_with("6 glyphs could not be mapped")),
        "{:?}",
        warnings(&report)
    );
    assert_eq!(report["skills"][3]["id"], "linux");
    assert_ne!(report["skills"][3]["status"], "missing");
}

#[test]
fn very_little_text_for_the_page_count_is_a_warning() {
    let report = report("sparse.pdf");
    assert_eq!(report["document"]["pages"], 3);
    assert!(
        warnings(&report)
            .iter()
            .any(|w| w.starts_with("very little text for 3 pages")),
        "{:?}",
        warnings(&report)
    );
    assert_eq!(
        lines("sparse.pdf"),
        [
            "Priya Raman",
            "Site Reliability Engineer · Chennai, India",
            "Linux, Kubernetes, Terraform, Python"
        ]
    );
}

// --- DOCX -----------------------------------------------------------------------------------

#[test]
fn docx_header_first_and_footer_last() {
    let lines = lines("features.docx");
    assert_eq!(lines[0], "Sofia Brandt");
    assert!(lines[1].starts_with("Infrastructure Administrator · Leeds, UK"));
    assert_eq!(lines.last().unwrap(), "Sofia Brandt · Resume · page 1 of 1");
}

#[test]
fn docx_text_box_is_read_once() {
    let lines = lines("features.docx");
    // Word saves a text box twice: the shape in mc:Choice, a VML copy in mc:Fallback.
    assert_eq!(
        count(&lines, "Certified Kubernetes Administrator (CKA), 2024"),
        1
    );
    assert_eq!(
        count(&lines, "Eight years of Linux and VMware administration"),
        1
    );
    assert_in_order(
        &lines,
        &[
            "Profile",
            "Certified Kubernetes Administrator (CKA), 2024",
            "Eight years of Linux and VMware administration",
            "Experience",
        ],
    );
}

#[test]
fn docx_hyperlink_text_is_read() {
    let lines = lines("features.docx");
    line_number(
        &lines,
        "Wrote the Zabbix templates for our storage arrays and the alert runbooks.",
    );
    assert_eq!(
        count(&lines, "https://"),
        0,
        "the link's target is not text"
    );
}

#[test]
fn docx_list_items_are_one_line_each() {
    let lines = lines("features.docx");
    assert_in_order(
        &lines,
        &[
            "Run 140 Linux and Windows servers on VMware vSphere for 900 staff.",
            "Moved server builds from Puppet to Ansible playbooks kept in Git.",
            "Wrote the Zabbix templates for our storage arrays and the alert runbooks.",
            "Rebuilt the firewall rules and VLANs of both offices with no outage.",
            "Looked after the Hyper-V hosts, backups and 1,200 student laptops.",
        ],
    );
}

#[test]
fn docx_tracked_insertions_are_read() {
    let lines = lines("features.docx");
    let moved = line_number(
        &lines,
        "Moved server builds from Puppet to Ansible playbooks kept in Git.",
    );
    let report = report("features.docx");
    assert!(evidence_on_line(&report, "systems-administration", moved as u64).is_some());
}

#[test]
fn docx_tracked_deletions_are_not_read() {
    let text = lines("features.docx").join("\n");
    assert!(!text.contains("Puppet Bolt"), "{text}");
    assert!(!text.contains("in a weekend"), "{text}");
}

#[test]
fn docx_layout_table_reads_cell_after_cell() {
    let lines = lines("features.docx");
    assert_in_order(
        &lines,
        &[
            "Tools",
            "Ansible, Bash, PowerShell",
            "Zabbix, Grafana",
            "Platforms",
            "VMware vSphere, Hyper-V",
            "Red Hat Enterprise Linux, Windows Server",
        ],
    );
}

#[test]
fn docx_table_cells_in_order() {
    let lines = lines("features.docx");
    assert_in_order(
        &lines,
        &[
            "Certifications",
            "Certificate | Year",
            "Certified Kubernetes Administrator | 2024",
            "Red Hat Certified System Administrator | 2021",
        ],
    );
    let report = report("features.docx");
    assert_eq!(
        report["document"]["generator"],
        "skillgap fixture generator (tests/fixtures/generate.py)"
    );
}

#[test]
fn docx_without_doc_props_reads_without_a_generator() {
    let lines = lines("minimal.docx");
    assert_eq!(lines[0], "Hana Kobayashi");
    line_number(
        &lines,
        "Moved the station monitoring from spreadsheets to Zabbix with SNMP.",
    );
    let report = report("minimal.docx");
    assert_eq!(report["document"]["format"], "docx");
    assert!(report["document"]["generator"].is_null(), "{report:#}");
    assert_ne!(
        crate::util::status(&report, "network-architecture"),
        "missing"
    );
}

#[test]
fn google_docs_export_reads_in_order() {
    let lines = lines("google-docs.docx");
    assert_eq!(
        &lines[..2],
        [
            "Tomasz Wieczorek",
            "Junior DevOps Engineer · Wrocław, Poland · tomasz.wieczorek@example.com"
        ]
    );
    assert_in_order(
        &lines,
        &[
            "Experience",
            "Junior DevOps Engineer, Odra Payments",
            "Keep the GitLab CI pipelines of 25 services green and fast.",
            "Package services with Docker and deploy them to Kubernetes with Helm.",
            "Wrote the on-call handbook with the platform team.",
            "Skills",
            "Containers: Docker, Kubernetes, Helm",
            "Links",
            "Portfolio: tomasz-wieczorek.example.com",
        ],
    );
    let report = report("google-docs.docx");
    assert!(report["document"]["generator"].is_null(), "{report:#}");
    let containers = line_number(&lines, "Containers: Docker, Kubernetes, Helm") as u64;
    let found = evidence_on_line(&report, "docker-kubernetes", containers).expect("skills line");
    assert_eq!(found["section"], "skills");
}

// --- JSON Resume and text -------------------------------------------------------------------

#[test]
fn json_resume_sections_map_to_resume_sections() {
    let lines = lines("resume.json");
    assert_in_order(
        &lines,
        &[
            "Adaeze Okafor",
            "Experience",
            "Cloud Operations Engineer, Lagoon Payments",
            "Moved 60 services from EC2 to EKS and wrote the Terraform for every account.",
            "Certifications",
            "Certified Kubernetes Administrator, The Linux Foundation",
            "Skills",
            "Cloud: AWS, EKS, Terraform",
            "Systems: Linux, Ubuntu, RHEL, Ansible",
        ],
    );
    let report = report("resume.json");
    assert_eq!(report["document"]["format"], "json-resume");
    let section_of = |id: &str, text: &str| {
        let n = line_number(&lines, text) as u64;
        evidence_on_line(&report, id, n)
            .unwrap_or_else(|| panic!("no {id} evidence on {text:?}"))["section"]
            .clone()
    };
    let highlight = "Moved 60 services from EC2 to EKS and wrote the Terraform for every account.";
    assert_eq!(section_of("terraform", highlight), "experience");
    assert_eq!(
        section_of("terraform", "Cloud: AWS, EKS, Terraform"),
        "skills"
    );
    assert_eq!(
        section_of(
            "docker-kubernetes",
            "Certified Kubernetes Administrator, The Linux Foundation"
        ),
        "certifications"
    );
}

#[test]
fn utf8_byte_order_mark_is_not_text() {
    let out = run(&["text", &path("bom.txt")]);
    assert!(out.success().starts_with("Rafael Quintero\n"), "{out:#?}");
    let report = report("bom.txt");
    assert_eq!(report["document"]["format"], "text");
    let header = evidence_on_line(&report, "linux", 2).expect("the title line");
    assert_eq!(header["section"], "header");
}
