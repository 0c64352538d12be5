//! Imports the five operations from AWS's Smithy models (in `shared/` beside the checkout)
//! with `aws-constraints-codegen`, for `tests/imported.rs`, and the models of `models/`,
//! which exercise what the five operations do not use.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aws = manifest.join("../../shared/reference/aws-smithy-models");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let imports: [(PathBuf, &str, &str); 6] = [
        (
            aws.join("chime-sdk-identity-2021-04-20.json"),
            "CreateAppInstance",
            "chime",
        ),
        (
            aws.join("service-catalog-appregistry-2020-06-24.json"),
            "CreateApplication",
            "appregistry",
        ),
        (
            aws.join("connect-2017-08-08.json"),
            "ReplicateInstance",
            "connect",
        ),
        (
            aws.join("clouddirectory-2017-01-11.json"),
            "CreateSchema",
            "clouddirectory",
        ),
        (aws.join("iot-2015-05-28.json"), "CreateThing", "iot"),
        (
            manifest.join("models/defaults.json"),
            "ListReports",
            "defaults",
        ),
    ];
    for (path, operation, module) in imports {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the shared reference models belong beside the checkout)",
                path.display()
            )
        });
        aws_constraints_codegen::Builder::new()
            .model_json(text)
            .operation(operation)
            .write_to(Path::new(&out).join(format!("{module}.rs")))
            .unwrap_or_else(|e| panic!("importing {operation}: {e}"));
    }
}
