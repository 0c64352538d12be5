//! Runtime behaviour of every rule: bounds at min-1, min, max, max+1, multi-byte and astral
//! characters, absent and present optionals, nested paths, order and redaction.

use std::collections::{BTreeMap, HashMap};

use aws_constraints::{path::PathSegment, report::Echo, Rule, Validate};

#[derive(Validate, Default)]
struct Lengths {
    #[len(2, 4)]
    text: String,
    #[len(min = 1)]
    at_least: Option<String>,
    #[len(max = 2)]
    list: Vec<u8>,
    #[len(1, 1)]
    map: BTreeMap<String, u8>,
}

fn valid_lengths() -> Lengths {
    Lengths {
        text: "ab".into(),
        at_least: None,
        list: vec![],
        map: BTreeMap::from([("k".to_owned(), 1)]),
    }
}

fn rules(value: &impl Validate) -> Vec<(String, Rule)> {
    match value.validate() {
        Ok(()) => vec![],
        Err(errors) => errors
            .iter()
            .map(|v| (v.path().json_pointer(), v.rule().clone()))
            .collect(),
    }
}

#[test]
fn string_length_counts_unicode_scalar_values() {
    for (text, ok) in [
        ("a", false),
        ("ab", true),
        ("abcd", true),
        ("abcde", false),
        ("👍", false),
        ("👍👍", true),
        ("👍👍👍👍", true),
        ("👍👍👍👍👍", false),
        ("éé", true),
        ("e\u{301}", true),
    ] {
        let value = Lengths {
            text: text.into(),
            ..valid_lengths()
        };
        assert_eq!(value.validate().is_ok(), ok, "{text:?}");
    }
    let value = Lengths {
        text: "👍👍👍👍👍".into(),
        ..valid_lengths()
    };
    assert_eq!(
        rules(&value),
        [(
            "/text".to_owned(),
            Rule::Length {
                min: Some(2),
                max: Some(4),
                actual: 5
            }
        )]
    );
}

#[test]
fn huge_string_is_rejected_with_its_exact_length() {
    let value = Lengths {
        text: "x".repeat(10_000_000),
        ..valid_lengths()
    };
    assert_eq!(
        rules(&value)[0].1,
        Rule::Length {
            min: Some(2),
            max: Some(4),
            actual: 10_000_000
        }
    );
}

#[test]
fn list_and_map_lengths_count_items_and_entries() {
    let value = Lengths {
        list: vec![1, 2, 3],
        map: BTreeMap::new(),
        at_least: Some(String::new()),
        ..valid_lengths()
    };
    let found: Vec<String> = rules(&value).into_iter().map(|(p, _)| p).collect();
    assert_eq!(found, ["/at_least", "/list", "/map"]);
    assert!(Lengths {
        list: vec![1, 2],
        ..valid_lengths()
    }
    .validate()
    .is_ok());
}

#[derive(Validate)]
struct Numbers {
    #[range(-2, 8)]
    int: i64,
    #[range(2.2, 8.8)]
    float: f64,
    #[range(min = 0)]
    unsigned_min: Option<u64>,
    #[range(max = 9007199254740993)]
    big: i64,
}

#[test]
fn ranges_are_inclusive_and_exact() {
    let ok = Numbers {
        int: -2,
        float: 8.8,
        unsigned_min: Some(0),
        big: 9007199254740993,
    };
    assert!(ok.validate().is_ok());
    let bad = Numbers {
        int: 9,
        float: f64::NAN,
        unsigned_min: None,
        // One more than the bound, which f64 could not tell apart from it.
        big: 9007199254740994,
    };
    let errors = bad.validate().unwrap_err();
    let messages: Vec<String> = errors.iter().map(|v| v.aws_message()).collect();
    assert_eq!(
        messages,
        [
            "Value '9' at 'int' failed to satisfy constraint: Member must have value less than or equal to 8",
            "Value 'NaN' at 'float' failed to satisfy constraint: Member must have value greater than or equal to 2.2",
            "Value '9007199254740994' at 'big' failed to satisfy constraint: Member must have value less than or equal to 9007199254740993",
        ]
    );
}

#[derive(Validate, serde::Deserialize)]
struct Rate {
    #[range(min = 1.1)]
    factor: Option<f64>,
}

/// A double is read from the client's text as Java reads it (correctly rounded), so that its
/// echo is the digits the client sent: serde_json's default, faster reading gives
/// `0.10000000000000007` for this one.
#[test]
fn a_double_is_echoed_as_sent() {
    let document = r#"{"factor": 0.10000000000000009}"#;
    let Err(aws_constraints::InputError::Invalid(errors)) =
        aws_constraints::Validated::<Rate>::from_json(document)
    else {
        panic!("below the minimum");
    };
    assert_eq!(
        errors.aws_message(),
        "1 validation error detected: Value '0.10000000000000009' at 'factor' failed to satisfy \
         constraint: Member must have value greater than or equal to 1.1"
    );
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Outer {
    #[required]
    #[len(2, 3)]
    name: Option<String>,
    #[len(1, 2)]
    #[nested]
    tags: Option<Vec<Tag>>,
    #[keys(len(max = 2), pattern("[a-z]+"))]
    #[values(one_of("x", "y"))]
    #[sensitive]
    secrets: Option<HashMap<String, String>>,
    #[each(len(1, 2), pattern("[a-z]*"))]
    #[unique]
    #[serde(rename = "items")]
    list: Option<Vec<String>>,
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Tag {
    #[required]
    #[len(1, 3)]
    key: Option<String>,
}

fn outer(json: &str) -> Outer {
    serde_json::from_str(json).unwrap()
}

#[test]
fn absent_optionals_skip_every_rule_but_required() {
    assert!(outer(r#"{"Name": "ab"}"#).validate().is_ok());
    let errors = outer(r#"{"Name": null}"#).validate().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].rule(), &Rule::Required);
    assert_eq!(errors.as_slice()[0].echo(), &Echo::Null);
    // Missing and null are the same violation.
    assert_eq!(
        outer("{}").validate(),
        outer(r#"{"Name": null}"#).validate()
    );
}

#[test]
fn every_violation_in_declaration_then_attribute_then_index_then_key_order() {
    let value = outer(
        r#"{"Name": "a!!!", "Tags": [{"Key": "ok"}, {"Key": ""}, {}],
            "Secrets": {"zz": "x", "abc": "q", "B": "y"},
            "items": ["a", "a", "abc", "A"]}"#,
    );
    let errors = value.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors
        .iter()
        .map(|v| (v.path().aws_dotted(), v.rule().name()))
        .collect();
    let expected = [
        ("name", "length"),
        ("tags", "length"),
        ("tags.2.member.key", "length"),
        ("tags.3.member.key", "required"),
        ("secrets", "pattern"),
        ("secrets", "length"),
        // A sensitive map's keys are never shown.
        ("secrets.*** Sensitive Data Redacted ***.member", "enum"),
        ("items.3.member", "length"),
        ("items.4.member", "pattern"),
        ("items", "unique"),
    ];
    let expected: Vec<(String, &str)> = expected.iter().map(|(p, r)| (p.to_string(), *r)).collect();
    assert_eq!(found, expected);
    // Map-key violations keep their key in the structured path, hidden when sensitive.
    let segments = errors.as_slice()[4].path().segments();
    assert_eq!(segments[0], PathSegment::Member("Secrets"));
    assert!(matches!(&segments[1], PathSegment::MapKey(key) if key.is_sensitive()));
}

#[test]
fn sensitive_values_are_never_echoed() {
    let value = outer(r#"{"Name": "ab", "Secrets": {"HUNTER2": "hunter2"}}"#);
    let errors = value.validate().unwrap_err();
    for v in &errors {
        assert_eq!(v.echo(), &Echo::Redacted);
    }
    let rendered = format!(
        "{errors}{}{}{errors:?}",
        errors.smithy_body(),
        errors.to_json()
    );
    assert!(!rendered.contains("hunter2"), "{rendered}");
}

#[test]
fn echoed_values_cannot_forge_message_structure() {
    let value = outer(r#"{"Name": "a'; Value 'x"}"#);
    let message = value.validate().unwrap_err().to_string();
    assert_eq!(
        message,
        "1 validation error detected: Value 'a\\u{27}\\u{3b} Value \\u{27}x' at 'name' failed to \
         satisfy constraint: Member must have length less than or equal to 3"
    );
}

#[derive(Validate)]
struct Patterned {
    /// A class with no member beyond ASCII: the generated shortcut decides every value.
    #[pattern("[a-z-]{2,3}")]
    ascii: String,
    /// A class with members beyond ASCII: a value with such a character goes on to the
    /// matcher.
    #[pattern(r"[\p{L}0-9]{2,3}")]
    letters: String,
    /// A literal look-ahead: a guard of the shortcut.
    #[pattern("(?!x)[a-z]{2,3}")]
    guarded: String,
    /// A literal look-behind at the end: a guard too.
    #[pattern("[a-z-]{2,3}(?<!c)")]
    guarded_end: String,
    /// A look-ahead that is not a literal: no shortcut, the matcher decides everything.
    #[pattern("(?!.*b)[a-z]{2,3}")]
    matcher_only: String,
}

#[test]
fn patterns_decide_alike_with_and_without_the_inlined_shortcut() {
    // (value, whether each of the five patterns accepts it)
    let cases = [
        ("ab", [true, true, true, true, false]),
        ("a-c", [true, false, false, false, false]),
        ("a", [false, false, false, false, false]),
        ("abcd", [false, false, false, false, false]),
        ("aB", [false, true, false, false, false]),
        ("xa", [true, true, false, true, true]),
        ("ac", [true, true, true, false, true]),
        ("aé", [false, true, false, false, false]),
        ("é😀", [false, false, false, false, false]),
        ("ééé", [false, true, false, false, false]),
        ("éééé", [false, false, false, false, false]),
        ("a\n", [false, false, false, false, false]),
        ("", [false, false, false, false, false]),
    ];
    for (value, accepted) in cases {
        let patterned = Patterned {
            ascii: value.into(),
            letters: value.into(),
            guarded: value.into(),
            guarded_end: value.into(),
            matcher_only: value.into(),
        };
        let failed: Vec<String> = rules(&patterned).into_iter().map(|(at, _)| at).collect();
        let members = [
            "/ascii",
            "/letters",
            "/guarded",
            "/guarded_end",
            "/matcher_only",
        ];
        let expected: Vec<String> = members
            .into_iter()
            .zip(accepted)
            .filter(|&(_, accepted)| !accepted)
            .map(|(at, _)| at.to_owned())
            .collect();
        assert_eq!(failed, expected, "{value:?}");
    }
}

#[derive(Validate)]
struct Checked {
    #[keys(len(max = 2))]
    #[values(len(max = 2))]
    ordered: BTreeMap<String, String>,
    #[values(len(max = 2))]
    #[keys(len(max = 2))]
    unordered: HashMap<String, String>,
    /// A rule between the two: its violation stays between theirs.
    #[keys(len(max = 2))]
    #[len(max = 1)]
    #[values(len(max = 2))]
    apart: BTreeMap<String, String>,
}

#[test]
fn one_pass_over_a_map_reports_its_keys_then_its_values_each_by_key() {
    let entries = [("abc", "long"), ("b", "ok"), ("cde", "x"), ("d", "far")]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let checked = Checked {
        ordered: entries.iter().cloned().collect(),
        unordered: entries.iter().cloned().collect(),
        apart: entries.iter().cloned().collect(),
    };
    // Each violation as (member, side, key): `None` for one at the map itself.
    let found: Vec<(String, Option<(&str, String)>)> = checked
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| {
            let segments = v.path().segments();
            let member = format!("{:?}", segments[0]);
            let entry = match segments.get(1) {
                Some(PathSegment::MapKey(k)) => Some(("key", k.as_str().unwrap().to_owned())),
                Some(PathSegment::MapValue(k)) => Some(("value", k.as_str().unwrap().to_owned())),
                _ => None,
            };
            (member, entry)
        })
        .collect();
    // Keys "abc" and "cde" are too long, and the values at "abc" and "d".
    let sides = [
        ("key", "abc"),
        ("key", "cde"),
        ("value", "abc"),
        ("value", "d"),
    ];
    let at = |member: &str, entries: &[(&'static str, &str)]| {
        entries
            .iter()
            .map(|&(side, key)| (format!("Member({member:?})"), Some((side, key.to_owned()))))
            .collect::<Vec<_>>()
    };
    let mut expected = at("ordered", &sides);
    expected.extend(at("unordered", &sides));
    expected.extend(at("apart", &sides[..2]));
    expected.push(("Member(\"apart\")".to_owned(), None));
    expected.extend(at("apart", &sides[2..]));
    assert_eq!(found, expected);
}
