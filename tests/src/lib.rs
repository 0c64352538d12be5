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

/// ACM `RequestCertificate` with `ccc` as the domain name and the one alternative name, as
/// a user's tool logged the service's answer (a public repository's saved job log: "An error
/// occurred (ValidationException) when calling the RequestCertificate operation: 2
/// validation errors detected: ..."): the message for hand-declared and imported types.
pub fn acm_request_certificate_ccc() -> String {
    const DOMAIN: &str =
        r"^(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$";
    format!(
        "2 validation errors detected: Value '[ccc]' at 'subjectAlternativeNames' failed to \
         satisfy constraint: Member must satisfy constraint: [Member must have length less \
         than or equal to 253, Member must have length greater than or equal to 1, Member \
         must satisfy regular expression pattern: {DOMAIN}]; Value 'ccc' at 'domainName' \
         failed to satisfy constraint: Member must satisfy regular expression pattern: \
         {DOMAIN}"
    )
}

/// The project README's examples, run as doctests (the published crates carry READMEs of
/// their own, so the repository's is tested here).
#[doc = include_str!("../../README.md")]
mod readme {}
