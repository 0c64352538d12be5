//! The Smithy JSON AST, read into shapes with their traits.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::shapes::Protocol;
use crate::ModelError;

/// A parsed Smithy model: its shapes by id.
pub struct Model {
    shapes: BTreeMap<String, Map<String, Value>>,
    /// Each shape's member names in the order the model writes them (`serde_json`'s maps
    /// sort their keys; AWS reports violations in model order).
    member_order: BTreeMap<String, Vec<String>>,
    /// The service's SDK id (`Chime SDK Identity`) and the version of its API
    /// (`2021-04-20`), when the model says: what generated code names as its source, and
    /// what finds the service's [`Profile`](crate::profile::Profile).
    service: Option<(String, Option<String>)>,
    /// The id of the service shape: the first with a protocol trait, or the first.
    service_id: Option<String>,
    /// The protocols the service speaks, the one its clients use first.
    protocols: Vec<Protocol>,
}

/// A Smithy model's service, by its SDK id (or its shape's name), and its version.
fn smithy_service(
    shapes: &BTreeMap<String, Map<String, Value>>,
) -> Option<(String, Option<String>)> {
    let (id, shape) = shapes
        .iter()
        .find(|(_, shape)| shape.get("type").and_then(Value::as_str) == Some("service"))?;
    let name = shape
        .get("traits")
        .and_then(|t| t.get("aws.api#service"))
        .and_then(|t| t.get("sdkId"))
        .and_then(Value::as_str)
        .unwrap_or_else(|| id.rsplit('#').next().unwrap_or(id));
    let version = shape.get("version").and_then(Value::as_str);
    Some((name.to_owned(), version.map(str::to_owned)))
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
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        let root: Value = serde_json::from_str(text)
            .map_err(|e| ModelError::new(format!("the model is not JSON: {e}")))?;
        let botocore = crate::botocore::is_botocore(&root);
        let mut out = BTreeMap::new();
        if botocore {
            out.extend(crate::botocore::shapes(&root)?);
        } else {
            let shapes = root
                .get("shapes")
                .and_then(Value::as_object)
                .ok_or_else(|| {
                    ModelError::new(
                        "the model has no `shapes` object (is it a Smithy JSON AST or a botocore \
                     service-2.json?)",
                    )
                })?;
            for (id, shape) in shapes {
                let shape = shape
                    .as_object()
                    .ok_or_else(|| ModelError::new(format!("shape {id} is not an object")))?;
                out.insert(id.clone(), shape.clone());
            }
        }
        for (name, kind) in PRELUDE {
            let mut shape = Map::new();
            shape.insert("type".into(), Value::String((*kind).into()));
            out.entry(format!("smithy.api#{name}")).or_insert(shape);
        }
        let order: order::Root = serde_json::from_str(text)
            .map_err(|e| ModelError::new(format!("the model is not a Smithy JSON AST: {e}")))?;
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
        let service = if botocore {
            crate::botocore::service(&root)
        } else {
            smithy_service(&out)
        };
        let mut model = Model {
            shapes: out,
            member_order,
            service,
            service_id: None,
            protocols: Vec::new(),
        };
        model.service_id = model.find_service_shape();
        model.protocols = if botocore {
            crate::botocore::protocols(&root)
                .into_iter()
                .filter_map(|name| crate::botocore::protocol_of(name, &root))
                .collect()
        } else {
            let traits = model
                .service_shape()
                .and_then(|(_, s)| s.get("traits"))
                .and_then(Value::as_object);
            Protocol::ALL
                .into_iter()
                .filter(|p| traits.is_some_and(|t| t.contains_key(p.trait_id())))
                .collect()
        };
        if !botocore {
            model.apply_traits()?;
            model.flatten_mixins()?;
        }
        Ok(model)
    }

    /// The service and its API version (`Chime SDK Identity 2021-04-20`), when the model
    /// has a service shape (a slice of a model may not).
    pub fn service(&self) -> Option<String> {
        self.service.as_ref().map(|(id, version)| match version {
            Some(version) => format!("{id} {version}"),
            None => id.clone(),
        })
    }

    /// The model's service shape: the first with a protocol trait, or the first.
    fn find_service_shape(&self) -> Option<String> {
        let services = || {
            self.shapes
                .iter()
                .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("service"))
        };
        services()
            .find(|(_, s)| self.protocol_of(s).is_some())
            .or_else(|| services().next())
            .map(|(id, _)| id.clone())
    }

    fn service_shape(&self) -> Option<(&str, &Map<String, Value>)> {
        let id = self.service_id.as_deref()?;
        self.shapes.get(id).map(|shape| (id, shape))
    }

    fn protocol_of(&self, service: &Map<String, Value>) -> Option<Protocol> {
        let traits = service.get("traits").and_then(Value::as_object)?;
        traits.keys().find_map(|id| Protocol::from_trait_id(id))
    }

    /// The protocol the model's service speaks (the first, when it speaks several), when
    /// it says.
    pub fn protocol(&self) -> Option<Protocol> {
        self.protocols.first().copied()
    }

    /// Every protocol the model's service speaks: botocore's `metadata.protocols` in its
    /// order, a Smithy service's protocol traits.
    pub fn protocols(&self) -> &[Protocol] {
        &self.protocols
    }

    /// The service shape's name (`DynamoDB_20120810`): what `X-Amz-Target` starts with in
    /// the awsJson protocols.
    pub fn service_name(&self) -> Option<&str> {
        self.service_shape().map(|(id, _)| name_of(id))
    }

    /// A shape's name in the service: its `rename` there (what tells two shapes of one
    /// name in different namespaces apart), else the name part of its id.
    pub(crate) fn local_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.service_shape()
            .and_then(|(_, service)| service.get("rename"))
            .and_then(|rename| rename.get(id))
            .and_then(Value::as_str)
            .unwrap_or_else(|| name_of(id))
    }

    /// The errors the service declares for every operation.
    pub(crate) fn service_errors(&self) -> Vec<&str> {
        let Some((_, service)) = self.service_shape() else {
            return Vec::new();
        };
        targets(service.get("errors"))
    }

    /// Whether the service is `@awsQueryCompatible` (botocore: `metadata.awsQueryCompatible`).
    pub fn query_compatible(&self) -> bool {
        self.service_shape()
            .and_then(|(_, s)| s.get("traits"))
            .is_some_and(|t| t.get("aws.protocols#awsQueryCompatible").is_some())
    }

    /// Whether the service writes its XML errors without `<ErrorResponse>` around them:
    /// restXml's `noErrorWrapping` (S3; botocore models say so by being S3's).
    pub fn unwrapped_errors(&self) -> bool {
        let traits = self.service_shape().and_then(|(_, s)| s.get("traits"));
        let flagged = traits
            .and_then(|t| t.get(Protocol::RestXml.trait_id()))
            .and_then(|v| v.get("noErrorWrapping"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        flagged || (self.protocol() == Some(Protocol::RestXml) && self.sdk_id() == Some("S3"))
    }

    /// The service's SDK id (`Lambda`; botocore's `serviceId`), when the model says.
    pub fn sdk_id(&self) -> Option<&str> {
        self.service.as_ref().map(|(id, _)| id.as_str())
    }

    /// `apply` statements: their traits added to the shape or member they name.
    fn apply_traits(&mut self) -> Result<(), ModelError> {
        let applies: Vec<(String, Map<String, Value>)> = self
            .shapes
            .iter()
            .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("apply"))
            .map(|(id, s)| (id.clone(), traits_of(s)))
            .collect();
        for (id, traits) in applies {
            self.shapes.remove(&id);
            let missing = || {
                ModelError::new(format!(
                    "`apply` names {id}, which the model does not define"
                ))
            };
            let target = match id.split_once('$') {
                Some((shape, member)) => self
                    .shapes
                    .get_mut(shape)
                    .and_then(|s| s.get_mut("members"))
                    .and_then(|m| m.get_mut(member))
                    .and_then(Value::as_object_mut)
                    .ok_or_else(missing)?,
                None => self.shapes.get_mut(&id).ok_or_else(missing)?,
            };
            let entry = target
                .entry("traits")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(existing) = entry {
                existing.extend(traits);
            }
        }
        Ok(())
    }

    /// Shapes with `mixins`: the mixins' members come first (with the shape's own traits on
    /// a member it redeclares), then its own; the mixins' traits, but `@mixin`, apply under
    /// its own.
    fn flatten_mixins(&mut self) -> Result<(), ModelError> {
        let ids: Vec<String> = self
            .shapes
            .iter()
            .filter(|(_, s)| s.contains_key("mixins"))
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            self.flatten(&id, &mut Vec::new())?;
        }
        Ok(())
    }

    fn flatten(&mut self, id: &str, visiting: &mut Vec<String>) -> Result<(), ModelError> {
        let Some(mixins) = self.shapes.get_mut(id).and_then(|s| s.remove("mixins")) else {
            return Ok(());
        };
        if visiting.iter().any(|v| v == id) {
            return Err(ModelError::new(format!("{id}: its mixins include itself")));
        }
        visiting.push(id.to_owned());
        let mut members = Map::new();
        let mut order: Vec<String> = Vec::new();
        let mut traits = Map::new();
        for mixin in mixins.as_array().into_iter().flatten() {
            let mixin_id = mixin
                .get("target")
                .and_then(Value::as_str)
                .ok_or_else(|| ModelError::new(format!("{id}: a mixin without a target")))?;
            self.flatten(mixin_id, visiting)?;
            let shape = self.shape(mixin_id)?;
            for (name, member) in self.members(mixin_id, shape) {
                if !members.contains_key(name) {
                    order.push(name.to_owned());
                }
                members.insert(name.to_owned(), member.clone());
            }
            traits.extend(
                traits_of(shape)
                    .into_iter()
                    .filter(|(t, _)| t != "smithy.api#mixin"),
            );
        }
        visiting.pop();
        let own_order = self.member_order.get(id).cloned().unwrap_or_default();
        let shape = self.shapes.get_mut(id).ok_or_else(|| {
            ModelError::new(format!("the model targets {id}, which it does not define"))
        })?;
        let own_members = shape
            .get("members")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for name in own_order
            .iter()
            .chain(own_members.keys().filter(|k| !own_order.contains(k)))
        {
            let Some(own) = own_members.get(name).and_then(Value::as_object) else {
                continue;
            };
            let merged = match members.get(name).and_then(Value::as_object) {
                // A redeclared mixin member: its target, the mixin's traits under its own.
                Some(inherited) => {
                    let mut merged = inherited.clone();
                    let mut member_traits = traits_of(inherited);
                    member_traits.extend(traits_of(own));
                    merged.insert("traits".into(), Value::Object(member_traits));
                    merged
                }
                None => {
                    order.push(name.clone());
                    own.clone()
                }
            };
            members.insert(name.clone(), Value::Object(merged));
        }
        traits.extend(traits_of(shape));
        shape.insert("members".into(), Value::Object(members));
        shape.insert("traits".into(), Value::Object(traits));
        self.member_order.insert(id.to_owned(), order);
        Ok(())
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
    pub(crate) fn shape(&self, id: &str) -> Result<&Map<String, Value>, ModelError> {
        self.shapes.get(id).ok_or_else(|| {
            ModelError::new(format!("the model targets {id}, which it does not define"))
        })
    }

    pub(crate) fn kind<'a>(&self, shape: &'a Map<String, Value>) -> &'a str {
        shape.get("type").and_then(Value::as_str).unwrap_or("")
    }

    /// The names of every operation, sorted.
    pub fn operation_names(&self) -> Vec<String> {
        self.shapes
            .iter()
            .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("operation"))
            .map(|(id, _)| name_of(id).to_owned())
            .collect()
    }

    /// The operation called `name`, or an error listing the closest names.
    pub(crate) fn operation(&self, name: &str) -> Result<&Map<String, Value>, ModelError> {
        let found = self.shapes.iter().find(|(id, s)| {
            name_of(id) == name && s.get("type").and_then(Value::as_str) == Some("operation")
        });
        match found {
            Some((_, shape)) => Ok(shape),
            None => Err(ModelError::new(format!(
                "no operation {name} in the model; closest: {}",
                closest(self.operation_names().iter().map(String::as_str), name).join(", ")
            ))),
        }
    }
}

/// The three of `names` closest to `name` (by edit distance), for an error naming a name
/// that is not there.
///
/// ```
/// let names = ["CreateThing", "DeleteThing", "ListThings", "CreateJob"];
/// assert_eq!(
///     aws_constraints_schema::closest(names.into_iter(), "CreateThings"),
///     ["CreateThing", "DeleteThing", "ListThings"]
/// );
/// ```
pub fn closest<'n>(names: impl Iterator<Item = &'n str>, name: &str) -> Vec<String> {
    let mut names: Vec<&str> = names.collect();
    names.sort_by_key(|n| edit_distance(n, name));
    names.truncate(3);
    names.into_iter().map(str::to_owned).collect()
}

/// A shape's or member's traits, or none.
fn traits_of(shape: &Map<String, Value>) -> Map<String, Value> {
    shape
        .get("traits")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// The targets of a list of references (`[{"target": ..}]`).
pub(crate) fn targets(list: Option<&Value>) -> Vec<&str> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("target").and_then(Value::as_str))
        .collect()
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
