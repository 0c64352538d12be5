//! Values written as text (headers, query parameters, labels, the query protocols' form
//! fields) read into the JSON a member's value is in a document, strictly: what the
//! protocol does not write that way is malformed, never coerced.

use std::collections::BTreeMap;

use aws_constraints::{Blob, Timestamp};
use aws_constraints_schema::shapes::{Member, NamedType, TimestampFormat, Type, TypeKind};
use serde::Deserialize;
use serde_json::{Number, Value as Json};

/// Where a text value travels: it decides a timestamp's format when the member does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    Header,
    Query,
    Label,
}

impl Place {
    fn default_format(self) -> TimestampFormat {
        match self {
            Place::Header => TimestampFormat::HttpDate,
            Place::Query | Place::Label => TimestampFormat::DateTime,
        }
    }
}

/// A scalar of `ty` written as `text`, as the JSON the validator reads for `member`; the
/// error says what the text is not.
pub(crate) fn scalar(
    text: &str,
    ty: &Type,
    member: &Member,
    types: &BTreeMap<String, NamedType>,
    place: Place,
) -> Result<Json, String> {
    let not = |what: &str| Err(format!("`{text}` is not {what}"));
    match ty {
        Type::String => match &member.media_type {
            // A string with a media type travels in a header as base64 (Smithy's rule).
            Some(_) if place == Place::Header => match base64(text) {
                Some(bytes) => match String::from_utf8(bytes) {
                    Ok(decoded) => Ok(Json::String(decoded)),
                    Err(_) => not("base64 of UTF-8 text"),
                },
                None => not("base64"),
            },
            _ => Ok(Json::String(text.to_owned())),
        },
        Type::Boolean => match text {
            "true" => Ok(Json::Bool(true)),
            "false" => Ok(Json::Bool(false)),
            _ => not("a boolean (`true` or `false`)"),
        },
        Type::Byte | Type::Short | Type::Integer | Type::Long => integer(text)
            .map(Json::Number)
            .ok_or_else(|| format!("`{text}` is not an integer")),
        Type::Float | Type::Double => match text {
            // As the JSON protocols write them, which the document's reader takes.
            "NaN" | "Infinity" | "-Infinity" => Ok(Json::String(text.to_owned())),
            _ => decimal(text)
                .and_then(Number::from_f64)
                .map(Json::Number)
                .ok_or_else(|| format!("`{text}` is not a number")),
        },
        Type::Blob => match base64(text) {
            Some(_) => Ok(Json::String(text.to_owned())),
            None => not("base64"),
        },
        Type::Timestamp => timestamp(text, member, place),
        Type::Named { name, .. } => match types.get(name).map(|t| &t.kind) {
            Some(TypeKind::StringEnum(_)) => Ok(Json::String(text.to_owned())),
            Some(TypeKind::IntEnum(_)) => integer(text)
                .map(Json::Number)
                .ok_or_else(|| format!("`{text}` is not an integer")),
            _ => Err(format!("{name} cannot be written as text")),
        },
        Type::Document | Type::List { .. } | Type::Map { .. } => {
            Err("a collection or document cannot be written as one text".into())
        }
    }
}

/// A timestamp in the member's format, or the place's: as a number of seconds when the
/// document holds it so (no format on the member), else as the text itself.
fn timestamp(text: &str, member: &Member, place: Place) -> Result<Json, String> {
    let format = member.timestamp_format.unwrap_or(place.default_format());
    let parsed = match format {
        TimestampFormat::EpochSeconds => decimal(text)
            .ok_or_else(|| "not a number of seconds".to_owned())
            .and_then(|s| Timestamp::from_epoch_seconds(s).map_err(|e| e.to_string())),
        TimestampFormat::DateTime => Timestamp::parse_date_time(text).map_err(|e| e.to_string()),
        TimestampFormat::HttpDate => Timestamp::parse_http_date(text).map_err(|e| e.to_string()),
    };
    let parsed = parsed.map_err(|why| format!("`{text}` is not a timestamp here: {why}"))?;
    match member.timestamp_format {
        Some(TimestampFormat::DateTime | TimestampFormat::HttpDate) => {
            Ok(Json::String(text.to_owned()))
        }
        Some(TimestampFormat::EpochSeconds) | None => Ok(epoch_seconds(parsed)),
    }
}

/// A timestamp as a document holds one without a format: seconds since the epoch, whole
/// when it has no fraction.
pub(crate) fn epoch_seconds(t: Timestamp) -> Json {
    match t.subsec_nanos() {
        0 => Json::from(t.seconds()),
        _ => Number::from_f64(t.to_epoch_seconds())
            .map(Json::Number)
            .unwrap_or_else(|| Json::from(t.seconds())),
    }
}

/// `-?[0-9]+` within an `i64`: no sign of `+`, no spaces, no hexadecimal, no fraction.
fn integer(text: &str) -> Option<Number> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok().map(Number::from)
}

/// A decimal number as JSON writes one (`1`, `-1.5`, `1e3`); Rust's own reader would take
/// `inf`, `+1` and `.5` too.
fn decimal(text: &str) -> Option<f64> {
    serde_json::from_str::<Number>(text).ok()?.as_f64()
}

/// Standard base64 (padded), decoded.
pub(crate) fn base64(text: &str) -> Option<Vec<u8>> {
    Blob::deserialize(Json::String(text.to_owned()))
        .ok()
        .map(Blob::into_inner)
}

/// A header's list, split as Smithy writes it: on commas outside double quotes (which
/// are removed, with their `\` escapes); an HTTP date holds a comma of its own.
pub(crate) fn split_header_list(value: &str, http_dates: bool) -> Result<Vec<String>, String> {
    if http_dates {
        let parts: Vec<&str> = value.split(',').map(str::trim).collect();
        if parts.len() % 2 != 0 {
            return Err(format!("`{value}` is not a list of HTTP dates"));
        }
        return Ok(parts
            .chunks(2)
            .map(|p| format!("{}, {}", p[0], p[1]))
            .collect());
    }
    let mut items = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
            chars.next();
        }
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(c) => item.push(c),
                        None => return Err(format!("`{value}` ends inside a quoted item")),
                    },
                    Some(c) => item.push(c),
                    None => return Err(format!("`{value}` ends inside a quoted item")),
                }
            }
            while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                chars.next();
            }
            match chars.next() {
                None | Some(',') => {}
                Some(c) => return Err(format!("`{value}`: `{c}` after a quoted item")),
            }
            items.push(item);
        } else {
            let mut ended = true;
            for c in chars.by_ref() {
                if c == ',' {
                    ended = false;
                    break;
                }
                item.push(c);
            }
            items.push(item.trim().to_owned());
            if ended {
                break;
            }
            continue;
        }
        if chars.peek().is_none() {
            break;
        }
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_decimals_are_read_strictly() {
        for bad in [
            "",
            "-",
            "+1",
            "1.0",
            "0x42",
            "2ABC",
            " 1",
            "9223372036854775808",
        ] {
            assert!(integer(bad).is_none(), "{bad}");
        }
        assert_eq!(integer("-42"), Some(Number::from(-42)));
        for bad in ["inf", "Infinity", "+1", ".5", "1.", "0x1", "true"] {
            assert!(decimal(bad).is_none(), "{bad}");
        }
        assert_eq!(decimal("1.5e2"), Some(150.0));
    }

    #[test]
    fn header_lists_split_as_smithy_writes_them() {
        assert_eq!(
            split_header_list(r#"a, "b,c", "d\"e" ,f"#, false).unwrap(),
            ["a", "b,c", "d\"e", "f"]
        );
        assert_eq!(
            split_header_list(
                "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT",
                true
            )
            .unwrap(),
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Tue, 17 Dec 2019 23:48:18 GMT"
            ]
        );
        assert!(split_header_list(r#""open"#, false).is_err());
        assert!(split_header_list(r#""a" b"#, false).is_err());
    }
}
