//! [`Validated<T>`]: a value that deserialized and satisfied every constraint.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer};

use crate::{Validate, ValidationErrors};

/// A `T` that has passed validation; invalid input never becomes one.
///
/// It deserializes like `T` and then validates, so it can stand directly in a request
/// handler's signature.
///
/// ```
/// use aws_constraints::{InputError, Validate, Validated};
///
/// #[derive(Validate, serde::Deserialize)]
/// struct CreateSchemaRequest {
///     #[serde(rename = "Name")]
///     #[required]
///     #[len(1, 32)]
///     #[pattern("^[a-zA-Z0-9._-]*$")]
///     name: Option<String>,
/// }
///
/// let ok = Validated::<CreateSchemaRequest>::from_json(r#"{"Name": "orders"}"#).unwrap();
/// assert_eq!(ok.name.as_deref(), Some("orders"));
///
/// match Validated::<CreateSchemaRequest>::from_json(r#"{"Name": null}"#) {
///     Err(InputError::Invalid(errors)) => assert_eq!(
///         errors.to_string(),
///         "1 validation error detected: Value null at 'name' failed to satisfy constraint: \
///          Member must not be null"
///     ),
///     _ => unreachable!(),
/// }
/// assert!(matches!(
///     Validated::<CreateSchemaRequest>::from_json("{"),
///     Err(InputError::Malformed(_))
/// ));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Validated<T>(T);

impl<T: Validate> Validated<T> {
    /// Validates `value`.
    pub fn new(value: T) -> Result<Self, ValidationErrors> {
        value.validate()?;
        Ok(Validated(value))
    }

    /// Parses a JSON document and validates it.
    pub fn from_json<'de>(json: &'de str) -> Result<Self, InputError>
    where
        T: Deserialize<'de>,
    {
        let value: T = serde_json::from_str(json).map_err(InputError::Malformed)?;
        Validated::new(value).map_err(InputError::Invalid)
    }

    /// Reads a JSON document and validates it.
    pub fn from_json_reader(reader: impl std::io::Read) -> Result<Self, InputError>
    where
        T: serde::de::DeserializeOwned,
    {
        let value: T = serde_json::from_reader(reader).map_err(InputError::Malformed)?;
        Validated::new(value).map_err(InputError::Invalid)
    }
}

impl<T> Validated<T> {
    /// The validated value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Validated<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Validated<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<'de, T: Deserialize<'de> + Validate> Deserialize<'de> for Validated<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        Validated::new(value).map_err(serde::de::Error::custom)
    }
}

/// Why a document did not become a [`Validated`] value.
#[derive(Debug)]
pub enum InputError {
    /// Not a well-formed document for the shape: not JSON, a member of the wrong type, an
    /// unknown member.
    Malformed(serde_json::Error),
    /// Well-formed, but constraints are violated.
    Invalid(ValidationErrors),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Malformed(e) => write!(f, "malformed input: {e}"),
            InputError::Invalid(errors) => errors.fmt(f),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Malformed(e) => Some(e),
            InputError::Invalid(errors) => Some(errors),
        }
    }
}
