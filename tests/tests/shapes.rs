//! Shapes beyond the five operations': blobs, documents, sparse collections, sensitive
//! types and recursive structures.

use std::collections::BTreeMap;

use aws_constraints::{Blob, Document, InputError, Validate, Validated};
use serde::Deserialize;

#[derive(Validate, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PutRecordsRequest {
    #[required]
    #[len(1, 500)]
    #[nested]
    records: Option<Vec<PutRecordsRequestEntry>>,
}

#[derive(Validate, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PutRecordsRequestEntry {
    #[required]
    #[len(0, 1048576)]
    data: Option<Blob>,
}

fn records(sizes: &[usize]) -> PutRecordsRequest {
    PutRecordsRequest {
        records: Some(
            sizes
                .iter()
                .map(|&n| PutRecordsRequestEntry {
                    data: Some(Blob(vec![b'x'; n])),
                })
                .collect(),
        ),
    }
}

/// Kinesis `PutRecords`: four oversized blobs, each echoed as AWS echoes a blob (the real
/// message and its source: `tests::kinesis_put_records_four_oversized`).
#[test]
fn kinesis_put_records_oversized_blobs() {
    let request = records(&[1049568; 4]);
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        tests::kinesis_put_records_four_oversized()
    );
}

#[test]
fn blob_lengths_count_bytes_at_every_bound() {
    for (size, ok) in [
        (1048575, true),
        (1048576, true),
        (1048577, false),
        (0, true),
    ] {
        assert_eq!(records(&[size]).validate().is_ok(), ok, "{size}");
    }
}

#[test]
fn blobs_travel_as_base64_and_malformed_base64_is_an_input_error() {
    let ok =
        Validated::<PutRecordsRequest>::from_json(r#"{"Records": [{"Data": "aGk="}]}"#).unwrap();
    assert_eq!(
        ok.records.as_ref().unwrap()[0].data.as_deref(),
        Some(&b"hi"[..])
    );
    match Validated::<PutRecordsRequest>::from_json(r#"{"Records": [{"Data": "a!=="}]}"#) {
        Err(InputError::Malformed(e)) => {
            assert!(e.to_string().contains("invalid base64"), "{e}")
        }
        _ => panic!("malformed base64 must be a malformed input"),
    }
}

#[derive(Validate, Deserialize)]
struct Encrypt {
    #[sensitive]
    #[required]
    #[len(1, 4)]
    plaintext: Option<Blob>,
    /// A document: anything goes.
    context: Option<Document>,
}

#[test]
fn a_sensitive_blob_is_never_echoed() {
    let request: Encrypt =
        serde_json::from_str(r#"{"plaintext": "c2VjcmV0", "context": {"any": [1, "x"]}}"#).unwrap();
    let errors = request.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: \
         Member must have length less than or equal to 4"
    );
    assert!(!format!("{errors:?}{}", errors.to_json()).contains("secret"));
}

#[derive(Validate, Deserialize)]
struct Sparse {
    #[each(len(max = 2))]
    list: Vec<Option<String>>,
    #[values(len(max = 2))]
    map: BTreeMap<String, Option<String>>,
    #[each(len(max = 2))]
    dense: Option<Vec<String>>,
}

#[test]
fn sparse_collections_skip_nulls_and_dense_ones_refuse_them() {
    let sparse: Sparse =
        serde_json::from_str(r#"{"list": [null, "abc"], "map": {"k": null, "j": "abc"}}"#).unwrap();
    let paths: Vec<String> = sparse
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| v.path().json_pointer())
        .collect();
    assert_eq!(paths, ["/list/1", "/map/j"]);
    assert!(matches!(
        Validated::<Sparse>::from_json(r#"{"list": [], "map": {}, "dense": ["a", null]}"#),
        Err(InputError::Malformed(_))
    ));
}

/// A type marked `#[sensitive]` is redacted wherever it is used, at any depth.
#[derive(Validate, Deserialize)]
#[sensitive]
struct Credentials {
    #[len(max = 3)]
    password: String,
    #[nested]
    extra: Option<Extra>,
}

#[derive(Validate, Deserialize)]
struct Extra {
    #[len(max = 3)]
    pin: String,
}

#[derive(Validate, Deserialize)]
struct Login {
    #[nested]
    credentials: Credentials,
}

#[test]
fn a_sensitive_type_redacts_everything_below_it() {
    let login: Login = serde_json::from_str(
        r#"{"credentials": {"password": "hunter2", "extra": {"pin": "12345"}}}"#,
    )
    .unwrap();
    let errors = login.validate().unwrap_err();
    let rendered = format!("{errors}{errors:?}{}", errors.to_json());
    assert!(
        !rendered.contains("hunter2") && !rendered.contains("12345"),
        "{rendered}"
    );
    assert_eq!(errors.len(), 2);
}

#[derive(Validate, Deserialize)]
struct Node {
    #[len(max = 3)]
    name: String,
    #[nested]
    child: Option<Box<Node>>,
}

fn chain(depth: usize) -> Node {
    let mut node = Node {
        name: "long name".into(),
        child: None,
    };
    for _ in 0..depth {
        node = Node {
            name: "ok".into(),
            child: Some(Box::new(node)),
        };
    }
    node
}

#[test]
fn recursive_shapes_validate_to_any_parsed_depth_and_stop_at_a_bound() {
    // As deep as serde_json parses (128): the violation at the bottom is found.
    let errors = chain(100).validate().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].path().segments().len(), 101);
    // Deeper than any parser allows, built in code: validation stops at its bound with a
    // violation saying so, rather than overflowing the stack.
    let deep = chain(100_000);
    let errors = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let errors = deep.validate().unwrap_err();
            // Dropping a 100,000-deep chain recurses too; leak it in the test.
            std::mem::forget(deep);
            errors
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].rule().name(), "depth");
    assert_eq!(
        *errors.as_slice()[0].rule(),
        aws_constraints::Rule::TooDeep { max: 512 }
    );
    assert!(errors.to_string().contains("nested deeper than 512 levels"));
}

aws_constraints::string_enum! {
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum KeyUsage {
        EncryptDecrypt = "ENCRYPT_DECRYPT",
        SignVerify = "SIGN_VERIFY",
        #[internal]
        Internal = "INTERNAL_ONLY",
        ..Unknown
    }
}

aws_constraints::int_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Level {
        One = 1,
        Two = 2,
        ..Unknown
    }
}

#[derive(Validate, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CreateKey {
    #[nested]
    key_usage: Option<KeyUsage>,
    #[nested]
    level: Option<Level>,
}

#[test]
fn enums_are_rust_enums_that_report_unknown_values_like_one_of() {
    let known: CreateKey =
        serde_json::from_str(r#"{"KeyUsage": "SIGN_VERIFY", "Level": 2}"#).unwrap();
    assert_eq!(known.key_usage, Some(KeyUsage::SignVerify));
    assert_eq!(known.level, Some(Level::Two));
    assert!(known.validate().is_ok());
    let internal: CreateKey = serde_json::from_str(r#"{"KeyUsage": "INTERNAL_ONLY"}"#).unwrap();
    assert!(internal.validate().is_ok(), "internal values are accepted");
    let unknown: CreateKey =
        serde_json::from_str(r#"{"KeyUsage": "ENCRYPT", "Level": 7}"#).unwrap();
    assert_eq!(
        unknown.validate().unwrap_err().to_string(),
        "2 validation errors detected: Value 'ENCRYPT' at 'keyUsage' failed to satisfy \
         constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY]; \
         Value '7' at 'level' failed to satisfy constraint: Member must satisfy enum value \
         set: [1, 2]"
    );
    assert_eq!(
        serde_json::to_string(&KeyUsage::from("SIGN_VERIFY")).unwrap(),
        r#""SIGN_VERIFY""#
    );
    assert_eq!(KeyUsage::VALUES, ["ENCRYPT_DECRYPT", "SIGN_VERIFY"]);
}

aws_constraints::string_enum! {
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum SocketInformation {
        GetThingConnectivityData = "GET_THING_CONNECTIVITY_DATA",
        ..Unknown
    }
}

/// A list of an enum type reports as `#[each(one_of(..))]` on strings does: once, for the
/// whole list, with the value set inside AWS's brackets. The message is IoT
/// `UpdateIndexingConfiguration`'s, as recorded against IoT (see `aws_messages.rs`).
#[test]
fn collections_of_enum_types_are_grouped_as_aws_groups_them() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Connectivity {
        #[nested]
        include_socket_information: Option<Vec<SocketInformation>>,
        #[nested]
        levels: Option<Vec<Option<Level>>>,
        #[nested]
        usages: Option<BTreeMap<String, KeyUsage>>,
        #[nested]
        #[sensitive]
        secret_usages: Option<Vec<KeyUsage>>,
    }
    let parse = |json: &str| serde_json::from_str::<Connectivity>(json).unwrap();

    let valid = parse(
        r#"{"includeSocketInformation": ["GET_THING_CONNECTIVITY_DATA"], "levels": [1, null],
            "usages": {"a": "SIGN_VERIFY"}, "secretUsages": ["INTERNAL_ONLY"]}"#,
    );
    assert!(valid.validate().is_ok());

    let list = parse(r#"{"includeSocketInformation": ["GetConnection"]}"#);
    assert_eq!(
        list.validate().unwrap_err().to_string(),
        "1 validation error detected: Value '[GetConnection]' at 'includeSocketInformation' \
         failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy \
         enum value set: [GET_THING_CONNECTIVITY_DATA]]"
    );

    // Two bad members of one list: one message; the precise paths stay in the violations.
    let sparse = parse(r#"{"levels": [3, null, 1, 4]}"#);
    let errors = sparse.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "1 validation error detected: Value '[3, null, 1, 4]' at 'levels' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must satisfy enum value set: \
         [1, 2]]"
    );
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(paths, ["/levels/0", "/levels/3"]);

    let map = parse(r#"{"usages": {"b": "SIGN", "a": "SIGN_VERIFY"}}"#);
    assert_eq!(
        map.validate().unwrap_err().to_string(),
        "1 validation error detected: Value '{a=SIGN_VERIFY, b=SIGN}' at 'usages' failed to \
         satisfy constraint: Map value must satisfy constraint: [Member must satisfy enum \
         value set: [ENCRYPT_DECRYPT, SIGN_VERIFY]]"
    );

    let secret = parse(r#"{"secretUsages": ["TOP_SECRET_VALUE"]}"#);
    let message = secret.validate().unwrap_err().to_string();
    assert!(!message.contains("TOP_SECRET_VALUE"), "{message}");
    assert!(message.contains("at 'secretUsages'"), "{message}");
}

/// What the importer writes for an optional member with `@timestampFormat`.
#[test]
fn optional_timestamps_in_a_chosen_format() {
    use aws_constraints::Timestamp;

    #[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
    struct Window {
        #[serde(default, with = "aws_constraints::timestamp::optional::date_time")]
        start: Option<Timestamp>,
        #[serde(default, with = "aws_constraints::timestamp::optional::http_date")]
        end: Option<Timestamp>,
    }
    let window: Window =
        serde_json::from_str(r#"{"start": "2014-04-29T18:30:38Z", "end": null}"#).unwrap();
    assert_eq!(window.start, Timestamp::from_epoch(1398796238, 0));
    assert_eq!(window.end, None);
    assert_eq!(
        serde_json::from_str::<Window>("{}").unwrap(),
        Window {
            start: None,
            end: None
        }
    );
    assert_eq!(
        serde_json::to_string(&window).unwrap(),
        r#"{"start":"2014-04-29T18:30:38Z","end":null}"#
    );
    assert!(serde_json::from_str::<Window>(r#"{"end": "yesterday"}"#).is_err());
}

/// Smithy's bigInteger and bigDecimal: exact at every bound, in both message formats.
/// Without aws-constraints' `arbitrary-precision` feature (this crate does not turn it on)
/// only 64-bit integers are read, and any other number is refused, never rounded.
#[test]
fn big_numbers_compare_exactly_and_refuse_what_they_cannot_read() {
    use aws_constraints::{BigDecimal, BigInteger};

    #[derive(Validate, Deserialize)]
    struct Account {
        #[range(min = 0, max = 18446744073709551615)]
        balance: Option<BigInteger>,
        #[range(min = -1.5, max = 0.1)]
        rate: Option<BigDecimal>,
    }
    let account = |balance: &str, rate: &str| Account {
        balance: Some(balance.parse().unwrap()),
        rate: Some(rate.parse().unwrap()),
    };
    for (balance, rate) in [
        ("0", "-1.5"),
        ("18446744073709551615", "0.1"),
        ("1", "0.1000"),
    ] {
        assert!(
            account(balance, rate).validate().is_ok(),
            "{balance} {rate}"
        );
    }
    let errors = account("18446744073709551616", "0.10000000000000000000001")
        .validate()
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "2 validation errors detected: Value '18446744073709551616' at 'balance' failed to \
         satisfy constraint: Member must have value less than or equal to \
         18446744073709551615; Value '0.10000000000000000000001' at 'rate' failed to satisfy \
         constraint: Member must have value less than or equal to 0.1"
    );
    let below = account("-1", "-1.50000000000000000001")
        .validate()
        .unwrap_err();
    let smithy: Vec<String> = below.iter().map(|v| v.smithy_message()).collect();
    assert_eq!(
        smithy,
        [
            "Value at '/balance' failed to satisfy constraint: Member must be between 0 and \
             18446744073709551615, inclusive",
            "Value at '/rate' failed to satisfy constraint: Member must be between -1.5 and \
             0.1, inclusive"
        ]
    );

    let read: Account = serde_json::from_str(r#"{"balance": 18446744073709551615}"#).unwrap();
    assert_eq!(read.balance, Some("18446744073709551615".parse().unwrap()));
    for json in [r#"{"rate": 0.1}"#, r#"{"balance": 18446744073709551616}"#] {
        let error = serde_json::from_str::<Account>(json)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("`arbitrary-precision`"), "{error}");
    }
    assert!(serde_json::from_str::<Account>(r#"{"balance": "12"}"#).is_err());
}

/// Non-finite floats: strings on the wire (Smithy's JSON protocols), infinities compared as
/// the extremes they are, NaN within no bound.
#[test]
fn non_finite_floats_travel_as_strings_and_meet_ranges_as_ieee_orders_them() {
    #[derive(Validate, serde::Serialize, Deserialize)]
    struct Gauge {
        #[serde(default, with = "aws_constraints::float")]
        #[range(min = -1.0, max = 1.0)]
        double: Option<f64>,
        #[serde(with = "aws_constraints::float")]
        #[range(max = 8.8)]
        float: f32,
    }
    let message = |json: &str| {
        let gauge: Gauge = serde_json::from_str(json).unwrap();
        gauge.validate().err().map(|e| e.to_string())
    };
    assert_eq!(message(r#"{"double": 1, "float": "-Infinity"}"#), None);
    assert_eq!(message(r#"{"float": 8.8}"#), None);
    assert_eq!(
        message(r#"{"double": "Infinity", "float": "NaN"}"#).unwrap(),
        "2 validation errors detected: Value 'Infinity' at 'double' failed to satisfy \
         constraint: Member must have value less than or equal to 1.0; Value 'NaN' at 'float' \
         failed to satisfy constraint: Member must have value less than or equal to 8.8"
    );
    assert_eq!(
        message(r#"{"double": "-Infinity", "float": 0}"#).unwrap(),
        "1 validation error detected: Value '-Infinity' at 'double' failed to satisfy \
         constraint: Member must have value greater than or equal to -1.0"
    );
    let gauge = Gauge {
        double: Some(f64::NEG_INFINITY),
        float: f32::NAN,
    };
    assert_eq!(
        serde_json::to_string(&gauge).unwrap(),
        r#"{"double":"-Infinity","float":"NaN"}"#
    );
    for bad in [
        r#"{"float": "nan"}"#,
        r#"{"float": null}"#,
        r#"{"float": "1.5"}"#,
    ] {
        assert!(serde_json::from_str::<Gauge>(bad).is_err(), "{bad}");
    }
}

/// Maps inside lists (DynamoDB's `KeysAndAttributes.Keys`) and lists inside maps: the inner
/// collection's keys and values are grouped at the inner collection, as AWS groups them
/// (maps echoed in Java's `HashMap` order).
#[test]
fn maps_inside_lists_check_their_keys_and_values() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct KeysAndAttributes {
        #[len(1, 100)]
        #[each(len(max = 2), keys(len(max = 5)), values(range(max = 9)))]
        keys: Vec<BTreeMap<String, u32>>,
        #[values(each(keys(one_of("S", "N"))))]
        by_table: Option<BTreeMap<String, Vec<BTreeMap<String, String>>>>,
    }
    let read = |json: &str| serde_json::from_str::<KeysAndAttributes>(json).unwrap();
    assert!(
        read(r#"{"Keys": [{"id": 1}, {"sk": 9, "pk": 0}], "ByTable": {"t": [{"S": "x"}]}}"#)
            .validate()
            .is_ok()
    );
    let errors = read(
        r#"{"Keys": [{"id": 1}, {"toolong": 10, "pk": 0, "x": 1}],
            "ByTable": {"t": [{"S": "x"}, {"B": "y"}]}}"#,
    )
    .validate()
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "4 validation errors detected: Value '[{id=1}, {x=1, pk=0, toolong=10}]' at 'keys' \
         failed to satisfy constraint: Member must satisfy constraint: [Member must have length \
         less than or equal to 2]; Value '{x=1, pk=0, toolong=10}' at 'keys.2.member' failed \
         to satisfy constraint: Map keys must satisfy constraint: [Member must have length less \
         than or equal to 5]; Value '{x=1, pk=0, toolong=10}' at 'keys.2.member' failed to \
         satisfy constraint: Map value must satisfy constraint: [Member must have value less \
         than or equal to 9]; Value '{B=y}' at 'byTable.t.member.2.member' failed to satisfy \
         constraint: Map keys must satisfy constraint: [Member must satisfy enum value set: \
         [S, N]]"
    );
}
