//! Integration and trybuild UI tests of `aws-constraints`; see `tests/`. The Smithy
//! conformance suite's shapes live in [`smithy`], the fuzz targets' harness in [`fuzz`].

pub mod fuzz;
pub mod smithy;
