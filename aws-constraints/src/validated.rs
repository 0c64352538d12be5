//! [`Validated<T>`]: a value that deserialized and satisfied every constraint.

use std::fmt;
use std::ops::Deref;

use serde::Deserialize;

use crate::{Validate, ValidationErrors};

/// A `T` that has passed validation; invalid input never becomes one.
///
/// It is made at the top of a document: [`Validated::from_json`] (or `_reader`, `_slice`,
/// `_value`) parses and validates in one step, so violations are reported at the paths the
/// document has. It deliberately does not implement `Deserialize`: as a member of another
/// type it would report its violations without the member's path. Validate the outer type
/// instead (`#[nested]`). It serializes as `T` does and dereferences to `T`.
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

    /// Parses a JSON document and validates it. A structure, at any depth, must be a JSON
    /// object: serde would also read one from an array of its members in order, which no
    /// AWS protocol sends.
    pub fn from_json<'de>(json: &'de str) -> Result<Self, InputError>
    where
        T: Deserialize<'de>,
    {
        expect_object::<T>(json.as_bytes())?;
        // From `str`, not bytes: the text is already known to be UTF-8.
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let value = read(&mut deserializer)?;
        deserializer.end().map_err(InputError::Malformed)?;
        Validated::new(value).map_err(InputError::Invalid)
    }

    /// [`Validated::from_json`] on bytes.
    pub fn from_json_slice<'de>(json: &'de [u8]) -> Result<Self, InputError>
    where
        T: Deserialize<'de>,
    {
        expect_object::<T>(json)?;
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let value = read(&mut deserializer)?;
        deserializer.end().map_err(InputError::Malformed)?;
        Validated::new(value).map_err(InputError::Invalid)
    }

    /// Validates an already parsed JSON value.
    pub fn from_value(json: serde_json::Value) -> Result<Self, InputError>
    where
        T: serde::de::DeserializeOwned,
    {
        if T::IS_STRUCTURE && !json.is_object() {
            let error = serde_json::from_value::<JsonObject>(json).err();
            return Err(InputError::Malformed(error.unwrap_or_else(not_an_object)));
        }
        let value = read(json)?;
        Validated::new(value).map_err(InputError::Invalid)
    }

    /// Reads a JSON document and validates it.
    pub fn from_json_reader(reader: impl std::io::Read) -> Result<Self, InputError>
    where
        T: serde::de::DeserializeOwned,
    {
        let mut deserializer = serde_json::Deserializer::from_reader(reader);
        let value = read(&mut deserializer)?;
        deserializer.end().map_err(InputError::Malformed)?;
        Validated::new(value).map_err(InputError::Invalid)
    }
}

/// A value read as AWS reads one: structures from objects only, at any depth.
fn read<'de, T: Deserialize<'de>, D: serde::Deserializer<'de, Error = serde_json::Error>>(
    deserializer: D,
) -> Result<T, InputError> {
    T::deserialize(crate::strict::Strict(deserializer)).map_err(InputError::Malformed)
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

impl<T: serde::Serialize> serde::Serialize for Validated<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Rejects a document that is not a JSON object where `T` is a structure.
fn expect_object<T: Validate>(json: &[u8]) -> Result<(), InputError> {
    if !T::IS_STRUCTURE {
        return Ok(());
    }
    match json.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | None => Ok(()),
        // Parsed again as "an object only", serde_json says what it found, and where.
        Some(_) => Err(InputError::Malformed(
            serde_json::from_slice::<JsonObject>(json)
                .err()
                .unwrap_or_else(not_an_object),
        )),
    }
}

fn not_an_object() -> serde_json::Error {
    <serde_json::Error as serde::de::Error>::custom(EXPECTED_OBJECT)
}

const EXPECTED_OBJECT: &str = "a JSON object (a structure is never read from an array)";

/// Any JSON object, and nothing else.
struct JsonObject;

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED_OBJECT)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<JsonObject, A::Error> {
                use serde::de::IgnoredAny;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(JsonObject)
            }
        }
        deserializer.deserialize_map(Visitor)
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
