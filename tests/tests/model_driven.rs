//! The model-driven validator (`aws-constraints-schema`) against the importer's types, on
//! every golden module (`codegen/tests/table/golden.rs`): for each operation, documents
//! generated from the model (one valid, then one for each constraint it can break) are read
//! and validated both ways, and must give the same verdict, the same violations (paths,
//! rules, echoes, groups, in the same order), the same AWS message, the same JSON and the
//! same Smithy rendering.

use aws_constraints::{InputError, ValidationErrors};
use aws_constraints_schema::{samples, DocumentError, Validator};

struct Golden {
    module: &'static str,
    model: &'static str,
    operations: &'static [&'static str],
    validate_input: fn(&str, &str) -> Option<Result<(), InputError>>,
}

macro_rules! golden_table {
    ($($module:ident: $model:literal, [$($operation:literal),*];)*) => {
        $(
            #[allow(dead_code)]
            mod $module {
                // Paths are the table's: `codegen/tests/table/`.
                include!(concat!("../golden/", stringify!($module), ".rs"));
            }
        )*
        const GOLDEN: &[Golden] = &[$(Golden {
            module: stringify!($module),
            model: include_str!(concat!("../../../tests/models/", $model)),
            operations: &[$($operation),*],
            validate_input: $module::validate_input,
        }),*];
    };
}

include!("../../codegen/tests/table/golden.rs");

/// Both renderings of a verdict that must agree.
#[derive(Debug, PartialEq)]
enum Verdict {
    Valid,
    /// Read, and invalid: the violations and their renderings.
    Invalid {
        aws: String,
        json: serde_json::Value,
        smithy: serde_json::Value,
        errors: ValidationErrors,
    },
    /// Not read (the reasons are worded differently on each side).
    Malformed,
}

fn verdict(result: Result<(), ValidationErrors>) -> Verdict {
    match result {
        Ok(()) => Verdict::Valid,
        Err(errors) => Verdict::Invalid {
            aws: errors.aws_message(),
            json: errors.to_json(),
            smithy: errors.smithy_body(),
            errors,
        },
    }
}

#[test]
fn the_validator_agrees_with_the_imported_types() {
    let mut compared = 0;
    let mut invalid = 0;
    for golden in GOLDEN {
        let validator =
            Validator::from_json(golden.model).unwrap_or_else(|e| panic!("{}: {e}", golden.module));
        for operation in golden.operations {
            let documents = samples::documents(validator.schema(), operation)
                .unwrap_or_else(|| panic!("{}: no documents for {operation}", golden.module));
            assert!(
                documents.len() > 1,
                "{}: nothing to break in {operation}",
                golden.module
            );
            for sample in documents {
                let text = sample.document.to_string();
                let typed = match (golden.validate_input)(operation, &text) {
                    Some(Ok(())) => Verdict::Valid,
                    Some(Err(InputError::Invalid(errors))) => verdict(Err(errors)),
                    Some(Err(InputError::Malformed(_))) => Verdict::Malformed,
                    None => panic!("{}: the module has no {operation}", golden.module),
                };
                let driven = match validator.validate(operation, &sample.document) {
                    Ok(()) => Verdict::Valid,
                    Err(DocumentError::Invalid(errors)) => verdict(Err(errors)),
                    Err(DocumentError::Malformed { .. }) => Verdict::Malformed,
                    Err(other) => panic!("{}: {operation}: {other}", golden.module),
                };
                assert_eq!(
                    typed, driven,
                    "{} {operation}, {}: {text}",
                    golden.module, sample.breaks
                );
                compared += 1;
                invalid += usize::from(matches!(typed, Verdict::Invalid { .. }));
            }
        }
    }
    eprintln!("{compared} documents compared, {invalid} invalid");
    // Most generated documents break what they mean to: the comparison is not of no-ops.
    assert!(
        invalid * 10 > compared * 8,
        "{invalid} of {compared} invalid"
    );
}
