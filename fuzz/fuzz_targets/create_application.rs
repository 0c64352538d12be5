#![no_main]
//! `CreateApplication`: arbitrary bytes through JSON parsing, validation and every rendering.

use aws_constraints_models::appregistry::CreateApplication;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::exercise::<CreateApplication>(data));
