//! The traits through which rules reach a value: what a type implements so that `#[len]`,
//! `#[pattern]`, `#[range]`, `#[each]`, `#[keys]`/`#[values]` and `#[required]` apply to it,
//! and [`EchoText`] for how a message echoes it. The derive names them in its errors
//! ("`#[len]` cannot be applied to `u32`"); implement them for a type of your own that
//! should take those rules.

pub use crate::echo::{EchoText, StructureEcho};
pub use crate::number::Numeric;
pub use crate::traits::{HasLength, List, Map, Presence, StringValue};
