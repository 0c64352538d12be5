//! The AWS SDK for Rust against small servers built as a user builds one: a service per AWS
//! protocol, its operation's input type imported from a slice of AWS's model (`build.rs`),
//! read and checked by the axum extractor `AwsInput`, answered in the request's protocol
//! (`AwsProtocol`). An invalid request must raise, in the SDK, the error code and the
//! message AWS's service sends (each real answer's source named), and a valid one succeed.
//! Retries are off, credentials static, the endpoint the server's.

use std::sync::Arc;

use aws_constraints::Validate;
use aws_constraints_sdk_tests::client;
use aws_constraints_server::axum::{AwsInput, AwsProtocol};
use aws_constraints_server::Service;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{post, MethodRouter};
use axum::Router;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The types `build.rs` imported, one module per service.
macro_rules! imported {
    ($($service:ident),*) => {$(
        #[allow(dead_code)]
        mod $service {
            include!(concat!(env!("OUT_DIR"), "/", stringify!($service), ".rs"));
        }
    )*};
}
imported!(dynamodb, kms, sts, lambda, ec2, route53, cloudwatch);

/// A handler of `operation` whose input is `T`: a valid request gets `output` with
/// `status`, written in the request's protocol.
fn answer<T>(operation: &'static str, status: u16, output: Value) -> MethodRouter<Arc<Service>>
where
    T: DeserializeOwned + Validate + Send + 'static,
{
    let handler = move |State(service): State<Arc<Service>>,
                        AwsProtocol(protocol): AwsProtocol,
                        AwsInput(_): AwsInput<T>| async move {
        let response: Response = service
            .output(protocol, operation, status, &output)
            .map(axum::body::Body::from);
        response
    };
    post(handler.clone()).get(handler)
}

/// Serves `routes` of the service that `model` describes on a free port; its URL.
async fn start(model: &str, routes: Router<Arc<Service>>) -> String {
    let service = Service::from_json(model).expect("the slice is a model the server reads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = routes.with_state(Arc::new(service));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// The code and message of the service error `$result` holds.
macro_rules! error_of {
    ($result:expr) => {{
        use aws_sdk_sts::error::ProvideErrorMetadata;
        let error = $result.expect_err("the request is invalid");
        let error = error.into_service_error();
        (
            error.code().unwrap_or_default().to_owned(),
            error.message().unwrap_or_default().to_owned(),
        )
    }};
}

fn pair(code: &str, message: &str) -> (String, String) {
    (code.to_owned(), message.to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_json_1_0_dynamodb() {
    let url = start(
        include_str!("../../server/tests/models/dynamodb.json"),
        Router::new().route(
            "/",
            answer::<dynamodb::ExecuteStatementInput>("ExecuteStatement", 200, json!({})),
        ),
    )
    .await;
    let client = client!(aws_sdk_dynamodb, url);
    client
        .execute_statement()
        .statement("SELECT * FROM t")
        .send()
        .await
        .unwrap();
    // localstack/localstack@8b9a79f tests/aws/services/dynamodb/test_dynamodb.snapshot.json
    assert_eq!(
        error_of!(client.execute_statement().statement("SELECT * FROM t").set_parameters(Some(vec![])).send().await),
        pair(
            "ValidationException",
            "1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must have length greater than or equal to 1"
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_json_1_1_kms() {
    let url = start(
        include_str!("../../server/tests/models/kms.json"),
        Router::new().route(
            "/",
            answer::<kms::GenerateRandomRequest>(
                "GenerateRandom",
                200,
                json!({"Plaintext": "AAAAAAAAAAA="}),
            ),
        ),
    )
    .await;
    let client = client!(aws_sdk_kms, url);
    let random = client
        .generate_random()
        .number_of_bytes(8)
        .send()
        .await
        .unwrap();
    assert_eq!(random.plaintext().map(|b| b.as_ref().len()), Some(8));
    // localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json
    assert_eq!(
        error_of!(client.generate_random().number_of_bytes(0).send().await),
        pair(
            "ValidationException",
            "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_query_sts() {
    let url = start(
        include_str!("../../server/tests/models/sts.json"),
        Router::new().route(
            "/",
            answer::<sts::AssumeRoleRequest>("AssumeRole", 200, json!({})),
        ),
    )
    .await;
    let client = client!(aws_sdk_sts, url);
    let assume = |session: &str| {
        client
            .assume_role()
            .role_arn("arn:aws:iam::123456789012:role/r")
            .role_session_name(session)
            .send()
    };
    assume("ok").await.unwrap();
    // The message: localstack/localstack@5e1aa16 tests/aws/services/sts/test_sts.snapshot.json;
    // the code: mmmorris1975/aws-runas#80.
    let session = "s".repeat(65);
    assert_eq!(
        error_of!(assume(&session).await),
        pair(
            "ValidationError",
            &format!("1 validation error detected: Value '{session}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64")
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rest_json_1_lambda() {
    let url = start(
        include_str!("../../server/tests/models/lambda.json"),
        Router::new().route(
            "/2015-03-31/functions/{function}/aliases",
            answer::<lambda::CreateAliasRequest>("CreateAlias", 201, json!({"Name": "live"})),
        ),
    )
    .await;
    let client = client!(aws_sdk_lambda, url);
    let create = |name: &str| {
        client
            .create_alias()
            .function_name("f")
            .name(name)
            .function_version("1")
            .send()
    };
    assert_eq!(create("live").await.unwrap().name(), Some("live"));
    // localstack/localstack@8b9a79f tests/aws/services/lambda_/test_lambda_api.snapshot.json;
    // the code: cloud-custodian/cloud-custodian#3006.
    assert_eq!(
        error_of!(create("2024").await),
        pair(
            "ValidationException",
            "1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"
        )
    );
}

/// On demand (`--features ec2`): see `Cargo.toml`.
#[cfg(feature = "ec2")]
#[tokio::test(flavor = "multi_thread")]
async fn ec2_query_ec2() {
    let url = start(
        include_str!("../models/ec2.json"),
        Router::new().route(
            "/",
            answer::<ec2::CreateTagsRequest>("CreateTags", 200, json!({})),
        ),
    )
    .await;
    let client = client!(aws_sdk_ec2, url);
    let tag = aws_sdk_ec2::types::Tag::builder()
        .key("k")
        .value("v")
        .build();
    client
        .create_tags()
        .resources("i-1234567890abcdef0")
        .tags(tag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of!(client.create_tags().tags(tag).send().await),
        pair(
            "InvalidParameterValue",
            "1 validation error detected: Value null at 'resources' failed to satisfy constraint: Member must not be null"
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rest_xml_route53() {
    let url = start(
        include_str!("../../server/tests/models/route53.json"),
        Router::new().route(
            "/2013-04-01/hostedzone/{id}",
            answer::<route53::GetHostedZoneRequest>("GetHostedZone", 200, json!({})),
        ),
    )
    .await;
    let client = client!(aws_sdk_route53, url);
    client.get_hosted_zone().id("Z123").send().await.unwrap();
    let id = "x".repeat(40);
    // The code is Route 53's own (hashicorp/terraform#24250). Those reports print other
    // members of this type at 'resourceId', the type's name; what Route 53 prints for
    // GetHostedZone's Id nobody has recorded.
    assert_eq!(
        error_of!(client.get_hosted_zone().id(&id).send().await),
        pair(
            "InvalidInput",
            &format!("1 validation error detected: Value '{id}' at 'id' failed to satisfy constraint: Member must have length less than or equal to 32")
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rpc_v2_cbor_or_what_the_sdk_speaks_cloudwatch() {
    // CloudWatch speaks CBOR, JSON and query forms: one handler answers each in its own.
    let handler = answer::<cloudwatch::SetAlarmStateInput>("SetAlarmState", 200, json!({}));
    let url = start(
        include_str!("../models/cloudwatch.json"),
        Router::new()
            .route("/", handler.clone())
            .route("/service/{service}/operation/{operation}", handler),
    )
    .await;
    let client = client!(aws_sdk_cloudwatch, url);
    let set = |state: &str| {
        client
            .set_alarm_state()
            .alarm_name("a")
            .state_value(state.into())
            .state_reason("t")
            .send()
    };
    set("OK").await.unwrap();
    let (code, message) = error_of!(set("INVALID").await);
    assert_eq!(code, "ValidationException");
    assert!(
        message.starts_with("1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: ["),
        "{message}"
    );
}
