#![doc = include_str!("../README.md")]

// Lets this crate's own tests use the derive, whose output names `::aws_constraints`.
extern crate self as aws_constraints;

/// `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord` for `$type`, all through what its
/// method `$key` returns: what the value is, whatever its storage.
macro_rules! compare_by {
    ($type:ty, $key:ident) => {
        impl PartialEq for $type {
            fn eq(&self, other: &Self) -> bool {
                self.$key() == other.$key()
            }
        }

        impl Eq for $type {}

        impl std::hash::Hash for $type {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.$key().hash(state);
            }
        }

        impl PartialOrd for $type {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $type {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.$key().cmp(&other.$key())
            }
        }
    };
}

mod big;
mod blob;
mod compact;
mod custom;
pub mod defaults;
mod echo;
mod enums;
pub mod float;
pub mod java;
mod number;
pub mod path;
mod render;
pub mod report;
pub mod rules;
pub mod timestamp;
mod traits;

/// The reference, a page a topic (the same pages as `aws-constraints/docs/` in the
/// repository).
pub mod docs {
    #[doc = include_str!("../docs/attributes.md")]
    pub mod attributes {}
    #[doc = include_str!("../docs/shapes.md")]
    pub mod shapes {}
    #[doc = include_str!("../docs/errors.md")]
    pub mod errors {}
}
mod strict;
mod validated;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

use std::collections::{BTreeMap, HashMap};

pub use aws_constraints_derive::Validate;
/// The pattern compiler (`aws-constraints-pattern`): AWS's Java dialect, matched in linear
/// time.
pub use aws_constraints_pattern as pattern;
pub use big::{BigDecimal, BigInteger, BigNumberError};
pub use blob::Blob;
pub use custom::CustomError;
pub use timestamp::{Timestamp, TimestampError};

/// An untyped JSON member (Smithy's `document`): no constraint applies to it.
pub type Document = serde_json::Value;
pub use report::{Rule, ValidationErrors, Violation};
pub use validated::{InputError, Validated};

use path::Location;
use report::Constraint;

/// A value that can check its constraints.
///
/// Derive it; implement it by hand only for types the derive cannot describe.
pub trait Validate {
    /// Checks every constraint and returns all violations.
    #[inline]
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&Location::root(), &mut errors);
        errors.into_result()
    }

    /// Checks every constraint of a value found at `at`, appending violations to `errors`.
    /// This is how a containing shape validates a `#[nested]` one.
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors);

    /// Whether the value is a structure, read from a JSON object (what the derive says of
    /// a struct with named fields); [`Validated`] refuses other JSON for it.
    const IS_STRUCTURE: bool = false;

    /// Compiles every pattern this type (and the types it nests) uses now, rather than on
    /// first use: for a server to pay that cost at startup, or a test to prove it works.
    /// Returns how many patterns were compiled.
    fn compile_patterns() -> usize
    where
        Self: Sized,
    {
        0
    }

    /// The constraints AWS lists when members of this type break them inside a list or
    /// map, which it then reports once for the whole collection (see [`Group`]): an enum's
    /// value set. Empty for types whose members report on their own (structures).
    #[doc(hidden)]
    const MEMBER_CONSTRAINTS: &'static [Constraint] = &[];

    /// Writes the value as AWS echoes it inside its collection's grouped message; called
    /// only for types with [`MEMBER_CONSTRAINTS`](Validate::MEMBER_CONSTRAINTS).
    #[doc(hidden)]
    fn write_member_echo(&self, _out: &mut String) {}
}

/// A document carries no constraints (Smithy applies none to it).
impl Validate for Document {
    #[inline]
    fn validate_at(&self, _at: &Location<'_>, _errors: &mut ValidationErrors) {}
}

impl<T: Validate + ?Sized> Validate for &T {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }

    const MEMBER_CONSTRAINTS: &'static [Constraint] = T::MEMBER_CONSTRAINTS;

    fn write_member_echo(&self, out: &mut String) {
        (**self).write_member_echo(out);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        (**self).validate_at(at, errors);
    }

    const MEMBER_CONSTRAINTS: &'static [Constraint] = T::MEMBER_CONSTRAINTS;

    fn write_member_echo(&self, out: &mut String) {
        (**self).write_member_echo(out);
    }
    // `compile_patterns` cannot reach through a `Box<T>` of an unsized `T`: what a box
    // holds compiles its patterns on first use (a recursive type's root has them anyway).
}

impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_at(at, errors);
        }
    }

    fn compile_patterns() -> usize {
        T::compile_patterns()
    }

    // A sparse collection's null member breaks no constraint and is echoed as Java does.
    const MEMBER_CONSTRAINTS: &'static [Constraint] = T::MEMBER_CONSTRAINTS;

    fn write_member_echo(&self, out: &mut String) {
        match self {
            Some(value) => value.write_member_echo(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Validate> Validate for [T] {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        __private::validate_items(self, at, errors, members_of::<T>());
    }
}

/// What [`Validate`] says of a collection's members of type `T`: its member constraints,
/// its `write_member_echo` and its `validate_at`.
type MembersOf<T> = __private::Members<
    &'static [Constraint],
    fn(&T, &mut String),
    fn(&T, &Location<'_>, &mut ValidationErrors),
>;

/// What [`Validate`] says of a collection's members of type `T`.
#[inline]
fn members_of<T: Validate + ?Sized>() -> MembersOf<T> {
    __private::Members {
        constraints: T::MEMBER_CONSTRAINTS,
        write_echo: T::write_member_echo,
        validate: T::validate_at,
    }
}

impl<T: Validate> Validate for Vec<T> {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate_at(at, errors);
    }

    fn compile_patterns() -> usize {
        T::compile_patterns()
    }
}

impl<K: AsRef<str>, V: Validate, S> Validate for HashMap<K, V, S> {
    #[inline]
    fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
        __private::validate_entries(self, at, errors, members_of::<V>());
    }

    fn compile_patterns() -> usize {
        V::compile_patterns()
    }
}

/// Maps that iterate in a fixed order: their entries are reported in it.
macro_rules! ordered_map {
    ($(#[$attr:meta])* [$($generics:tt)*] $map:ty) => {
        $(#[$attr])*
        impl<K: AsRef<str>, V: Validate, $($generics)*> Validate for $map {
            #[inline]
            fn validate_at(&self, at: &Location<'_>, errors: &mut ValidationErrors) {
                __private::validate_entries(self, at, errors, members_of::<V>());
            }

            fn compile_patterns() -> usize {
                V::compile_patterns()
            }
        }
    };
}

ordered_map!([] BTreeMap<K, V>);
ordered_map!(#[cfg(feature = "indexmap")] [S] indexmap::IndexMap<K, V, S>);
