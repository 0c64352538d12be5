//! The server layer: a request read by its protocol, checked, and (when invalid) answered,
//! per protocol, on slices of AWS's models (`server/tests/models/`), against reading the
//! same input document alone with the model-driven validator.
//!
//! `cargo bench -p aws-constraints-benches --bench server`

use aws_constraints_schema::Validator;
use aws_constraints_server::Service;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn model(name: &str) -> String {
    let path = format!(
        "{}/../server/tests/models/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

struct Case {
    name: &'static str,
    model: &'static str,
    operation: &'static str,
    request: fn() -> http::Request<Vec<u8>>,
    /// The input document the request carries, for the validator alone.
    document: &'static str,
}

fn aws_json(target: &str, version: &str, body: &str) -> http::Request<Vec<u8>> {
    http::Request::post("/")
        .header("x-amz-target", target)
        .header("content-type", format!("application/x-amz-json-{version}"))
        .body(body.as_bytes().to_vec())
        .unwrap()
}

const CASES: &[Case] = &[
    Case {
        name: "awsJson1_0 DynamoDB ExecuteStatement, valid",
        model: "dynamodb",
        operation: "ExecuteStatement",
        request: || {
            aws_json(
                "DynamoDB_20120810.ExecuteStatement",
                "1.0",
                r#"{"Statement": "SELECT * FROM t WHERE k = ?", "Parameters": [{"S": "v"}], "Limit": 10}"#,
            )
        },
        document: r#"{"Statement": "SELECT * FROM t WHERE k = ?", "Parameters": [{"S": "v"}], "Limit": 10}"#,
    },
    Case {
        name: "awsJson1_0 DynamoDB ExecuteStatement, invalid",
        model: "dynamodb",
        operation: "ExecuteStatement",
        request: || {
            aws_json(
                "DynamoDB_20120810.ExecuteStatement",
                "1.0",
                r#"{"Statement": "SELECT * FROM t", "Parameters": []}"#,
            )
        },
        document: r#"{"Statement": "SELECT * FROM t", "Parameters": []}"#,
    },
    Case {
        name: "awsJson1_1 KMS GenerateRandom, invalid",
        model: "kms",
        operation: "GenerateRandom",
        request: || {
            aws_json(
                "TrentService.GenerateRandom",
                "1.1",
                r#"{"NumberOfBytes": 0}"#,
            )
        },
        document: r#"{"NumberOfBytes": 0}"#,
    },
    Case {
        name: "awsQuery STS AssumeRole, valid",
        model: "sts",
        operation: "AssumeRole",
        request: || {
            http::Request::post("/")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(
                    b"Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s&Tags.member.1.Key=k&Tags.member.1.Value=v"
                        .to_vec(),
                )
                .unwrap()
        },
        document: r#"{"RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "s", "Tags": [{"Key": "k", "Value": "v"}]}"#,
    },
    Case {
        name: "restJson1 Lambda CreateAlias, valid",
        model: "lambda",
        operation: "CreateAlias",
        request: || {
            http::Request::post("/2015-03-31/functions/my-function/aliases")
                .header("content-type", "application/json")
                .body(br#"{"Name": "live", "FunctionVersion": "1"}"#.to_vec())
                .unwrap()
        },
        document: r#"{"FunctionName": "my-function", "Name": "live", "FunctionVersion": "1"}"#,
    },
    Case {
        name: "restJson1 Lambda CreateAlias, invalid",
        model: "lambda",
        operation: "CreateAlias",
        request: || {
            http::Request::post("/2015-03-31/functions/my-function/aliases")
                .header("content-type", "application/json")
                .body(br#"{"Name": "2024", "FunctionVersion": "1"}"#.to_vec())
                .unwrap()
        },
        document: r#"{"FunctionName": "my-function", "Name": "2024", "FunctionVersion": "1"}"#,
    },
];

fn server(c: &mut Criterion) {
    let mut group = c.benchmark_group("server");
    for case in CASES {
        let text = model(case.model);
        let service = Service::from_json(&text).unwrap();
        let validator = Validator::from_json(&text).unwrap();
        let request = (case.request)();
        let document: serde_json::Value = serde_json::from_str(case.document).unwrap();
        // Both agree on the verdict before they are timed.
        assert_eq!(
            service.accept(&request).is_ok(),
            validator.validate(case.operation, &document).is_ok(),
            "{}",
            case.name
        );
        group.bench_function(format!("{} / request, answered", case.name), |b| {
            b.iter(|| match service.accept(black_box(&request)) {
                Ok(input) => black_box(service.acknowledge(&input)),
                Err(rejection) => black_box(service.respond_to(&request, &rejection)),
            })
        });
        group.bench_function(format!("{} / document alone", case.name), |b| {
            b.iter(|| black_box(validator.validate(case.operation, black_box(&document))))
        });
    }
    group.finish();
}

criterion_group!(benches, server);
criterion_main!(benches);
