//! Java's `\p{..}` names, resolved to character sets.
//!
//! POSIX names are ASCII-only in Java (without `UNICODE_CHARACTER_CLASS`); Unicode general
//! categories, scripts and binary properties take their tables from `regex-syntax`.

use regex_syntax::hir::{Class, ClassUnicode, HirKind};

use crate::classes::{class_of, space_class};

/// Java's two-letter and one-letter general categories, as `\p{Lu}` or `\p{IsLu}`.
const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "Z",
    "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs", "Cn", "P", "Pd", "Ps", "Pe", "Pc", "Po", "Pi",
    "Pf", "S", "Sm", "Sc", "Sk", "So",
];

/// Resolves the name inside `\p{..}`; `None` when Java has no such name or it is one this
/// crate does not support (Unicode blocks, `java*` methods).
///
/// Under `(?i)` Java widens the case properties to every cased letter: `\p{Lower}` and
/// `\p{Upper}` become `\p{Alpha}`, `\p{Lu}`, `\p{Ll}` and `\p{Lt}` all three, and
/// `\p{IsLowercase}`, `\p{IsUppercase}` and `\p{IsTitlecase}` all three.
pub(crate) fn java_property(name: &str, case_insensitive: bool) -> Option<ClassUnicode> {
    if case_insensitive {
        if let Some(widened) = case_insensitive_property(name) {
            return widened;
        }
    }
    if let Some(set) = posix(name) {
        return Some(set);
    }
    match name {
        "all" => return Some(class_of(&[(0, 0x10FFFF)])),
        "L1" => return Some(class_of(&[(0, 0xFF)])),
        "LD" => {
            let mut set = unicode("L")?;
            set.union(&unicode("Nd")?);
            return Some(set);
        }
        _ => {}
    }
    let category = |n: &str| CATEGORIES.contains(&n).then(|| unicode(n)).flatten();
    if let Some(set) = category(name) {
        return Some(set);
    }
    if let Some(value) = name
        .strip_prefix("gc=")
        .or_else(|| name.strip_prefix("general_category="))
    {
        return category(value);
    }
    if let Some(value) = name
        .strip_prefix("sc=")
        .or_else(|| name.strip_prefix("script="))
    {
        return script(value);
    }
    let rest = name.strip_prefix("Is")?;
    category(rest)
        .or_else(|| binary_property(rest))
        .or_else(|| script(rest))
}

/// The properties `(?i)` widens; `None` for the others.
fn case_insensitive_property(name: &str) -> Option<Option<ClassUnicode>> {
    let union = |names: &[&str]| {
        names
            .iter()
            .try_fold(ClassUnicode::empty(), |mut set, name| {
                set.union(&unicode(name)?);
                Some(set)
            })
    };
    let category = name
        .strip_prefix("gc=")
        .or_else(|| name.strip_prefix("general_category="))
        .or_else(|| name.strip_prefix("Is"))
        .unwrap_or(name);
    if matches!(category, "Lu" | "Ll" | "Lt") {
        return Some(union(&["Lu", "Ll", "Lt"]));
    }
    if matches!(name, "Lower" | "Upper") {
        return Some(posix("Alpha"));
    }
    let binary = name.strip_prefix("Is").map(normalize);
    if matches!(
        binary.as_deref(),
        Some("lowercase" | "uppercase" | "titlecase")
    ) {
        return Some(union(&["Lowercase", "Uppercase", "Lt"]));
    }
    None
}

/// A binary property's name as Java compares it: case, `_` and spaces ignored.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The POSIX classes, which Java defines over US-ASCII only.
fn posix(name: &str) -> Option<ClassUnicode> {
    const LOWER: (u32, u32) = (0x61, 0x7A);
    const UPPER: (u32, u32) = (0x41, 0x5A);
    const DIGIT: (u32, u32) = (0x30, 0x39);
    const PUNCT: [(u32, u32); 4] = [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)];
    let with_punct = |extra: &[(u32, u32)]| {
        let mut ranges = PUNCT.to_vec();
        ranges.extend_from_slice(extra);
        class_of(&ranges)
    };
    Some(match name {
        "Lower" => class_of(&[LOWER]),
        "Upper" => class_of(&[UPPER]),
        "ASCII" => class_of(&[(0, 0x7F)]),
        "Alpha" => class_of(&[LOWER, UPPER]),
        "Digit" => class_of(&[DIGIT]),
        "Alnum" => class_of(&[LOWER, UPPER, DIGIT]),
        "Punct" => class_of(&PUNCT),
        "Graph" => with_punct(&[LOWER, UPPER, DIGIT]),
        "Print" => with_punct(&[LOWER, UPPER, DIGIT, (0x20, 0x20)]),
        "Blank" => class_of(&[(0x20, 0x20), (0x09, 0x09)]),
        "Cntrl" => class_of(&[(0, 0x1F), (0x7F, 0x7F)]),
        "XDigit" => class_of(&[DIGIT, (0x41, 0x46), (0x61, 0x66)]),
        "Space" => space_class(),
        _ => return None,
    })
}

/// Java's `\p{IsX}` binary properties.
fn binary_property(name: &str) -> Option<ClassUnicode> {
    let table = match normalize(name).as_str() {
        "alphabetic" => "Alphabetic",
        "ideographic" => "Ideographic",
        "letter" => "L",
        "lowercase" => "Lowercase",
        "uppercase" => "Uppercase",
        "titlecase" => "Lt",
        "punctuation" => "P",
        "control" => "Cc",
        "whitespace" => "White_Space",
        "digit" => "Nd",
        "hexdigit" => "Hex_Digit",
        "joincontrol" => "Join_Control",
        "noncharactercodepoint" => "Noncharacter_Code_Point",
        "assigned" => {
            let mut set = unicode("Cn")?;
            set.negate();
            return Some(set);
        }
        "emoji" => "Emoji",
        _ => return None,
    };
    unicode(table)
}

fn script(name: &str) -> Option<ClassUnicode> {
    // Scripts are the names regex-syntax knows that are neither categories nor properties;
    // asking for `Script=` keeps `\p{IsLu}`-style names from resolving here.
    unicode(&format!("Script={name}"))
}

/// A Unicode table by the name regex-syntax gives it.
fn unicode(name: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&format!("\\p{{{name}}}"))
        .ok()?;
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(set)) => Some(set),
        _ => None,
    }
}
