//! Java's character classes, as `java.util.regex` defines them: the ASCII `\w`, `\s`,
//! `\h`, `\v`, the line terminators that `.` excludes, ASCII case folding, and classes built
//! from code-point ranges. A leaf, as regex-syntax's `unicode` module is: the parser, case
//! folding and the Unicode properties build on it, and it on nothing of theirs.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// A class from code-point ranges. Surrogate code points cannot occur in a Rust string, so
/// they are left out: Java would match them only in malformed UTF-16.
pub(crate) fn class_of(ranges: &[(u32, u32)]) -> ClassUnicode {
    let ranges = ranges.iter().filter_map(|&(lo, hi)| {
        let lo = if (0xD800..0xE000).contains(&lo) {
            0xE000
        } else {
            lo
        };
        let hi = if (0xD800..0xE000).contains(&hi) {
            0xD7FF
        } else {
            hi
        };
        let (lo, hi) = (char::from_u32(lo)?, char::from_u32(hi)?);
        (lo <= hi).then(|| ClassUnicodeRange::new(lo, hi))
    });
    ClassUnicode::new(ranges)
}

pub(crate) fn negate_if(mut class: ClassUnicode, negated: bool) -> ClassUnicode {
    if negated {
        class.negate();
    }
    class
}

/// Adds the other ASCII case of every ASCII letter in the class: Java's `(?i)` without
/// `(?u)`.
pub(crate) fn fold_ascii_case(class: &mut ClassUnicode) {
    let mut upper = class.clone();
    upper.intersect(&class_of(&[(b'A' as u32, b'Z' as u32)]));
    let mut lower = class.clone();
    lower.intersect(&class_of(&[(b'a' as u32, b'z' as u32)]));
    let shift = |set: &ClassUnicode, up: bool| {
        let ranges: Vec<(u32, u32)> = set
            .ranges()
            .iter()
            .map(|r| {
                let (lo, hi) = (r.start() as u32, r.end() as u32);
                if up {
                    (lo - 32, hi - 32)
                } else {
                    (lo + 32, hi + 32)
                }
            })
            .collect();
        class_of(&ranges)
    };
    class.union(&shift(&upper, false));
    class.union(&shift(&lower, true));
}

/// Java's line terminators, which `.` excludes.
pub(crate) fn line_terminators() -> ClassUnicode {
    class_of(&[(0x0A, 0x0A), (0x0D, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}

pub(crate) fn word_class() -> ClassUnicode {
    class_of(&[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])
}

/// `\s` in Java: `[ \t\n\x0B\f\r]`.
pub(crate) fn space_class() -> ClassUnicode {
    class_of(&[(0x09, 0x0D), (0x20, 0x20)])
}

pub(crate) fn horizontal_space() -> ClassUnicode {
    class_of(&[
        (0x09, 0x09),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    ])
}

pub(crate) fn vertical_space() -> ClassUnicode {
    class_of(&[(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}
