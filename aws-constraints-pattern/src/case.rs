//! `(?iu)`: Java's Unicode case-insensitive matching, from its simple case mappings.
//!
//! Java folds a single character and a range differently, and this module keeps both
//! (`java.util.regex.Pattern`'s `SingleU` and `CIRangeU`): a character `c` matches every
//! `x` with `lower(upper(x)) == lower(upper(c))`, unless `c` has no case at all; a range
//! matches every `x` that is in it, or whose upper case, or the lower case of that, is in
//! it (so `[a-z]` takes the long s, whose upper case is `S`).

use regex_syntax::hir::ClassUnicode;

use crate::classes::class_of;
use crate::java_case::SIMPLE_CASE;

/// `(upper, lower)` of a code point, as `Character.toUpperCase`/`toLowerCase` give them.
fn mappings(c: u32) -> (u32, u32) {
    match SIMPLE_CASE.binary_search_by_key(&c, |&(code, _, _)| code) {
        Ok(i) => (SIMPLE_CASE[i].1, SIMPLE_CASE[i].2),
        Err(_) => (c, c),
    }
}

/// `Character.toLowerCase(Character.toUpperCase(c))`: the key Java compares.
fn folded_key(c: u32) -> u32 {
    mappings(mappings(c).0).1
}

/// A literal character under `(?iu)`.
pub(crate) fn fold_char(c: u32) -> ClassUnicode {
    let upper = mappings(c).0;
    let key = mappings(upper).1;
    let mut class = class_of(&[(c, c)]);
    if upper == key {
        // Java compares such a character exactly.
        return class;
    }
    class.union(&class_of(&[(key, key)]));
    for &(x, _, _) in SIMPLE_CASE {
        if folded_key(x) == key {
            class.union(&class_of(&[(x, x)]));
        }
    }
    class
}

/// A class range under `(?iu)`.
pub(crate) fn fold_range(lo: u32, hi: u32) -> ClassUnicode {
    let mut class = class_of(&[(lo, hi)]);
    let within = |c: u32| (lo..=hi).contains(&c);
    for &(x, upper, _) in SIMPLE_CASE {
        if within(upper) || within(mappings(upper).1) {
            class.union(&class_of(&[(x, x)]));
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(class: &ClassUnicode, c: char) -> bool {
        class
            .ranges()
            .iter()
            .any(|r| r.start() <= c && c <= r.end())
    }

    #[test]
    fn single_characters_fold_through_upper_then_lower() {
        let e = fold_char('é' as u32);
        assert!(contains(&e, 'É') && contains(&e, 'é'));
        let k = fold_char('k' as u32);
        assert!(contains(&k, 'K') && contains(&k, '\u{212A}'));
        // `ß` has no single-character upper case in Java: compared exactly.
        assert!(!contains(&fold_char('ß' as u32), '\u{1E9E}'));
    }

    #[test]
    fn ranges_fold_each_way() {
        let letters = fold_range('a' as u32, 'z' as u32);
        assert!(contains(&letters, 'Q') && contains(&letters, '\u{212A}'));
        assert!(contains(&letters, '\u{17F}'));
        assert!(!contains(&letters, 'é'));
    }
}
