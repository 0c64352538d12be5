//! What a program reads (`--format json`): one entry per violation, with its exact path,
//! its rule and parameters, and both messages.

use super::aws::ClientText;
use crate::report::{GroupKind, Rule, ValidationErrors};

impl ValidationErrors {
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
            // Unambiguous, as a log is: the client's text neutralised.
            entry.insert(
                "awsPath".into(),
                json!(v.aws_path_in(ClientText::Neutralised)),
            );
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
            entry.insert(
                "message".into(),
                json!(v.aws_message_in(ClientText::Neutralised)),
            );
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
