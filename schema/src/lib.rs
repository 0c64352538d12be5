//! AWS's models at run time: a Smithy JSON AST or a botocore `service-2.json` (told apart by
//! their content) read into a typed [`Schema`] of shapes and rules, decided once. The
//! importer (`aws-constraints-codegen`) prints a schema as annotated Rust; a [`Validator`]
//! runs it on JSON documents, through the same runtime functions the derive's expansion
//! calls, so that both give the same [`ValidationErrors`](aws_constraints::ValidationErrors)
//! for any operation of any model, without compiling anything.
//!
//! ```
//! use aws_constraints_schema::Validator;
//!
//! let model = r#"{"smithy": "2.0", "shapes": {
//!     "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}},
//!     "ex#OpInput": {"type": "structure", "members": {
//!         "Name": {"target": "ex#Name", "traits": {"smithy.api#required": {}}}}},
//!     "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1, "max": 8}}}
//! }}"#;
//! let validator = Validator::from_json(model).unwrap();
//! let errors = validator
//!     .validate_json("Op", br#"{"Name": "far too long"}"#)
//!     .unwrap_err()
//!     .into_violations()
//!     .unwrap();
//! assert_eq!(
//!     errors.aws_message(),
//!     "1 validation error detected: Value 'far too long' at 'name' failed to satisfy \
//!      constraint: Member must have length less than or equal to 8"
//! );
//! ```

mod botocore;
mod decide;
pub mod idl;
mod intern;
mod model;
pub mod naming;
pub mod profile;
#[cfg(feature = "samples")]
pub mod samples;
pub mod shapes;
mod validate;

use std::fmt;

pub use decide::{named_types, schema, Roots};
pub use model::{closest, Model};
pub use shapes::Schema;
pub use validate::{json_kind, DocumentError, Validator};

/// Why a model could not be read, or a shape of it not decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    message: String,
}

impl ModelError {
    /// An error saying `message`.
    pub fn new(message: impl Into<String>) -> Self {
        ModelError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ModelError {}
