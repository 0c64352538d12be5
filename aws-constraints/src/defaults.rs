//! Members with a default (Smithy's `@default`): absent or `null` on the wire, they take
//! their default, as Smithy's servers fill it in before validating.
//!
//! Declare such a member without `Option`, with `#[serde(default)]` (or
//! `default = "path"`) and one of these functions as `deserialize_with`, so that an explicit
//! `null` means what absence means. `#[required]` on it checks nothing: a required member
//! with a default is never missing (Smithy's reference server validates presence only of
//! required members *without* a default). The value, sent or defaulted, meets every other
//! rule, so a default outside its member's `#[range]` (which Smithy tolerates for models
//! from IDL 1.0) fails validation when the member is absent.
//!
//! ```
//! use aws_constraints::Validate;
//!
//! #[derive(Validate, serde::Deserialize)]
//! #[serde(rename_all = "PascalCase")]
//! struct ListThings {
//!     #[required]
//!     #[serde(default, deserialize_with = "aws_constraints::defaults::null_as_default")]
//!     recursive: bool,
//!     #[range(min = 1, max = 250)]
//!     #[serde(default = "ListThings::max_results", deserialize_with = "ListThings::read_max_results")]
//!     max_results: i32,
//! }
//!
//! impl ListThings {
//!     fn max_results() -> i32 {
//!         50
//!     }
//!     fn read_max_results<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
//!         aws_constraints::defaults::null_or(d, Self::max_results)
//!     }
//! }
//!
//! let absent: ListThings = serde_json::from_str("{}").unwrap();
//! let null: ListThings = serde_json::from_str(r#"{"Recursive": null, "MaxResults": null}"#).unwrap();
//! for input in [absent, null] {
//!     assert!(!input.recursive);
//!     assert_eq!(input.max_results, 50);
//!     assert!(input.validate().is_ok());
//! }
//! let sent: ListThings = serde_json::from_str(r#"{"MaxResults": 0}"#).unwrap();
//! assert!(sent.validate().is_err());
//! ```

use serde::{Deserialize, Deserializer};

/// Reads the member, or its type's `Default` when the document has `null`.
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Reads the member, or `default()` when the document has `null`.
pub fn null_or<'de, D, T>(deserializer: D, default: impl FnOnce() -> T) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_else(default))
}

/// A timestamp default, `seconds` and `nanos` since the epoch: what the importer writes for
/// a `@default` of a timestamp, which it has checked is one (else the epoch itself).
///
/// ```
/// assert_eq!(aws_constraints::defaults::timestamp(1, 500_000_000).to_epoch_seconds(), 1.5);
/// ```
pub fn timestamp(seconds: i64, nanos: u32) -> crate::Timestamp {
    crate::Timestamp::from_epoch(seconds, nanos).unwrap_or(crate::Timestamp::EPOCH)
}

/// A document default, from the JSON text the importer writes for a `@default` of a
/// document (text it wrote itself, so it parses; else `null`).
///
/// ```
/// let map = aws_constraints::defaults::document(r#"{"a": [1]}"#);
/// assert_eq!(map["a"][0], 1);
/// ```
pub fn document(json: &str) -> crate::Document {
    serde_json::from_str(json).unwrap_or_default()
}
