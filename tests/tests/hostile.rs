//! What a hostile client or a careless declaration found (issue 11), kept verbatim: client
//! text that forged violations, sensitive map keys that leaked, and paths that the wire does
//! not have.

use std::collections::{BTreeMap, HashMap};

use aws_constraints::{path::REDACTED, Validate, ValidationErrors};
use serde::Deserialize;

/// Violations a naive reader counts in an AWS message: one, plus one per `"; "` that
/// separates two of them.
fn violations_read(message: &str) -> usize {
    let (_, body) = message.split_once(" detected: ").expect("a header");
    body.split("; ").count()
}

/// The count the header states.
fn header_count(message: &str) -> usize {
    message
        .split_once(' ')
        .and_then(|(n, _)| n.parse().ok())
        .expect("a header count")
}

/// Every rendering of the errors, as one text to search.
fn every_rendering(errors: &ValidationErrors) -> String {
    format!(
        "{errors}\n{}\n{}\n{errors:?}",
        errors.smithy_body(),
        errors.to_json()
    )
}

#[derive(Validate, Deserialize)]
struct Tagged {
    #[values(len(max = 3))]
    tags: HashMap<String, String>,
    #[nested]
    #[serde(default)]
    entries: BTreeMap<String, Entry>,
}

#[derive(Validate, Deserialize)]
struct Entry {
    #[required]
    value: Option<String>,
}

const FORGING_KEY: &str =
    "x.member' failed to satisfy constraint: Member must not be null; Value 'forged' at 'adminPassword";

#[test]
fn a_map_key_cannot_forge_a_violation() {
    let mut tags = HashMap::new();
    tags.insert(FORGING_KEY.to_owned(), "long value".to_owned());
    let request = Tagged {
        tags,
        entries: BTreeMap::from([(FORGING_KEY.to_owned(), Entry { value: None })]),
    };
    let errors = request.validate().unwrap_err();
    let message = errors.to_string();
    assert_eq!(header_count(&message), 2, "{message}");
    assert_eq!(violations_read(&message), 2, "{message}");
    assert!(
        !message.contains("Member must not be null; Value 'forged'"),
        "{message}"
    );

    let body = errors.smithy_body();
    let text = body["message"].as_str().unwrap();
    assert_eq!(
        violations_read(text.replacen(". ", ": ", 1).as_str()),
        2,
        "{text}"
    );
    // The structured path is a proper JSON pointer: `/` in a key is `~1`, `~` is `~0`.
    for field in body["fieldList"].as_array().unwrap() {
        let path = field["path"].as_str().unwrap();
        assert!(
            path.starts_with("/tags/") || path.starts_with("/entries/"),
            "{path}"
        );
        assert_eq!(
            path.matches('/').count(),
            2 + path.starts_with("/entries/") as usize
        );
    }
}

#[test]
fn json_pointer_escapes_follow_rfc_6901() {
    let request = Tagged {
        tags: HashMap::from([("a/b~c".to_owned(), "long value".to_owned())]),
        entries: BTreeMap::new(),
    };
    let errors = request.validate().unwrap_err();
    let body = errors.smithy_body();
    assert_eq!(body["fieldList"][0]["path"], "/tags/a~1b~0c");
}

#[derive(Validate, Deserialize)]
struct Secrets {
    #[sensitive]
    #[values(len(max = 3))]
    #[keys(len(max = 8))]
    secret_env: HashMap<String, String>,
    #[sensitive]
    #[nested]
    #[serde(default)]
    deep: Option<Deep>,
}

#[derive(Validate, Deserialize)]
struct Deep {
    #[nested]
    items: BTreeMap<String, Entry>,
}

#[test]
fn nothing_of_a_sensitive_map_appears_keys_included() {
    let request: Secrets = serde_json::from_str(
        r#"{"secret_env": {"DB_PASSWORD=hunter2": "hunter2", "API_KEY": "sk-live"},
            "deep": {"items": {"root-token-123": {"value": null}}}}"#,
    )
    .unwrap();
    let errors = request.validate().unwrap_err();
    let rendered = every_rendering(&errors);
    for secret in [
        "DB_PASSWORD",
        "hunter2",
        "API_KEY",
        "sk-live",
        "root-token-123",
    ] {
        assert!(!rendered.contains(secret), "{secret} in {rendered}");
    }
    assert!(rendered.contains(REDACTED), "{rendered}");
    assert_eq!(
        errors
            .iter()
            .map(|v| v.path().json_pointer())
            .collect::<Vec<_>>(),
        // Keys are checked before values, as AWS does, whatever the attributes' order.
        [
            "/secret_env".to_owned(),
            format!("/secret_env/{REDACTED}"),
            format!("/secret_env/{REDACTED}"),
            format!("/deep/items/{REDACTED}/value"),
        ]
    );
}

/// Entries of a sensitive hash map still come in one order, however the map iterates.
#[test]
fn a_sensitive_map_reports_in_a_deterministic_order() {
    let json = r#"{"secret_env": {"k1": "long1", "k2": "long2", "k3": "long3", "k4": "long4"}}"#;
    let first = serde_json::from_str::<Secrets>(json)
        .unwrap()
        .validate()
        .unwrap_err();
    for _ in 0..20 {
        let again = serde_json::from_str::<Secrets>(json)
            .unwrap()
            .validate()
            .unwrap_err();
        assert_eq!(again, first);
    }
}

#[derive(Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WithCommon {
    #[serde(flatten)]
    #[nested]
    common: Common,
    #[serde(flatten)]
    #[values(len(max = 2))]
    extra: BTreeMap<String, String>,
}

#[derive(Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Common {
    #[required]
    owner_id: Option<String>,
}

#[test]
fn flattened_members_report_the_path_the_wire_has() {
    let request: WithCommon = serde_json::from_str(r#"{"color": "green"}"#).unwrap();
    let errors = request.validate().unwrap_err();
    let paths: Vec<_> = errors.iter().map(|v| v.path().json_pointer()).collect();
    assert_eq!(paths, ["/ownerId", "/color"]);
    assert!(errors.to_string().contains("Value null at 'ownerId'"));
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type")]
enum Internally {
    #[nested]
    A(Common),
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type", content = "value")]
enum Adjacently {
    #[len(max = 2)]
    A(String),
}

#[derive(Validate, Deserialize)]
#[serde(untagged)]
enum Untagged {
    #[len(max = 2)]
    A(String),
}

#[derive(Validate, Deserialize)]
struct Holder {
    #[nested]
    internally: Internally,
    #[nested]
    adjacently: Adjacently,
    #[nested]
    untagged: Untagged,
}

#[test]
fn tagged_and_untagged_enums_report_the_path_the_wire_has() {
    let request: Holder = serde_json::from_str(
        r#"{"internally": {"type": "A"},
            "adjacently": {"type": "A", "value": "long"},
            "untagged": "long"}"#,
    )
    .unwrap();
    let errors = request.validate().unwrap_err();
    let paths: Vec<_> = errors.iter().map(|v| v.path().json_pointer()).collect();
    assert_eq!(
        paths,
        ["/internally/ownerId", "/adjacently/value", "/untagged"]
    );
}

#[derive(Validate, Deserialize, Default)]
struct WithSkipped {
    #[serde(skip)]
    cache: Vec<String>,
    #[len(max = 2)]
    name: String,
}

#[test]
fn a_skipped_member_without_rules_is_left_alone() {
    let request: WithSkipped = serde_json::from_str(r#"{"name": "ab"}"#).unwrap();
    assert!(request.cache.is_empty());
    assert!(request.validate().is_ok());
}
