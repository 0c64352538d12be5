//! What the derive's generated code calls. Not part of the public API: names and
//! signatures change without notice.

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

use crate::echo::EchoText;
pub use crate::echo::{echoed_text, EchoProbe, ViaEchoText, ViaNothing};
pub use crate::number::Numeric;
use crate::path::{Location, Sensitivity};
use crate::report::{Bound, Constraint, Echo, Group, GroupKind, Number, ValueText};
pub use crate::traits::{HasLength, List, Map, Presence, StringValue};
use crate::{CustomError, Rule, ValidationErrors, Violation};
pub use aws_constraints_pattern::{AsciiShortcut, Guard};
/// For the enum macros' expansions, which must not require the user's crate to name serde.
pub use serde;

/// The echo of a value, as a function of its [`Sensitivity`]: the whole value as AWS
/// echoes it when its type can be echoed ([`EchoText`](crate::rules::EchoText)), nothing for any
/// other type. A macro, because the choice is made by method lookup on the concrete type the
/// call site names (autoref specialization), which a generic function cannot see.
#[doc(hidden)]
#[macro_export]
macro_rules! __echo_probe {
    ($value:expr) => {
        |hidden: $crate::path::Sensitivity| {
            #[allow(unused_imports)]
            use $crate::__private::{ViaEchoText as _, ViaNothing as _};
            (&&$crate::__private::EchoProbe($value)).probe_echo(hidden)
        }
    };
}
pub use crate::__echo_probe as echo_probe;

/// A pattern compiled on first use, once per call site.
pub struct LazyPattern {
    source: &'static str,
    backtracking: bool,
    compiled: OnceLock<aws_constraints_pattern::Pattern>,
    /// For a pattern read at run time, which has no shortcut computed at build time.
    shortcut: OnceLock<Option<Box<AsciiShortcut>>>,
}

impl LazyPattern {
    pub const fn new(source: &'static str) -> Self {
        LazyPattern {
            source,
            backtracking: false,
            compiled: OnceLock::new(),
            shortcut: OnceLock::new(),
        }
    }

    /// `#[pattern("..", backtracking)]`.
    pub const fn with_backtracking(source: &'static str) -> Self {
        LazyPattern {
            source,
            backtracking: true,
            compiled: OnceLock::new(),
            shortcut: OnceLock::new(),
        }
    }

    /// Compiles the pattern now, if it is not yet.
    pub fn compile(&self) {
        self.get();
    }

    /// The pattern's [`AsciiShortcut`], found when first asked (compiling the pattern):
    /// what the derive computes at build time, for a pattern read at run time.
    pub fn shortcut(&self) -> Option<&AsciiShortcut> {
        self.shortcut
            .get_or_init(|| self.get().ascii_shortcut().map(Box::new))
            .as_deref()
    }

    #[inline]
    fn get(&self) -> &aws_constraints_pattern::Pattern {
        self.compiled.get_or_init(|| {
            let compiled = if self.backtracking {
                aws_constraints_pattern::Pattern::with_backtracking(self.source)
            } else {
                aws_constraints_pattern::Pattern::new(self.source)
            };
            compiled.unwrap_or_else(|e| {
                // The derive compiled this very literal with this very compiler at build
                // time and refused to expand if it failed.
                panic!(
                    "pattern {:?} failed to compile at run time: {e}",
                    self.source
                )
            })
        })
    }
}

/// What a violation at `at` may echo: nothing of a sensitive value; of a collection with
/// sensitive parts, what `text` writes given them (see [`EchoText::write_echo_hiding`]).
///
/// [`EchoText::write_echo_hiding`]: crate::rules::EchoText::write_echo_hiding
fn echo(at: &Location<'_>, text: impl FnOnce(Sensitivity) -> Option<ValueText>) -> Echo {
    echo_of(at.sensitivity(), text)
}

fn echo_of(sensitivity: Sensitivity, text: impl FnOnce(Sensitivity) -> Option<ValueText>) -> Echo {
    if sensitivity.is_whole() {
        return Echo::Redacted;
    }
    match text(sensitivity) {
        Some(text) => Echo::Value(text),
        None => Echo::Omitted,
    }
}

#[cold]
fn report(at: &Location<'_>, rule: Rule, echo: Echo, errors: &mut ValidationErrors) {
    errors.push(Violation::new(at.to_path(), rule, echo));
}

// The rules take the location as a closure that builds it: a valid value never needs it,
// and a closure that only captures its parent costs nothing until a violation calls it.

#[inline]
pub fn required<'a, T: Presence>(
    value: &T,
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) {
    if !value.is_present() {
        report(&at(), Rule::Required, Echo::Null, errors);
    }
}

/// `echo` renders the whole value when its type can be echoed (the derive's
/// [`EchoProbe`]); an empty collection that cannot is still echoed as `[]` or `{}`.
#[inline]
pub fn len<'a, T: HasLength + ?Sized>(
    value: &T,
    min: Option<u64>,
    max: Option<u64>,
    at: impl FnOnce() -> Location<'a>,
    echo_text: impl FnOnce(Sensitivity) -> Option<ValueText>,
    errors: &mut ValidationErrors,
) {
    if let Err(actual) = value.check_length(min.unwrap_or(0), max.unwrap_or(u64::MAX)) {
        let at = at();
        let echo = echo(&at, |sensitivity| {
            echo_text(sensitivity).or_else(|| value.empty_echo().map(ValueText::from))
        });
        report(&at, Rule::Length { min, max, actual }, echo, errors);
    }
}

/// `shortcut`: the pattern's [`AsciiShortcut`], for a pattern that is one class repeated;
/// with it, most values are decided here, inlined, and the matcher is not called.
#[inline]
pub fn pattern<'a, T: StringValue + ?Sized>(
    value: &T,
    pattern: &LazyPattern,
    shortcut: Option<&AsciiShortcut>,
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) {
    if let Some(text) = value.string_value() {
        let decided = shortcut.and_then(|shortcut| shortcut.decide(text));
        if !decided.unwrap_or_else(|| pattern.get().is_match(text)) {
            let rule = Rule::Pattern {
                pattern: pattern.source,
            };
            let at = at();
            report(
                &at,
                rule,
                echo(&at, |_| Some(ValueText::from(text))),
                errors,
            );
        }
    }
}

#[inline]
pub fn range<'a, T: Numeric + ?Sized>(
    value: &T,
    min: Option<Number>,
    max: Option<Number>,
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) {
    let Some(number) = value.to_number() else {
        if let Some(big) = value.exact() {
            big_range(big, min, max, at, errors);
        }
        return;
    };
    let Some(violated) = broken_bound(min, max, |bound| number.partial_cmp(bound)) else {
        return;
    };
    // A float member's bounds are doubles, as AWS prints them (`1.0`, not `1`).
    let (min, max) = match number {
        Number::Float(_) => (min.map(as_float), max.map(as_float)),
        Number::Float32(_) => (min.map(as_float32), max.map(as_float32)),
        _ => (min, max),
    };
    let rule = Rule::Range { min, max, violated };
    let at = at();
    report(
        &at,
        rule,
        echo(&at, |_| Some(crate::echo::displayed(&number))),
        errors,
    );
}

/// The bound a value breaks, given how it compares with a bound. A value unordered with a
/// bound (`None`: NaN) breaks every bound.
#[inline]
fn broken_bound(
    min: Option<Number>,
    max: Option<Number>,
    compare: impl Fn(&Number) -> Option<Ordering>,
) -> Option<Bound> {
    if min.is_some_and(|min| compare(&min).is_none_or(Ordering::is_lt)) {
        Some(Bound::Min)
    } else if max.is_some_and(|max| compare(&max).is_none_or(Ordering::is_gt)) {
        Some(Bound::Max)
    } else {
        None
    }
}

#[cold]
fn big_range<'a>(
    value: &crate::BigDecimal,
    min: Option<Number>,
    max: Option<Number>,
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) {
    if let Some(violated) = broken_bound(min, max, |bound| value.cmp_bound(bound)) {
        let at = at();
        let rule = Rule::Range { min, max, violated };
        report(
            &at,
            rule,
            echo(&at, |_| Some(crate::echo::displayed(value))),
            errors,
        );
    }
}

#[inline]
pub fn one_of<'a, T: StringValue + ?Sized>(
    value: &T,
    values: &'static [&'static str],
    internal: &'static [&'static str],
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) {
    if let Some(text) = value.string_value() {
        if !values.contains(&text) && !internal.contains(&text) {
            let at = at();
            let echo = echo(&at, |_| Some(ValueText::from(text)));
            report(&at, Rule::OneOf { values }, echo, errors);
        }
    }
}

#[inline]
pub fn unique<'a, L: List + ?Sized>(
    value: &L,
    at: impl FnOnce() -> Location<'a>,
    errors: &mut ValidationErrors,
) where
    L::Item: Eq + std::hash::Hash,
{
    if value.has_duplicates() {
        let at = at();
        report(&at, Rule::Unique, echo(&at, |_| None), errors);
    }
}

/// `#[each(sensitive)]` checks nothing, but still applies only to a list.
#[inline(always)]
pub fn is_list<L: List + ?Sized>(_: &L) {}

/// `#[keys(sensitive)]` and `#[values(sensitive)]` check nothing, but still apply only to a
/// map.
#[inline(always)]
pub fn is_map<M: Map + ?Sized>(_: &M) {}

/// A list's items, each checked by `check`, and the violations of every item grouped as AWS
/// reports a list's simple members (`Member must satisfy constraint: [..]` at the list,
/// echoing it): what `#[each(..)]` does, and a list of enums. `members` are the constraints
/// the group lists and the check of one item, given the item, its index and the list's
/// location (an item's location is built only where a violation needs it); `echo` writes
/// the whole list, hiding what its sensitivity names.
#[inline]
pub fn each<L: List + ?Sized, C: MemberConstraints>(
    list: &L,
    list_at: &Location<'_>,
    echo: impl Fn(Sensitivity) -> Option<ValueText>,
    errors: &mut ValidationErrors,
    (constraints, mut check): (
        C,
        impl FnMut(&L::Item, usize, &Location<'_>, &mut ValidationErrors),
    ),
) {
    let group = Grouping::new(GroupKind::ListMember, constraints, list_at, echo);
    list.for_each_item(|index, item| {
        let start = errors.len();
        check(item, index, list_at, errors);
        group.attach(errors, start);
    });
}

/// A map's entries in one pass, each key and each value checked, the violations of the keys
/// and of the values grouped as AWS reports them (`Map keys must satisfy constraint: [..]`,
/// `Map value must satisfy constraint: [..]`, once each, at the map), then ordered a side
/// at a time, each side by key where the map's order is unspecified: what `#[keys(..)]` and
/// `#[values(..)]` do, and a map of enums. A check is given the key (and the value) and the
/// map's location; a side with nothing to check passes no constraints and a check that does
/// nothing.
#[inline]
pub fn entries<'m, M: Map + ?Sized, K: MemberConstraints, V: MemberConstraints>(
    map: &'m M,
    map_at: &Location<'_>,
    echo: impl Fn(Sensitivity) -> Option<ValueText>,
    errors: &mut ValidationErrors,
    (key_constraints, mut check_key): (K, impl FnMut(&str, &Location<'_>, &mut ValidationErrors)),
    (value_constraints, mut check_value): (
        V,
        impl FnMut(&M::Value, &str, &Location<'_>, &mut ValidationErrors),
    ),
) {
    let start = errors.len();
    let keys = Grouping::new(GroupKind::MapKeys, key_constraints, map_at, &echo);
    let values = Grouping::new(GroupKind::MapValues, value_constraints, map_at, &echo);
    map.for_each_entry(|key: &'m str, value| {
        let key_start = errors.len();
        check_key(key, map_at, errors);
        keys.attach(errors, key_start);
        let value_start = errors.len();
        check_value(value, key, map_at, errors);
        values.attach(errors, value_start);
    });
    if errors.len() - start > 1 {
        errors.order_entries_since(start, map_at.depth(), M::UNORDERED);
    }
}

/// The constraints of a side of a map with nothing to check (the keys of a map of enums).
pub(crate) const NO_CONSTRAINTS: &[Constraint] = &[];

/// What a collection's members say of themselves, as [`Validate`](crate::Validate) says it
/// of a type (its `MEMBER_CONSTRAINTS`, `write_member_echo` and `validate_at`), or as a
/// model-driven validator says it of a member's shape.
pub struct Members<C, E, V> {
    /// The constraints AWS lists when members break them (an enum's value set); empty for
    /// members that report on their own (structures).
    pub constraints: C,
    /// Writes a member as AWS echoes it inside its collection's grouped message.
    pub write_echo: E,
    /// Validates a member found at a location.
    pub validate: V,
}

/// A member of a collection, echoed as [`Members::write_echo`] writes it.
struct MemberEcho<'a, T: ?Sized, E>(&'a T, &'a E);

impl<T: ?Sized, E: Fn(&T, &mut String)> EchoText for MemberEcho<'_, T, E> {
    fn write_echo(&self, out: &mut String) {
        (self.1)(self.0, out);
    }
}

/// A list's items validated at their indices: what `Validate` does for a list. Members
/// with constraints of their own (enums) are grouped as AWS reports a list's simple
/// members, echoing the list.
#[inline]
pub fn validate_items<L, C, E, V>(
    list: &L,
    at: &Location<'_>,
    errors: &mut ValidationErrors,
    Members {
        constraints,
        write_echo,
        validate,
    }: Members<C, E, V>,
) where
    L: List + ?Sized,
    C: MemberConstraints,
    E: Fn(&L::Item, &mut String),
    V: Fn(&L::Item, &Location<'_>, &mut ValidationErrors),
{
    if constraints.is_empty() {
        let mut item_at = at.index(0);
        list.for_each_item(|index, item| {
            item_at.move_to_index(index);
            validate(item, &item_at, errors);
        });
        return;
    }
    let echo = |hidden| {
        let mut items = Vec::new();
        list.for_each_item(|_, item| items.push(MemberEcho(item, &write_echo)));
        Some(crate::echo::value_text(|out| {
            items.write_echo_hiding(hidden, out)
        }))
    };
    let check = |item: &L::Item, index, list_at: &Location<'_>, errors: &mut ValidationErrors| {
        validate(item, &list_at.index(index), errors)
    };
    each(list, at, echo, errors, (constraints, check));
}

/// A map's values validated at their entries, grouped as AWS groups them when the members
/// have constraints of their own (enums), ordered by key where the map's order is
/// unspecified: what `Validate` does for a map.
#[inline]
pub fn validate_entries<M, C, E, V>(
    map: &M,
    at: &Location<'_>,
    errors: &mut ValidationErrors,
    Members {
        constraints,
        write_echo,
        validate,
    }: Members<C, E, V>,
) where
    M: Map + ?Sized,
    C: MemberConstraints,
    E: Fn(&M::Value, &mut String),
    V: Fn(&M::Value, &Location<'_>, &mut ValidationErrors),
{
    if constraints.is_empty() {
        let start = errors.len();
        let mut value_at = at.map_value("");
        map.for_each_entry(|key, value| {
            value_at.move_to_map_value(key);
            validate(value, &value_at, errors);
        });
        if M::UNORDERED {
            errors.sort_entries_since(start, at.depth());
        }
        return;
    }
    let echo = |hidden| {
        let mut entries = Vec::new();
        map.for_each_entry(|key, value| entries.push((key, MemberEcho(value, &write_echo))));
        Some(crate::echo::value_text(|out| {
            crate::echo::write_map_echo(&entries, !M::UNORDERED, hidden, out);
        }))
    };
    let no_keys = (
        NO_CONSTRAINTS,
        |_: &str, _: &Location<'_>, _: &mut ValidationErrors| {},
    );
    let check =
        |value: &M::Value, key: &str, map_at: &Location<'_>, errors: &mut ValidationErrors| {
            validate(value, &map_at.map_value(key), errors)
        };
    entries(map, at, echo, errors, no_keys, (constraints, check));
}

fn as_float(bound: Number) -> Number {
    Number::Float(bound.as_f64())
}

fn as_float32(bound: Number) -> Number {
    Number::Float32(bound.as_f64() as f32)
}

/// The group that the violations of one collection's simple members are reported in by
/// AWS, built (with the collection's echo) at the first of them: a valid collection costs
/// only a length comparison per item.
struct Grouping<F, C = &'static [Constraint]> {
    kind: GroupKind,
    constraints: C,
    sensitivity: Sensitivity,
    echo_text: F,
    built: OnceCell<Arc<Group>>,
}

/// The constraints of a group's members: a static list, or one with constant bounds read
/// at run time.
pub trait MemberConstraints {
    fn to_cow(&self) -> std::borrow::Cow<'static, [Constraint]>;
    fn is_empty(&self) -> bool;
}

impl MemberConstraints for &'static [Constraint] {
    fn to_cow(&self) -> std::borrow::Cow<'static, [Constraint]> {
        std::borrow::Cow::Borrowed(self)
    }
    #[inline]
    fn is_empty(&self) -> bool {
        <[Constraint]>::is_empty(self)
    }
}

impl<const N: usize> MemberConstraints for [Constraint; N] {
    fn to_cow(&self) -> std::borrow::Cow<'static, [Constraint]> {
        std::borrow::Cow::Owned(self.to_vec())
    }
    #[inline]
    fn is_empty(&self) -> bool {
        N == 0
    }
}

/// Constraints read from a model at run time, copied into a group only when one is built.
#[derive(Clone, Copy)]
pub struct Borrowed<'c>(pub &'c [Constraint]);

impl MemberConstraints for Borrowed<'_> {
    fn to_cow(&self) -> std::borrow::Cow<'static, [Constraint]> {
        std::borrow::Cow::Owned(self.0.to_vec())
    }
    #[inline]
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<F: Fn(Sensitivity) -> Option<ValueText>, C: MemberConstraints> Grouping<F, C> {
    #[inline]
    fn new(kind: GroupKind, constraints: C, collection_at: &Location<'_>, echo_text: F) -> Self {
        Grouping {
            kind,
            constraints,
            sensitivity: collection_at.sensitivity(),
            echo_text,
            built: OnceCell::new(),
        }
    }

    /// Puts the violations recorded since `start` in this group.
    #[inline]
    fn attach(&self, errors: &mut ValidationErrors, start: usize) {
        if errors.len() > start {
            self.attach_cold(errors, start);
        }
    }

    #[cold]
    fn attach_cold(&self, errors: &mut ValidationErrors, start: usize) {
        let group = self.built.get_or_init(|| {
            let echo = echo_of(self.sensitivity, &self.echo_text);
            let float = errors.as_slice()[start..].iter().any(|v| {
                matches!(v.rule(), Rule::Range { min, max, .. }
                    if [min, max].iter().any(|b| matches!(b, Some(Number::Float(_) | Number::Float32(_)))))
            });
            Arc::new(Group::new(self.kind, self.constraints.to_cow(), echo, float))
        });
        errors.group_since(start, group);
    }
}

/// `#[custom(..)]` on a member: `result` is what the user's function returned.
#[inline]
pub fn custom<'a, E: Into<CustomError>>(
    result: Result<(), E>,
    at: impl FnOnce() -> Location<'a>,
    echo_text: impl FnOnce(Sensitivity) -> Option<ValueText>,
    errors: &mut ValidationErrors,
) {
    if let Err(error) = result {
        let error = error.into();
        let at = at();
        match error.member {
            Some(member) => {
                let at = at.member(member, false);
                report(&at, error.rule(), echo(&at, |_| None), errors);
            }
            None => report(&at, error.rule(), echo(&at, echo_text), errors),
        }
    }
}

/// `#[custom(..)]` on a type: the user's function of the whole value, reported at the
/// value or at the member the error names, never echoing a value.
#[inline]
pub fn custom_of_value<E: Into<CustomError>>(
    result: Result<(), E>,
    at: &Location<'_>,
    errors: &mut ValidationErrors,
) {
    custom(result, || *at, |_| None, errors);
}

/// A range bound given as a constant, of any numeric type.
#[inline]
pub fn const_bound<T: Numeric>(value: &T) -> Number {
    // `Numeric` answers `None` only for an absent `Option`, which a constant is not.
    value.to_number().unwrap_or(Number::Float(f64::NAN))
}

/// Deeper than this (in path segments), a structure is not validated further: a value built
/// in code can nest deeper than any parser allows (serde_json stops at 128), and validation
/// must not overflow the stack on it.
pub const MAX_DEPTH: usize = 512;

/// Reports a value nested deeper than [`MAX_DEPTH`].
#[cold]
pub fn too_deep(at: &Location<'_>, errors: &mut ValidationErrors) {
    report(at, Rule::TooDeep { max: MAX_DEPTH }, Echo::Omitted, errors);
}
