//! Imports operations with `aws-constraints-codegen` for the tests: the five operations
//! (`models/imports.rs`, shared with the benches) for `tests/imported.rs`, slices of other
//! services' models for the real messages of `tests/imported_messages.rs`, botocore's models
//! of the five, and `models/defaults.json`. Every model is a file of this repository.

#[path = "models/imports.rs"]
mod imports;

use std::path::Path;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let slices = imports::aws_slices();
    let botocore = manifest.join("models/botocore");
    for (file, operation, module) in imports::FIVE_OPERATIONS {
        imports::import(&slices.join(file), &[operation], module, false);
    }
    let others: [(_, &[&str], _); 15] = [
        (
            slices.join("iot.json"),
            &["UpdateIndexingConfiguration"],
            "iot_indexing",
        ),
        (slices.join("acm.json"), &["RequestCertificate"], "acm"),
        (
            slices.join("cognito-identity.json"),
            &["GetId", "GetCredentialsForIdentity"],
            "cognito_identity",
        ),
        (
            slices.join("eventbridge.json"),
            &["PutTargets"],
            "eventbridge",
        ),
        (slices.join("kinesis.json"), &["PutRecords"], "kinesis"),
        (
            slices.join("dynamodb.json"),
            &["BatchWriteItem"],
            "dynamodb",
        ),
        (
            slices.join("verifiedpermissions.json"),
            &["IsAuthorized"],
            "verifiedpermissions",
        ),
        (
            slices.join("lambda.json"),
            &["CreateFunctionUrlConfig", "CreateAlias"],
            "lambda",
        ),
        (
            botocore.join("chime-sdk-identity.json"),
            &["CreateAppInstance"],
            "botocore_chime",
        ),
        (
            botocore.join("servicecatalog-appregistry.json"),
            &["CreateApplication"],
            "botocore_appregistry",
        ),
        (
            botocore.join("connect.json"),
            &["ReplicateInstance"],
            "botocore_connect",
        ),
        (
            botocore.join("clouddirectory.json"),
            &["CreateSchema"],
            "botocore_clouddirectory",
        ),
        (botocore.join("iot.json"), &["CreateThing"], "botocore_iot"),
        (
            botocore.join("mediapackagev2.json"),
            &["CreateOriginEndpoint"],
            "botocore_mediapackagev2",
        ),
        (
            manifest.join("models/defaults.json"),
            &["ListReports"],
            "defaults",
        ),
    ];
    for (model, operations, module) in others {
        // Kinesis also gets `validate_input`, the dispatch by operation name.
        imports::import(&model, operations, module, module == "kinesis");
    }
}
