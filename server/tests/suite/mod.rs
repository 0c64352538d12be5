//! Smithy's protocol tests, read as published: a protocol's `.smithy` files (with the
//! shared types and the Smithy framework's `ValidationException`) through the IDL reader,
//! and the test cases of a trait, their `testParameters` expanded.

#![allow(dead_code)]

use std::path::Path;

use aws_constraints_schema::idl;

use serde::Deserialize;
use serde_json::Value;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smithy-protocol-tests");

/// The JSON AST of one protocol's test models (`aws/restJson1`, `core/rpcv2Cbor`...), with
/// the shared types of their part (`aws/`, `core/`) and the Smithy framework's
/// `ValidationException`.
pub fn model(folder: &str) -> String {
    let root = Path::new(ROOT);
    let part = folder.split('/').next().unwrap_or_default();
    let mut paths = idl::smithy_files(&root.join(folder)).unwrap();
    paths.push(root.join(part).join("shared-types.smithy"));
    paths.push(root.join("../smithy-framework.smithy"));
    idl::read_files(&paths).unwrap_or_else(|e| panic!("{e}"))
}

/// One test case: the operation it is applied to, and the case with its parameters in.
pub struct Case {
    pub operation: String,
    pub id: String,
    pub case: Value,
}

/// Every case of `trait_id` (`smithy.test#httpMalformedRequestTests`) in the model, one
/// per set of test parameters.
pub fn cases(ast: &str, trait_id: &str) -> Vec<Case> {
    let ast: Value = serde_json::from_str(ast).unwrap();
    let mut out = Vec::new();
    for (id, shape) in ast["shapes"].as_object().unwrap() {
        let Some(tests) = shape.pointer(&format!("/traits/{}", trait_id.replace('/', "~1"))) else {
            continue;
        };
        let operation = id.rsplit('#').next().unwrap().to_owned();
        for test in tests.as_array().unwrap() {
            let parameters = test.get("testParameters").and_then(Value::as_object);
            let count = parameters
                .and_then(|p| p.values().next())
                .and_then(Value::as_array)
                .map_or(1, Vec::len);
            for index in 0..count {
                let mut case = test.clone();
                let values: Vec<(&str, &str)> = parameters
                    .into_iter()
                    .flatten()
                    .map(|(name, list)| (name.as_str(), list[index].as_str().unwrap()))
                    .collect();
                substitute(&mut case, &values);
                let id = test["id"].as_str().unwrap().to_owned();
                let id = if count > 1 {
                    format!("{id}[{index}]")
                } else {
                    id
                };
                out.push(Case {
                    operation: operation.clone(),
                    id,
                    case,
                });
            }
        }
    }
    out
}

/// `$name:S` becomes the value as a JSON string, `$name:L` the value as it is, `$$` a
/// `$`, in every string of `node`.
fn substitute(node: &mut Value, values: &[(&str, &str)]) {
    match node {
        Value::String(text) => {
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find('$') {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                if let Some(after) = rest.strip_prefix("$$") {
                    out.push('$');
                    rest = after;
                    continue;
                }
                let found = values.iter().find_map(|(name, value)| {
                    let quoted = format!("${name}:S");
                    let literal = format!("${name}:L");
                    if rest.starts_with(&quoted) {
                        Some((quoted.len(), Value::String((*value).into()).to_string()))
                    } else if rest.starts_with(&literal) {
                        Some((literal.len(), (*value).to_owned()))
                    } else {
                        None
                    }
                });
                match found {
                    Some((len, replacement)) => {
                        out.push_str(&replacement);
                        rest = &rest[len..];
                    }
                    None => {
                        out.push('$');
                        rest = &rest[1..];
                    }
                }
            }
            out.push_str(rest);
            *text = out;
        }
        Value::Array(items) => items.iter_mut().for_each(|i| substitute(i, values)),
        Value::Object(entries) => entries.values_mut().for_each(|v| substitute(v, values)),
        _ => {}
    }
}

/// The HTTP request a case describes.
pub fn request(case: &Value) -> http::Request<Vec<u8>> {
    let request = &case["request"];
    let mut uri = request["uri"].as_str().unwrap().to_owned();
    if let Some(params) = request.get("queryParams").and_then(Value::as_array) {
        let params: Vec<&str> = params.iter().filter_map(Value::as_str).collect();
        if !params.is_empty() {
            uri.push(if uri.contains('?') { '&' } else { '?' });
            uri.push_str(&params.join("&"));
        }
    }
    let mut builder = http::Request::builder()
        .method(request["method"].as_str().unwrap())
        .uri(uri);
    if let Some(headers) = request.get("headers").and_then(Value::as_object) {
        for (name, value) in headers {
            builder = builder.header(name.as_str(), value.as_str().unwrap());
        }
    }
    let text = request.get("body").and_then(Value::as_str).unwrap_or("");
    // A binary body (CBOR) is written in base64.
    let cbor = request.get("bodyMediaType").and_then(Value::as_str) == Some("application/cbor")
        || request["protocol"] == "smithy.protocols#rpcv2Cbor";
    let body = match cbor {
        true => {
            let base64: String = text.split_whitespace().collect();
            aws_constraints::Blob::deserialize(Value::String(base64))
                .unwrap()
                .into_inner()
        }
        false => text.as_bytes().to_vec(),
    };
    builder.body(body).unwrap()
}

/// The HTTP request of an `@httpRequestTests` case (its fields at the top level).
pub fn request_of_test(case: &Value) -> http::Request<Vec<u8>> {
    let mut wrapped = serde_json::Map::new();
    wrapped.insert("request".into(), case.clone());
    request(&Value::Object(wrapped))
}
