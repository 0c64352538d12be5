//! The fast path for the most common shape of AWS pattern: one character class with a
//! quantifier (`[-_a-zA-Z0-9]*`, `[a-zA-Z0-9:_-]+`, `^[^\s]{1,8192}$`).
//!
//! Such a pattern matches when every character is in the class and the number of characters
//! is within the quantifier's bounds. A loop over the bytes decides it with a 256-entry
//! table (one load a byte, a branch every four: [`AsciiShortcut`]) while the bytes are
//! ASCII; past the first
//! non-ASCII byte, a decoding loop looks each character up in a 64 Ki-bit bitmap of the
//! Basic Multilingual Plane, and in the class's sorted ranges above it.
//!
//! A class that excludes only a few characters (`.` excludes the five line terminators,
//! `[^\s]` six) is matched without decoding: one table lookup per byte finds the lead bytes
//! of the excluded characters, each candidate is compared with their encodings, and the
//! characters are counted eight bytes at a time only when the byte length cannot decide.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::AsciiShortcut;

#[derive(Clone, Debug)]
pub(crate) struct ClassRun {
    /// The ASCII members and the repetition's bounds: every byte from 0x80 is outside, and
    /// sends the scan to the decoding loop.
    shortcut: AsciiShortcut,
    /// Bit `c` is set when `c` (below U+10000) is in the class; `None` when the class has
    /// no member above U+007F, so that any non-ASCII byte already decides.
    bmp: Option<Box<[u64; 1024]>>,
    /// The class's ranges from U+10000, sorted and disjoint.
    astral: Box<[(u32, u32)]>,
    /// The characters outside the class, when they are few.
    excluded: Option<Box<Excluded>>,
}

/// A class told by the few characters it leaves out.
#[derive(Clone, Debug)]
struct Excluded {
    /// `lead[b]`: some excluded character's UTF-8 encoding starts with byte `b`.
    lead: [bool; 256],
    /// The excluded characters' encodings.
    encodings: Vec<Vec<u8>>,
    /// Each distinct lead byte repeated in all eight bytes of a word, for scanning eight
    /// bytes at a time; empty when there are too many to be worth it.
    lead_words: Vec<u64>,
}

/// Up to this many distinct lead bytes are searched eight bytes at a time.
const SWAR_LEADS: usize = 6;
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A class leaving out at most this many characters is matched by [`Excluded`].
const FEW_EXCLUDED: u32 = 8;

impl Excluded {
    /// The characters not in `ranges` (sorted, disjoint), if there are few.
    fn of(ranges: &[(char, char)]) -> Option<Excluded> {
        let mut missing: Vec<char> = Vec::new();
        let mut next = 0u32;
        let gaps = ranges
            .iter()
            .map(|&(lo, hi)| (lo as u32, hi as u32 + 1))
            .chain(std::iter::once((0x11_0000, 0x11_0000)));
        for (lo, after) in gaps {
            for c in next..lo {
                // Surrogates are not characters: a `str` never holds them.
                if let Some(c) = char::from_u32(c) {
                    if missing.len() as u32 == FEW_EXCLUDED {
                        return None;
                    }
                    missing.push(c);
                }
            }
            next = after;
        }
        let mut lead = [false; 256];
        let encodings = missing
            .iter()
            .map(|c| {
                let mut buffer = [0u8; 4];
                let bytes = c.encode_utf8(&mut buffer).as_bytes().to_vec();
                lead[bytes[0] as usize] = true;
                bytes
            })
            .collect();
        let leads: Vec<u64> = (0..=255u8)
            .filter(|&b| lead[b as usize])
            .map(|b| u64::from(b) * ONES)
            .collect();
        let lead_words = if leads.len() <= SWAR_LEADS {
            leads
        } else {
            Vec::new()
        };
        Some(Excluded {
            lead,
            encodings,
            lead_words,
        })
    }

    /// Whether `bytes` holds none of the excluded characters.
    #[inline]
    fn absent_from(&self, bytes: &[u8]) -> bool {
        if self.lead_words.is_empty() {
            return self.absent_in(bytes, 0, bytes.len());
        }
        // Eight bytes at a time: a word with none of the lead bytes is skipped whole, and
        // only a word with one is searched byte by byte.
        let mut words = bytes.chunks_exact(8);
        for (i, word) in (&mut words).enumerate() {
            let from = 8 * i;
            if self.may_lead(word_of(word)) && !self.absent_in(bytes, from, from + 8) {
                return false;
            }
        }
        // The last few bytes as one word too, so that a short value costs no byte loop:
        // the last eight bytes when there are eight (overlapping a word already read), else
        // the value zero-padded (padding that looks like a lead byte only sends the word to
        // the exact search).
        if words.remainder().is_empty() {
            return true;
        }
        let (word, from) = match bytes.len().checked_sub(8) {
            Some(from) => (word_of(&bytes[from..]), from),
            None => (padded_word(bytes), 0),
        };
        !self.may_lead(word) || self.absent_in(bytes, from, bytes.len())
    }

    /// Whether one of `word`'s bytes may be a lead byte.
    #[inline]
    fn may_lead(&self, word: u64) -> bool {
        let hit = self.lead_words.iter().fold(0, |hit, &lead| {
            let x = word ^ lead;
            hit | (x.wrapping_sub(ONES) & !x & HIGHS)
        });
        hit != 0
    }

    /// Whether no excluded character starts in `bytes[start..end]`.
    fn absent_in(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        (start..end).all(|at| {
            !self.lead[bytes[at] as usize]
                || !self.encodings.iter().any(|e| bytes[at..].starts_with(e))
        })
    }
}

/// Eight bytes (`bytes` has exactly eight) as a word.
#[inline]
fn word_of(bytes: &[u8]) -> u64 {
    let mut buffer = [0u8; 8];
    buffer.copy_from_slice(bytes);
    u64::from_le_bytes(buffer)
}

/// Fewer than eight bytes as a word, zero-padded: shifted in, since a copy of a length
/// unknown at compile time is a call.
#[inline]
fn padded_word(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0, |word, &byte| word << 8 | u64::from(byte))
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
        let (class, min, max) = match single.kind() {
            HirKind::Repetition(rep) => (&*rep.sub, u64::from(rep.min), rep.max.map(u64::from)),
            _ => (single, 1, Some(1)),
        };
        let ranges = Self::ranges(class)?;
        let mut ascii = [0u64; 2];
        let mut bmp: Option<Box<[u64; 1024]>> = None;
        let mut astral = Vec::new();
        for &(lo, hi) in &ranges {
            let (lo, hi) = (lo as u32, hi as u32);
            for b in lo..=hi.min(0x7F) {
                ascii[(b / 64) as usize] |= 1 << (b % 64);
            }
            if hi >= 0x80 {
                let bits = bmp.get_or_insert_with(|| Box::new([0; 1024]));
                for c in lo.max(0x80)..=hi.min(0xFFFF) {
                    bits[(c >> 6) as usize] |= 1 << (c & 63);
                }
            }
            if hi >= 0x10000 {
                astral.push((lo.max(0x10000), hi));
            }
        }
        Some(ClassRun {
            shortcut: AsciiShortcut::new(ascii, bmp.is_some(), min, max),
            bmp,
            astral: astral.into_boxed_slice(),
            excluded: Excluded::of(&ranges).map(Box::new),
        })
    }

    /// The class's ranges, if `hir` is a class or a single character.
    fn ranges(hir: &Hir) -> Option<Vec<(char, char)>> {
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
        Some(ranges)
    }

    pub(crate) fn shortcut(&self) -> &AsciiShortcut {
        &self.shortcut
    }

    #[inline]
    pub(crate) fn is_match(&self, value: &str) -> bool {
        if let Some(answer) = self.shortcut.decide(value) {
            return answer;
        }
        // A non-ASCII character, in a class with such members.
        let bytes = value.as_bytes();
        if let Some(excluded) = &self.excluded {
            let len = bytes.len() as u64;
            let (min, max) = (self.shortcut.min(), self.shortcut.max().unwrap_or(u64::MAX));
            // The byte length decides the count when every character could be one byte
            // and none could push it below the minimum; otherwise count.
            let count_fits = (len <= max && len.div_ceil(4) >= min) || {
                let chars = crate::count_chars(value);
                chars >= min && chars <= max
            };
            return count_fits && excluded.absent_from(bytes);
        }
        self.is_match_from(value, self.ascii_run(bytes))
    }

    /// How many bytes from the start of `bytes` are ASCII characters in the class.
    #[inline]
    fn ascii_run(&self, bytes: &[u8]) -> usize {
        bytes
            .iter()
            .take_while(|&&b| self.shortcut.is_member(b))
            .count()
    }

    /// The decoding scan, from byte `start`, a non-ASCII character after `start` ASCII
    /// characters in the class. Each non-ASCII character is decoded and looked up; the
    /// ASCII runs between them go back to the table (text in most languages mixes both).
    #[cold]
    fn is_match_from(&self, value: &str, start: usize) -> bool {
        let Some(bmp) = &self.bmp else {
            return false;
        };
        let max = self.shortcut.max().unwrap_or(u64::MAX);
        let mut count = start as u64;
        let mut rest = &value[start..];
        // `rest` starts with a non-ASCII character (or one outside the class), or is empty.
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            let c = u32::from(c);
            let member = match c {
                0..=0x7F => self.shortcut.is_member(c as u8),
                0x80..=0xFFFF => bmp[(c >> 6) as usize] & (1 << (c & 63)) != 0,
                _ => self.contains_astral(c),
            };
            rest = chars.as_str();
            let run = self.ascii_run(rest.as_bytes());
            count += 1 + run as u64;
            if !member || count > max {
                return false;
            }
            rest = &rest[run..];
            chars = rest.chars();
        }
        count >= self.shortcut.min()
    }

    fn contains_astral(&self, c: u32) -> bool {
        ranges_contain(&self.astral, c)
    }
}

/// Whether `c` is in `ranges` (sorted, disjoint, inclusive).
pub(crate) fn ranges_contain(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
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

#[cfg(test)]
mod tests {
    use crate::Pattern;

    // Words of eight bytes are skipped whole, and the last few bytes are read as one word
    // (overlapping, or zero-padded): an excluded character is found at every position of
    // values of every length around a word's, and padding that looks like a lead byte
    // (`\x00`, excluded from the second class) rejects nothing.
    #[test]
    fn excluded_characters_are_found_at_every_position() {
        let classes: [(&str, &[char]); 2] = [
            (".*", &['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
            (r"[^\x00]*", &['\0']),
        ];
        for (pattern, excluded) in classes {
            let pattern = Pattern::new(pattern).unwrap();
            assert!(pattern.is_class_run());
            for filler in ["a", "é", "😀"] {
                for len in 0..=24 {
                    let value = filler.repeat(len);
                    assert!(pattern.is_match(&value), "{value:?}");
                    for at in 0..=len {
                        for &c in excluded {
                            let mut value = filler.repeat(at);
                            value.push(c);
                            value.push_str(&filler.repeat(len - at));
                            assert!(!pattern.is_match(&value), "{value:?}");
                        }
                    }
                }
            }
        }
    }
}
