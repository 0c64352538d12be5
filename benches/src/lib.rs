//! The five operations' requests declared again with `garde` and with `validator`, with the
//! same constraints and the same patterns (anchored, since both peers search rather than
//! match, and written so that `\w`, `\d` and `.` mean what AWS means), plus the data sets the
//! benchmarks run on. `tests/agree.rs` checks that all three implementations give the same
//! verdict and the same number of violations on every data set, so the timings compare
//! equal work.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{json, Value};

fn anchored(pattern: &str) -> Regex {
    Regex::new(&format!("^(?:{pattern})$")).expect("peer pattern")
}

/// The patterns of the five operations, in `regex` syntax with AWS's meaning.
pub mod patterns {
    use super::*;

    pub static CHIME_NAME: LazyLock<Regex> = LazyLock::new(|| {
        anchored(
            r"[\x09\x0A\x0D\x20-\x7E\x{85}\x{A0}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}]*",
        )
    });
    pub static METADATA: LazyLock<Regex> =
        LazyLock::new(|| anchored(r"[^\n\r\x{85}\x{2028}\x{2029}]*"));
    pub static CLIENT_REQUEST_TOKEN: LazyLock<Regex> = LazyLock::new(|| anchored("[-_a-zA-Z0-9]*"));
    pub static APP_NAME: LazyLock<Regex> = LazyLock::new(|| anchored("[a-zA-Z0-9_]+"));
    pub static APP_TAG_KEY: LazyLock<Regex> = LazyLock::new(|| anchored("[a-zA-Z+-=._:/]+"));
    pub static APP_TAG_VALUE: LazyLock<Regex> =
        LazyLock::new(|| anchored(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"));
    pub static APP_CLIENT_TOKEN: LazyLock<Regex> =
        LazyLock::new(|| anchored("[a-zA-Z0-9][a-zA-Z0-9_-]*"));
    pub static INSTANCE_ID: LazyLock<Regex> = LazyLock::new(|| {
        anchored("(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:instance/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}")
    });
    pub static REGION: LazyLock<Regex> =
        LazyLock::new(|| anchored("[a-z]{2}(-[a-z]+){1,2}(-[0-9])?"));
    /// Without the leading `(?!d-)`, which `regex` cannot run: checked apart.
    pub static ALIAS: LazyLock<Regex> =
        LazyLock::new(|| anchored("([0-9a-zA-Z]+)([-]*[0-9a-zA-Z])*"));
    pub static SCHEMA_NAME: LazyLock<Regex> = LazyLock::new(|| anchored("[a-zA-Z0-9._-]*"));
    pub static THING_NAME: LazyLock<Regex> = LazyLock::new(|| anchored("[a-zA-Z0-9:_-]+"));
    pub static ATTRIBUTE_NAME: LazyLock<Regex> = LazyLock::new(|| anchored("[a-zA-Z0-9_.,@/:#-]+"));
    pub static ATTRIBUTE_VALUE: LazyLock<Regex> =
        LazyLock::new(|| anchored(r"[a-zA-Z0-9_.,@/:#=\[\]-]*"));
}

use patterns::*;

fn chars_within(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.chars().count())
}

/// The map and look-ahead rules neither peer can declare, written once and counted as
/// violations the way the DSL counts them (one per failed rule per key or value).
pub mod custom {
    use super::*;

    pub fn app_tag_violations(tags: &BTreeMap<String, String>) -> usize {
        tags.iter()
            .map(|(k, v)| {
                usize::from(!chars_within(k, 1, 128))
                    + usize::from(k.starts_with("aws:") || !APP_TAG_KEY.is_match(k))
                    + usize::from(!chars_within(v, 0, 256))
                    + usize::from(!APP_TAG_VALUE.is_match(v))
            })
            .sum()
    }

    pub fn attribute_violations(attributes: &BTreeMap<String, String>) -> usize {
        attributes
            .iter()
            .map(|(k, v)| {
                usize::from(!chars_within(k, 0, 128))
                    + usize::from(!ATTRIBUTE_NAME.is_match(k))
                    + usize::from(!chars_within(v, 0, 800))
                    + usize::from(!ATTRIBUTE_VALUE.is_match(v))
            })
            .sum()
    }

    pub fn alias_ok(alias: &str) -> bool {
        !alias.starts_with("d-") && ALIAS.is_match(alias)
    }
}

/// The requests with `garde`.
pub mod with_garde {
    use super::*;
    use garde::Validate;
    use serde::Deserialize;

    fn check_app_tags(value: &Option<BTreeMap<String, String>>, _: &()) -> garde::Result {
        match value {
            Some(tags) if custom::app_tag_violations(tags) > 0 => {
                Err(garde::Error::new("invalid tags"))
            }
            _ => Ok(()),
        }
    }

    fn check_alias(value: &Option<String>, _: &()) -> garde::Result {
        match value {
            Some(alias) if !alias.starts_with("d-") => Ok(()),
            Some(_) => Err(garde::Error::new("must not start with d-")),
            None => Ok(()),
        }
    }

    fn check_attributes(value: &Option<BTreeMap<String, String>>, _: &()) -> garde::Result {
        match value {
            Some(a) if custom::attribute_violations(a) > 0 => {
                Err(garde::Error::new("invalid attributes"))
            }
            _ => Ok(()),
        }
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateAppInstanceRequest {
        #[garde(required, length(chars, min = 1, max = 256), pattern(CHIME_NAME))]
        pub name: Option<String>,
        #[garde(length(chars, min = 0, max = 1024), pattern(METADATA))]
        pub metadata: Option<String>,
        #[garde(
            required,
            length(chars, min = 2, max = 64),
            pattern(CLIENT_REQUEST_TOKEN)
        )]
        pub client_request_token: Option<String>,
        #[garde(length(min = 1, max = 50), dive)]
        pub tags: Option<Vec<Tag>>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct Tag {
        #[garde(required, length(chars, min = 1, max = 128))]
        pub key: Option<String>,
        #[garde(required, length(chars, min = 1, max = 256))]
        pub value: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct CreateApplicationRequest {
        #[garde(required, length(chars, min = 1, max = 256), pattern(APP_NAME))]
        pub name: Option<String>,
        #[garde(length(chars, max = 1024))]
        pub description: Option<String>,
        #[garde(length(min = 0, max = 50), custom(check_app_tags))]
        pub tags: Option<BTreeMap<String, String>>,
        #[garde(required, length(chars, min = 1, max = 128), pattern(APP_CLIENT_TOKEN))]
        pub client_token: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct ReplicateInstanceRequest {
        #[garde(required, length(chars, min = 1, max = 250), pattern(INSTANCE_ID))]
        pub instance_id: Option<String>,
        #[garde(required, length(chars, min = 8, max = 31), pattern(REGION))]
        pub replica_region: Option<String>,
        #[garde(length(chars, max = 500))]
        pub client_token: Option<String>,
        #[garde(
            required,
            length(chars, min = 1, max = 45),
            pattern(ALIAS),
            custom(check_alias)
        )]
        pub replica_alias: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateSchemaRequest {
        #[garde(required, length(chars, min = 1, max = 32), pattern(SCHEMA_NAME))]
        pub name: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct CreateThingRequest {
        #[garde(required, length(chars, min = 1, max = 128), pattern(THING_NAME))]
        pub thing_name: Option<String>,
        #[garde(length(chars, min = 1, max = 128), pattern(THING_NAME))]
        pub thing_type_name: Option<String>,
        #[garde(dive)]
        pub attribute_payload: Option<AttributePayload>,
        #[garde(length(chars, min = 1, max = 128), pattern(THING_NAME))]
        pub billing_group_name: Option<String>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct AttributePayload {
        #[garde(custom(check_attributes))]
        pub attributes: Option<BTreeMap<String, String>>,
        #[garde(skip)]
        pub merge: Option<bool>,
    }
}

/// The requests with `validator`.
pub mod with_validator {
    use super::*;
    use serde::{Deserialize, Serialize};
    use validator::{Validate, ValidationError};

    fn check_app_tags(tags: &BTreeMap<String, String>) -> Result<(), ValidationError> {
        if custom::app_tag_violations(tags) > 0 {
            return Err(ValidationError::new("tags"));
        }
        Ok(())
    }

    fn check_alias(alias: &str) -> Result<(), ValidationError> {
        if alias.starts_with("d-") {
            return Err(ValidationError::new("alias"));
        }
        Ok(())
    }

    fn check_attributes(a: &BTreeMap<String, String>) -> Result<(), ValidationError> {
        if custom::attribute_violations(a) > 0 {
            return Err(ValidationError::new("attributes"));
        }
        Ok(())
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateAppInstanceRequest {
        #[validate(required, length(min = 1, max = 256), regex(path = *CHIME_NAME))]
        pub name: Option<String>,
        #[validate(length(min = 0, max = 1024), regex(path = *METADATA))]
        pub metadata: Option<String>,
        #[validate(required, length(min = 2, max = 64), regex(path = *CLIENT_REQUEST_TOKEN))]
        pub client_request_token: Option<String>,
        #[validate(length(min = 1, max = 50), nested)]
        pub tags: Option<Vec<Tag>>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct Tag {
        #[validate(required, length(min = 1, max = 128))]
        pub key: Option<String>,
        #[validate(required, length(min = 1, max = 256))]
        pub value: Option<String>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct CreateApplicationRequest {
        #[validate(required, length(min = 1, max = 256), regex(path = *APP_NAME))]
        pub name: Option<String>,
        #[validate(length(max = 1024))]
        pub description: Option<String>,
        #[validate(length(min = 0, max = 50), custom(function = "check_app_tags"))]
        pub tags: Option<BTreeMap<String, String>>,
        #[validate(required, length(min = 1, max = 128), regex(path = *APP_CLIENT_TOKEN))]
        pub client_token: Option<String>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct ReplicateInstanceRequest {
        #[validate(required, length(min = 1, max = 250), regex(path = *INSTANCE_ID))]
        pub instance_id: Option<String>,
        #[validate(required, length(min = 8, max = 31), regex(path = *REGION))]
        pub replica_region: Option<String>,
        #[validate(length(max = 500))]
        pub client_token: Option<String>,
        #[validate(
            required,
            length(min = 1, max = 45),
            regex(path = *ALIAS),
            custom(function = "check_alias")
        )]
        pub replica_alias: Option<String>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateSchemaRequest {
        #[validate(required, length(min = 1, max = 32), regex(path = *SCHEMA_NAME))]
        pub name: Option<String>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct CreateThingRequest {
        #[validate(required, length(min = 1, max = 128), regex(path = *THING_NAME))]
        pub thing_name: Option<String>,
        #[validate(length(min = 1, max = 128), regex(path = *THING_NAME))]
        pub thing_type_name: Option<String>,
        #[validate(nested)]
        pub attribute_payload: Option<AttributePayload>,
        #[validate(length(min = 1, max = 128), regex(path = *THING_NAME))]
        pub billing_group_name: Option<String>,
    }

    #[derive(Deserialize, Serialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct AttributePayload {
        #[validate(custom(function = "check_attributes"))]
        pub attributes: Option<BTreeMap<String, String>>,
        pub merge: Option<bool>,
    }
}

/// One benchmark input: a name, the operation, and the JSON document.
/// One contender of a benchmark: a call answering whether the case was valid.
pub type Floor = Box<dyn FnMut() -> bool>;

pub struct Case {
    pub name: &'static str,
    pub operation: &'static str,
    pub document: Value,
    /// Whether the document satisfies every constraint.
    pub valid: bool,
}

fn tags(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"Key": format!("key-{i}"), "Value": format!("value-{i}")}))
            .collect(),
    )
}

/// Every data set the benchmarks time.
pub fn cases() -> Vec<Case> {
    let uuid = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    let chime = |name: &str, token: &str, tags: Value| json!({"Name": name, "Metadata": "team=support", "ClientRequestToken": token, "Tags": tags});
    let mut bad_tags = tags(50);
    bad_tags[3]["Key"] = json!("");
    bad_tags[7]["Value"] = json!("");
    let case = |name: &'static str, operation, document| Case {
        name,
        operation,
        document,
        valid: name.ends_with("valid") && !name.ends_with("/invalid")
            || name.contains("valid-")
            || name.starts_with("Metadata/"),
    };
    vec![
        case(
            "CreateAppInstance/valid-50-tags",
            "CreateAppInstance",
            chime("😀 chat app", "token-123", tags(50)),
        ),
        case(
            "CreateAppInstance/4-violations",
            "CreateAppInstance",
            chime("bad\u{7f}", "t!", bad_tags),
        ),
        case(
            "CreateAppInstance/1-violation",
            "CreateAppInstance",
            chime("😀 chat app", "t!", tags(50)),
        ),
        case(
            "CreateAppInstance/valid",
            "CreateAppInstance",
            chime("app", "token-123", tags(1)),
        ),
        case(
            "CreateAppInstance/invalid",
            "CreateAppInstance",
            chime("app", "!", tags(1)),
        ),
        case(
            "CreateApplication/valid",
            "CreateApplication",
            json!({"name": "orders_1", "description": "d", "tags": {"team": "checkout", "stage": "prod"}, "clientToken": "c-1"}),
        ),
        case(
            "CreateApplication/invalid",
            "CreateApplication",
            json!({"name": "my-app", "tags": {"aws:team": "x"}, "clientToken": "-c"}),
        ),
        case(
            "ReplicateInstance/valid",
            "ReplicateInstance",
            json!({"InstanceId": uuid, "ReplicaRegion": "us-west-2", "ClientToken": "t", "ReplicaAlias": "support-west"}),
        ),
        case(
            "ReplicateInstance/invalid",
            "ReplicateInstance",
            json!({"InstanceId": "instance-1", "ReplicaRegion": "us-west-2", "ReplicaAlias": "d-alias"}),
        ),
        case(
            "CreateSchema/valid",
            "CreateSchema",
            json!({"Name": "orders.v1"}),
        ),
        case(
            "CreateSchema/invalid",
            "CreateSchema",
            json!({"Name": "orders v1"}),
        ),
        case(
            "CreateThing/valid",
            "CreateThing",
            json!({"thingName": "sensor:42", "thingTypeName": "thermometer",
                   "attributePayload": {"attributes": {"room": "lab-3", "floor": "2"}}, "billingGroupName": "lab"}),
        ),
        case(
            "CreateThing/invalid",
            "CreateThing",
            json!({"thingName": "sensor 42", "attributePayload": {"attributes": {"room": "lab 3"}}}),
        ),
        case(
            "Metadata/1KiB-ascii",
            "CreateAppInstance",
            json!({"Name": "app", "ClientRequestToken": "token-123", "Metadata": "m".repeat(1024)}),
        ),
        case(
            "Metadata/1KiB-multibyte",
            "CreateAppInstance",
            json!({"Name": "app", "ClientRequestToken": "token-123", "Metadata": "é日😀".repeat(341)}),
        ),
    ]
}

/// Runs `f` with the types of `operation`'s request: ours (`models/`), garde's,
/// validator's, and ours as the importer writes it from AWS's model ([`imported`]).
#[macro_export]
macro_rules! with_shapes {
    ($operation:expr, $f:ident!($($args:tt)*)) => {
        match $operation {
            "CreateAppInstance" => $f!(
                aws_constraints_models::chime::CreateAppInstanceRequest,
                $crate::with_garde::CreateAppInstanceRequest,
                $crate::with_validator::CreateAppInstanceRequest,
                $crate::imported::chime::CreateAppInstanceRequest,
                $($args)*
            ),
            "CreateApplication" => $f!(
                aws_constraints_models::appregistry::CreateApplicationRequest,
                $crate::with_garde::CreateApplicationRequest,
                $crate::with_validator::CreateApplicationRequest,
                $crate::imported::appregistry::CreateApplicationRequest,
                $($args)*
            ),
            "ReplicateInstance" => $f!(
                aws_constraints_models::connect::ReplicateInstanceRequest,
                $crate::with_garde::ReplicateInstanceRequest,
                $crate::with_validator::ReplicateInstanceRequest,
                $crate::imported::connect::ReplicateInstanceRequest,
                $($args)*
            ),
            "CreateSchema" => $f!(
                aws_constraints_models::clouddirectory::CreateSchemaRequest,
                $crate::with_garde::CreateSchemaRequest,
                $crate::with_validator::CreateSchemaRequest,
                $crate::imported::clouddirectory::CreateSchemaRequest,
                $($args)*
            ),
            "CreateThing" => $f!(
                aws_constraints_models::iot::CreateThingRequest,
                $crate::with_garde::CreateThingRequest,
                $crate::with_validator::CreateThingRequest,
                $crate::imported::iot::CreateThingRequest,
                $($args)*
            ),
            other => panic!("no shapes for {other}"),
        }
    };
}

/// The floor: `CreateAppInstance` validated by hand, as fast as a person would write it for
/// this one shape (byte-length fast paths, byte tables for the ASCII patterns), answering
/// only valid or not. No library can do less work for the same verdict.
pub mod hand_written {
    use aws_constraints_models::chime::CreateAppInstanceRequest;
    use aws_constraints_models::clouddirectory::CreateSchemaRequest;
    use aws_constraints_models::connect::ReplicateInstanceRequest;

    /// The floor of `operation`'s validation, if one is written here: a call that validates
    /// `document` read as the operation's request.
    pub fn contender(operation: &str, document: serde_json::Value) -> Option<super::Floor> {
        fn floor<T: serde::de::DeserializeOwned + 'static>(
            document: serde_json::Value,
            is_valid: fn(&T) -> bool,
        ) -> super::Floor {
            let request: T = serde_json::from_value(document).expect("the operation's request");
            Box::new(move || is_valid(std::hint::black_box(&request)))
        }
        Some(match operation {
            "CreateAppInstance" => floor(document, is_valid),
            "ReplicateInstance" => floor(document, replicate_instance_is_valid),
            "CreateSchema" => floor(document, create_schema_is_valid),
            _ => return None,
        })
    }

    /// A 256-entry table of the bytes `$byte` matches, built at compile time.
    macro_rules! byte_table {
        ($byte:ident => $member:expr) => {{
            let mut table = [false; 256];
            let mut b = 0;
            while b < 256 {
                let $byte = b as u8;
                table[b] = $member;
                b += 1;
            }
            table
        }};
    }

    /// `[-_a-zA-Z0-9]`.
    static TOKEN: [bool; 256] =
        byte_table!(c => c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
    /// `[a-f0-9]`.
    static HEX: [bool; 256] = byte_table!(c => matches!(c, b'a'..=b'f' | b'0'..=b'9'));
    /// `[a-z]`.
    static LOWER: [bool; 256] = byte_table!(c => c.is_ascii_lowercase());
    /// `[\da-zA-Z-]`.
    static ALIAS: [bool; 256] = byte_table!(c => c.is_ascii_alphanumeric() || c == b'-');
    /// `[a-zA-Z0-9._-]`.
    static SCHEMA_NAME: [bool; 256] =
        byte_table!(c => c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));

    /// Whether every byte of `s` is in `table`.
    #[inline]
    fn all_in(table: &[bool; 256], s: &[u8]) -> bool {
        s.iter().all(|&b| table[usize::from(b)])
    }

    /// Length in chars within `min..=max`, deciding from the byte length when it can.
    #[inline]
    fn chars_within(s: &str, min: usize, max: usize) -> bool {
        let bytes = s.len();
        if bytes >= min && bytes <= max && bytes.div_ceil(4) >= min {
            return true;
        }
        (min..=max).contains(&s.chars().count())
    }

    /// The Chime name class: tab, LF, CR, printable ASCII, U+0085, and everything from
    /// U+00A0 up but U+FFFE and U+FFFF (surrogates cannot occur in a `str`).
    #[inline]
    fn chime_name(s: &str) -> bool {
        if s.is_ascii() {
            return s
                .bytes()
                .all(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7E));
        }
        s.chars().all(|c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{85}')
                || (c >= '\u{A0}' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
    }

    /// `.*`: no line terminator.
    #[inline]
    fn no_line_terminator(s: &str) -> bool {
        if s.is_ascii() {
            return !s.bytes().any(|b| b == b'\n' || b == b'\r');
        }
        !s.chars()
            .any(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
    }

    /// `CreateAppInstance`.
    pub fn is_valid(request: &CreateAppInstanceRequest) -> bool {
        let Some(name) = &request.name else {
            return false;
        };
        let Some(token) = &request.client_request_token else {
            return false;
        };
        chars_within(name, 1, 256)
            && chime_name(name)
            && token.len() >= 2
            && token.len() <= 64
            && all_in(&TOKEN, token.as_bytes())
            && request
                .metadata
                .as_deref()
                .is_none_or(|m| chars_within(m, 0, 1024) && no_line_terminator(m))
            && request.tags.as_deref().is_none_or(|tags| {
                (1..=50).contains(&tags.len())
                    && tags.iter().all(|tag| {
                        tag.key.as_deref().is_some_and(|k| chars_within(k, 1, 128))
                            && tag
                                .value
                                .as_deref()
                                .is_some_and(|v| chars_within(v, 1, 256))
                    })
            })
    }

    /// `[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}`.
    fn uuid(s: &[u8]) -> bool {
        s.len() == 36
            && [8, 13, 18, 23].iter().all(|&i| s[i] == b'-')
            && [&s[..8], &s[9..13], &s[14..18], &s[19..23], &s[24..]]
                .iter()
                .all(|group| all_in(&HEX, group))
    }

    /// The leading bytes of `s` in `class`, at least `min` and at most `max`: the rest.
    fn run(s: &[u8], min: usize, max: usize, class: fn(u8) -> bool) -> Option<&[u8]> {
        let n = s.iter().take(max).take_while(|&&b| class(b)).count();
        (n >= min).then(|| &s[n..])
    }

    /// `(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:instance/)?` then
    /// a UUID.
    fn instance_id(s: &[u8]) -> bool {
        let Some(arn) = s.strip_prefix(b"arn:") else {
            return uuid(s);
        };
        let lower = |b: u8| b.is_ascii_lowercase();
        let digit = |b: u8| b.is_ascii_digit();
        let rest = arn
            .strip_prefix(b"aws-us-gov:connect:")
            .or_else(|| arn.strip_prefix(b"aws:connect:"));
        let rest = rest
            .and_then(|r| run(r, 2, 2, lower))
            .and_then(|r| r.strip_prefix(b"-"))
            .and_then(|r| run(r, 1, usize::MAX, lower))
            .and_then(|r| r.strip_prefix(b"-"))
            .and_then(|r| run(r, 1, 1, digit))
            .and_then(|r| r.strip_prefix(b":"))
            .and_then(|r| run(r, 1, 20, digit))
            .and_then(|r| r.strip_prefix(b":instance/"));
        rest.is_some_and(uuid)
    }

    /// `[a-z]{2}(-[a-z]+){1,2}(-[0-9])?`.
    fn region(s: &[u8]) -> bool {
        let mut parts = s.split(|&b| b == b'-');
        let Some(first) = parts.next() else {
            return false;
        };
        if first.len() != 2 || !all_in(&LOWER, first) {
            return false;
        }
        let mut words = 0;
        let mut digit_last = false;
        for part in parts {
            if digit_last {
                return false;
            }
            if !part.is_empty() && all_in(&LOWER, part) {
                words += 1;
            } else if part.len() == 1 && part[0].is_ascii_digit() {
                digit_last = true;
            } else {
                return false;
            }
        }
        (1..=2).contains(&words)
    }

    /// `^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$`: letters, digits and dashes, starting and
    /// ending with a letter or digit, not starting with `d-`.
    fn alias(s: &[u8]) -> bool {
        let (Some(first), Some(last)) = (s.first(), s.last()) else {
            return false;
        };
        first.is_ascii_alphanumeric()
            && last.is_ascii_alphanumeric()
            && !s.starts_with(b"d-")
            && all_in(&ALIAS, s)
    }

    /// `ReplicateInstance`.
    pub fn replicate_instance_is_valid(request: &ReplicateInstanceRequest) -> bool {
        let (Some(id), Some(region_name), Some(alias_name)) = (
            &request.instance_id,
            &request.replica_region,
            &request.replica_alias,
        ) else {
            return false;
        };
        chars_within(id, 1, 250)
            && instance_id(id.as_bytes())
            && chars_within(region_name, 8, 31)
            && region(region_name.as_bytes())
            && request
                .client_token
                .as_deref()
                .is_none_or(|t| chars_within(t, 0, 500))
            && chars_within(alias_name, 1, 45)
            && alias(alias_name.as_bytes())
    }

    /// `CreateSchema`: `^[a-zA-Z0-9._-]*$`, 1 to 32 characters.
    pub fn create_schema_is_valid(request: &CreateSchemaRequest) -> bool {
        request.name.as_deref().is_some_and(|name| {
            (1..=32).contains(&name.len()) && all_in(&SCHEMA_NAME, name.as_bytes())
        })
    }
}

/// The five operations as `aws-constraints-codegen` writes them from AWS's Smithy models
/// (`codegen/tests/golden/`): the validators a user of the importer gets.
pub mod imported {
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod chime {
        include!("../../codegen/tests/golden/chime.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod appregistry {
        include!("../../codegen/tests/golden/appregistry.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod connect {
        include!("../../codegen/tests/golden/connect.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod clouddirectory {
        include!("../../codegen/tests/golden/clouddirectory.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod iot {
        include!("../../codegen/tests/golden/iot.rs");
    }
}
