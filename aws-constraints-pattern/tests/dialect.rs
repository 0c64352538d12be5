//! Java-dialect rules, one table per rule: each pattern with values it must accept and
//! values it must reject, as `java.util.regex` full match decides them.

use aws_constraints_pattern::{AsciiShortcut, Pattern, PatternErrorKind};

fn check(pattern: &str, accept: &[&str], reject: &[&str]) {
    let compiled = Pattern::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    for value in accept {
        assert!(
            compiled.is_match(value),
            "{pattern} should accept {value:?}"
        );
    }
    for value in reject {
        assert!(
            !compiled.is_match(value),
            "{pattern} should reject {value:?}"
        );
    }
}

const CHIME_NAME: &str =
    r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]*";

#[test]
fn full_match_whatever_the_anchors() {
    check("[a-z]+", &["abc"], &["abc!", "!abc", ""]);
    check("^[a-z]+", &["abc"], &["abc!"]);
    check("[a-z]+$", &["abc"], &["!abc"]);
    check(r"\A[a-z]+\z", &["abc"], &["abc\n"]);
    check("a|bc", &["a", "bc"], &["abc", "ab"]);
}

#[test]
fn supplementary_escapes_mean_what_aws_means() {
    check(
        CHIME_NAME,
        &["😀 app", "", "tab\there", "\u{10FFFF}", "\u{85}"],
        &["\u{7f}", "\u{0}"],
    );
    check(r"[\uD83D\uDE00]", &["😀"], &["\u{1F601}"]);
    check(r"[\uD800\uDC00-\uDBFF\uDFFF]+", &["😀𐀀"], &["a"]);
    // Lone surrogates cannot occur in a Rust string: such a class matches only the rest.
    check(
        r"[\u0020-\uD7FF\uD800\uDBFF-\uDC00\uDFFF]*",
        &["abc"],
        &["😀"],
    );
}

#[test]
fn class_escapes_are_ascii() {
    check(r"\w+", &["abc_09"], &["café", "é"]);
    check(r"\d+", &["0123456789"], &["٣", "１"]);
    check(
        r"\s",
        &[" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"],
        &["\u{A0}", "\u{2003}"],
    );
    check(r"\W", &["é", "-"], &["a"]);
    check(r"a\bb|a\b-", &["a-"], &["ab"]);
}

#[test]
fn dot_excludes_java_line_terminators() {
    check(
        ".",
        &["a", "\u{0B}", "😀"],
        &["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"],
    );
    check("(?s).", &["\n", "\u{2028}"], &[]);
}

#[test]
fn posix_classes_are_ascii_and_unicode_categories_are_unicode() {
    check(r"\p{Alpha}+", &["abcXYZ"], &["é"]);
    check(r"\p{Alnum}", &["a", "9"], &["é", "_"]);
    check(r"\p{Punct}", &["!", "~", "_"], &["a", "¿"]);
    check(r"\p{Print}", &[" ", "~"], &["\u{7f}", "é"]);
    check(r"\p{Graph}", &["~"], &[" "]);
    check(r"\p{XDigit}", &["f", "F", "0"], &["g"]);
    check(r"\p{Blank}", &[" ", "\t"], &["\n"]);
    check(r"\p{L}+", &["café", "日本"], &["1"]);
    check(r"\p{IsAlphabetic}", &["é"], &["1"]);
    check(r"\P{L}", &["1"], &["a"]);
    check(r"\p{Lu}\p{IsLl}", &["Ab"], &["aB"]);
    check(
        r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*",
        &["Ünïcode tag 1", ""],
        &["#"],
    );
}

#[test]
fn java_class_syntax() {
    check(r"[\w-_]", &["-", "_", "a"], &["!"]);
    check("[+-=]", &["+", ",", "<", "="], &["a"]);
    check("[a-z&&[^aeiou]]", &["b"], &["a", "B"]);
    check("[a-c[x-z]]", &["b", "y"], &["m"]);
    check("[^a[b]]", &["c"], &["a", "b"]);
    check("[a-]", &["-", "a"], &["b"]);
    check("[]a]", &["]", "a"], &["b"]);
    check(r"[^/:|\000-\037]+", &["abc"], &["a/b", "\u{1f}"]);
    check(r"[\x{60}\x41]", &["`", "A"], &["a"]);
    check(r"\Q.*\E", &[".*"], &["ab"]);
}

#[test]
fn leading_look_ahead_becomes_a_prefix_condition() {
    check(
        "(?!aws:)[a-zA-Z+-=._:/]+",
        &["awsx", "aw", "aws"],
        &["aws:x", "aws:"],
    );
    check(
        r"^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$",
        &["alias-1", "d1-x"],
        &["d-alias", "-a"],
    );
    check(r"(?!\s*$).+", &["a", " a"], &["", "   "]);
    check("(?=.{2,3}$)[a-z]+", &["ab", "abc"], &["a", "abcd"]);
    check(
        "(?!(?i)AWS_)[a-zA-Z_][a-zA-Z0-9_]*",
        &["MY_VAR"],
        &["aws_x", "AWS_X"],
    );
}

#[test]
fn trailing_look_behind_becomes_a_suffix_condition() {
    check("[a-z-]+(?<!-)", &["a-b"], &["ab-"]);
    check(
        "[a-z0-9-]+(?<!-s3alias)$",
        &["x-s3", "s3alias"],
        &["x-s3alias"],
    );
}

#[test]
fn look_around_anywhere_runs_on_the_nfa() {
    // From AWS's models: an octet followed by a dot that is not the end, or by the end.
    let ipv4 = "(?:(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])(\\.(?!$)|$)){4}";
    check(
        ipv4,
        &["10.0.0.1", "255.255.255.255"],
        &["10.0.0.1.", "256.0.0.1", "1.2.3"],
    );
    // An ISO 8601 duration: a designator must follow `P`.
    let duration = r"(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?";
    check(
        duration,
        &["P1Y", "P19W", "PT9M", "-P1Y2M3DT4H5M6.5S"],
        &["P", "PT", "P1"],
    );
    // "Does not contain `${x:`", a repeated negative look-ahead.
    check(
        "(?:(?!\\$\\{[a-zA-Z]+:)[\\P{C}\\r\\n])*",
        &["a ${x} b", ""],
        &["a ${ab:c}"],
    );
    // Look-behind in the middle.
    check("[a-z]+(?<!x)-[0-9]", &["ab-1"], &["ax-1"]);
    // Look-around inside look-around, at the start and in the middle.
    check("(?=a(?!b))[a-z]+", &["ac", "a"], &["ab", "ba"]);
    check(
        "x(?=[0-9]+(?![0-9]*z))[0-9a-z]+",
        &["x12y"],
        &["x12z", "xy"],
    );
    assert_eq!(Pattern::new("a(?=b)b").unwrap().engine(), "look-around NFA");
}

#[test]
fn look_around_per_top_level_alternative() {
    check("$|^(?!aws:)[a-z:]+", &["", "ab:c"], &["aws:c"]);
}

#[test]
fn quantifiers() {
    check("a{2}", &["aa"], &["a", "aaa"]);
    check("a{2,}", &["aa", "aaaa"], &["a"]);
    check("a{1,2}?b", &["ab", "aab"], &["aaab"]);
    // Java ignores a counted repetition right after a quantifier.
    check("[0-9]{2}{0,3}", &["12"], &["", "1234", "12{0,3}"]);
    // Possessive where it means what greedy means.
    check(r"^[\/]?+[a-z]+$", &["/abc", "abc"], &["//abc"]);
    check(r"\d{12}+:", &["123456789012:"], &["1:"]);
    check("[a-z]*+", &["abc", ""], &["A"]);
}

#[test]
fn case_insensitive_flag_is_ascii() {
    check(
        "(?i)all|[0-9]{12}",
        &["ALL", "aLl", "123456789012"],
        &["alll"],
    );
    check("(?i)é", &["é"], &["É"]);
}

// The cases below were found by a hostile user (issue 11): each compiled and then answered
// the opposite of `java.util.regex`. The verdicts are Java 17's.

#[test]
fn a_quantifier_after_a_quote_applies_to_its_last_character() {
    check(r"\Qab\E*", &["abbb", "a", "ab"], &["abab", ""]);
    check(r"\Qab\E{2}", &["abb"], &["abab"]);
    check(r"x\Q.*\E+", &["x.*", "x.**"], &["x.", "xab"]);
    assert!(
        Pattern::new(r"\Q\E*").is_err(),
        "Java: dangling meta character"
    );
}

#[test]
fn unicode_case_flag_folds_with_javas_simple_mappings() {
    for flags in ["(?ui)", "(?iu)", "(?i)(?u)"] {
        check(&format!("{flags}é"), &["é", "É"], &["e"]);
    }
    // The Kelvin sign and the long s fold to ASCII letters, in classes and ranges too.
    check("(?iu)k", &["k", "K", "\u{212A}"], &[]);
    check("(?iu)s", &["\u{17F}"], &[]);
    check("(?iu)[a-z]", &["\u{212A}", "Q"], &["é"]);
    // `ß` has no single-character upper case in Java, so it is compared exactly.
    check("(?iu)ß", &["ß"], &["\u{1E9E}"]);
    // `u` alone changes nothing, and `-u` turns it off again.
    check("(?u)é", &["é"], &["É"]);
    check("(?iu)(?-u)é", &["é"], &["É"]);
}

#[test]
fn case_insensitive_flag_widens_case_properties() {
    check(r"(?i)\p{Lower}", &["A", "a"], &["1", "é"]);
    check(r"(?i)\p{Upper}", &["a", "A"], &["1"]);
    check(r"(?i)\P{Lower}", &["1"], &["A", "a"]);
    check(r"(?i)[^\p{Lower}]", &["1"], &["A"]);
    for name in ["Lu", "Ll", "Lt", "IsLu", "gc=Ll", "general_category=Lt"] {
        check(
            &format!(r"(?i)\p{{{name}}}"),
            &["a", "A", "ǅ", "é"],
            &["1", "ª"],
        );
    }
    check(r"(?i)\p{IsLowercase}", &["A", "a", "ª"], &["1"]);
    check(r"\p{Lower}", &["a"], &["A"]);
}

#[test]
fn repeated_linebreaks_never_give_back_a_crlf() {
    check(r"\R{2}", &["\n\n", "\r\r", "\r\n\n"], &["\r\n"]);
    check(r"\R{1,2}", &["\r\n", "\r"], &[]);
    check(r"(?:\R){2}", &["\r\r"], &["\r\n"]);
    check(r"(\R)+x", &["\r\nx"], &[]);
    check(r"\R?\n", &["\n"], &["\r\n"]);
    check(r"\R*\n", &["\n"], &["\r\n"]);
    check(r"\R{2,}", &["\n\n"], &["\r\n"]);
    // Outside a repetition, and under `?` on a group (a branch in Java), it gives back.
    check(r"\R\R", &["\r\n"], &[]);
    check(r"\R\n", &["\r\n"], &[]);
    check(r"(?:\R)?\n", &["\r\n"], &[]);
    check(r"(?:a|\R){2}", &["\r\n"], &[]);
    // A repeated group holding `\R` and more: Java's atomic iteration is refused.
    let err = Pattern::new(r"(?:x\R)*").unwrap_err();
    assert_eq!(err.kind(), PatternErrorKind::Unsupported);
}

#[test]
fn empty_intersection_operands() {
    check("[a-z&&]", &["a", "q"], &["A", "&"]);
    check("[&&a]", &["a"], &["b", "&"]);
    check("[^&&a]", &["b", "&"], &["a"]);
    check("[a&&]", &["a"], &["b"]);
    check("[a-c&&&&b]", &["b"], &["a"]);
    check("[a-c&&b&&]", &["b"], &["a"]);
    check(r"[\w&&]", &["a", "1"], &["-"]);
    // Java rejects these, or reads them inconsistently: refused, never guessed.
    for pattern in ["[&&]", "[&&&a]", "[xa-c&&]", "[a[x]&&]"] {
        assert!(Pattern::new(pattern).is_err(), "{pattern}");
    }
}

#[test]
fn class_runs_agree_with_the_automaton() {
    // The same language, once as a bare class run and once forced through an automaton by
    // a no-op alternative.
    let boundaries = [
        '\u{0}',
        'a',
        '\n',
        '\u{7f}',
        '\u{80}',
        '\u{85}',
        'é',
        '\u{7ff}',
        '\u{800}',
        '\u{2028}',
        '\u{d7ff}',
        '\u{e000}',
        '\u{fffd}',
        '\u{ffff}',
        '\u{10000}',
        '😀',
        '\u{10ffff}',
    ];
    let mut values: Vec<String> = ["", "a", "ab", "abc", "a-b", "abcd", "a\n"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for a in boundaries {
        values.push(a.to_string());
        for b in boundaries {
            values.push(format!("a{a}{b}"));
            // ASCII runs longer than a word between characters that are decoded, around
            // the bounds of the counted classes below.
            values.push(format!("{a}bcdefghijk{b}"));
            values.push(format!("abcdefgh{a}ijklmnopq{b}-"));
            values.push(format!("{a}{b}abcdefghi"));
        }
    }
    for (run, automaton) in [
        ("[a-c-]{1,3}", "[a-c-]{1,3}|[^\\s\\S]"),
        (CHIME_NAME, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]*|[^\\s\\S]"),
        (r"[^\s]*", r"[^\s]*|[^\s\S]"),
        (".{0,3}", ".{0,3}|[^\\s\\S]"),
        (r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*|[^\s\S]"),
        (r"[^\u0080-\uFFFF]+", r"[^\u0080-\uFFFF]+|[^\s\S]"),
        ("[a-q-]{1,12}", "[a-q-]{1,12}|[^\\s\\S]"),
        (r"[a-z\u0080-\u07FF\u10000-\u10FFFF]{3,12}", r"[a-z\u0080-\u07FF\u10000-\u10FFFF]{3,12}|[^\s\S]"),
        (".{11,13}", ".{11,13}|[^\\s\\S]"),
    ] {
        let run = Pattern::new(run).unwrap();
        let automaton = Pattern::new(automaton).unwrap();
        assert!(run.is_class_run());
        assert!(!automaton.is_class_run());
        // The shortcut as the derive writes it: rebuilt from its parts.
        let shortcut = run.ascii_shortcut().unwrap();
        let written = AsciiShortcut::new(
            shortcut.members(),
            shortcut.beyond_ascii(),
            shortcut.min(),
            shortcut.max(),
        );
        assert_eq!(written, shortcut);
        for v in &values {
            let expected = automaton.is_match(v);
            assert_eq!(run.is_match(v), expected, "{v:?}");
            if let Some(decided) = written.decide(v) {
                assert_eq!(decided, expected, "shortcut on {v:?}");
            }
        }
    }
}

#[test]
fn errors_name_the_problem_and_where() {
    let cases = [
        (
            "[a-z",
            PatternErrorKind::Syntax,
            "unclosed character class at offset 0",
        ),
        (
            "(ab",
            PatternErrorKind::Syntax,
            "unclosed group at offset 0",
        ),
        (
            "ab)",
            PatternErrorKind::Syntax,
            "unmatched closing `)` at offset 2",
        ),
        (
            "a**",
            PatternErrorKind::Syntax,
            "dangling meta character `*` at offset 2",
        ),
        (
            "{",
            PatternErrorKind::Syntax,
            "illegal repetition `{` at offset 0",
        ),
        (
            "[z-a]",
            PatternErrorKind::Syntax,
            "illegal character range at offset 1",
        ),
        (
            r"\y",
            PatternErrorKind::Syntax,
            "illegal or unsupported escape sequence `\\y` at offset 0",
        ),
        (
            r"(a)\1",
            PatternErrorKind::Unsupported,
            "back-references cannot be matched in linear time; `#[pattern(\"..\", backtracking)]` opts into a bounded backtracking matcher at offset 3",
        ),
        (
            "(?>a)",
            PatternErrorKind::Unsupported,
            "atomic groups `(?>..)` cannot be matched in linear time at offset 0",
        ),
        (
            r"\p{InGreek}",
            PatternErrorKind::Unsupported,
            "unknown or unsupported property `\\p{InGreek}` at offset 0",
        ),
        (
            "(?x)a",
            PatternErrorKind::Unsupported,
            "inline flag `x` is not supported at offset 2",
        ),
        (
            "(?=a$b)c",
            PatternErrorKind::Unsupported,
            "a `$` followed by more of a look-around's body is not supported",
        ),
    ];
    for (pattern, kind, message) in cases {
        let err = Pattern::new(pattern).unwrap_err();
        assert_eq!(
            (err.kind(), err.to_string().as_str()),
            (kind, message),
            "{pattern}"
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "(".repeat(10_000) + &")".repeat(10_000);
    assert_eq!(
        Pattern::new(&deep).unwrap_err().kind(),
        PatternErrorKind::Unsupported
    );
    let deep_class = "[".repeat(10_000);
    assert!(Pattern::new(&deep_class).is_err());
}

#[test]
fn back_references_need_the_opt_in_and_stay_bounded() {
    assert_eq!(
        Pattern::new(r"(a|b)\1").unwrap_err().kind(),
        PatternErrorKind::Unsupported
    );
    let same_twice = Pattern::with_backtracking(r"(a|b)\1").unwrap();
    assert!(same_twice.is_match("aa") && same_twice.is_match("bb"));
    assert!(!same_twice.is_match("ab"));
    let named = Pattern::with_backtracking(r"(?<q>['\x22])[a-z]*\k<q>").unwrap();
    assert!(named.is_match("'abc'") && !named.is_match("'abc\""));
    // A group that did not take part: the back-reference fails, as in Java.
    let unset = Pattern::with_backtracking(r"(?:(x)|y)\1?z").unwrap();
    assert!(unset.is_match("yz") && unset.is_match("xxz"));
    // Without a back-reference the opt-in changes nothing: same linear engines.
    assert_eq!(
        Pattern::with_backtracking("[a-z]+").unwrap().engine(),
        "class run"
    );
    // Exponential for an unbounded backtracker; here the budget runs out and the value is
    // rejected instead of hanging.
    let nasty = Pattern::with_backtracking(r"^(a|aa)+\1b$").unwrap();
    assert!(!nasty.is_match(&("a".repeat(60) + "c")));
    assert!(nasty.is_match("aaab"));
}
