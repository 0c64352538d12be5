//! The part of a class run that needs no matcher: a value made only of the class's ASCII
//! members is decided by its length, its count of characters being its count of bytes, and
//! a value with an ASCII byte outside the class fails; a literal look-around at one end
//! (`(?!aws:)`) is a comparison of bytes.

/// What a pattern that is one character class repeated (`[-_a-zA-Z0-9]*`, `[^\s]{1,64}`)
/// decides without its matcher: a value whose bytes are all ASCII members of the class
/// matches when its length is within the repetition's bounds; a value too short or far too
/// long, or with an ASCII byte outside the class, fails. Only a value with a non-ASCII
/// character, in a class that has some, is left to the matcher. A pattern whose class is
/// guarded by a literal look-around at one end (`(?!aws:)[a-zA-Z+-=._:/]+`, AWS's tag keys)
/// has the literal as a [`Guard`], compared with the value's first or last bytes.
///
/// Get one from [`Pattern::ascii_shortcut`](crate::Pattern::ascii_shortcut), or build one in
/// a constant from its parts: the derive does, so that the check inlines into the generated
/// code with the class's table in static memory, and only the values it leaves undecided
/// (a byte outside the class, or not ASCII) reach the [`Pattern`](crate::Pattern). A value
/// of up to a few dozen bytes then costs a few instructions a byte, and no call.
///
/// ```
/// use aws_constraints_pattern::{AsciiShortcut, Guard, Pattern};
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
///
/// // A tag key: the class, and no `aws:` at the start.
/// let key = Pattern::new("(?!aws:)[a-z:]+")?.ascii_shortcut().unwrap();
/// assert_eq!(key.guard(), Some(Guard::not_starting_with(b"aws:")));
/// assert_eq!(key.decide("team"), Some(true));
/// assert_eq!(key.decide("aws:team"), Some(false));
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
    guard: Option<Guard>,
}

/// A look-around that is a literal at one end of the value (`(?!aws:)`, `(?<!-)`): whether
/// the value starts (or ends) with the literal must be `true`, or `false` for the negated
/// forms. An [`AsciiShortcut`] checks it with a comparison of bytes.
///
/// ```
/// use aws_constraints_pattern::Guard;
///
/// const NO_AWS: Guard = Guard::not_starting_with(b"aws:");
/// assert_eq!((NO_AWS.literal(), NO_AWS.at_end(), NO_AWS.must_match()), (&b"aws:"[..], false, false));
/// assert!(NO_AWS.holds(b"team") && !NO_AWS.holds(b"aws:team"));
/// assert!(Guard::ending_with(b".json").holds(b"a.json"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Guard {
    bytes: [u8; Guard::MAX_LEN],
    len: u8,
    at_end: bool,
    must_match: bool,
}

impl Guard {
    /// The longest literal a guard holds; a pattern with a longer one has no shortcut.
    pub const MAX_LEN: usize = 16;

    /// `(?=literal)` at the start. Panics (at compile time, in a constant) when `literal`
    /// is longer than [`Guard::MAX_LEN`], as do the other three.
    pub const fn starting_with(literal: &[u8]) -> Guard {
        Guard::new(literal, false, true)
    }

    /// `(?!literal)` at the start.
    pub const fn not_starting_with(literal: &[u8]) -> Guard {
        Guard::new(literal, false, false)
    }

    /// `(?<=literal)` at the end.
    pub const fn ending_with(literal: &[u8]) -> Guard {
        Guard::new(literal, true, true)
    }

    /// `(?<!literal)` at the end.
    pub const fn not_ending_with(literal: &[u8]) -> Guard {
        Guard::new(literal, true, false)
    }

    const fn new(literal: &[u8], at_end: bool, must_match: bool) -> Guard {
        assert!(
            literal.len() <= Guard::MAX_LEN,
            "a guard's literal is at most Guard::MAX_LEN bytes"
        );
        let mut bytes = [0u8; Guard::MAX_LEN];
        let mut i = 0;
        while i < literal.len() {
            bytes[i] = literal[i];
            i += 1;
        }
        Guard {
            bytes,
            len: literal.len() as u8,
            at_end,
            must_match,
        }
    }

    /// The guard for a literal look-around, if the literal fits.
    pub(crate) fn of(literal: &[u8], at_end: bool, must_match: bool) -> Option<Guard> {
        (literal.len() <= Guard::MAX_LEN).then(|| Guard::new(literal, at_end, must_match))
    }

    /// The literal.
    pub fn literal(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// Whether the literal is looked for at the end of the value, not the start.
    pub fn at_end(&self) -> bool {
        self.at_end
    }

    /// Whether the value must have the literal there (`(?=..)`, `(?<=..)`), not lack it.
    pub fn must_match(&self) -> bool {
        self.must_match
    }

    /// Whether `value` passes the look-around.
    #[inline]
    pub fn holds(&self, value: &[u8]) -> bool {
        let literal = self.literal();
        let found = if self.at_end {
            value.ends_with(literal)
        } else {
            value.starts_with(literal)
        };
        found == self.must_match
    }
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("literal", &self.literal().escape_ascii().to_string())
            .field("at_end", &self.at_end)
            .field("must_match", &self.must_match)
            .finish()
    }
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
            guard: None,
        }
    }

    /// The same shortcut, for the class guarded by `guard`.
    pub const fn with_guard(self, guard: Guard) -> AsciiShortcut {
        AsciiShortcut {
            guard: Some(guard),
            ..self
        }
    }

    /// The literal look-around the class is guarded by, if there is one.
    pub fn guard(&self) -> Option<Guard> {
        self.guard
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
    // Always inlined: its caller passes a constant, and the check is meant to become code
    // with the table's address and the bounds written into it (measured: a call to it cost
    // CreateThing's valid document half as many instructions again).
    #[inline(always)]
    pub fn decide(&self, value: &str) -> Option<bool> {
        let class = self.decide_class(value)?;
        Some(class && self.guard.is_none_or(|guard| guard.holds(value.as_bytes())))
    }

    /// [`AsciiShortcut::decide`] for the class alone.
    #[inline(always)]
    fn decide_class(&self, value: &str) -> Option<bool> {
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
            .field("guard", &self.guard)
            .finish()
    }
}
