//! Imports the five operations from AWS's Smithy models (in `shared/` beside the checkout)
//! with `aws-constraints-codegen`, so that the benches compare generated validators with
//! the hand-written `models/`.

use std::path::Path;

fn main() {
    let models =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reference/aws-smithy-models");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (file, operation, module) in [
        (
            "chime-sdk-identity-2021-04-20.json",
            "CreateAppInstance",
            "chime",
        ),
        (
            "service-catalog-appregistry-2020-06-24.json",
            "CreateApplication",
            "appregistry",
        ),
        ("connect-2017-08-08.json", "ReplicateInstance", "connect"),
        (
            "clouddirectory-2017-01-11.json",
            "CreateSchema",
            "clouddirectory",
        ),
        ("iot-2015-05-28.json", "CreateThing", "iot"),
    ] {
        let path = models.join(file);
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
