//! Integration and trybuild UI tests of `aws-constraints`; see `tests/`. The Smithy
//! conformance suite's shapes live in [`smithy`], the fuzz targets' harness in [`fuzz`].

pub mod fuzz;
pub mod smithy;

/// Kinesis `PutRecords` with four records of 1,049,568 bytes, as a producer library's pull
/// request quotes the service's answer ("ValidationException: 4 validation errors detected:
/// Value 'java.nio.HeapByteBuffer[pos=0 lim=1049568 cap=1049568]' at 'records.1.member.data'
/// ..."): the message for hand-declared and imported types alike.
pub fn kinesis_put_records_four_oversized() -> String {
    let one = |i: usize| {
        format!(
            "Value 'java.nio.HeapByteBuffer[pos=0 lim=1049568 cap=1049568]' at \
             'records.{i}.member.data' failed to satisfy constraint: Member must have length \
             less than or equal to 1048576"
        )
    };
    format!(
        "4 validation errors detected: {}; {}; {}; {}",
        one(1),
        one(2),
        one(3),
        one(4)
    )
}

/// The project README's examples, run as doctests (the published crates carry READMEs of
/// their own, so the repository's is tested here).
#[doc = include_str!("../../README.md")]
mod readme {}
