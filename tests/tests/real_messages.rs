//! Every validation message of `tests/data/real-aws-messages.json`: messages AWS services
//! returned, each with the request that drew it, its source (the `source` field: LocalStack
//! snapshots recorded against AWS, moto tests verified against AWS, bug reports quoting the
//! service) and the evidence that it came from AWS; ids above 1000 are messages the project
//! found since. Each request goes to its service as
//! AWS's clients send it, where the request alone says how: over awsJson and awsQuery
//! through [`Service`] (the message read back from the protocol's answer, as an SDK reads
//! it); over restJson1, whose URIs need members the sources leave out, to the model-driven
//! validator with the service's profile. Models: slices of AWS's Smithy models
//! (`tests/models/aws/messages/`, Apache-2.0: `tests/models/aws/LICENSE`), cut with
//! `scripts/slice-model.py --wire`.
//!
//! [`EXPECTED`] pins each message's outcome, and the reason for each one not reproduced;
//! the test fails when any outcome changes, better or worse, so the table stays the truth
//! (the README's and the note's counts come from it).

use std::collections::{BTreeMap, BTreeSet};

use aws_constraints_schema::shapes::{Protocol, Schema, Type, TypeKind};
use aws_constraints_schema::{DocumentError, Model, Validator};
use aws_constraints_server::{Rejection, Service};
use serde_json::Value;

/// What the comparison of AWS's message with ours found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Byte for byte.
    Exact,
    /// The same violations in another order: AWS's order of several is not knowable from
    /// the model (see `ValidationErrors::aws_reported`).
    SameViolations,
    /// The same violations once the required members the source's request does not show
    /// are set aside: sources quote the members that matter to them, and ours also reports
    /// the required members they left out (`Member must not be null`).
    LeftOut,
    /// As `LeftOut` (where `left out` is true), once each enum value set is compared as a
    /// set: AWS's order of an enum's values is neither the model's nor a hash set's.
    EnumSets { left_out: bool },
    /// Not reproduced; why.
    Differs(&'static str),
    /// Our validator finds nothing wrong; what AWS enforces that the model does not say.
    ValidHere(&'static str),
    /// The request as the source shows it is not a document of the model; why.
    NotADocument(&'static str),
    /// No model of the service here; why.
    NoModel(&'static str),
}

use Outcome::*;

/// Each message's outcome, by its `id` in the file.
const EXPECTED: &[(u32, Outcome)] = &[
    (1, EnumSets { left_out: true }),
    (3, EnumSets { left_out: true }),
    (5, EnumSets { left_out: true }),
    (7, EnumSets { left_out: true }),
    (9, EnumSets { left_out: true }),
    (11, ValidHere("the model has no pattern on StackName; CloudFormation enforces one")),
    (12, EnumSets { left_out: false }),
    (13, Exact),
    (16, EnumSets { left_out: true }),
    (18, LeftOut),
    (19, Exact),
    (21, Exact),
    (23, Differs("KMS's KeySpec values differ by region: the model lists SM2 (China)")),
    (25, LeftOut),
    (28, Differs("the source shows a placeholder (`<function arn>`) for a member it sent")),
    (30, Differs("Qualifier's pattern accepts `$LATEST` since the recording")),
    (32, Differs(LAMBDA_OWN_WORDING)),
    (34, Differs(LAMBDA_OWN_WORDING)),
    (36, Differs("Lambda's runtimes changed since the model; and its own wording")),
    (38, Differs("placeholders in the source's request (`<kinesis/dynamodb stream arn>`)")),
    (40, LeftOut),
    (42, LeftOut),
    (44, Differs("placeholders: the source's request and AWS's echo name different values")),
    (46, LeftOut),
    (48, LeftOut),
    (50, Exact),
    (51, EnumSets { left_out: false }),
    (53, LeftOut),
    (55, LeftOut),
    (57, Differs("Transcribe's languages changed since the recording")),
    (58, LeftOut),
    (60, LeftOut),
    (62, Exact),
    (64, Exact),
    (66, LeftOut),
    (68, NotADocument("GetWebIdentityToken is newer than the model here")),
    (69, Differs("the source leaves out a required member with a pattern (KeyId)")),
    (71, LeftOut),
    (72, Exact),
    (74, LeftOut),
    (76, EnumSets { left_out: true }),
    (77, Exact),
    (79, NoModel("S3 Vectors is newer than the models here")),
    (81, LeftOut),
    (86, ValidHere("the model has no length on PSParameterValue; SSM enforces 32768")),
    (88, LeftOut),
    (89, Differs("ModelName's pattern changed since the recording")),
    (91, LeftOut),
    (93, Differs("Password's minimum changed since the recording (6, now none)")),
    (95, Differs("the source redacted the account id in AWS's echo, not in its request")),
    (97, ValidHere("IdentityPoolName's pattern accepts `-` since the recording")),
    (99, Differs("QuickSight echoes a Java object's identity hash, which nobody can reproduce")),
    (104, Differs("the source shows AWS's echo as `{...}`, not the value it sent")),
    (107, Differs("the source masks the provider's name differently in request and message")),
    (108, Differs("ECR's own wording (`Invalid parameter at ..`)")),
    // Found by the project: a list of structures echoed as Java prints its objects.
    (1001, Exact),
    (111, NotADocument("the source describes the value (`> 3008`); Lambda's own wording and a quota beyond the model")),
];

/// Lambda adds `Member must not be null` inside a list's brackets, and `or be a valid
/// ARN` after a runtime's values, where every other service does not.
const LAMBDA_OWN_WORDING: &str = "Lambda's own wording";

/// The services' names in the file → their slices in `tests/models/aws/messages/`.
const SLICES: &[(&str, &str)] = &[
    ("ACM", "acm"),
    ("API Gateway", "api-gateway"),
    ("Amazon Elasticsearch Service", "elasticsearch-service"),
    ("Auto Scaling", "auto-scaling"),
    ("CloudFormation", "cloudformation"),
    ("CloudWatch", "cloudwatch"),
    ("CloudWatch Logs", "cloudwatch-logs"),
    ("Cognito Identity", "cognito-identity"),
    ("Cognito User Pools", "cognito-identity-provider"),
    ("DynamoDB", "dynamodb"),
    ("ECR", "ecr"),
    ("EMR Serverless", "emr-serverless"),
    ("EventBridge", "eventbridge"),
    ("IAM", "iam"),
    ("KMS", "kms"),
    ("Lambda", "lambda"),
    ("QuickSight", "quicksight"),
    ("SNS", "sns"),
    ("SSM", "ssm"),
    ("SageMaker", "sagemaker"),
    ("Step Functions", "sfn"),
    ("STS", "sts"),
    ("Transcribe", "transcribe"),
];

#[derive(serde::Deserialize)]
struct Recorded {
    id: u32,
    service: String,
    operation: String,
    message: String,
    source: String,
    input: Value,
}

fn recorded() -> Vec<Recorded> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/real-aws-messages.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the recorded messages"))
        .expect("the recorded messages parse")
}

/// Our answer to a recorded request: AWS's message as our client would read it, or the
/// outcome that leaves none.
enum Answer {
    Message(String),
    Valid,
    NotADocument(String),
    NoModel,
}

fn service_of(slice: &str) -> Service {
    let path = format!(
        "{}/models/aws/messages/{slice}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let model = Model::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    Service::with_validator(Validator::new(&model)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The operation the source names: the first of `Query / Scan`, without a note
/// (`SetLogDeliveryConfiguration (via CloudFormation ...)`).
fn operation_named(recorded: &str) -> &str {
    let name = recorded.split(" (").next().unwrap_or(recorded);
    name.split(" / ").next().unwrap_or(name).trim()
}

fn answer(services: &mut BTreeMap<String, Service>, message: &Recorded) -> Answer {
    let Some((_, slice)) = SLICES.iter().find(|(name, _)| *name == message.service) else {
        return Answer::NoModel;
    };
    let service = services
        .entry(slice.to_string())
        .or_insert_with(|| service_of(slice));
    let operation = operation_named(&message.operation);
    match service.protocol() {
        protocol @ (Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::AwsQuery) => {
            let request = request(service, protocol, operation, &message.input);
            match service.accept(&request) {
                Ok(_) => Answer::Valid,
                Err(rejection @ Rejection::Invalid { .. }) => {
                    Answer::Message(message_read_back(protocol, &service.respond(&rejection)))
                }
                Err(other) => Answer::NotADocument(other.to_string()),
            }
        }
        _ => {
            let validator = service.validator();
            match validator.validate(operation, &message.input) {
                Ok(()) => Answer::Valid,
                Err(DocumentError::Invalid(errors)) if validator.profile().echoes_values => {
                    Answer::Message(errors.aws_message())
                }
                Err(DocumentError::Invalid(errors)) => {
                    Answer::Message(errors.aws_message_without_values())
                }
                Err(other) => Answer::NotADocument(other.to_string()),
            }
        }
    }
}

/// The request an SDK sends for `input` over `protocol`.
fn request(
    service: &Service,
    protocol: Protocol,
    operation: &str,
    input: &Value,
) -> http::Request<Vec<u8>> {
    let schema = service.validator().schema();
    let (content_type, body) = match protocol {
        Protocol::AwsQuery => {
            let version = schema
                .service
                .as_deref()
                .and_then(|s| s.rsplit(' ').next())
                .unwrap_or_default();
            let mut form = format!("Action={operation}&Version={version}");
            let input_type = schema
                .operations
                .iter()
                .find(|o| o.name == operation)
                .and_then(|o| o.input.as_deref());
            if let Some(input_type) = input_type {
                query_form(schema, input_type, input, "", &mut form);
            }
            ("application/x-www-form-urlencoded".to_owned(), form)
        }
        json => (
            format!(
                "application/x-amz-json-{}",
                if json == Protocol::AwsJson1_0 {
                    "1.0"
                } else {
                    "1.1"
                }
            ),
            input.to_string(),
        ),
    };
    let target = format!(
        "{}.{operation}",
        schema.service_name.as_deref().unwrap_or_default()
    );
    http::Request::post("/")
        .header("content-type", content_type)
        .header("x-amz-target", target)
        .body(body.into_bytes())
        .unwrap()
}

/// Appends the fields of structure `type_name` holding `value` to a query form, as
/// botocore's serializer writes them: a list's items at `Key.member.N` (an empty list as
/// `Key=`), a map's entries at `Key.entry.N.key` and `.value` (an empty map as nothing;
/// `Key.N` when flattened, and the key and value under their `@xmlName`s), a structure's
/// members at `Key.Member`.
fn query_form(schema: &Schema, type_name: &str, value: &Value, prefix: &str, form: &mut String) {
    let Some(TypeKind::Structure(composite) | TypeKind::Union(composite)) =
        schema.types.get(type_name).map(|t| &t.kind)
    else {
        return field(prefix.trim_end_matches('.'), value, form);
    };
    for member in &composite.members {
        if let Some(value) = value.get(&member.wire) {
            let key = format!(
                "{prefix}{}",
                member.xml.name.as_deref().unwrap_or(&member.name)
            );
            query_value(schema, &member.ty, &member.xml, value, &key, form);
        }
    }
}

fn query_value(
    schema: &Schema,
    ty: &Type,
    xml: &aws_constraints_schema::shapes::XmlNames,
    value: &Value,
    key: &str,
    form: &mut String,
) {
    match (ty, value) {
        (Type::List { item, .. }, Value::Array(items)) => {
            if items.is_empty() {
                return field(key, &Value::String(String::new()), form);
            }
            let item_name = xml.item.as_deref().unwrap_or("member");
            for (n, item_value) in items.iter().enumerate() {
                let at = if xml.flattened {
                    format!("{key}.{}", n + 1)
                } else {
                    format!("{key}.{item_name}.{}", n + 1)
                };
                query_value(schema, item, &Default::default(), item_value, &at, form);
            }
        }
        (
            Type::Map {
                value: value_ty, ..
            },
            Value::Object(entries),
        ) => {
            let (key_name, value_name) = (
                xml.key.as_deref().unwrap_or("key"),
                xml.value.as_deref().unwrap_or("value"),
            );
            for (n, (entry_key, entry_value)) in entries.iter().enumerate() {
                let at = if xml.flattened {
                    format!("{key}.{}", n + 1)
                } else {
                    format!("{key}.entry.{}", n + 1)
                };
                field(
                    &format!("{at}.{key_name}"),
                    &Value::String(entry_key.clone()),
                    form,
                );
                let value_at = format!("{at}.{value_name}");
                query_value(
                    schema,
                    value_ty,
                    &Default::default(),
                    entry_value,
                    &value_at,
                    form,
                );
            }
        }
        (Type::Named { name, .. }, Value::Object(_)) => {
            query_form(schema, name, value, &format!("{key}."), form)
        }
        (_, value) => field(key, value, form),
    }
}

fn field(key: &str, value: &Value, form: &mut String) {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Null => return,
        other => other.to_string(),
    };
    form.push('&');
    form.push_str(&percent_encoded(key));
    form.push('=');
    form.push_str(&percent_encoded(&text));
}

fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The message of an error answer, as an SDK reads it: the JSON body's `message` (or
/// `Message`); the query error's `<Message>`, its entities read.
fn message_read_back(protocol: Protocol, response: &http::Response<Vec<u8>>) -> String {
    let body = String::from_utf8(response.body().clone()).expect("the answer is UTF-8");
    if protocol == Protocol::AwsQuery {
        let start = body.find("<Message>").expect("a <Message>") + "<Message>".len();
        let end = body.find("</Message>").expect("a </Message>");
        return body[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
    }
    let json: Value = serde_json::from_str(&body).expect("a JSON body");
    json.get("message")
        .or_else(|| json.get("Message"))
        .and_then(Value::as_str)
        .expect("a message")
        .to_owned()
}

/// A message's violations, as a set.
fn violations(message: &str) -> BTreeSet<String> {
    let after_header = message
        .split_once(" detected: ")
        .map_or(message, |(_, rest)| rest);
    after_header.split("; ").map(str::to_owned).collect()
}

const NOT_NULL: &str = "' failed to satisfy constraint: Member must not be null";

/// Ours without the required members' violations that AWS's message does not have.
fn shown_members_only(aws: &BTreeSet<String>, ours: BTreeSet<String>) -> BTreeSet<String> {
    ours.into_iter()
        .filter(|v| aws.contains(v) || !(v.starts_with("Value null at '") && v.ends_with(NOT_NULL)))
        .collect()
}

/// A violation with its enum value set's values in sorted order.
fn enum_set_sorted(violation: &str) -> String {
    const SET: &str = "enum value set: [";
    let Some(start) = violation.find(SET).map(|i| i + SET.len()) else {
        return violation.to_owned();
    };
    let Some(length) = violation[start..].find(']') else {
        return violation.to_owned();
    };
    let mut values: Vec<&str> = violation[start..start + length].split(", ").collect();
    values.sort_unstable();
    format!(
        "{}{}{}",
        &violation[..start],
        values.join(", "),
        &violation[start + length..]
    )
}

fn compare(aws: &str, ours: &str) -> Option<Outcome> {
    if aws == ours {
        return Some(Exact);
    }
    let (theirs, mine) = (violations(aws), violations(ours));
    if theirs == mine {
        return Some(SameViolations);
    }
    let shown = shown_members_only(&theirs, mine.clone());
    if shown == theirs {
        return Some(LeftOut);
    }
    let sets = |v: &BTreeSet<String>| -> BTreeSet<String> {
        v.iter().map(|v| enum_set_sorted(v)).collect()
    };
    if sets(&mine) == sets(&theirs) {
        return Some(EnumSets { left_out: false });
    }
    if sets(&shown) == sets(&theirs) {
        return Some(EnumSets { left_out: true });
    }
    None
}

/// Whether `found` is the outcome `expected` pins (the reasons of the ones not reproduced
/// are the table's).
fn agrees(expected: Outcome, found: &Answer, aws: &str) -> bool {
    match (expected, found) {
        (NoModel(_), Answer::NoModel) => true,
        (ValidHere(_), Answer::Valid) => true,
        (NotADocument(_), Answer::NotADocument(_)) => true,
        (Differs(_), Answer::Message(ours)) => compare(aws, ours).is_none(),
        (expected, Answer::Message(ours)) => compare(aws, ours) == Some(expected),
        _ => false,
    }
}

/// A long message (a request's 30,000 characters echoed) cut for the report.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(600) {
        Some((cut, _)) => format!("{}... ({} characters)", &text[..cut], text.chars().count()),
        None => text.to_owned(),
    }
}

#[test]
fn every_recorded_message_has_its_outcome_pinned() {
    let mut services = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let recorded = recorded();
    for message in &recorded {
        let found = answer(&mut services, message);
        let expected = EXPECTED.iter().find(|(id, _)| *id == message.id);
        let ours = match &found {
            Answer::Message(ours) => ours.clone(),
            Answer::Valid => "(valid here)".to_owned(),
            Answer::NotADocument(why) => format!("(not a document: {why})"),
            Answer::NoModel => "(no model)".to_owned(),
        };
        let outcome = match (&found, expected) {
            (_, Some((_, expected))) if agrees(*expected, &found, &message.message) => *expected,
            _ => {
                let now = match &found {
                    Answer::Message(ours) => compare(&message.message, ours)
                        .map_or("differs".to_owned(), |o| format!("{o:?}")),
                    Answer::Valid => "ValidHere".to_owned(),
                    Answer::NotADocument(_) => "NotADocument".to_owned(),
                    Answer::NoModel => "NoModel".to_owned(),
                };
                wrong.push(format!(
                    "{} {} {}: pinned {:?}, now {now}\n  AWS:  {}\n  ours: {}\n  source: {}",
                    message.id,
                    message.service,
                    message.operation,
                    expected.map(|(_, o)| o),
                    shortened(&message.message),
                    shortened(&ours),
                    message.source
                ));
                continue;
            }
        };
        let kind = match outcome {
            Exact => "exact",
            SameViolations => "same violations",
            LeftOut | EnumSets { .. } => "same after setting aside",
            Differs(_) => "differs",
            ValidHere(_) => "valid here",
            NotADocument(_) => "not a document",
            NoModel(_) => "no model",
        };
        *counts.entry(kind).or_default() += 1;
    }
    let ids: BTreeSet<u32> = recorded.iter().map(|m| m.id).collect();
    for (id, _) in EXPECTED {
        if !ids.contains(id) {
            wrong.push(format!("{id}: pinned, but no such message"));
        }
    }
    // The counts the README and the note give (`-- --nocapture` shows them).
    println!("{} recorded messages: {counts:?}", recorded.len());
    assert!(
        wrong.is_empty(),
        "{} outcomes changed (pin the new ones in EXPECTED, with the reason for each not \
         reproduced):\n{}\ncounts of the rest: {counts:?}",
        wrong.len(),
        wrong.join("\n")
    );
}
