//! The part of a class run that needs no matcher: a value made only of the class's ASCII
//! members is decided by its length, its count of characters being its count of bytes, and
//! a value with an ASCII byte outside the class fails.

/// What a pattern that is one character class repeated (`[-_a-zA-Z0-9]*`, `[^\s]{1,64}`)
/// decides without its matcher: a value whose bytes are all ASCII members of the class
/// matches when its length is within the repetition's bounds; a value too short or far too
/// long, or with an ASCII byte outside the class, fails. Only a value with a non-ASCII
/// character, in a class that has some, is left to the matcher.
///
/// Get one from [`Pattern::ascii_shortcut`](crate::Pattern::ascii_shortcut), or build one in
/// a constant from its parts: the derive does, so that the check inlines into the generated
/// code with the class's table in static memory, and only the values it leaves undecided
/// (a byte outside the class, or not ASCII) reach the [`Pattern`](crate::Pattern). A value
/// of up to a few dozen bytes then costs a few instructions a byte, and no call.
///
/// ```
/// use aws_constraints_pattern::{AsciiShortcut, Pattern};
///
/// let pattern = Pattern::new("[a-z0-9-]{1,8}")?;
/// let shortcut = pattern.ascii_shortcut().expect("one class repeated");
/// assert_eq!(shortcut.decide("abc-1"), Some(true));
/// assert_eq!(shortcut.decide("abcdefghi"), Some(false)); // nine: one too many
/// assert_eq!(shortcut.decide(""), Some(false)); // none: one too few
/// assert_eq!(shortcut.decide("abC"), Some(false)); // `C` is not in the class
/// assert_eq!(shortcut.decide("é"), Some(false)); // nor is anything beyond ASCII
///
/// // A class with members beyond ASCII leaves their values to the pattern.
/// let name = Pattern::new(r"[\p{L}0-9 ]+")?;
/// assert_eq!(name.ascii_shortcut().unwrap().decide("café 2"), None);
/// assert!(name.is_match("café 2"));
///
/// // The first shortcut written as a constant, the way the derive writes it.
/// const SAME: AsciiShortcut =
///     AsciiShortcut::new([0x03ff_2000_0000_0000, 0x07ff_fffe_0000_0000], false, 1, Some(8));
/// assert_eq!(SAME, shortcut);
/// assert_eq!(SAME.members(), shortcut.members());
/// assert_eq!((SAME.beyond_ascii(), SAME.min(), SAME.max()), (false, 1, Some(8)));
/// # Ok::<(), aws_constraints_pattern::PatternError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AsciiShortcut {
    /// `members[b]`: byte `b` is ASCII and in the class. A table of bytes rather than of
    /// bits: one load a byte, no shifts.
    members: [bool; 256],
    /// Whether the class has members from U+0080: whether a non-ASCII byte needs decoding.
    beyond_ascii: bool,
    min: u64,
    /// `u64::MAX` when unbounded.
    max: u64,
}

impl AsciiShortcut {
    /// The shortcut of a class whose ASCII members are the bits of `members` (bit `b % 64`
    /// of word `b / 64` for byte `b`), which has members from U+0080 if `beyond_ascii`,
    /// repeated from `min` to `max` times (`None`: without bound). Evaluated at compile
    /// time in a constant.
    pub const fn new(
        members: [u64; 2],
        beyond_ascii: bool,
        min: u64,
        max: Option<u64>,
    ) -> AsciiShortcut {
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 128 {
            table[byte] = members[byte / 64] >> (byte % 64) & 1 == 1;
            byte += 1;
        }
        AsciiShortcut {
            members: table,
            beyond_ascii,
            min,
            max: match max {
                Some(max) => max,
                None => u64::MAX,
            },
        }
    }

    /// The class's ASCII members, as [`AsciiShortcut::new`] takes them.
    pub fn members(&self) -> [u64; 2] {
        let mut words = [0u64; 2];
        for byte in (0..128).filter(|&b| self.members[b]) {
            words[byte / 64] |= 1 << (byte % 64);
        }
        words
    }

    /// Whether the class has members from U+0080, as [`AsciiShortcut::new`] takes it.
    pub fn beyond_ascii(&self) -> bool {
        self.beyond_ascii
    }

    /// The fewest characters a value must have.
    pub fn min(&self) -> u64 {
        self.min
    }

    /// The most characters a value may have, if there is a limit.
    pub fn max(&self) -> Option<u64> {
        (self.max != u64::MAX).then_some(self.max)
    }

    /// Whether byte `byte` is an ASCII member of the class.
    #[inline]
    pub(crate) fn is_member(&self, byte: u8) -> bool {
        self.members[usize::from(byte)]
    }

    /// The pattern's answer for `value` when the shortcut knows it: `Some(true)` or
    /// `Some(false)` exactly as [`Pattern::is_match`](crate::Pattern::is_match) would
    /// answer, `None` when only the pattern can tell (a non-ASCII character, in a class
    /// with members beyond ASCII).
    #[inline]
    pub fn decide(&self, value: &str) -> Option<bool> {
        let bytes = value.as_bytes();
        let len = bytes.len() as u64;
        // A character takes one to four bytes, so the byte length alone decides a value
        // too short or far too long: a huge value is never read against a small maximum.
        if len < self.min || len.div_ceil(4) > self.max {
            return Some(false);
        }
        // Four bytes a branch: a value of members takes no branch but the loop's.
        let mut quads = bytes.chunks_exact(4);
        for quad in &mut quads {
            if !(self.is_member(quad[0])
                & self.is_member(quad[1])
                & self.is_member(quad[2])
                & self.is_member(quad[3]))
            {
                return self.decide_at_non_member(quad);
            }
        }
        let rest = quads.remainder();
        if !rest.iter().all(|&b| self.is_member(b)) {
            return self.decide_at_non_member(rest);
        }
        Some(len <= self.max)
    }

    /// The answer for a value whose first bytes that are not all ASCII members are
    /// `bytes`. An ASCII byte is a whole character: one outside the class fails the value,
    /// as does any character in a class with none beyond ASCII. Out of line: the inlined
    /// check stays small, and a failing value pays a call.
    #[cold]
    #[inline(never)]
    fn decide_at_non_member(&self, bytes: &[u8]) -> Option<bool> {
        let ascii_outside = bytes.iter().any(|&b| b < 0x80 && !self.is_member(b));
        (ascii_outside || !self.beyond_ascii).then_some(false)
    }
}

impl std::fmt::Debug for AsciiShortcut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let members: String = (0..128u8)
            .filter(|&b| self.is_member(b))
            .map(char::from)
            .collect();
        f.debug_struct("AsciiShortcut")
            .field("members", &members)
            .field("beyond_ascii", &self.beyond_ascii)
            .field("min", &self.min)
            .field("max", &self.max())
            .finish()
    }
}
