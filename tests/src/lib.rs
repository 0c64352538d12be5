//! Integration and trybuild UI tests of `aws-constraints`; see `tests/`.
