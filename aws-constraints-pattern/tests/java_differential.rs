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
//! A second family guards the constructs where a corpus cannot: patterns built from every
//! combination of inline flags, quoting, `\R`, case properties and class intersections with
//! every kind of quantifier, matched on values over an alphabet chosen to tell the readings
//! apart (case variants that fold only under `(?u)`, `\r\n`, `&`). AWS's patterns use few
//! of these, so a misreading there passed the corpus silently; here Java's verdict and its
//! compile errors are checked for each. A pattern the compiler refuses must be one Java
//! rejects too, or be refused as `Unsupported` (never matched differently).
//!
//! Needs `javac` and `java` on the PATH; set `AWS_CONSTRAINTS_SKIP_JAVA=1` to skip where
//! there is no JDK (the test says so rather than passing silently).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use aws_constraints_pattern::{sample, Pattern, PatternErrorKind};

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

/// Compiles the reference program and answers, for each pattern, Java's compile result and
/// its verdict on each value.
fn ask_java(plan: &[(String, Vec<String>)]) -> Option<Vec<(String, Vec<String>)>> {
    if std::env::var_os("AWS_CONSTRAINTS_SKIP_JAVA").is_some() {
        println!("skipped: AWS_CONSTRAINTS_SKIP_JAVA is set");
        return None;
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
    let mut lines = BufReader::new(java.stdout.take().unwrap()).lines();
    let mut next = || lines.next().unwrap().unwrap();
    let answers = plan
        .iter()
        .map(|(_, values)| (next(), values.iter().map(|_| next()).collect()))
        .collect();
    writer.join().unwrap();
    java.wait().unwrap();
    Some(answers)
}

/// Disagreements between `ours` and Java's answers for one pattern, with the deliberate
/// ones counted apart.
#[derive(Default)]
struct Tally {
    compared: usize,
    unicode_version: usize,
    word_boundary: usize,
    disagreements: Vec<String>,
}

impl Tally {
    fn compare(&mut self, source: &str, ours: &Pattern, values: &[String], answers: &[String]) {
        for (value, theirs) in values.iter().zip(answers) {
            self.compared += 1;
            let mine = ours.is_match(value);
            let java = theirs.starts_with('1');
            if mine == java {
                continue;
            }
            if theirs.ends_with('?') {
                self.unicode_version += 1;
            } else if source.contains(r"\b") && !value.is_ascii() {
                self.word_boundary += 1;
            } else {
                self.disagreements
                    .push(format!("{source:?} on {value:?}: ours {mine}, Java {java}"));
            }
        }
    }

    fn assert_none(&self) {
        assert!(
            self.disagreements.is_empty(),
            "{} disagreements:\n{}",
            self.disagreements.len(),
            self.disagreements
                .iter()
                .take(400)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn java_agrees_on_every_pattern() {
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
    let Some(answers) = ask_java(&plan) else {
        return;
    };
    let mut tally = Tally::default();
    for ((source, values), (compiled, verdicts)) in plan.iter().zip(&answers) {
        if compiled != "ok" {
            tally
                .disagreements
                .push(format!("{source:?}: Java rejects it: {compiled}"));
            continue;
        }
        let ours = Pattern::new(source)
            .or_else(|_| Pattern::with_backtracking(source))
            .unwrap();
        tally.compare(source, &ours, values, verdicts);
    }
    println!(
        "{} patterns, {} values compared, {} disagreements; deliberate: \
         {} on characters Java 17's Unicode tables do not assign, \
         {} on `\\b` next to non-ASCII letters",
        plan.len(),
        tally.compared,
        tally.disagreements.len(),
        tally.unicode_version,
        tally.word_boundary,
    );
    assert!(plan.len() >= 500);
    tally.assert_none();
}

/// Inline flags, each a different reading of what follows.
const FLAGS: &[&str] = &[
    "",
    "(?i)",
    "(?iu)",
    "(?ui)",
    "(?u)",
    "(?i)(?-i)",
    "(?iu)(?-u)",
    "(?s)",
];

/// Constructs whose Java reading is subtle: quoting, `\R` alone and in groups, literals and
/// ranges that fold differently under `(?u)`, case properties, class intersections.
const ATOMS: &[&str] = &[
    r"\Qab\E",
    r"\Q.*\E",
    r"\Q\E",
    r"\R",
    r"(?:\R)",
    r"(\R)",
    r"(?:a|\R)",
    "é",
    "k",
    "ß",
    "ǅ",
    "[k-m]",
    "[é]",
    "[a-z&&[^aeiou]]",
    r"[\Qa-\E]",
    ".",
    r"\p{Lower}",
    r"\p{Upper}",
    r"\P{Lower}",
    r"\p{Lu}",
    r"\p{IsLowercase}",
    r"\p{Lt}",
    r"[^\p{Lower}]",
    "[a-z&&]",
    "[&&a]",
    "[^&&a]",
    "[a-c&&&&b]",
    "[a&&]",
];

const QUANTIFIERS: &[&str] = &["", "*", "+", "?", "{2}", "{1,2}", "{2,}", "*?", "{0,1}"];

/// Characters that tell the readings apart.
const ALPHABET: &[char] = &[
    'a', 'b', 'k', 'K', '\u{212A}', 's', 'S', '\u{17F}', 'é', 'É', 'ß', '\u{1E9E}', 'ǅ', 'ǆ', 'Ǆ',
    'x', '1', '.', '*', '&', '-', '\r', '\n', '\u{85}', 'q', 'Q', 'ª',
];

/// Every flag with every atom and quantifier, and pairs of quantified atoms under the three
/// case readings, each with values: short strings over [`ALPHABET`] and the pattern's own
/// samples.
fn constructed_plan() -> Vec<(String, Vec<String>)> {
    let mut patterns = Vec::new();
    for flags in FLAGS {
        for atom in ATOMS {
            for quantifier in QUANTIFIERS {
                patterns.push(format!("{flags}{atom}{quantifier}"));
            }
        }
    }
    for flags in ["", "(?i)", "(?iu)"] {
        for first in ATOMS {
            for second in ATOMS {
                for quantifier in ["", "{2}"] {
                    patterns.push(format!("{flags}{first}{quantifier}{second}"));
                }
            }
        }
    }
    // `(?m)`: `^` and `$` among line terminators, where Java's `Caret` and `Dollar` decide.
    let parts = [
        "", "a", r"\R", "(?s:.)", r"\n", r"\r", "[\r\n]*", "(?s:.)*", r"\u0085",
    ];
    for first in parts {
        for anchor in ["^", "$", "^$", "$^", "$\\R^", "(?-m)^", "(?-m)$"] {
            for second in parts {
                patterns.push(format!("(?m){first}{anchor}{second}"));
            }
        }
    }
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    patterns
        .into_iter()
        .enumerate()
        .map(|(i, pattern)| {
            let mut values: Vec<String> = ALPHABET.iter().map(char::to_string).collect();
            values.extend(["", "\r\n", "\r\n\n", "\r\r", "ab", "abab", "abbb"].map(String::from));
            for _ in 0..24 {
                let len = 1 + random(4);
                values.push((0..len).map(|_| ALPHABET[random(ALPHABET.len())]).collect());
            }
            // Samples keep to Latin: this family is about structure, and a character whose
            // Unicode properties changed after Java 17's Unicode 13 (which the corpus test
            // counts apart) would only add noise here.
            let samples = sample::values(&pattern, i as u64 + 1, 6).unwrap_or_default();
            values.extend(
                samples
                    .into_iter()
                    .filter(|v| v.chars().all(|c| c < '\u{250}' || ALPHABET.contains(&c))),
            );
            (pattern, values)
        })
        .collect()
}

#[test]
fn java_agrees_on_constructed_patterns() {
    let plan = constructed_plan();
    let Some(answers) = ask_java(&plan) else {
        return;
    };
    let mut tally = Tally::default();
    let mut refused = 0;
    for ((source, values), (compiled, verdicts)) in plan.iter().zip(&answers) {
        match (Pattern::new(source), compiled == "ok") {
            (Ok(ours), true) => tally.compare(source, &ours, values, verdicts),
            (Ok(_), false) => tally.disagreements.push(format!(
                "{source:?}: compiles, but Java rejects it: {compiled}"
            )),
            (Err(_), false) => {}
            (Err(e), true) if e.kind() == PatternErrorKind::Unsupported => {
                if std::env::var_os("AWS_CONSTRAINTS_SHOW_REFUSED").is_some() {
                    println!("refused {source:?}: {e}");
                }
                refused += 1;
            }
            (Err(e), true) => tally
                .disagreements
                .push(format!("{source:?}: Java accepts it, ours says: {e}")),
        }
    }
    println!(
        "{} constructed patterns, {} values compared, {} disagreements, {refused} refused \
         as unsupported",
        plan.len(),
        tally.compared,
        tally.disagreements.len(),
    );
    tally.assert_none();
}
