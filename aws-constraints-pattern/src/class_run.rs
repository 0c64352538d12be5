//! The fast path for the most common shape of AWS pattern: one character class with a
//! quantifier (`[-_a-zA-Z0-9]*`, `[a-zA-Z0-9:_-]+`, `^[^\s]{1,8192}$`).
//!
//! Such a pattern matches when every character is in the class and the number of characters
//! is within the quantifier's bounds, which a loop over the bytes decides with a 128-bit
//! ASCII bitmap and, for the rest of Unicode, a binary search of the class's ranges.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

#[derive(Clone, Debug)]
pub(crate) struct ClassRun {
    /// Bit `b` is set when ASCII byte `b` is in the class.
    ascii: u128,
    /// The class's ranges above U+007F, sorted and disjoint.
    non_ascii: Box<[(char, char)]>,
    min: u64,
    max: Option<u64>,
}

impl ClassRun {
    /// Recognises `^?C{min,max}$?` where `C` is one class or one character.
    pub(crate) fn from_hir(hir: &Hir) -> Option<ClassRun> {
        let mut parts = match hir.kind() {
            HirKind::Concat(parts) => parts.as_slice(),
            _ => std::slice::from_ref(hir),
        };
        while let [first, rest @ ..] = parts {
            if !matches!(first.kind(), HirKind::Look(Look::Start)) {
                break;
            }
            parts = rest;
        }
        while let [rest @ .., last] = parts {
            if !matches!(last.kind(), HirKind::Look(Look::End)) {
                break;
            }
            parts = rest;
        }
        let [single] = parts else { return None };
        match single.kind() {
            HirKind::Repetition(rep) => {
                Self::with_class(&rep.sub, u64::from(rep.min), rep.max.map(u64::from))
            }
            _ => Self::with_class(single, 1, Some(1)),
        }
    }

    fn with_class(hir: &Hir, min: u64, max: Option<u64>) -> Option<ClassRun> {
        let ranges: Vec<(char, char)> = match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok()?;
                let mut chars = text.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                vec![(c, c)]
            }
            _ => return None,
        };
        let mut ascii = 0u128;
        let mut non_ascii = Vec::new();
        for (lo, hi) in ranges {
            for b in (lo as u32)..=(hi as u32).min(0x7F) {
                ascii |= 1 << b;
            }
            if hi as u32 >= 0x80 {
                non_ascii.push((lo.max('\u{80}'), hi));
            }
        }
        Some(ClassRun {
            ascii,
            non_ascii: non_ascii.into_boxed_slice(),
            min,
            max,
        })
    }

    #[inline]
    pub(crate) fn is_match(&self, value: &str) -> bool {
        let bytes = value.as_bytes();
        // A character takes at least one byte: too few bytes is too few characters.
        if (bytes.len() as u64) < self.min {
            return false;
        }
        let max = self.max.unwrap_or(u64::MAX);
        let mut count = 0u64;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if self.ascii & (1u128 << b) == 0 {
                    return false;
                }
                i += 1;
            } else {
                let Some(c) = value[i..].chars().next() else {
                    return false;
                };
                if !self.contains_non_ascii(c) {
                    return false;
                }
                i += c.len_utf8();
            }
            count += 1;
            if count > max {
                return false;
            }
        }
        count >= self.min
    }

    fn contains_non_ascii(&self, c: char) -> bool {
        self.non_ascii
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}
