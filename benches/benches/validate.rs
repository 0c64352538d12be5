//! `validate()` of the same shapes on the same data: ours, garde, validator.
//!
//! `cargo bench -p aws-constraints-benches --bench validate`

use std::hint::black_box;
use std::time::Duration;

use aws_constraints_benches::{cases, with_shapes};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

macro_rules! bench_three {
    ($ours:ty, $garde:ty, $validator:ty, $_imported:ty, $c:expr, $case:expr) => {{
        let case = $case;
        let ours: $ours = serde_json::from_value(case.document.clone()).unwrap();
        let garde: $garde = serde_json::from_value(case.document.clone()).unwrap();
        let validator: $validator = serde_json::from_value(case.document.clone()).unwrap();
        let mut group = $c.benchmark_group(case.name);
        if case.name.starts_with("Metadata/") {
            group.throughput(Throughput::Bytes(
                case.document["Metadata"].as_str().map_or(0, str::len) as u64,
            ));
        }
        group.bench_function("aws-constraints", |b| {
            b.iter(|| aws_constraints::Validate::validate(black_box(&ours)).is_ok())
        });
        group.bench_function("garde", |b| {
            b.iter(|| garde::Validate::validate(black_box(&garde)).is_ok())
        });
        group.bench_function("validator", |b| {
            b.iter(|| validator::Validate::validate(black_box(&validator)).is_ok())
        });
        group.finish();
    }};
}

fn three_way(c: &mut Criterion) {
    for case in cases() {
        with_shapes!(case.operation, bench_three!(c, &case));
    }
}

/// A value far over its maximum is rejected from its byte length alone, and a long valid
/// one is checked at memory-bandwidth-like speed.
fn long_strings(c: &mut Criterion) {
    use aws_constraints_models::chime::CreateAppInstanceRequest;
    let mut group = c.benchmark_group("long-strings");
    for (label, name) in [
        ("Name-1KiB-over-max-256", "n".repeat(1024)),
        ("Name-100MB-over-max-256", "n".repeat(100_000_000)),
    ] {
        let request = CreateAppInstanceRequest {
            name: Some(name),
            client_request_token: Some("token-123".into()),
            ..Default::default()
        };
        group.bench_function(label, |b| {
            b.iter(|| aws_constraints::Validate::validate(black_box(&request)).is_err())
        });
    }
    for (label, metadata) in [
        ("Metadata-1MiB-ascii", "m".repeat(1 << 20)),
        ("Metadata-1MiB-multibyte", "é日😀".repeat((1 << 20) / 9)),
    ] {
        let request = CreateAppInstanceRequest {
            name: Some("app".into()),
            metadata: Some(metadata),
            client_request_token: Some("token-123".into()),
            ..Default::default()
        };
        let bytes = request.metadata.as_deref().map_or(0, str::len) as u64;
        group.throughput(Throughput::Bytes(bytes));
        // Over the 1 KiB maximum: the length check rejects without reading the value.
        group.bench_function(label, |b| {
            b.iter(|| aws_constraints::Validate::validate(black_box(&request)).is_err())
        });
        let pattern = aws_constraints::pattern::Pattern::new(".*").unwrap();
        let text = request.metadata.clone().unwrap_or_default();
        group.bench_function(format!("{label}-pattern-only"), |b| {
            b.iter(|| pattern.is_match(black_box(&text)))
        });
    }
    group.finish();
}

/// The headline case against the hand-written floor, in the same run.
fn floor(c: &mut Criterion) {
    use aws_constraints_models::chime::CreateAppInstanceRequest;
    let case = cases()
        .into_iter()
        .find(|c| c.name == "CreateAppInstance/valid-50-tags")
        .expect("the headline case");
    let request: CreateAppInstanceRequest = serde_json::from_value(case.document).unwrap();
    assert!(aws_constraints_benches::hand_written::is_valid(&request));
    let mut group = c.benchmark_group("floor/CreateAppInstance-valid-50-tags");
    group.bench_function("aws-constraints", |b| {
        b.iter(|| aws_constraints::Validate::validate(black_box(&request)).is_ok())
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| aws_constraints_benches::hand_written::is_valid(black_box(&request)))
    });
    group.finish();
}

/// What validation adds to deserialization, the cost a user pays: `Validated::from_json`
/// against `serde_json::from_str` alone, on each operation's valid document.
fn deserialize_then_validate(c: &mut Criterion) {
    macro_rules! pair {
        ($ours:ty, $_garde:ty, $_validator:ty, $_imported:ty, $case:expr) => {{
            let text = serde_json::to_string(&$case.document).unwrap();
            let mut group = c.benchmark_group(format!("from-json/{}", $case.name));
            group.bench_function("serde_json", |b| {
                b.iter(|| serde_json::from_str::<$ours>(black_box(&text)).is_ok())
            });
            group.bench_function("validated", |b| {
                b.iter(|| aws_constraints::Validated::<$ours>::from_json(black_box(&text)).is_ok())
            });
            group.finish();
        }};
    }
    for case in valid_operation_cases() {
        with_shapes!(case.operation, pair!(case));
    }
}

/// The importer's validators against the hand-written `models/`, on each operation's valid
/// documents: what a user who imports an operation instead of declaring it pays.
fn generated(c: &mut Criterion) {
    macro_rules! pair {
        ($handwritten:ty, $_garde:ty, $_validator:ty, $imported:ty, $case:expr) => {{
            let imported: $imported = serde_json::from_value($case.document.clone()).unwrap();
            let handwritten: $handwritten = serde_json::from_value($case.document.clone()).unwrap();
            let mut group = c.benchmark_group(format!("generated/{}", $case.name));
            group.bench_function("models", |b| {
                b.iter(|| aws_constraints::Validate::validate(black_box(&handwritten)).is_ok())
            });
            group.bench_function("imported", |b| {
                b.iter(|| aws_constraints::Validate::validate(black_box(&imported)).is_ok())
            });
            group.finish();
        }};
    }
    for case in valid_operation_cases() {
        with_shapes!(case.operation, pair!(case));
    }
}

/// The valid documents of the five operations (not the long `Metadata` cases).
fn valid_operation_cases() -> impl Iterator<Item = aws_constraints_benches::Case> {
    cases()
        .into_iter()
        .filter(|c| c.valid && !c.name.starts_with("Metadata/"))
}

/// Shapes beyond the five operations: a batch of blobs and a recursive document, valid.
/// The peers have no blob or union shape to compare with.
fn shapes(c: &mut Criterion) {
    use aws_constraints::{Blob, Validate};
    use std::collections::HashMap;

    #[derive(Validate)]
    struct Entry {
        #[required]
        #[len(0, 1048576)]
        data: Option<Blob>,
        #[required]
        #[len(1, 256)]
        partition_key: Option<String>,
    }
    #[derive(Validate)]
    struct Batch {
        #[len(1, 500)]
        #[nested]
        records: Vec<Entry>,
    }
    #[derive(Validate)]
    enum Value {
        S(String),
        #[keys(len(0, 65535))]
        #[nested]
        M(HashMap<String, Value>),
        #[nested]
        L(Vec<Value>),
    }

    let batch = Batch {
        records: (0..100)
            .map(|i| Entry {
                data: Some(Blob(vec![7; 1024])),
                partition_key: Some(format!("key-{i}")),
            })
            .collect(),
    };
    let mut item = Value::S("leaf".into());
    for depth in 0..10 {
        item = if depth % 2 == 0 {
            Value::L(vec![item, Value::S("x".into())])
        } else {
            Value::M(HashMap::from([("k".to_owned(), item)]))
        };
    }
    let mut group = c.benchmark_group("shapes");
    group.bench_function("blobs-100x1KiB", |b| {
        b.iter(|| black_box(&batch).validate().is_ok())
    });
    group.bench_function("recursive-depth-10", |b| {
        b.iter(|| black_box(&item).validate().is_ok())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = three_way, long_strings, floor, deserialize_then_validate, generated, shapes
}
criterion_main!(benches);
