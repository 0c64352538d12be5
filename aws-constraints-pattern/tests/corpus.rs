//! Every distinct pattern of every AWS service model (botocore 1.44.5) through the compiler.
//!
//! Run with `-- --nocapture` to see the counts by outcome.

use std::collections::BTreeMap;

use aws_constraints_pattern::{AsciiShortcut, Guard, Pattern};

const CORPUS: &str = include_str!("data/aws-patterns.txt");

fn corpus() -> Vec<String> {
    CORPUS.lines().map(decode_line).collect()
}

/// Decodes one line of the corpus: a JSON string.
fn decode_line(line: &str) -> String {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {line:?}: {e}"))
}

#[test]
fn corpus_compiles() {
    let patterns = corpus();
    assert_eq!(patterns.len(), 4876);
    let mut rejected: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut engines: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut dense, mut dense_with_runs) = (0, 0);
    for p in &patterns {
        match Pattern::new(p) {
            Ok(pattern) => {
                *engines.entry(pattern.engine()).or_default() += 1;
                let (all, with_runs) = pattern.dense_dfas_with_runs();
                dense += all;
                dense_with_runs += with_runs;
            }
            Err(e) => rejected
                .entry(format!("{:?}: {}", e.kind(), e.message()))
                .or_default()
                .push(p),
        }
    }
    let failed: usize = rejected.values().map(Vec::len).sum();
    println!(
        "{} patterns: {} compile ({engines:?}), {} rejected",
        patterns.len(),
        patterns.len() - failed,
        failed
    );
    println!("dense DFAs, every branch counted: {dense}, {dense_with_runs} with a forced run");
    // The rest are the three with back-references, which are not regular: each compiles
    // when backtracking is opted into.
    assert!(failed <= 3, "{failed} patterns rejected");
    for p in rejected.values().flatten() {
        let opted_in = Pattern::with_backtracking(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert_eq!(opted_in.engine(), "bounded backtracking");
    }
    println!(
        "with `backtracking` opted into, all {} compile",
        patterns.len()
    );
    for (reason, list) in &rejected {
        println!("  {:4}  {reason}", list.len());
        for p in list.iter().take(3) {
            println!("          {p}");
        }
    }
}

/// The derive writes each class run's shortcut as a constant built from its parts: for
/// every such pattern of AWS's, the parts rebuild the same shortcut.
#[test]
fn every_shortcut_is_rebuilt_from_its_parts() {
    let (mut shortcuts, mut guarded) = (0, 0);
    for p in corpus() {
        let Some(shortcut) = Pattern::new(&p).ok().and_then(|p| p.ascii_shortcut()) else {
            continue;
        };
        let mut written = AsciiShortcut::new(
            shortcut.members(),
            shortcut.beyond_ascii(),
            shortcut.min(),
            shortcut.max(),
        );
        if let Some(guard) = shortcut.guard() {
            let literal = guard.literal();
            written = written.with_guard(match (guard.at_end(), guard.must_match()) {
                (false, true) => Guard::starting_with(literal),
                (false, false) => Guard::not_starting_with(literal),
                (true, true) => Guard::ending_with(literal),
                (true, false) => Guard::not_ending_with(literal),
            });
            guarded += 1;
        }
        assert_eq!(written, shortcut, "{p}");
        shortcuts += 1;
    }
    println!("{shortcuts} patterns with an ASCII shortcut, {guarded} of them guarded");
    assert!(shortcuts > 1000, "{shortcuts}");
}
