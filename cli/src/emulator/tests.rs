//! The emulator's answers, without a network: each operation's success, validation error,
//! malformed input and idempotency rules.

use serde_json::{json, Value};

use super::Emulator;

/// What a client reads of an answer: its status, `X-Amzn-ErrorType`, and its JSON body.
#[derive(Debug)]
struct Reply {
    status: u16,
    error_type: Option<String>,
    body: Value,
}

fn send(emulator: &Emulator, method: &str, path: &str, body: &[u8]) -> Reply {
    let mut request = http::Request::builder().method(method).uri(path);
    if !body.is_empty() {
        request = request.header("content-type", "application/json");
    }
    let response = emulator.handle(&request.body(body.to_vec()).unwrap());
    Reply {
        status: response.status().as_u16(),
        error_type: response
            .headers()
            .get("x-amzn-errortype")
            .map(|v| v.to_str().unwrap().to_owned()),
        body: serde_json::from_slice(response.body()).unwrap_or(Value::Null),
    }
}

const INSTANCE: &str = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

fn emulator() -> Emulator {
    Emulator::new(&[INSTANCE.to_owned()])
}

fn call(emulator: &Emulator, method: &str, path: &str, body: Value) -> Reply {
    send(emulator, method, path, body.to_string().as_bytes())
}

#[test]
fn create_app_instance_is_idempotent_per_token() {
    let e = emulator();
    let first = call(
        &e,
        "POST",
        "/app-instances",
        json!({"Name": "a", "ClientRequestToken": "t1"}),
    );
    assert_eq!((first.status, first.error_type.as_deref()), (201, None));
    let again = call(
        &e,
        "POST",
        "/app-instances",
        json!({"Name": "a", "ClientRequestToken": "t1"}),
    );
    assert_eq!(again.body, first.body);
    let conflict = call(
        &e,
        "POST",
        "/app-instances",
        json!({"Name": "b", "ClientRequestToken": "t1"}),
    );
    assert_eq!(
        (conflict.status, conflict.error_type.as_deref()),
        (409, Some("ConflictException"))
    );
    let other = call(
        &e,
        "POST",
        "/app-instances",
        json!({"Name": "a", "ClientRequestToken": "t2"}),
    );
    assert_ne!(other.body, first.body);
}

#[test]
fn validation_errors_are_each_operations_own() {
    let e = emulator();
    let cases = [
        (
            "POST",
            "/app-instances".to_owned(),
            json!({"ClientRequestToken": "t"}),
            "BadRequestException",
        ),
        (
            "POST",
            "/applications".to_owned(),
            json!({"name": "a-b", "clientToken": "c"}),
            "ValidationException",
        ),
        (
            "POST",
            format!("/instance/{INSTANCE}/replicate"),
            json!({"ReplicaRegion": "x"}),
            "InvalidRequestException",
        ),
        (
            "PUT",
            "/amazonclouddirectory/2017-01-11/schema/create".to_owned(),
            json!({"Name": ""}),
            "ValidationException",
        ),
        (
            "POST",
            "/things/a%20b".to_owned(),
            json!({}),
            "InvalidRequestException",
        ),
    ];
    for (method, path, body, error) in cases {
        let reply = call(&e, method, &path, body);
        assert_eq!(
            (reply.status, reply.error_type.as_deref()),
            (400, Some(error)),
            "{path}"
        );
        let message = reply
            .body
            .get("message")
            .or(reply.body.get("Message"))
            .unwrap();
        assert!(
            message.as_str().unwrap().contains("validation error"),
            "{message}"
        );
    }
    let chime = call(&e, "POST", "/app-instances", json!({}));
    assert_eq!(chime.body["Code"], "BadRequest");
}

#[test]
fn malformed_requests_are_serialization_errors() {
    let e = emulator();
    let schema = "/amazonclouddirectory/2017-01-11/schema/create";
    for body in [&b"{"[..], b"[1]", b"{\"Name\": 5}"] {
        let reply = send(&e, "PUT", schema, body);
        assert_eq!(
            (reply.status, reply.error_type.as_deref()),
            (400, Some("SerializationException"))
        );
    }
    // A member the model does not have is ignored, as AWS's services do: what is missing
    // is reported.
    let unknown_member = send(&e, "PUT", schema, br#"{"Nope": 1}"#);
    assert_eq!(unknown_member.status, 400);
    assert!(
        unknown_member
            .body
            .to_string()
            .contains("Value null at 'name'"),
        "{unknown_member:?}"
    );
    let unknown = send(&e, "GET", "/app-instances", b"");
    assert_eq!(unknown.status, 404);
}

#[test]
fn application_and_schema_names_are_unique() {
    let e = emulator();
    let app = |token: &str| json!({"name": "orders", "clientToken": token});
    assert_eq!(call(&e, "POST", "/applications", app("c1")).status, 201);
    let duplicate = call(&e, "POST", "/applications", app("c2"));
    assert_eq!(
        (duplicate.status, duplicate.error_type.as_deref()),
        (409, Some("ConflictException"))
    );
    let schema = "/amazonclouddirectory/2017-01-11/schema/create";
    assert_eq!(call(&e, "PUT", schema, json!({"Name": "s"})).status, 200);
    let again = call(&e, "PUT", schema, json!({"Name": "s"}));
    assert_eq!(
        (again.status, again.error_type.as_deref()),
        (400, Some("SchemaAlreadyExistsException"))
    );
}

#[test]
fn replicate_needs_a_known_instance_and_decodes_the_label() {
    let e = emulator();
    let arn = format!("arn:aws:connect:us-east-1:123456789012:instance/{INSTANCE}");
    let encoded = arn.replace(':', "%3A").replace('/', "%2F");
    let body = json!({"ReplicaRegion": "us-west-2", "ReplicaAlias": "west"});
    let ok = call(&e, "POST", &format!("/instance/{encoded}/replicate"), body);
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    assert_eq!(ok.body["Id"], INSTANCE);
    let unknown = format!("/instance/{}/replicate", "0".repeat(8) + &INSTANCE[8..]);
    let missing = call(
        &e,
        "POST",
        &unknown,
        json!({"ReplicaRegion": "us-west-2", "ReplicaAlias": "w2"}),
    );
    assert_eq!(
        (missing.status, missing.error_type.as_deref()),
        (404, Some("ResourceNotFoundException"))
    );
}

#[test]
fn create_thing_same_configuration_succeeds_different_fails() {
    let e = emulator();
    let attrs = |v: &str| json!({"attributePayload": {"attributes": {"room": v}}});
    let first = call(&e, "POST", "/things/sensor", attrs("a"));
    assert_eq!(first.status, 200);
    assert_eq!(
        call(&e, "POST", "/things/sensor", attrs("a")).body,
        first.body
    );
    let different = call(&e, "POST", "/things/sensor", attrs("b"));
    assert_eq!(
        (different.status, different.error_type.as_deref()),
        (409, Some("ResourceAlreadyExistsException"))
    );
    assert_eq!(different.body["resourceId"], first.body["thingId"]);
    assert_eq!(different.body["resourceArn"], first.body["thingArn"]);
}

#[test]
fn concurrent_identical_requests_create_one_resource() {
    let e = emulator();
    let replies: Vec<Reply> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16)
            .map(|_| {
                s.spawn(|| {
                    call(
                        &e,
                        "POST",
                        "/app-instances",
                        json!({"Name": "a", "ClientRequestToken": "same"}),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(replies
        .iter()
        .all(|r| r.status == 201 && r.body == replies[0].body));
}
