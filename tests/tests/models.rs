//! The five operations: valid minimal and maximal documents, each bound and just past it,
//! patterns from the seed pages, required members missing or `null`, and JSON round trips
//! with exact wire names.

use aws_constraints::{InputError, Validated};
use aws_constraints_models::{appregistry, chime, clouddirectory, connect, iot, Operation};
use serde_json::{json, Value};

/// Validates `doc` as `O`'s input: `Ok` or the AWS-format message.
fn check<O: Operation>(doc: &Value) -> Result<(), String> {
    match Validated::<O::Input>::from_json(&doc.to_string()) {
        Ok(_) => Ok(()),
        Err(InputError::Invalid(errors)) => Err(errors.to_string()),
        Err(InputError::Malformed(e)) => panic!("malformed {doc}: {e}"),
    }
}

/// `doc` with `member` set to `value` (or removed for `Value::Null` when `remove`).
fn with(doc: &Value, member: &str, value: Value) -> Value {
    let mut doc = doc.clone();
    doc[member] = value;
    doc
}

fn round_trip<O: Operation>(doc: &Value) {
    let parsed: O::Input = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&parsed).unwrap(), doc);
}

/// Checks a string member at both bounds and just past them, with a filler character
/// its pattern accepts.
fn check_length<O: Operation>(doc: &Value, member: &str, min: usize, max: usize, fill: &str) {
    let at = |n: usize| with(doc, member, json!(fill.repeat(n)));
    assert_eq!(check::<O>(&at(max)), Ok(()), "{member} at max");
    let over = check::<O>(&at(max + 1)).unwrap_err();
    assert!(
        over.contains(&format!(
            "Member must have length less than or equal to {max}"
        )),
        "{over}"
    );
    if min > 0 {
        assert_eq!(check::<O>(&at(min)), Ok(()), "{member} at min");
        let under = check::<O>(&at(min - 1)).unwrap_err();
        assert!(
            under.contains(&format!(
                "Member must have length greater than or equal to {min}"
            )),
            "{under}"
        );
    }
}

fn check_required<O: Operation>(doc: &Value, member: &str) {
    let aws_path = {
        let mut chars = member.chars();
        let first = chars.next().unwrap().to_ascii_lowercase();
        format!("{first}{}", chars.as_str())
    };
    let expected = format!(
        "1 validation error detected: Value null at '{aws_path}' failed to satisfy constraint: \
         Member must not be null"
    );
    let mut missing = doc.clone();
    missing.as_object_mut().unwrap().remove(member);
    assert_eq!(check::<O>(&missing), Err(expected.clone()));
    assert_eq!(check::<O>(&with(doc, member, Value::Null)), Err(expected));
}

fn check_values<O: Operation>(doc: &Value, member: &str, accept: &[&str], reject: &[&str]) {
    for v in accept {
        assert_eq!(
            check::<O>(&with(doc, member, json!(v))),
            Ok(()),
            "{member} {v:?}"
        );
    }
    for v in reject {
        let err = check::<O>(&with(doc, member, json!(v))).unwrap_err();
        assert!(
            err.contains("Member must satisfy regular expression pattern"),
            "{member} {v:?}: {err}"
        );
    }
}

#[test]
fn create_app_instance() {
    type O = chime::CreateAppInstance;
    let minimal = json!({"Name": "a", "ClientRequestToken": "ab"});
    let maximal = json!({
        "Name": "😀 app", "Metadata": "m", "ClientRequestToken": "token-1",
        "Tags": [{"Key": "k", "Value": "v"}]
    });
    assert_eq!(check::<O>(&minimal), Ok(()));
    assert_eq!(check::<O>(&maximal), Ok(()));
    round_trip::<O>(&maximal);
    check_length::<O>(&minimal, "Name", 1, 256, "é");
    check_length::<O>(&minimal, "Metadata", 0, 1024, "m");
    check_length::<O>(&minimal, "ClientRequestToken", 2, 64, "a");
    check_required::<O>(&minimal, "Name");
    check_required::<O>(&minimal, "ClientRequestToken");
    check_values::<O>(
        &minimal,
        "Name",
        &["tab\tok", "\u{10FFFF}"],
        &["\u{7f}", "\u{0}"],
    );
    check_values::<O>(&minimal, "ClientRequestToken", &["a-_Z9"], &["ab!", "a b"]);
    check_values::<O>(&minimal, "Metadata", &["any text"], &["two\nlines"]);
    let tag = json!({"Key": "k", "Value": "v"});
    let tags = |n: usize| with(&minimal, "Tags", json!(vec![tag.clone(); n]));
    assert_eq!(check::<O>(&tags(50)), Ok(()));
    assert!(check::<O>(&tags(51))
        .unwrap_err()
        .contains("at 'tags' failed"));
    // An empty list is echoed, as CloudFront's `Value '[]' at 'distributionConfig.origins.items'`
    // shows; a list of structures as Java prints its objects (Step Functions', in
    // `aws_messages.rs`), the sensitive key and value of each tag hidden.
    assert_eq!(
        check::<O>(&tags(0)),
        Err(
            "1 validation error detected: Value '[]' at 'tags' failed to satisfy constraint: \
             Member must have length greater than or equal to 1"
                .to_owned()
        )
    );
    let redacted = aws_constraints::path::REDACTED;
    assert!(check::<O>(&tags(51)).unwrap_err().starts_with(&format!(
        "1 validation error detected: Value '[Tag(key={redacted}, value={redacted}), Tag("
    )));
    let bad_tag = with(&minimal, "Tags", json!([{"Key": "", "Value": null}]));
    assert_eq!(
        check::<O>(&bad_tag),
        Err(
            "2 validation errors detected: Value null at 'tags.1.member.value' failed to \
             satisfy constraint: Member must not be null; Value at 'tags.1.member.key' failed \
             to satisfy constraint: Member must have length greater than or equal to 1"
                .to_owned()
        )
    );
}

#[test]
fn create_application() {
    type O = appregistry::CreateApplication;
    let minimal = json!({"name": "a", "clientToken": "c"});
    let maximal = json!({
        "name": "orders_1", "description": "d", "tags": {"team": "Ünïcode 1"}, "clientToken": "c-1"
    });
    assert_eq!(check::<O>(&minimal), Ok(()));
    assert_eq!(check::<O>(&maximal), Ok(()));
    round_trip::<O>(&maximal);
    check_length::<O>(&minimal, "name", 1, 256, "a");
    check_length::<O>(&minimal, "description", 0, 1024, "d");
    check_length::<O>(&minimal, "clientToken", 1, 128, "a");
    check_required::<O>(&minimal, "name");
    check_required::<O>(&minimal, "clientToken");
    check_values::<O>(&minimal, "name", &["abc_1"], &["my-app", "café"]);
    check_values::<O>(&minimal, "clientToken", &["a_-1"], &["-a", "_"]);
    let tags = |t: Value| with(&minimal, "tags", t);
    assert_eq!(check::<O>(&tags(json!({"awsx": "v", "k": ""}))), Ok(()));
    let aws = check::<O>(&tags(json!({"aws:x": "v"}))).unwrap_err();
    assert!(aws.contains("(?!aws:)[a-zA-Z+-=._:/]+"), "{aws}");
    let many: serde_json::Map<String, Value> =
        (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    assert!(check::<O>(&tags(Value::Object(many)))
        .unwrap_err()
        .contains("less than or equal to 50"));
    // Map keys and values are reported at the map, echoing it, once each: the shape of
    // EventBridge's and Cognito's messages (see tests/tests/aws_messages.rs), in the order
    // of a Java hash set of the two messages.
    let value = check::<O>(&tags(json!({"k": "#", "aws:x": "#"}))).unwrap_err();
    assert_eq!(
        value,
        "2 validation errors detected: Value '{aws:x=#, k=#}' at 'tags' failed to satisfy \
         constraint: Map value must satisfy constraint: [Member must have length less than or \
         equal to 256, Member must have length greater than or equal to 0, Member must \
         satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*]; Value \
         '{aws:x=#, k=#}' at 'tags' failed to satisfy constraint: Map keys must satisfy \
         constraint: [Member must have length less than or equal to 128, Member must have \
         length greater than or equal to 1, Member must satisfy regular expression pattern: \
         (?!aws:)[a-zA-Z+-=._:/]+]"
    );
}

#[test]
fn replicate_instance() {
    type O = connect::ReplicateInstance;
    let uuid = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    let minimal = json!({"InstanceId": uuid, "ReplicaRegion": "us-west-2", "ReplicaAlias": "a"});
    let maximal = with(&minimal, "ClientToken", json!("t"));
    assert_eq!(check::<O>(&minimal), Ok(()));
    assert_eq!(check::<O>(&maximal), Ok(()));
    round_trip::<O>(&maximal);
    check_length::<O>(&minimal, "ReplicaAlias", 1, 45, "a");
    check_length::<O>(&minimal, "ClientToken", 0, 500, "t");
    for member in ["InstanceId", "ReplicaRegion", "ReplicaAlias"] {
        check_required::<O>(&minimal, member);
    }
    check_values::<O>(
        &minimal,
        "InstanceId",
        &[&format!(
            "arn:aws:connect:us-east-1:123456789012:instance/{uuid}"
        )],
        &["instance-1", &uuid.to_uppercase()],
    );
    check_values::<O>(
        &minimal,
        "ReplicaRegion",
        &["eu-central-1", "us-gov-west-1"],
        &["US-WEST-2", "uswest2x"],
    );
    check_values::<O>(
        &minimal,
        "ReplicaAlias",
        &["alias-1", "d1"],
        &["d-alias", "-a", "a-"],
    );
    // The alias is sensitive: never echoed.
    let err = check::<O>(&with(&minimal, "ReplicaAlias", json!("d-secret"))).unwrap_err();
    assert!(
        err.starts_with("1 validation error detected: Value at 'replicaAlias'"),
        "{err}"
    );
}

#[test]
fn create_schema() {
    type O = clouddirectory::CreateSchema;
    let minimal = json!({"Name": "s"});
    assert_eq!(check::<O>(&minimal), Ok(()));
    round_trip::<O>(&minimal);
    check_length::<O>(&minimal, "Name", 1, 32, "s");
    check_required::<O>(&minimal, "Name");
    check_values::<O>(&minimal, "Name", &["a.b_c-1"], &["a b", "a/b"]);
}

#[test]
fn create_thing() {
    type O = iot::CreateThing;
    let minimal = json!({"thingName": "t"});
    let maximal = json!({
        "thingName": "t:1", "thingTypeName": "type", "billingGroupName": "g",
        "attributePayload": {"attributes": {"a": "b=[1]"}, "merge": true}
    });
    assert_eq!(check::<O>(&minimal), Ok(()));
    assert_eq!(check::<O>(&maximal), Ok(()));
    round_trip::<O>(&maximal);
    for member in ["thingName", "thingTypeName", "billingGroupName"] {
        check_length::<O>(&minimal, member, 1, 128, "a");
        check_values::<O>(&minimal, member, &["a:b_c-1"], &["a b", "a/b"]);
    }
    check_required::<O>(&minimal, "thingName");
    let attributes = |a: Value| with(&minimal, "attributePayload", json!({"attributes": a}));
    assert_eq!(check::<O>(&attributes(json!({"k": ""}))), Ok(()));
    let err = check::<O>(&attributes(json!({"k": "a b", "": "v"}))).unwrap_err();
    assert_eq!(
        err,
        "2 validation errors detected: Value '{=v, k=a b}' at 'attributePayload.attributes' \
         failed to satisfy constraint: Map keys must satisfy constraint: [Member must have \
         length less than or equal to 128, Member must have length greater than or equal to 0, \
         Member must satisfy regular expression pattern: [a-zA-Z0-9_.,@/:#-]+]; Value \
         '{=v, k=a b}' at 'attributePayload.attributes' failed to satisfy constraint: Map value \
         must satisfy constraint: [Member must have length less than or equal to 800, Member \
         must have length greater than or equal to 0, Member must satisfy regular expression \
         pattern: [a-zA-Z0-9_.,@/:#=\\[\\]-]*]"
    );
}

#[test]
fn operations_carry_their_http_binding() {
    assert_eq!(
        (
            iot::CreateThing::METHOD.as_str(),
            iot::CreateThing::PATH,
            iot::CreateThing::SUCCESS_STATUS
        ),
        ("POST", "/things/{thingName}", 200)
    );
    assert_eq!(clouddirectory::CreateSchema::METHOD.as_str(), "PUT");
    assert_eq!(chime::CreateAppInstance::SUCCESS_STATUS, 201);
    assert_eq!(connect::ReplicateInstance::URI_MEMBERS, ["InstanceId"]);
    assert_eq!(
        appregistry::CreateApplication::IDEMPOTENCY_TOKEN,
        Some("clientToken")
    );
}

#[test]
fn validation_failures_become_each_operations_error() {
    use aws_constraints::Validate;
    use aws_constraints_models::ErrorShape;
    let errors = clouddirectory::CreateSchemaRequest::default()
        .validate()
        .unwrap_err();
    let cases = [
        (
            chime::CreateAppInstance::validation_error(&errors).name(),
            "BadRequestException",
        ),
        (
            appregistry::CreateApplication::validation_error(&errors).name(),
            "ValidationException",
        ),
        (
            clouddirectory::CreateSchema::validation_error(&errors).name(),
            "ValidationException",
        ),
        (
            connect::ReplicateInstance::validation_error(&errors).name(),
            "InvalidRequestException",
        ),
        (
            iot::CreateThing::validation_error(&errors).name(),
            "InvalidRequestException",
        ),
    ];
    for (got, expected) in cases {
        assert_eq!(got, expected);
    }
    let body = serde_json::to_value(chime::CreateAppInstance::validation_error(&errors)).unwrap();
    assert_eq!(body["Code"], "BadRequest");
    assert_eq!(body["Message"], errors.to_string());
}
