//! Integration and trybuild UI tests of `aws-constraints`; see `tests/`. The Smithy
//! conformance suite's shapes live in [`smithy`].

pub mod smithy;
