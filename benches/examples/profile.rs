//! A loop over one benchmark case, for `perf record` or `valgrind --tool=callgrind`:
//! `cargo build --release -p aws-constraints-benches --example profile &&
//!  perf record ./target/release/examples/profile CreateAppInstance/valid-50-tags [ITERATIONS] [ours|garde|validator|hand-written|from-str|from-json|overhead]`
//!
//! `overhead` times `Validated::from_json` against `serde_json::from_str` in alternating
//! bursts, ITERATIONS rounds, and prints the medians.

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
            // From_json against from_str in alternating bursts, so that both see the same
            // machine: on a shared machine that a criterion group measures one after the
            // other, the load can change between them.
            "overhead" => {
                let text = serde_json::to_string(&document).unwrap();
                overhead(
                    $iterations,
                    2000,
                    || serde_json::from_str::<$ours>(std::hint::black_box(&text)).is_ok(),
                    || {
                        aws_constraints::Validated::<$ours>::from_json(std::hint::black_box(&text))
                            .is_ok()
                    },
                );
                0
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

/// Runs `rounds` rounds of a burst of `base` calls then a burst of `measured` calls, and
/// prints the medians of their times per call and of their ratio.
fn overhead(
    rounds: usize,
    burst: u32,
    mut base: impl FnMut() -> bool,
    mut measured: impl FnMut() -> bool,
) {
    let time = |f: &mut dyn FnMut() -> bool| {
        let start = std::time::Instant::now();
        for _ in 0..burst {
            std::hint::black_box(f());
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(burst)
    };
    let samples: Vec<(f64, f64)> = (0..rounds.max(1))
        .map(|_| (time(&mut base), time(&mut measured)))
        .collect();
    let median = |values: Vec<f64>| {
        let mut values = values;
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    println!(
        "base {:.1} ns, measured {:.1} ns, ratio {:.3} (medians of {} rounds)",
        median(samples.iter().map(|s| s.0).collect()),
        median(samples.iter().map(|s| s.1).collect()),
        median(samples.iter().map(|(b, m)| m / b).collect()),
        samples.len(),
    );
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
