//! Violations and the collection of them that `validate()` returns.

use std::fmt;

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
}

impl Rule {
    /// A stable, machine-readable name: `required`, `length`, `pattern`, `range`, `enum`,
    /// `unique`.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Length { .. } => "length",
            Rule::Pattern { .. } => "pattern",
            Rule::Range { .. } => "range",
            Rule::OneOf { .. } => "enum",
            Rule::Unique => "unique",
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
    Value(String),
    /// The member is `#[sensitive]`: the value must never be shown.
    Redacted,
    /// A list or map, which messages do not reproduce.
    Omitted,
}

/// One failed constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    path: Path,
    rule: Rule,
    echo: Echo,
}

impl Violation {
    /// Builds a violation; values at sensitive locations are redacted by the caller.
    pub fn new(path: Path, rule: Rule, echo: Echo) -> Self {
        Violation { path, rule, echo }
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
                    format!(
                        "Member must have length greater than or equal to {}",
                        min.unwrap_or_default()
                    )
                } else {
                    format!(
                        "Member must have length less than or equal to {}",
                        max.unwrap_or_default()
                    )
                }
            }
            Rule::Pattern { pattern } => {
                format!("Member must satisfy regular expression pattern: {pattern}")
            }
            Rule::Range { min, max, violated } => match (violated, min, max) {
                (Bound::Min, Some(min), _) | (Bound::Max, Some(min), None) => {
                    format!("Member must have value greater than or equal to {min}")
                }
                (_, _, Some(max)) => format!("Member must have value less than or equal to {max}"),
                (_, None, None) => "Member must be a number".to_owned(),
            },
            Rule::OneOf { values } => {
                format!(
                    "Member must satisfy enum value set: [{}]",
                    values.join(", ")
                )
            }
            Rule::Unique => "Member must have unique values".to_owned(),
        }
    }

    /// The violation as AWS services write it:
    /// `Value 'ab!' at 'clientRequestToken' failed to satisfy constraint: ..`.
    pub fn aws_message(&self) -> String {
        let value = match &self.echo {
            Echo::Null => "Value null".to_owned(),
            Echo::Value(text) => format!("Value '{}'", neutralise(text)),
            Echo::Redacted | Echo::Omitted => "Value".to_owned(),
        };
        format!(
            "{value} at '{}' failed to satisfy constraint: {}",
            self.path.aws_dotted(),
            self.aws_constraint()
        )
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
            '\'' | ';' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Every violation found by one `validate()`, in a deterministic order: members in
/// declaration order, rules in the order written, list items by index, map entries by key.
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

    /// Orders the violations recorded since `start` by the map key at segment `depth`,
    /// keeping the order of violations within one entry. Hash maps iterate in no fixed
    /// order; this makes their report deterministic without allocating when all is valid.
    pub fn sort_entries_since(&mut self, start: usize, depth: usize) {
        if self.violations.len() - start < 2 {
            return;
        }
        self.violations[start..].sort_by(|a, b| {
            fn key(v: &Violation, depth: usize) -> Option<&EntryKey> {
                match v.path.segments().get(depth) {
                    Some(PathSegment::MapKey(k) | PathSegment::MapValue(k)) => Some(k),
                    _ => None,
                }
            }
            key(a, depth).cmp(&key(b, depth))
        });
    }

    /// The message AWS services send: `N validation error(s) detected: ` and every
    /// violation, joined by `; `.
    pub fn aws_message(&self) -> String {
        let n = self.violations.len();
        let mut out = format!(
            "{n} validation error{} detected: ",
            if n == 1 { "" } else { "s" }
        );
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(&violation.aws_message());
        }
        out
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

    /// A stable JSON array of the violations: `path` (JSON pointer over wire names),
    /// `awsPath`, `rule`, the rule's parameters, and the AWS-format `message`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let entries = self.violations.iter().map(|v| {
            let mut entry = json!({
                "path": v.path.json_pointer(),
                "awsPath": v.path.aws_dotted(),
                "rule": v.rule.name(),
            });
            let params = match &v.rule {
                Rule::Length { min, max, actual } => {
                    json!({"min": min, "max": max, "actual": actual})
                }
                Rule::Pattern { pattern } => json!({"pattern": pattern}),
                Rule::Range { min, max, .. } => json!({
                    "min": min.map(|n| n.to_string()),
                    "max": max.map(|n| n.to_string()),
                }),
                Rule::OneOf { values } => json!({"values": values}),
                Rule::Required | Rule::Unique => json!({}),
            };
            if let (Some(entry), serde_json::Value::Object(params)) =
                (entry.as_object_mut(), params)
            {
                entry.extend(params);
                entry.insert("message".into(), json!(v.aws_message()));
            }
            entry
        });
        serde_json::Value::Array(entries.collect())
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

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}
