//! From a [`Model`] to a [`Schema`]: every shape an operation reaches becomes a named type
//! or a member's type, with its rules, its default, what is boxed and what must hash. What
//! the importer cannot express is refused here, with where and why.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::model::{name_of, trait_value, Model};
use crate::naming::type_name;
use crate::profile::Profile;
use crate::shapes::{
    Binding, Body, Composite, Default, EnumValue, ErrorInfo, EventStream, HttpRoute, Member,
    NamedType, Operation, PayloadKind, Protocol, Rule, Schema, TimestampFormat, Type, TypeKind,
    XmlNames,
};
use crate::ModelError;

/// Which shapes of an operation a schema starts from, besides its input.
#[derive(Clone, Copy, Debug, Default)]
pub struct Roots {
    /// Its output.
    pub outputs: bool,
    /// The errors it declares.
    pub errors: bool,
}

/// The schema of `operations` (their inputs, and outputs and errors as `roots` says) and
/// every shape they reach, as `profile` has the service depart from its model.
pub fn schema(
    model: &Model,
    operations: &[String],
    roots: Roots,
    profile: Profile,
) -> Result<Schema, ModelError> {
    let mut decider = Decider::new(model, profile);
    let mut schema_operations = Vec::new();
    for name in operations {
        schema_operations.push(decider.operation(name, roots)?);
    }
    decider.hash_unique_items()?;
    Ok(decider.into_schema(schema_operations))
}

/// The named types of the shapes `ids` (an operation's errors, say) and every shape they
/// reach, decided as [`schema`] decides them; a shape that cannot be decided is left out,
/// with why.
pub fn named_types(
    model: &Model,
    ids: &[String],
    profile: Profile,
) -> (BTreeMap<String, NamedType>, Vec<ModelError>) {
    let mut decider = Decider::new(model, profile);
    let mut refused = Vec::new();
    for id in ids {
        if let Err(e) = decider.named(id) {
            decider.stack.clear();
            refused.push(e);
        }
    }
    (decider.types, refused)
}

pub(crate) struct Decider<'m> {
    model: &'m Model,
    profile: Profile,
    pub(crate) types: BTreeMap<String, NamedType>,
    /// Shapes being decided, for boxing recursive members.
    stack: Vec<String>,
    /// The members of `@uniqueItems` lists of structures or unions, and where each list is.
    unique_items: Vec<(String, String)>,
    /// Each pattern seen: whether it needs backtracking, or why it cannot be compiled.
    patterns: std::collections::HashMap<String, Result<bool, String>>,
}

impl<'m> Decider<'m> {
    pub(crate) fn new(model: &'m Model, profile: Profile) -> Self {
        Decider {
            model,
            profile,
            types: BTreeMap::new(),
            stack: Vec::new(),
            unique_items: Vec::new(),
            patterns: std::collections::HashMap::new(),
        }
    }

    /// The schema of what was decided, with `operations`.
    /// Where the service's profile says its messages write an operation's body members
    /// under the input's name (API Gateway), the prefix of each: `{operation}Input`, the name
    /// of the service's own input class (its models call it `..Request`). Members bound elsewhere (URI labels) keep their own paths.
    fn prefix_input_paths(&mut self, operation: &str, input: &str) {
        let service = self.model.sdk_id().unwrap_or("");
        if !self.profile.input_path_prefix(service) {
            return;
        }
        let name = type_name(self.model.local_name(input));
        let Some(TypeKind::Structure(composite)) = self.types.get_mut(&name).map(|t| &mut t.kind)
        else {
            return;
        };
        // Written lower camel case in messages, as member names are.
        let prefix = format!("{operation}Input");
        for member in &mut composite.members {
            if matches!(member.binding, Binding::Body | Binding::Payload) {
                member.aws_path_prefix.get_or_insert_with(|| prefix.clone());
            }
        }
    }

    pub(crate) fn into_schema(self, operations: Vec<Operation>) -> Schema {
        Schema {
            service: self.model.service(),
            types: self.types,
            operations,
            protocols: self.model.protocols().to_vec(),
            service_name: self.model.service_name().map(str::to_owned),
            query_compatible: self.model.query_compatible(),
        }
    }

    /// Decides the shapes `name` starts from; its input's type. After an error, what was
    /// decided before it stays, and what was being decided is forgotten.
    pub(crate) fn operation(&mut self, name: &str, roots: Roots) -> Result<Operation, ModelError> {
        let decided = self.decide_operation(name, roots);
        if decided.is_err() {
            self.stack.clear();
        }
        decided
    }

    fn decide_operation(&mut self, name: &str, roots: Roots) -> Result<Operation, ModelError> {
        let operation = self.model.operation(name)?;
        let target = |key: &str| operation.get(key).and_then(|r| r.get("target"));
        // `smithy.api#Unit` says there is nothing: no type.
        let input = target("input")
            .and_then(Value::as_str)
            .filter(|id| *id != "smithy.api#Unit");
        let mut starts: Vec<&Value> = target("input").into_iter().collect();
        if roots.outputs {
            starts.extend(target("output"));
        }
        if roots.errors {
            let errors = operation.get("errors").and_then(Value::as_array);
            starts.extend(errors.into_iter().flatten().filter_map(|e| e.get("target")));
        }
        for id in starts.into_iter().filter_map(Value::as_str) {
            if id != "smithy.api#Unit" {
                self.named(id)?;
            }
        }
        if let Some(input) = input {
            self.prefix_input_paths(name, input);
        }
        let http = operation
            .get("traits")
            .and_then(|t| t.get("smithy.api#http"))
            .map(|http| {
                let text = |key: &str| http.get(key).and_then(Value::as_str).map(str::to_owned);
                HttpRoute {
                    method: text("method").unwrap_or_else(|| "POST".into()),
                    uri: text("uri").unwrap_or_else(|| "/".into()),
                }
            });
        let errors = crate::model::targets(operation.get("errors"))
            .into_iter()
            .chain(self.model.service_errors())
            .map(str::to_owned)
            .collect();
        let output = target("output")
            .and_then(Value::as_str)
            .filter(|id| *id != "smithy.api#Unit");
        let output_body = match output {
            Some(id) => self.body_of(id)?,
            None => Body::Empty,
        };
        let output_xml_root = match output {
            Some(id) if output_body == Body::Members => {
                let traits = self.model.shape(id)?.get("traits");
                let xml_name = trait_value(traits, "smithy.api#xmlName").and_then(Value::as_str);
                Some(xml_name.unwrap_or(self.model.local_name(id)).to_owned())
            }
            _ => None,
        };
        Ok(Operation {
            name: name.to_owned(),
            input: input.map(|id| type_name(self.model.local_name(id))),
            http,
            errors,
            output_body,
            output_xml_root,
        })
    }

    /// What an HTTP message of structure `id` has in its body: its `@httpPayload` member's
    /// value, or the members no HTTP binding trait takes elsewhere, or nothing.
    fn body_of(&self, id: &str) -> Result<Body, ModelError> {
        let shape = self.model.shape(id)?;
        let mut in_body = false;
        for (name, member) in self.model.members(id, shape) {
            let traits = member.get("traits").and_then(Value::as_object);
            let has = |t: &str| traits.is_some_and(|traits| traits.contains_key(t));
            if has("smithy.api#httpPayload") {
                let target = target(id, name, member)?;
                let target_shape = self.model.shape(&target)?;
                let merged = merged(target_shape.get("traits"), member.get("traits"));
                let kind = match self.model.kind(target_shape) {
                    "blob" => PayloadKind::Blob,
                    "string" | "enum" => PayloadKind::Text,
                    _ => PayloadKind::Document,
                };
                let media_type = merged
                    .get("smithy.api#mediaType")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                return Ok(Body::Payload { kind, media_type });
            }
            let bound = [
                "smithy.api#httpLabel",
                "smithy.api#httpQuery",
                "smithy.api#httpQueryParams",
                "smithy.api#httpHeader",
                "smithy.api#httpPrefixHeaders",
                "smithy.api#httpResponseCode",
            ];
            in_body |= !bound.iter().any(|t| has(t));
        }
        Ok(if in_body { Body::Members } else { Body::Empty })
    }

    /// Marks every type a `@uniqueItems` list of structures or unions holds, at any depth,
    /// as hashable. Smithy's equality leaves out floats and documents (the trait forbids
    /// them); a map has no hash here, and is refused with the list that holds it.
    pub(crate) fn hash_unique_items(&mut self) -> Result<(), ModelError> {
        let mut todo = std::mem::take(&mut self.unique_items);
        let mut seen = BTreeSet::new();
        while let Some((at, id)) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            let shape = self.model.shape(&id)?;
            let kind = self.model.kind(shape);
            let mut follow = |reference: &Value| {
                if let Some(next) = reference.get("target").and_then(Value::as_str) {
                    todo.push((at.clone(), next.to_owned()));
                }
            };
            match kind {
                "structure" | "union" => {
                    for (_, member) in self.model.members(&id, shape) {
                        follow(member);
                    }
                    let name = type_name(self.model.local_name(&id));
                    if let Some(NamedType {
                        kind: TypeKind::Structure(composite) | TypeKind::Union(composite),
                        ..
                    }) = self.types.get_mut(&name)
                    {
                        composite.hashable = true;
                    }
                }
                "list" | "set" => follow(shape.get("member").unwrap_or(&Value::Null)),
                "map" | "float" | "double" | "document" => {
                    return Err(ModelError::new(format!(
                        "{at}: unique items that hold a {kind} ({id}) are not supported: it has no hash to compare them by"
                    )));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Decides the named type for `id` (once) and returns its Rust name.
    fn named(&mut self, id: &str) -> Result<String, ModelError> {
        let shape = self.model.shape(id)?;
        let name = type_name(self.model.local_name(id));
        if let Some(existing) = self.types.get(&name) {
            if existing.id != id {
                return Err(ModelError::new(format!(
                    "shapes {} and {id} both become the Rust type {name}",
                    existing.id
                )));
            }
            return Ok(name);
        }
        if self.stack.iter().any(|s| s == id) {
            return Ok(name);
        }
        self.stack.push(id.to_owned());
        let kind = match self.model.kind(shape) {
            "structure" => TypeKind::Structure(self.composite(id, shape, Holder::Option)?),
            "union" => TypeKind::Union(self.composite(id, shape, Holder::Bare)?),
            "enum" | "string" => TypeKind::StringEnum(enum_values(self.model, id, shape)?),
            "intEnum" => TypeKind::IntEnum(int_enum_values(self.model, id, shape)?),
            other => {
                return Err(ModelError::new(format!(
                    "{id}: a {other} shape has no named type"
                )))
            }
        };
        self.stack.pop();
        let doc = doc(shape.get("traits"));
        let named = NamedType {
            id: id.to_owned(),
            doc,
            kind,
            error: error_info(shape.get("traits")),
        };
        self.types.insert(name.clone(), named);
        Ok(name)
    }

    fn composite(
        &mut self,
        id: &str,
        shape: &Map<String, Value>,
        holder: Holder,
    ) -> Result<Composite, ModelError> {
        let mut members: Vec<Member> = Vec::new();
        let mut event_streams = Vec::new();
        for (name, definition) in self.model.members(id, shape) {
            if let Some(events) = self.event_stream(id, name, definition)? {
                event_streams.push(EventStream {
                    member: name.to_owned(),
                    events,
                });
                continue;
            }
            let mut member = self.member(id, name, definition)?;
            if holder == Holder::Bare {
                // A union's member is present whenever it is the one set; its key is its
                // `@jsonName` where it has one, as a structure's (Smithy's JSON protocols).
                member.rules.retain(|r| *r != Rule::Required);
                member.default = None;
                member.default_outside_range = None;
                members.push(member);
                continue;
            }
            if let Some(other) = members.iter().find(|m| m.wire == member.wire) {
                return Err(ModelError::new(format!(
                    "{id}: members {} and {name} both have the wire name {}",
                    other.name, member.wire
                )));
            }
            members.push(member);
        }
        Ok(Composite {
            sensitive: trait_value(shape.get("traits"), "smithy.api#sensitive").is_some(),
            hashable: false,
            members,
            event_streams,
        })
    }

    /// The union of events of a member that is an event stream (it targets a `@streaming`
    /// union), or `None`.
    fn event_stream(
        &self,
        owner: &str,
        name: &str,
        definition: &Value,
    ) -> Result<Option<String>, ModelError> {
        let target = target(owner, name, definition)?;
        let shape = self.model.shape(&target)?;
        let streaming = self.model.kind(shape) == "union"
            && merged(shape.get("traits"), definition.get("traits"))
                .contains_key("smithy.api#streaming");
        Ok(streaming.then_some(target))
    }

    /// A member: its type and rules (its traits over its target's), its wire name, its
    /// default and its timestamp format.
    fn member(
        &mut self,
        owner: &str,
        name: &str,
        definition: &Value,
    ) -> Result<Member, ModelError> {
        let target = target(owner, name, definition)?;
        let member_traits = definition.get("traits");
        let mut rules: Vec<Rule> = Vec::new();
        if trait_value(member_traits, "smithy.api#required").is_some() {
            rules.push(Rule::Required);
        }
        let target_shape = self.model.shape(&target)?;
        let traits = merged(target_shape.get("traits"), member_traits);
        let service = self.model.sdk_id().unwrap_or("");
        if traits.contains_key("smithy.api#sensitive")
            || self.profile.hides_value(service, name_of(owner), name)
        {
            rules.push(Rule::Sensitive);
        }
        let at = format!("{owner}${name}");
        let mut timestamp_format = None;
        let ty = match self.model.kind(target_shape) {
            "list" | "set" => {
                let item = self.item(&at, target_shape.get("member"), &target)?;
                let sparse = traits.contains_key("smithy.api#sparse");
                // A list of formatted timestamps: the format is the member's, for each item.
                timestamp_format = item.timestamp_format;
                if sparse && timestamp_format.is_some() {
                    return Err(ModelError::new(format!(
                        "{at}: sparse lists of timestamps with a format are not supported"
                    )));
                }
                rules.extend(length(&traits));
                if traits.contains_key("smithy.api#uniqueItems")
                    || self.model.kind(target_shape) == "set"
                {
                    if item.nested {
                        let reference = target_shape.get("member").unwrap_or(&Value::Null);
                        let item_target = crate::decide::target(&target, "member", reference)?;
                        self.unique_items.push((at.clone(), item_target));
                    }
                    rules.push(Rule::Unique);
                }
                if !item.rules.is_empty() {
                    rules.push(Rule::Each(item.rules));
                }
                if item.nested {
                    rules.push(Rule::Nested);
                }
                Type::List {
                    item: Box::new(item.ty),
                    sparse,
                }
            }
            "map" => {
                let key = self.key(&at, target_shape.get("key"), &target)?;
                let value = self
                    .item(&at, target_shape.get("value"), &target)?
                    .without_format(&at)?;
                rules.extend(length(&traits));
                rules.extend(entry_rules(key, value.rules));
                if value.nested {
                    rules.push(Rule::Nested);
                }
                Type::Map {
                    value: Box::new(value.ty),
                    sparse: traits.contains_key("smithy.api#sparse"),
                }
            }
            _ => {
                let item = self.simple_or_named(&at, &target, &traits, true)?;
                rules.extend(item.rules);
                if item.nested {
                    rules.push(Rule::Nested);
                }
                timestamp_format = self::timestamp_format(&traits);
                item.ty
            }
        };
        // The awsJson protocols write every member by its name: `@jsonName` is restJson1's.
        let json_names = !matches!(
            self.model.protocol(),
            Some(Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
        );
        let wire = trait_value(member_traits, "smithy.api#jsonName")
            .filter(|_| json_names)
            .and_then(Value::as_str)
            .unwrap_or(name);
        let mut member = Member {
            name: name.to_owned(),
            wire: wire.to_owned(),
            doc: doc(member_traits),
            ty,
            rules,
            default: None,
            default_outside_range: None,
            timestamp_format,
            binding: binding(member_traits),
            xml: self.xml_names(member_traits, &traits, target_shape),
            // An operation's input decides it (`prefix_input_paths`).
            aws_path_prefix: None,
            media_type: traits
                .get("smithy.api#mediaType")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        match self.default(owner, name, definition)? {
            Some(Decided::Applied(default)) => member.default = Some(default),
            Some(Decided::OutsideRange(value)) => {
                // Smithy tolerates a zero default below a range's minimum in models from IDL
                // 1.0; AWS's services accept such a member absent (Connect documents
                // `EvaluationFormVersion` so), so absence stays absence.
                member.rules.retain(|r| *r != Rule::Required);
                member.default_outside_range = Some(value);
            }
            None => {}
        }
        Ok(member)
    }

    /// A member's Smithy `@default`, when it applies. Defaults of big numbers are not
    /// applied (the member stays optional); none of AWS's input members has one.
    fn default(
        &self,
        owner: &str,
        member: &str,
        definition: &Value,
    ) -> Result<Option<Decided>, ModelError> {
        let Some(value) = trait_value(definition.get("traits"), "smithy.api#default") else {
            return Ok(None);
        };
        let target = target(owner, member, definition)?;
        let shape = self.model.shape(&target)?;
        let kind = self.model.kind(shape);
        let bad = || {
            ModelError::new(format!(
                "{owner}${member}: the default {value} does not fit its {kind} shape"
            ))
        };
        let is_enum = trait_value(shape.get("traits"), "smithy.api#enum").is_some();
        let range = merged(shape.get("traits"), definition.get("traits"))
            .get("smithy.api#range")
            .cloned();
        if let (Some(range), Some(x)) = (range, value.as_f64()) {
            let beyond = |bound: &str, outside: fn(f64, f64) -> bool| {
                range
                    .get(bound)
                    .and_then(Value::as_f64)
                    .is_some_and(|b| outside(x, b))
            };
            if beyond("min", |x, min| x < min) || beyond("max", |x, max| x > max) {
                return Ok(Some(Decided::OutsideRange(value.to_string())));
            }
        }
        let default = match (kind, value) {
            (_, Value::Null) => return Ok(None),
            ("enum", Value::String(v)) => Default::Enum(v.clone()),
            ("string", Value::String(v)) if is_enum => Default::Enum(v.clone()),
            ("intEnum", Value::Number(n)) => Default::IntEnum(n.as_i64().ok_or_else(bad)?),
            ("string", Value::String(v)) if v.is_empty() => Default::Zero,
            ("string", Value::String(v)) => Default::String(v.clone()),
            ("boolean", Value::Bool(false)) => Default::Zero,
            ("boolean", Value::Bool(true)) => Default::True,
            ("byte" | "short" | "integer" | "long", Value::Number(n)) => {
                match n.as_i64().ok_or_else(bad)? {
                    0 => Default::Zero,
                    n => Default::Integer(n),
                }
            }
            ("float" | "double", Value::Number(n)) => {
                let x = n.as_f64().ok_or_else(bad)?;
                if x == 0.0 && x.is_sign_positive() {
                    Default::Zero
                } else {
                    Default::Float(x)
                }
            }
            ("list" | "set", Value::Array(items)) if items.is_empty() => Default::Zero,
            ("map", Value::Object(entries)) if entries.is_empty() => Default::Zero,
            ("blob", Value::String(v)) if v.is_empty() => Default::Zero,
            ("blob", Value::String(_)) => {
                let blob: aws_constraints::Blob =
                    serde_json::from_value(value.clone()).map_err(|_| bad())?;
                Default::Blob(blob.into_inner())
            }
            // Seconds since the epoch, or a date-time (Smithy allows both).
            ("timestamp", Value::Number(n)) => {
                let t = n
                    .as_f64()
                    .and_then(|x| aws_constraints::Timestamp::from_epoch_seconds(x).ok())
                    .ok_or_else(bad)?;
                Default::Timestamp {
                    seconds: t.seconds(),
                    nanos: t.subsec_nanos(),
                }
            }
            ("timestamp", Value::String(text)) => {
                let t = aws_constraints::Timestamp::parse_date_time(text).map_err(|_| bad())?;
                Default::Timestamp {
                    seconds: t.seconds(),
                    nanos: t.subsec_nanos(),
                }
            }
            ("document", value) => Default::Document(value.clone()),
            ("bigInteger" | "bigDecimal", _) => return Ok(None),
            _ => return Err(bad()),
        };
        Ok(Some(Decided::Applied(default)))
    }

    /// A list member, map key or map value: its type and its rules, `sensitive` first where
    /// the member or its target is `@sensitive` (its value is then never shown, not even in
    /// its collection's echo).
    fn item(
        &mut self,
        at: &str,
        reference: Option<&Value>,
        collection: &str,
    ) -> Result<Item, ModelError> {
        let mut item = self.item_unmarked(at, reference, collection)?;
        if self.is_sensitive(reference, collection)? {
            item.rules.insert(0, Rule::Sensitive);
        }
        Ok(item)
    }

    /// Whether a collection's member (or key, or value) is `@sensitive`, or targets a shape
    /// that is.
    fn is_sensitive(
        &self,
        reference: Option<&Value>,
        collection: &str,
    ) -> Result<bool, ModelError> {
        let Some(reference) = reference else {
            return Ok(false);
        };
        let target = target(collection, "member", reference)?;
        let shape = self.model.shape(&target)?;
        Ok(
            trait_value(shape.get("traits"), "smithy.api#sensitive").is_some()
                || trait_value(reference.get("traits"), "smithy.api#sensitive").is_some(),
        )
    }

    /// [`Self::item`] but for its sensitivity.
    fn item_unmarked(
        &mut self,
        at: &str,
        reference: Option<&Value>,
        collection: &str,
    ) -> Result<Item, ModelError> {
        let reference = reference
            .ok_or_else(|| ModelError::new(format!("{collection} has no member target")))?;
        let target = target(collection, "member", reference)?;
        let shape = self.model.shape(&target)?;
        let traits = merged(shape.get("traits"), reference.get("traits"));
        match self.model.kind(shape) {
            "list" | "set" => {
                // A list of lists: the inner list's rules inside `each(..)`.
                let inner = self
                    .item(at, shape.get("member"), &target)?
                    .without_format(at)?;
                let mut rules: Vec<Rule> = length(&traits).into_iter().collect();
                if traits.contains_key("smithy.api#uniqueItems") || self.model.kind(shape) == "set"
                {
                    return Err(ModelError::new(format!(
                        "{at}: unique items inside a collection are not supported yet"
                    )));
                }
                if !inner.rules.is_empty() {
                    rules.push(Rule::Each(inner.rules));
                }
                return Ok(Item {
                    ty: Type::List {
                        item: Box::new(inner.ty),
                        sparse: false,
                    },
                    rules,
                    nested: inner.nested,
                    timestamp_format: None,
                });
            }
            "map" => {
                // A map inside a collection: its rules inside the outer `each(..)`.
                let key = self.key(at, shape.get("key"), &target)?;
                let value = self
                    .item(at, shape.get("value"), &target)?
                    .without_format(at)?;
                let mut rules: Vec<Rule> = length(&traits).into_iter().collect();
                rules.extend(entry_rules(key, value.rules));
                return Ok(Item {
                    ty: Type::Map {
                        value: Box::new(value.ty),
                        sparse: false,
                    },
                    rules,
                    nested: value.nested,
                    timestamp_format: None,
                });
            }
            _ => {}
        }
        // A collection already holds its items behind a pointer: no `Box` is needed.
        let mut item = self.simple_or_named(at, &target, &traits, false)?;
        item.timestamp_format = timestamp_format(&traits)
            .filter(|f| matches!(f, TimestampFormat::DateTime | TimestampFormat::HttpDate));
        Ok(item)
    }

    /// A map key's rules. Keys are strings, so a key whose shape is an enum carries the
    /// enum's value set as a [`Rule::OneOf`] rather than a type of its own.
    fn key(
        &mut self,
        at: &str,
        reference: Option<&Value>,
        collection: &str,
    ) -> Result<Vec<Rule>, ModelError> {
        let reference =
            reference.ok_or_else(|| ModelError::new(format!("{collection} has no key target")))?;
        let target = target(collection, "key", reference)?;
        let shape = self.model.shape(&target)?;
        let is_enum = self.model.kind(shape) == "enum"
            || trait_value(shape.get("traits"), "smithy.api#enum").is_some();
        if !is_enum {
            return Ok(self.item(at, Some(reference), collection)?.rules);
        }
        let sensitive = self.is_sensitive(Some(reference), collection)?;
        let values = enum_values(self.model, &target, shape)?;
        let of = |internal: bool| -> Vec<String> {
            values
                .iter()
                .filter(|v| v.internal == internal)
                .map(|v| v.value.clone())
                .collect()
        };
        let (listed, internal) = (of(false), of(true));
        if listed.is_empty() {
            return Err(ModelError::new(format!(
                "{at}: the key enum {target} lists no value that is not internal"
            )));
        }
        let mut rules = vec![Rule::OneOf { listed, internal }];
        if sensitive {
            rules.insert(0, Rule::Sensitive);
        }
        Ok(rules)
    }

    /// [`Rule::Pattern`], with the backtracking opt-in where the pattern needs it; a pattern
    /// the compiler refuses is an error, never a dropped constraint. Each distinct pattern is
    /// compiled once (models repeat theirs across shapes, and a bounded repetition such as
    /// `.{0,1023}` is costly to compile).
    fn pattern_rule(&mut self, at: &str, pattern: &str) -> Result<Rule, ModelError> {
        use aws_constraints_pattern::Pattern;
        let decided =
            self.patterns.entry(pattern.to_owned()).or_insert_with(|| {
                match Pattern::new(pattern) {
                    Ok(_) => Ok(false),
                    Err(_) if Pattern::with_backtracking(pattern).is_ok() => Ok(true),
                    Err(e) => Err(e.to_string()),
                }
            });
        match decided {
            Ok(backtracking) => Ok(Rule::Pattern {
                source: pattern.to_owned(),
                backtracking: *backtracking,
            }),
            Err(e) => Err(ModelError::new(format!(
                "{at}: pattern {pattern:?} cannot be compiled: {e}"
            ))),
        }
    }

    /// A simple shape's type and rules, or a named type to nest, boxed where it is a shape
    /// being decided and `may_box` (a member of its own, not a collection's item).
    fn simple_or_named(
        &mut self,
        at: &str,
        target: &str,
        traits: &Map<String, Value>,
        may_box: bool,
    ) -> Result<Item, ModelError> {
        let shape = self.model.shape(target)?;
        let kind = self.model.kind(shape);
        let ty = match kind {
            // An enum is a leaf: it never needs a `Box`.
            "string" if traits.contains_key("smithy.api#enum") => {
                return Ok(Item::nested(Type::Named {
                    name: self.named(target)?,
                    boxed: false,
                }));
            }
            "string" => Type::String,
            "boolean" => Type::Boolean,
            "byte" => Type::Byte,
            "short" => Type::Short,
            "integer" => Type::Integer,
            "long" => Type::Long,
            "float" => Type::Float,
            "double" => Type::Double,
            // A streaming blob (an HTTP payload) is a member of the document like any other:
            // the types describe the input as one document, whatever each member's binding.
            "blob" => Type::Blob,
            "timestamp" => Type::Timestamp,
            "document" => Type::Document,
            "structure" | "union" | "enum" | "intEnum" => {
                if traits.contains_key("smithy.api#streaming") {
                    return Err(ModelError::new(format!(
                        "{at}: event streams are not supported yet"
                    )));
                }
                let boxed = may_box && self.stack.iter().any(|s| s == target);
                return Ok(Item::nested(Type::Named {
                    name: self.named(target)?,
                    boxed,
                }));
            }
            other => {
                return Err(ModelError::new(format!(
                    "{at}: {other} shapes ({target}) are not supported yet"
                )))
            }
        };
        let mut rules: Vec<Rule> = length(traits).into_iter().collect();
        if let Some(pattern) = traits.get("smithy.api#pattern").and_then(Value::as_str) {
            // The text the service prints, which matches as the model's does.
            let service = self.model.sdk_id().unwrap_or("");
            let pattern = self.profile.pattern(service, name_of(target), pattern);
            rules.push(self.pattern_rule(at, pattern)?);
        }
        if let Some(range) = traits.get("smithy.api#range") {
            let bound = |key: &str| match range.get(key) {
                Some(Value::Number(n)) => Some(n.clone()),
                _ => None,
            };
            let (min, max) = (bound("min"), bound("max"));
            if min.is_some() || max.is_some() {
                rules.push(Rule::Range { min, max });
            }
        }
        Ok(Item {
            ty,
            rules,
            nested: false,
            timestamp_format: None,
        })
    }
}

/// What becomes of a member's `@default`.
enum Decided {
    Applied(Default),
    /// A number outside the member's own `@range`, as the model writes it.
    OutsideRange(String),
}

/// How a type holds its members: a structure's may be absent, a union's variant is there.
#[derive(Clone, Copy, PartialEq)]
enum Holder {
    Option,
    Bare,
}

/// A list member, map value, or a member's simple type.
struct Item {
    ty: Type,
    rules: Vec<Rule>,
    /// Whether it is (or holds) a named type, which validates itself.
    nested: bool,
    /// A timestamp's text format (date-time, http-date), where it has one.
    timestamp_format: Option<TimestampFormat>,
}

impl Item {
    fn nested(ty: Type) -> Self {
        Item {
            ty,
            rules: Vec::new(),
            nested: true,
            timestamp_format: None,
        }
    }

    /// Refuses an item whose timestamps have a text format, where only a member's own
    /// list can say so.
    fn without_format(self, at: &str) -> Result<Item, ModelError> {
        match self.timestamp_format {
            Some(_) => Err(ModelError::new(format!(
                "{at}: timestamps with a format are supported in a member's own list only"
            ))),
            None => Ok(self),
        }
    }
}

/// A map's key and value rules, as [`Rule::Keys`] and [`Rule::Values`].
fn entry_rules(key: Vec<Rule>, value: Vec<Rule>) -> impl Iterator<Item = Rule> {
    [
        (Rule::Keys as fn(Vec<Rule>) -> Rule, key),
        (Rule::Values, value),
    ]
    .into_iter()
    .filter(|(_, rules)| !rules.is_empty())
    .map(|(side, rules)| side(rules))
}

/// [`Rule::Length`] from `@length`.
fn length(traits: &Map<String, Value>) -> Option<Rule> {
    let length = traits.get("smithy.api#length")?;
    let bound = |key: &str| length.get(key).and_then(Value::as_u64);
    let (min, max) = (bound("min"), bound("max"));
    (min.is_some() || max.is_some()).then_some(Rule::Length { min, max })
}

/// `@timestampFormat`, where it is one the importer writes a module for.
impl Decider<'_> {
    /// A member's XML names: its element's name is its own `@xmlName` (a structure's names
    /// its element only as a payload or a document's root); `traits` are its own over its
    /// target's; a collection's item, key and value names are their members'.
    fn xml_names(
        &self,
        own: Option<&Value>,
        traits: &Map<String, Value>,
        target: &Map<String, Value>,
    ) -> XmlNames {
        let own_text = |id: &str| {
            trait_value(own, id)
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let text = |traits: &Map<String, Value>, id: &str| {
            traits.get(id).and_then(Value::as_str).map(str::to_owned)
        };
        let name_of_part = |part: &str| {
            target
                .get(part)
                .and_then(|m| m.get("traits"))
                .and_then(Value::as_object)
                .and_then(|t| text(t, "smithy.api#xmlName"))
        };
        XmlNames {
            name: own_text("smithy.api#xmlName"),
            ec2_query_name: own_text("aws.protocols#ec2QueryName"),
            flattened: traits.contains_key("smithy.api#xmlFlattened"),
            attribute: traits.contains_key("smithy.api#xmlAttribute"),
            item: name_of_part("member"),
            key: name_of_part("key"),
            value: name_of_part("value"),
        }
    }
}

/// An error shape's `@error`, `@httpError` and `@awsQueryError`; `None` for a shape that is
/// no error.
fn error_info(traits: Option<&Value>) -> Option<ErrorInfo> {
    let fault = trait_value(traits, "smithy.api#error")?;
    let query = trait_value(traits, "aws.protocols#awsQueryError");
    Some(ErrorInfo {
        client_fault: fault.as_str() != Some("server"),
        status: trait_value(traits, "smithy.api#httpError")
            .and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok()),
        query_code: query
            .and_then(|q| q.get("code"))
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

/// Where a member travels in an HTTP request, by its binding trait.
fn binding(traits: Option<&Value>) -> Binding {
    let text = |id: &str| {
        trait_value(traits, id)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let has = |id: &str| trait_value(traits, id).is_some();
    if has("smithy.api#httpLabel") {
        Binding::Label
    } else if has("smithy.api#httpQuery") {
        Binding::Query(text("smithy.api#httpQuery"))
    } else if has("smithy.api#httpQueryParams") {
        Binding::QueryParams
    } else if has("smithy.api#httpHeader") {
        Binding::Header(text("smithy.api#httpHeader"))
    } else if has("smithy.api#httpPrefixHeaders") {
        Binding::PrefixHeaders(text("smithy.api#httpPrefixHeaders"))
    } else if has("smithy.api#httpPayload") {
        Binding::Payload
    } else {
        Binding::Body
    }
}

fn timestamp_format(traits: &Map<String, Value>) -> Option<TimestampFormat> {
    match traits.get("smithy.api#timestampFormat")?.as_str()? {
        "epoch-seconds" => Some(TimestampFormat::EpochSeconds),
        "date-time" => Some(TimestampFormat::DateTime),
        "http-date" => Some(TimestampFormat::HttpDate),
        _ => None,
    }
}

/// The values of an enum shape or a Smithy 1.0 `@enum` string, with whether each is
/// `@internal`.
fn enum_values(
    model: &Model,
    id: &str,
    shape: &Map<String, Value>,
) -> Result<Vec<EnumValue<String>>, ModelError> {
    if let Some(list) =
        trait_value(shape.get("traits"), "smithy.api#enum").and_then(Value::as_array)
    {
        return list
            .iter()
            .map(|entry| {
                let value = entry.get("value").and_then(Value::as_str).ok_or_else(|| {
                    ModelError::new(format!("{id}: an @enum entry without a value"))
                })?;
                let internal = entry
                    .get("tags")
                    .and_then(Value::as_array)
                    .is_some_and(|tags| tags.iter().any(|t| t == "internal"));
                let member = entry.get("name").and_then(Value::as_str).unwrap_or(value);
                Ok(EnumValue {
                    member: member.to_owned(),
                    value: value.to_owned(),
                    internal,
                })
            })
            .collect();
    }
    model
        .members(id, shape)
        .into_iter()
        .map(|(member, definition)| {
            let traits = definition.get("traits");
            let value = trait_value(traits, "smithy.api#enumValue")
                .and_then(Value::as_str)
                .unwrap_or(member);
            Ok(EnumValue {
                member: member.to_owned(),
                value: value.to_owned(),
                internal: trait_value(traits, "smithy.api#internal").is_some(),
            })
        })
        .collect()
}

fn int_enum_values(
    model: &Model,
    id: &str,
    shape: &Map<String, Value>,
) -> Result<Vec<EnumValue<i64>>, ModelError> {
    model
        .members(id, shape)
        .into_iter()
        .map(|(member, definition)| {
            let value = trait_value(definition.get("traits"), "smithy.api#enumValue")
                .and_then(Value::as_i64)
                .ok_or_else(|| {
                    ModelError::new(format!(
                        "{id}${member}: an intEnum member without an integer value"
                    ))
                })?;
            Ok(EnumValue {
                member: member.to_owned(),
                value,
                internal: false,
            })
        })
        .collect()
}

pub(crate) fn target(owner: &str, member: &str, definition: &Value) -> Result<String, ModelError> {
    definition
        .get("target")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| ModelError::new(format!("{owner}${member} has no target")))
}

/// The target's traits with the member's over them.
fn merged(target: Option<&Value>, member: Option<&Value>) -> Map<String, Value> {
    let mut traits = target
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(member) = member.and_then(Value::as_object) {
        traits.extend(member.clone());
    }
    traits
}

/// The documentation's first paragraph, as plain text.
fn doc(traits: Option<&Value>) -> Option<String> {
    let text = trait_value(traits, "smithy.api#documentation").and_then(Value::as_str)?;
    let first = text.split("</p>").next().unwrap_or(text);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in first.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let text = words
        .join(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    Some(text.replace('\n', " "))
}
