//! Violations and the collection of them that `validate()` returns.

use std::fmt;
use std::sync::Arc;

use crate::echo::ValueText;
use crate::number::Number;
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
    kind: GroupKind,
    constraints: std::borrow::Cow<'static, [Constraint]>,
    echo: Echo,
    float: bool,
}

impl Group {
    /// A group of `kind` over members declared with `constraints`; `echo` is the whole
    /// collection's, `float` whether its members are floating-point numbers (whose bounds
    /// AWS prints as doubles).
    pub fn new(
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

    /// The constraint as AWS phrases it:
    /// `Member must satisfy constraint: [Member must have length less than or equal to 6, ..]`.
    ///
    /// Inside the brackets the order is fixed by the kind of constraint, as AWS's services
    /// write it (Lambda, ACM, EventBridge, Cognito, IoT): length maximum, length minimum,
    /// pattern, enum, value maximum, value minimum. Lambda alone adds a trailing
    /// `Member must not be null`; the others, which are most, do not, and neither does
    /// this.
    pub fn aws_constraint(&self) -> String {
        let bound = |n: &Number| {
            if self.float {
                crate::echo::java_double(n.as_f64())
            } else {
                n.to_string()
            }
        };
        let mut texts: Vec<(u8, String)> = Vec::new();
        for constraint in self.constraints.iter() {
            match constraint {
                Constraint::Length { min, max } => {
                    texts.extend(max.map(|max| (0, phrase::length_at_most(max))));
                    texts.extend(min.map(|min| (1, phrase::length_at_least(min))));
                }
                Constraint::Pattern(pattern) => texts.push((2, phrase::pattern(pattern))),
                Constraint::OneOf(values) => texts.push((3, phrase::one_of(values))),
                Constraint::Range { min, max } => {
                    texts.extend(max.map(|max| (4, phrase::value_at_most(bound(&max)))));
                    texts.extend(min.map(|min| (5, phrase::value_at_least(bound(&min)))));
                }
            }
        }
        texts.sort_by_key(|(order, _)| *order);
        let list: Vec<String> = texts.into_iter().map(|(_, text)| text).collect();
        let subject = match self.kind {
            GroupKind::ListMember => "Member must satisfy constraint",
            GroupKind::MapKeys => "Map keys must satisfy constraint",
            GroupKind::MapValues => "Map value must satisfy constraint",
        };
        format!("{subject}: [{}]", list.join(", "))
    }
}

/// AWS's wording of each constraint, shared by the message about one value and the
/// bracketed list about a collection's members.
mod phrase {
    use std::fmt::Display;

    pub(super) fn length_at_most(max: impl Display) -> String {
        format!("Member must have length less than or equal to {max}")
    }

    pub(super) fn length_at_least(min: impl Display) -> String {
        format!("Member must have length greater than or equal to {min}")
    }

    pub(super) fn pattern(pattern: &str) -> String {
        format!("Member must satisfy regular expression pattern: {pattern}")
    }

    pub(super) fn one_of(values: &[&str]) -> String {
        format!(
            "Member must satisfy enum value set: [{}]",
            values.join(", ")
        )
    }

    pub(super) fn value_at_most(max: impl Display) -> String {
        format!("Member must have value less than or equal to {max}")
    }

    pub(super) fn value_at_least(min: impl Display) -> String {
        format!("Member must have value greater than or equal to {min}")
    }
}

/// One failed constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    path: Path,
    rule: Rule,
    echo: Echo,
    group: Option<Arc<Group>>,
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
    fn hide_below(&mut self, sensitivity: crate::Sensitivity) {
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

    /// The same violation as one of the members of a list or map that AWS reports as a
    /// whole.
    pub fn in_group(mut self, group: Arc<Group>) -> Self {
        self.group = Some(group);
        self
    }

    /// The group AWS reports this violation in, if it is one of the simple members of a
    /// list or map.
    pub fn group(&self) -> Option<&Group> {
        self.group.as_deref()
    }

    /// The path AWS reports the violation at: the collection's for a grouped member.
    pub fn aws_path(&self) -> String {
        self.aws_reported_at().aws_dotted()
    }

    /// Where AWS reports the violation: at the collection for a grouped member.
    fn aws_reported_at(&self) -> std::borrow::Cow<'_, Path> {
        match &self.group {
            Some(_) => std::borrow::Cow::Owned(self.path.parent()),
            None => std::borrow::Cow::Borrowed(&self.path),
        }
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

    /// The constraint as AWS services phrase it, after "failed to satisfy constraint: ".
    pub fn aws_constraint(&self) -> String {
        match &self.rule {
            Rule::Required => "Member must not be null".to_owned(),
            Rule::Length { min, max, actual } => {
                if min.is_some_and(|min| *actual < min) {
                    phrase::length_at_least(min.unwrap_or_default())
                } else {
                    phrase::length_at_most(max.unwrap_or_default())
                }
            }
            Rule::Pattern { pattern } => phrase::pattern(pattern),
            Rule::Range { min, max, violated } => match (violated, min, max) {
                (Bound::Min, Some(min), _) | (Bound::Max, Some(min), None) => {
                    phrase::value_at_least(min)
                }
                (_, _, Some(max)) => phrase::value_at_most(max),
                (_, None, None) => "Member must be a number".to_owned(),
            },
            Rule::OneOf { values } => phrase::one_of(values),
            Rule::Unique => "Member must have unique values".to_owned(),
            Rule::Custom { constraint } => neutralise(constraint),
            Rule::TooDeep { max } => format!("Member must not be nested deeper than {max} levels"),
        }
    }

    /// The violation as AWS services write it:
    /// `Value 'ab!' at 'clientRequestToken' failed to satisfy constraint: ..`; for a simple
    /// member of a list or map, the message about the whole collection (its [`Group`]).
    pub fn aws_message(&self) -> String {
        self.aws_message_at(&self.aws_path())
    }

    /// [`Violation::aws_message`], given the path AWS reports it at.
    fn aws_message_at(&self, aws_path: &str) -> String {
        let (echo, constraint) = match &self.group {
            Some(group) => (group.echo(), group.aws_constraint()),
            None => (&self.echo, self.aws_constraint()),
        };
        let value = match echo {
            Echo::Null => "Value null".to_owned(),
            Echo::Value(text) => format!("Value '{}'", neutralise(text)),
            Echo::Redacted | Echo::Omitted => "Value".to_owned(),
        };
        format!("{value} at '{aws_path}' failed to satisfy constraint: {constraint}")
    }
}

impl Violation {
    /// The violation as Smithy-framework servers write it in a `ValidationException`'s
    /// `fieldList`: a JSON-pointer path, and never the value itself.
    ///
    /// ```
    /// use aws_constraints::{Echo, Location, Rule, Violation};
    ///
    /// let at = Location::root();
    /// let at = at.member("string", false);
    /// let rule = Rule::Length { min: Some(2), max: Some(8), actual: 1 };
    /// let violation = Violation::new(at.to_path(), rule, Echo::Value("a".into()));
    /// assert_eq!(
    ///     violation.smithy_message(),
    ///     "Value with length 1 at '/string' failed to satisfy constraint: \
    ///      Member must have length between 2 and 8, inclusive"
    /// );
    /// ```
    pub fn smithy_message(&self) -> String {
        let path = neutralise(&self.path.json_pointer());
        let between = |what: &str, min: Option<String>, max: Option<String>| match (min, max) {
            (Some(min), Some(max)) => {
                format!("Member must {what}between {min} and {max}, inclusive")
            }
            (Some(min), None) => format!("Member must {what}greater than or equal to {min}"),
            (None, Some(max)) => format!("Member must {what}less than or equal to {max}"),
            (None, None) => format!("Member must {what}a number"),
        };
        match &self.rule {
            Rule::Length { min, max, actual } => format!(
                "Value with length {actual} at '{path}' failed to satisfy constraint: {}",
                between(
                    "have length ",
                    min.map(|m| m.to_string()),
                    max.map(|m| m.to_string())
                )
            ),
            Rule::Range { min, max, .. } => format!(
                "Value at '{path}' failed to satisfy constraint: {}",
                between(
                    "be ",
                    min.map(|m| m.to_string()),
                    max.map(|m| m.to_string())
                )
            ),
            _ => format!(
                "Value at '{path}' failed to satisfy constraint: {}",
                self.aws_constraint()
            ),
        }
    }
}

/// Client text (a value, a map key) as it may appear in a message: the characters that
/// structure a message are written as escapes, so that no client text can close a quote,
/// start a second violation or break a line, even for a reader that splits on `"; "` or
/// searches for `"' at '"`. A quote is `\u{27}`, a `;` is `\u{3b}`, a control character
/// `\u{..}`, a backslash `\\`; everything else is kept.
pub(crate) fn neutralise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    neutralise_into(&mut out, text);
    out
}

/// [`neutralise`], appending to `out`.
pub(crate) fn neutralise_into(out: &mut String, text: &str) {
    use std::fmt::Write;
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == '\'' || c == ';' || c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
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
    violations: Vec<Violation>,
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
    /// use aws_constraints::{Location, Validate, ValidationErrors};
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
    pub fn merge_at(&mut self, at: &crate::Location<'_>, other: ValidationErrors) {
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
    pub fn sort_entries_since(&mut self, start: usize, depth: usize) {
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

    /// The violations AWS reports as messages of their own, in the order AWS lists them:
    /// every one, except that the simple members of one list or map that break its
    /// constraints are reported once, by the first of them (see [`Group`]).
    ///
    /// AWS's order is not the model's. What every real message seen shows (the tests in
    /// `tests/tests/aws_messages.rs` cite them) is the order of Java hash tables: a
    /// structure's members as a `HashMap` keyed by their names iterates them, and one
    /// member's several violations as a `HashSet` of their messages does; equal buckets
    /// keep this crate's order (members as declared, rules as written), except that a
    /// member's pattern comes first. A collection's items come in index order, after what is
    /// reported at the collection itself.
    ///
    /// ```
    /// use aws_constraints::Validate;
    ///
    /// #[derive(Validate, serde::Deserialize)]
    /// #[serde(rename_all = "PascalCase")]
    /// struct ProvisionedThroughput {
    ///     #[range(min = 1)]
    ///     read_capacity_units: i64,
    ///     #[range(min = 1)]
    ///     write_capacity_units: i64,
    /// }
    ///
    /// let errors = ProvisionedThroughput { read_capacity_units: 0, write_capacity_units: 0 }
    ///     .validate()
    ///     .unwrap_err();
    /// // Declared read first; DynamoDB reports write first, as here.
    /// let paths: Vec<String> = errors.aws_reported().map(|v| v.aws_path()).collect();
    /// assert_eq!(paths, ["writeCapacityUnits", "readCapacityUnits"]);
    /// ```
    pub fn aws_reported(&self) -> impl Iterator<Item = &Violation> {
        self.aws_reported_with_messages()
            .into_iter()
            .map(|(violation, _)| violation)
    }

    /// [`ValidationErrors::aws_reported`], each with its message.
    fn aws_reported_with_messages(&self) -> Vec<(&Violation, String)> {
        /// What orders one reported violation, computed once.
        struct Reported<'a> {
            violation: &'a Violation,
            aws_path: String,
            order: Vec<u32>,
            message: String,
        }
        let mut reported_groups = std::collections::HashSet::new();
        let mut reported: Vec<Reported> = self
            .violations
            .iter()
            .filter_map(|violation| {
                let at = violation.aws_reported_at();
                if let Some(group) = &violation.group {
                    if !reported_groups.insert((group.kind, at.clone())) {
                        return None;
                    }
                }
                let aws_path = at.aws_dotted();
                Some(Reported {
                    violation,
                    order: at.aws_order_key(),
                    message: violation.aws_message_at(&aws_path),
                    aws_path,
                })
            })
            .collect();
        // Members by bucket at each level of the path (the collection's path for a group).
        reported.sort_by(|a, b| a.order.cmp(&b.order));
        // Then one member's messages by bucket, as a hash set of as many holds them; in one
        // bucket, a pattern's before the others, as Cognito's `username` shows. (Two members
        // can share a bucket: the run is one path, not one key.)
        for member in reported.chunk_by_mut(|a, b| a.aws_path == b.aws_path) {
            let mask = crate::echo::java_table_mask(member.len());
            member.sort_by_key(|reported| {
                let violation = reported.violation;
                let not_a_pattern =
                    violation.group.is_some() || !matches!(violation.rule, Rule::Pattern { .. });
                (
                    crate::echo::java_spread_hash(&reported.message) & mask,
                    not_a_pattern,
                )
            });
        }
        reported
            .into_iter()
            .map(|reported| (reported.violation, reported.message))
            .collect()
    }

    /// The message AWS services send: `N validation error(s) detected: ` and every
    /// violation (grouped and ordered as [`ValidationErrors::aws_reported`] says), joined
    /// by `; `.
    pub fn aws_message(&self) -> String {
        let reported: Vec<String> = self
            .aws_reported_with_messages()
            .into_iter()
            .map(|(_, message)| message)
            .collect();
        let n = reported.len();
        format!(
            "{n} validation error{} detected: {}",
            if n == 1 { "" } else { "s" },
            reported.join("; ")
        )
    }
}

impl ValidationErrors {
    /// The body of the Smithy-framework `ValidationException` (HTTP 400):
    /// `{"message": "1 validation error detected. <first>", "fieldList": [..]}`, with every
    /// violation in `fieldList`. With several, the message lists them all, joined by `; `.
    pub fn smithy_body(&self) -> serde_json::Value {
        let messages: Vec<String> = self
            .violations
            .iter()
            .map(Violation::smithy_message)
            .collect();
        let n = messages.len();
        let field_list: Vec<serde_json::Value> = self
            .violations
            .iter()
            .zip(&messages)
            .map(|(v, m)| serde_json::json!({"message": m, "path": v.path.json_pointer()}))
            .collect();
        serde_json::json!({
            "message": format!(
                "{n} validation error{} detected. {}",
                if n == 1 { "" } else { "s" },
                messages.join("; ")
            ),
            "fieldList": field_list,
        })
    }

    /// A stable JSON array of the violations, with what a program needs to reproduce both
    /// renderings: `path` (the precise JSON pointer over wire names), `rule` and its
    /// parameters, `awsPath` and `message` (where and what AWS reports: for a simple
    /// member of a list or map, the collection and the grouped message, shared by every
    /// member of the group, which also carries `group`: `member`, `mapKeys` or
    /// `mapValues`), and `smithyMessage`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let entries = self.violations.iter().map(|v| {
            let mut entry = serde_json::Map::new();
            entry.insert("path".into(), json!(v.path.json_pointer()));
            entry.insert("awsPath".into(), json!(v.aws_path()));
            entry.insert("rule".into(), json!(v.rule.name()));
            match &v.rule {
                Rule::Length { min, max, actual } => {
                    entry.insert("min".into(), json!(min));
                    entry.insert("max".into(), json!(max));
                    entry.insert("actual".into(), json!(actual));
                }
                Rule::Pattern { pattern } => {
                    entry.insert("pattern".into(), json!(pattern));
                }
                Rule::Range { min, max, .. } => {
                    entry.insert("min".into(), json!(min.map(|n| n.to_string())));
                    entry.insert("max".into(), json!(max.map(|n| n.to_string())));
                }
                Rule::OneOf { values } => {
                    entry.insert("values".into(), json!(values));
                }
                Rule::Custom { constraint } => {
                    entry.insert("constraint".into(), json!(constraint));
                }
                Rule::TooDeep { max } => {
                    entry.insert("max".into(), json!(max));
                }
                Rule::Required | Rule::Unique => {}
            }
            if let Some(group) = &v.group {
                let kind = match group.kind {
                    GroupKind::ListMember => "member",
                    GroupKind::MapKeys => "mapKeys",
                    GroupKind::MapValues => "mapValues",
                };
                entry.insert("group".into(), json!(kind));
            }
            entry.insert("message".into(), json!(v.aws_message()));
            entry.insert("smithyMessage".into(), json!(v.smithy_message()));
            serde_json::Value::Object(entry)
        });
        serde_json::Value::Array(entries.collect())
    }
}

impl serde::Serialize for ValidationErrors {
    /// The same array as [`ValidationErrors::to_json`] (`--format json`).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.aws_message())
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
    /// use aws_constraints::{Echo, Location, Rule, ValidationErrors, Violation};
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
