//! Node values as the IDL writes them, in their order: what traits, metadata and entity
//! properties hold, and the JSON AST's own tree.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    /// An unquoted shape id (`restJson1`, `smithy.api#String`), still as written.
    ShapeId(String),
    Array(Vec<Node>),
    /// Entries in the order they are written: the JSON AST keeps members in model order.
    Object(Vec<(String, Node)>),
}

impl Node {
    pub(super) fn object() -> Node {
        Node::Object(Vec::new())
    }

    /// Adds (or replaces) an entry of an object.
    pub(super) fn insert(&mut self, key: impl Into<String>, value: Node) {
        if let Node::Object(entries) = self {
            let key = key.into();
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some((_, existing)) => *existing = value,
                None => entries.push((key, value)),
            }
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Object(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(super) fn target(id: String) -> Node {
        Node::Object(vec![("target".into(), Node::String(id))])
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Number(n) => n.serialize(serializer),
            Node::String(s) | Node::ShapeId(s) => serializer.serialize_str(s),
            Node::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}
