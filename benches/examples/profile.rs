//! One benchmark case, looped for a profiler or timed in alternation with others.
//!
//! `cargo build --release -p aws-constraints-benches --example profile`, then
//! `./target/release/examples/profile CASE [ITERATIONS] [WHO]` (`--list` names the cases):
//!
//! - `WHO` one of `ours`, `imported`, `garde`, `validator`, `hand-written` (the floor, on the
//!   `CreateAppInstance`, `ReplicateInstance` and `CreateSchema` cases), `from-str` (`serde_json::from_str` alone), `from-json`
//!   (`Validated::from_json`): loops it ITERATIONS times, for
//!   `valgrind --tool=callgrind` (instructions, which the machine's load does not move:
//!   subtract a run of N from one of 2N) or `perf record`.
//! - `WHO` several, comma-separated (`ours,garde,validator`, `from-str,from-json`,
//!   `hand-written,ours`): ITERATIONS rounds of a burst of calls of each in turn; prints each
//!   one's median time and median ratio to the first. On a shared machine whose load changes
//!   from second to second, alternating short bursts compares the contenders under the same
//!   load, which criterion's groups, measured one after the other, cannot.

use aws_constraints_benches::{with_shapes, Case};

/// A contender: one call, answering whether the case was valid.
type Call<'a> = Box<dyn FnMut() -> bool + 'a>;

macro_rules! contender {
    ($ours:ty, $garde:ty, $validator:ty, $imported:ty, $case:expr, $who:expr) => {{
        let document = $case.document.clone();
        let text = serde_json::to_string(&document).unwrap();
        let call: Call<'static> = match $who {
            "ours" => validate::<$ours>(document),
            "imported" => validate::<$imported>(document),
            "garde" => {
                let value: $garde = serde_json::from_value(document).unwrap();
                Box::new(move || garde::Validate::validate(std::hint::black_box(&value)).is_ok())
            }
            "validator" => {
                let value: $validator = serde_json::from_value(document).unwrap();
                Box::new(move || {
                    validator::Validate::validate(std::hint::black_box(&value)).is_ok()
                })
            }
            "hand-written" => {
                aws_constraints_benches::hand_written::contender($case.operation, document)
                    .unwrap_or_else(|| panic!("no hand-written floor for {}", $case.operation))
            }
            "from-str" => {
                Box::new(move || serde_json::from_str::<$ours>(std::hint::black_box(&text)).is_ok())
            }
            "from-json" => Box::new(move || {
                aws_constraints::Validated::<$ours>::from_json(std::hint::black_box(&text)).is_ok()
            }),
            other => panic!("no contender {other}"),
        };
        call
    }};
}

/// Validates `document` read as a `T`.
fn validate<T>(document: serde_json::Value) -> Call<'static>
where
    T: aws_constraints::Validate + serde::de::DeserializeOwned + 'static,
{
    let value: T = serde_json::from_value(document).unwrap();
    Box::new(move || aws_constraints::Validate::validate(std::hint::black_box(&value)).is_ok())
}

fn contender(case: &Case, who: &str) -> Call<'static> {
    with_shapes!(case.operation, contender!(case, who))
}

/// `rounds` rounds of a burst of calls of each contender in turn: each one's median time
/// per call, and the median of its ratio to the first one's.
fn alternate(rounds: usize, contenders: &mut [(&str, Call<'_>)]) {
    const BURST: u32 = 2000;
    let time = |call: &mut Call<'_>| {
        let start = std::time::Instant::now();
        for _ in 0..BURST {
            std::hint::black_box(call());
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(BURST)
    };
    let samples: Vec<Vec<f64>> = (0..rounds.max(1))
        .map(|_| contenders.iter_mut().map(|(_, call)| time(call)).collect())
        .collect();
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    for (k, (who, _)) in contenders.iter().enumerate() {
        println!(
            "{who}: {:.1} ns, {:.3}x the first (medians of {} rounds)",
            median(samples.iter().map(|round| round[k]).collect()),
            median(samples.iter().map(|round| round[k] / round[0]).collect()),
            samples.len(),
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args
        .next()
        .unwrap_or_else(|| "CreateAppInstance/valid-50-tags".into());
    if name == "--list" {
        for case in aws_constraints_benches::cases() {
            println!("{}", case.name);
        }
        return;
    }
    let iterations: usize = args
        .next()
        .map_or(10_000_000, |n| n.parse().expect("a count"));
    let who = args.next().unwrap_or_else(|| "ours".into());
    let case = aws_constraints_benches::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let mut contenders: Vec<(&str, Call<'_>)> = who
        .split(',')
        .map(|who| (who, contender(&case, who)))
        .collect();
    if let [(_, call)] = contenders.as_mut_slice() {
        let valid = (0..iterations).filter(|_| call()).count();
        println!("{valid} valid of {iterations}");
    } else {
        alternate(iterations, &mut contenders);
    }
}
