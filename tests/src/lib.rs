//! Integration and trybuild UI tests of `aws-constraints`; see `tests/`. The Smithy
//! conformance suite's shapes live in [`smithy`], the fuzz targets' harness in [`fuzz`].

pub mod fuzz;
pub mod smithy;

/// The project README's examples, run as doctests (the published crates carry READMEs of
/// their own, so the repository's is tested here).
#[doc = include_str!("../../README.md")]
mod readme {}
