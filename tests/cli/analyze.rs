//! `skillgap analyze` on every readable fixture: the verdicts, the evidence and the score that
//! the fixtures' README promises, read from `--format json`.

use serde_json::Value;

use crate::util::{
    EXAMPLE, GOOD_FIXTURES, SKILL_IDS, analyze_json, background_ids, evidence, evidence_on_line,
    f64_of, fixture, run, run_with_stdin, skill, status,
};

const SECTIONS: [&str; 9] = [
    "header",
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "certifications",
    "interests",
    "other",
];

/// What must hold for every report: the documented shape and the documented score formula.
#[track_caller]
fn check_report(report: &Value, file: &str) {
    let version = report["schema_version"]
        .as_str()
        .expect("schema_version is a string");
    let parts: Vec<&str> = version.split('.').collect();
    assert!(
        parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
        "schema_version is MAJOR.MINOR.PATCH: {version}"
    );
    assert_eq!(parts[0], "1", "schema major version");
    assert_eq!(report["file"], file);
    assert_eq!(report["role"]["id"], "infrastructure-engineer");

    let lines = report["document"]["lines"]
        .as_u64()
        .expect("document.lines");
    assert!(lines > 0);

    // Every skill of the role, in the profile's order.
    let skills = report["skills"].as_array().expect("skills");
    let ids: Vec<&str> = skills.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, SKILL_IDS, "all 15 skills of the role, in order");

    for s in skills {
        let id = s["id"].as_str().unwrap();
        let st = s["status"].as_str().unwrap();
        let ev = s["evidence"].as_array().unwrap();
        assert!(
            ["technical", "soft"].contains(&s["category"].as_str().unwrap()),
            "{id}: category"
        );
        assert!(f64_of(&s["weight"]) > 0.0, "{id}: weight");
        match st {
            "missing" => {
                assert!(ev.is_empty(), "{id}: missing but has evidence");
                assert!(s["reason"].is_null(), "{id}: missing with a reason");
            }
            "partial" => {
                assert!(!ev.is_empty(), "{id}: partial without evidence");
                assert!(
                    !s["reason"].as_str().unwrap_or("").is_empty(),
                    "{id}: partial without a reason"
                );
            }
            "aligned" => {
                assert!(
                    ev.iter().any(|e| e["kind"] != "related"),
                    "{id}: aligned on related evidence only"
                );
                assert!(s["reason"].is_null(), "{id}: aligned with a reason");
            }
            other => panic!("{id}: unknown status {other}"),
        }
        for e in ev {
            check_evidence(e, lines, id);
        }
    }

    // The score, recomputed from skills[] with the documented formula.
    let score = &report["score"];
    let credit = f64_of(&score["partial_credit"]);
    assert!((0.0..=1.0).contains(&credit));
    let recompute = |category: Option<&str>| {
        let (mut earned, mut possible) = (0.0, 0.0);
        for s in skills
            .iter()
            .filter(|s| category.is_none_or(|c| s["category"] == c))
        {
            let weight = f64_of(&s["weight"]);
            possible += weight;
            earned += weight
                * match s["status"].as_str().unwrap() {
                    "aligned" => 1.0,
                    "partial" => credit,
                    _ => 0.0,
                };
        }
        (earned, possible)
    };
    for (part, category) in [
        (score, None),
        (&score["technical"], Some("technical")),
        (&score["soft"], Some("soft")),
    ] {
        let (earned, possible) = recompute(category);
        let percent = f64_of(&part["percent"]);
        assert!((0.0..=100.0).contains(&percent), "{category:?}: {percent}");
        assert!(
            (f64_of(&part["earned"]) - earned).abs() < 1e-6,
            "{category:?} earned"
        );
        assert!(
            (f64_of(&part["possible"]) - possible).abs() < 1e-6,
            "{category:?} possible"
        );
        assert!(
            (percent - earned / possible * 100.0).abs() <= 0.05 + 1e-9,
            "{category:?}: percent {percent} is not {earned} / {possible} rounded to 0.1"
        );
    }

    // Focus areas: ranked by weight × gap (1 when missing, 1 − partial credit when partial), at
    // most 5 by default, with every missing or partial skill that ranks above the last one
    // listed. An aligned skill may be listed only with `"gap": "stale"` (used long ago).
    let focus = report["focus_areas"].as_array().expect("focus_areas");
    assert!(focus.len() <= 5, "at most --top 5 focus areas");
    let gap_of = |st: &str| if st == "missing" { 1.0 } else { 1.0 - credit };
    let mut last = f64::INFINITY;
    for (index, area) in focus.iter().enumerate() {
        assert_eq!(area["rank"], index + 1);
        let id = area["skill_id"].as_str().unwrap();
        let st = status(report, id);
        assert_eq!(area["status"], st, "{id}");
        assert_eq!(area["weight"], skill(report, id)["weight"], "{id}");
        let weight = f64_of(&area["weight"]);
        let priority = f64_of(&area["priority"]);
        if st == "aligned" {
            assert_eq!(
                area["gap"], "stale",
                "{id} is aligned but listed as a focus area"
            );
            assert!(priority > 0.0 && priority < weight, "{id} priority");
        } else {
            assert!(
                (priority - weight * gap_of(st)).abs() < 1e-6,
                "{id} priority is weight × gap"
            );
        }
        assert!(priority <= last, "focus areas are ranked by priority");
        last = priority;
        assert!(!area["next_step"].as_str().unwrap().is_empty());
    }
    let listed = |id: &str| focus.iter().any(|a| a["skill_id"] == id);
    for s in skills.iter().filter(|s| s["status"] != "aligned") {
        let id = s["id"].as_str().unwrap();
        let priority = f64_of(&s["weight"]) * gap_of(s["status"].as_str().unwrap());
        assert!(
            listed(id) || (focus.len() == 5 && priority <= last),
            "{id} ({priority}) should be a focus area"
        );
    }

    // Backgrounds: best first, with evidence, and a confirmed gap of skills not aligned.
    let mut last = f64::INFINITY;
    for b in report["backgrounds"].as_array().expect("backgrounds") {
        let confidence = f64_of(&b["confidence"]);
        assert!((0.0..=1.0).contains(&confidence) && confidence <= last);
        last = confidence;
        let ev = b["evidence"].as_array().unwrap();
        assert!(!ev.is_empty(), "a background with no evidence: {b}");
        for e in ev {
            check_evidence(e, lines, b["id"].as_str().unwrap());
        }
        for id in b["gap_confirmed"].as_array().unwrap() {
            assert_ne!(status(report, id.as_str().unwrap()), "aligned");
        }
    }
}

#[track_caller]
fn check_evidence(e: &Value, lines: u64, owner: &str) {
    let line = e["line"].as_u64().expect("evidence line");
    assert!(
        (1..=lines).contains(&line),
        "{owner}: line {line} of {lines}"
    );
    let text = e["text"].as_str().unwrap();
    let term = e["term"].as_str().unwrap();
    assert!(
        text.contains(term),
        "{owner}: term {term:?} not in line {line} {text:?}"
    );
    assert_eq!(text, text.trim(), "{owner}: evidence text is trimmed");
    assert!(
        e["terms"].as_array().unwrap().iter().any(|t| t == term),
        "{owner}: term is one of terms"
    );
    assert!(SECTIONS.contains(&e["section"].as_str().unwrap()));
    assert!(["direct", "part", "related"].contains(&e["kind"].as_str().unwrap()));
}

/// `analyze FILE --format json` for a fixture, with the checks every report must pass.
fn report(name: &str) -> Value {
    let file = fixture(name);
    let report = analyze_json(&file, &[]);
    check_report(&report, &file);
    report
}

#[test]
fn every_readable_fixture_is_analyzed_in_every_format() {
    for name in GOOD_FIXTURES {
        let file = fixture(name);
        for format in ["table", "json", "markdown"] {
            let out = run(&["analyze", &file, "--format", format]);
            assert!(
                !out.success().trim().is_empty(),
                "{name} --format {format}: empty report"
            );
        }
        check_report(&analyze_json(&file, &[]), &file);
    }
}

#[test]
fn example_resume_matches_its_description() {
    let report = analyze_json(EXAMPLE, &[]);
    check_report(&report, EXAMPLE);
    assert_eq!(report["document"]["format"], "markdown");
    for id in [
        "linux",
        "systems-administration",
        "virtualization",
        "python-bash",
        "monitoring",
        "network-architecture",
        "reliability-focus",
    ] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
    assert_eq!(status(&report, "terraform"), "partial");
    assert!(
        skill(&report, "terraform")["reason"]
            .as_str()
            .unwrap()
            .contains("not Terraform")
    );
    assert_eq!(status(&report, "docker-kubernetes"), "missing");
    assert_eq!(background_ids(&report)[0], "systems-administrator");
}

#[test]
fn devops_text_resume() {
    let report = report("devops.txt");
    assert_eq!(report["document"]["format"], "text");
    assert!(report["document"]["pages"].is_null());
    for id in [
        "terraform",
        "cloud-platforms",
        "docker-kubernetes",
        "python-bash",
        "monitoring",
    ] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
    // A wrapped bullet: "… entirely in" / "Terraform, split into modules …" is line 15.
    let terraform = evidence_on_line(&report, "terraform", 15).expect("Terraform on line 15");
    assert_eq!(terraform["term"], "Terraform");
    assert_eq!(terraform["section"], "experience");
    assert_eq!(background_ids(&report)[0], "devops-engineer");
}

#[test]
fn file_without_extension_is_read_as_text() {
    let noext = report("noext");
    assert_eq!(noext["document"]["format"], "text");
    // Same bytes as devops.txt: the same verdicts and evidence.
    let devops = analyze_json(&fixture("devops.txt"), &[]);
    assert_eq!(noext["skills"], devops["skills"]);
    assert_eq!(noext["score"], devops["score"]);
}

#[test]
fn markdown_resume_with_a_skills_table() {
    let report = report("network.md");
    assert_eq!(report["document"]["format"], "markdown");
    assert!(report["document"]["pages"].is_null());
    // "A network engineer with no Linux, containers or Terraform."
    for id in ["linux", "docker-kubernetes", "terraform"] {
        assert_eq!(status(&report, id), "missing", "{id}");
    }
    assert_eq!(status(&report, "network-architecture"), "aligned");
    // Each table row is one `Area | Tools` line.
    let row = evidence(&report, "network-architecture")
        .iter()
        .find(|e| e["text"] == "Routing and switching | Cisco IOS, Juniper Junos, BGP, OSPF, VLANs")
        .expect("the table row is evidence, as one line");
    assert_eq!(row["section"], "skills");
    // "Ansible (learning)" is a wish: Ansible is not evidence of anything.
    for s in report["skills"].as_array().unwrap() {
        for e in s["evidence"].as_array().unwrap() {
            assert!(
                !e["terms"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t == "Ansible"),
                "Ansible (learning) taken as evidence: {e}"
            );
        }
    }
    assert_eq!(background_ids(&report)[0], "network-engineer");
}

#[test]
fn docx_header_table_and_split_runs_are_read() {
    let report = report("sysadmin.docx");
    assert_eq!(report["document"]["format"], "docx");
    assert!(report["document"]["pages"].is_null());

    // The page header (word/header1.xml) comes first: its title line is evidence.
    let header = evidence_on_line(&report, "systems-administration", 2)
        .expect("the header's title line is evidence");
    assert_eq!(header["term"], "Systems Administrator");
    assert_eq!(header["section"], "header");
    assert_eq!(status(&report, "systems-administration"), "aligned");

    // "Prome" + "theus" in two runs is one word.
    let prometheus =
        evidence_on_line(&report, "monitoring", 9).expect("Prometheus line is evidence");
    assert_eq!(prometheus["term"], "Prometheus");
    assert_eq!(status(&report, "monitoring"), "aligned");

    // A table row is one `Area | Tools` line in the skills section.
    let row = evidence_on_line(&report, "virtualization", 21).expect("the table row");
    assert_eq!(row["text"], "Virtualisation | Hyper-V, VMware ESXi");
    assert_eq!(row["section"], "skills");
    assert!(
        row["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "Hyper-V")
    );
    assert_eq!(status(&report, "virtualization"), "aligned");

    // PowerShell and Bash but no Python: one part of a two-part skill.
    assert_eq!(status(&report, "python-bash"), "partial");
    assert!(
        evidence(&report, "python-bash")
            .iter()
            .all(|e| e["kind"] == "part")
    );
    assert!(
        skill(&report, "python-bash")["reason"]
            .as_str()
            .unwrap()
            .contains("not Python")
    );
    assert_eq!(background_ids(&report)[0], "systems-administrator");
}

#[test]
fn one_page_pdf_is_read() {
    let report = report("backend.pdf");
    assert_eq!(report["document"]["format"], "pdf");
    assert_eq!(report["document"]["pages"], 1);
    for id in [
        "python-bash",
        "docker-kubernetes",
        "cloud-platforms",
        "linux",
    ] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
    assert_eq!(status(&report, "terraform"), "missing");
    let ecs = evidence(&report, "cloud-platforms")
        .iter()
        .find(|e| e["text"] == "Delivery: Docker, GitHub Actions, AWS ECS (Fargate)")
        .expect("the skills line with escaped parentheses is evidence");
    assert_eq!(ecs["section"], "skills");
    assert_eq!(background_ids(&report)[0], "backend-engineer");
}

#[test]
fn pdf_named_txt_is_read_as_pdf() {
    let report = report("pdf-named.txt");
    assert_eq!(report["document"]["format"], "pdf");
    assert_eq!(report["document"]["pages"], 1);
    let pdf = analyze_json(&fixture("backend.pdf"), &[]);
    assert_eq!(report["skills"], pdf["skills"]);
    assert_eq!(report["document"], pdf["document"]);
}

#[test]
fn two_page_pdf_is_read_to_the_end() {
    let report = report("two-page.pdf");
    assert_eq!(report["document"]["format"], "pdf");
    assert_eq!(report["document"]["pages"], 2);
    // Page 2 holds the end of Certifications: the Azure certification is evidence.
    let azure = evidence(&report, "cloud-platforms")
        .iter()
        .find(|e| e["text"] == "Microsoft Certified: Azure Administrator Associate (2023)")
        .expect("a certification from page 2 is evidence");
    assert_eq!(azure["section"], "certifications");
    // Only CloudFormation/ARM templates, and a Terraform course: partial, not aligned.
    assert_eq!(status(&report, "terraform"), "partial");
    // "Currently studying for the CKA exam" is a wish, not Kubernetes evidence.
    let lines = crate::util::text_lines(&fixture("two-page.pdf"));
    let studying = lines
        .iter()
        .position(|l| l.starts_with("Currently studying for the Certified Kubernetes"))
        .expect("the Training line is in the text")
        + 1;
    assert!(evidence_on_line(&report, "docker-kubernetes", studying as u64).is_none());
    assert_eq!(background_ids(&report)[0], "cloud-support-engineer");
}

#[test]
fn windows_1252_resume() {
    let report = report("latin1.txt");
    assert_eq!(report["document"]["format"], "text");
    let title = evidence_on_line(&report, "linux", 2).expect("the title line");
    assert_eq!(
        title["text"],
        "Linux Administrator – Zürich, Switzerland – jose.mueller@example.com"
    );
    assert_eq!(status(&report, "linux"), "aligned");
    assert_eq!(background_ids(&report)[0], "systems-administrator");
}

#[test]
fn utf16_resume() {
    let report = report("utf16.txt");
    assert_eq!(report["document"]["format"], "text");
    let terraform = evidence_on_line(&report, "terraform", 6).expect("Terraform on line 6");
    assert_eq!(
        terraform["text"],
        "- Build Azure landing zones with Terraform and Azure DevOps pipelines."
    );
    for id in ["terraform", "cloud-platforms", "docker-kubernetes", "linux"] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
}

#[test]
fn crlf_resume() {
    let report = report("crlf.txt");
    assert_eq!(report["document"]["format"], "text");
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        !json.contains("\\r"),
        "a carriage return left in the report"
    );
    let hyperv = evidence_on_line(&report, "virtualization", 7).expect("Hyper-V on line 7");
    assert_eq!(
        hyperv["text"],
        "- Look after 20 Windows Server VMs on Hyper-V and their nightly Veeam backups."
    );
    assert_eq!(background_ids(&report)[0], "it-operations");
}

#[test]
fn resume_on_stdin() {
    let input = "Alex Example\nInfrastructure Engineer\n\nSKILLS\nTerraform, AWS, Docker, Kubernetes, Ubuntu Linux\n";
    let out = run_with_stdin(&["analyze", "-", "--format", "json"], input);
    let report: Value = serde_json::from_str(out.success()).expect("JSON");
    check_report(&report, "-");
    assert_eq!(report["document"]["format"], "text");
    let terraform = evidence_on_line(&report, "terraform", 5).expect("line 5");
    assert_eq!(terraform["section"], "skills");
    for id in ["terraform", "cloud-platforms", "docker-kubernetes", "linux"] {
        assert_eq!(status(&report, id), "aligned", "{id}");
    }
    assert_eq!(status(&report, "monitoring"), "missing");

    // The table names standard input as `-` too.
    let table = run_with_stdin(&["analyze", "-"], input);
    assert!(table.success().contains("Coverage score:"));
}

#[test]
fn top_limits_the_focus_areas() {
    let report = analyze_json(EXAMPLE, &["--top", "2"]);
    assert_eq!(report["focus_areas"].as_array().unwrap().len(), 2);
    let table = run(&["analyze", EXAMPLE, "--top", "1"]);
    let table = table.success();
    assert!(table.contains("\n  1. "));
    assert!(!table.contains("\n  2. "));
}

#[test]
fn json_is_the_same_bytes_every_run_and_has_no_absolute_paths() {
    let first = run(&["analyze", EXAMPLE, "--format", "json"]);
    let second = run(&["analyze", EXAMPLE, "--format", "json"]);
    assert_eq!(first.success(), second.success());
    let root = crate::util::root().to_str().unwrap();
    assert!(!first.stdout.contains(root), "absolute path in the JSON");
}

/// Found while writing these tests: in DOCX and Markdown resumes each job title is a heading
/// (`## Systems Administrator, …`, `### NOC Engineer — …`), and a heading that names no known
/// section switches the section to `other`. The bullets of those jobs are then reported as
/// `"section": "other"` instead of `"experience"`, and background confidence weighs them as
/// "other" (0.4) instead of as a job held.
#[test]
fn lines_under_job_title_subheadings_stay_in_experience() {
    let docx = analyze_json(&fixture("sysadmin.docx"), &[]);
    // Line 9: "Introduced Prometheus and Grafana …", under Experience.
    let prometheus = evidence_on_line(&docx, "monitoring", 9).expect("line 9");
    assert_eq!(prometheus["section"], "experience");

    let markdown = analyze_json(&fixture("network.md"), &[]);
    // Line 26: "Configured Cisco Catalyst switches …", under Experience / NOC Engineer.
    let cisco = evidence_on_line(&markdown, "network-architecture", 26).expect("line 26");
    assert_eq!(cisco["section"], "experience");
}
