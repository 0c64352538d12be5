#![no_main]
//! `CreateThing`: arbitrary bytes through JSON parsing, validation and every rendering.

use aws_constraints_models::iot::CreateThing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::exercise::<CreateThing>(data));
