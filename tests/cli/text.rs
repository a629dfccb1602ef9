//! `skillgap text`: the text as the matcher reads it, and line numbers that are the evidence's.

use crate::util::{
    EXAMPLE, GOOD_FIXTURES, analyze_json, evidence_on_line, fixture, root, run, run_with_stdin,
    status, text_lines,
};

/// `text -n FILE` split into (number, text), checking the numbering as it goes.
#[track_caller]
fn numbered(file: &str) -> Vec<(usize, String)> {
    let out = run(&["text", "-n", file]);
    let lines: Vec<&str> = out.success().lines().collect();
    let width = lines.len().to_string().len();
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let (number, text) = line.split_at(width);
            let number: usize = number
                .trim_start()
                .parse()
                .unwrap_or_else(|_| panic!("{file}: no line number in {line:?}"));
            assert_eq!(number, index + 1, "{file}: numbered from 1, in order");
            let text = text
                .strip_prefix("  ")
                .unwrap_or_else(|| panic!("{file}: two spaces after the number: {line:?}"));
            (number, text.to_string())
        })
        .collect()
}

#[test]
fn numbers_are_the_lines_the_evidence_cites() {
    let files = GOOD_FIXTURES.map(fixture);
    for name in files.iter().map(String::as_str).chain([EXAMPLE]) {
        let lines = numbered(name);
        let report = analyze_json(name, &[]);
        assert_eq!(
            report["document"]["lines"].as_u64().unwrap() as usize,
            lines.len(),
            "{name}: document.lines is the number of lines `text` prints"
        );
        let skills = report["skills"].as_array().unwrap();
        let backgrounds = report["backgrounds"].as_array().unwrap();
        for owner in skills.iter().chain(backgrounds) {
            for e in owner["evidence"].as_array().unwrap() {
                let n = e["line"].as_u64().unwrap() as usize;
                let (number, text) = &lines[n - 1];
                assert_eq!(*number, n);
                assert_eq!(
                    text.trim(),
                    e["text"].as_str().unwrap(),
                    "{name}: line {n} of `text -n` is the evidence's line"
                );
            }
        }
    }
}

#[test]
fn one_evidence_line_by_hand() {
    // examples/resume.md: monitoring's evidence cites line 20, found by its first term, Nagios.
    let report = analyze_json(EXAMPLE, &[]);
    let zabbix = evidence_on_line(&report, "monitoring", 20).expect("line 20");
    assert_eq!(zabbix["term"], "Nagios");
    let out = run(&["text", "-n", EXAMPLE]);
    let line = out
        .success()
        .lines()
        .find(|l| l.starts_with("20  "))
        .expect("a line numbered 20");
    assert!(line.contains("Replaced Nagios with Zabbix and Grafana dashboards"));
}

#[test]
fn without_n_the_same_lines_unnumbered() {
    for name in GOOD_FIXTURES {
        let file = fixture(name);
        let plain = text_lines(&file);
        let numbered: Vec<String> = numbered(&file).into_iter().map(|(_, t)| t).collect();
        assert_eq!(plain, numbered, "{name}");
    }
}

#[test]
fn docx_header_first_tables_as_rows_split_runs_joined() {
    let lines = text_lines(&fixture("sysadmin.docx"));
    assert_eq!(lines[0], "Rowan Achterberg");
    assert!(lines[1].starts_with("Systems Administrator · Utrecht"));
    assert!(lines.contains(&"Area | Tools".to_string()));
    assert!(lines.contains(&"Virtualisation | Hyper-V, VMware ESXi".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Introduced Prometheus and Grafana"))
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("Prome ") || l.contains(" theus"))
    );
}

#[test]
fn pdf_text_with_escapes_bullets_and_accents() {
    let lines = text_lines(&fixture("backend.pdf"));
    assert_eq!(lines[0], "Lena Hartmann");
    assert!(lines.contains(&"Delivery: Docker, GitHub Actions, AWS ECS (Fargate)".to_string()));
    assert!(lines.contains(&"Chemistry Teacher, Gymnasium Elbhöhe".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("• Build Django and FastAPI services"))
    );
    assert!(lines.contains(&"October 2021 – present".to_string()));
    assert_eq!(lines, text_lines(&fixture("pdf-named.txt")));
}

#[test]
fn two_page_pdf_keeps_both_pages_in_order() {
    let lines = text_lines(&fixture("two-page.pdf"));
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in the text"))
    };
    assert!(at("Certifications") < at("Azure Administrator Associate"));
    assert!(at("Azure Administrator Associate") < at("Education"));
    assert!(at("Education") < at("Sea swimming"));
    assert!(
        lines.iter().any(|l| l.contains(r"C:\Support\.")),
        "escaped backslashes"
    );
}

#[test]
fn legacy_encodings_are_decoded() {
    let latin1 = text_lines(&fixture("latin1.txt"));
    assert_eq!(latin1[0], "José Müller");
    assert!(
        latin1
            .iter()
            .any(|l| l.contains("cut licence costs by €9,000"))
    );
    assert!(
        latin1
            .iter()
            .any(|l| l.contains("Berufsschule Zürichsee, 2011 – 2015"))
    );

    let utf16 = text_lines(&fixture("utf16.txt"));
    assert_eq!(utf16[0], "Łucja Dąbrowska");
    assert!(utf16[1].contains("Kraków"));

    let devops = text_lines(&fixture("devops.txt"));
    assert!(devops[2].starts_with("Gdańsk, Poland"));
}

#[test]
fn crlf_leaves_no_carriage_returns() {
    let out = run(&["text", &fixture("crlf.txt")]);
    let out = out.success();
    assert!(!out.contains('\r'));
    assert!(out.starts_with("Sam Adeyemi\nIT Operations Technician"));
}

#[test]
fn markdown_markup_is_removed() {
    let lines = text_lines(&fixture("network.md"));
    assert_eq!(lines[0], "Amara Osei");
    assert!(
        lines[2].starts_with("Network Engineer · Manchester"),
        "no ** left"
    );
    assert!(lines.contains(&"Experience".to_string()), "no ## left");
    assert!(lines.contains(&"Automation | Python, Netmiko, Ansible (learning)".to_string()));
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("|---") || l.starts_with("- "))
    );
}

/// rich.md holds what Markdown resumes hold beyond `#` and `-`: front matter, setext headings,
/// inline HTML and an HTML block, nested lists, a table, links and images, a code span and a
/// fenced block. Each line of `text -n` is the line of the file with its markup removed.
#[test]
fn markdown_is_parsed_and_keeps_the_lines_of_the_file() {
    let file = fixture("rich.md");
    let lines = numbered(&file);
    let on_disk = std::fs::read_to_string(root().join(&file)).unwrap();
    assert_eq!(lines.len(), on_disk.lines().count());
    let line = |n: usize| lines[n - 1].1.as_str();
    let expected = [
        (1, ""),
        (4, "skills: ansible, prometheus"),
        (5, ""),
        (7, "Ines Marchetti"),
        (8, ""),
        (10, "Site Reliability Engineer · Lisbon, Portugal ·"),
        (11, "Notes: my lab notes, photo of a rack"),
        (14, "Linux, Ansible Prometheus"),
        (15, ""),
        (18, "Summary"),
        (
            21,
            "Site reliability engineer with eight years of running Linux services for an",
        ),
        (
            22,
            "online travel agency. I write runbooks, automate with ansible-playbook, and lead incident",
        ),
        (23, "reviews & postmortems."),
        (
            31,
            "Run 60 Debian servers behind HAProxy; monthly patching with Ansible.",
        ),
        (35, "Led the on-call rota of six."),
        (36, "Moved nightly backups to object storage."),
        (
            38,
            "Wrote the postmortem template the whole company now uses.",
        ),
        (40, ""),
        (42, "roles: [nginx, node_exporter]"),
        (43, ""),
        (47, "Area | Tools"),
        (48, ""),
        (50, "Automation | Ansible, Bash, Python"),
    ];
    for (n, text) in expected {
        assert_eq!(line(n), text, "line {n}");
    }

    // The URLs' skill words and the HTML comment's are not evidence; the headings are sections.
    let report = analyze_json(&file, &[]);
    for id in ["docker-kubernetes", "terraform"] {
        assert_eq!(status(&report, id), "missing", "{id}");
    }
    for (id, n, section) in [
        ("linux", 14, "header"),
        ("linux", 21, "summary"),
        ("linux", 31, "experience"),
        ("python-bash", 50, "skills"),
    ] {
        let found = evidence_on_line(&report, id, n).unwrap_or_else(|| panic!("{id} {n}"));
        assert_eq!(found["section"], section, "{id} on line {n}");
    }
}

#[test]
fn text_from_stdin() {
    let input = "Alex Example\nLinux administrator, Ansible and Bash\n";
    let out = run_with_stdin(&["text", "-n", "-"], input);
    let out = out.success();
    assert!(
        out.starts_with("1  Alex Example\n2  Linux administrator, Ansible and Bash\n"),
        "{out}"
    );
}

/// Found while writing these tests: a text file that ends with a newline (as every editor
/// saves it) gets an extra empty last line: `text` prints one line more than the file has, and
/// `document.lines` counts it (devops.txt has 43 lines, the report says 44).
#[test]
fn final_newline_adds_no_line() {
    let file = fixture("devops.txt");
    let on_disk = std::fs::read_to_string(root().join(&file)).unwrap();
    let expected = on_disk.lines().count();
    assert_eq!(text_lines(&file).len(), expected);
    let report = analyze_json(&file, &[]);
    assert_eq!(report["document"]["lines"], expected);
}
