//! The role profile: what a role needs, as data. [`validate_source`] checks the YAML once, reporting
//! every problem as a [`Diagnostic`]; [`load`](load_source) turns a profile without errors
//! into a [`Profile`], which later stages trust without checking it again.
//!
//! The files: `model` (the trusted types), `raw` (the YAML as written, with its JSON Schema),
//! `tree` (YAML into positioned nodes, with safety limits), `shape` (the nodes against the
//! format), `validate` (what the values mean), `checker` (collects problems), `diagnostic`
//! (a problem and its place), `source` (reading and finding profile files), `load` (built-in
//! and file profiles into [`Profile`]).

mod checker;
mod diagnostic;
mod load;
mod model;
mod raw;
mod shape;
mod source;
mod tree;
mod validate;

pub use diagnostic::{Code, Diagnostic, Outcome, Position, Severity};
pub use load::{
    BUILTIN_ROLES, builtin_ids, builtin_source, load_builtin, load_file, load_source, resolve,
    unknown_role,
};
pub use model::{
    Background, Category, Evidence, Language, Part, PartialEvidence, Profile, Skill, Terms,
};
pub use raw::json_schema;
pub use source::{MAX_PROFILE_BYTES, validate_file, validate_paths};
pub use validate::{Validation, is_kebab_case, validate_source};
