//! Integration tests: the real `skillgap` binary run on the fixtures of tests/fixtures/ and on
//! examples/resume.md, checked the way a user would check them. One test binary, as in
//! ripgrep: `cargo test --test cli`.
//!
//! Snapshots live in tests/cli/snapshots/; after an intended change to the output, rebuild them
//! with `INSTA_UPDATE=always cargo test --test cli` and read the diff.

mod util;

mod analyze;
mod batch;
mod compare;
mod contract;
mod errors;
mod extraction;
mod formats;
mod help;
mod hostile;
mod linear;
mod pipe;
mod roles;
mod text;
mod traps;
mod validate;
