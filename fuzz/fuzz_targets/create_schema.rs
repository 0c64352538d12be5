#![no_main]
//! `CreateSchema`: arbitrary bytes through JSON parsing, validation and every rendering.

use aws_constraints_models::clouddirectory::CreateSchema;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::exercise::<CreateSchema>(data));
