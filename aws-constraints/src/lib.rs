//! Validation of API shapes that behaves like AWS itself.
//!
//! Annotate a request type, derive [`Validate`], and get every violation, with wire-name
//! paths and the messages AWS services send:
//!
//! ```
//! use aws_constraints::Validate;
//!
//! #[derive(Validate, serde::Deserialize)]
//! #[serde(rename_all = "PascalCase")]
//! struct CreateAppInstanceRequest {
//!     #[required]
//!     #[len(1, 256)]
//!     #[pattern(r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]*")]
//!     #[sensitive]
//!     name: Option<String>,
//!     #[required]
//!     #[len(2, 64)]
//!     #[pattern("[-_a-zA-Z0-9]*")]
//!     client_request_token: Option<String>,
//! }
//!
//! let request: CreateAppInstanceRequest =
//!     serde_json::from_str(r#"{"Name": "😀 app", "ClientRequestToken": "a!"}"#).unwrap();
//! let errors = request.validate().unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "1 validation error detected: Value 'a!' at 'clientRequestToken' failed to satisfy \
//!      constraint: Member must satisfy regular expression pattern: [-_a-zA-Z0-9]*"
//! );
//! ```
//!
//! # Attributes
//!
//! | attribute | meaning | applies to |
//! |---|---|---|
//! | `#[required]` | absent (or JSON `null`) is a violation | `Option<T>` |
//! | `#[len(min, max)]`, `#[len(min = N)]`, `#[len(max = N)]`, `#[len(N)]` (exactly N) | inclusive length bounds: Unicode scalar values, items or entries | strings, lists, maps |
//! | `#[pattern("..")]` | the whole value matches the pattern, read as AWS (Java) writes it | strings |
//! | `#[range(min, max)]`, `#[range(min = N)]`, `#[range(max = N)]` | inclusive numeric bounds | integers, floats |
//! | `#[one_of("A", "B")]` | the value is one of the strings | strings |
//! | `#[unique]` | no two items are equal | lists |
//! | `#[each(..)]` | the rules inside apply to every item | lists |
//! | `#[keys(..)]`, `#[values(..)]` | the rules inside apply to every key, every value | maps with string keys |
//! | `#[nested]` | validate a type that derives `Validate`, also inside `Option`, `Vec` and maps | structures |
//! | `#[sensitive]` | the value is never echoed in a message | any |
//!
//! Every rule but `#[required]` passes on an absent `Option`. Paths use wire names,
//! honouring `#[serde(rename = "..")]` and `#[serde(rename_all = "..")]`.
//!
//! # Errors
//!
//! [`Validate::validate`] returns every violation, in a deterministic order: members in
//! declaration order, rules in the order written, list items by index, map entries by key.
//! Each [`Violation`] has a structured [`Path`], the [`Rule`] with its parameters, and an
//! [`Echo`] of the value that is [`Echo::Redacted`] wherever the member is sensitive.
//! Validating a valid value allocates nothing.

// Lets this crate's own tests use the derive, whose output names `::aws_constraints`.
extern crate self as aws_constraints;

mod error;
mod number;
mod path;
mod traits;
mod validated;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

use std::collections::{BTreeMap, HashMap};

pub use aws_constraints_derive::Validate;
pub use aws_constraints_pattern::{Pattern, PatternError, PatternErrorKind};
pub use error::{Bound, Echo, Rule, ValidationErrors, Violation};
pub use number::{Number, Numeric};
pub use path::{Location, Path, PathSegment};
pub use traits::{HasLength, List, Map, Presence, StringValue};
pub use validated::{InputError, Validated};

/// A value that can check its constraints.
///
/// Derive it; implement it by hand only for types the derive cannot describe.
pub trait Validate {
    /// Checks every constraint and returns all violations.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&Location::root(), &mut errors);
        errors.into_result()
    }

    /// Checks every constraint of a value found at `at`, appending violations to `errors`.
    /// This is how a containing shape validates a `#[nested]` one.
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_at(at, errors);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&at.index(i), errors);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate_at(at, errors);
    }
}

impl<K: AsRef<str>, V: Validate, S> Validate for HashMap<K, V, S> {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        let start = errors.len();
        for (key, value) in self {
            value.validate_at(&at.map_value(key.as_ref()), errors);
        }
        errors.sort_entries_since(start, at.depth());
    }
}

impl<K: AsRef<str>, V: Validate> Validate for BTreeMap<K, V> {
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_at(&at.map_value(key.as_ref()), errors);
        }
    }
}
