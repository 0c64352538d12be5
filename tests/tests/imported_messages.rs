//! Messages AWS services returned, reproduced by types the importer wrote from AWS's own
//! models (`codegen/tests/golden/`; slices in `models/aws/`). Each message's source is the one named in
//! `aws_messages.rs`, where the same messages are pinned on hand-declared types; Lambda's
//! trailing `Member must not be null` inside the brackets is left out as explained there.

use aws_constraints::Validate;

#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod acm {
    include!("../../codegen/tests/golden/acm.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod apigateway {
    include!("../../codegen/tests/golden/apigateway.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod eventbridge {
    include!("../../codegen/tests/golden/eventbridge.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod iot_indexing {
    include!("../../codegen/tests/golden/iot_indexing.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod kinesis {
    include!("../../codegen/tests/golden/kinesis.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod lambda {
    include!("../../codegen/tests/golden/lambda.rs");
}

fn violations<T: Validate + serde::de::DeserializeOwned>(json: &str) -> Vec<String> {
    let input: T = serde_json::from_str(json).unwrap();
    let errors = input.validate().unwrap_err();
    errors.aws_reported().map(|v| v.aws_message()).collect()
}

fn message<T: Validate + serde::de::DeserializeOwned>(json: &str) -> String {
    let input: T = serde_json::from_str(json).unwrap();
    input.validate().unwrap_err().to_string()
}

/// ACM `RequestCertificate`: the real message, byte for byte, from the types imported with
/// the model's member order (`DomainName` first; AWS lists the list first, see
/// `tests/tests/aws_messages.rs`).
#[test]
fn acm_request_certificate() {
    assert_eq!(
        message::<acm::RequestCertificateRequest>(
            r#"{"DomainName": "ccc", "SubjectAlternativeNames": ["ccc"]}"#,
        ),
        tests::acm_request_certificate_ccc()
    );
}

/// IoT `UpdateIndexingConfiguration`: a list of an enum shape, and a member of a structure
/// in a list keeping its own path.
#[test]
fn iot_update_indexing_configuration() {
    assert_eq!(
        message::<iot_indexing::UpdateIndexingConfigurationRequest>(
            r#"{"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY", "filter": {
                "namedShadowNames": [],
                "geoLocations": [{"name": "a", "order": "BOGUS"}]}}}"#,
        ),
        "1 validation error detected: Value 'BOGUS' at \
         'thingIndexingConfiguration.filter.geoLocations.1.member.order' failed to satisfy \
         constraint: Member must satisfy enum value set: [LatLon, LonLat]"
    );
}

/// EventBridge `PutTargets`: the map echoed in Java's `HashMap` order, byte for byte. The key
/// pattern is printed without the anchors AWS's Smithy model added (`^[A-Za-z0-9\_\-]+$`),
/// as EventBridge's own model (botocore's) has it (see `aws_constraints_schema::profile`).
#[test]
fn eventbridge_put_targets_input_paths_map() {
    let eventbridge = "1 validation error detected: Value '{de onde?=$.detail.sourceIPAddress, \
                       Quem foi?=$.detail.userIdentity.userName, o que?=$.detail.eventName}' at \
                       'targets.1.member.inputTransformer.inputPathsMap' failed to satisfy \
                       constraint: Map keys must satisfy constraint: [Member must have length \
                       less than or equal to 256, Member must have length greater than or \
                       equal to 1, Member must satisfy regular expression pattern: \
                       [A-Za-z0-9\\_\\-]+]";
    assert_eq!(
        message::<eventbridge::PutTargetsRequest>(
            r#"{"Rule": "r", "Targets": [{"Id": "1", "Arn": "arn", "InputTransformer": {
                "InputTemplate": "t", "InputPathsMap": {
                "Quem foi?": "$.detail.userIdentity.userName",
                "o que?": "$.detail.eventName",
                "de onde?": "$.detail.sourceIPAddress"}}}]}"#,
        ),
        eventbridge
    );
}

/// Lambda `CreateFunctionUrlConfig` (CORS methods) and `CreateAlias` (routing weights).
#[test]
fn lambda_cors_methods_and_routing_weights() {
    assert_eq!(
        message::<lambda::CreateFunctionUrlConfigRequest>(
            r#"{"FunctionName": "f", "AuthType": "NONE",
                "Cors": {"AllowMethods": ["GET", "POST", "OPTIONS"]}}"#,
        ),
        "1 validation error detected: Value '[GET, POST, OPTIONS]' at 'cors.allowMethods' \
         failed to satisfy constraint: Member must satisfy constraint: [Member must have length \
         less than or equal to 6, Member must have length greater than or equal to 0, Member \
         must satisfy regular expression pattern: .*]"
    );
    assert_eq!(
        message::<lambda::CreateAliasRequest>(
            r#"{"FunctionName": "f", "Name": "live", "FunctionVersion": "1",
                "RoutingConfig": {"AdditionalVersionWeights": {"1": 1.5}}}"#,
        ),
        "1 validation error detected: Value '{1=1.5}' at \
         'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must \
         satisfy constraint: [Member must have value less than or equal to 1.0, Member must \
         have value greater than or equal to 0.0]"
    );
}

/// Kinesis `PutRecords`: four oversized blobs, each echoed as AWS echoes a blob.
#[test]
fn kinesis_put_records_oversized_blobs() {
    let data = aws_constraints::Blob::from(vec![0u8; 1049568]);
    let entry = serde_json::json!({"Data": data, "PartitionKey": "k"});
    let request = serde_json::json!({"StreamName": "s", "Records": [entry, entry, entry, entry]});
    assert_eq!(
        message::<kinesis::PutRecordsInput>(&request.to_string()),
        tests::kinesis_put_records_four_oversized()
    );
}

#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod dynamodb {
    include!("../../codegen/tests/golden/dynamodb.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod verifiedpermissions {
    include!("../../codegen/tests/golden/verifiedpermissions.rs");
}

/// DynamoDB `BatchWriteItem` with 26 writes, as boto3's issue #483 quotes it ("1 validation
/// error detected: Value '{my-dynamodb-table=[com.amazonaws.dynamodb.v20120810.WriteRequest@caad9cb8,
/// ...]}' at 'requestItems' ..."). AWS echoes each structure as Java's `Object.toString`,
/// an identity hash that no one can reproduce; this crate echoes no structure, so the
/// message is AWS's without its `Value '..' ` part.
#[test]
fn dynamodb_batch_write_item_request_items() {
    let write = serde_json::json!({"PutRequest": {"Item": {"id": {"S": "1"}}}});
    let request = serde_json::json!({"RequestItems": {"my-dynamodb-table": vec![write; 26]}});
    assert_eq!(
        message::<dynamodb::BatchWriteItemInput>(&request.to_string()),
        "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: \
         Map value must satisfy constraint: [Member must have length less than or equal to 25, \
         Member must have length greater than or equal to 1]"
    );
}

/// `@uniqueItems` on a list of structures (Verified Permissions' entity parents): the
/// importer gives the structures `Eq` and `Hash`.
#[test]
fn unique_items_of_structures() {
    let request = |parents: &str| {
        format!(
            r#"{{"policyStoreId": "ps", "entities": {{"entityList": [{{
                "identifier": {{"entityType": "User", "entityId": "alice"}},
                "parents": {parents}}}]}}}}"#
        )
    };
    let distinct = request(
        r#"[{"entityType": "Group", "entityId": "a"}, {"entityType": "Group", "entityId": "b"}]"#,
    );
    let input: verifiedpermissions::IsAuthorizedInput = serde_json::from_str(&distinct).unwrap();
    assert!(input.validate().is_ok());
    let twice = request(
        r#"[{"entityType": "Group", "entityId": "a"}, {"entityType": "Group", "entityId": "a"}]"#,
    );
    assert_eq!(
        violations::<verifiedpermissions::IsAuthorizedInput>(&twice),
        [
            "Value at 'entities.entityList.1.member.parents' failed to satisfy constraint: Member \
          must have unique values"
        ]
    );
}

/// `validate_input`, which the importer writes with `--dispatch`: the operation named at
/// run time.
#[test]
fn dispatch_by_operation_name() {
    let bad = r#"{"StreamName": "s", "Records": []}"#;
    let verdict = kinesis::validate_input("PutRecords", bad).expect("an operation of Kinesis");
    assert!(
        matches!(verdict, Err(aws_constraints::InputError::Invalid(ref e)) if e.len() == 1),
        "{verdict:?}"
    );
    assert!(kinesis::validate_input("PutRecords", r#"{"Records": 1}"#)
        .unwrap()
        .is_err_and(|e| matches!(e, aws_constraints::InputError::Malformed(_))));
    assert!(kinesis::validate_input("PutRecord", bad).is_none());
}

/// API Gateway `UpdateMethodResponse` (message 7 of `tests/data/real-aws-messages.json`,
/// recorded against AWS by LocalStack): the body member's path under the input class's
/// name, the URI label's (`statusCode`) not, in the order AWS lists them. AWS lists the
/// enum's values in an order of its own (`[add, remove, move, test, replace, copy]`); the
/// model's is kept. The structured rendering keeps the document's paths.
#[test]
fn api_gateway_body_members_under_the_input_name() {
    let json = r#"{"restApiId": "a", "resourceId": "r", "httpMethod": "GET",
                   "statusCode": "wrong", "patchOperations": [{"op": "wrong_op"}]}"#;
    let input: apigateway::UpdateMethodResponseRequest = serde_json::from_str(json).unwrap();
    let errors = input.validate().unwrap_err();
    assert_eq!(
        errors.aws_message(),
        "2 validation errors detected: Value 'wrong_op' at \
         'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: \
         Member must satisfy enum value set: [add, remove, replace, move, copy, test]; Value \
         'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular \
         expression pattern: [1-5]\\d\\d"
    );
    let pointers: Vec<String> = errors
        .to_json()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(pointers, ["/statusCode", "/patchOperations/0/op"]);
}
