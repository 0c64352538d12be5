//! The model-driven validator (`aws-constraints-schema`) against the importer's types, on
//! every golden module (`codegen/tests/table/golden.rs`): for each operation, documents
//! generated from the model (one valid, then one for each constraint it can break) are read
//! and validated both ways ([`samples::compare`]), and must give the same verdict, the same
//! violations (paths, rules, echoes, groups, in the same order), the same AWS message, the
//! same JSON and the same Smithy rendering.

use aws_constraints::InputError;
use aws_constraints_schema::{samples, Validator};

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

#[test]
fn the_validator_agrees_with_the_imported_types() {
    let (mut compared, mut invalid) = (0, 0);
    for golden in GOLDEN {
        let validator =
            Validator::from_json(golden.model).unwrap_or_else(|e| panic!("{}: {e}", golden.module));
        for operation in golden.operations {
            let typed = |document: &str| {
                (golden.validate_input)(operation, document)
                    .unwrap_or_else(|| panic!("{}: the module has no {operation}", golden.module))
            };
            let comparison = samples::compare(&validator, operation, typed);
            assert!(
                comparison.compared > 1,
                "{}: nothing to break in {operation}",
                golden.module
            );
            assert!(
                comparison.disagreements.is_empty(),
                "{}: {:#?}",
                golden.module,
                comparison.disagreements
            );
            compared += comparison.compared;
            invalid += comparison.invalid;
        }
    }
    eprintln!("{compared} documents compared, {invalid} invalid");
    // Most generated documents break what they mean to: the comparison is not of no-ops.
    assert!(
        invalid * 10 > compared * 8,
        "{invalid} of {compared} invalid"
    );
}

/// The comparison can fail: a validator of a model whose pattern differs from the types'
/// disagrees with them.
#[test]
fn a_different_model_disagrees() {
    let golden = GOLDEN
        .iter()
        .find(|g| g.module == "clouddirectory")
        .unwrap();
    let changed = golden.model.replace("^[a-zA-Z0-9._-]*$", "^[a-z]*$");
    assert_ne!(
        changed, golden.model,
        "the slice's schema name pattern moved"
    );
    let validator = Validator::from_json(&changed).unwrap();
    let typed = |document: &str| (golden.validate_input)("CreateSchema", document).unwrap();
    let comparison = samples::compare(&validator, "CreateSchema", typed);
    assert!(!comparison.disagreements.is_empty());
}

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    /// Any JSON value, a few levels deep: what a client may put anywhere.
    fn json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{json, Value};
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            (-1e6f64..1e6).prop_map(|x| json!(x)),
            Just(json!("NaN")),
            "[a-zA-Z0-9 :_-]{0,12}".prop_map(Value::String),
            Just(json!("")),
        ];
        leaf.prop_recursive(3, 12, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
                prop::collection::btree_map("[a-zA-Z]{1,6}", inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Every node of a document, by its JSON pointer.
    fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match value {
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    pointers(item, format!("{at}/{i}"), out);
                }
            }
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    pointers(member, format!("{at}/{key}"), out);
                }
            }
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// A valid document with any one of its nodes replaced by any JSON value: both ways
        /// agree (both read it and find the same violations, or both refuse to read it).
        #[test]
        fn any_value_anywhere_gets_the_same_verdict(
            golden in 0..GOLDEN.len(),
            node in any::<prop::sample::Index>(),
            replacement in json(),
        ) {
            let golden = &GOLDEN[golden];
            let validator = Validator::from_json(golden.model).unwrap();
            for operation in golden.operations {
                let mut document = samples::documents(validator.schema(), operation)
                    .unwrap()
                    .swap_remove(0)
                    .document;
                let mut all = Vec::new();
                pointers(&document, String::new(), &mut all);
                let at = all[node.index(all.len())].clone();
                match document.pointer_mut(&at) {
                    Some(slot) => *slot = replacement.clone(),
                    None => continue,
                }
                let text = document.to_string();
                let typed = |text: &str| (golden.validate_input)(operation, text).unwrap();
                let verdict = samples::compare_document(&validator, operation, &text, typed);
                prop_assert!(verdict.is_ok(), "{}: {:#?}", golden.module, verdict.unwrap_err());
            }
        }
    }
}
