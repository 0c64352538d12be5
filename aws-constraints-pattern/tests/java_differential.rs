//! Every AWS pattern the compiler accepts (the three with back-references through the opt-in
//! backtracking matcher), matched by it and by Java's `java.util.regex`
//! (`Pattern.compile(p).matcher(v).matches()`, OpenJDK) on the same values: values generated
//! from the pattern itself, mutations of them, and edge cases (empty, line terminators,
//! non-ASCII letters, astral characters). Any disagreement fails the test, except the
//! deliberate ones: patterns listed in `DELIBERATE`, and values holding characters that the
//! JDK's older Unicode tables leave unassigned (Java 17 knows Unicode 13; the compiler's
//! tables, from `regex-syntax`, are newer), and values with non-ASCII characters for
//! patterns with `\b`: the compiler gives `\b` the ASCII meaning Java has had since JDK 19
//! (consistent with `\w`), while Java 17 used Unicode letters. Both are counted and reported.
//!
//! Needs `javac` and `java` on the PATH; set `AWS_CONSTRAINTS_SKIP_JAVA=1` to skip where
//! there is no JDK (the test says so rather than passing silently).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use aws_constraints_pattern::{sample, Pattern};

const CORPUS: &str = include_str!("data/aws-patterns.txt");

/// Patterns whose AWS meaning differs from Java's reading on purpose: AWS writes U+10000 as
/// `\u10000`, which Java reads as U+1000 followed by `0`.
const DELIBERATE: &[&str] = &[r"\u10000-\u10FFFF"];

const EDGE_CASES: &[&str] = &[
    "",
    " ",
    "\t",
    "\n",
    "a\n",
    "\r\n",
    "\u{85}",
    "\u{2028}",
    "a\u{2029}",
    "a",
    "A",
    "z",
    "0",
    "9",
    "_",
    "-",
    ".",
    ":",
    "/",
    "aws:x",
    "é",
    "É",
    "日本",
    "😀",
    "\u{10000}",
    "\u{10FFFF}",
    "\u{FFFD}",
    "\u{7F}",
    "\u{0}",
    "a b",
    "٣",
    "Ω",
    "ß",
    "İ",
    "ǅ",
];

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Values for one pattern: generated, mutated, and the edge cases.
fn values_for(source: &str, seed: u64) -> Vec<String> {
    let generated = sample::values(source, seed, 12).unwrap_or_default();
    let mut values: Vec<String> = EDGE_CASES.iter().map(|s| s.to_string()).collect();
    for v in &generated {
        values.push(v.clone());
        values.push(format!("{v}!"));
        values.push(format!("{v}\n"));
        values.push(v.chars().skip(1).collect());
        values.push(v.to_uppercase());
        values.push(format!("é{v}😀"));
    }
    values
}

#[test]
fn java_agrees_on_every_pattern() {
    if std::env::var_os("AWS_CONSTRAINTS_SKIP_JAVA").is_some() {
        println!("skipped: AWS_CONSTRAINTS_SKIP_JAVA is set");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("java-differential");
    std::fs::create_dir_all(&dir).unwrap();
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/java/Differential.java");
    let javac = Command::new("javac")
        .args(["-d", dir.to_str().unwrap(), source])
        .status()
        .expect("javac not found: install a JDK or set AWS_CONSTRAINTS_SKIP_JAVA=1");
    assert!(javac.success(), "javac failed");
    let mut java = Command::new("java")
        .args(["-cp", dir.to_str().unwrap(), "Differential"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("java not found");

    // Send everything first (on a thread, so that Java's output cannot fill its pipe and
    // stall both sides), then read the answers in order.
    let mut plan: Vec<(String, Vec<String>)> = Vec::new();
    for (i, line) in CORPUS.lines().enumerate() {
        let source: String = serde_json::from_str(line).unwrap();
        let compiles = Pattern::new(&source).is_ok() || Pattern::with_backtracking(&source).is_ok();
        if !compiles || DELIBERATE.iter().any(|d| source.contains(d)) {
            continue;
        }
        let values = values_for(&source, i as u64 + 1);
        plan.push((source, values));
    }
    let mut stdin = java.stdin.take().unwrap();
    let requests: Vec<String> = plan
        .iter()
        .flat_map(|(p, values)| {
            std::iter::once(format!("P{}", base64(p.as_bytes())))
                .chain(values.iter().map(|v| format!("V{}", base64(v.as_bytes()))))
        })
        .collect();
    let writer = std::thread::spawn(move || {
        for request in requests {
            writeln!(stdin, "{request}").unwrap();
        }
    });
    let mut answers = BufReader::new(java.stdout.take().unwrap()).lines();
    let mut compared = 0;
    let mut unicode_version = 0;
    let mut word_boundary = 0;
    let mut disagreements = Vec::new();
    for (source, values) in &plan {
        let compiled = answers.next().unwrap().unwrap();
        if compiled != "ok" {
            disagreements.push(format!("{source:?}: Java rejects it: {compiled}"));
        }
        let ours = Pattern::new(source)
            .or_else(|_| Pattern::with_backtracking(source))
            .unwrap();
        for value in values {
            let theirs = answers.next().unwrap().unwrap();
            if compiled != "ok" {
                continue;
            }
            compared += 1;
            let mine = ours.is_match(value);
            let java = theirs.starts_with('1');
            if mine == java {
                continue;
            }
            if theirs.ends_with('?') {
                unicode_version += 1;
            } else if source.contains(r"\b") && !value.is_ascii() {
                word_boundary += 1;
            } else {
                disagreements.push(format!("{source:?} on {value:?}: ours {mine}, Java {java}"));
            }
        }
    }
    writer.join().unwrap();
    java.wait().unwrap();
    println!(
        "{} patterns, {compared} values compared, {} disagreements; deliberate: \
         {unicode_version} on characters Java 17's Unicode tables do not assign, \
         {word_boundary} on `\\b` next to non-ASCII letters",
        plan.len(),
        disagreements.len()
    );
    assert!(plan.len() >= 500);
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
