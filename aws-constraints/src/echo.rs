//! Values as AWS services echo them in messages: as Java's `toString` prints them, since
//! AWS's services are Java. A list is `[a, b]` (strings unquoted), a map `{k=v, k2=v2}` in
//! the order a `java.util.HashMap` iterates, a double `1.5`, `-2.0` or `1.0E10`.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write};

use crate::compact::CompactText;
use crate::java::{java_double, java_float, java_spread_hash, java_table_mask, lower_camel};
use crate::path::{Sensitivity, REDACTED};

/// The text of a value as an AWS message echoes it: what [`Echo::Value`](crate::report::Echo::Value)
/// holds. A string as the client sent it; a number, list or map as Java's `toString`
/// writes it ([`EchoText`]).
///
/// It reads as a `str`, and holds the text as the client sent it: every rendering
/// neutralises it (quotes and control characters escaped), as
/// [`Violation::aws_message`](crate::Violation::aws_message) does. Text of up to 21 bytes is
/// kept inline, so a violation echoing a short value (most are names, tokens, tag values)
/// costs no allocation for it.
///
/// ```
/// use aws_constraints::{report::Echo, report::ValueText};
///
/// let echo = Echo::Value(ValueText::from("ab!"));
/// let Echo::Value(text) = &echo else { unreachable!() };
/// assert_eq!(text, "ab!");
/// assert!(text.ends_with('!'));
/// assert_eq!(format!("Value '{text}'"), "Value 'ab!'");
/// assert_eq!(String::from(text.clone()), "ab!");
/// ```
#[derive(Clone)]
pub struct ValueText {
    text: CompactText<()>,
}

impl ValueText {
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }
}

compare_by!(ValueText, as_str);

impl std::ops::Deref for ValueText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ValueText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for ValueText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for ValueText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ValueText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for ValueText {
    #[inline]
    fn from(text: &str) -> Self {
        ValueText {
            text: CompactText::new(text, ()),
        }
    }
}

impl From<String> for ValueText {
    fn from(text: String) -> Self {
        ValueText::from(text.as_str())
    }
}

impl From<ValueText> for String {
    fn from(text: ValueText) -> Self {
        text.as_str().to_owned()
    }
}

/// `ValueText == "text"` and `"text" == ValueText`, for the string types a test or a match
/// compares it with.
macro_rules! eq_as_str {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for ValueText {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == &other[..]
            }
        }

        impl PartialEq<ValueText> for $other {
            fn eq(&self, other: &ValueText) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}

eq_as_str!(str, &str, String);

/// Writes an echo with `write` and keeps it as a [`ValueText`]. The writing goes to a buffer
/// kept per thread, so a short echo costs no allocation at all and a long one one (its
/// copy), where writing to a fresh `String` would cost one for any echo.
pub(crate) fn value_text(write: impl FnOnce(&mut String)) -> ValueText {
    /// A larger buffer (a long list's echo) is let go rather than kept for the thread's life.
    const KEPT_CAPACITY: usize = 4096;
    thread_local! {
        static BUFFER: Cell<String> = const { Cell::new(String::new()) };
    }
    // Taken, not borrowed: a user's `EchoText` writing this echo may echo something itself,
    // and then finds no buffer (it makes its own) rather than one in use. A thread being torn
    // down has none either.
    let mut buffer = BUFFER.try_with(Cell::take).unwrap_or_default();
    buffer.clear();
    write(&mut buffer);
    let text = ValueText::from(buffer.as_str());
    if buffer.capacity() <= KEPT_CAPACITY {
        let _ = BUFFER.try_with(|kept| kept.set(buffer));
    }
    text
}

thread_local! {
    /// Raised while an echo is written when a part of the value cannot be echoed (a
    /// structure's timestamp member): the echo is then not kept ([`echoed_text`]).
    static UNECHOABLE: Cell<bool> = const { Cell::new(false) };
}

/// Writes an echo with `write` and keeps it, unless a part of the value could not be
/// echoed ([`StructureEcho::member`] given none): then there is no echo at all, as for a
/// value whose type is not [`EchoText`], never a partial one. Nested echoes (a member's,
/// written while its structure is) each answer for themselves.
pub fn echoed_text(write: impl FnOnce(&mut String)) -> Option<ValueText> {
    let outer = UNECHOABLE
        .try_with(|raised| raised.replace(false))
        .unwrap_or(false);
    let text = value_text(write);
    let unechoable = UNECHOABLE
        .try_with(|raised| raised.replace(outer))
        .unwrap_or(false);
    (!unechoable).then_some(text)
}

/// A structure as AWS's services echo one: they are Java, and their classes print
/// themselves as Lombok's `toString` writes them, the class (the shape's name), then every
/// member in the model's order as `name=value` (its name lower camel case, `null` when
/// absent), `RoutingConfigurationListItem(stateMachineVersionArn=arn:..:1, weight=50)`.
/// What `#[derive(Validate)]` writes for a structure's [`EchoText`], and the model-driven
/// validator for its documents. A member whose value cannot be echoed (a timestamp, a
/// union) leaves the whole structure, and whatever holds it, without an echo.
///
/// ```
/// use aws_constraints::rules::StructureEcho;
///
/// let mut out = String::new();
/// let mut echo = StructureEcho::new(&mut out, "MetricTransformation");
/// echo.member("metricName", Some("metric1"));
/// echo.member("defaultValue", Some("null"));
/// echo.finish();
/// assert_eq!(out, "MetricTransformation(metricName=metric1, defaultValue=null)");
/// ```
// Evidence: Step Functions' CreateStateMachineAlias, recorded against AWS by LocalStack
// (tests/aws/services/stepfunctions/v2/test_sfn_api_aliasing.snapshot.json, 03-03-2025):
// `Value '[RoutingConfigurationListItem(stateMachineVersionArn=arn:..:1, weight=50), ..]'
// at 'routingConfiguration' failed to satisfy constraint: Member must have length less than
// or equal to 2` (tests/tests/real_messages.rs).
pub struct StructureEcho<'o> {
    out: &'o mut String,
    members: usize,
}

impl<'o> StructureEcho<'o> {
    /// Starts the echo of structure `name` in `out`.
    pub fn new(out: &'o mut String, name: &str) -> StructureEcho<'o> {
        out.push_str(name);
        out.push('(');
        StructureEcho { out, members: 0 }
    }

    /// The next member, by its name on the wire (written lower camel case, as the Java
    /// field is named), with its echo; `None` when its type cannot be echoed.
    pub fn member(&mut self, wire_name: &str, echo: Option<&str>) {
        if self.members > 0 {
            self.out.push_str(", ");
        }
        self.members += 1;
        self.out.push_str(&lower_camel(wire_name));
        self.out.push('=');
        match echo {
            Some(text) => self.out.push_str(text),
            None => {
                let _ = UNECHOABLE.try_with(|raised| raised.set(true));
            }
        }
    }

    /// Ends the echo.
    pub fn finish(self) {
        self.out.push(')');
    }
}

/// The echo of a value as it displays (a number's).
pub(crate) fn displayed(value: &impl fmt::Display) -> ValueText {
    value_text(|out| {
        let _ = write!(out, "{value}");
    })
}

/// A value a message can echo, written as Java's `toString` writes it.
///
/// Implemented for strings, numbers, booleans, and lists, options and maps of them; the
/// derive echoes a collection in full only when its items are `EchoText`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be echoed in an AWS message",
    note = "strings, numbers, booleans and lists, maps and `Option`s of them can"
)]
pub trait EchoText {
    /// Appends the Java rendering of the value to `out`.
    fn write_echo(&self, out: &mut String);

    /// Appends the rendering with the parts that `sensitivity` names written as
    /// [`REDACTED`]: what a message shows of a collection some of whose parts are
    /// sensitive. A value that holds no parts is written as [`REDACTED`] for any
    /// sensitivity but [`Sensitivity::Nothing`] (strings override this to write an empty
    /// string as it is: it holds nothing to hide); collections hand each part its own.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use aws_constraints::{rules::EchoText, path::Sensitivity};
    ///
    /// let logins = BTreeMap::from([("graph.facebook.com", "tok"), ("www.amazon.com", "")]);
    /// let mut out = String::new();
    /// let tokens = Sensitivity::Entries { keys: false, values: &Sensitivity::Whole };
    /// logins.write_echo_hiding(tokens, &mut out);
    /// // In Java's `HashMap` order, as AWS echoes a map.
    /// assert_eq!(out, "{www.amazon.com=, graph.facebook.com=*** Sensitive Data Redacted ***}");
    /// ```
    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        match sensitivity {
            Sensitivity::Nothing => self.write_echo(out),
            _ => out.push_str(REDACTED),
        }
    }

    /// The Java rendering of the value.
    fn echo_text(&self) -> String {
        let mut out = String::with_capacity(64);
        self.write_echo(&mut out);
        out
    }
}

macro_rules! echo_as_str {
    ($($t:ty),*) => {$(
        impl EchoText for $t {
            fn write_echo(&self, out: &mut String) {
                out.push_str(self);
            }

            fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
                // An empty string is shown as it is: AWS's own echo of a map with an empty
                // sensitive value (Cognito's `logins`) is `{provider=}`.
                if sensitivity == Sensitivity::Nothing || self.is_empty() {
                    out.push_str(self);
                } else {
                    out.push_str(REDACTED);
                }
            }
        }
    )*};
}

echo_as_str!(
    str,
    String,
    std::rc::Rc<str>,
    std::sync::Arc<str>,
    Cow<'_, str>
);

macro_rules! echo_as_display {
    ($($t:ty),*) => {$(
        impl EchoText for $t {
            fn write_echo(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

echo_as_display!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, bool);

impl EchoText for f64 {
    fn write_echo(&self, out: &mut String) {
        out.push_str(&java_double(*self));
    }
}

impl EchoText for f32 {
    fn write_echo(&self, out: &mut String) {
        out.push_str(&java_float(*self));
    }
}

impl<T: EchoText + ?Sized> EchoText for &T {
    fn write_echo(&self, out: &mut String) {
        (**self).write_echo(out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        (**self).write_echo_hiding(sensitivity, out);
    }
}

/// A boxed value (a recursive structure's member) echoes as the value.
impl<T: EchoText + ?Sized> EchoText for Box<T> {
    fn write_echo(&self, out: &mut String) {
        (**self).write_echo(out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        (**self).write_echo_hiding(sensitivity, out);
    }
}

impl<T: EchoText> EchoText for Option<T> {
    fn write_echo(&self, out: &mut String) {
        self.write_echo_hiding(Sensitivity::Nothing, out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        match self {
            Some(value) => value.write_echo_hiding(sensitivity, out),
            None => out.push_str("null"),
        }
    }
}

/// The sensitivity of a list's items, when `sensitivity` is a list's; `None` when it is not
/// a list's (the whole value is then hidden).
fn items_hidden(sensitivity: Sensitivity) -> Option<Sensitivity> {
    match sensitivity {
        Sensitivity::Nothing | Sensitivity::Items(_) => Some(sensitivity.of_item()),
        _ => None,
    }
}

/// The sensitivity of a map's keys and of its values, when `sensitivity` is a map's; `None`
/// when it is not a map's (the whole value is then hidden).
fn entries_hidden(sensitivity: Sensitivity) -> Option<(Sensitivity, Sensitivity)> {
    match sensitivity {
        Sensitivity::Nothing | Sensitivity::Entries { .. } => {
            Some((sensitivity.of_key(), sensitivity.of_value()))
        }
        _ => None,
    }
}

impl<T: EchoText> EchoText for [T] {
    fn write_echo(&self, out: &mut String) {
        self.write_echo_hiding(Sensitivity::Nothing, out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        let Some(item) = items_hidden(sensitivity) else {
            return out.push_str(REDACTED);
        };
        out.push('[');
        for (i, value) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            value.write_echo_hiding(item, out);
        }
        out.push(']');
    }
}

/// Lists that echo as their slice does.
macro_rules! echo_as_slice {
    ($([$($generics:tt)*] $list:ty),*) => {$(
        impl<T: EchoText, $($generics)*> EchoText for $list {
            fn write_echo(&self, out: &mut String) {
                self[..].write_echo(out);
            }

            fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
                self[..].write_echo_hiding(sensitivity, out);
            }
        }
    )*};
}

echo_as_slice!([] Vec<T>, [const N: usize] [T; N]);

impl<T: EchoText> EchoText for std::collections::BTreeSet<T> {
    fn write_echo(&self, out: &mut String) {
        self.write_echo_hiding(Sensitivity::Nothing, out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        let items: Vec<&T> = self.iter().collect();
        items.write_echo_hiding(sensitivity, out);
    }
}

/// Maps echoed in Java's `HashMap` order: by `write_map` when a map's own order is not the
/// client's, by `write_map_in_order` when it is (an `IndexMap` keeps it), as AWS echoes
/// them.
macro_rules! echo_map {
    ($($(#[$attr:meta])* [$($generics:tt)*] $map:ty => $write:ident;)*) => {$(
        $(#[$attr])*
        impl<K: AsRef<str>, V: EchoText, $($generics)*> EchoText for $map {
            fn write_echo(&self, out: &mut String) {
                self.write_echo_hiding(Sensitivity::Nothing, out);
            }

            fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
                let Some(hidden) = entries_hidden(sensitivity) else {
                    return out.push_str(REDACTED);
                };
                $write(self.iter().map(|(k, v)| (k.as_ref(), v)), hidden, out);
            }
        }
    )*};
}

echo_map! {
    [S] HashMap<K, V, S> => write_map;
    [] BTreeMap<K, V> => write_map;
    #[cfg(feature = "indexmap")]
    [S] indexmap::IndexMap<K, V, S> => write_map_in_order;
}

/// `{k=v, ..}` in the order a `java.util.HashMap` holding the entries iterates: by bucket of
/// the final table, then by insertion within a bucket (Java's resizing keeps that relative
/// order). A real EventBridge message pins it: `{de onde?=.., Quem foi?=.., o que?=..}` for
/// keys sent as `Quem foi?`, `o que?`, `de onde?`.
///
/// `hidden` is what of each key and of each value is sensitive.
fn write_map<'a, V: EchoText + 'a>(
    entries: impl ExactSizeIterator<Item = (&'a str, &'a V)>,
    hidden: (Sensitivity, Sensitivity),
    out: &mut String,
) {
    // The order a client sent is gone (a Rust map does not keep it); entries that share a
    // Java bucket are taken in key order, as if the client had sent them sorted.
    if entries.len() <= 1 {
        return write_entries(entries, hidden, out);
    }
    let mask = java_table_mask(entries.len());
    let mut ordered: Vec<(u32, &str, &V)> = entries
        .map(|(key, value)| (java_spread_hash(key) & mask, key, value))
        .collect();
    ordered.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let entries = ordered.into_iter().map(|(_, key, value)| (key, value));
    write_entries(entries, hidden, out);
}

/// Writes the echo of a map's entries, as [`write_map`] writes them, or, for a map that
/// iterates in the order a client sent it (`sent_order`), as [`write_map_in_order`] does;
/// `sensitivity` is the map's.
pub(crate) fn write_map_echo<V: EchoText>(
    entries: &[(&str, V)],
    sent_order: bool,
    sensitivity: Sensitivity,
    out: &mut String,
) {
    let Some(hidden) = entries_hidden(sensitivity) else {
        return out.push_str(REDACTED);
    };
    let entries = entries.iter().map(|(k, v)| (*k, v));
    if sent_order {
        write_map_in_order(entries, hidden, out);
    } else {
        write_map(entries, hidden, out);
    }
}

/// `{k=v, ..}` for entries in the order a client sent them, as a Java `HashMap` holding
/// them iterates: by bucket, and in the sent order within one.
fn write_map_in_order<'a, V: EchoText + 'a>(
    entries: impl ExactSizeIterator<Item = (&'a str, &'a V)>,
    hidden: (Sensitivity, Sensitivity),
    out: &mut String,
) {
    let mask = java_table_mask(entries.len());
    let mut ordered: Vec<(u32, usize, &str, &V)> = entries
        .enumerate()
        .map(|(i, (key, value))| (java_spread_hash(key) & mask, i, key, value))
        .collect();
    ordered.sort_unstable_by_key(|&(bucket, i, _, _)| (bucket, i));
    let entries = ordered.into_iter().map(|(_, _, key, value)| (key, value));
    write_entries(entries, hidden, out);
}

fn write_entries<'a, V: EchoText + 'a>(
    entries: impl Iterator<Item = (&'a str, &'a V)>,
    (key_sensitivity, value): (Sensitivity, Sensitivity),
    out: &mut String,
) {
    out.push('{');
    for (i, (key, entry_value)) in entries.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        key.write_echo_hiding(key_sensitivity, out);
        out.push('=');
        entry_value.write_echo_hiding(value, out);
    }
    out.push('}');
}

/// Chooses, at a derive's call site, the full echo of a value whose type is [`EchoText`]
/// (hiding what the given sensitivity names), and nothing for any other type (autoref specialization: the call site names a concrete
/// type, so method lookup finds the `EchoText` impl first when there is one).
#[doc(hidden)]
pub struct EchoProbe<'a, T: ?Sized>(pub &'a T);

#[doc(hidden)]
pub trait ViaEchoText {
    fn probe_echo(&self, sensitivity: Sensitivity) -> Option<ValueText>;
}

impl<T: EchoText + ?Sized> ViaEchoText for &EchoProbe<'_, T> {
    fn probe_echo(&self, sensitivity: Sensitivity) -> Option<ValueText> {
        echoed_text(|out| self.0.write_echo_hiding(sensitivity, out))
    }
}

#[doc(hidden)]
pub trait ViaNothing {
    fn probe_echo(&self, sensitivity: Sensitivity) -> Option<ValueText>;
}

impl<T: ?Sized> ViaNothing for EchoProbe<'_, T> {
    fn probe_echo(&self, _: Sensitivity) -> Option<ValueText> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_echo_in_javas_hash_map_order() {
        let map = BTreeMap::from([("Quem foi?", 1), ("o que?", 2), ("de onde?", 3)]);
        assert_eq!(map.echo_text(), "{de onde?=3, Quem foi?=1, o que?=2}");
        // Past twelve entries Java's table doubles; its `toString` of these keys (inserted
        // sorted) in OpenJDK 17.
        let keys: BTreeMap<String, u8> = (0..13).map(|i| (format!("key-{i}"), 1)).collect();
        assert_eq!(
            keys.echo_text(),
            "{key-1=1, key-10=1, key-0=1, key-12=1, key-11=1, key-5=1, key-4=1, key-3=1, \
             key-2=1, key-9=1, key-8=1, key-7=1, key-6=1}"
        );
    }

    /// An `EchoText` whose writing echoes something else, as a user's type may.
    struct EchoesWhileWriting;

    impl EchoText for EchoesWhileWriting {
        fn write_echo(&self, out: &mut String) {
            let inner = value_text(|inner| inner.push_str("inner"));
            out.push_str("outer ");
            out.push_str(&inner);
        }
    }

    #[test]
    fn an_echo_may_echo_while_it_is_written() {
        let text = value_text(|out| EchoesWhileWriting.write_echo(out));
        assert_eq!(text, "outer inner");
        assert_eq!(value_text(|out| out.push('x')), "x");
    }

    #[test]
    fn value_texts_of_every_length_are_their_text() {
        for n in [0, 1, 21, 22, 100, 5000] {
            let expected = "é".repeat(n);
            let text = value_text(|out| out.push_str(&expected));
            assert_eq!(text, expected);
            assert_eq!(text.as_str(), expected);
            assert_eq!(String::from(text.clone()), expected);
            assert_eq!(format!("{text:?}"), format!("{expected:?}"));
        }
        // Hashed as its `str`, so a set of them is looked up by `&str`.
        let set: std::collections::HashSet<ValueText> =
            ["a", "b"].into_iter().map(ValueText::from).collect();
        assert!(set.contains("a"));
        let (a, b) = (ValueText::from("a"), ValueText::from("b"));
        assert_eq!(a.cmp(&b), "a".cmp("b"));
    }

    #[test]
    fn collections_print_as_java_prints_them() {
        assert_eq!(vec!["GET", "POST"].echo_text(), "[GET, POST]");
        assert_eq!(Vec::<String>::new().echo_text(), "[]");
        assert_eq!(vec![Some(1.0), None].echo_text(), "[1.0, null]");
        let map = BTreeMap::from([("a", 1)]);
        assert_eq!(map.echo_text(), "{a=1}");
    }
}
