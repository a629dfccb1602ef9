//! `--role`: a built-in id, or the path of a profile of one's own.

use crate::util::{EXAMPLE, analyze_json, root};

#[test]
fn default_role_is_infrastructure_engineer() {
    let default = analyze_json(EXAMPLE, &[]);
    let named = analyze_json(EXAMPLE, &["--role", "infrastructure-engineer"]);
    assert_eq!(default, named);
    assert_eq!(default["role"]["title"], "Infrastructure Engineer");
    assert_eq!(
        default["role"]["source"],
        "roles/infrastructure-engineer.yaml"
    );
}

#[test]
fn role_from_a_file_of_ones_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-role.yaml");
    std::fs::copy(root().join("roles/infrastructure-engineer.yaml"), &path).unwrap();
    let path = path.to_str().unwrap();
    let own = analyze_json(EXAMPLE, &["--role", path]);
    assert_eq!(own["role"]["source"], path, "the path as given");
    let builtin = analyze_json(EXAMPLE, &[]);
    assert_eq!(own["skills"], builtin["skills"]);
    assert_eq!(own["score"], builtin["score"]);
}

#[test]
fn role_file_changes_the_verdicts() {
    // The same profile with partial credit 1.0: the partial Terraform now earns its full weight.
    let builtin_yaml = std::fs::read_to_string(root().join("roles/infrastructure-engineer.yaml"))
        .expect("the built-in role");
    assert!(builtin_yaml.contains("  partial_credit: 0.5\n"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generous.yaml");
    std::fs::write(
        &path,
        builtin_yaml.replace("  partial_credit: 0.5\n", "  partial_credit: 1.0\n"),
    )
    .unwrap();
    let generous = analyze_json(EXAMPLE, &["--role", path.to_str().unwrap()]);
    let builtin = analyze_json(EXAMPLE, &[]);
    assert_eq!(generous["score"]["partial_credit"], 1.0);
    let gain = generous["score"]["earned"].as_f64().unwrap()
        - builtin["score"]["earned"].as_f64().unwrap();
    // examples/resume.md has one partial skill, Terraform, of weight 5.
    assert!((gain - 2.5).abs() < 1e-9, "gain {gain}");
}
