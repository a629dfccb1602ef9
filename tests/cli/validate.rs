//! `skillgap validate`, `schema role` and `role show`: every broken profile of
//! tests/fixtures/profiles/ gets its exact `file:line:column: severity: message [code]` lines, a
//! summary and the documented exit code; the built-in profiles validate clean.

use std::path::Path;

use serde_json::Value;

use crate::util::{Run, assert_no_crash, collect, root, run, skillgap};

const DIR: &str = "tests/fixtures/profiles";

/// Each fixture with what `skillgap validate FIXTURE` must print before the summary, without the
/// leading `tests/fixtures/profiles/NAME.yaml:`.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "yaml-syntax",
        &["2:8: error: invalid YAML: unclosed quote [yaml-syntax]"],
    ),
    (
        "tab-indent",
        &[
            "6:1: error: a tab in the indentation; YAML indents with spaces only, so replace it with spaces [tab-indent]",
        ],
    ),
    (
        "multiple-documents",
        &[
            "11:1: error: a second YAML document starts here; a profile is one document, so remove this `---` and what follows, or move it to its own file [multiple-documents]",
        ],
    ),
    (
        "not-utf8",
        &["2:11: error: this byte is not UTF-8 text; save the file as UTF-8 [not-utf8]"],
    ),
    (
        "empty-file",
        &[
            "1:1: error: the file is empty; a profile needs at least `id:`, `title:` and `skills:` (see `skillgap role show infrastructure-engineer`) [empty-value]",
        ],
    ),
    (
        "not-a-mapping",
        &[
            "1:1: error: a profile is a mapping of fields (`id: …`, `title: …`, `skills: …`), not a list [wrong-type]",
        ],
    ),
    (
        "duplicate-key",
        &[
            "9:5: error: `terms` in skill 'terraform' is set twice (first on line 8); keep one, or merge the two [duplicate-key]",
        ],
    ),
    (
        "unknown-field",
        &[
            "9:5: error: unknown field `colour` in skill 'terraform'; the fields are: id, name, category, weight, terms, ambiguous_terms, context_terms, parts, partial, next_step [unknown-field]",
        ],
    ),
    (
        "unknown-field-typo",
        &[
            "9:5: error: unknown field `ambigous_terms` in skill 'terraform'; did you mean `ambiguous_terms`? [unknown-field]",
        ],
    ),
    (
        "unknown-top-field",
        &[
            "3:1: error: unknown field `skill` in the profile; did you mean `skills`? [unknown-field]",
        ],
    ),
    (
        "missing-field",
        &[
            "4:5: error: skill 'terraform' has no `next_step`; add it: one concrete step to learn the skill [missing-field]",
        ],
    ),
    (
        "missing-skills",
        &[
            "1:1: error: the profile has no `skills`; add it: the list of the role's skills [missing-field]",
        ],
    ),
    (
        "wrong-type-number",
        &[
            "7:13: error: `weight` in skill 'terraform' must be a number, not text ('heavy') [wrong-type]",
        ],
    ),
    (
        "wrong-type-list",
        &[
            "8:12: error: `terms` in skill 'terraform' must be a list, not text ('terraform, opentofu'); write one `- item` per line, or `[a, b]` [wrong-type]",
        ],
    ),
    (
        "wrong-type-item",
        &[
            "10:9: error: items of `terms` in skill 'terraform' must be text, not a mapping (key: value lines); quote an item that holds `: ` or starts with `[` [wrong-type]",
        ],
    ),
    (
        "empty-value",
        &[
            "5:5: error: `name` in skill 'terraform' is empty; write the name shown in reports [empty-value]",
        ],
    ),
    (
        "invalid-choice",
        &[
            "6:15: error: `category` in skill 'terraform' is 'technicall'; use technical or soft (did you mean technical?) [invalid-choice]",
        ],
    ),
    (
        "id-format",
        &[
            "4:9: error: skill id 'Infra_As_Code' must be kebab-case (lowercase letters, digits and single hyphens, such as 'infra-as-code') [id-format]",
        ],
    ),
    (
        "duplicate-id",
        &[
            "10:9: error: skill id 'terraform' is used twice (first on line 4); give each skill its own id [duplicate-id]",
        ],
    ),
    (
        "duplicate-background-id",
        &[
            "16:9: error: background id 'sysadmin' is used twice (first on line 11); give each background its own id [duplicate-id]",
        ],
    ),
    (
        "id-mismatch",
        &[
            "1:5: error: role id 'platform-engineer' differs from the file name 'id-mismatch'; rename the file to platform-engineer.yaml, or set `id: id-mismatch` [id-mismatch]",
        ],
    ),
    (
        "unknown-skill",
        &[
            "11:18: error: partial group 1 of skill 'virtualization' names skill 'docker-kubernetes', which is not a skill of this profile [unknown-skill]",
        ],
    ),
    (
        "unknown-gap-skill",
        &[
            "16:29: error: `gap_skills` in background 'sysadmin' names 'terraforms', which is not a skill of this profile; did you mean 'terraform'? [unknown-skill]",
        ],
    ),
    (
        "self-reference",
        &[
            "11:18: error: skill 'terraform' cannot show itself in part; remove it from `skills` [self-reference]",
        ],
    ),
    (
        "weight-range",
        &[
            "7:13: error: `weight` in skill 'terraform' is 0; it must be above 0 and at most 10 [out-of-range]",
        ],
    ),
    (
        "partial-credit-range",
        &[
            "4:19: error: `partial_credit` in `scoring` is 1.5; it must lie between 0 and 1 (0.5 gives a partial skill half the credit of an aligned one) [out-of-range]",
        ],
    ),
    (
        "empty-terms",
        &[
            "8:5: error: `terms` in skill 'terraform' is empty; list at least one term, or remove the line [empty-terms]",
        ],
    ),
    (
        "no-evidence",
        &[
            "4:5: error: skill 'terraform' has no terms and no parts, so it can never be found; add `terms` [no-evidence]",
        ],
    ),
    (
        "partial-without-evidence",
        &[
            "10:9: error: partial group 1 of skill 'terraform' has neither terms nor skills, so it can never apply; add `terms` [no-evidence]",
        ],
    ),
    (
        "terms-and-parts",
        &[
            "9:5: error: skill 'python-bash' has both terms and parts; it is shown by any of its terms, or by all of its parts, so keep one of the two [terms-and-parts]",
        ],
    ),
    (
        "duplicate-term",
        &[
            "11:25: error: term 'OpenTofu' is the same as 'opentofu' (line 8) once case, accents and hyphens are normalized, so skill 'terraform' lists it twice; keep one [duplicate-term]",
        ],
    ),
    (
        "duplicate-term-normalized",
        &[
            "11:9: error: term 'On-Call' is the same as 'on call' (line 9) once case, accents and hyphens are normalized, so skill 'reliability' lists it twice; keep one [duplicate-term]",
        ],
    ),
    (
        "unmatchable-term",
        &[
            "8:24: error: term '--' has no letters or digits, so it can never match; remove it [unmatchable-term]",
        ],
    ),
    (
        "common-word",
        &[
            "8:25: warning: term 'helm' is also an everyday English word, so it also matches resumes that mean the word; move it to `ambiguous_terms` so that it counts only with technical context nearby [common-word]",
        ],
    ),
    (
        "short-term",
        &[
            "8:21: warning: term 'go' is only 2 letters, so it also matches initials and other words; move it to `ambiguous_terms` so that it counts only with technical context nearby [common-word]",
        ],
    ),
    (
        "ambiguity-mismatch",
        &[
            "15:13: warning: term 'PCI' needs technical context in skill 'security' (line 9) but not in skill 'compliance', so here it counts without context; list it under `ambiguous_terms` here too [ambiguity-mismatch]",
        ],
    ),
    (
        "several-problems",
        &[
            "4:19: error: `partial_credit` in `scoring` is 2; it must lie between 0 and 1 (0.5 gives a partial skill half the credit of an aligned one) [out-of-range]",
            "9:13: error: `weight` in skill 'cloud' is 11; it must be above 0 and at most 10 [out-of-range]",
            "10:23: error: term 'AWS' is the same as 'aws' (line 10) once case, accents and hyphens are normalized, so skill 'cloud' lists it twice; keep one [duplicate-term]",
            "12:9: error: skill id 'Cloud' must be kebab-case (lowercase letters, digits and single hyphens, such as 'cloud') [id-format]",
            "14:15: error: `category` in skill 'Cloud' is 'technicall'; use technical or soft (did you mean technical?) [invalid-choice]",
            "17:5: error: unknown field `next-step` in skill 'Cloud'; did you mean `next_step`? [unknown-field]",
            "18:9: error: skill id 'cloud' is used twice (first on line 6); give each skill its own id [duplicate-id]",
            "22:12: error: `terms` in skill 'cloud' must be a list, not text ('terraform'); write one `- item` per line, or `[a, b]` [wrong-type]",
            "25:18: error: partial group 1 of skill 'cloud' names skill 'clod', which is not a skill of this profile; did you mean 'cloud'? [unknown-skill]",
            "26:25: warning: term 'go' is only 2 letters, so it also matches initials and other words; move it to `ambiguous_terms` so that it counts only with technical context nearby [common-word]",
            "29:5: error: background 'sysadmin' has no `gap`; add it: where their gap usually lies [missing-field]",
            "31:5: error: `terms` in background 'sysadmin' is empty; list at least one term, or remove the line [empty-terms]",
            "33:25: error: `gap_skills` in background 'sysadmin' names 'kubernetes', which is not a skill of this profile [unknown-skill]",
        ],
    ),
    (
        "several-structure",
        &[
            "2:1: error: `title` is empty; write the role's name as people say it [empty-value]",
            "3:10: error: `summary` must be text, not a list [wrong-type]",
            "5:18: error: `context_terms` in `language` must be a list, not text ('server'); write one `- item` per line, or `[a, b]` [wrong-type]",
            "7:3: error: `negation_cues` in `language` is set twice (first on line 6); keep one, or merge the two [duplicate-key]",
            "12:13: error: `weight` in skill 'linux' must be a number, not text ('5'); remove the quotes [wrong-type]",
            "13:20: error: an item of `terms` in skill 'linux' is empty; write a term there, or remove the item [empty-value]",
            "15:5: error: skill 2 must be a mapping of fields (`id: …`), not text ('just text') [wrong-type]",
            "22:7: error: `next_step` in skill 'monitoring' must be text, not a list [wrong-type]",
        ],
    ),
];

fn path_of(name: &str) -> String {
    format!("{DIR}/{name}.yaml")
}

/// `N files checked: E errors, W warnings`, as the summary line counts them.
fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, noun: &str| {
        if n == 1 {
            format!("1 {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    format!(
        "{} checked: {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Asserts what `validate` did: the exit code, silence on stderr, and returns stdout's lines.
#[track_caller]
fn validated(out: &Run, code: i32) -> Vec<&str> {
    assert_eq!(out.code, Some(code), "{out:#?}");
    assert!(out.stderr.is_empty(), "{out:#?}");
    out.stdout.lines().collect()
}

#[test]
fn each_broken_profile_gets_its_exact_diagnostics_and_exit_code() {
    for (name, lines) in EXPECTED {
        let path = path_of(name);
        let out = run(&["validate", &path]);
        let errors = lines.iter().filter(|l| l.contains(": error: ")).count();
        let warnings = lines.len() - errors;
        let mut expected: Vec<String> = lines.iter().map(|l| format!("{path}:{l}")).collect();
        expected.push(summary(1, errors, warnings));
        let code = if errors > 0 { 1 } else { 0 };
        assert_eq!(validated(&out, code), expected, "{name}");
    }
}

#[test]
fn there_are_enough_broken_profiles_and_each_is_tested() {
    let mut names: Vec<String> = std::fs::read_dir(root().join(DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut tested: Vec<String> = EXPECTED.iter().map(|(n, _)| n.to_string()).collect();
    tested.sort();
    assert_eq!(names, tested, "every fixture has its expected output");
    let single = EXPECTED
        .iter()
        .filter(|(_, lines)| lines.len() == 1)
        .count();
    let several = EXPECTED.iter().filter(|(_, lines)| lines.len() > 3).count();
    assert!(single >= 25, "{single} profiles with one problem");
    assert!(several >= 2, "{several} profiles with several problems");
}

#[test]
fn one_run_reports_every_file_sorted_with_one_summary() {
    let names = ["yaml-syntax", "duplicate-id", "common-word"];
    let paths: Vec<String> = names.iter().map(|n| path_of(n)).collect();
    let mut args = vec!["validate"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    let lines = validated(&out, 1);
    let files: Vec<&str> = lines[..3]
        .iter()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted: Vec<&str> = paths.iter().map(String::as_str).collect();
    sorted.sort();
    assert_eq!(files, sorted, "sorted by file");
    assert_eq!(lines[3], summary(3, 2, 1));
}

#[test]
fn github_format_prints_annotations() {
    let path = path_of("several-problems");
    let out = run(&["validate", "--format", "github", &path]);
    let lines = validated(&out, 1);
    assert_eq!(
        lines[0],
        format!(
            "::error file={path},line=4,col=19,title=out-of-range::`partial_credit` in `scoring` is 2; it must lie between 0 and 1 (0.5 gives a partial skill half the credit of an aligned one)"
        )
    );
    assert_eq!(
        lines[9],
        format!(
            "::warning file={path},line=26,col=25,title=common-word::term 'go' is only 2 letters, so it also matches initials and other words; move it to `ambiguous_terms` so that it counts only with technical context nearby"
        )
    );
    assert_eq!(lines.len(), 14);
    assert_eq!(lines[13], summary(1, 12, 1));
}

#[test]
fn json_format_is_one_document_with_every_diagnostic() {
    let path = path_of("several-problems");
    let out = run(&["validate", "-f", "json", &path, &path_of("short-term")]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    let report: Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["files_checked"], 2);
    assert_eq!(report["errors"], 12);
    assert_eq!(report["warnings"], 2);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 14);
    assert_eq!(
        diagnostics[1],
        serde_json::json!({
            "file": path,
            "line": 9,
            "column": 13,
            "severity": "error",
            "code": "out-of-range",
            "message": "`weight` in skill 'cloud' is 11; it must be above 0 and at most 10",
        })
    );
    assert_eq!(diagnostics[13]["file"], path_of("short-term"));
    assert_eq!(diagnostics[13]["severity"], "warning");
}

#[test]
fn the_built_in_profiles_have_no_errors() {
    let out = run(&["validate", "roles/"]);
    let lines = validated(&out, 0);
    let files = std::fs::read_dir(root().join("roles"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml")
        })
        .count();
    let warnings = lines.len() - 1;
    assert_eq!(lines.last().unwrap(), &summary(files, 0, warnings));
    assert!(lines.iter().all(|l| !l.contains(": error: ")), "{lines:#?}");
    for line in &lines[..lines.len() - 1] {
        assert!(line.starts_with("roles/"), "{line}");
        assert!(
            line.ends_with("[common-word]"),
            "only known warnings: {line}"
        );
    }
}

#[test]
fn the_built_in_profile_shown_is_the_file_and_validates() {
    let shown = run(&["role", "show", "infrastructure-engineer"]);
    let yaml = std::fs::read_to_string(root().join("roles/infrastructure-engineer.yaml")).unwrap();
    assert_eq!(shown.success(), yaml);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("infrastructure-engineer.yaml");
    std::fs::write(&copy, shown.stdout.as_bytes()).unwrap();
    let out = run(&["validate", copy.to_str().unwrap()]);
    validated(&out, 0);
}

#[test]
fn role_show_of_an_unknown_role_lists_the_built_ins() {
    let out = run(&["role", "show", "astronaut"]);
    let message = out.failure(6, "astronaut");
    assert!(message.contains("infrastructure-engineer"), "{message}");
}

#[test]
fn the_example_in_the_docs_validates_clean() {
    let docs = std::fs::read_to_string(root().join("docs/role-profile.md")).unwrap();
    let example = docs
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a YAML example in docs/role-profile.md");
    let id = example
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("the example has an id");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{id}.yaml"));
    std::fs::write(&path, example).unwrap();
    let out = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(validated(&out, 0), [summary(1, 0, 0)]);
    // And it is usable as a role.
    let analyzed = run(&[
        "analyze",
        "examples/resume.md",
        "--role",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    analyzed.success();
}

#[test]
fn folders_are_searched_for_yaml_files_below_them() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let target = dir.path().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(root().join(path_of(from)), target).unwrap();
    };
    copy("weight-range", "profiles/weight-range.yaml");
    copy("duplicate-id", "profiles/team/a/duplicate-id.yml");
    copy("short-term", "profiles/team/short-term.yaml");
    copy("yaml-syntax", "profiles/.drafts/yaml-syntax.yaml"); // hidden: skipped
    copy("yaml-syntax", "profiles/team/notes.txt"); // not YAML: skipped
    let output = skillgap()
        .current_dir(dir.path())
        .args(["validate", "profiles"])
        .output()
        .unwrap();
    let out = collect(output);
    let lines = validated(&out, 1);
    assert_eq!(
        lines,
        [
            "profiles/team/a/duplicate-id.yml:10:9: error: skill id 'terraform' is used twice (first on line 4); give each skill its own id [duplicate-id]".to_string(),
            "profiles/team/short-term.yaml:8:21: warning: term 'go' is only 2 letters, so it also matches initials and other words; move it to `ambiguous_terms` so that it counts only with technical context nearby [common-word]".to_string(),
            "profiles/weight-range.yaml:7:13: error: `weight` in skill 'terraform' is 0; it must be above 0 and at most 10 [out-of-range]".to_string(),
            summary(3, 2, 1),
        ]
    );
}

#[test]
fn a_path_that_cannot_be_read_is_exit_3_and_prints_nothing() {
    let out = run(&["validate", "roles/", "no-such-dir/"]);
    let message = out.failure(3, "no-such-dir");
    assert!(message.starts_with("cannot read no-such-dir/"), "{message}");
    let empty = tempfile::tempdir().unwrap();
    let out = run(&["validate", empty.path().to_str().unwrap()]);
    let message = out.failure(3, empty.path().to_str().unwrap());
    assert!(message.contains("no .yaml or .yml files"), "{message}");
}

#[test]
fn validate_needs_a_path() {
    let out = run(&["validate"]);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(out.stdout.is_empty());
}

/// Writes `text` as `NAME.yaml` in a new folder and validates it; returns the run and the path.
fn validate_text(name: &str, text: &[u8]) -> (Run, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.yaml"));
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap().to_string();
    (run(&["validate", &path]), path, dir)
}

#[test]
fn a_100_000_deep_list_is_refused() {
    let deep = format!(
        "id: deep\nskills: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (out, path, _dir) = validate_text("deep", deep.as_bytes());
    let lines = validated(&out, 1);
    assert_eq!(
        lines[0],
        format!(
            "{path}:2:41: error: nested more than 32 levels deep; a profile needs six levels at most [too-complex]"
        )
    );
    // Nested by indentation instead of brackets: 1,000 levels, well within the size limit.
    let block: String = (0..1_000)
        .map(|depth| format!("{}- x:\n", "  ".repeat(depth)))
        .collect();
    let (out, path, _dir) =
        validate_text("block", format!("id: block\nskills:\n{block}").as_bytes());
    assert_no_crash(&out.stderr);
    let lines = validated(&out, 1);
    assert!(lines[0].starts_with(&format!("{path}:")), "{lines:#?}");
    assert!(lines[0].ends_with("[too-complex]"), "{lines:#?}");
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "id: bomb\ntitle: Bomb\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    let (out, path, _dir) = validate_text("bomb", bomb.as_bytes());
    let lines = validated(&out, 1);
    assert!(lines[0].starts_with(&format!("{path}:")), "{lines:#?}");
    assert!(lines[0].ends_with("[too-complex]"), "{lines:#?}");
    assert_eq!(lines.len(), 2, "one problem, then the summary: {lines:#?}");
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let path = path.to_str().unwrap();
    let out = run(&["validate", path]);
    assert_eq!(
        validated(&out, 1)[0],
        format!(
            "{path}:1:1: error: the file is 52428800 bytes, over the 2097152-byte limit for a role profile (a profile is tens of kilobytes) [too-large]"
        )
    );
    let refused = run(&["analyze", "examples/resume.md", "--role", path]);
    let message = refused.failure(6, path);
    assert!(message.contains("over the 2097152-byte limit"), "{message}");
}

#[test]
fn role_refuses_a_broken_profile_with_its_first_error() {
    let path = path_of("several-problems");
    let out = run(&["analyze", "examples/resume.md", "--role", &path]);
    let message = out.failure(6, &path);
    assert_eq!(
        message,
        format!(
            "{path}:4:19: `partial_credit` in `scoring` is 2; it must lie between 0 and 1 (0.5 gives a partial skill half the credit of an aligned one); `skillgap validate {path}` lists every problem"
        )
    );
}

#[test]
fn role_accepts_a_profile_with_only_warnings() {
    let out = run(&[
        "analyze",
        "examples/resume.md",
        "--role",
        &path_of("short-term"),
        "--format",
        "json",
    ]);
    out.success();
}

#[test]
fn schema_role_is_a_json_schema_of_every_field() {
    let out = run(&["schema", "role"]);
    let schema: Value = serde_json::from_str(out.success()).expect("valid JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let properties = schema["properties"].as_object().unwrap();
    let mut names: Vec<&str> = properties.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "backgrounds",
            "id",
            "language",
            "scoring",
            "skills",
            "summary",
            "title"
        ]
    );
    assert_eq!(
        schema["required"],
        serde_json::json!(["id", "title", "skills"])
    );
    assert_eq!(schema["additionalProperties"], false);
    let skill = &schema["$defs"]["Skill"];
    assert_eq!(skill["properties"]["category"]["$ref"], "#/$defs/Category");
    assert_eq!(
        schema["$defs"]["Category"]["enum"],
        serde_json::json!(["technical", "soft"])
    );
    assert!(Path::new(&root().join("docs/role-profile.md")).exists());
}

#[test]
fn new_commands_have_help_with_an_example() {
    for args in [
        &["validate", "--help"][..],
        &["schema", "--help"],
        &["role", "--help"],
        &["role", "show", "--help"],
    ] {
        let out = run(args);
        let text = out.success();
        assert!(text.contains("Example"), "{args:?}:\n{text}");
    }
    let text = run(&["validate", "--help"]).stdout;
    for format in ["- text:", "- github:", "- json:", "[default: text]"] {
        assert!(text.contains(format), "{format} is documented:\n{text}");
    }
}
