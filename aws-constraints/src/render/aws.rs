//! What AWS's services send: `N validation errors detected: Value '..' at '..' failed to
//! satisfy constraint: ..`, with AWS's wording, AWS's paths, AWS's grouping of collections'
//! members and AWS's order (Java's hash tables).

use std::fmt;

use super::text::neutralise_into;
use crate::java::lower_camel;
use crate::number::Number;
use crate::path::{Path, PathSegment};
use crate::report::{Bound, Constraint, Echo, Group, GroupKind, Rule, ValidationErrors, Violation};

impl Group {
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
                crate::java::java_double(n.as_f64())
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

/// How the AWS message writes what a client sent (echoed values, map keys) and a custom
/// rule's text: as AWS sends it (what goes back to a client), or neutralised (what is
/// logged: `Display`, and the structured renderings' copies), so that no client text can
/// close a quote or start a second violation there.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ClientText {
    AsSent,
    Neutralised,
}

impl ClientText {
    fn write(self, out: &mut String, text: &str) {
        match self {
            ClientText::AsSent => out.push_str(text),
            ClientText::Neutralised => neutralise_into(out, text),
        }
    }

    fn of(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.write(&mut out, text);
        out
    }
}

/// Whether a message echoes the value that broke the constraint (most services do; IAM
/// never does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Values {
    Echoed,
    LeftOut,
}

impl Violation {
    /// The path AWS reports the violation at: the collection's for a grouped member.
    pub fn aws_path(&self) -> String {
        self.aws_path_in(ClientText::AsSent)
    }

    pub(crate) fn aws_path_in(&self, text: ClientText) -> String {
        self.aws_reported_at().aws_dotted_in(text)
    }

    /// Where AWS reports the violation: at the collection for a grouped member.
    fn aws_reported_at(&self) -> std::borrow::Cow<'_, Path> {
        match &self.group {
            Some(_) => std::borrow::Cow::Owned(self.path.parent()),
            None => std::borrow::Cow::Borrowed(&self.path),
        }
    }

    /// The constraint as AWS services phrase it, after "failed to satisfy constraint: ".
    pub fn aws_constraint(&self) -> String {
        self.aws_constraint_in(ClientText::AsSent)
    }

    fn aws_constraint_in(&self, text: ClientText) -> String {
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
            Rule::Custom { constraint } => text.of(constraint),
            Rule::TooDeep { max } => format!("Member must not be nested deeper than {max} levels"),
        }
    }

    /// The violation as AWS services write it, the client's text as AWS sends it back:
    /// `Value 'ab!' at 'clientRequestToken' failed to satisfy constraint: ..`; for a simple
    /// member of a list or map, the message about the whole collection (its [`Group`]).
    pub fn aws_message(&self) -> String {
        self.aws_message_in(ClientText::AsSent)
    }

    /// [`Violation::aws_message`] with the client's text written as `text` says.
    pub(crate) fn aws_message_in(&self, text: ClientText) -> String {
        self.aws_message_at(&self.aws_path_in(text), text, Values::Echoed)
    }

    /// [`Violation::aws_message`], given the path AWS reports it at.
    fn aws_message_at(&self, aws_path: &str, text: ClientText, values: Values) -> String {
        let (echo, constraint) = match &self.group {
            Some(group) => (group.echo(), group.aws_constraint()),
            None => (&self.echo, self.aws_constraint_in(text)),
        };
        let value = match (echo, values) {
            (Echo::Null, _) => "Value null".to_owned(),
            (Echo::Value(value), Values::Echoed) => format!("Value '{}'", text.of(value)),
            (Echo::Value(_) | Echo::Redacted | Echo::Omitted, _) => "Value".to_owned(),
        };
        format!("{value} at '{aws_path}' failed to satisfy constraint: {constraint}")
    }
}

impl ValidationErrors {
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
        self.aws_reported_with_messages(ClientText::AsSent, Values::Echoed)
            .into_iter()
            .map(|(violation, _)| violation)
    }

    /// [`ValidationErrors::aws_reported`], each with its message, the client's text written
    /// as `text` says. The order is AWS's whichever way: it hashes the messages AWS sends.
    fn aws_reported_with_messages(
        &self,
        text: ClientText,
        values: Values,
    ) -> Vec<(&Violation, String)> {
        /// What orders one reported violation, computed once.
        struct Reported<'a> {
            violation: &'a Violation,
            aws_path: String,
            order: Vec<u32>,
            /// The message as AWS sends it, which AWS's hash set orders by.
            sent: String,
            /// The message as it is written here.
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
                let aws_path = at.aws_dotted_in(ClientText::AsSent);
                let sent = violation.aws_message_at(&aws_path, ClientText::AsSent, values);
                let message = match text {
                    ClientText::AsSent => sent.clone(),
                    ClientText::Neutralised => violation.aws_message_at(
                        &at.aws_dotted_in(text),
                        ClientText::Neutralised,
                        values,
                    ),
                };
                Some(Reported {
                    violation,
                    order: at.aws_order_key(),
                    sent,
                    message,
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
            let mask = crate::java::java_table_mask(member.len());
            member.sort_by_key(|reported| {
                let violation = reported.violation;
                let not_a_pattern =
                    violation.group.is_some() || !matches!(violation.rule, Rule::Pattern { .. });
                (
                    crate::java::java_spread_hash(&reported.sent) & mask,
                    not_a_pattern,
                )
            });
        }
        reported
            .into_iter()
            .map(|reported| (reported.violation, reported.message))
            .collect()
    }

    /// The message AWS services send, byte for byte: `N validation error(s) detected: ` and
    /// every violation (grouped and ordered as [`ValidationErrors::aws_reported`] says),
    /// joined by `; `, each echoing the client's value as the client sent it. This is what
    /// goes back to a client; `Display` (what is logged) writes the same message with the
    /// client's text neutralised (see the crate's error formats).
    ///
    /// ```
    /// use aws_constraints::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Request {
    ///     #[len(max = 3)]
    ///     name: String,
    /// }
    ///
    /// let errors = Request { name: "it's; Value".into() }.validate().unwrap_err();
    /// assert_eq!(
    ///     errors.aws_message(),
    ///     "1 validation error detected: Value 'it's; Value' at 'name' failed to satisfy \
    ///      constraint: Member must have length less than or equal to 3"
    /// );
    /// assert_eq!(
    ///     errors.to_string(),
    ///     "1 validation error detected: Value 'it\\u{27}s\\u{3b} Value' at 'name' failed to \
    ///      satisfy constraint: Member must have length less than or equal to 3"
    /// );
    /// ```
    pub fn aws_message(&self) -> String {
        self.aws_message_in(ClientText::AsSent, Values::Echoed)
    }

    /// [`ValidationErrors::aws_message`] as the services that never echo a value write
    /// it (IAM: `Value at 'maxSessionDuration' failed to satisfy constraint: ..`); `null`
    /// is still `Value null`, and the order is that of the messages so written.
    ///
    /// ```
    /// use aws_constraints::Validate;
    ///
    /// #[derive(Validate, serde::Deserialize)]
    /// #[serde(rename_all = "PascalCase")]
    /// struct CreateRole {
    ///     #[required]
    ///     role_name: Option<String>,
    ///     #[range(max = 43200)]
    ///     max_session_duration: Option<i32>,
    /// }
    ///
    /// let errors = CreateRole { role_name: None, max_session_duration: Some(1000000) }
    ///     .validate()
    ///     .unwrap_err();
    /// assert_eq!(
    ///     errors.aws_message_without_values(),
    ///     "2 validation errors detected: Value at 'maxSessionDuration' failed to satisfy \
    ///      constraint: Member must have value less than or equal to 43200; Value null at \
    ///      'roleName' failed to satisfy constraint: Member must not be null"
    /// );
    /// ```
    pub fn aws_message_without_values(&self) -> String {
        self.aws_message_in(ClientText::AsSent, Values::LeftOut)
    }

    fn aws_message_in(&self, text: ClientText, values: Values) -> String {
        let reported: Vec<String> = self
            .aws_reported_with_messages(text, values)
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

/// The AWS message with the client's text neutralised: what is logged.
impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.aws_message_in(ClientText::Neutralised, Values::Echoed))
    }
}

impl Path {
    /// What orders violations as AWS lists them (see
    /// [`ValidationErrors::aws_reported`]), level by
    /// level: a member by its name's bucket in a Java `HashMap` of sixteen buckets (the
    /// size a structure of up to twelve members has: every structure of the real messages
    /// seen), an item by its index. Map entries keep their order.
    pub(crate) fn aws_order_key(&self) -> Vec<u32> {
        self.segments()
            .iter()
            .map(|segment| match segment {
                PathSegment::Member(name) | PathSegment::AwsPrefix(name) => {
                    crate::java::java_spread_hash(&lower_camel(name)) & 15
                }
                PathSegment::Index(index) => u32::try_from(*index).unwrap_or(u32::MAX),
                PathSegment::MapKey(_) | PathSegment::MapValue(_) => 0,
            })
            .collect()
    }

    /// The path as AWS services write it in messages: member names with the first letter
    /// lower-cased, dotted; list items 1-based followed by `.member`; map values by key
    /// followed by `.member`; a map key constraint at the map. Keys are as the client sent
    /// them, as AWS writes them (`Display` and the structured renderings neutralise them so
    /// that a key cannot end the path and forge a violation); a sensitive key is
    /// [`REDACTED`](crate::path::REDACTED).
    ///
    /// ```
    /// use aws_constraints::path::Location;
    ///
    /// let root = Location::root();
    /// let tags = root.member("Tags", false);
    /// let item = tags.index(0);
    /// assert_eq!(item.member("Key", false).to_path().aws_dotted(), "tags.1.member.key");
    /// ```
    pub fn aws_dotted(&self) -> String {
        self.aws_dotted_in(ClientText::AsSent)
    }

    pub(crate) fn aws_dotted_in(&self, text: ClientText) -> String {
        let mut out = String::new();
        let dot = |out: &mut String| {
            if !out.is_empty() {
                out.push('.');
            }
        };
        for segment in self.segments() {
            match segment {
                PathSegment::Member(name) | PathSegment::AwsPrefix(name) => {
                    dot(&mut out);
                    out.push_str(&lower_camel(name));
                }
                PathSegment::Index(index) => {
                    dot(&mut out);
                    out.push_str(&(index + 1).to_string());
                    out.push_str(".member");
                }
                PathSegment::MapKey(_) => {}
                PathSegment::MapValue(key) => {
                    dot(&mut out);
                    text.write(&mut out, key.shown());
                    out.push_str(".member");
                }
            }
        }
        out
    }
}
