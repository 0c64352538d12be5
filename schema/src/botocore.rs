//! botocore's `service-2.json`, read as the Smithy shapes it was derived from, so that one
//! emitter serves both formats. What botocore keeps becomes the Smithy trait that says the
//! same; what it dropped (`@uniqueItems`, `@default`, pattern anchors) cannot come back.

use serde_json::{json, Map, Value};

use crate::shapes::Protocol;
use crate::ModelError;

/// The namespace the shapes of a botocore model are given.
const NAMESPACE: &str = "botocore";

/// Whether `root` is a botocore model rather than a Smithy JSON AST.
pub(crate) fn is_botocore(root: &Value) -> bool {
    root.get("smithy").is_none()
        && root.get("metadata").is_some()
        && root.get("operations").is_some()
}

/// The service's id and its API version (`Chime SDK Identity`, `2021-04-20`), from the
/// metadata.
pub(crate) fn service(root: &Value) -> Option<(String, Option<String>)> {
    let metadata = root.get("metadata")?;
    let name = ["serviceId", "serviceFullName", "endpointPrefix"]
        .iter()
        .find_map(|key| metadata.get(*key).and_then(Value::as_str))?;
    let version = metadata.get("apiVersion").and_then(Value::as_str);
    Some((name.to_owned(), version.map(str::to_owned)))
}

/// The shape id botocore's shape `name` becomes.
pub(crate) fn id(name: &str) -> String {
    format!("{NAMESPACE}#{name}")
}

/// Smithy shapes (JSON AST objects) with their ids.
type Shapes = Vec<(String, Map<String, Value>)>;

/// The model's shapes and operations as Smithy shapes, by id.
pub(crate) fn shapes(root: &Value) -> Result<Shapes, ModelError> {
    let object = |key: &str| {
        root.get(key)
            .and_then(Value::as_object)
            .ok_or_else(|| ModelError::new(format!("the botocore model has no `{key}` object")))
    };
    let protocol = root
        .pointer("/metadata/protocol")
        .and_then(Value::as_str)
        .unwrap_or("");
    // Only JSON protocols name a member on the wire by its `locationName`; the XML and
    // query protocols name it so in their own way.
    let json_names = matches!(protocol, "json" | "rest-json" | "smithy-rpc-v2-cbor");
    let xml = matches!(protocol, "query" | "ec2" | "rest-xml");
    let mut out = vec![service_shape(root, protocol)?];
    for (name, operation) in object("operations")? {
        let mut shape = Map::new();
        shape.insert("type".into(), json!("operation"));
        if let Some(http) = operation.get("http") {
            let mut route = Map::new();
            route.insert(
                "method".into(),
                http.get("method").cloned().unwrap_or(json!("POST")),
            );
            route.insert(
                "uri".into(),
                http.get("requestUri").cloned().unwrap_or(json!("/")),
            );
            if let Some(code) = http.get("responseCode") {
                route.insert("code".into(), code.clone());
            }
            shape.insert("traits".into(), json!({"smithy.api#http": route}));
        }
        for key in ["input", "output"] {
            if let Some(target) = operation
                .pointer(&format!("/{key}/shape"))
                .and_then(Value::as_str)
            {
                shape.insert(key.into(), json!({"target": id(target)}));
            }
        }
        if let Some(errors) = operation.get("errors").and_then(Value::as_array) {
            let errors: Vec<Value> = errors
                .iter()
                .filter_map(|e| e.get("shape").and_then(Value::as_str))
                .map(|e| json!({"target": id(e)}))
                .collect();
            shape.insert("errors".into(), Value::Array(errors));
        }
        out.push((id(name), shape));
    }
    for (name, shape) in object("shapes")? {
        let shape = shape
            .as_object()
            .ok_or_else(|| ModelError::new(format!("shape {name} is not an object")))?;
        out.push((id(name), convert(name, shape, json_names, xml)?));
    }
    Ok(out)
}

/// botocore's `metadata.protocols`, in the order the model lists them (the protocols the
/// service speaks; `metadata.protocol` is the first when the list is absent).
pub(crate) fn protocols(root: &Value) -> Vec<&str> {
    let metadata = root.get("metadata");
    let listed: Vec<&str> = metadata
        .and_then(|m| m.get("protocols"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if !listed.is_empty() {
        return listed;
    }
    metadata
        .and_then(|m| m.get("protocol"))
        .and_then(Value::as_str)
        .into_iter()
        .collect()
}

/// The protocol botocore's name (`json`, `rest-xml`) is, with the model's `jsonVersion`.
pub(crate) fn protocol_of(name: &str, root: &Value) -> Option<Protocol> {
    let version = root
        .pointer("/metadata/jsonVersion")
        .and_then(Value::as_str);
    protocol_trait(name, version).and_then(Protocol::from_trait_id)
}

/// The Smithy protocol trait botocore's `metadata.protocol` (and `jsonVersion`) names.
fn protocol_trait(protocol: &str, json_version: Option<&str>) -> Option<&'static str> {
    Some(match (protocol, json_version) {
        ("json", Some("1.0")) => "aws.protocols#awsJson1_0",
        ("json", _) => "aws.protocols#awsJson1_1",
        ("rest-json", _) => "aws.protocols#restJson1",
        ("query", _) => "aws.protocols#awsQuery",
        ("ec2", _) => "aws.protocols#ec2Query",
        ("rest-xml", _) => "aws.protocols#restXml",
        ("smithy-rpc-v2-cbor", _) => "smithy.protocols#rpcv2Cbor",
        _ => return None,
    })
}

/// The service shape botocore's metadata describes: named by its `targetPrefix` (what
/// `X-Amz-Target` starts with) or its service id, its protocol a trait on it, as in the
/// Smithy models.
fn service_shape(root: &Value, protocol: &str) -> Result<(String, Map<String, Value>), ModelError> {
    let metadata = root.get("metadata");
    let text = |key: &str| metadata.and_then(|m| m.get(key)).and_then(Value::as_str);
    let name = match (text("targetPrefix"), text("serviceId")) {
        (Some(prefix), _) => prefix.to_owned(),
        (None, Some(id)) => id.split_whitespace().collect(),
        (None, None) => "Service".to_owned(),
    };
    let mut traits = Map::new();
    for protocol in protocols(root).into_iter().chain([protocol]) {
        if let Some(protocol) = protocol_trait(protocol, text("jsonVersion")) {
            traits.insert(protocol.into(), json!({}));
        }
    }
    if let Some(namespace) = text("xmlNamespace") {
        traits.insert("smithy.api#xmlNamespace".into(), json!({"uri": namespace}));
    }
    if metadata.is_some_and(|m| m.get("awsQueryCompatible").is_some()) {
        traits.insert("aws.protocols#awsQueryCompatible".into(), json!({}));
    }
    let mut shape = Map::new();
    shape.insert("type".into(), json!("service"));
    if let Some(version) = text("apiVersion") {
        shape.insert("version".into(), json!(version));
    }
    shape.insert("traits".into(), Value::Object(traits));
    Ok((id(&name), shape))
}

fn convert(
    name: &str,
    shape: &Map<String, Value>,
    json_names: bool,
    xml: bool,
) -> Result<Map<String, Value>, ModelError> {
    let kind = shape
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| ModelError::new(format!("shape {name} has no type")))?;
    let flag = |key: &str| shape.get(key).and_then(Value::as_bool).unwrap_or(false);
    let mut traits = Map::new();
    if let Some(doc) = shape.get("documentation") {
        traits.insert("smithy.api#documentation".into(), doc.clone());
    }
    if flag("sensitive") {
        traits.insert("smithy.api#sensitive".into(), json!({}));
    }
    let bounds = || {
        let mut b = Map::new();
        for key in ["min", "max"] {
            if let Some(v) = shape.get(key) {
                b.insert(key.into(), v.clone());
            }
        }
        b
    };
    let smithy_kind = match kind {
        "structure" if flag("document") => "document",
        "structure" if flag("eventstream") => {
            traits.insert("smithy.api#streaming".into(), json!({}));
            "union"
        }
        "structure" if flag("union") => "union",
        "structure" => "structure",
        "string" | "list" | "map" | "blob" => {
            let b = bounds();
            if !b.is_empty() {
                traits.insert("smithy.api#length".into(), Value::Object(b));
            }
            kind
        }
        "integer" | "long" | "float" | "double" => {
            let b = bounds();
            if !b.is_empty() {
                traits.insert("smithy.api#range".into(), Value::Object(b));
            }
            kind
        }
        "boolean" | "timestamp" => kind,
        other => {
            return Err(ModelError::new(format!(
                "shape {name}: botocore type {other} is not known"
            )))
        }
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(smithy_kind));
    if let Some(pattern) = shape.get("pattern") {
        traits.insert("smithy.api#pattern".into(), pattern.clone());
    }
    if let Some(values) = shape.get("enum").and_then(Value::as_array) {
        let values: Vec<Value> = values.iter().map(|v| json!({"value": v})).collect();
        traits.insert("smithy.api#enum".into(), Value::Array(values));
    }
    if flag("streaming") {
        traits.insert("smithy.api#streaming".into(), json!({}));
    }
    if flag("sparse") {
        traits.insert("smithy.api#sparse".into(), json!({}));
    }
    if flag("exception") {
        traits.insert(
            "smithy.api#error".into(),
            json!(if flag("fault") { "server" } else { "client" }),
        );
        // botocore's `error`: the HTTP status, and the code a query-compatible service
        // keeps.
        if let Some(error) = shape.get("error") {
            if let Some(status) = error.get("httpStatusCode") {
                traits.insert("smithy.api#httpError".into(), status.clone());
            }
            if let Some(code) = error.get("code") {
                let status = error.get("httpStatusCode").cloned().unwrap_or(json!(400));
                traits.insert(
                    "aws.protocols#awsQueryError".into(),
                    json!({"code": code, "httpResponseCode": status}),
                );
            }
        }
    }
    if let Some(format) = shape.get("timestampFormat").and_then(Value::as_str) {
        let smithy = match format {
            "iso8601" => "date-time",
            "unixTimestamp" => "epoch-seconds",
            "rfc822" => "http-date",
            other => {
                return Err(ModelError::new(format!(
                    "shape {name}: timestamp format {other} is not known"
                )))
            }
        };
        traits.insert("smithy.api#timestampFormat".into(), json!(smithy));
    }
    if flag("flattened") {
        traits.insert("smithy.api#xmlFlattened".into(), json!({}));
    }
    for key in ["member", "key", "value"] {
        if let Some(reference) = shape.get(key) {
            if let Some(target) = reference.get("shape").and_then(Value::as_str) {
                let mut member_traits = Map::new();
                bind(reference, false, xml, &mut member_traits);
                out.insert(
                    key.into(),
                    json!({"target": id(target), "traits": member_traits}),
                );
            }
        }
    }
    if let Some(members) = shape.get("members").and_then(Value::as_object) {
        let required: Vec<&str> = shape
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        // The names the body uses: a member bound elsewhere (a label, a header) that shares
        // one takes its `locationName` instead, as the Smithy models give such a member a
        // `@jsonName` of its own (API Gateway's `PutIntegrationRequest.httpMethod`).
        let body_names: Vec<&str> = members
            .iter()
            .filter(|(_, d)| d.get("location").is_none())
            .map(
                |(name, d)| match (json_names, d.get("locationName").and_then(Value::as_str)) {
                    (true, Some(wire)) => wire,
                    _ => name.as_str(),
                },
            )
            .collect();
        let payload = shape.get("payload").and_then(Value::as_str);
        let mut converted = Map::new();
        for (member, definition) in members {
            let target = definition
                .get("shape")
                .and_then(Value::as_str)
                .ok_or_else(|| ModelError::new(format!("{name}${member} has no shape")))?;
            let mut member_traits = Map::new();
            if required.contains(&member.as_str()) {
                member_traits.insert("smithy.api#required".into(), json!({}));
            }
            if let Some(doc) = definition.get("documentation") {
                member_traits.insert("smithy.api#documentation".into(), doc.clone());
            }
            if definition.get("idempotencyToken").and_then(Value::as_bool) == Some(true) {
                member_traits.insert("smithy.api#idempotencyToken".into(), json!({}));
            }
            bind(
                definition,
                payload == Some(member.as_str()),
                xml,
                &mut member_traits,
            );
            let in_body = definition.get("location").is_none();
            let location_name = definition.get("locationName");
            if let (true, true, Some(wire)) = (json_names, in_body, location_name) {
                member_traits.insert("smithy.api#jsonName".into(), wire.clone());
            }
            if !in_body && body_names.contains(&member.as_str()) {
                let wire = location_name.ok_or_else(|| {
                    ModelError::new(format!(
                        "{name}${member}: bound outside the body, it shares its name with a \
                         body member and has no other"
                    ))
                })?;
                member_traits.insert("smithy.api#jsonName".into(), wire.clone());
            }
            converted.insert(
                member.clone(),
                json!({"target": id(target), "traits": member_traits}),
            );
        }
        out.insert("members".into(), Value::Object(converted));
    }
    out.insert("traits".into(), Value::Object(traits));
    Ok(out)
}

/// The Smithy traits of where a member travels: botocore's `location` and `locationName`
/// (a label, a query parameter, a header, headers by prefix), the shape's `payload`, and
/// the XML and query protocols' names and forms.
fn bind(definition: &Value, payload: bool, xml: bool, traits: &mut Map<String, Value>) {
    let text = |key: &str| definition.get(key).and_then(Value::as_str);
    let name = text("locationName");
    let bound = match (text("location"), name) {
        (Some("uri"), _) => Some(("smithy.api#httpLabel", json!({}))),
        (Some("querystring"), Some(name)) => Some(("smithy.api#httpQuery", json!(name))),
        (Some("querystring"), None) => Some(("smithy.api#httpQueryParams", json!({}))),
        (Some("header"), Some(name)) => Some(("smithy.api#httpHeader", json!(name))),
        (Some("headers"), name) => {
            Some(("smithy.api#httpPrefixHeaders", json!(name.unwrap_or(""))))
        }
        (Some("statusCode"), _) => Some(("smithy.api#httpResponseCode", json!({}))),
        _ => None,
    };
    if let Some((id, value)) = bound {
        traits.insert(id.into(), value);
    }
    if payload {
        traits.insert("smithy.api#httpPayload".into(), json!({}));
    }
    if !xml {
        return;
    }
    if let (None, Some(name)) = (text("location"), name) {
        traits.insert("smithy.api#xmlName".into(), json!(name));
    }
    if let Some(name) = text("queryName") {
        traits.insert("aws.protocols#ec2QueryName".into(), json!(name));
    }
    let flag = |key: &str| definition.get(key).and_then(Value::as_bool) == Some(true);
    if flag("flattened") {
        traits.insert("smithy.api#xmlFlattened".into(), json!({}));
    }
    if flag("xmlAttribute") {
        traits.insert("smithy.api#xmlAttribute".into(), json!({}));
    }
    if let Some(namespace) = definition.get("xmlNamespace") {
        let uri = namespace.get("uri").cloned().unwrap_or(json!(""));
        let mut value = json!({"uri": uri});
        if let Some(prefix) = namespace.get("prefix") {
            value["prefix"] = prefix.clone();
        }
        traits.insert("smithy.api#xmlNamespace".into(), value);
    }
}
