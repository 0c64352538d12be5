//! Floats on the wire as Smithy's JSON protocols write them: numbers, and the strings
//! `"NaN"`, `"Infinity"` and `"-Infinity"` for what JSON numbers cannot say.
//!
//! Use it on `f32`, `f64` and `Option`s of them with `#[serde(with = "aws_constraints::float")]`
//! (and `default` for an `Option`). Under `#[range]`, infinities compare as the extremes
//! they are and `NaN` fails every bound (it is not between anything), as Rust's own
//! `RangeInclusive::contains` and smithy-rs's servers decide.
//!
//! ```
//! use aws_constraints::Validate;
//!
//! #[derive(Validate, serde::Serialize, serde::Deserialize)]
//! struct Scaling {
//!     #[serde(default, with = "aws_constraints::float")]
//!     #[range(min = 0.0, max = 1.0)]
//!     target: Option<f64>,
//! }
//!
//! let nan: Scaling = serde_json::from_str(r#"{"target": "NaN"}"#).unwrap();
//! assert_eq!(
//!     nan.validate().unwrap_err().to_string(),
//!     "1 validation error detected: Value 'NaN' at 'target' failed to satisfy constraint: \
//!      Member must have value greater than or equal to 0.0"
//! );
//! let infinite = Scaling { target: Some(f64::INFINITY) };
//! assert_eq!(serde_json::to_string(&infinite).unwrap(), r#"{"target":"Infinity"}"#);
//! assert!(serde_json::from_str::<Scaling>(r#"{"target": "inf"}"#).is_err());
//! ```

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// A float type, or an `Option` of one, that travels as Smithy's JSON protocols say.
pub trait JsonFloat: Sized {
    #[doc(hidden)]
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    #[doc(hidden)]
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Serializes a float, a non-finite one as its string.
pub fn serialize<T: JsonFloat, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    value.write(serializer)
}

/// Deserializes a number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
pub fn deserialize<'de, T: JsonFloat, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::read(deserializer)
}

/// [`defaults::null_as_default`](crate::defaults::null_as_default) for a float member.
pub fn null_as_default<'de, T: JsonFloat + Default, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    Ok(Option::<T>::read(deserializer)?.unwrap_or_default())
}

/// [`defaults::null_or`](crate::defaults::null_or) for a float member.
pub fn null_or<'de, T: JsonFloat, D: Deserializer<'de>>(
    deserializer: D,
    default: impl FnOnce() -> T,
) -> Result<T, D::Error> {
    Ok(Option::<T>::read(deserializer)?.unwrap_or_else(default))
}

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a number, "NaN", "Infinity" or "-Infinity""#)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

fn write_f64<S: Serializer>(value: f64, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        v if v.is_nan() => serializer.serialize_str("NaN"),
        f64::INFINITY => serializer.serialize_str("Infinity"),
        f64::NEG_INFINITY => serializer.serialize_str("-Infinity"),
        v => serializer.serialize_f64(v),
    }
}

impl JsonFloat for f64 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_f64(*self, serializer)
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl JsonFloat for f32 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f32(*self)
        } else {
            write_f64(f64::from(*self), serializer)
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // As serde reads an `f32` from a JSON number: the nearest `f32`.
        f64::read(deserializer).map(|v| v as f32)
    }
}

impl<T: JsonFloat> JsonFloat for Option<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.write(serializer),
            None => serializer.serialize_none(),
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Present<T>(T);
        impl<'de, T: JsonFloat> serde::Deserialize<'de> for Present<T> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                T::read(deserializer).map(Present)
            }
        }
        let value: Option<Present<T>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(value.map(|Present(v)| v))
    }
}
