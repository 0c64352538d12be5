//! One trait per capability a rule needs. Each is implemented for the types the rule makes
//! sense on, and for `Option` of them (an absent value passes every rule but
//! `#[required]`), so applying a rule to the wrong type is a clear compile error.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::Hash;

use aws_constraints_pattern::count_chars;

/// A value with a length, as AWS counts it.
///
/// Strings count Unicode scalar values (`"👍"` has length 1, as `str::chars` counts),
/// lists count items, maps count entries.
#[diagnostic::on_unimplemented(
    message = "`#[len]` cannot be applied to `{Self}`",
    label = "has no length",
    note = "`#[len]` applies to strings, `Vec`s, slices, arrays, sets, maps and `Option`s of them"
)]
pub trait HasLength {
    /// `Ok` when the length is within `min..=max`; otherwise `Err` with the length.
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64>;

    /// How AWS echoes the value when it is an empty collection (`[]`, `{}`), for
    /// collections whose members cannot be echoed.
    #[doc(hidden)]
    fn empty_echo(&self) -> Option<&'static str> {
        None
    }
}

impl HasLength for str {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        let bytes = self.len() as u64;
        // A character takes one to four bytes, so the byte length often decides alone:
        // this keeps a huge value from being scanned against a small maximum.
        let fewest_chars = bytes.div_ceil(4);
        if bytes >= min && bytes <= max && fewest_chars >= min {
            return Ok(());
        }
        if bytes < min || fewest_chars > max {
            return Err(count_chars(self));
        }
        let chars = count_chars(self);
        if chars >= min && chars <= max {
            Ok(())
        } else {
            Err(chars)
        }
    }
}

macro_rules! string_like {
    ($($t:ty),*) => {$(
        impl HasLength for $t {
            #[inline]
            fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
                str::check_length(self, min, max)
            }
        }

        impl StringValue for $t {
            #[inline]
            fn string_value(&self) -> Option<&str> {
                Some(self)
            }
        }
    )*};
}

string_like!(
    String,
    Box<str>,
    std::rc::Rc<str>,
    std::sync::Arc<str>,
    std::borrow::Cow<'_, str>
);

fn count_within(len: usize, min: u64, max: u64) -> Result<(), u64> {
    let len = len as u64;
    if len >= min && len <= max {
        Ok(())
    } else {
        Err(len)
    }
}

impl<T> HasLength for [T] {
    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("[]")
    }

    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }
}

impl<T> HasLength for Vec<T> {
    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("[]")
    }

    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }
}

impl<T, const N: usize> HasLength for [T; N] {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(N, min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        (N == 0).then_some("[]")
    }
}

impl<T, S> HasLength for HashSet<T, S> {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("[]")
    }
}

impl<T> HasLength for BTreeSet<T> {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("[]")
    }
}

impl<K, V, S> HasLength for HashMap<K, V, S> {
    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("{}")
    }

    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }
}

impl<K, V> HasLength for BTreeMap<K, V> {
    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("{}")
    }

    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }
}

impl<T: HasLength> HasLength for Option<T> {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        self.as_ref().map_or(Ok(()), |v| v.check_length(min, max))
    }

    fn empty_echo(&self) -> Option<&'static str> {
        self.as_ref().and_then(HasLength::empty_echo)
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        (**self).check_length(min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        (**self).empty_echo()
    }
}

/// A string value, for `#[pattern]` and `#[one_of]`.
#[diagnostic::on_unimplemented(
    message = "`#[pattern]` and `#[one_of]` cannot be applied to `{Self}`",
    label = "not a string",
    note = "`#[pattern]` and `#[one_of]` apply to `String`, `str`, `Box<str>`, `Rc<str>`, `Arc<str>`, `Cow<str>` and `Option`s of them"
)]
pub trait StringValue {
    /// The string, or `None` when absent.
    fn string_value(&self) -> Option<&str>;
}

impl StringValue for str {
    #[inline]
    fn string_value(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: StringValue> StringValue for Option<T> {
    #[inline]
    fn string_value(&self) -> Option<&str> {
        self.as_ref().and_then(StringValue::string_value)
    }
}

impl<T: StringValue + ?Sized> StringValue for &T {
    #[inline]
    fn string_value(&self) -> Option<&str> {
        (**self).string_value()
    }
}

/// A value that may be absent, for `#[required]`.
#[diagnostic::on_unimplemented(
    message = "`#[required]` cannot be applied to `{Self}`",
    label = "not an `Option`",
    note = "`#[required]` applies to `Option<T>` fields: a missing member and an explicit `null` both deserialize to `None`; a member with a default (`#[serde(default)]`) is never missing"
)]
pub trait Presence {
    fn is_present(&self) -> bool;
}

impl<T> Presence for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

/// A list, for `#[each(..)]` and `#[unique]`.
#[diagnostic::on_unimplemented(
    message = "`#[each(..)]` and `#[unique]` cannot be applied to `{Self}`",
    label = "not a list",
    note = "they apply to `Vec<T>`, slices, arrays, `BTreeSet`, `HashSet` (of `Ord` items) and `Option`s of them"
)]
pub trait List {
    type Item;
    /// Calls `f` with every item and its 0-based index, in the list's order (a `HashSet`'s
    /// items in sorted order, so that reports are deterministic).
    fn for_each_item<'l>(&'l self, f: impl FnMut(usize, &'l Self::Item));
    /// Whether two items are equal.
    fn has_duplicates(&self) -> bool
    where
        Self::Item: Eq + Hash;
}

/// Lists up to this long are checked pairwise, which allocates nothing; longer ones with a
/// hash set, which keeps hostile sizes linear.
const PAIRWISE_UNIQUE_MAX: usize = 32;

fn slice_has_duplicates<T: Eq + Hash>(items: &[T]) -> bool {
    if items.len() <= PAIRWISE_UNIQUE_MAX {
        items
            .iter()
            .enumerate()
            .any(|(i, a)| items[i + 1..].contains(a))
    } else {
        let mut seen = HashSet::with_capacity(items.len());
        !items.iter().all(|item| seen.insert(item))
    }
}

macro_rules! slice_list {
    ($([$($generics:tt)*] $t:ty),*) => {$(
        impl<$($generics)*> List for $t {
            type Item = T;
            #[inline]
            fn for_each_item<'l>(&'l self, mut f: impl FnMut(usize, &'l T)) {
                // A `for` loop, not `Iterator::for_each`: with the closures of
                // `validate_items` inside, `for_each` cost three instructions an item more
                // (callgrind, CreateAppInstance's 50 tags: 1,740 against 1,592 a call).
                for (i, item) in self.iter().enumerate() {
                    f(i, item);
                }
            }
            #[inline]
            fn has_duplicates(&self) -> bool
            where
                T: Eq + Hash,
            {
                slice_has_duplicates(self)
            }
        }
    )*};
}

slice_list!([T] Vec<T>, [T] [T], [T, const N: usize] [T; N]);

impl<T> List for BTreeSet<T> {
    type Item = T;
    #[inline]
    fn for_each_item<'l>(&'l self, mut f: impl FnMut(usize, &'l T)) {
        self.iter().enumerate().for_each(|(i, item)| f(i, item));
    }
    fn has_duplicates(&self) -> bool {
        false
    }
}

impl<T: Ord, S> List for HashSet<T, S> {
    type Item = T;
    /// Sorts the items first (allocating a vector of references), for a deterministic
    /// report.
    fn for_each_item<'l>(&'l self, mut f: impl FnMut(usize, &'l T)) {
        let mut items: Vec<&'l T> = self.iter().collect();
        items.sort_unstable();
        items
            .into_iter()
            .enumerate()
            .for_each(|(i, item)| f(i, item));
    }
    fn has_duplicates(&self) -> bool {
        false
    }
}

impl<L: List + ?Sized> List for &L {
    type Item = L::Item;
    #[inline]
    fn for_each_item<'l>(&'l self, f: impl FnMut(usize, &'l L::Item)) {
        (**self).for_each_item(f);
    }
    fn has_duplicates(&self) -> bool
    where
        L::Item: Eq + Hash,
    {
        (**self).has_duplicates()
    }
}

impl<L: List> List for Option<L> {
    type Item = L::Item;
    #[inline]
    fn for_each_item<'l>(&'l self, f: impl FnMut(usize, &'l L::Item)) {
        if let Some(list) = self {
            list.for_each_item(f);
        }
    }
    #[inline]
    fn has_duplicates(&self) -> bool
    where
        L::Item: Eq + Hash,
    {
        self.as_ref().is_some_and(List::has_duplicates)
    }
}

/// A map with string keys, for `#[keys(..)]` and `#[values(..)]`.
#[diagnostic::on_unimplemented(
    message = "`#[keys(..)]` and `#[values(..)]` cannot be applied to `{Self}`",
    label = "not a map with string keys",
    note = "they apply to `HashMap<K, V>` and `BTreeMap<K, V>` with `K: AsRef<str>`, and `Option`s of them"
)]
pub trait Map {
    type Value;
    /// Calls `f` for every entry, in the map's own order.
    fn for_each_entry<'m>(&'m self, f: impl FnMut(&'m str, &'m Self::Value));
    /// Whether iteration order is unspecified, so that a report must be sorted by key.
    const UNORDERED: bool;
}

impl<K: AsRef<str>, V, S> Map for HashMap<K, V, S> {
    type Value = V;
    const UNORDERED: bool = true;
    #[inline]
    fn for_each_entry<'m>(&'m self, mut f: impl FnMut(&'m str, &'m V)) {
        self.iter().for_each(|(k, v)| f(k.as_ref(), v));
    }
}

impl<K: AsRef<str>, V> Map for BTreeMap<K, V> {
    type Value = V;
    const UNORDERED: bool = false;
    #[inline]
    fn for_each_entry<'m>(&'m self, mut f: impl FnMut(&'m str, &'m V)) {
        self.iter().for_each(|(k, v)| f(k.as_ref(), v));
    }
}

impl<M: Map> Map for Option<M> {
    type Value = M::Value;
    const UNORDERED: bool = M::UNORDERED;
    #[inline]
    fn for_each_entry<'m>(&'m self, f: impl FnMut(&'m str, &'m M::Value)) {
        if let Some(map) = self {
            map.for_each_entry(f);
        }
    }
}

#[cfg(feature = "indexmap")]
impl<K, V, S> HasLength for indexmap::IndexMap<K, V, S> {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        count_within(self.len(), min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        self.is_empty().then_some("{}")
    }
}

#[cfg(feature = "indexmap")]
impl<K: AsRef<str>, V, S> Map for indexmap::IndexMap<K, V, S> {
    type Value = V;
    const UNORDERED: bool = false;
    #[inline]
    fn for_each_entry<'m>(&'m self, mut f: impl FnMut(&'m str, &'m V)) {
        self.iter().for_each(|(k, v)| f(k.as_ref(), v));
    }
}
