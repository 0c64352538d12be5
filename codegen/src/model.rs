//! The Smithy JSON AST, read into shapes with their traits.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::ImportError;

/// A parsed Smithy model: its shapes by id.
pub struct Model {
    shapes: BTreeMap<String, Map<String, Value>>,
    /// Each shape's member names in the order the model writes them (`serde_json`'s maps
    /// sort their keys; AWS reports violations in model order).
    member_order: BTreeMap<String, Vec<String>>,
}

/// The prelude's simple shapes, which models target without defining.
const PRELUDE: &[(&str, &str)] = &[
    ("String", "string"),
    ("Blob", "blob"),
    ("Boolean", "boolean"),
    ("PrimitiveBoolean", "boolean"),
    ("Byte", "byte"),
    ("PrimitiveByte", "byte"),
    ("Short", "short"),
    ("PrimitiveShort", "short"),
    ("Integer", "integer"),
    ("PrimitiveInteger", "integer"),
    ("Long", "long"),
    ("PrimitiveLong", "long"),
    ("Float", "float"),
    ("PrimitiveFloat", "float"),
    ("Double", "double"),
    ("PrimitiveDouble", "double"),
    ("BigInteger", "bigInteger"),
    ("BigDecimal", "bigDecimal"),
    ("Timestamp", "timestamp"),
    ("Document", "document"),
    ("Unit", "structure"),
];

impl Model {
    /// Reads a Smithy JSON AST or a botocore `service-2.json`, told apart by their content.
    pub fn from_json(text: &str) -> Result<Model, ImportError> {
        let root: Value = serde_json::from_str(text)
            .map_err(|e| ImportError::new(format!("the model is not JSON: {e}")))?;
        let botocore = crate::botocore::is_botocore(&root);
        let mut out = BTreeMap::new();
        if botocore {
            out.extend(crate::botocore::shapes(&root)?);
        } else {
            let shapes = root
                .get("shapes")
                .and_then(Value::as_object)
                .ok_or_else(|| {
                    ImportError::new(
                        "the model has no `shapes` object (is it a Smithy JSON AST or a botocore \
                     service-2.json?)",
                    )
                })?;
            for (id, shape) in shapes {
                let shape = shape
                    .as_object()
                    .ok_or_else(|| ImportError::new(format!("shape {id} is not an object")))?;
                out.insert(id.clone(), shape.clone());
            }
        }
        for (name, kind) in PRELUDE {
            let mut shape = Map::new();
            shape.insert("type".into(), Value::String((*kind).into()));
            out.entry(format!("smithy.api#{name}")).or_insert(shape);
        }
        let order: order::Root = serde_json::from_str(text)
            .map_err(|e| ImportError::new(format!("the model is not a Smithy JSON AST: {e}")))?;
        let member_order = order
            .shapes
            .0
            .into_iter()
            .map(|(id, shape)| {
                let names = shape.members.map(|m| m.0).unwrap_or_default();
                let id = if botocore {
                    crate::botocore::id(&id)
                } else {
                    id
                };
                (id, names.into_iter().map(|(name, _)| name).collect())
            })
            .collect();
        Ok(Model {
            shapes: out,
            member_order,
        })
    }

    /// The members of shape `id` in model order.
    pub(crate) fn members<'s>(
        &self,
        id: &str,
        shape: &'s Map<String, Value>,
    ) -> Vec<(&'s str, &'s Value)> {
        let Some(members) = shape.get("members").and_then(Value::as_object) else {
            return Vec::new();
        };
        let order = self.member_order.get(id);
        let mut listed: Vec<(&str, &Value)> =
            members.iter().map(|(k, v)| (k.as_str(), v)).collect();
        if let Some(order) = order {
            listed.sort_by_key(|(name, _)| order.iter().position(|o| o == name));
        }
        listed
    }

    /// A shape by id.
    pub(crate) fn shape(&self, id: &str) -> Result<&Map<String, Value>, ImportError> {
        self.shapes.get(id).ok_or_else(|| {
            ImportError::new(format!("the model targets {id}, which it does not define"))
        })
    }

    pub(crate) fn kind<'a>(&self, shape: &'a Map<String, Value>) -> &'a str {
        shape.get("type").and_then(Value::as_str).unwrap_or("")
    }

    /// The names of every operation, sorted.
    pub(crate) fn operation_names(&self) -> Vec<String> {
        self.shapes
            .iter()
            .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("operation"))
            .map(|(id, _)| name_of(id).to_owned())
            .collect()
    }

    /// The operation called `name`, or an error listing the closest names.
    pub(crate) fn operation(&self, name: &str) -> Result<&Map<String, Value>, ImportError> {
        let found = self.shapes.iter().find(|(id, s)| {
            name_of(id) == name && s.get("type").and_then(Value::as_str) == Some("operation")
        });
        match found {
            Some((_, shape)) => Ok(shape),
            None => {
                let mut names = self.operation_names();
                names.sort_by_key(|n| edit_distance(n, name));
                names.truncate(3);
                Err(ImportError::new(format!(
                    "no operation {name} in the model; closest: {}",
                    names.join(", ")
                )))
            }
        }
    }
}

/// The name part of a shape id: `Tag` in `com.amazonaws.chime#Tag`.
pub(crate) fn name_of(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

/// A trait's value on a member or shape.
pub(crate) fn trait_value<'a>(traits: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    traits?.get(name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// Reads only the order of each shape's members, keeping the document's order.
mod order {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

    #[derive(serde::Deserialize)]
    pub(super) struct Root {
        pub(super) shapes: Ordered<Shape>,
    }

    #[derive(serde::Deserialize)]
    pub(super) struct Shape {
        #[serde(default)]
        pub(super) members: Option<Ordered<IgnoredAny>>,
    }

    /// A JSON object's entries in the order the document writes them.
    pub(super) struct Ordered<V>(pub(super) Vec<(String, V)>);

    impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Entries<V>(PhantomData<V>);
            impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
                type Value = Ordered<V>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<V>, A::Error> {
                    let mut entries = Vec::new();
                    while let Some(entry) = map.next_entry::<String, V>()? {
                        entries.push(entry);
                    }
                    Ok(Ordered(entries))
                }
            }
            deserializer.deserialize_map(Entries(PhantomData))
        }
    }
}
