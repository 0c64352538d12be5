//! A loop over one benchmark case, for `perf record` or `valgrind --tool=callgrind`:
//! `cargo build --release -p aws-constraints-benches --example profile &&
//!  perf record ./target/release/examples/profile CreateAppInstance/valid-50-tags [ITERATIONS] [ours|garde|validator|hand-written|from-str|from-json]`

use aws_constraints_benches::with_shapes;

macro_rules! run {
    ($ours:ty, $garde:ty, $validator:ty, $case:expr, $iterations:expr, $who:expr) => {{
        let document = $case.document.clone();
        match $who {
            "garde" => {
                let value: $garde = serde_json::from_value(document).unwrap();
                (0..$iterations)
                    .filter(|_| garde::Validate::validate(std::hint::black_box(&value)).is_ok())
                    .count()
            }
            "validator" => {
                let value: $validator = serde_json::from_value(document).unwrap();
                (0..$iterations)
                    .filter(|_| validator::Validate::validate(std::hint::black_box(&value)).is_ok())
                    .count()
            }
            // What a user pays: deserialization alone, and with validation.
            "from-str" => {
                let text = serde_json::to_string(&document).unwrap();
                (0..$iterations)
                    .filter(|_| serde_json::from_str::<$ours>(std::hint::black_box(&text)).is_ok())
                    .count()
            }
            "from-json" => {
                let text = serde_json::to_string(&document).unwrap();
                (0..$iterations)
                    .filter(|_| {
                        aws_constraints::Validated::<$ours>::from_json(std::hint::black_box(&text))
                            .is_ok()
                    })
                    .count()
            }
            _ => {
                let value: $ours = serde_json::from_value(document).unwrap();
                (0..$iterations)
                    .filter(|_| {
                        aws_constraints::Validate::validate(std::hint::black_box(&value)).is_ok()
                    })
                    .count()
            }
        }
    }};
}

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args
        .next()
        .unwrap_or_else(|| "CreateAppInstance/valid-50-tags".into());
    let iterations: usize = args
        .next()
        .map_or(10_000_000, |n| n.parse().expect("a count"));
    let who = args.next().unwrap_or_else(|| "ours".into());
    let case = aws_constraints_benches::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let valid = if who == "hand-written" {
        // The floor the headline case is compared with (`hand_written`).
        let value: aws_constraints_models::chime::CreateAppInstanceRequest =
            serde_json::from_value(case.document.clone()).expect("a CreateAppInstance case");
        (0..iterations)
            .filter(|_| {
                aws_constraints_benches::hand_written::is_valid(std::hint::black_box(&value))
            })
            .count()
    } else {
        with_shapes!(case.operation, run!(&case, iterations, who.as_str()))
    };
    println!("{valid} valid of {iterations}");
}
