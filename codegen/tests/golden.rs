//! What the importer writes, committed: each model of `table/golden.rs` (slices of AWS's models under
//! `tests/models/`, with their license) imported into `tests/golden/<module>.rs`, which the
//! workspace's `tests` and `benches` crates compile and test. This test imports each model
//! again and compares, so that any change to the importer's output is a reviewed diff.
//!
//! After an intended change: `AWS_CONSTRAINTS_BLESS=1 cargo test -p aws-constraints-codegen
//! --test golden`, then read the diff of `codegen/tests/golden/`.

use std::path::{Path, PathBuf};

/// One golden file: the model (relative to the workspace's `tests/models/`), the operations
/// imported, and the module written (with `validate_input`, by which the differential tests
/// call its types by operation name).
struct Golden {
    model: &'static str,
    operations: &'static [&'static str],
    module: &'static str,
}

macro_rules! golden_table {
    ($($module:ident: $model:literal, [$($operation:literal),*];)*) => {
        const GOLDEN: &[Golden] = &[$(Golden {
            model: $model,
            operations: &[$($operation),*],
            module: stringify!($module),
        }),*];
    };
}

include!("table/golden.rs");

fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models")
}

fn golden_file(module: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{module}.rs"))
}

fn import(golden: &Golden) -> String {
    let model = models().join(golden.model);
    let text = std::fs::read_to_string(&model)
        .unwrap_or_else(|e| panic!("reading {}: {e}", model.display()));
    golden
        .operations
        .iter()
        .fold(
            aws_constraints_codegen::Builder::new()
                .model_json(text)
                .dispatch(true),
            |builder, operation| builder.operation(*operation),
        )
        .generate()
        .unwrap_or_else(|e| panic!("importing {:?}: {e}", golden.operations))
}

#[test]
fn the_importer_writes_the_golden_files() {
    let bless = std::env::var_os("AWS_CONSTRAINTS_BLESS").is_some();
    let mut stale = Vec::new();
    for golden in GOLDEN {
        let code = import(golden);
        let path = golden_file(golden.module);
        if bless {
            std::fs::write(&path, &code).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "the importer's output differs from {stale:?}: rerun with AWS_CONSTRAINTS_BLESS=1 and \
         review the diff"
    );
}

/// Every golden file is one the table writes: none is left behind by a removed entry.
#[test]
fn every_golden_file_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let module = name.trim_end_matches(".rs");
        assert!(
            GOLDEN.iter().any(|g| g.module == module),
            "{name} is not written by the table"
        );
    }
}
