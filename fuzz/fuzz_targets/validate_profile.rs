//! Any UTF-8 text, validated as a role profile (`skillgap validate`, and `--role FILE`).
//!
//! Checks that every diagnostic points inside the input, so an editor or a GitHub annotation
//! can show it, and that validation and loading agree on what is a valid profile.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::profile::{self, validate_source};

fuzz_target!(|data: &[u8]| {
    // `validate_file` reports a file that is not UTF-8 before any parsing.
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let validation = validate_source(source, "fuzz.yaml", None);
    let lines: Vec<&str> = source.split('\n').collect();
    for diagnostic in &validation.diagnostics {
        // 1-based, as printed: at most one past the last line, and on a line at most one
        // past its last character (where "expected a value" points).
        let (line, column) = (diagnostic.line(), diagnostic.column());
        assert!(
            line <= lines.len() + 1,
            "line {line} of {} lines: {}",
            lines.len(),
            diagnostic
        );
        let length = lines.get(line - 1).map_or(0, |text| text.chars().count());
        assert!(
            column <= length + 1,
            "column {column} on a line of {length} characters: {}",
            diagnostic
        );
        assert!(
            !diagnostic.message.contains('\n'),
            "a diagnostic is one line: {:?}",
            diagnostic.message
        );
    }
    let valid = validation.first_error().is_none();
    assert_eq!(
        valid,
        validation.is_valid(),
        "no error must mean a profile was read, and an error none: {:?}",
        validation.diagnostics
    );
    if valid {
        // `--role FILE` must accept exactly what `validate` passes.
        if let Err(error) = profile::load_source(source, "fuzz.yaml") {
            panic!("validate found no error, but loading failed: {error}");
        }
    }
});
