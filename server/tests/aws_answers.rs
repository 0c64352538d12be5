//! Requests that drew a real AWS answer, sent over each service's protocol: the answer
//! (status, error code where the SDKs read it, body) is AWS's, byte for byte where the
//! source shows the bytes. Models: slices of AWS's Smithy models (`tests/models/`,
//! Apache-2.0: see LICENSE and NOTICE there), cut with `scripts/slice-model.py --wire`.

use aws_constraints_server::Service;
use serde_json::{json, Value};

fn service(model: &str) -> Service {
    let path = format!("{}/tests/models/{model}.json", env!("CARGO_MANIFEST_DIR"));
    Service::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The answer to `request`, as `(status, headers that name the error, body)`.
fn answer(service: &Service, request: http::Request<Vec<u8>>) -> (u16, Option<String>, String) {
    let rejection = service.accept(&request).expect_err("AWS rejected it");
    let response = service.respond(&rejection);
    let error_type = response
        .headers()
        .get("x-amzn-errortype")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = String::from_utf8(response.body().clone()).unwrap();
    (response.status().as_u16(), error_type, body)
}

fn aws_json(target: &str, version: &str, body: Value) -> http::Request<Vec<u8>> {
    http::Request::post("/")
        .header("x-amz-target", target)
        .header("content-type", format!("application/x-amz-json-{version}"))
        .body(body.to_string().into_bytes())
        .unwrap()
}

#[test]
fn dynamodb_over_aws_json_1_0() {
    // The message: LocalStack's snapshot recorded against AWS,
    // localstack/localstack@8b9a79f tests/aws/services/dynamodb/test_dynamodb.snapshot.json.
    // The body's shape and `__type`: DynamoDB's answer quoted whole in AdRoll/goamz#15.
    let request = aws_json(
        "DynamoDB_20120810.ExecuteStatement",
        "1.0",
        json!({"Statement": "SELECT * FROM t", "Parameters": []}),
    );
    let (status, _, body) = answer(&service("dynamodb"), request);
    assert_eq!(status, 400);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({
            "__type": "com.amazon.coral.validate#ValidationException",
            "message": "1 validation error detected: Value '[]' at 'parameters' failed to \
                        satisfy constraint: Member must have length greater than or equal to 1"
        })
    );
}

#[test]
fn kms_over_aws_json_1_1() {
    // localstack/localstack@8b9a79f tests/aws/services/kms/test_kms.snapshot.json.
    let request = aws_json(
        "TrentService.GenerateRandom",
        "1.1",
        json!({"NumberOfBytes": 0}),
    );
    let (status, error_type, body) = answer(&service("kms"), request);
    assert_eq!(status, 400);
    assert_eq!(error_type.as_deref(), Some("ValidationException"));
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        body["message"],
        "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy \
         constraint: Member must have value greater than or equal to 1"
    );
}

#[test]
fn sts_over_aws_query() {
    // The message: localstack/localstack@5e1aa16 tests/aws/services/sts/test_sts.snapshot.json.
    // The code: STS's `api error ValidationError: 4 validation errors detected` in
    // mmmorris1975/aws-runas#80. The envelope: SQS's ErrorResponse in
    // aws/aws-sdk-java-v2#3972.
    let session = "s".repeat(65);
    let form = format!(
        "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr\
         &RoleSessionName={session}"
    );
    let request = http::Request::post("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.into_bytes())
        .unwrap();
    let (status, _, body) = answer(&service("sts"), request);
    assert_eq!(status, 400);
    let message = format!(
        "1 validation error detected: Value '{session}' at 'roleSessionName' failed to satisfy \
         constraint: Member must have length less than or equal to 64"
    );
    let prefix = format!(
        "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>\
         {message}</Message></Error><RequestId>"
    );
    assert!(body.starts_with(&prefix), "{body}");
    assert!(body.ends_with("</RequestId></ErrorResponse>"), "{body}");
}

#[test]
fn route53_over_rest_xml_answers_with_its_own_code() {
    // The code and status: Route 53's `InvalidInput: 1 validation error detected: Value '..'
    // at 'resourceId' failed to satisfy constraint: Member must have length less than or
    // equal to 32, status code: 400` (hashicorp/terraform#24250, on CreateHostedZone's
    // DelegationSetId; terraform-aws-modules/terraform-aws-acm#63 the same). Those messages
    // print a member of type ResourceId at the type's name, which the model cannot tell:
    // the message here names the member, as every other service does.
    let id = "x".repeat(40);
    let request = http::Request::get(format!("/2013-04-01/hostedzone/{id}"))
        .body(Vec::new())
        .unwrap();
    let (status, _, body) = answer(&service("route53"), request);
    assert_eq!(status, 400);
    let prefix = format!(
        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidInput</Code><Message>1 \
         validation error detected: Value '{id}' at 'id' failed to satisfy constraint: Member \
         must have length less than or equal to 32</Message></Error><RequestId>"
    );
    assert!(body.starts_with(&prefix), "{body}");
}

#[test]
fn lambda_over_rest_json_1() {
    // The message: localstack/localstack@8b9a79f
    // tests/aws/services/lambda_/test_lambda_api.snapshot.json. The code: Lambda's
    // `An error occurred (ValidationException) when calling the UpdateFunctionConfiguration
    // operation: 1 validation error detected` in cloud-custodian/cloud-custodian#3006,
    // though CreateAlias models InvalidParameterValueException too.
    let request = http::Request::post("/2015-03-31/functions/f/aliases")
        .header("content-type", "application/json")
        .body(
            json!({"Name": "2024", "FunctionVersion": "1"})
                .to_string()
                .into_bytes(),
        )
        .unwrap();
    let (status, error_type, body) = answer(&service("lambda"), request);
    assert_eq!(status, 400);
    assert_eq!(error_type.as_deref(), Some("ValidationException"));
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({"message": "1 validation error detected: Value '2024' at 'name' failed to \
                           satisfy constraint: Member must satisfy regular expression pattern: \
                           (?!^[0-9]+$)([a-zA-Z0-9-_]+)"})
    );
}

#[test]
fn iam_over_aws_query_echoes_no_value() {
    // boto/botocore#3337: real IAM's `ValidationError`, the value left out of the message
    // (IAM's profile: `aws_constraints_schema::profile::NEVER_ECHO_VALUES`).
    let form = "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D\
                &MaxSessionDuration=1000000";
    let request = http::Request::post("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.as_bytes().to_vec())
        .unwrap();
    let (status, _, body) = answer(&service("iam"), request);
    assert_eq!(status, 400);
    assert!(
        body.starts_with(
            "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>1 \
             validation error detected: Value at 'maxSessionDuration' failed to satisfy \
             constraint: Member must have value less than or equal to 43200</Message></Error>"
        ),
        "{body}"
    );
}

#[test]
fn x_amz_target_names_the_service_and_the_operation() {
    // Only `Service.Operation` names an operation over awsJson: not the operation alone,
    // not another service's prefix.
    let service = service("kms");
    for target in [
        "GenerateRandom",
        "OtherService.GenerateRandom",
        "TrentService.Nothing",
    ] {
        let request = aws_json(target, "1.1", json!({"NumberOfBytes": 8}));
        assert!(
            matches!(
                service.read(&request),
                Err(aws_constraints_server::Rejection::UnknownOperation { .. })
            ),
            "{target}"
        );
    }
    let request = aws_json(
        "TrentService.GenerateRandom",
        "1.1",
        json!({"NumberOfBytes": 8}),
    );
    assert_eq!(service.read(&request).unwrap().operation, "GenerateRandom");
}
