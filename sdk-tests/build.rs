//! Imports the input types of one operation of a service per AWS protocol, as a user's
//! build script does, from slices of AWS's models: `OUT_DIR/<service>.rs`, included by
//! `tests/protocols.rs`.

use std::path::Path;

/// Each service: its slice (from this crate's folder), the operation imported.
const IMPORTS: &[(&str, &str, &str)] = &[
    // The server crate's slices (their license beside them).
    (
        "dynamodb",
        "../server/tests/models/dynamodb.json",
        "ExecuteStatement",
    ),
    ("kms", "../server/tests/models/kms.json", "GenerateRandom"),
    ("sts", "../server/tests/models/sts.json", "AssumeRole"),
    (
        "lambda",
        "../server/tests/models/lambda.json",
        "CreateAlias",
    ),
    (
        "route53",
        "../server/tests/models/route53.json",
        "GetHostedZone",
    ),
    // This crate's (models/, with their license).
    ("ec2", "models/ec2.json", "CreateTags"),
    ("cloudwatch", "models/cloudwatch.json", "SetAlarmState"),
];

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for (service, slice, operation) in IMPORTS {
        println!("cargo::rerun-if-changed={slice}");
        let model = std::fs::read_to_string(slice).unwrap_or_else(|e| panic!("{slice}: {e}"));
        aws_constraints_codegen::Builder::new()
            .model_json(model)
            .operation(*operation)
            .write_to(Path::new(&out).join(format!("{service}.rs")))
            .unwrap_or_else(|e| panic!("{slice}: {e}"));
    }
}
