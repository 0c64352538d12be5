#![no_main]
//! Raw HTTP requests to a server of each AWS protocol: read, checked, answered.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tests::fuzz::raw_request(data));
