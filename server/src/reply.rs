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
//!   invalid input is pinned yet; [`Service::with_invalid_code`](crate::Service::with_invalid_code)
//!   sets another.

use std::sync::atomic::{AtomicU64, Ordering};

use aws_constraints_schema::shapes::Protocol;
use serde_json::json;

use crate::{InvalidStyle, Rejection};

/// What an answer says, whatever the protocol: its status, its error code and its
/// message, or the Smithy framework's body.
struct Answer {
    status: u16,
    code: String,
    /// `false` for a server fault (`Receiver` in the query protocols).
    client_fault: bool,
    body: Body,
}

enum Body {
    Message(String),
    /// The Smithy framework's `ValidationException`: `message` and `fieldList`.
    Smithy(serde_json::Value),
}

impl Answer {
    fn of(
        protocol: Protocol,
        style: Option<&InvalidStyle>,
        invalid_code: Option<&str>,
        rejection: &Rejection,
    ) -> Answer {
        let answer = |status: u16, code: &str, message: String| Answer {
            status,
            code: code.to_owned(),
            client_fault: status < 500,
            body: Body::Message(message),
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
                },
                Some(InvalidStyle::Aws) | None => {
                    let code = invalid_code.unwrap_or(match protocol {
                        Protocol::AwsQuery => "ValidationError",
                        Protocol::Ec2Query => "InvalidParameterValue",
                        Protocol::RestXml => "InvalidArgument",
                        _ => "ValidationException",
                    });
                    answer(400, code, errors.aws_message())
                }
            },
        }
    }

    fn message(&self) -> String {
        match &self.body {
            Body::Message(message) => message.clone(),
            Body::Smithy(body) => body["message"].as_str().unwrap_or_default().to_owned(),
        }
    }
}

/// The response for `rejection` over `protocol`; `style` is how the operation answers
/// invalid input.
pub(crate) fn render(
    protocol: Protocol,
    style: Option<&InvalidStyle>,
    invalid_code: Option<&str>,
    rejection: &Rejection,
) -> http::Response<Vec<u8>> {
    let answer = Answer::of(protocol, style, invalid_code, rejection);
    let request_id = request_id();
    let (content_type, body) = match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let content_type = match protocol {
                Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
                _ => "application/x-amz-json-1.1",
            };
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
            };
            (content_type, body.to_string().into_bytes())
        }
        Protocol::RestJson1 => {
            let body = match &answer.body {
                Body::Smithy(body) => body.clone(),
                Body::Message(message) => json!({ "message": message }),
            };
            ("application/json", body.to_string().into_bytes())
        }
        Protocol::RpcV2Cbor => {
            let entries = [
                ("__type", answer.code.clone()),
                ("message", answer.message()),
            ];
            ("application/cbor", cbor_text_map(&entries))
        }
        Protocol::AwsQuery => ("text/xml", query_error(&answer, &request_id).into_bytes()),
        // As Smithy's ec2Query error cases have it.
        Protocol::Ec2Query => (
            "text/xml;charset=UTF-8",
            ec2_error(&answer, &request_id).into_bytes(),
        ),
        Protocol::RestXml => (
            "application/xml",
            query_error(&answer, &request_id).into_bytes(),
        ),
    };
    let mut response = http::Response::builder()
        .status(answer.status)
        .header(http::header::CONTENT_TYPE, content_type)
        .header("x-amzn-requestid", &request_id);
    if matches!(
        protocol,
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1
    ) {
        response = response.header("x-amzn-errortype", &answer.code);
    }
    if protocol == Protocol::RpcV2Cbor {
        response = response.header("smithy-protocol", "rpc-v2-cbor");
    }
    response
        .header(http::header::CONTENT_LENGTH, body.len())
        .body(body)
        .unwrap_or_else(|_| http::Response::new(Vec::new()))
}

/// A success without output members, as `protocol` writes one for `operation`: what a
/// server that only checks requests answers a valid one with.
pub(crate) fn render_success(protocol: Protocol, operation: &str) -> http::Response<Vec<u8>> {
    let request_id = request_id();
    let (content_type, body): (&str, Vec<u8>) = match protocol {
        Protocol::AwsJson1_0 => ("application/x-amz-json-1.0", b"{}".to_vec()),
        Protocol::AwsJson1_1 => ("application/x-amz-json-1.1", b"{}".to_vec()),
        Protocol::RestJson1 => ("application/json", b"{}".to_vec()),
        Protocol::RpcV2Cbor => ("application/cbor", cbor_text_map(&[])),
        Protocol::AwsQuery => (
            "text/xml",
            format!(
                "<{operation}Response><{operation}Result/><ResponseMetadata><RequestId>\
                 {request_id}</RequestId></ResponseMetadata></{operation}Response>"
            )
            .into_bytes(),
        ),
        Protocol::Ec2Query => (
            "text/xml;charset=UTF-8",
            format!(
                "<{operation}Response><requestId>{request_id}</requestId></{operation}Response>"
            )
            .into_bytes(),
        ),
        Protocol::RestXml => ("application/xml", Vec::new()),
    };
    let mut response = http::Response::builder()
        .status(200)
        .header("x-amzn-requestid", &request_id)
        .header(http::header::CONTENT_LENGTH, body.len());
    if !body.is_empty() {
        response = response.header(http::header::CONTENT_TYPE, content_type);
    }
    if protocol == Protocol::RpcV2Cbor {
        response = response.header("smithy-protocol", "rpc-v2-cbor");
    }
    response
        .body(body)
        .unwrap_or_else(|_| http::Response::new(Vec::new()))
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
    format!(
        "<ErrorResponse><Error><Type>{}</Type><Code>{}</Code><Message>{}</Message></Error>\
         <RequestId>{}</RequestId></ErrorResponse>",
        if answer.client_fault {
            "Sender"
        } else {
            "Receiver"
        },
        xml_escape(&answer.code),
        xml_escape(&answer.message()),
        request_id
    )
}

fn ec2_error(answer: &Answer, request_id: &str) -> String {
    format!(
        "<Response><Errors><Error><Code>{}</Code><Message>{}</Message></Error></Errors>\
         <RequestID>{}</RequestID></Response>",
        xml_escape(&answer.code),
        xml_escape(&answer.message()),
        request_id
    )
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

/// A CBOR map of text keys to text values (RFC 8949, definite lengths).
fn cbor_text_map(entries: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    cbor_head(&mut out, 5, entries.len() as u64);
    for (key, value) in entries {
        cbor_head(&mut out, 3, key.len() as u64);
        out.extend_from_slice(key.as_bytes());
        cbor_head(&mut out, 3, value.len() as u64);
        out.extend_from_slice(value.as_bytes());
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
    fn cbor_maps_of_text() {
        assert_eq!(
            cbor_text_map(&[("a", "b".into())]),
            [0xA1, 0x61, b'a', 0x61, b'b']
        );
        let mut long = Vec::new();
        cbor_head(&mut long, 3, 300);
        assert_eq!(long, [0x79, 0x01, 0x2C]);
    }
}
