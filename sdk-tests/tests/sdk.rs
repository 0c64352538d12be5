//! The emulator, driven by the AWS SDK for Rust: clients nobody on this project wrote must
//! get what AWS would send them. Each operation: a success, the typed errors the emulator
//! can produce (parsed by the SDK into their variants, with their messages), and
//! idempotent retries. Retries are off, credentials static, the endpoint the emulator's.

use aws_constraints_cli::emulator::Server;
use aws_constraints_sdk_tests::client;

const INSTANCE: &str = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

/// Starts an emulator on a free port for the test's runtime; returns its URL.
async fn emulator() -> String {
    let server = Server::bind("127.0.0.1:0".parse().unwrap(), vec![INSTANCE.to_owned()])
        .await
        .unwrap();
    let url = format!("http://{}", server.local_addr());
    tokio::spawn(server.run(std::future::pending()));
    url
}

#[tokio::test(flavor = "multi_thread")]
async fn create_app_instance() {
    use aws_sdk_chimesdkidentity::error::ProvideErrorMetadata;
    let client = client!(aws_sdk_chimesdkidentity, emulator().await);
    let create = |name: &str, token: &str| {
        client
            .create_app_instance()
            .name(name)
            .client_request_token(token)
            .send()
    };
    let first = create("chat", "token-1").await.unwrap();
    let arn = first.app_instance_arn().unwrap().to_owned();
    assert!(arn.starts_with("arn:aws:chime:"), "{arn}");
    // An idempotent retry returns the first result.
    let again = create("chat", "token-1").await.unwrap();
    assert_eq!(again.app_instance_arn(), Some(arn.as_str()));
    let conflict = create("other", "token-1")
        .await
        .unwrap_err()
        .into_service_error();
    assert!(conflict.is_conflict_exception(), "{conflict:?}");
    let invalid = create("chat", "t!").await.unwrap_err().into_service_error();
    assert!(invalid.is_bad_request_exception(), "{invalid:?}");
    assert_eq!(
        invalid.message(),
        Some(
            "1 validation error detected: Value 't!' at 'clientRequestToken' failed to \
             satisfy constraint: Member must satisfy regular expression pattern: [-_a-zA-Z0-9]*"
        )
    );
    // The SDK fills the idempotency token itself when it is left out.
    let generated = client
        .create_app_instance()
        .name("auto")
        .send()
        .await
        .unwrap();
    assert!(generated.app_instance_arn().is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn create_application() {
    use aws_sdk_servicecatalogappregistry::error::ProvideErrorMetadata;
    let client = client!(aws_sdk_servicecatalogappregistry, emulator().await);
    let create = |token: &str| {
        client
            .create_application()
            .name("orders")
            .description("Order processing")
            .tags("team", "checkout")
            .client_token(token)
            .send()
    };
    let created = create("c-1").await.unwrap();
    let application = created.application().unwrap();
    assert_eq!(application.name(), Some("orders"));
    assert_eq!(application.id().map(str::len), Some(26));
    assert!(application.creation_time().is_some());
    // An idempotent retry returns the first result.
    let retried = create("c-1").await.unwrap();
    assert_eq!(retried.application().unwrap().id(), application.id());
    let duplicate = client
        .create_application()
        .name("orders")
        .client_token("c-2")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(duplicate.is_conflict_exception(), "{duplicate:?}");
    let invalid = client
        .create_application()
        .name("my-app")
        .tags("aws:team", "x")
        .client_token("c-3")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(invalid.is_validation_exception(), "{invalid:?}");
    assert!(invalid
        .message()
        .unwrap()
        .starts_with("2 validation errors detected: "));
}

#[tokio::test(flavor = "multi_thread")]
async fn replicate_instance() {
    use aws_sdk_connect::error::ProvideErrorMetadata;
    let client = client!(aws_sdk_connect, emulator().await);
    let arn = format!("arn:aws:connect:us-east-1:123456789012:instance/{INSTANCE}");
    // The ARN's `/` travels percent-encoded inside the path label.
    let replicated = client
        .replicate_instance()
        .instance_id(&arn)
        .replica_region("us-west-2")
        .replica_alias("support-west")
        .client_token("r-1")
        .send()
        .await
        .unwrap();
    assert_eq!(replicated.id(), Some(INSTANCE));
    let missing = client
        .replicate_instance()
        .instance_id(INSTANCE.replace("8a2b", "0000"))
        .replica_region("us-west-2")
        .replica_alias("other")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(missing.is_resource_not_found_exception(), "{missing:?}");
    let invalid = client
        .replicate_instance()
        .instance_id(INSTANCE)
        .replica_region("Mars")
        .replica_alias("d-alias")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(invalid.is_invalid_request_exception(), "{invalid:?}");
    let message = invalid.message().unwrap();
    assert!(
        message.starts_with("3 validation errors detected: "),
        "{message}"
    );
    // The alias is sensitive: its value is never echoed.
    assert!(!message.contains("d-alias"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_schema() {
    let client = client!(aws_sdk_clouddirectory, emulator().await);
    let created = client
        .create_schema()
        .name("orders.v1")
        .send()
        .await
        .unwrap();
    assert!(created.schema_arn().unwrap().ends_with("/orders.v1"));
    let duplicate = client
        .create_schema()
        .name("orders.v1")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(
        duplicate.is_schema_already_exists_exception(),
        "{duplicate:?}"
    );
    let invalid = client
        .create_schema()
        .name("orders v1")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(invalid.is_validation_exception(), "{invalid:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_thing() {
    use aws_sdk_iot::types::AttributePayload;
    let client = client!(aws_sdk_iot, emulator().await);
    let payload = |room: &str| AttributePayload::builder().attributes("room", room).build();
    let created = client
        .create_thing()
        .thing_name("sensor:42")
        .attribute_payload(payload("lab-3"))
        .send()
        .await
        .unwrap();
    let id = created.thing_id().unwrap().to_owned();
    let same = client
        .create_thing()
        .thing_name("sensor:42")
        .attribute_payload(payload("lab-3"))
        .send()
        .await
        .unwrap();
    assert_eq!(same.thing_id(), Some(id.as_str()));
    let different = client
        .create_thing()
        .thing_name("sensor:42")
        .attribute_payload(payload("lab-4"))
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    let aws_sdk_iot::operation::create_thing::CreateThingError::ResourceAlreadyExistsException(e) =
        &different
    else {
        panic!("expected ResourceAlreadyExistsException, got {different:?}");
    };
    assert_eq!(e.resource_id(), Some(id.as_str()));
    let invalid = client
        .create_thing()
        .thing_name("sensor 42")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(invalid.is_invalid_request_exception(), "{invalid:?}");
}
