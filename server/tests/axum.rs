//! The axum extractor: a router whose handler takes an imported-style type, driven with
//! requests as a client sends them.

use std::sync::Arc;

use aws_constraints_server::axum::{AwsInput, AwsRejection};
use aws_constraints_server::Service;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use tower::ServiceExt;

const MODEL: &str = r#"{"smithy": "2.0", "shapes": {
    "ex#Things": {"type": "service", "version": "2024-01-01",
        "operations": [{"target": "ex#CreateThing"}],
        "traits": {"aws.protocols#restJson1": {}}},
    "ex#CreateThing": {"type": "operation", "input": {"target": "ex#CreateThingInput"},
        "traits": {"smithy.api#http": {"method": "POST", "uri": "/things/{name}"}}},
    "ex#CreateThingInput": {"type": "structure", "members": {
        "name": {"target": "ex#Name", "traits": {
            "smithy.api#httpLabel": {}, "smithy.api#required": {}}},
        "size": {"target": "smithy.api#Integer",
            "traits": {"smithy.api#range": {"min": 1, "max": 10}}}}},
    "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"max": 4}}}
}}"#;

#[derive(Debug, serde::Deserialize, aws_constraints::Validate)]
struct CreateThingInput {
    #[required]
    #[len(max = 4)]
    name: Option<String>,
    #[range(min = 1, max = 10)]
    size: Option<i32>,
}

async fn create(AwsInput(input): AwsInput<CreateThingInput>) -> String {
    format!(
        "{} of size {:?}",
        input.name.unwrap_or_default(),
        input.size
    )
}

/// A handler that answers rejections its own way.
async fn create_or_explain(
    input: Result<AwsInput<CreateThingInput>, AwsRejection>,
) -> axum::response::Response {
    match input {
        Ok(AwsInput(input)) => format!("{input:?}").into_response(),
        Err(rejection) => (StatusCode::IM_A_TEAPOT, rejection.to_string()).into_response(),
    }
}

fn app() -> Router {
    Router::new()
        .route("/things/{name}", post(create))
        .route("/explained/things/{name}", post(create_or_explain))
        .with_state(Arc::new(Service::from_json(MODEL).unwrap()))
}

async fn send(uri: &str, body: &str) -> (StatusCode, Option<String>, String) {
    let request = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let error_type = response
        .headers()
        .get("x-amzn-errortype")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        error_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn a_valid_request_reaches_the_handler() {
    let (status, _, body) = send("/things/lamp", r#"{"size": 3}"#).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "lamp of size Some(3)");
}

#[tokio::test]
async fn an_invalid_request_gets_aws_s_answer() {
    let (status, error_type, body) = send("/things/chandelier", r#"{"size": 30}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("ValidationException"));
    assert_eq!(
        body,
        r#"{"message":"2 validation errors detected: Value '30' at 'size' failed to satisfy constraint: Member must have value less than or equal to 10; Value 'chandelier' at 'name' failed to satisfy constraint: Member must have length less than or equal to 4"}"#
    );
}

#[tokio::test]
async fn a_malformed_request_gets_the_protocol_s_serialization_error() {
    let (status, error_type, _) = send("/things/lamp", r#"{"size": "three"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("SerializationException"));
    let (status, error_type, _) = send("/things/lamp", "{not json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_type.as_deref(), Some("SerializationException"));
}

#[tokio::test]
async fn a_handler_may_answer_a_rejection_its_own_way() {
    // The route the service knows is `/things/{name}`: under another path the request
    // names no operation of the model.
    let (status, _, body) = send("/explained/things/lamp", "{}").await;
    assert_eq!(status, StatusCode::IM_A_TEAPOT);
    assert_eq!(body, "no operation is at POST /explained/things/lamp");
}
