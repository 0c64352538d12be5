//! Matching time of every AWS pattern on adversarial input, to show it is linear.
//!
//! `cargo bench -p aws-constraints-benches --bench redos`
//!
//! For each of the 4,876 corpus patterns that compiles, and for each of several filler
//! characters, the value is a run of that character followed by `!` (which most patterns
//! reject), at 100 KB and 1 MB. A backtracking engine takes super-linear time on some of
//! these (`^([0-9]+)+$` on `000..0!` is the classic); here the 1 MB value must take about
//! ten times as long as the 100 KB one. Prints the slowest pattern's throughput and the
//! largest 1 MB / 100 KB time ratio.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aws_constraints::pattern::Pattern;

const CORPUS: &str = include_str!("../../aws-constraints-pattern/tests/data/aws-patterns.txt");
const FILLERS: [&str; 6] = ["a", "0", "A", " ", "-", "é"];

fn time(pattern: &Pattern, value: &str) -> Duration {
    // The best of three runs: the machine is shared and noisy.
    (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(pattern.is_match(black_box(value)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let values: Vec<(String, String)> = FILLERS
        .iter()
        .map(|f| {
            let small = f.repeat(100_000 / f.len()) + "!";
            let large = f.repeat(1_000_000 / f.len()) + "!";
            (small, large)
        })
        .collect();
    let mut compiled = 0;
    let mut slowest = (f64::INFINITY, String::new(), "");
    let mut worst_ratio = (0.0f64, String::new(), "");
    let started = Instant::now();
    for line in CORPUS.lines() {
        let source: String = serde_json::from_str(line).expect("corpus line is a JSON string");
        let Ok(pattern) = Pattern::new(&source) else {
            continue;
        };
        compiled += 1;
        for (filler, (small, large)) in FILLERS.iter().zip(&values) {
            let t_small = time(&pattern, small).as_secs_f64();
            let t_large = time(&pattern, large).as_secs_f64();
            let mb_per_s = large.len() as f64 / 1e6 / t_large.max(1e-9);
            if mb_per_s < slowest.0 {
                slowest = (mb_per_s, source.clone(), filler);
            }
            // Sub-microsecond timings are rejected early and say nothing about growth.
            if t_small > 20e-6 {
                let ratio = t_large / t_small;
                if ratio > worst_ratio.0 {
                    worst_ratio = (ratio, source.clone(), filler);
                }
            }
        }
    }
    println!(
        "patterns timed: {compiled}, inputs per pattern: {}",
        FILLERS.len() * 2
    );
    println!(
        "slowest: {:.0} MB/s on 1 MB of {:?} then '!', pattern {:?}",
        slowest.0, slowest.2, slowest.1
    );
    println!(
        "largest 1 MB / 100 KB time ratio: {:.1} (linear is 10), pattern {:?} with {:?}",
        worst_ratio.0, worst_ratio.1, worst_ratio.2
    );
    println!("total: {:.1} s", started.elapsed().as_secs_f64());
}
