//! What the build scripts of `tests` and `benches` share: the five operations of the
//! specification, each with the slice of AWS's Smithy model it is imported from (in
//! `tests/models/aws/`, cut by `scripts/slice-model.py`), and the import itself.
//!
//! Only files inside the repository are read, so a fresh clone builds and tests on its own.

use std::path::{Path, PathBuf};

/// The folder of the slices of AWS's Smithy models.
pub fn aws_slices() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models/aws")
}

/// The five operations: the slice (in [`aws_slices`]), the operation, and the module the
/// generated types are written to (`$OUT_DIR/<module>.rs`).
pub const FIVE_OPERATIONS: [(&str, &str, &str); 5] = [
    ("chime-sdk-identity.json", "CreateAppInstance", "chime"),
    (
        "service-catalog-appregistry.json",
        "CreateApplication",
        "appregistry",
    ),
    ("connect.json", "ReplicateInstance", "connect"),
    ("clouddirectory.json", "CreateSchema", "clouddirectory"),
    ("iot.json", "CreateThing", "iot"),
];

/// Imports `operations` of the model at `model` into `$OUT_DIR/<module>.rs`, with the
/// dispatch by operation name when `dispatch` is set; rebuilds when the model changes.
pub fn import(model: &Path, operations: &[&str], module: &str, dispatch: bool) {
    println!("cargo::rerun-if-changed={}", model.display());
    let text = std::fs::read_to_string(model)
        .unwrap_or_else(|e| panic!("reading the model {}: {e}", model.display()));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    operations
        .iter()
        .fold(
            aws_constraints_codegen::Builder::new()
                .model_json(text)
                .dispatch(dispatch),
            |builder, operation| builder.operation(*operation),
        )
        .write_to(Path::new(&out).join(format!("{module}.rs")))
        .unwrap_or_else(|e| panic!("importing {operations:?} from {}: {e}", model.display()));
}
