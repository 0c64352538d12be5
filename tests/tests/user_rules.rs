//! What a user coming from `validator` or `garde` reaches for: custom rules, rules inside
//! rules, the string and collection types they already have, generics, a renamed
//! dependency, and `Validated<T>` and `ValidationErrors` as values.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use aws_constraints::{CustomError, InputError, Rule, Validate, Validated, ValidationErrors};
use serde::{Deserialize, Serialize};

fn starts_with_arn(value: &Option<String>) -> Result<(), &'static str> {
    match value {
        Some(v) if !v.starts_with("arn:") => Err("Member must be an ARN"),
        _ => Ok(()),
    }
}

fn one_target(request: &Attach) -> Result<(), CustomError> {
    if request.role_arn.is_some() == request.user_arn.is_some() {
        return Err(
            CustomError::new("Exactly one of roleArn and userArn must be set").at_member("roleArn"),
        );
    }
    Ok(())
}

#[derive(Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
#[custom(one_target)]
struct Attach {
    #[custom(starts_with_arn)]
    role_arn: Option<String>,
    #[sensitive]
    #[custom(starts_with_arn)]
    user_arn: Option<String>,
}

#[test]
fn custom_rules_report_in_every_rendering() {
    let request: Attach =
        serde_json::from_str(r#"{"roleArn": "role", "userArn": "hunter2"}"#).unwrap();
    let errors = request.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "3 validation errors detected: Value at 'roleArn' failed to satisfy constraint: \
         Exactly one of roleArn and userArn must be set; Value 'role' at 'roleArn' failed to \
         satisfy constraint: Member must be an ARN; Value at 'userArn' failed to satisfy \
         constraint: Member must be an ARN"
    );
    assert_eq!(
        errors.smithy_body()["fieldList"][0]["message"],
        "Value at '/roleArn' failed to satisfy constraint: Member must be an ARN"
    );
    let json = errors.to_json();
    assert_eq!(json[0]["rule"], "custom");
    assert_eq!(json[0]["constraint"], "Member must be an ARN");
    assert!(matches!(errors.as_slice()[0].rule(), Rule::Custom { .. }));
    assert!(!format!("{errors:?}").contains("hunter2"));
}

#[derive(Validate, Default)]
struct Nested {
    #[each(len(max = 2), each(len(max = 1)))]
    matrix: Vec<Vec<String>>,
    #[values(each(range(max = 9)))]
    by_name: BTreeMap<String, Vec<u8>>,
}

#[test]
fn rules_inside_rules() {
    let value = Nested {
        matrix: vec![vec!["a".into()], vec!["b".into(), "cc".into(), "d".into()]],
        by_name: BTreeMap::from([("x".into(), vec![1, 10])]),
    };
    let errors = value.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().json_pointer()).collect();
    assert_eq!(paths, ["/matrix/1", "/matrix/1/1", "/by_name/x/1"]);
    assert_eq!(
        errors.to_string(),
        "3 validation errors detected: Value '[1, 10]' at 'by_name.x.member' failed to \
         satisfy constraint: Member must satisfy constraint: [Member must have value less \
         than or equal to 9]; Value '[[a], [b, cc, d]]' at 'matrix' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must have length less than or \
         equal to 2]; Value '[b, cc, d]' at 'matrix.2.member' failed to satisfy constraint: \
         Member must satisfy constraint: [Member must have length less than or equal to 1]"
    );
}

#[derive(Validate)]
struct StringTypes<'a> {
    #[len(max = 2)]
    #[pattern("[a-z]*")]
    cow: Cow<'a, str>,
    #[len(max = 2)]
    boxed: Box<str>,
    #[one_of("a")]
    rc: Rc<str>,
    #[len(max = 2)]
    arc: Arc<str>,
}

#[test]
fn the_string_types_a_user_has() {
    let value = StringTypes {
        cow: Cow::Borrowed("ABC"),
        boxed: "abc".into(),
        rc: "b".into(),
        arc: "abc".into(),
    };
    let rules: Vec<&str> = value
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| v.rule().name())
        .collect();
    assert_eq!(rules, ["length", "pattern", "length", "enum", "length"]);
}

#[derive(Validate)]
struct Collections<'a> {
    #[len(max = 1)]
    #[each(len(max = 1))]
    #[unique]
    set: HashSet<String>,
    #[len(max = 1)]
    #[each(len(max = 1))]
    sorted: BTreeSet<String>,
    #[each(len(max = 1))]
    #[unique]
    array: [&'a str; 3],
    #[len(max = 1)]
    #[unique]
    slice: &'a [u8],
}

#[test]
fn sets_arrays_and_slices() {
    let value = Collections {
        set: HashSet::from(["zz".into(), "aa".into()]),
        sorted: BTreeSet::from(["b".into(), "cc".into()]),
        array: ["x", "yy", "x"],
        slice: &[1, 1],
    };
    let errors = value.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors
        .iter()
        .map(|v| (v.path().json_pointer(), v.rule().name()))
        .collect();
    assert_eq!(
        found,
        [
            ("/set".into(), "length"),
            // A hash set's items in sorted order, for a deterministic report.
            ("/set/0".into(), "length"),
            ("/set/1".into(), "length"),
            ("/sorted".into(), "length"),
            ("/sorted/1".into(), "length"),
            ("/array/1".into(), "length"),
            ("/array".into(), "unique"),
            ("/slice".into(), "length"),
            ("/slice".into(), "unique"),
        ]
    );
}

#[derive(Validate)]
struct Numbers {
    #[range(max = 0.1)]
    ratio: f32,
    #[range(max = 170141183460469231731687303715884105727)]
    huge: u128,
    #[range(min = -5)]
    wide: i128,
}

#[test]
fn f32_and_128_bit_numbers() {
    let ok = Numbers {
        ratio: 0.1,
        huge: 5,
        wide: -5,
    };
    assert!(ok.validate().is_ok(), "0.1f32 is within max = 0.1");
    let bad = Numbers {
        ratio: 1.6,
        huge: u128::MAX,
        wide: i128::MIN,
    };
    assert_eq!(
        bad.validate().unwrap_err().to_string(),
        "3 validation errors detected: Value '-170141183460469231731687303715884105728' at \
         'wide' failed to satisfy constraint: Member must have value greater than or equal to \
         -5; Value '340282366920938463463374607431768211455' at 'huge' failed to satisfy \
         constraint: Member must have value less than or equal to \
         170141183460469231731687303715884105727; Value '1.6' at 'ratio' failed to satisfy \
         constraint: Member must have value less than or equal to 0.1"
    );
}

#[derive(Validate, Deserialize)]
struct Envelope<T> {
    #[nested]
    inner: T,
}

#[derive(Validate, Deserialize)]
struct Leaf {
    #[len(max = 1)]
    name: String,
}

/// A bound the derive cannot infer (`T` carries a `#[len]`), given by hand.
#[derive(Validate)]
#[validate(bound = "T: aws_constraints::rules::HasLength")]
struct Labelled<T> {
    #[len(max = 1)]
    label: T,
}

#[test]
fn generic_structs_infer_or_take_their_bounds() {
    let envelope: Envelope<Leaf> = serde_json::from_str(r#"{"inner": {"name": "ab"}}"#).unwrap();
    assert_eq!(
        envelope.validate().unwrap_err().as_slice()[0]
            .path()
            .json_pointer(),
        "/inner/name"
    );
    assert!(Labelled { label: "ab" }.validate().is_err());
    assert!(Labelled { label: vec![1] }.validate().is_ok());
}

mod renamed {
    // As a user with `renamed = { package = "aws-constraints" }` in Cargo.toml would.
    pub use aws_constraints as renamed_runtime;
}

#[derive(Validate)]
#[validate(crate = "renamed::renamed_runtime")]
struct ThroughRename {
    #[len(max = 1)]
    name: String,
}

#[test]
fn a_renamed_dependency() {
    assert!(ThroughRename { name: "ab".into() }.validate().is_err());
}

#[derive(Validate, Deserialize, Serialize, Debug)]
struct Request {
    #[required]
    #[len(max = 3)]
    #[pattern("[a-z]*")]
    name: Option<String>,
    #[nested]
    leaf: Option<Leaf>,
}

impl Serialize for Leaf {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.name.serialize(serializer)
    }
}

impl std::fmt::Debug for Leaf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

#[test]
fn validated_is_made_at_the_top_of_a_document() {
    // An array is not a structure, although serde would read one from it.
    assert!(matches!(
        Validated::<Request>::from_json(r#"["ab", null]"#),
        Err(InputError::Malformed(e)) if e.to_string().contains("expected a JSON object")
    ));
    assert!(matches!(
        Validated::<Request>::from_value(serde_json::json!(["ab", null])),
        Err(InputError::Malformed(_))
    ));
    let valid = Validated::<Request>::from_json(r#"{"name": "ab"}"#).unwrap();
    assert_eq!(valid.name.as_deref(), Some("ab"));
    assert_eq!(
        serde_json::to_string(&valid).unwrap(),
        r#"{"name":"ab","leaf":null}"#
    );
}

#[test]
fn validation_errors_serialize_as_the_json_format() {
    let errors = Request {
        name: Some("ABCD".into()),
        leaf: None,
    }
    .validate()
    .unwrap_err();
    assert_eq!(serde_json::to_value(&errors).unwrap(), errors.to_json());
}

#[test]
fn validation_errors_built_by_hand() {
    let leaf = Leaf { name: "ab".into() }.validate().unwrap_err();
    let root = aws_constraints::path::Location::root();
    let secret = root.member("secret", true);
    let mut errors: ValidationErrors = leaf.clone().into_iter().collect();
    errors.merge_at(&secret, leaf.clone());
    errors.extend(leaf);
    assert_eq!(
        errors.to_string(),
        "3 validation errors detected: Value 'ab' at 'name' failed to satisfy constraint: \
         Member must have length less than or equal to 1; Value 'ab' at 'name' failed to \
         satisfy constraint: Member must have length less than or equal to 1; Value at \
         'secret.name' failed to satisfy constraint: Member must have length less than or \
         equal to 1"
    );
}

#[test]
fn patterns_compile_up_front() {
    // `Request` has one pattern and nests `Leaf`, which has none.
    assert_eq!(Request::compile_patterns(), 1);
    // Name, ClientRequestToken and Metadata; its tags have none.
    assert_eq!(
        aws_constraints_models::chime::CreateAppInstanceRequest::compile_patterns(),
        3
    );
}

const MAX_NAME: usize = 3;
const MIN_NAME: u8 = 1;
const LIMIT: f64 = 2.5;
const MAX_COUNT: i64 = 10;

#[derive(Validate)]
struct FromConstants {
    #[len(MIN_NAME, MAX_NAME)]
    name: String,
    #[range(max = LIMIT)]
    ratio: f64,
    #[each(range(min = 0, max = MAX_COUNT))]
    counts: Vec<i64>,
}

#[test]
fn bounds_from_constants() {
    let value = FromConstants {
        name: "abcd".into(),
        ratio: 2.6,
        counts: vec![11],
    };
    assert_eq!(
        value.validate().unwrap_err().to_string(),
        "3 validation errors detected: Value '[11]' at 'counts' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must have value less than or \
         equal to 10, Member must have value greater than or equal to 0]; Value 'abcd' at \
         'name' failed to satisfy constraint: Member must have length less than or equal to \
         3; Value '2.6' at 'ratio' failed to satisfy constraint: Member must have value less \
         than or equal to 2.5"
    );
    let ok = FromConstants {
        name: "a".into(),
        ratio: 2.5,
        counts: vec![10],
    };
    assert!(ok.validate().is_ok());
}

/// An `IndexMap` keeps the order the client sent, which Java's `HashMap` order falls back
/// on within one bucket.
#[test]
fn index_maps() {
    #[derive(Validate, Deserialize)]
    struct Tagged {
        #[len(max = 1)]
        #[values(len(max = 1))]
        tags: indexmap::IndexMap<String, String>,
    }
    let tagged: Tagged = serde_json::from_str(r#"{"tags": {"b": "xx", "a": "y"}}"#).unwrap();
    assert_eq!(
        tagged.validate().unwrap_err().to_string(),
        "2 validation errors detected: Value '{a=y, b=xx}' at 'tags' failed to satisfy \
         constraint: Member must have length less than or equal to 1; Value '{a=y, b=xx}' at \
         'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must \
         have length less than or equal to 1]"
    );
}
