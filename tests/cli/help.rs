//! `--help`, `--version` and `roles`: exit 0, examples in every help, and snapshots of the help.

use crate::util::{run, run_with_stdin};

/// `skillgap [SUBCOMMAND] --help`, checked: exit 0, nothing on stderr, an example to copy.
#[track_caller]
fn help(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--help");
    let out = run(&all);
    let text = out.success().to_string();
    assert!(text.contains("Usage: skillgap"), "{text}");
    assert!(text.contains("Example"), "no example in {all:?}:\n{text}");
    text
}

#[test]
fn help_of_the_binary() {
    let text = help(&[]);
    for command in ["analyze", "roles", "text"] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} is listed:\n{text}"
        );
    }
    insta::assert_snapshot!("help", text);
}

#[test]
fn help_of_analyze() {
    let text = help(&["analyze"]);
    for option in ["--role", "--format", "--top", "--explain", "--max-bytes"] {
        assert!(text.contains(option), "{option} is documented");
    }
    for value in ["- table:", "- json:", "- markdown:"] {
        assert!(text.contains(value), "--format {value} is documented");
    }
    assert!(text.contains("[default: infrastructure-engineer]"));
    insta::assert_snapshot!("help_analyze", text);
}

#[test]
fn help_of_roles() {
    insta::assert_snapshot!("help_roles", help(&["roles"]));
}

#[test]
fn help_of_text() {
    let text = help(&["text"]);
    assert!(text.contains("--line-numbers"));
    insta::assert_snapshot!("help_text", text);
}

/// The subcommands the binary's help lists (without `help` itself).
fn subcommands() -> Vec<String> {
    let text = help(&[]);
    text.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let commands = subcommands();
    for expected in ["analyze", "roles", "text"] {
        assert!(commands.iter().any(|c| c == expected), "{commands:?}");
    }
    for command in &commands {
        let text = help(&[command]);
        assert!(
            text.contains(&format!("Usage: skillgap {command}")),
            "{command}:\n{text}"
        );
    }
}

#[test]
fn help_subcommand_is_the_same_as_the_flag() {
    for command in subcommands() {
        let out = run(&["help", &command]);
        assert_eq!(out.success(), help(&[&command]), "{command}");
    }
}

#[test]
fn short_h_is_help_too() {
    let out = run(&["analyze", "-h"]);
    assert!(out.success().contains("Usage: skillgap analyze"));
}

#[test]
fn version() {
    let expected = format!("skillgap {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(run(&["--version"]).success(), expected);
    assert_eq!(run(&["-V"]).success(), expected);
}

#[test]
fn roles_lists_the_built_in_role() {
    let out = run(&["roles"]);
    let out = out.success();
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ID", "SKILLS", "TITLE"]);
    let row = lines
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .find(|r| r[0] == "infrastructure-engineer")
        .expect("infrastructure-engineer is listed");
    assert_eq!(row[1], "15", "with its 15 skills");
    assert_eq!(row[2..].join(" "), "Infrastructure Engineer");
}

#[test]
fn roles_ignores_stdin_and_needs_no_arguments() {
    let out = run_with_stdin(&["roles"], "anything");
    assert!(out.success().contains("infrastructure-engineer"));
    let extra = run(&["roles", "extra"]);
    assert_eq!(extra.code, Some(2), "{extra:#?}");
    assert!(extra.stdout.is_empty());
}
