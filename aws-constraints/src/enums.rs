//! AWS enum shapes as Rust enums: [`string_enum!`](crate::string_enum) and
//! [`int_enum!`](crate::int_enum).
//!
//! A value the model does not list still deserializes (into the unknown variant, as AWS's
//! own SDKs do, so a newer service's value never breaks parsing) and is then reported by
//! `validate()` exactly as `#[one_of]` reports it.

/// A string enum shape: a Rust enum with one variant per value, plus an unknown variant
/// that keeps any other value from the wire and fails validation.
///
/// Variants marked `#[internal]` (Smithy's `@internal`), written after the listed ones,
/// are accepted but never listed in messages. The enum (de)serializes as its string, implements `Validate` (use `#[nested]`
/// on members), `as_str()`, `Display` and `From<&str>`.
///
/// ```
/// use aws_constraints::{string_enum, Validate};
///
/// string_enum! {
///     /// KMS's `EncryptionAlgorithmSpec`.
///     #[derive(Clone, Debug, PartialEq, Eq, Hash)]
///     pub enum EncryptionAlgorithmSpec {
///         SymmetricDefault = "SYMMETRIC_DEFAULT",
///         RsaesOaepSha256 = "RSAES_OAEP_SHA_256",
///         #[internal]
///         Preview = "PREVIEW",
///         ..Unknown
///     }
/// }
///
/// #[derive(Validate, serde::Deserialize)]
/// struct EncryptRequest {
///     #[serde(rename = "EncryptionAlgorithm")]
///     #[nested]
///     encryption_algorithm: Option<EncryptionAlgorithmSpec>,
/// }
///
/// let ok: EncryptRequest =
///     serde_json::from_str(r#"{"EncryptionAlgorithm": "SYMMETRIC_DEFAULT"}"#).unwrap();
/// assert_eq!(ok.encryption_algorithm, Some(EncryptionAlgorithmSpec::SymmetricDefault));
/// assert!(ok.validate().is_ok());
///
/// let bad: EncryptRequest = serde_json::from_str(r#"{"EncryptionAlgorithm": "ROT13"}"#).unwrap();
/// assert!(matches!(&bad.encryption_algorithm, Some(EncryptionAlgorithmSpec::Unknown(v)) if v == "ROT13"));
/// assert_eq!(
///     bad.validate().unwrap_err().to_string(),
///     "1 validation error detected: Value 'ROT13' at 'encryptionAlgorithm' failed to \
///      satisfy constraint: Member must satisfy enum value set: \
///      [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_256]"
/// );
/// ```
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $variant:ident = $value:literal, )*
            $( #[internal] $internal:ident = $internal_value:literal, )*
            .. $unknown:ident $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( #[doc = $value] $variant, )*
            $( #[doc = $internal_value] $internal, )*
            /// A value the model does not list, kept as sent; it fails validation.
            $unknown(::std::string::String),
        }

        impl $name {
            /// The values the model lists, in model order (internal ones left out).
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )*
                    $( $name::$internal => $internal_value, )*
                    $name::$unknown(value) => value,
                }
            }
        }

        impl ::core::convert::From<&str> for $name {
            // A value listed twice is an unreachable arm: a build error, found without
            // evaluating anything at compile time (EC2's `InstanceType` lists over 1,000).
            #[deny(unreachable_patterns)]
            fn from(value: &str) -> Self {
                match value {
                    $( $value => $name::$variant, )*
                    $( $internal_value => $name::$internal, )*
                    other => $name::$unknown(::std::string::String::from(other)),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str> as
                    $crate::__private::serde::Deserialize<'de>>::deserialize(deserializer)?;
                ::core::result::Result::Ok($name::from(&*value))
            }
        }

        impl $crate::Validate for $name {
            fn validate_at(
                &self,
                at: &$crate::path::Location<'_>,
                errors: &mut $crate::ValidationErrors,
            ) {
                if let $name::$unknown(value) = self {
                    $crate::__private::one_of(
                        value.as_str(),
                        $name::VALUES,
                        &[],
                        || *at,
                        errors,
                    );
                }
            }

            const MEMBER_CONSTRAINTS: &'static [$crate::report::Constraint] =
                &[$crate::report::Constraint::OneOf($name::VALUES)];

            fn write_member_echo(&self, out: &mut ::std::string::String) {
                $crate::rules::EchoText::write_echo(self, out);
            }
        }

        impl $crate::rules::EchoText for $name {
            fn write_echo(&self, out: &mut ::std::string::String) {
                out.push_str(self.as_str());
            }
        }
    };
}

/// An int enum shape (Smithy's `intEnum`): as [`string_enum!`](crate::string_enum), with
/// integer values; an unlisted one is reported as `Member must satisfy enum value set:
/// [1, 2]`.
///
/// ```
/// use aws_constraints::{int_enum, Validate};
///
/// int_enum! {
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum Priority {
///         Low = 1,
///         High = 2,
///         ..Unknown
///     }
/// }
///
/// let p: Priority = serde_json::from_str("3").unwrap();
/// assert_eq!(p, Priority::Unknown(3));
/// assert_eq!(
///     p.validate().unwrap_err().to_string(),
///     "1 validation error detected: Value '3' at '' failed to satisfy constraint: \
///      Member must satisfy enum value set: [1, 2]"
/// );
/// ```
#[macro_export]
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $variant:ident = $value:literal, )*
            $( #[internal] $internal:ident = $internal_value:literal, )*
            .. $unknown:ident $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( #[doc = ::core::stringify!($value)] $variant, )*
            $( #[doc = ::core::stringify!($internal_value)] $internal, )*
            /// A value the model does not list, kept as sent; it fails validation.
            $unknown(i32),
        }

        impl $name {
            /// The values the model lists, in model order (internal ones left out).
            pub const VALUES: &'static [&'static str] = &[$(::core::stringify!($value)),*];

            /// The value as it travels on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    $( $name::$variant => $value, )*
                    $( $name::$internal => $internal_value, )*
                    $name::$unknown(value) => *value,
                }
            }
        }

        impl ::core::convert::From<i32> for $name {
            // A value listed twice is an unreachable arm: a build error.
            #[deny(unreachable_patterns)]
            fn from(value: i32) -> Self {
                match value {
                    $( $value => $name::$variant, )*
                    $( $internal_value => $name::$internal, )*
                    other => $name::$unknown(other),
                }
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.value())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value = <i32 as $crate::__private::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                ::core::result::Result::Ok($name::from(value))
            }
        }

        impl $crate::Validate for $name {
            fn validate_at(
                &self,
                at: &$crate::path::Location<'_>,
                errors: &mut $crate::ValidationErrors,
            ) {
                if let $name::$unknown(value) = self {
                    $crate::__private::one_of(
                        value.to_string().as_str(),
                        $name::VALUES,
                        &[],
                        || *at,
                        errors,
                    );
                }
            }

            const MEMBER_CONSTRAINTS: &'static [$crate::report::Constraint] =
                &[$crate::report::Constraint::OneOf($name::VALUES)];

            fn write_member_echo(&self, out: &mut ::std::string::String) {
                $crate::rules::EchoText::write_echo(self, out);
            }
        }

        impl $crate::rules::EchoText for $name {
            fn write_echo(&self, out: &mut ::std::string::String) {
                out.push_str(&self.value().to_string());
            }
        }
    };
}
