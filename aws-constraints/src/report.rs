//! What a validation found: each [`Violation`] (its path, its rule, what may be shown of its
//! value, the group AWS reports it in) and the [`ValidationErrors`] that `validate()`
//! returns. Data only: how each is written for AWS, Smithy and programs is in `render`.

use std::sync::Arc;

pub use crate::echo::ValueText;
pub use crate::number::Number;
use crate::path::{EntryKey, Path, PathSegment};

/// Which constraint failed, with its parameters.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// `#[required]`: the member is absent or `null`.
    Required,
    /// `#[len]`: `actual` Unicode scalar values (strings), items (lists) or entries (maps).
    Length {
        min: Option<u64>,
        max: Option<u64>,
        actual: u64,
    },
    /// `#[pattern]`: the value does not match `pattern` (as written).
    Pattern { pattern: &'static str },
    /// `#[range]`: the number is out of bounds; `violated` says which bound.
    Range {
        min: Option<Number>,
        max: Option<Number>,
        violated: Bound,
    },
    /// `#[one_of]`: the string is not one of `values`.
    OneOf { values: &'static [&'static str] },
    /// `#[unique]`: the list has duplicate items.
    Unique,
    /// `#[custom(..)]`: a user's function said no, with `constraint` in AWS's wording.
    Custom { constraint: String },
    /// A value built in code nested deeper than `max` path segments: validation stops
    /// there rather than overflow the stack (no parser nests so deep).
    TooDeep { max: usize },
}

impl Rule {
    /// A stable, machine-readable name: `required`, `length`, `pattern`, `range`, `enum`,
    /// `unique`, `custom`, `depth`.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Length { .. } => "length",
            Rule::Pattern { .. } => "pattern",
            Rule::Range { .. } => "range",
            Rule::OneOf { .. } => "enum",
            Rule::Unique => "unique",
            Rule::Custom { .. } => "custom",
            Rule::TooDeep { .. } => "depth",
        }
    }
}

/// Which bound of a `#[range]` a value is beyond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Below the minimum (or not a number, when there is a minimum).
    Min,
    /// Above the maximum.
    Max,
}

/// What a message may say about the offending value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Echo {
    /// The member is absent or `null`.
    Null,
    /// The value, as text.
    Value(ValueText),
    /// The value is sensitive (`#[sensitive]`, or a sensitive part of a collection): it
    /// must never be shown.
    Redacted,
    /// A list or map, which messages do not reproduce.
    Omitted,
}

/// A constraint as declared on the members of a list or map, for the message AWS sends
/// about them as a whole (`Member must satisfy constraint: [..]`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Constraint {
    /// `len(..)`.
    Length { min: Option<u64>, max: Option<u64> },
    /// `pattern(..)`, as written.
    Pattern(&'static str),
    /// `range(..)`.
    Range {
        min: Option<Number>,
        max: Option<Number>,
    },
    /// `one_of(..)`: the listed values (internal ones are never shown).
    OneOf(&'static [&'static str]),
}

/// Which members of a collection a [`Group`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// The items of a list (`#[each(..)]`).
    ListMember,
    /// The keys of a map (`#[keys(..)]`).
    MapKeys,
    /// The values of a map (`#[values(..)]`).
    MapValues,
}

/// What AWS reports once for every list or map whose simple members break their
/// constraints: the whole collection, echoed, and every constraint of its members.
///
/// AWS services (Coral) validate a list of strings, numbers or enums as one value: a bad
/// item is reported at the list, echoing the list, with all of the member shape's
/// constraints in brackets; a map's keys and values likewise, once each. The violations
/// stay precise (each knows its item or entry, as the Smithy rendering needs); the AWS
/// rendering groups those that share a group.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub(crate) kind: GroupKind,
    pub(crate) constraints: std::borrow::Cow<'static, [Constraint]>,
    pub(crate) echo: Echo,
    pub(crate) float: bool,
}

impl Group {
    /// A group of `kind` over members declared with `constraints`; `echo` is the whole
    /// collection's, `float` whether its members are floating-point numbers (whose bounds
    /// AWS prints as doubles).
    pub(crate) fn new(
        kind: GroupKind,
        constraints: impl Into<std::borrow::Cow<'static, [Constraint]>>,
        echo: Echo,
        float: bool,
    ) -> Self {
        Group {
            kind,
            constraints: constraints.into(),
            echo,
            float,
        }
    }

    /// Which members the group is about.
    pub fn kind(&self) -> GroupKind {
        self.kind
    }

    /// What may be shown of the whole collection.
    pub fn echo(&self) -> &Echo {
        &self.echo
    }
}

/// One failed constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub(crate) path: Path,
    pub(crate) rule: Rule,
    pub(crate) echo: Echo,
    pub(crate) group: Option<Arc<Group>>,
}

impl Violation {
    /// Builds a violation; values at sensitive locations are redacted by the caller.
    pub fn new(path: Path, rule: Rule, echo: Echo) -> Self {
        Violation {
            path,
            rule,
            echo,
            group: None,
        }
    }

    /// Hides what `sensitivity`, the sensitivity of the value this violation's path starts
    /// from, makes sensitive: keys on the way, and an echo of the value or of its group's
    /// collection that any sensitivity reaches (an echo written without knowing of it).
    fn hide_below(&mut self, sensitivity: crate::path::Sensitivity) {
        let mut at = sensitivity;
        let mut holder = sensitivity;
        let segments = self.path.segments().iter().map(|segment| {
            holder = at;
            at = at.below(segment);
            match segment {
                PathSegment::MapKey(key) if holder.of_key().is_whole() => {
                    PathSegment::MapKey(key.redacted())
                }
                PathSegment::MapValue(key) if holder.of_key().is_whole() => {
                    PathSegment::MapValue(key.redacted())
                }
                other => other.clone(),
            }
        });
        self.path = segments.collect();
        if at.is_any() && matches!(self.echo, Echo::Value(_)) {
            self.echo = Echo::Redacted;
        }
        if let Some(group) = &self.group {
            if holder.is_any() && matches!(group.echo, Echo::Value(_)) {
                self.group = Some(Arc::new(Group {
                    echo: Echo::Redacted,
                    ..Group::clone(group)
                }));
            }
        }
    }

    /// The group AWS reports this violation in, if it is one of the simple members of a
    /// list or map.
    pub fn group(&self) -> Option<&Group> {
        self.group.as_deref()
    }

    /// Where the violation is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The constraint that failed.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// What may be shown of the value.
    pub fn echo(&self) -> &Echo {
        &self.echo
    }
}

/// Every violation found by one `validate()`, in a deterministic order: members in
/// declaration order, rules in the order written, list items by index, map entries by key.
/// The AWS message lists them in AWS's order instead (see
/// [`ValidationErrors::aws_reported`]).
///
/// `Display` renders the message AWS services send.
///
/// ```
/// use aws_constraints::Validate;
///
/// #[derive(Validate)]
/// struct Request {
///     #[len(2, 64)]
///     #[pattern("[-_a-zA-Z0-9]*")]
///     client_request_token: String,
/// }
///
/// let errors = Request { client_request_token: "ab!".into() }.validate().unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "1 validation error detected: Value 'ab!' at 'client_request_token' failed to \
///      satisfy constraint: Member must satisfy regular expression pattern: [-_a-zA-Z0-9]*"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValidationErrors {
    pub(crate) violations: Vec<Violation>,
}

impl ValidationErrors {
    /// No violations; allocates nothing.
    #[inline]
    pub const fn new() -> Self {
        ValidationErrors {
            violations: Vec::new(),
        }
    }

    /// Records a violation.
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Number of violations.
    #[inline]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The violations, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations, in order.
    pub fn as_slice(&self) -> &[Violation] {
        &self.violations
    }

    /// `Ok(())` when empty.
    #[inline]
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Puts the violations recorded since `start` in `group`, except those that a nested
    /// collection's group already holds.
    pub(crate) fn group_since(&mut self, start: usize, group: &Arc<Group>) {
        for violation in &mut self.violations[start..] {
            violation.group.get_or_insert_with(|| Arc::clone(group));
        }
    }

    /// Adds `other`'s violations as found below `at`: their paths are prefixed with its
    /// path, and below a sensitive location their values and keys are redacted. This is how
    /// a hand-written [`Validate`](crate::Validate) impl reports what it checked elsewhere.
    ///
    /// ```
    /// use aws_constraints::{path::Location, Validate, ValidationErrors};
    ///
    /// #[derive(Validate)]
    /// struct Tag {
    ///     #[len(max = 3)]
    ///     key: String,
    /// }
    ///
    /// let inner = Tag { key: "long".into() }.validate().unwrap_err();
    /// let root = Location::root();
    /// let tags = root.member("tags", false);
    /// let mut errors = ValidationErrors::new();
    /// errors.merge_at(&tags.index(0), inner);
    /// assert_eq!(
    ///     errors.to_string(),
    ///     "1 validation error detected: Value 'long' at 'tags.1.member.key' failed to \
    ///      satisfy constraint: Member must have length less than or equal to 3"
    /// );
    /// ```
    pub fn merge_at(&mut self, at: &crate::path::Location<'_>, other: ValidationErrors) {
        let prefix = at.to_path();
        for mut violation in other.violations {
            if at.sensitivity().is_any() {
                violation.hide_below(at.sensitivity());
            }
            violation.path = prefix.join(&violation.path);
            self.violations.push(violation);
        }
    }

    /// Orders the violations recorded since `start` by the map key at segment `depth`,
    /// keeping the order of violations within one entry. Hash maps iterate in no fixed
    /// order; this makes their report deterministic without allocating when all is valid.
    /// Where one pass checked both keys and values, the keys' violations come first.
    pub(crate) fn sort_entries_since(&mut self, start: usize, depth: usize) {
        self.order_entries_since(start, depth, true);
    }

    /// [`ValidationErrors::sort_entries_since`], or, unless `by_key`, only the keys'
    /// violations before the values' (a map whose order is its own).
    pub(crate) fn order_entries_since(&mut self, start: usize, depth: usize, by_key: bool) {
        if self.violations.len() - start < 2 {
            return;
        }
        // A stable sort: what compares equal keeps the order it was found in.
        self.violations[start..].sort_by(|a, b| {
            /// The side of the entry (keys first) and, if sorting by key, the key.
            fn entry(
                v: &Violation,
                depth: usize,
                by_key: bool,
            ) -> Option<(bool, Option<&EntryKey>)> {
                match v.path.segments().get(depth) {
                    Some(PathSegment::MapKey(k)) => Some((false, by_key.then_some(k))),
                    Some(PathSegment::MapValue(k)) => Some((true, by_key.then_some(k))),
                    _ => None,
                }
            }
            entry(a, depth, by_key).cmp(&entry(b, depth, by_key))
        });
    }
}

impl std::error::Error for ValidationErrors {}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl Extend<Violation> for ValidationErrors {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, violations: I) {
        self.violations.extend(violations);
    }
}

impl FromIterator<Violation> for ValidationErrors {
    /// Collects violations built by hand, in the order given.
    ///
    /// ```
    /// use aws_constraints::{report::Echo, path::Location, Rule, ValidationErrors, Violation};
    ///
    /// let root = Location::root();
    /// let errors: ValidationErrors = ["a", "b"]
    ///     .into_iter()
    ///     .map(|member| {
    ///         let at = root.member(member, false);
    ///         Violation::new(at.to_path(), Rule::Required, Echo::Null)
    ///     })
    ///     .collect();
    /// assert_eq!(errors.len(), 2);
    /// ```
    fn from_iter<I: IntoIterator<Item = Violation>>(violations: I) -> Self {
        ValidationErrors {
            violations: violations.into_iter().collect(),
        }
    }
}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}
