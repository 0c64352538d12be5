#![no_main]
//! `CreateAppInstance`: arbitrary bytes through JSON parsing, validation and every rendering.

use aws_constraints_models::chime::CreateAppInstance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::exercise::<CreateAppInstance>(data));
