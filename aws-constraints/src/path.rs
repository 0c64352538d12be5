//! Where a violation is: the borrowed [`Location`] threaded through validation, and the
//! owned [`Path`] a violation keeps.

use std::fmt;

use crate::compact::CompactText;

/// What of a value must never be shown: in a message, an echo, a path or a log.
///
/// A member is sensitive as a whole (`#[sensitive]`), or holds a collection some of whose
/// parts are: a list's items (`#[each(sensitive)]`), a map's keys (`#[keys(sensitive)]`)
/// or values (`#[values(sensitive)]`), at any depth (`#[values(each(sensitive))]`). A
/// [`Location`] carries the sensitivity of the value at it, and hands each part's down to
/// the part's location. Where a collection with sensitive parts is echoed, each sensitive
/// part is written as [`REDACTED`] (an empty string as it is: it holds nothing to hide).
///
/// ```
/// use aws_constraints::{path::Location, path::Sensitivity};
///
/// // Cognito's `Logins`: a map whose values are identity providers' tokens.
/// const TOKENS: Sensitivity = Sensitivity::Entries { keys: false, values: &Sensitivity::Whole };
/// let root = Location::root();
/// let logins = root.member("Logins", false).with_sensitive_parts(TOKENS);
/// assert!(!logins.map_key("graph.facebook.com").is_sensitive());
/// assert!(logins.map_value("graph.facebook.com").is_sensitive());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Sensitivity {
    /// Nothing of the value is sensitive.
    #[default]
    Nothing,
    /// All of it.
    Whole,
    /// The items of a list or set, as the inner sensitivity says.
    Items(&'static Sensitivity),
    /// The keys of a map (all of them, or none) and its values, as `values` says.
    Entries {
        keys: bool,
        values: &'static Sensitivity,
    },
}

impl Sensitivity {
    /// Whether all of the value is sensitive.
    pub fn is_whole(self) -> bool {
        self == Sensitivity::Whole
    }

    /// Whether any part of the value is.
    pub fn is_any(self) -> bool {
        self != Sensitivity::Nothing
    }

    /// An item's, when this is a list's.
    pub fn of_item(self) -> Sensitivity {
        match self {
            Sensitivity::Whole => Sensitivity::Whole,
            Sensitivity::Items(item) => *item,
            _ => Sensitivity::Nothing,
        }
    }

    /// A key's, when this is a map's.
    pub fn of_key(self) -> Sensitivity {
        match self {
            Sensitivity::Whole | Sensitivity::Entries { keys: true, .. } => Sensitivity::Whole,
            _ => Sensitivity::Nothing,
        }
    }

    /// A value's, when this is a map's.
    pub fn of_value(self) -> Sensitivity {
        match self {
            Sensitivity::Whole => Sensitivity::Whole,
            Sensitivity::Entries { values, .. } => *values,
            _ => Sensitivity::Nothing,
        }
    }

    /// Both together: what either hides stays hidden. Two different partial sensitivities
    /// (which no type can have at once) make the whole value sensitive.
    pub fn and(self, other: Sensitivity) -> Sensitivity {
        match (self, other) {
            (Sensitivity::Nothing, other) => other,
            (this, Sensitivity::Nothing) => this,
            (this, other) if this == other => this,
            _ => Sensitivity::Whole,
        }
    }

    /// The sensitivity of the value at `segment` below a value of this one.
    pub(crate) fn below(self, segment: &PathSegment) -> Sensitivity {
        match segment {
            PathSegment::Member(_) => self.of_member(),
            PathSegment::Index(_) => self.of_item(),
            PathSegment::MapKey(_) => self.of_key(),
            PathSegment::MapValue(_) => self.of_value(),
            PathSegment::AwsPrefix(_) => self,
        }
    }

    /// A structure member's: everything below a sensitive structure is sensitive.
    fn of_member(self) -> Sensitivity {
        if self.is_whole() {
            Sensitivity::Whole
        } else {
            Sensitivity::Nothing
        }
    }

    fn from_flag(sensitive: bool) -> Sensitivity {
        if sensitive {
            Sensitivity::Whole
        } else {
            Sensitivity::Nothing
        }
    }
}

/// The position being validated, as a chain of borrowed segments on the stack.
///
/// Building a `Location` costs nothing; it is turned into an owned [`Path`] only when a
/// violation is recorded, so validating a valid value allocates nothing.
///
/// ```
/// use aws_constraints::{path::Location, path::PathSegment};
///
/// let root = Location::root();
/// let tags = root.member("Tags", false);
/// let first = tags.index(0);
/// let key = first.member("Key", true);
/// assert!(key.is_sensitive());
/// assert_eq!(
///     key.to_path().segments(),
///     [PathSegment::Member("Tags"), PathSegment::Index(0), PathSegment::Member("Key")]
/// );
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Location<'a> {
    parent: Option<&'a Location<'a>>,
    segment: Option<Step<'a>>,
    sensitivity: Sensitivity,
    depth: usize,
}

#[derive(Clone, Copy, Debug)]
enum Step<'a> {
    Member(&'static str),
    /// A member whose path AWS writes under a prefix: two segments.
    PrefixedMember(&'static str, &'static str),
    Index(usize),
    MapKey(&'a str),
    /// The key, and whether the map's keys are sensitive.
    MapValue(&'a str, bool),
}

impl<'a> Location<'a> {
    /// The top-level value.
    pub const fn root() -> Location<'static> {
        Location {
            parent: None,
            segment: None,
            sensitivity: Sensitivity::Nothing,
            depth: 0,
        }
    }

    fn child(&'a self, step: Step<'a>, sensitivity: Sensitivity) -> Location<'a> {
        Location {
            parent: Some(self),
            segment: Some(step),
            sensitivity,
            depth: self.depth + 1,
        }
    }

    /// A member of a structure, by its wire name. Everything below a sensitive member is
    /// sensitive too.
    pub fn member(&'a self, wire_name: &'static str, sensitive: bool) -> Location<'a> {
        let sensitivity = self.sensitivity.of_member();
        self.child(
            Step::Member(wire_name),
            sensitivity.and(Sensitivity::from_flag(sensitive)),
        )
    }

    /// A member of a structure, by its wire name, whose path AWS's messages write under
    /// `aws_prefix` ([`PathSegment::AwsPrefix`]): API Gateway's body members, under the
    /// input shape's name.
    ///
    /// ```
    /// use aws_constraints::path::Location;
    ///
    /// let root = Location::root();
    /// let config = root.prefixed_member("createRestApiInput", "endpointConfiguration", false);
    /// let types = config.member("types", false);
    /// assert_eq!(types.to_path().aws_dotted(), "createRestApiInput.endpointConfiguration.types");
    /// assert_eq!(types.to_path().json_pointer(), "/endpointConfiguration/types");
    /// ```
    pub fn prefixed_member(
        &'a self,
        aws_prefix: &'static str,
        wire_name: &'static str,
        sensitive: bool,
    ) -> Location<'a> {
        let member = self.member(wire_name, sensitive);
        Location {
            segment: Some(Step::PrefixedMember(aws_prefix, wire_name)),
            depth: self.depth + 2,
            ..member
        }
    }

    /// The same location, sensitive if it was or if `sensitive` is set: what a
    /// `#[serde(transparent)]` newtype's single field stands at.
    pub fn with_sensitivity(&self, sensitive: bool) -> Location<'a> {
        self.with_sensitive_parts(Sensitivity::from_flag(sensitive))
    }

    /// The same location, holding a value of which `parts` are sensitive as well as what
    /// was (see [`Sensitivity`]).
    pub fn with_sensitive_parts(&self, parts: Sensitivity) -> Location<'a> {
        Location {
            sensitivity: self.sensitivity.and(parts),
            ..*self
        }
    }

    /// An item of a list, 0-based.
    pub fn index(&'a self, index: usize) -> Location<'a> {
        self.child(Step::Index(index), self.sensitivity.of_item())
    }

    /// Moves an item's location to another item of the same list: validating a list
    /// reuses one location for all its items instead of building one per item.
    pub(crate) fn move_to_index(&mut self, index: usize) {
        debug_assert!(matches!(self.segment, Some(Step::Index(_))));
        self.segment = Some(Step::Index(index));
    }

    /// Moves an entry value's location to another entry of the same map (see
    /// [`Location::move_to_index`]).
    pub(crate) fn move_to_map_value(&mut self, key: &'a str) {
        let Some(Step::MapValue(_, sensitive_key)) = self.segment else {
            unreachable!("only a map value's location moves to another entry's")
        };
        self.segment = Some(Step::MapValue(key, sensitive_key));
    }

    /// The key of a map entry.
    pub fn map_key(&'a self, key: &'a str) -> Location<'a> {
        self.child(Step::MapKey(key), self.sensitivity.of_key())
    }

    /// The value of a map entry.
    pub fn map_value(&'a self, key: &'a str) -> Location<'a> {
        let sensitive_key = self.sensitivity.of_key().is_whole();
        self.child(
            Step::MapValue(key, sensitive_key),
            self.sensitivity.of_value(),
        )
    }

    /// Whether the value here must never be echoed.
    pub fn is_sensitive(&self) -> bool {
        self.sensitivity.is_whole()
    }

    /// What of the value here must never be shown.
    pub fn sensitivity(&self) -> Sensitivity {
        self.sensitivity
    }

    /// Number of segments from the root.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The owned path to this location.
    pub fn to_path(&self) -> Path {
        // Every location but the root has a segment, so the depth is the path's length:
        // the segments are written in place from the leaf up, with no reversal.
        let mut segments = Segments::placeholders(self.depth);
        let steps = std::iter::successors(Some(self), |location| location.parent)
            .filter_map(|location| Some((location.segment?, location.is_sensitive())));
        let mut slots = segments.as_mut_slice().iter_mut().rev();
        let mut fill = |segment: PathSegment| {
            if let Some(slot) = slots.next() {
                *slot = segment;
            }
        };
        for (step, sensitive) in steps {
            match step {
                Step::Member(name) => fill(PathSegment::Member(name)),
                Step::PrefixedMember(prefix, name) => {
                    fill(PathSegment::Member(name));
                    fill(PathSegment::AwsPrefix(prefix));
                }
                Step::Index(index) => fill(PathSegment::Index(index)),
                // A key's location is sensitive when the key is; a value's knows from its map.
                Step::MapKey(k) => fill(PathSegment::MapKey(EntryKey::new(k, sensitive))),
                Step::MapValue(k, sensitive_key) => {
                    fill(PathSegment::MapValue(EntryKey::new(k, sensitive_key)))
                }
            }
        }
        Path { segments }
    }
}

/// One step of a [`Path`]. More kinds may come as AWS's messages show them: a match needs
/// a wildcard arm.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PathSegment {
    /// A structure member, by wire name.
    Member(&'static str),
    /// A list item, 0-based.
    Index(usize),
    /// The key of a map entry (a violation of a key constraint).
    MapKey(EntryKey),
    /// The value of a map entry.
    MapValue(EntryKey),
    /// A name AWS's messages write before the member that follows, though the document has
    /// no such level: API Gateway's input shape (`createRestApiInput.endpointConfiguration`).
    /// The AWS renderings show it; those of the document's paths (the JSON pointer, the
    /// Smithy body) do not.
    AwsPrefix(&'static str),
}

/// What every rendering shows instead of a sensitive map key, and an echo instead of a
/// sensitive part of a collection: the words AWS's SDKs print for a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The key of a map entry in a [`Path`]: text a client chose.
///
/// A sensitive key (of a map whose keys are sensitive, or of any map below a sensitive
/// member) is never shown: not by
/// [`EntryKey::as_str`], not by any rendering, not by `Debug`. It is kept only so that a
/// report orders a hash map's entries the same way every time.
///
/// ```
/// use aws_constraints::{path::Location, path::PathSegment, path::REDACTED};
///
/// let root = Location::root();
/// let env = root.member("secretEnv", true);
/// let path = env.map_value("DB_PASSWORD=hunter2").to_path();
/// let PathSegment::MapValue(key) = &path.segments()[1] else { unreachable!() };
/// assert_eq!(key.as_str(), None);
/// assert_eq!(path.aws_dotted(), format!("secretEnv.{REDACTED}.member"));
/// assert!(!format!("{path:?}").contains("hunter2"));
/// ```
#[derive(Clone)]
pub struct EntryKey {
    /// The key as the client sent it, marked with its sensitivity.
    text: CompactText<bool>,
}

impl EntryKey {
    fn new(text: &str, sensitive: bool) -> Self {
        EntryKey {
            text: CompactText::new(text, sensitive),
        }
    }

    /// The key as the client sent it, whatever its sensitivity.
    fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The key as the client sent it; `None` when it is sensitive.
    pub fn as_str(&self) -> Option<&str> {
        (!self.is_sensitive()).then(|| self.text())
    }

    /// Whether the key is sensitive.
    pub fn is_sensitive(&self) -> bool {
        self.text.mark()
    }

    pub(crate) fn redacted(&self) -> EntryKey {
        let mut key = self.clone();
        key.text.set_mark(true);
        key
    }

    /// What a rendering may show: the key, or [`REDACTED`].
    pub(crate) fn shown(&self) -> &str {
        self.as_str().unwrap_or(REDACTED)
    }

    /// What keys compare by: the text (whose byte order is its characters' order), then the
    /// sensitivity.
    fn ordering_key(&self) -> (&str, bool) {
        (self.text(), self.is_sensitive())
    }
}

compare_by!(EntryKey, ordering_key);

impl fmt::Debug for EntryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.shown(), f)
    }
}

/// The owned path of a violation, from the top-level value down.
#[derive(Clone, Default)]
pub struct Path {
    segments: Segments,
}

/// How many segments a path holds without allocating. AWS's requests are shallow
/// (`tags.1.member.key` is three deep), and a violation's path is built for every violation
/// reported: kept inline, it costs no allocation of its own.
const INLINE_SEGMENTS: usize = 3;

/// A path's segments: inline when there are few, on the heap otherwise.
#[derive(Clone)]
enum Segments {
    /// The first `len` items are the path; the rest are placeholders, never shown.
    Inline {
        len: u8,
        items: [PathSegment; INLINE_SEGMENTS],
    },
    Heap(Vec<PathSegment>),
}

/// What fills the unused inline slots: a segment that owns nothing.
const PLACEHOLDER: PathSegment = PathSegment::Index(0);

impl Default for Segments {
    fn default() -> Self {
        Segments::Inline {
            len: 0,
            items: [PLACEHOLDER; INLINE_SEGMENTS],
        }
    }
}

impl Segments {
    /// `len` placeholders, to be overwritten.
    fn placeholders(len: usize) -> Segments {
        match u8::try_from(len) {
            Ok(short) if len <= INLINE_SEGMENTS => Segments::Inline {
                len: short,
                items: [PLACEHOLDER; INLINE_SEGMENTS],
            },
            _ => Segments::Heap(vec![PLACEHOLDER; len]),
        }
    }

    fn as_slice(&self) -> &[PathSegment] {
        match self {
            Segments::Inline { len, items } => &items[..usize::from(*len)],
            Segments::Heap(items) => items,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [PathSegment] {
        match self {
            Segments::Inline { len, items } => &mut items[..usize::from(*len)],
            Segments::Heap(items) => items,
        }
    }

    fn push(&mut self, segment: PathSegment) {
        match self {
            Segments::Inline { len, items } if usize::from(*len) < INLINE_SEGMENTS => {
                items[usize::from(*len)] = segment;
                *len += 1;
            }
            Segments::Inline { items, .. } => {
                let mut heap = Vec::with_capacity(2 * INLINE_SEGMENTS);
                heap.extend(
                    items
                        .iter_mut()
                        .map(|item| std::mem::replace(item, PLACEHOLDER)),
                );
                heap.push(segment);
                *self = Segments::Heap(heap);
            }
            Segments::Heap(items) => items.push(segment),
        }
    }
}

impl FromIterator<PathSegment> for Segments {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(iter: I) -> Self {
        let mut segments = Segments::default();
        for segment in iter {
            segments.push(segment);
        }
        segments
    }
}

impl FromIterator<PathSegment> for Path {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(iter: I) -> Self {
        Path {
            segments: iter.into_iter().collect(),
        }
    }
}

// A path is its segments, however they are stored.
compare_by!(Path, segments);

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Path")
            .field("segments", &self.segments())
            .finish()
    }
}

impl Path {
    /// The segments, outermost first.
    pub fn segments(&self) -> &[PathSegment] {
        self.segments.as_slice()
    }

    /// `rest` below this path.
    pub(crate) fn join(&self, rest: &Path) -> Path {
        self.segments()
            .iter()
            .chain(rest.segments())
            .cloned()
            .collect()
    }

    /// The path of the value that holds this one (the root's is the root).
    pub fn parent(&self) -> Path {
        let len = self.segments().len().saturating_sub(1);
        Path {
            segments: self.segments()[..len].iter().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segments of a chain of `depth` locations below the root, built the slow way.
    fn expected(depth: usize) -> Vec<PathSegment> {
        (0..depth)
            .map(|level| match level % 4 {
                0 => PathSegment::Member("m"),
                1 => PathSegment::Index(level),
                2 => PathSegment::MapValue(EntryKey::new(&format!("k{level}"), false)),
                _ => PathSegment::MapKey(EntryKey::new(&format!("k{level}"), false)),
            })
            .collect()
    }

    fn path_of(depth: usize) -> Path {
        fn descend(at: &Location<'_>, level: usize, depth: usize) -> Path {
            if level == depth {
                return at.to_path();
            }
            let key = format!("k{level}");
            let next = match level % 4 {
                0 => at.member("m", false),
                1 => at.index(level),
                2 => at.map_value(&key),
                _ => at.map_key(&key),
            };
            descend(&next, level + 1, depth)
        }
        descend(&Location::root(), 0, depth)
    }

    // Short keys are stored inline, longer ones on the heap: either way a key is its text,
    // and keys order as their texts do.
    #[test]
    fn keys_are_their_text_inline_or_not() {
        let texts = crate::compact::texts_around_the_inline_limit();
        for a in &texts {
            let key = EntryKey::new(a, false);
            assert_eq!(key.as_str(), Some(a.as_str()));
            assert_eq!(key.redacted().as_str(), None);
            assert_eq!(EntryKey::new(a, true).as_str(), None);
            for b in &texts {
                assert_eq!(key.cmp(&EntryKey::new(b, false)), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    // Paths up to `INLINE_SEGMENTS` deep are stored inline, deeper ones on the heap: both
    // must be the same paths, whichever way they were built.
    #[test]
    fn paths_are_their_segments_inline_or_not() {
        for depth in 0..3 * INLINE_SEGMENTS {
            let path = path_of(depth);
            assert_eq!(path.segments(), expected(depth), "depth {depth}");
            assert_eq!(
                path.parent().segments(),
                &expected(depth)[..depth.saturating_sub(1)]
            );
            for split in 0..=depth {
                let head = Path {
                    segments: expected(depth)[..split].iter().cloned().collect(),
                };
                let tail = Path {
                    segments: expected(depth)[split..].iter().cloned().collect(),
                };
                let joined = head.join(&tail);
                assert_eq!(joined, path, "depth {depth}, split {split}");
                assert_eq!(joined.cmp(&path), std::cmp::Ordering::Equal);
                let state = std::hash::RandomState::new();
                assert_eq!(
                    std::hash::BuildHasher::hash_one(&state, &joined),
                    std::hash::BuildHasher::hash_one(&state, &path)
                );
            }
        }
    }
}
