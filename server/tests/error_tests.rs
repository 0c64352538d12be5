//! Smithy's `@httpResponseTests` of modeled errors (those a server runs), per protocol, read
//! from the `.smithy` files as published: each error, written by [`Service::error`] with the
//! case's members, must be the case's response: its status, the headers it names, and its
//! body (JSON and CBOR compared as values, XML with the whitespace between elements and the
//! request id left out).

mod suite;

use std::collections::BTreeMap;

use aws_constraints_schema::shapes::{NamedType, Protocol, Type, TypeKind};
use aws_constraints_schema::{named_types, profile::Profile, Model};
use aws_constraints_server::Service;
use serde::Deserialize;
use serde_json::{Map, Value};

/// The case's members by their wire names, at any depth.
fn members(model: &Model, id: &str, params: &Value) -> Value {
    let (types, _) = named_types(model, &[id.to_owned()], Profile::as_modeled());
    match types.values().find(|t| t.id == id) {
        Some(named) => wire_names(params, &named.kind, &types),
        None => params.clone(),
    }
}

fn wire_names(value: &Value, kind: &TypeKind, types: &BTreeMap<String, NamedType>) -> Value {
    let (TypeKind::Structure(composite) | TypeKind::Union(composite)) = kind else {
        return value.clone();
    };
    let mut out = Map::new();
    for member in &composite.members {
        if let Some(inner) = value.get(&member.name) {
            let converted = match &member.ty {
                Type::Named { name, .. } => match types.get(name) {
                    Some(named) => wire_names(inner, &named.kind, types),
                    None => inner.clone(),
                },
                _ => inner.clone(),
            };
            out.insert(member.wire.clone(), converted);
        }
    }
    Value::Object(out)
}

/// XML without the whitespace between elements, its request id blanked.
fn normal_xml(text: &str) -> String {
    let mut out = String::new();
    for piece in text.split('<').filter(|p| !p.trim().is_empty()) {
        let (tag, rest) = piece.split_once('>').unwrap_or((piece, ""));
        out.push('<');
        out.push_str(tag);
        out.push('>');
        out.push_str(rest.trim());
    }
    for id in ["RequestId", "RequestID"] {
        if let (Some(a), Some(b)) = (out.find(&format!("<{id}>")), out.find(&format!("</{id}>"))) {
            out.replace_range(a + id.len() + 2..b, "");
        }
    }
    out
}

fn cbor_json(bytes: &[u8]) -> Value {
    let value: ciborium::value::Value = ciborium::de::from_reader(bytes).unwrap();
    serde_json::to_value(value).unwrap()
}

/// The error cases of `protocol`, and each whose response is not the case's, with why.
fn failures(folder: &str, protocol: &str, wire: Protocol) -> (usize, BTreeMap<String, String>) {
    let ast = suite::model(folder);
    let model = Model::from_json(&ast).unwrap();
    let service = Service::new(&model).unwrap();
    let shapes: Value = serde_json::from_str(&ast).unwrap();
    let mut failures = BTreeMap::new();
    let mut count = 0;
    for case in suite::cases(&ast, "smithy.test#httpResponseTests") {
        let test = &case.case;
        if test["protocol"] != protocol || test.get("appliesTo") == Some(&Value::from("client")) {
            continue;
        }
        let id = shapes["shapes"]
            .as_object()
            .unwrap()
            .keys()
            .find(|k| k.ends_with(&format!("#{}", case.operation)))
            .cloned()
            .unwrap_or_default();
        if shapes["shapes"][&id]["traits"]
            .get("smithy.api#error")
            .is_none()
        {
            continue;
        }
        count += 1;
        let code = test
            .pointer("/vendorParams/code")
            .and_then(Value::as_str)
            .unwrap_or(&case.operation);
        let status = test["code"].as_u64().unwrap() as u16;
        let params = test
            .get("params")
            .cloned()
            .unwrap_or(Value::Object(Map::new()));
        let response = service.error(wire, code, status, &members(&model, &id, &params));
        let mut why = Vec::new();
        if response.status().as_u16() != status {
            why.push(format!("status {}", response.status()));
        }
        for (name, value) in test
            .get("headers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let found = response
                .headers()
                .get(name.as_str())
                .and_then(|v| v.to_str().ok());
            if found != value.as_str() {
                why.push(format!("header {name}: {found:?}, expected {value}"));
            }
        }
        let expected = test.get("body").and_then(Value::as_str).unwrap_or("");
        let body = response.body();
        let same = match test.get("bodyMediaType").and_then(Value::as_str) {
            Some("application/json") => {
                serde_json::from_slice::<Value>(body).ok() == serde_json::from_str(expected).ok()
            }
            Some("application/xml") => {
                normal_xml(std::str::from_utf8(body).unwrap()) == normal_xml(expected)
            }
            Some("application/cbor") => {
                let expected: String = expected.split_whitespace().collect();
                let expected = aws_constraints::Blob::deserialize(Value::String(expected))
                    .unwrap()
                    .into_inner();
                cbor_json(body) == cbor_json(&expected)
            }
            _ => body.as_slice() == expected.as_bytes() || expected.is_empty(),
        };
        if !same {
            why.push(format!(
                "body {}\n   expected {expected}",
                String::from_utf8_lossy(body)
            ));
        }
        if !why.is_empty() {
            failures.insert(case.id, why.join("; "));
        }
    }
    (count, failures)
}

fn check(folder: &str, protocol: &str, wire: Protocol, known: &[&str]) {
    let (count, failures) = failures(folder, protocol, wire);
    for (id, why) in &failures {
        eprintln!("{id}: {why}");
    }
    eprintln!(
        "{protocol}: {} of {count} error cases",
        count - failures.len()
    );
    assert!(count > 0, "no error cases of {protocol}");
    let unexpected: Vec<&String> = failures
        .keys()
        .filter(|id| !known.contains(&id.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "unexpected failures: {unexpected:?}");
}

/// Cases a server cannot write from their params, and what the server does not do yet.
const KNOWN: &[&str] = &[
    // The query-compatible service is a second service of the awsJson1_0 model; the server
    // serves the first (see `query_compatible_errors_carry_their_query_code`).
    "QueryCompatibleAwsJson10CustomCodeError",
    // The bodies hold elements the params do not (`<Message>Hi</Message>`,
    // `<AnotherSetting>`): a client's parsing cases.
    "ComplexError",
    "InvalidGreetingError",
    "Ec2ComplexError",
    // S3 is a second service of the restXml model: the server writes the first's errors
    // (wrapped). S3's own (`noErrorWrapping`) are `<Error><Code>..<Message>..<RequestId>`,
    // as S3 answers; the case's has a `<Type>` and no request id.
    "S3OperationNoErrorWrappingResponse",
];

#[test]
fn aws_json_1_0_errors() {
    check(
        "aws/awsJson1_0",
        "aws.protocols#awsJson1_0",
        Protocol::AwsJson1_0,
        KNOWN,
    );
}

#[test]
fn aws_json_1_1_errors() {
    check(
        "aws/awsJson1_1",
        "aws.protocols#awsJson1_1",
        Protocol::AwsJson1_1,
        KNOWN,
    );
}

#[test]
fn rest_json_1_errors() {
    check(
        "aws/restJson1",
        "aws.protocols#restJson1",
        Protocol::RestJson1,
        KNOWN,
    );
}

#[test]
fn aws_query_errors() {
    check(
        "aws/awsQuery",
        "aws.protocols#awsQuery",
        Protocol::AwsQuery,
        KNOWN,
    );
}

#[test]
fn ec2_query_errors() {
    check(
        "aws/ec2Query",
        "aws.protocols#ec2Query",
        Protocol::Ec2Query,
        KNOWN,
    );
}

#[test]
fn rest_xml_errors() {
    check(
        "aws/restXml",
        "aws.protocols#restXml",
        Protocol::RestXml,
        KNOWN,
    );
}

#[test]
fn rpc_v2_cbor_errors() {
    check(
        "core/rpcv2Cbor",
        "smithy.protocols#rpcv2Cbor",
        Protocol::RpcV2Cbor,
        KNOWN,
    );
}

#[test]
fn query_compatible_errors_carry_their_query_code() {
    // Smithy's QueryCompatibleAwsJson10CustomCodeError, as a service of its own.
    let model = r#"{"smithy": "2.0", "shapes": {
        "ex#Queue": {"type": "service", "operations": [{"target": "ex#Send"}],
            "traits": {"aws.protocols#awsJson1_0": {}, "aws.protocols#awsQueryCompatible": {}}},
        "ex#Send": {"type": "operation", "errors": [{"target": "ex#CustomCodeError"},
            {"target": "ex#NoCustomCodeError"}]},
        "ex#CustomCodeError": {"type": "structure", "members": {
            "message": {"target": "smithy.api#String"}},
            "traits": {"smithy.api#error": "client",
                "aws.protocols#awsQueryError": {"code": "Customized", "httpResponseCode": 402}}},
        "ex#NoCustomCodeError": {"type": "structure", "members": {
            "message": {"target": "smithy.api#String"}},
            "traits": {"smithy.api#error": "server"}}
    }}"#;
    let service = Service::new(&Model::from_json(model).unwrap()).unwrap();
    let members = serde_json::json!({"message": "Hi"});
    let response = service.error(Protocol::AwsJson1_0, "CustomCodeError", 402, &members);
    assert_eq!(
        response.headers()["x-amzn-query-error"],
        "Customized;Sender"
    );
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["__type"], "ex#CustomCodeError");
    let response = service.error(Protocol::AwsJson1_0, "NoCustomCodeError", 500, &members);
    assert_eq!(
        response.headers()["x-amzn-query-error"],
        "NoCustomCodeError;Receiver"
    );
}
