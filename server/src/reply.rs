//! Rejections written as AWS's services write errors, per protocol.
//!
//! The decision (which error, which code, which status) is [`Answer::of`]; the printing
//! of it, per protocol, is [`render`]. Every answer carries a fresh request id, as AWS's
//! do (`x-amzn-RequestId`, or the body's `RequestId` in the XML protocols).
//!
//! The shapes are those of Smithy's protocol tests of error responses (committed under
//! `tests/smithy-protocol-tests/`), and of AWS's own answers:
//! - awsJson: `{"__type": "com.amazon.coral.validate#ValidationException", "message": ..}`,
//!   as DynamoDB answered (AdRoll/goamz#15, 2013, a DynamoDB `PutItem` answer quoted whole).
//! - awsQuery: `<ErrorResponse><Error><Type>Sender</Type><Code>..` as SQS answered
//!   (aws/aws-sdk-java-v2#3972 quotes an `ErrorResponse` whole); invalid input is
//!   `ValidationError`, as STS answered (mmmorris1975/aws-runas#80: `api error
//!   ValidationError: 4 validation errors detected: ..`).
//! - restJson1: invalid input is `ValidationException`, as Lambda answered
//!   (cloud-custodian/cloud-custodian#3006: `An error occurred (ValidationException) when
//!   calling the UpdateFunctionConfiguration operation: 1 validation error detected: ..`),
//!   whatever other errors the operation models.
//! - ec2Query (`InvalidParameterValue`) and restXml (`InvalidArgument`): no real answer to
//!   invalid input is pinned yet; Route 53 answers with its own `InvalidInput` (its
//!   profile), and [`Service::with_invalid_code`](crate::Service::with_invalid_code) sets
//!   another.

use std::sync::atomic::{AtomicU64, Ordering};

use aws_constraints_schema::shapes::Protocol;
use serde_json::json;

use crate::{InvalidStyle, Rejection};

/// How a service writes its answers where services differ: the code of invalid input,
/// S3's unwrapped errors, whether its messages echo values (IAM's do not).
#[derive(Clone, Debug)]
pub(crate) struct Conventions {
    pub invalid_code: Option<String>,
    pub unwrapped: bool,
    pub echoes_values: bool,
}

/// What an answer says, whatever the protocol: its status, its error code and its
/// message, or the Smithy framework's body.
pub(crate) struct Answer {
    status: u16,
    code: String,
    /// `false` for a server fault (`Receiver` in the query protocols).
    client_fault: bool,
    body: Body,
    /// A modeled error's shape id, what awsJson1_0 and rpcv2Cbor write as `__type`.
    shape_id: Option<String>,
    /// Headers a modeled error's members travel in (`@httpHeader`).
    headers: Vec<(String, String)>,
    /// A modeled error's members in model order, which XML keeps.
    order: Vec<String>,
    /// S3's errors: `<Error>` at the root, no `<ErrorResponse>` around it.
    unwrapped: bool,
}

enum Body {
    Message(String),
    /// The Smithy framework's `ValidationException`: `message` and `fieldList`.
    Smithy(serde_json::Value),
    /// A modeled error's members, as the server gives them.
    Members(serde_json::Value),
}

impl Answer {
    fn of(
        protocol: Protocol,
        style: Option<&InvalidStyle>,
        conventions: &Conventions,
        rejection: &Rejection,
    ) -> Answer {
        let answer = |status: u16, code: &str, message: String| Answer {
            status,
            code: code.to_owned(),
            client_fault: status < 500,
            body: Body::Message(message),
            shape_id: None,
            headers: Vec::new(),
            order: Vec::new(),
            unwrapped: false,
        };
        let query = matches!(protocol, Protocol::AwsQuery | Protocol::Ec2Query);
        let xml = query || protocol == Protocol::RestXml;
        match rejection {
            Rejection::UnknownOperation { detail } => match protocol {
                Protocol::RestJson1 | Protocol::RestXml => {
                    answer(404, "UnknownOperationException", detail.clone())
                }
                _ if query => answer(400, "InvalidAction", detail.clone()),
                _ => answer(400, "UnknownOperationException", detail.clone()),
            },
            Rejection::Unsupported { .. } => answer(500, "InternalFailure", rejection.to_string()),
            Rejection::UnsupportedMediaType { detail } => {
                answer(415, "UnsupportedMediaTypeException", detail.clone())
            }
            Rejection::NotAcceptable { detail } => {
                answer(406, "NotAcceptableException", detail.clone())
            }
            Rejection::Malformed { detail, .. } if xml => {
                answer(400, "MalformedInput", detail.clone())
            }
            Rejection::Malformed { detail, .. } => {
                answer(400, "SerializationException", detail.clone())
            }
            Rejection::Invalid { errors, .. } => match style {
                Some(InvalidStyle::SmithyFramework) => Answer {
                    status: 400,
                    code: "ValidationException".into(),
                    client_fault: true,
                    body: Body::Smithy(errors.smithy_body()),
                    shape_id: None,
                    headers: Vec::new(),
                    order: Vec::new(),
                    unwrapped: false,
                },
                Some(InvalidStyle::Aws) | None => {
                    let code = conventions
                        .invalid_code
                        .as_deref()
                        .unwrap_or(match protocol {
                            Protocol::AwsQuery => "ValidationError",
                            Protocol::Ec2Query => "InvalidParameterValue",
                            Protocol::RestXml => "InvalidArgument",
                            _ => "ValidationException",
                        });
                    let message = if conventions.echoes_values {
                        errors.aws_message()
                    } else {
                        errors.aws_message_without_values()
                    };
                    answer(400, code, message)
                }
            },
        }
    }

    /// A modeled error (`ConflictException` with its members), its shape id where known,
    /// and the headers some of its members travel in.
    pub(crate) fn modeled(
        code: &str,
        status: u16,
        members: serde_json::Value,
        shape_id: Option<String>,
        headers: Vec<(String, String)>,
        order: Vec<String>,
    ) -> Answer {
        Answer {
            status,
            code: code.to_owned(),
            client_fault: status < 500,
            body: Body::Members(members),
            shape_id,
            headers,
            order,
            unwrapped: false,
        }
    }

    /// The answer as S3 writes errors (`noErrorWrapping`).
    pub(crate) fn unwrapped(mut self, unwrapped: bool) -> Answer {
        self.unwrapped = unwrapped;
        self
    }

    fn message(&self) -> String {
        match &self.body {
            Body::Message(message) => message.clone(),
            Body::Smithy(body) | Body::Members(body) => ["message", "Message"]
                .iter()
                .find_map(|key| body.get(*key).and_then(serde_json::Value::as_str))
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// A modeled error's `__type`: its shape id over awsJson1_0 and rpcv2Cbor (as DynamoDB
    /// writes `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`, and Smithy's
    /// cases of both protocols), its name over awsJson1_1.
    fn type_for(&self, protocol: Protocol) -> &str {
        match (protocol, &self.shape_id) {
            (Protocol::AwsJson1_0 | Protocol::RpcV2Cbor, Some(id)) => id,
            _ => &self.code,
        }
    }

    /// `<Code>`, `<Message>` (when there is one) and the other members, as an XML error's
    /// elements: members in model order, then any others.
    fn xml_elements(&self) -> String {
        let mut out = format!("<Code>{}</Code>", xml_escape(&self.code));
        let message = self.message();
        if !message.is_empty() || !matches!(self.body, Body::Members(_)) {
            out.push_str(&format!("<Message>{}</Message>", xml_escape(&message)));
        }
        if let Body::Members(serde_json::Value::Object(members)) = &self.body {
            let is_other = |k: &str| k != "message" && k != "Message";
            let ordered = self.order.iter().filter(|k| members.contains_key(*k));
            let rest = members.keys().filter(|k| !self.order.contains(k));
            for name in ordered.chain(rest).filter(|k| is_other(k)) {
                out.push_str(&format!(
                    "<{name}>{}</{name}>",
                    xml_elements(&members[name])
                ));
            }
        }
        out
    }
}

/// The response for `rejection` over `protocol`; `style` is how the operation answers
/// invalid input.
pub(crate) fn render(
    protocol: Protocol,
    style: Option<&InvalidStyle>,
    conventions: &Conventions,
    rejection: &Rejection,
) -> http::Response<Vec<u8>> {
    let answer =
        Answer::of(protocol, style, conventions, rejection).unwrapped(conventions.unwrapped);
    render_answer(protocol, &answer)
}

/// An answer written as `protocol` writes an error.
pub(crate) fn render_answer(protocol: Protocol, answer: &Answer) -> http::Response<Vec<u8>> {
    let request_id = request_id();
    let body = match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let body = match &answer.body {
                Body::Smithy(body) => {
                    let mut body = body.clone();
                    body["__type"] = json!(answer.code);
                    body
                }
                Body::Message(message) => json!({
                    "__type": coral_type(&answer.code),
                    "message": message,
                }),
                Body::Members(members) => {
                    let mut body = members.clone();
                    if let Some(object) = body.as_object_mut() {
                        object.insert("__type".into(), json!(answer.type_for(protocol)));
                    }
                    body
                }
            };
            body.to_string().into_bytes()
        }
        Protocol::RestJson1 => {
            let body = match &answer.body {
                Body::Smithy(body) | Body::Members(body) => body.clone(),
                Body::Message(message) => json!({ "message": message }),
            };
            body.to_string().into_bytes()
        }
        Protocol::RpcV2Cbor => {
            let mut body = match &answer.body {
                Body::Smithy(body) | Body::Members(body) => body.clone(),
                Body::Message(message) => json!({ "message": message }),
            };
            if let Some(object) = body.as_object_mut() {
                object.insert("__type".into(), json!(answer.type_for(protocol)));
            }
            let mut bytes = Vec::new();
            cbor_value(&mut bytes, &body);
            bytes
        }
        Protocol::AwsQuery | Protocol::RestXml => query_error(answer, &request_id).into_bytes(),
        Protocol::Ec2Query => ec2_error(answer, &request_id).into_bytes(),
    };
    let mut headers = answer.headers.clone();
    if matches!(
        protocol,
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1
    ) {
        headers.push(("x-amzn-errortype".into(), answer.code.clone()));
    }
    response(protocol, answer.status, &request_id, &headers, body)
}

/// The media type of a body written in `protocol` (ec2Query's as Smithy's error cases
/// have it).
pub(crate) fn media_type(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
        Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
        Protocol::RestJson1 => "application/json",
        Protocol::RpcV2Cbor => "application/cbor",
        Protocol::AwsQuery => "text/xml",
        Protocol::Ec2Query => "text/xml;charset=UTF-8",
        Protocol::RestXml => "application/xml",
    }
}

/// A response of `protocol`: its status, request id, `Content-Type` (when it has a body),
/// `smithy-protocol` (rpcv2Cbor), `headers` and `Content-Length`.
fn response(
    protocol: Protocol,
    status: u16,
    request_id: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder()
        .status(status)
        .header("x-amzn-requestid", request_id);
    if !body.is_empty() {
        response = response.header(http::header::CONTENT_TYPE, media_type(protocol));
    }
    if protocol == Protocol::RpcV2Cbor {
        response = response.header("smithy-protocol", "rpc-v2-cbor");
    }
    for (name, value) in headers {
        response = response.header(name.as_str(), value.as_str());
    }
    response
        .header(http::header::CONTENT_LENGTH, body.len())
        .body(body)
        .unwrap_or_else(|_| http::Response::new(Vec::new()))
}

/// A success with `members` (an operation's output, its members by their wire names), as
/// `protocol` writes one for `operation`. restXml's root element is named after the
/// operation (`{operation}Response`): the output shape's own name is not known here.
/// `xml_root`: the element restXml holds the members in (the operation's
/// `output_xml_root`); without one, `{operation}Response` around members, and nothing for
/// none.
pub(crate) fn render_output(
    protocol: Protocol,
    operation: &str,
    xml_root: Option<&str>,
    status: u16,
    members: &serde_json::Value,
) -> http::Response<Vec<u8>> {
    let request_id = request_id();
    let elements = xml_elements(members);
    let body = match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1 => {
            members.to_string().into_bytes()
        }
        Protocol::RpcV2Cbor => {
            let mut bytes = Vec::new();
            cbor_value(&mut bytes, members);
            bytes
        }
        Protocol::AwsQuery => format!(
            "<{operation}Response><{operation}Result>{elements}</{operation}Result>\
             <ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata>\
             </{operation}Response>"
        )
        .into_bytes(),
        Protocol::Ec2Query => format!(
            "<{operation}Response>{elements}<requestId>{request_id}</requestId>\
             </{operation}Response>"
        )
        .into_bytes(),
        Protocol::RestXml => match xml_root {
            Some(root) => format!("<{root}>{elements}</{root}>").into_bytes(),
            None if elements.is_empty() => Vec::new(),
            None => format!("<{operation}Response>{elements}</{operation}Response>").into_bytes(),
        },
    };
    response(protocol, status, &request_id, &[], body)
}

/// `__type` as AWS's awsJson services write a validation failure: under the namespace
/// of the layer that checks it (see the module's documentation).
fn coral_type(code: &str) -> String {
    match code {
        "ValidationException" => "com.amazon.coral.validate#ValidationException".into(),
        other => other.to_owned(),
    }
}

/// awsQuery's error, which restXml's services (but S3) write too.
fn query_error(answer: &Answer, request_id: &str) -> String {
    if answer.unwrapped {
        return format!(
            "<Error>{}<RequestId>{request_id}</RequestId></Error>",
            answer.xml_elements()
        );
    }
    let fault = if answer.client_fault {
        "Sender"
    } else {
        "Receiver"
    };
    format!(
        "<ErrorResponse><Error><Type>{fault}</Type>{}</Error><RequestId>{request_id}</RequestId>\
         </ErrorResponse>",
        answer.xml_elements(),
    )
}

fn ec2_error(answer: &Answer, request_id: &str) -> String {
    format!(
        "<Response><Errors><Error>{}</Error></Errors><RequestID>{request_id}</RequestID>\
         </Response>",
        answer.xml_elements(),
    )
}

/// A JSON value's members as XML elements: an object's as one element each, a list's
/// items as `<member>` elements.
fn xml_elements(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Object(members) => members
            .iter()
            .map(|(name, value)| format!("<{name}>{}</{name}>", xml_elements(value)))
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| format!("<member>{}</member>", xml_elements(item)))
            .collect(),
        Value::String(text) => xml_escape(text),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A JSON value as CBOR (RFC 8949, definite lengths).
fn cbor_value(out: &mut Vec<u8>, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => out.push(0xF6),
        Value::Bool(b) => out.push(if *b { 0xF5 } else { 0xF4 }),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => cbor_head(out, 0, u),
            (None, Some(i), _) => cbor_head(out, 1, (-1 - i) as u64),
            (_, _, Some(x)) => {
                out.push(0xFB);
                out.extend_from_slice(&x.to_be_bytes());
            }
            _ => out.push(0xF6),
        },
        Value::String(text) => {
            cbor_head(out, 3, text.len() as u64);
            out.extend_from_slice(text.as_bytes());
        }
        Value::Array(items) => {
            cbor_head(out, 4, items.len() as u64);
            for item in items {
                cbor_value(out, item);
            }
        }
        Value::Object(members) => {
            cbor_head(out, 5, members.len() as u64);
            for (name, value) in members {
                cbor_head(out, 3, name.len() as u64);
                out.extend_from_slice(name.as_bytes());
                cbor_value(out, value);
            }
        }
    }
}

/// Text as XML character data, as Java's XML writers (AWS's) write it: `&`, `<` and `>`
/// escaped, quotes as they are; control characters XML 1.0 cannot hold replaced.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A parser would read a raw carriage return as a line break.
            '\r' => out.push_str("&#xD;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn cbor_head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    match value {
        0..=23 => out.push(major | value as u8),
        24..=0xFF => out.extend_from_slice(&[major | 24, value as u8]),
        0x100..=0xFFFF => {
            out.push(major | 25);
            out.extend_from_slice(&(value as u16).to_be_bytes());
        }
        0x1_0000..=0xFFFF_FFFF => {
            out.push(major | 26);
            out.extend_from_slice(&(value as u32).to_be_bytes());
        }
        _ => {
            out.push(major | 27);
            out.extend_from_slice(&value.to_be_bytes());
        }
    }
}

/// A request id in AWS's form (`8-4-4-4-12` hexadecimal digits), distinct per answer of
/// the process.
fn request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let a = splitmix(nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(32));
    let b = splitmix(a ^ u64::from(std::process::id()));
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_differ_and_look_like_aws_s() {
        let (a, b) = (request_id(), request_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
    }

    #[test]
    fn xml_text_cannot_forge_markup() {
        assert_eq!(
            xml_escape("</Message><Code>x</Code>&\u{1}"),
            "&lt;/Message&gt;&lt;Code&gt;x&lt;/Code&gt;&amp;\u{FFFD}"
        );
        assert_eq!(xml_escape("Value 'a' \"b\""), "Value 'a' \"b\"");
        assert_eq!(xml_escape("a\tb\r\nc"), "a\tb&#xD;\nc");
    }

    #[test]
    fn cbor_values() {
        let mut out = Vec::new();
        cbor_value(&mut out, &json!({"a": "b"}));
        assert_eq!(out, [0xA1, 0x61, b'a', 0x61, b'b']);
        let mut out = Vec::new();
        cbor_value(&mut out, &json!([-1, 1.5, null, true]));
        assert_eq!(
            out,
            [0x84, 0x20, 0xFB, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0, 0xF6, 0xF5]
        );
        let mut long = Vec::new();
        cbor_head(&mut long, 3, 300);
        assert_eq!(long, [0x79, 0x01, 0x2C]);
    }

    #[test]
    fn s3_writes_its_errors_unwrapped() {
        let answer = Answer::modeled(
            "NoSuchKey",
            404,
            json!({"Message": "The specified key does not exist.", "Key": "k"}),
            None,
            Vec::new(),
            vec!["Message".into(), "Key".into()],
        )
        .unwrapped(true);
        assert_eq!(
            query_error(&answer, "id"),
            "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>\
             <Key>k</Key><RequestId>id</RequestId></Error>"
        );
    }

    #[test]
    fn members_as_xml_elements() {
        assert_eq!(
            xml_elements(&json!({"Name": "a<b", "Tags": [{"Key": "k"}], "Size": 3})),
            "<Name>a&lt;b</Name><Size>3</Size><Tags><member><Key>k</Key></member></Tags>"
        );
    }
}
