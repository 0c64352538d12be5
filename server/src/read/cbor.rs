//! rpcv2Cbor: `POST /service/{Service}/operation/{Operation}` with `smithy-protocol:
//! rpc-v2-cbor`, the input a CBOR map.

use aws_constraints::Blob;
use ciborium::value::Value as Cbor;
use serde_json::{Map, Number, Value as Json};

use super::{malformed, Wire};
use crate::{Rejection, Service};

/// How deep a CBOR value may nest.
const MAX_DEPTH: usize = 128;

pub(crate) fn read(service: &Service, wire: &Wire) -> Result<(String, Json), Rejection> {
    let path = wire.path.trim_end_matches('/');
    let operation_name = path
        .rsplit_once("/operation/")
        .filter(|(prefix, _)| prefix.contains("/service/"))
        .map(|(_, operation)| operation)
        .ok_or_else(|| Rejection::UnknownOperation {
            detail: format!(
                "{} is not an rpcv2Cbor path (/service/NAME/operation/NAME)",
                wire.path
            ),
        })?;
    let index = service.named(operation_name, || {
        format!("no operation is named {operation_name}")
    })?;
    let operation = &service.operations[index];
    if wire.method != "POST" {
        return Err(Rejection::UnknownOperation {
            detail: format!("rpcv2Cbor takes POST, not {}", wire.method),
        });
    }
    if wire.header("smithy-protocol")?.as_deref() != Some("rpc-v2-cbor") {
        return Err(malformed(
            "the request has no `smithy-protocol: rpc-v2-cbor` header",
        ));
    }
    let content_type = wire.content_type()?;
    if !wire.body.is_empty() && content_type.as_deref() != Some("application/cbor") {
        return Err(Rejection::UnsupportedMediaType {
            detail: format!(
                "rpcv2Cbor takes application/cbor, not {}",
                content_type
                    .as_deref()
                    .unwrap_or("a body without Content-Type")
            ),
        });
    }
    let in_operation = |detail: String| Rejection::Malformed {
        operation: Some(operation.name.clone()),
        detail,
    };
    let document = if wire.body.is_empty() {
        Json::Object(Map::new())
    } else {
        let value: Cbor = ciborium::de::from_reader(&wire.body[..])
            .map_err(|e| in_operation(format!("the body is not CBOR: {e}")))?;
        let json = to_json(value, 0).map_err(in_operation)?;
        match json {
            Json::Object(mut members) => {
                // A member written `null` is absent.
                members.retain(|_, value| !value.is_null());
                Json::Object(members)
            }
            _ => return Err(in_operation("the body is not a CBOR map".into())),
        }
    };
    Ok((operation.name.clone(), document))
}

/// A CBOR value as the JSON document the validator reads: byte strings as base64, epoch
/// timestamps (tag 1) as numbers, NaN and the infinities as the JSON protocols write them.
fn to_json(value: Cbor, depth: usize) -> Result<Json, String> {
    if depth > MAX_DEPTH {
        return Err(format!("the body nests deeper than {MAX_DEPTH} levels"));
    }
    Ok(match value {
        Cbor::Null => Json::Null,
        Cbor::Bool(b) => Json::Bool(b),
        Cbor::Integer(n) => {
            let n = i128::from(n);
            match i64::try_from(n) {
                Ok(n) => Json::from(n),
                Err(_) => match u64::try_from(n) {
                    Ok(n) => Json::from(n),
                    Err(_) => return Err(format!("{n} is out of any integer's range")),
                },
            }
        }
        Cbor::Float(x) if x.is_nan() => Json::String("NaN".into()),
        Cbor::Float(x) if x.is_infinite() => {
            Json::String(if x > 0.0 { "Infinity" } else { "-Infinity" }.into())
        }
        Cbor::Float(x) => Number::from_f64(x).map_or(Json::Null, Json::Number),
        Cbor::Text(text) => Json::String(text),
        Cbor::Bytes(bytes) => serde_json::to_value(Blob(bytes)).map_err(|e| e.to_string())?,
        Cbor::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|item| to_json(item, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Cbor::Map(entries) => {
            let mut object = Map::new();
            for (key, value) in entries {
                let Cbor::Text(key) = key else {
                    return Err("a map's key is not text".into());
                };
                object.insert(key, to_json(value, depth + 1)?);
            }
            Json::Object(object)
        }
        // An epoch-seconds timestamp.
        Cbor::Tag(1, inner) => match *inner {
            Cbor::Integer(n) => {
                Json::from(i64::try_from(i128::from(n)).map_err(|e| e.to_string())?)
            }
            Cbor::Float(x) => Number::from_f64(x)
                .map(Json::Number)
                .ok_or("a timestamp is not a finite number")?,
            _ => return Err("a timestamp (tag 1) is not a number".into()),
        },
        Cbor::Tag(_, inner) => to_json(*inner, depth + 1)?,
        _ => return Err("a CBOR value of a kind no Smithy shape takes".into()),
    })
}
