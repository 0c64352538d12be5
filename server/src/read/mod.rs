//! Requests read into an operation's input document, by the service's protocol.

mod cbor;
mod defaults;
mod query;
mod xml;

use std::borrow::Cow;
use std::io::Read;

use aws_constraints::Blob;
use aws_constraints_schema::shapes::{
    Binding, Body, Member, PayloadKind, Protocol, Rule, Type, TypeKind,
};
use serde_json::{Map, Value as Json};

use crate::route::query_pairs;
use crate::text::{scalar, split_header_list, Place};
use crate::{types, Input, OperationWire, Rejection, Service};

/// The parts of a request the protocols read.
pub(crate) struct Wire<'r> {
    pub method: &'r str,
    pub path: &'r str,
    pub query: Vec<(String, String)>,
    pub headers: &'r http::HeaderMap,
    /// The body, decompressed when its `Content-Encoding` says gzip.
    pub body: Cow<'r, [u8]>,
}

/// How large a body may grow when it is decompressed: a few bytes of gzip can say
/// gigabytes.
const MAX_DECOMPRESSED: u64 = 64 << 20;

impl<'r> Wire<'r> {
    fn of<B: AsRef<[u8]>>(request: &'r http::Request<B>) -> Result<Wire<'r>, Rejection> {
        let query = query_pairs(request.uri().query().unwrap_or("")).map_err(malformed)?;
        let mut wire = Wire {
            method: request.method().as_str(),
            path: request.uri().path(),
            query,
            headers: request.headers(),
            body: Cow::Borrowed(request.body().as_ref()),
        };
        let encoding = wire.header("content-encoding")?.unwrap_or_default();
        if encoding
            .split(',')
            .any(|e| e.trim().eq_ignore_ascii_case("gzip"))
        {
            let mut decompressed = Vec::new();
            let mut reader = flate2::read::GzDecoder::new(&*wire.body).take(MAX_DECOMPRESSED + 1);
            reader
                .read_to_end(&mut decompressed)
                .map_err(|e| malformed(format!("the body is not gzip: {e}")))?;
            if decompressed.len() as u64 > MAX_DECOMPRESSED {
                return Err(malformed(format!(
                    "the body decompresses to more than {MAX_DECOMPRESSED} bytes"
                )));
            }
            wire.body = Cow::Owned(decompressed);
        }
        Ok(wire)
    }

    /// A header's values joined by `, ` (as HTTP reads repeated headers); `None` when
    /// absent.
    pub fn header(&self, name: &str) -> Result<Option<String>, Rejection> {
        let mut values = Vec::new();
        for value in self.headers.get_all(name) {
            values.push(
                value.to_str().map_err(|_| {
                    malformed(format!("the header {name} is not visible ASCII text"))
                })?,
            );
        }
        Ok((!values.is_empty()).then(|| values.join(", ")))
    }

    /// The media type of `Content-Type`, lowercased and without parameters.
    fn content_type(&self) -> Result<Option<String>, Rejection> {
        Ok(self.header("content-type")?.map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        }))
    }
}

pub(crate) fn malformed(detail: impl Into<String>) -> Rejection {
    Rejection::Malformed {
        operation: None,
        detail: detail.into(),
    }
}

pub(crate) fn read<B: AsRef<[u8]>>(
    service: &Service,
    request: &http::Request<B>,
) -> Result<Input, Rejection> {
    let wire = Wire::of(request)?;
    let protocol = service.protocol_of(request);
    let (operation, document) = match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json(service, &wire, protocol),
        Protocol::RestJson1 => rest(service, &wire, Format::Json),
        Protocol::RestXml => rest(service, &wire, Format::Xml),
        Protocol::AwsQuery | Protocol::Ec2Query => query::read(service, &wire, protocol),
        Protocol::RpcV2Cbor => cbor::read(service, &wire),
    }?;
    let mut document = document;
    let schema = service.validator.schema();
    if let Some(input) = service
        .operation_index(&operation)
        .and_then(|index| schema.operations[index].input.as_deref())
    {
        defaults::fill(types(service), input, &mut document);
    }
    Ok(Input {
        operation,
        document,
        protocol,
    })
}

/// awsJson1_0 and awsJson1_1: `POST /`, the operation in `X-Amz-Target`
/// (`Service.Operation`), the input a JSON object in the body.
fn aws_json(
    service: &Service,
    wire: &Wire,
    protocol: Protocol,
) -> Result<(String, Json), Rejection> {
    let target = wire
        .header("x-amz-target")?
        .ok_or_else(|| Rejection::UnknownOperation {
            detail: "the request has no X-Amz-Target header naming its operation".into(),
        })?;
    let unknown = || format!("no operation is named {target} (X-Amz-Target)");
    let name = target
        .trim()
        .strip_prefix(service.target_prefix.as_str())
        .and_then(|rest| rest.strip_prefix('.'))
        .ok_or_else(|| Rejection::UnknownOperation { detail: unknown() })?;
    let index = service.named(name, unknown)?;
    let operation = &service.operations[index];
    let version = crate::reply::media_type(protocol);
    if let Some(found) = wire.content_type()? {
        if found != version && found != "application/json" {
            return Err(Rejection::UnsupportedMediaType {
                detail: format!("{} takes {version}, not {found}", operation.name),
            });
        }
    }
    let mut document = json_object(&wire.body, operation)?;
    // A member written `null` is absent.
    if let Json::Object(members) = &mut document {
        members.retain(|_, value| !value.is_null());
    }
    Ok((operation.name.clone(), document))
}

/// The body as a JSON object (an empty body is `{}`).
fn json_object(body: &[u8], operation: &OperationWire) -> Result<Json, Rejection> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Json::Object(Map::new()));
    }
    match serde_json::from_slice::<Json>(body) {
        Ok(object @ Json::Object(_)) => Ok(object),
        Ok(other) => Err(Rejection::Malformed {
            operation: Some(operation.name.clone()),
            detail: format!(
                "the body is {}, not a JSON object",
                aws_constraints_schema::json_kind(&other)
            ),
        }),
        Err(e) => Err(Rejection::Malformed {
            operation: Some(operation.name.clone()),
            detail: format!("the body is not JSON: {e}"),
        }),
    }
}

/// How a REST protocol writes a body of members: restJson1's JSON, restXml's XML.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
}

impl Format {
    fn media_type(self) -> &'static str {
        crate::reply::media_type(match self {
            Format::Json => Protocol::RestJson1,
            Format::Xml => Protocol::RestXml,
        })
    }
}

/// restJson1 and restXml: the operation by its `@http` route; members from the labels, the
/// query string, the headers and the body (a document of members, or the `@httpPayload`
/// member).
fn rest(service: &Service, wire: &Wire, format: Format) -> Result<(String, Json), Rejection> {
    let (index, labels) = route(service, wire)?;
    let operation = &service.operations[index];
    let in_operation = |detail: String| Rejection::Malformed {
        operation: Some(operation.name.clone()),
        detail,
    };
    check_content_type(
        operation,
        wire,
        expected_content_type(service, operation, format),
    )?;
    let output = &service.validator.schema().operations[index].output_body;
    check_accept(operation, wire, response_media_type(output, format))?;
    let mut document = Map::new();
    let payload = operation
        .members
        .iter()
        .find(|m| m.binding == Binding::Payload);
    match payload {
        Some(member) if !wire.body.is_empty() => {
            let value = payload_value(service, member, &wire.body, format).map_err(in_operation)?;
            document.insert(member.wire.clone(), value);
        }
        Some(_) => {}
        None if format == Format::Xml
            && !wire.body.is_empty()
            && operation.members.iter().any(|m| m.binding == Binding::Body) =>
        {
            let root = xml::parse(&wire.body).map_err(in_operation)?;
            let members: Vec<_> = operation
                .members
                .iter()
                .filter(|m| m.binding == Binding::Body)
                .cloned()
                .collect();
            let reader = xml::Reader { service };
            document = reader.members(&root, &members, 0).map_err(in_operation)?;
        }
        None if operation.members.iter().any(|m| m.binding == Binding::Body) => {
            if let Json::Object(body) = json_object(&wire.body, operation)? {
                for member in operation
                    .members
                    .iter()
                    .filter(|m| m.binding == Binding::Body)
                {
                    // A member written `null` is absent.
                    match body.get(&member.wire) {
                        None | Some(Json::Null) => {}
                        Some(value) => {
                            document.insert(member.wire.clone(), value.clone());
                        }
                    }
                }
            }
        }
        None => {}
    }
    bind_text(service, operation, wire, &labels, &mut document)?;
    Ok((operation.name.clone(), Json::Object(document)))
}

/// The operation whose route matches, and its labels' values.
fn route(service: &Service, wire: &Wire) -> Result<(usize, Vec<(String, String)>), Rejection> {
    let method = wire.method;
    let mut matched = Vec::new();
    for (template, index) in &service.routes {
        let http = service.validator.schema().operations[*index].http.as_ref();
        if http.is_some_and(|h| !h.method.eq_ignore_ascii_case(method)) {
            continue;
        }
        if let Some(labels) = template.matches(wire.path, &wire.query) {
            matched.push((*index, labels));
        }
    }
    // Routes that share a template (S3's PutObject and CopyObject) are told apart by the
    // headers and query parameters they require: the one that requires most of those the
    // request has, all of them.
    let pick = matched
        .iter()
        .enumerate()
        .filter_map(|(at, (index, _))| {
            required_bindings(&service.operations[*index], wire).map(|n| (n, at))
        })
        .max_by_key(|&(n, at)| (n, std::cmp::Reverse(at)))
        .map_or(0, |(_, at)| at);
    let Some((index, labels)) = matched.into_iter().nth(pick) else {
        return Err(Rejection::UnknownOperation {
            detail: format!("no operation is at {method} {}", wire.path),
        });
    };
    let mut decoded = Vec::with_capacity(labels.len());
    for (name, value) in labels {
        let value = value.map_err(|()| Rejection::Malformed {
            operation: Some(service.operations[index].name.clone()),
            detail: format!("the label {name} is not percent-encoded UTF-8"),
        })?;
        decoded.push((name, value));
    }
    Ok((index, decoded))
}

/// How many headers and query parameters the operation requires, when the request has
/// them all.
fn required_bindings(operation: &OperationWire, wire: &Wire) -> Option<usize> {
    let mut count = 0;
    for member in operation
        .members
        .iter()
        .filter(|m| m.rules.contains(&Rule::Required))
    {
        let present = match &member.binding {
            Binding::Header(name) => wire.headers.contains_key(name.as_str()),
            Binding::Query(name) => wire.query.iter().any(|(k, _)| k == name),
            _ => continue,
        };
        if !present {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// What `Content-Type` a restJson1 operation's request must have.
#[derive(Debug, PartialEq)]
enum Expected {
    /// That media type (any, when the request has no body).
    Exactly(String),
    /// Any: a blob payload without a `@mediaType` is whatever bytes the client sends.
    Any,
    /// None: the operation reads no body.
    Nothing,
}

/// Its payload's media type, the format's for a body of members (or an input without
/// members at all), nothing when its members all travel elsewhere.
fn expected_content_type(service: &Service, operation: &OperationWire, format: Format) -> Expected {
    if let Some(payload) = operation
        .members
        .iter()
        .find(|m| m.binding == Binding::Payload)
    {
        return match (&payload.ty, &payload.media_type) {
            (_, Some(media_type)) => Expected::Exactly(media_type.to_ascii_lowercase()),
            (Type::Blob, None) => Expected::Any,
            (Type::String, None) => Expected::Exactly("text/plain".into()),
            (Type::Named { name, .. }, None)
                if matches!(
                    types(service).get(name).map(|t| &t.kind),
                    Some(TypeKind::StringEnum(_))
                ) =>
            {
                Expected::Exactly("text/plain".into())
            }
            _ => Expected::Exactly(format.media_type().into()),
        };
    }
    let in_body = operation.members.iter().any(|m| m.binding == Binding::Body);
    if in_body || (operation.has_input && operation.members.is_empty()) {
        Expected::Exactly(format.media_type().into())
    } else {
        Expected::Nothing
    }
}

/// The media type a REST protocol writes a body of `body` with; `None` when there is
/// none, or it is any (a blob's without a `@mediaType`).
fn response_media_type(body: &Body, format: Format) -> Option<String> {
    match body {
        Body::Empty => None,
        Body::Payload {
            kind: PayloadKind::Blob,
            media_type: None,
        } => None,
        Body::Members => Some(format.media_type().into()),
        Body::Payload {
            media_type: Some(media_type),
            ..
        } => Some(media_type.to_ascii_lowercase()),
        Body::Payload { kind, .. } => Some(
            match kind {
                PayloadKind::Blob => "application/octet-stream",
                PayloadKind::Text => "text/plain",
                PayloadKind::Document => format.media_type(),
            }
            .into(),
        ),
    }
}

/// An `Accept` header must allow what the operation answers with (`*/*`, `type/*` or the
/// type itself, parameters aside).
fn check_accept(
    operation: &OperationWire,
    wire: &Wire,
    produces: Option<String>,
) -> Result<(), Rejection> {
    let (Some(accept), Some(produces)) = (wire.header("accept")?, produces) else {
        return Ok(());
    };
    let (kind, _) = produces.split_once('/').unwrap_or((&produces, ""));
    let allowed = accept.split(',').any(|range| {
        let range = range
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        range == "*/*" || range == produces || range == format!("{kind}/*")
    });
    if allowed {
        Ok(())
    } else {
        Err(Rejection::NotAcceptable {
            detail: format!(
                "{} answers with {produces}, which Accept ({accept}) excludes",
                operation.name
            ),
        })
    }
}

fn check_content_type(
    operation: &OperationWire,
    wire: &Wire,
    expected: Expected,
) -> Result<(), Rejection> {
    let found = wire.content_type()?;
    let unsupported = |detail: String| Err(Rejection::UnsupportedMediaType { detail });
    match (expected, found) {
        (Expected::Exactly(expected), Some(found)) if found != expected => {
            unsupported(format!("{} takes {expected}, not {found}", operation.name))
        }
        (Expected::Exactly(expected), None) if !wire.body.is_empty() => unsupported(format!(
            "{} takes {expected}; the request has a body and no Content-Type",
            operation.name
        )),
        // A body the operation does not read is ignored, unless it says it is something.
        (Expected::Nothing, Some(found)) if !wire.body.is_empty() => unsupported(format!(
            "{} takes no body; the request has one of {found}",
            operation.name
        )),
        _ => Ok(()),
    }
}

/// The `@httpPayload` member's value: a blob as base64 (what the document holds), a
/// string as text, anything else as the JSON the body is.
fn payload_value(
    service: &Service,
    member: &Member,
    body: &[u8],
    format: Format,
) -> Result<Json, String> {
    let text = || {
        std::str::from_utf8(body)
            .map(|t| Json::String(t.to_owned()))
            .map_err(|_| "the payload is not UTF-8 text".to_owned())
    };
    match &member.ty {
        Type::Blob => serde_json::to_value(Blob(body.to_vec())).map_err(|e| e.to_string()),
        Type::String => text(),
        Type::Named { name, .. }
            if matches!(
                types(service).get(name).map(|t| &t.kind),
                Some(TypeKind::StringEnum(_))
            ) =>
        {
            text()
        }
        ty if format == Format::Xml => {
            let root = xml::parse(body)?;
            xml::Reader { service }.value(member, ty, &root, 0)
        }
        _ => serde_json::from_slice(body).map_err(|e| format!("the payload is not JSON: {e}")),
    }
}

/// The members bound to labels, query parameters and headers, read from their text.
fn bind_text(
    service: &Service,
    operation: &OperationWire,
    wire: &Wire,
    labels: &[(String, String)],
    document: &mut Map<String, Json>,
) -> Result<(), Rejection> {
    let types = types(service);
    let bad = |what: String, why: String| Rejection::Malformed {
        operation: Some(operation.name.clone()),
        detail: format!("{what}: {why}"),
    };
    for member in &operation.members {
        let value = match &member.binding {
            Binding::Body | Binding::Payload => continue,
            Binding::Label => {
                let Some((_, text)) = labels.iter().find(|(name, _)| *name == member.name) else {
                    continue;
                };
                scalar(text, &member.ty, member, types, Place::Label)
                    .map_err(|why| bad(format!("the label {}", member.name), why))?
            }
            Binding::Query(name) => {
                let values: Vec<&str> = wire
                    .query
                    .iter()
                    .filter(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
                    .collect();
                if values.is_empty() {
                    continue;
                }
                let what = || format!("the query parameter {name}");
                match &member.ty {
                    Type::List { item, .. } => Json::Array(
                        values
                            .iter()
                            .map(|v| scalar(v, item, member, types, Place::Query))
                            .collect::<Result<_, _>>()
                            .map_err(|why| bad(what(), why))?,
                    ),
                    ty => scalar(values[0], ty, member, types, Place::Query)
                        .map_err(|why| bad(what(), why))?,
                }
            }
            Binding::QueryParams => {
                // Every parameter, those other members take too (Smithy's rule).
                let mut map = Map::new();
                for (key, value) in &wire.query {
                    match &member.ty {
                        Type::Map { value: item, .. } if matches!(**item, Type::List { .. }) => {
                            let list = map
                                .entry(key.clone())
                                .or_insert_with(|| Json::Array(Vec::new()));
                            if let Json::Array(list) = list {
                                list.push(Json::String(value.clone()));
                            }
                        }
                        _ => {
                            map.entry(key.clone())
                                .or_insert_with(|| Json::String(value.clone()));
                        }
                    }
                }
                if map.is_empty() {
                    continue;
                }
                Json::Object(map)
            }
            Binding::Header(name) => {
                let Some(text) = wire.header(name)? else {
                    continue;
                };
                let what = || format!("the header {name}");
                match &member.ty {
                    Type::List { item, .. } => {
                        let http_dates = **item == Type::Timestamp
                            && member.timestamp_format.is_none_or(|f| {
                                f == aws_constraints_schema::shapes::TimestampFormat::HttpDate
                            });
                        let items =
                            split_header_list(&text, http_dates).map_err(|why| bad(what(), why))?;
                        Json::Array(
                            items
                                .iter()
                                .map(|v| scalar(v, item, member, types, Place::Header))
                                .collect::<Result<_, _>>()
                                .map_err(|why| bad(what(), why))?,
                        )
                    }
                    ty => scalar(text.trim(), ty, member, types, Place::Header)
                        .map_err(|why| bad(what(), why))?,
                }
            }
            Binding::PrefixHeaders(prefix) => {
                let prefix = prefix.to_ascii_lowercase();
                let mut map = Map::new();
                for name in wire.headers.keys() {
                    if let Some(key) = name.as_str().strip_prefix(&prefix) {
                        if let Some(value) = wire.header(name.as_str())? {
                            map.insert(key.to_owned(), Json::String(value));
                        }
                    }
                }
                if map.is_empty() {
                    continue;
                }
                Json::Object(map)
            }
        };
        document.insert(member.wire.clone(), value);
    }
    Ok(())
}
