//! The members' defaults (Smithy's `@default`) filled into a read input where the request
//! leaves them out or sends `null`, as Smithy's servers populate them: the operation's
//! handler sees every member that has a default, in the form the protocol's reader gives
//! the rest (a blob in base64, a timestamp as its member's format writes it).

use std::collections::BTreeMap;

use aws_constraints::{Blob, Timestamp};
use aws_constraints_schema::shapes::{
    Binding, Default, Member, NamedType, TimestampFormat, Type, TypeKind,
};
use serde_json::{Map, Value as Json};

/// Below this, a document is left as it is: no reader gives one so deep.
const MAX_DEPTH: usize = 256;

/// Fills the defaults of structure `name` and of every structure `document` holds below it.
pub(crate) fn fill(types: &BTreeMap<String, NamedType>, name: &str, document: &mut Json) {
    fill_named(types, name, document, 0);
}

fn fill_named(types: &BTreeMap<String, NamedType>, name: &str, value: &mut Json, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Some(kind) = types.get(name).map(|t| &t.kind) else {
        return;
    };
    let (TypeKind::Structure(composite) | TypeKind::Union(composite)) = kind else {
        return;
    };
    let Json::Object(object) = value else {
        return;
    };
    let structure = matches!(kind, TypeKind::Structure(_));
    for member in &composite.members {
        match object.get_mut(&member.wire) {
            // The payload is the body itself: an empty body is what the request sends for
            // it (an empty stream), left as the reader gives it.
            Some(Json::Null) | None if member.binding == Binding::Payload => {}
            Some(Json::Null) | None => {
                if let (true, Some(default)) = (structure, &member.default) {
                    object.insert(member.wire.clone(), default_json(default, member));
                }
            }
            Some(present) => fill_below(types, &member.ty, present, depth + 1),
        }
    }
}

/// Fills the structures a value of type `ty` holds.
fn fill_below(types: &BTreeMap<String, NamedType>, ty: &Type, value: &mut Json, depth: usize) {
    match (ty, value) {
        (Type::Named { name, .. }, value) => fill_named(types, name, value, depth),
        (Type::List { item, .. }, Json::Array(items)) => {
            for item_value in items {
                fill_below(types, item, item_value, depth + 1);
            }
        }
        (Type::Map { value: ty, .. }, Json::Object(entries)) => {
            for entry in entries.values_mut() {
                fill_below(types, ty, entry, depth + 1);
            }
        }
        _ => {}
    }
}

/// A default as the readers write a value of the member's type.
fn default_json(default: &Default, member: &Member) -> Json {
    match default {
        Default::Zero => zero(&member.ty),
        Default::Enum(value) | Default::String(value) => Json::String(value.clone()),
        Default::IntEnum(n) | Default::Integer(n) => Json::from(*n),
        Default::True => Json::Bool(true),
        Default::Float(x) => serde_json::Number::from_f64(*x).map_or(Json::Null, Json::Number),
        Default::Timestamp { seconds, nanos } => {
            let t = aws_constraints::defaults::timestamp(*seconds, *nanos);
            timestamp_json(t, member.timestamp_format)
        }
        Default::Document(json) => json.clone(),
        Default::Blob(bytes) => {
            serde_json::to_value(Blob::from(bytes.clone())).unwrap_or(Json::Null)
        }
    }
}

fn zero(ty: &Type) -> Json {
    match ty {
        Type::Boolean => Json::Bool(false),
        Type::String | Type::Blob => Json::String(String::new()),
        Type::Float | Type::Double => Json::from(0.0),
        Type::List { .. } => Json::Array(Vec::new()),
        Type::Map { .. } => Json::Object(Map::new()),
        _ => Json::from(0),
    }
}

fn timestamp_json(t: Timestamp, format: Option<TimestampFormat>) -> Json {
    match format {
        Some(TimestampFormat::DateTime) => Json::String(t.to_date_time()),
        Some(TimestampFormat::HttpDate) => Json::String(t.to_http_date()),
        Some(TimestampFormat::EpochSeconds) | None => crate::text::epoch_seconds(t),
    }
}
