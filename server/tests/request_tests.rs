//! Smithy's `@httpRequestTests` (those a server runs), per protocol, read from the
//! `.smithy` files as published: each request is read by [`Service::read`], and the input
//! it carries must be the case's `params`, member for member.

mod suite;

use std::collections::BTreeMap;

use aws_constraints::{Blob, Timestamp};
use aws_constraints_schema::shapes::{NamedType, Schema, TimestampFormat, Type, TypeKind};
use aws_constraints_server::Service;
use serde::Deserialize;
use serde_json::{Map, Value};

/// A read document in the form of Smithy's `params`: members by name, blobs as their
/// text, timestamps as epoch seconds.
fn as_params(document: &Value, named: &str, schema: &Schema) -> Value {
    let Some(NamedType { kind, .. }) = schema.types.get(named) else {
        return document.clone();
    };
    let (TypeKind::Structure(composite) | TypeKind::Union(composite)) = kind else {
        return document.clone();
    };
    let Value::Object(object) = document else {
        return document.clone();
    };
    let mut out = Map::new();
    for member in &composite.members {
        if let Some(value) = object.get(&member.wire) {
            out.insert(
                member.name.clone(),
                value_as_param(value, &member.ty, member.timestamp_format, schema),
            );
        }
    }
    Value::Object(out)
}

fn value_as_param(
    value: &Value,
    ty: &Type,
    format: Option<TimestampFormat>,
    schema: &Schema,
) -> Value {
    match (ty, value) {
        (Type::Blob, Value::String(_)) => Blob::deserialize(value.clone())
            .ok()
            .and_then(|b| String::from_utf8(b.into_inner()).ok())
            .map_or(value.clone(), Value::String),
        (Type::Timestamp, Value::String(text)) => {
            let parsed = match format {
                Some(TimestampFormat::HttpDate) => Timestamp::parse_http_date(text),
                _ => Timestamp::parse_date_time(text),
            };
            parsed.map_or(value.clone(), epoch)
        }
        (Type::Named { name, .. }, _) => as_params(value, name, schema),
        (Type::List { item, .. }, Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|i| value_as_param(i, item, format, schema))
                .collect(),
        ),
        (Type::Map { value: item, .. }, Value::Object(entries)) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), value_as_param(v, item, None, schema)))
                .collect(),
        ),
        _ => value.clone(),
    }
}

fn epoch(t: Timestamp) -> Value {
    match t.subsec_nanos() {
        0 => Value::from(t.seconds()),
        _ => serde_json::Number::from_f64(t.to_epoch_seconds()).map_or(Value::Null, Value::Number),
    }
}

/// JSON equality with numbers compared as numbers (`1` is `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The server cases of `protocol`, and each that does not read as its `params` say, with
/// why.
fn failures(folder: &str, protocol: &str) -> (Vec<String>, BTreeMap<String, String>) {
    let model = suite::model(folder);
    let service = Service::from_json(&model).unwrap();
    let schema = service.validator().schema();
    let mut failures = BTreeMap::new();
    let mut ids = Vec::new();
    for case in suite::cases(&model, "smithy.test#httpRequestTests") {
        let test = &case.case;
        if test["protocol"] != protocol || test.get("appliesTo") == Some(&Value::from("client")) {
            continue;
        }
        ids.push(case.id.clone());
        let request = suite::request_of_test(test);
        let why = match service.read(&request) {
            Err(rejection) => Some(format!("refused: {rejection}")),
            Ok(input) if input.operation != case.operation => {
                Some(format!("read as {}", input.operation))
            }
            Ok(input) => {
                let named = schema
                    .operations
                    .iter()
                    .find(|o| o.name == input.operation)
                    .and_then(|o| o.input.clone())
                    .unwrap_or_default();
                let read = as_params(&input.document, &named, schema);
                let expected = test
                    .get("params")
                    .cloned()
                    .unwrap_or(Value::Object(Map::new()));
                (!same(&read, &expected)).then(|| format!("read {read}\n   expected {expected}"))
            }
        };
        if let Some(why) = why {
            failures.insert(case.id, why);
        }
    }
    (ids, failures)
}

/// Every case of `protocol` reads as its params but the `known` ones, which must still
/// fail (a fixed one is taken off the list).
fn check(folder: &str, protocol: &str, known: &[(&str, &str)]) {
    let (ids, failures) = failures(folder, protocol);
    for (id, why) in &failures {
        let why: String = why.chars().take(400).collect();
        eprintln!("{id}: {why}");
    }
    eprintln!(
        "{protocol}: {} of {} server request cases read as their params",
        ids.len() - failures.len(),
        ids.len()
    );
    let is_known = |id: &str| known.iter().any(|(k, _)| *k == id);
    let unexpected: Vec<&String> = failures.keys().filter(|id| !is_known(id)).collect();
    let fixed: Vec<&String> = ids
        .iter()
        .filter(|id| is_known(id) && !failures.contains_key(*id))
        .collect();
    assert!(unexpected.is_empty(), "unexpected failures: {unexpected:?}");
    assert!(
        fixed.is_empty(),
        "known failures that now pass (take them off): {fixed:?}"
    );
}

/// Cases for clients, which a server cannot read as written: no `X-Amz-Target`, a
/// `host` to resolve, a body under `Content-Encoding: gzip` given uncompressed.
const CLIENT_SIDE: &[(&str, &str)] = &[
    ("AwsJson10EndpointTrait", "no X-Amz-Target: a client's host-prefix case"),
    ("AwsJson10EndpointTraitWithHostLabel", "no X-Amz-Target: a client's host-prefix case"),
    ("MachinelearningPredictEndpoint", "no X-Amz-Target: a client's endpoint case"),
    ("RestJsonEndpointTraitWithHostLabel", "a JSON body without Content-Type, which RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders rejects"),
    ("SDKAppliedContentEncoding_awsJson1_0", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppliedContentEncoding_awsJson1_1", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppliedContentEncoding_restJson1", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppendedGzipAfterProvidedEncoding_restJson1", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppliedContentEncoding_awsQuery", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsQuery", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppliedContentEncoding_ec2Query", "the body under Content-Encoding: gzip is given uncompressed"),
    ("SDKAppendsGzipAndIgnoresHttpProvidedEncoding_ec2Query", "the body under Content-Encoding: gzip is given uncompressed"),
    // A client sends an empty list or map as nothing: a server reads it absent, as AWS's
    // services do (they report it `Value null`: shared/reference's real messages).
    ("Ec2EmptyQueryLists", "an empty list travels as nothing, and is read absent"),
    ("QueryEmptyQueryMaps", "an empty map travels as nothing, and is read absent"),
];

/// restXml's cases leave the parameters other members take out of the
/// `@httpQueryParams` map; restJson1's (RestJsonServersPutAllQueryParamsInMap) put them
/// in, which the server does for both.
const QUERY_PARAMS_MAP: &str = "the restXml case leaves bound parameters out of the map";
/// S3's addressing cases put the bucket in the host, which a client resolves.
const S3_HOST: &str = "the bucket is in the host (a client's virtual-host addressing)";

/// What the server does not do yet, and why.
const NOT_YET: &[(&str, &str)] = &[
    ("AllQueryStringTypes", QUERY_PARAMS_MAP),
    ("RestXmlQueryStringEscaping", QUERY_PARAMS_MAP),
    ("RestXmlSupportsInfinityFloatQueryValues", QUERY_PARAMS_MAP),
    ("RestXmlSupportsNaNFloatQueryValues", QUERY_PARAMS_MAP),
    (
        "RestXmlSupportsNegativeInfinityFloatQueryValues",
        QUERY_PARAMS_MAP,
    ),
    ("RestXmlZeroAndFalseQueryValues", QUERY_PARAMS_MAP),
    ("S3DefaultAddressing", S3_HOST),
    ("S3EscapeObjectKeyInUriLabel", S3_HOST),
    ("S3EscapePathObjectKeyInUriLabel", S3_HOST),
    ("S3OperationAddressingPreferred", S3_HOST),
    ("S3PreservesEmbeddedDotSegmentInUriLabel", S3_HOST),
    ("S3PreservesLeadingDotSegmentInUriLabel", S3_HOST),
    ("S3VirtualHostAccelerateAddressing", S3_HOST),
    ("S3VirtualHostAddressing", S3_HOST),
    ("S3VirtualHostDualstackAccelerateAddressing", S3_HOST),
    ("S3VirtualHostDualstackAddressing", S3_HOST),
    (
        "NestedXmlMapWithXmlNameSerializes",
        "a map in a map: the inner map's key and value names are the outer member's",
    ),
    (
        "RestXmlEndpointTraitWithHostLabel",
        "an XML body without Content-Type (a client's host-prefix case)",
    ),
    (
        "SDKAppliedContentEncoding_restXml",
        "the body under Content-Encoding: gzip is given uncompressed",
    ),
    (
        "SDKAppendedGzipAfterProvidedEncoding_restXml",
        "the body under Content-Encoding: gzip is given uncompressed",
    ),
    (
        "AwsJson10ServerPopulatesDefaultsWhenMissingInRequestBody",
        "the case sends no X-Amz-Target, which names the operation over awsJson (its \
         defaults are filled: the restJson1 and rpcv2Cbor twins pass)",
    ),
    (
        "AwsJson10ServerPopulatesNestedDefaultsWhenMissingInRequestBody",
        "the case sends no X-Amz-Target, which names the operation over awsJson (its \
         defaults are filled: the restJson1 and rpcv2Cbor twins pass)",
    ),
    (
        "QueryCompatibleAwsJson10CborSendsQueryModeHeader",
        "a second service in the model: the server serves the first with a protocol",
    ),
    (
        "RestJsonHttpWithEmptyStructurePayload",
        "a structure payload of `{}` is read as an empty structure, not as absent",
    ),
    (
        "RestJsonHttpWithHeadersButNoPayload",
        "a structure payload of `{}` is read as an empty structure, not as absent",
    ),
    (
        "RestJsonOmitsEmptyListQueryValues",
        "absent query lists are read as absent, not as empty lists",
    ),
    (
        "RestJsonJsonMaps",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesDenseSetMap",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesZeroValuesInMaps",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSparseJsonMaps",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesSparseNullMapValues",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesSparseSetMap",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesSparseSetMapAndRetainsNull",
        "maps of sets: unique items inside a collection are refused",
    ),
    (
        "RestJsonSerializesZeroValuesInSparseMaps",
        "maps of sets: unique items inside a collection are refused",
    ),
    ("RpcV2CborMaps", MAPS_OF_SETS),
    ("RpcV2CborSerializesDenseSetMap", MAPS_OF_SETS),
    ("RpcV2CborSerializesNullMapValues", MAPS_OF_SETS),
    ("RpcV2CborSerializesSparseSetMap", MAPS_OF_SETS),
    (
        "RpcV2CborSerializesSparseSetMapAndRetainsNull",
        MAPS_OF_SETS,
    ),
    ("RpcV2CborSerializesZeroValuesInMaps", MAPS_OF_SETS),
    ("RpcV2CborSerializesZeroValuesInSparseMaps", MAPS_OF_SETS),
    ("RpcV2CborSparseMaps", MAPS_OF_SETS),
];

const MAPS_OF_SETS: &str = "maps of sets: unique items inside a collection are refused";

fn known() -> Vec<(&'static str, &'static str)> {
    CLIENT_SIDE.iter().chain(NOT_YET).copied().collect()
}

#[test]
fn restjson1_requests() {
    check("aws/restJson1", "aws.protocols#restJson1", &known());
}

#[test]
fn awsjson1_0_requests() {
    check("aws/awsJson1_0", "aws.protocols#awsJson1_0", &known());
}

#[test]
fn rpcv2cbor_requests() {
    check("core/rpcv2Cbor", "smithy.protocols#rpcv2Cbor", &known());
}

#[test]
fn restxml_requests() {
    check("aws/restXml", "aws.protocols#restXml", &known());
}

#[test]
fn awsquery_requests() {
    check("aws/awsQuery", "aws.protocols#awsQuery", &known());
}

#[test]
fn ec2query_requests() {
    check("aws/ec2Query", "aws.protocols#ec2Query", &known());
}

#[test]
fn awsjson1_1_requests() {
    check("aws/awsJson1_1", "aws.protocols#awsJson1_1", &known());
}
