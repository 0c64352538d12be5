//! Imports operations with `aws-constraints-codegen` for the tests: the five operations from
//! AWS's Smithy models (in `shared/` beside the checkout) for `tests/imported.rs`, slices of
//! AWS's models (`models/aws/`, cut by `scripts/slice-model.py`) for the real messages of
//! `tests/imported_messages.rs`, and `models/defaults.json`.

use std::path::Path;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aws = manifest.join("../../shared/reference/aws-smithy-models");
    let slices = manifest.join("models/aws");
    let botocore = manifest.join("models/botocore");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let imports = [
        (
            aws.join("chime-sdk-identity-2021-04-20.json"),
            &["CreateAppInstance"][..],
            "chime",
        ),
        (
            aws.join("service-catalog-appregistry-2020-06-24.json"),
            &["CreateApplication"],
            "appregistry",
        ),
        (
            aws.join("connect-2017-08-08.json"),
            &["ReplicateInstance"],
            "connect",
        ),
        (
            aws.join("clouddirectory-2017-01-11.json"),
            &["CreateSchema"],
            "clouddirectory",
        ),
        (aws.join("iot-2015-05-28.json"), &["CreateThing"], "iot"),
        (
            aws.join("iot-2015-05-28.json"),
            &["UpdateIndexingConfiguration"],
            "iot_indexing",
        ),
        (slices.join("acm.json"), &["RequestCertificate"], "acm"),
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
    // Kinesis also gets `validate_input`, the dispatch by operation name.
    for (path, operations, module) in imports {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the shared reference models belong beside the checkout)",
                path.display()
            )
        });
        operations
            .iter()
            .fold(
                aws_constraints_codegen::Builder::new()
                    .model_json(text)
                    .dispatch(module == "kinesis"),
                |builder, operation| builder.operation(*operation),
            )
            .write_to(Path::new(&out).join(format!("{module}.rs")))
            .unwrap_or_else(|e| panic!("importing {operations:?}: {e}"));
    }
}
