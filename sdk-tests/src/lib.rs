//! See `tests/sdk.rs`.
