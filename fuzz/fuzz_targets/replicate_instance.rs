#![no_main]
//! `ReplicateInstance`: arbitrary bytes through JSON parsing, validation and every rendering.

use aws_constraints_models::connect::ReplicateInstance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::exercise::<ReplicateInstance>(data));
