//! Property tests: for arbitrary values, every rule agrees with a plain reference written
//! here independently, and nothing panics. Strings are drawn from all of Unicode (astral
//! characters, line terminators, controls included) with a bias to the characters patterns
//! care about.

use std::collections::{BTreeMap, HashMap};

use aws_constraints::{pattern::Pattern, report::Echo, Rule, Validate};
use proptest::prelude::*;

/// Any string, weighted towards ASCII, line terminators and multi-byte characters.
fn any_text() -> impl Strategy<Value = String> {
    let interesting = prop_oneof![
        4 => proptest::char::range('\u{20}', '\u{7e}'),
        1 => prop::sample::select(vec!['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\t', '\u{0}', '\u{7f}']),
        1 => proptest::char::range('\u{80}', '\u{7ff}'),
        1 => proptest::char::range('\u{800}', '\u{ffff}'),
        1 => proptest::char::range('\u{10000}', '\u{10ffff}'),
    ];
    prop::collection::vec(interesting, 0..40).prop_map(|chars| chars.into_iter().collect())
}

#[derive(Validate)]
struct Lengths {
    #[len(3, 7)]
    text: String,
    #[len(min = 2)]
    #[each(len(max = 3))]
    list: Vec<String>,
    #[len(max = 4)]
    map: HashMap<String, u8>,
}

#[derive(Validate)]
struct Ranges {
    #[range(-1000, 1000)]
    int: i64,
    #[range(-2.5, 2.5)]
    float: f64,
}

#[derive(Validate)]
struct Secret {
    #[sensitive]
    #[len(max = 2)]
    #[pattern("[a-z]*")]
    #[one_of("ab", "cd")]
    value: String,
    #[sensitive]
    #[keys(len(max = 1))]
    #[values(pattern("[0-9]+"))]
    map: BTreeMap<String, String>,
}

#[derive(Validate)]
struct SensitiveMaps {
    #[sensitive]
    #[keys(len(max = 2), pattern("[a-z]*"))]
    #[values(len(max = 1))]
    env: HashMap<String, String>,
    #[sensitive]
    #[nested]
    deep: Option<Inner>,
}

#[derive(Validate)]
struct Inner {
    #[nested]
    items: BTreeMap<String, Leaf>,
}

#[derive(Validate)]
struct Leaf {
    #[required]
    #[len(max = 2)]
    value: Option<String>,
}

#[derive(Validate)]
struct ClientText {
    #[keys(len(max = 3))]
    #[values(len(max = 3), pattern("[a-z]*"))]
    tags: HashMap<String, String>,
    #[nested]
    entries: BTreeMap<String, Leaf>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text a client sends as a big number is read or refused, never a panic, and what
    /// is read prints, compares and validates.
    #[test]
    fn big_numbers_never_panic(text in "[-+]?[0-9]{0,6}(\\.[0-9]{0,6})?([eE][-+]?[0-9]{0,25})?") {
        use aws_constraints::{BigDecimal, BigInteger};
        #[derive(aws_constraints::Validate)]
        struct Amount {
            #[range(min = -1.5, max = 1000)]
            value: BigDecimal,
        }
        if let Ok(value) = text.parse::<BigDecimal>() {
            let _ = value.to_string();
            let _ = value.cmp(&"0.1".parse().unwrap());
            let _ = serde_json::to_string(&value);
            let _ = Amount { value }.validate();
        }
        if let Ok(integer) = text.parse::<BigInteger>() {
            let _ = integer.to_string();
            let _ = serde_json::to_string(&integer);
        }
    }

    #[test]
    fn lengths_agree_with_counting(
        text in any_text(),
        list in prop::collection::vec(any_text(), 0..6),
        map in prop::collection::hash_map(any_text(), any::<u8>(), 0..7),
    ) {
        let value = Lengths { text: text.clone(), list: list.clone(), map: map.clone() };
        let mut expected: Vec<(String, u64)> = Vec::new();
        let chars = text.chars().count() as u64;
        if !(3..=7).contains(&chars) {
            expected.push(("/text".into(), chars));
        }
        if list.len() < 2 {
            expected.push(("/list".into(), list.len() as u64));
        }
        for (i, item) in list.iter().enumerate() {
            let n = item.chars().count() as u64;
            if n > 3 {
                expected.push((format!("/list/{i}"), n));
            }
        }
        if map.len() > 4 {
            expected.push(("/map".into(), map.len() as u64));
        }
        let found: Vec<(String, u64)> = value
            .validate()
            .err()
            .map(|errors| errors.iter().map(|v| match v.rule() {
                Rule::Length { actual, .. } => (v.path().json_pointer(), *actual),
                other => panic!("unexpected rule {other:?}"),
            }).collect())
            .unwrap_or_default();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn ranges_agree_with_comparison(int in any::<i64>(), float in any::<f64>()) {
        let errors = Ranges { int, float }.validate().err();
        let bad: Vec<String> = errors
            .map(|e| e.iter().map(|v| v.path().json_pointer()).collect())
            .unwrap_or_default();
        let mut expected = Vec::new();
        if !(-1000..=1000).contains(&int) {
            expected.push("/int".to_owned());
        }
        // NaN fails every bound.
        if !(-2.5..=2.5).contains(&float) {
            expected.push("/float".to_owned());
        }
        prop_assert_eq!(bad, expected);
    }

    #[test]
    fn sensitive_values_never_appear_in_any_rendering(
        value in "[A-Z]{3,12}",
        key in "[a-z]{2,12}",
        entry in "[A-Z]{3,12}",
    ) {
        let secret = Secret { value: value.clone(), map: BTreeMap::from([(key.clone(), entry.clone())]) };
        let errors = secret.validate().unwrap_err();
        prop_assert!(errors.iter().all(|v| *v.echo() == Echo::Redacted));
        let rendered = format!("{}\n{errors}\n{}\n{}\n{errors:?}", errors.aws_message(), errors.smithy_body(), errors.to_json());
        prop_assert!(!rendered.contains(&value), "{}", rendered);
        prop_assert!(!rendered.contains(&entry), "{}", rendered);
        // The keys (lower-case ASCII, as likely in constraint text as anywhere) are checked
        // with a disjoint alphabet below.
    }

    /// Keys and values of sensitive maps, at any depth, drawn from an alphabet (Cyrillic)
    /// that no constraint text, member name or path syntax uses: not one of their
    /// characters may appear in any rendering.
    #[test]
    fn nothing_of_a_sensitive_map_appears(
        entries in prop::collection::hash_map("[\u{400}-\u{4ff}]{1,8}", "[\u{400}-\u{4ff}]{0,8}", 1..6),
        deep in prop::collection::btree_map("[\u{400}-\u{4ff}]{1,8}", prop::option::of("[\u{400}-\u{4ff}]{0,8}"), 0..4),
    ) {
        let value = SensitiveMaps {
            env: entries,
            deep: Some(Inner { items: deep.into_iter().map(|(k, v)| (k, Leaf { value: v })).collect() }),
        };
        if let Err(errors) = value.validate() {
            let rendered = format!("{}\n{errors}\n{}\n{}\n{errors:?}", errors.aws_message(), errors.smithy_body(), errors.to_json());
            prop_assert!(!rendered.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)), "{}", rendered);
        }
    }

    /// Arbitrary keys and values: a reader that splits the AWS message on `"; "` finds as
    /// many violations as its header states, and the Smithy body's message as many as its
    /// field list has.
    #[test]
    fn client_text_never_changes_the_violation_count(
        tags in prop::collection::hash_map(any_text(), any_text(), 0..6),
        entries in prop::collection::btree_map(any_text(), prop::option::of(any_text()), 0..4),
    ) {
        let value = ClientText {
            tags,
            entries: entries.into_iter().map(|(k, v)| (k, Leaf { value: v })).collect(),
        };
        if let Err(errors) = value.validate() {
            let message = errors.to_string();
            let (header, body) = message.split_once(" detected: ").unwrap();
            let stated: usize = header.split(' ').next().unwrap().parse().unwrap();
            prop_assert_eq!(body.split("; ").count(), stated, "{}", message);
            prop_assert!(!message.chars().any(char::is_control), "{}", message);
            let smithy = errors.smithy_body();
            let text = smithy["message"].as_str().unwrap();
            let (_, listed) = text.split_once(" detected. ").unwrap();
            let fields = smithy["fieldList"].as_array().unwrap().len();
            prop_assert_eq!(listed.split("; ").count(), fields, "{}", text);
        }
    }

    #[test]
    fn echoed_values_cannot_forge_structure(text in any_text()) {
        #[derive(Validate)]
        struct Echoed {
            #[pattern("[a-z]{1,3}")]
            value: String,
        }
        if let Err(errors) = (Echoed { value: text }).validate() {
            let message = errors.to_string();
            // Exactly one violation: no unescaped "; " separator, one "Value '".
            prop_assert!(!message.replace("\\;", "").contains("; "), "{}", message);
            prop_assert_eq!(message.matches("Value '").count(), 1, "{}", message);
            prop_assert!(!message.chars().any(|c| c.is_control()), "{}", message);
            let body = errors.smithy_body().to_string();
            let reparsed: serde_json::Value = serde_json::from_str(&body).unwrap();
            prop_assert_eq!(reparsed["fieldList"].as_array().map(Vec::len), Some(1));
        }
    }

    /// The class-run fast path (and its ASCII shortcut) and the automaton agree on
    /// arbitrary text: the same language, once bare and once behind a no-op alternative
    /// that forces the automaton.
    #[test]
    fn class_runs_agree_with_automata(text in any_text()) {
        for (run, automaton) in CLASS_RUNS.iter() {
            prop_assert!(run.is_class_run());
            let expected = automaton.is_match(&text);
            prop_assert_eq!(run.is_match(&text), expected, "{} on {:?}", run.as_str(), text);
            // What the derive inlines: the shortcut, where it decides.
            let shortcut = run.ascii_shortcut().unwrap();
            if let Some(decided) = shortcut.decide(&text) {
                prop_assert_eq!(decided, expected, "shortcut of {} on {:?}", run.as_str(), text);
            }
        }
    }

    /// A class guarded by a literal look-around at one end: the shortcut the derive
    /// inlines decides as the matcher does (which checks the look-around its own way), on
    /// text that often begins or ends with the literal.
    #[test]
    fn guarded_shortcuts_agree_with_the_matcher(
        text in any_text(),
        start in prop::sample::select(vec!["", "aws:", "aws", "ab", "-"]),
        end in prop::sample::select(vec!["", "-", ".json", "json"]),
    ) {
        let text = format!("{start}{text}{end}");
        for pattern in GUARDED.iter() {
            let shortcut = pattern.ascii_shortcut().unwrap();
            prop_assert!(shortcut.guard().is_some(), "{}", pattern.as_str());
            if let Some(decided) = shortcut.decide(&text) {
                prop_assert_eq!(
                    decided, pattern.is_match(&text), "{} on {:?}", pattern.as_str(), text
                );
            }
        }
    }

    /// Any pattern text: compiling it returns a pattern or an error, never a panic, and
    /// matching a compiled one never panics.
    #[test]
    fn arbitrary_patterns_never_panic(pattern in any_pattern(), text in any_text()) {
        if let Ok(compiled) = Pattern::new(&pattern) {
            compiled.is_match(&text);
        }
    }
}

/// Classes guarded by a literal at one end, as AWS's tag keys are.
static GUARDED: std::sync::LazyLock<Vec<Pattern>> = std::sync::LazyLock::new(|| {
    [
        "(?!aws:)[a-zA-Z+-=._:/]+",
        r"^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$",
        "[a-z-]{1,12}(?<!-)",
        "(?=ab)[a-z]{2,30}",
        r"[\w.]*(?<=\.json)",
    ]
    .iter()
    .map(|source| Pattern::new(source).unwrap())
    .collect()
});

/// Class runs, each with the same language forced through the automaton by a no-op
/// alternative.
static CLASS_RUNS: std::sync::LazyLock<Vec<(Pattern, Pattern)>> = std::sync::LazyLock::new(|| {
    [
        r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]{0,30}",
        r".*",
        r"[\p{L}\p{Z}\p{N}_.:/=+\-@]+",
        r"[^\s]{2,}",
        r"[-_a-zA-Z0-9]*",
        r"[a-z0-9.]{3,9}",
        r"\P{C}*",
    ]
    .iter()
    .map(|class| {
        let run = Pattern::new(class).unwrap();
        let automaton = Pattern::new(&format!("{class}|[^\\s\\S]")).unwrap();
        (run, automaton)
    })
    .collect()
});

/// Pattern-like text: regex syntax characters, escapes and classes in random order.
fn any_pattern() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "é",
        "😀",
        ".",
        "*",
        "+",
        "?",
        "*+",
        "+?",
        "{2}",
        "{1,3}",
        "{,",
        "{3,1}",
        "{99999999}",
        "(",
        ")",
        "(?:",
        "(?=",
        "(?!",
        "(?<=",
        "(?<!",
        "(?i)",
        "(?s)",
        "(?m)",
        "(?<n>",
        "(?>",
        "[",
        "]",
        "[^",
        "-",
        "&&",
        "|",
        "^",
        "$",
        "\\",
        "\\w",
        "\\d",
        "\\s",
        "\\b",
        "\\p{L}",
        "\\p{Alnum}",
        "\\p{",
        "\\P{C}",
        "\\u",
        "\\u0041",
        "\\uD83D\\uDE00",
        "\\u10000",
        "\\x{1F600}",
        "\\x4",
        "\\0",
        "\\07",
        "\\1",
        "\\Q",
        "\\E",
        "\\z",
        "\\Z",
        "\\A",
        "\\G",
        "\\R",
        "\\cA",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|p| p.concat())
}
