//! What every fuzz target runs: arbitrary bytes through JSON parsing, `Validated<T>` and
//! every message rendering of one operation, checking the invariants on the way. The
//! `fuzz/` targets (cargo-fuzz) call it with libFuzzer's inputs; `tests/fuzz_smoke.rs`
//! calls it on the seed corpus and random mutations of it in every test run.

use aws_constraints::{
    path::Location, path::PathSegment, report::Echo, InputError, Validate, Validated,
    ValidationErrors,
};
use aws_constraints_models::{visit_operation, ErrorShape, Operation, OperationVisitor};

/// Runs one input through `O`; panics only when an invariant is broken.
pub fn exercise<O: Operation>(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Validated::<O::Input>::from_json(text) {
        Ok(valid) => {
            // A valid input survives a round trip through its wire form, still valid.
            let wire = serde_json::to_string(&*valid).expect("a valid input serializes");
            let again: O::Input = serde_json::from_str(&wire).expect("its wire form parses");
            assert!(
                again.validate().is_ok(),
                "round trip broke validity: {wire}"
            );
        }
        Err(InputError::Invalid(errors)) => {
            assert!(!errors.is_empty());
            let aws = errors.to_string();
            let expected_start = match errors.len() {
                1 => "1 validation error detected: ".to_owned(),
                n => format!("{n} validation errors detected: "),
            };
            assert!(aws.starts_with(&expected_start), "{aws}");
            // However the client chose its values and keys, a reader that splits on "; "
            // counts what the header states.
            let (_, body) = aws.split_once(" detected: ").expect("a header");
            assert_eq!(body.split("; ").count(), errors.len(), "{aws}");
            assert!(!aws.chars().any(char::is_control), "{aws}");
            let smithy = errors.smithy_body();
            let field_list = smithy["fieldList"].as_array().map(Vec::len);
            assert_eq!(field_list, Some(errors.len()));
            let json = errors.to_json();
            assert_eq!(json.as_array().map(Vec::len), Some(errors.len()));
            let error = O::validation_error(&errors);
            assert_eq!(error.status(), 400);
            serde_json::to_string(&error).expect("the error body serializes");
        }
        Err(InputError::Malformed(e)) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    }
    // Everything below a sensitive member is redacted: validated as if the whole input
    // were sensitive, no violation may keep a value or a key the client sent.
    let Ok(input) = serde_json::from_str::<O::Input>(text) else {
        return;
    };
    let mut errors = ValidationErrors::new();
    input.validate_at(&Location::root().with_sensitivity(true), &mut errors);
    for violation in &errors {
        assert!(
            matches!(violation.echo(), Echo::Redacted | Echo::Null),
            "{violation:?}"
        );
        for segment in violation.path().segments() {
            if let PathSegment::MapKey(key) | PathSegment::MapValue(key) = segment {
                assert_eq!(key.as_str(), None, "{violation:?}");
            }
        }
    }
}

/// The target for `operation`, by name.
pub fn target(operation: &str) -> Option<fn(&[u8])> {
    struct Target;
    impl OperationVisitor for Target {
        type Output = fn(&[u8]);
        fn visit<O: Operation>(self) -> fn(&[u8]) {
            exercise::<O>
        }
    }
    visit_operation(operation, Target)
}
