//! What Smithy-framework servers send: the `ValidationException` body (`message` and
//! `fieldList`), with JSON-pointer paths over wire names and never a value.

use std::fmt;

use super::text::neutralise;
use crate::path::{Path, PathSegment};
use crate::report::{Rule, ValidationErrors, Violation};

impl Violation {
    /// The violation as Smithy-framework servers write it in a `ValidationException`'s
    /// `fieldList`: a JSON-pointer path, and never the value itself.
    ///
    /// ```
    /// use aws_constraints::{report::Echo, path::Location, Rule, Violation};
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
}

impl Path {
    /// The path as a JSON pointer (RFC 6901: `~` is `~0`, `/` is `~1`) over wire names, the
    /// form Smithy servers report (`/Tags/0/Key`). A map key constraint points at the map
    /// itself; a sensitive map's keys are [`REDACTED`](crate::path::REDACTED). The pointer holds a client's keys
    /// verbatim: put it in a structured field (as `smithy_body` does), or neutralise it
    /// before writing it into text.
    ///
    /// ```
    /// use aws_constraints::path::Location;
    ///
    /// let root = Location::root();
    /// let tags = root.member("tags", false);
    /// assert_eq!(tags.map_value("a/b").to_path().json_pointer(), "/tags/a~1b");
    /// assert_eq!(tags.map_key("a/b").to_path().json_pointer(), "/tags");
    /// ```
    pub fn json_pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            match segment {
                PathSegment::Member(name) => push_pointer_token(&mut out, name),
                PathSegment::Index(index) => {
                    out.push('/');
                    out.push_str(&index.to_string());
                }
                PathSegment::MapKey(_) | PathSegment::AwsPrefix(_) => {}
                PathSegment::MapValue(key) => push_pointer_token(&mut out, key.shown()),
            }
        }
        out
    }
}

fn push_pointer_token(out: &mut String, token: &str) {
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

impl fmt::Display for Path {
    /// The JSON-pointer form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.json_pointer())
    }
}
