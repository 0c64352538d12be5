//! The model-driven validator (`aws-constraints-schema`) against the importer's types, on
//! the five operations' cases: each reads the same parsed `serde_json::Value` (by
//! reference: the types through serde's `Deserialize` for `&Value`) and validates it. Then
//! the cost of building a validator from each operation's model slice.
//!
//! `cargo bench -p aws-constraints-benches --bench model_driven`

use std::hint::black_box;
use std::time::Duration;

use aws_constraints::Validated;
use aws_constraints_benches::{cases, with_shapes};
use aws_constraints_schema::Validator;
use criterion::{criterion_group, criterion_main, Criterion};

/// Each operation's model: the slice of AWS's Smithy model its golden module comes from.
fn model(operation: &str) -> &'static str {
    match operation {
        "CreateAppInstance" => include_str!("../../tests/models/aws/chime-sdk-identity.json"),
        "CreateApplication" => {
            include_str!("../../tests/models/aws/service-catalog-appregistry.json")
        }
        "ReplicateInstance" => include_str!("../../tests/models/aws/connect.json"),
        "CreateSchema" => include_str!("../../tests/models/aws/clouddirectory.json"),
        "CreateThing" => include_str!("../../tests/models/aws/iot.json"),
        other => panic!("no model for {other}"),
    }
}

macro_rules! bench_both {
    ($_ours:ty, $_garde:ty, $_validator:ty, $imported:ty, $c:expr, $case:expr, $driven:expr) => {{
        let case = $case;
        let mut group = $c.benchmark_group(format!("model-driven/{}", case.name));
        group.bench_function("imported-types", |b| {
            b.iter(|| {
                <$imported as serde::Deserialize>::deserialize(black_box(&case.document))
                    .map(|value| aws_constraints::Validate::validate(&value).is_ok())
                    .unwrap_or(false)
            })
        });
        group.bench_function("validator", |b| {
            b.iter(|| {
                $driven
                    .validate(case.operation, black_box(&case.document))
                    .is_ok()
            })
        });
        group.finish();
    }};
}

fn side_by_side(c: &mut Criterion) {
    for case in cases() {
        let driven = Validator::from_json(model(case.operation)).unwrap();
        // The same verdict, or the comparison means nothing.
        let typed_ok = with_shapes!(case.operation, verdict!(&case));
        assert_eq!(
            typed_ok,
            driven.validate(case.operation, &case.document).is_ok(),
            "{}",
            case.name
        );
        with_shapes!(case.operation, bench_both!(c, &case, driven));
    }
}

macro_rules! verdict {
    ($_ours:ty, $_garde:ty, $_validator:ty, $imported:ty, $case:expr) => {
        Validated::<$imported>::from_value($case.document.clone()).is_ok()
    };
}
use verdict;

fn building(c: &mut Criterion) {
    let mut group = c.benchmark_group("model-driven/build");
    for operation in [
        "CreateAppInstance",
        "CreateApplication",
        "ReplicateInstance",
        "CreateSchema",
        "CreateThing",
    ] {
        let text = model(operation);
        group.bench_function(operation, |b| {
            b.iter(|| Validator::from_json(black_box(text)).unwrap())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    targets = side_by_side, building
}
criterion_main!(benches);
