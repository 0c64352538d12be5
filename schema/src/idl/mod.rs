//! The Smithy IDL 2.0 (`.smithy` files), read into the JSON AST that AWS publishes its
//! models in, so that a model written by hand, or Smithy's own test models, import as AWS's
//! do.
//!
//! A model is every file of it at once: a relative shape id names a `use`d shape first,
//! then a shape of the file's namespace defined in any file, then one of the prelude's.
//! Documentation comments (`///`) become `@documentation`, member defaults (`= value`)
//! `@default`, inline operation inputs and outputs (`input := {..}`) structures of their
//! own with `@input`/`@output`, `set` a list with `@uniqueItems`, enum members without a
//! value their own name. `apply` statements and mixins stay as the JSON AST writes them;
//! [`Model`](crate::Model) applies and flattens them.
//!
//! ```
//! use aws_constraints_schema::{idl, Validator};
//!
//! let model = idl::to_json_ast(&[("example.smithy", r#"
//!     $version: "2.0"
//!     namespace example
//!
//!     operation Greet {
//!         input := {
//!             /// Who to greet.
//!             @required
//!             @length(min: 1, max: 8)
//!             name: String
//!         }
//!     }
//! "#)])?;
//! let validator = Validator::from_json(&model)?;
//! let errors = validator.validate_json("Greet", br#"{"name": ""}"#).unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "1 validation error detected: Value '' at 'name' failed to satisfy constraint: \
//!      Member must have length greater than or equal to 1"
//! );
//! # Ok::<(), aws_constraints_schema::ModelError>(())
//! ```

mod node;
mod syntax;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use node::Node;
use syntax::{Body, File, Member, Position, Shape, Trait};

use crate::ModelError;

/// Reads a model's `.smithy` files (each a name, for errors, and its text) into one Smithy
/// JSON AST. Errors name the file, line and column; every file's are reported.
pub fn to_json_ast(files: &[(&str, &str)]) -> Result<String, ModelError> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match syntax::parse(name, text) {
            Ok(file) => parsed.push(file),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if !errors.is_empty() {
        return Err(ModelError::new(errors.join("\n")));
    }
    let ast = Assembler::new(&parsed).ast()?;
    serde_json::to_string(&ast).map_err(|e| ModelError::new(e.to_string()))
}

/// Reads a model's `.smithy` files from disk (see [`to_json_ast`]); errors name the file.
pub fn read_files(paths: &[PathBuf]) -> Result<String, ModelError> {
    let texts = paths
        .iter()
        .map(|path| {
            std::fs::read_to_string(path)
                .map(|text| (path.display().to_string(), text))
                .map_err(|e| ModelError::new(format!("cannot read {}: {e}", path.display())))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    to_json_ast(&files)
}

/// Every `.smithy` file under `folder` (at any depth), sorted; `folder` itself when it is
/// one.
pub fn smithy_files(folder: &Path) -> Result<Vec<PathBuf>, ModelError> {
    let is_idl = |p: &Path| p.extension().is_some_and(|e| e == "smithy");
    if !folder.is_dir() {
        return Ok(if is_idl(folder) {
            vec![folder.to_owned()]
        } else {
            Vec::new()
        });
    }
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| ModelError::new(format!("cannot read {}: {e}", folder.display())))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if is_idl(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The prelude's shapes and traits, which relative ids name when nothing else does.
const PRELUDE: &[&str] = &[
    "String",
    "Blob",
    "BigInteger",
    "BigDecimal",
    "Timestamp",
    "Document",
    "Boolean",
    "PrimitiveBoolean",
    "Byte",
    "PrimitiveByte",
    "Short",
    "PrimitiveShort",
    "Integer",
    "PrimitiveInteger",
    "Long",
    "PrimitiveLong",
    "Float",
    "PrimitiveFloat",
    "Double",
    "PrimitiveDouble",
    "Unit",
    "addedDefault",
    "auth",
    "authDefinition",
    "box",
    "clientOptional",
    "cors",
    "default",
    "deprecated",
    "documentation",
    "endpoint",
    "enum",
    "enumValue",
    "error",
    "eventHeader",
    "eventPayload",
    "examples",
    "externalDocumentation",
    "hostLabel",
    "http",
    "httpApiKeyAuth",
    "httpBasicAuth",
    "httpBearerAuth",
    "httpChecksumRequired",
    "httpDigestAuth",
    "httpError",
    "httpHeader",
    "httpLabel",
    "httpPayload",
    "httpPrefixHeaders",
    "httpQuery",
    "httpQueryParams",
    "httpResponseCode",
    "idRef",
    "idempotencyToken",
    "idempotent",
    "input",
    "internal",
    "jsonName",
    "length",
    "mediaType",
    "mixin",
    "nestedProperties",
    "noReplace",
    "notProperty",
    "optionalAuth",
    "output",
    "paginated",
    "pattern",
    "private",
    "property",
    "protocolDefinition",
    "range",
    "readonly",
    "recommended",
    "references",
    "requestCompression",
    "required",
    "requiresLength",
    "resourceIdentifier",
    "retryable",
    "sensitive",
    "since",
    "sparse",
    "streaming",
    "suppress",
    "tags",
    "timestampFormat",
    "title",
    "trait",
    "uniqueItems",
    "unitType",
    "unstable",
    "xmlAttribute",
    "xmlFlattened",
    "xmlName",
    "xmlNamespace",
];

/// Where a relative id is read: a file's namespace and `use` statements.
struct Scope<'f> {
    namespace: &'f str,
    uses: HashMap<&'f str, &'f str>,
}

struct Assembler<'f> {
    files: &'f [File],
    scopes: Vec<Scope<'f>>,
    /// Every shape the files define, by absolute id: its file and its statement.
    shapes: BTreeMap<String, (usize, &'f Shape)>,
    /// Absolute ids of every shape defined, inline inputs and outputs included.
    defined: HashSet<String>,
}

impl<'f> Assembler<'f> {
    fn new(files: &'f [File]) -> Assembler<'f> {
        let scopes = files
            .iter()
            .map(|file| Scope {
                namespace: file.namespace.as_deref().unwrap_or(""),
                uses: file
                    .uses
                    .iter()
                    .map(|(name, id)| (name.as_str(), id.as_str()))
                    .collect(),
            })
            .collect();
        Assembler {
            files,
            scopes,
            shapes: BTreeMap::new(),
            defined: HashSet::new(),
        }
    }

    fn error(&self, file: usize, at: Position, message: impl std::fmt::Display) -> ModelError {
        ModelError::new(format!(
            "{}:{}:{}: {message}",
            self.files[file].name, at.line, at.column
        ))
    }

    fn ast(mut self) -> Result<Node, ModelError> {
        let mut errors = Vec::new();
        for (index, file) in self.files.iter().enumerate() {
            let namespace = self.scopes[index].namespace;
            for shape in &file.shapes {
                let id = format!("{namespace}#{}", shape.name);
                if self.shapes.insert(id.clone(), (index, shape)).is_some() {
                    errors.push(self.error(index, shape.at, format!("{id} is defined twice")));
                }
                self.defined.insert(id);
                if let Body::Entity { inline, .. } = &shape.body {
                    for (property, _) in inline {
                        self.defined.insert(format!(
                            "{namespace}#{}",
                            inline_name(file, shape, property)
                        ));
                    }
                }
            }
        }
        let mut shapes = Node::object();
        for (id, (file, shape)) in &self.shapes {
            match self.shape(*file, shape) {
                Ok(converted) => {
                    for (inline_id, inline) in converted.inline {
                        shapes.insert(inline_id, inline);
                    }
                    shapes.insert(id.clone(), converted.shape);
                }
                Err(e) => errors.push(e),
            }
        }
        match self.applies() {
            Ok(applies) => {
                for (target, traits) in applies {
                    if let Err(e) = apply(&mut shapes, &target, traits) {
                        errors.push(ModelError::new(e));
                    }
                }
            }
            Err(e) => errors.extend(e),
        }
        if !errors.is_empty() {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(ModelError::new(errors.join("\n")));
        }
        let mut ast = Node::object();
        ast.insert("smithy", Node::String("2.0".into()));
        let metadata = self.metadata();
        if metadata != Node::object() {
            ast.insert("metadata", metadata);
        }
        ast.insert("shapes", shapes);
        Ok(ast)
    }

    /// A relative or absolute id, resolved: `None` when nothing defines it.
    fn resolve(&self, file: usize, id: &str) -> Option<String> {
        let (shape, member) = match id.split_once('$') {
            Some((shape, member)) => (shape, Some(member)),
            None => (id, None),
        };
        let scope = &self.scopes[file];
        let absolute = if shape.contains('#') {
            shape.to_owned()
        } else if let Some(used) = scope.uses.get(shape) {
            (*used).to_owned()
        } else if self
            .defined
            .contains(&format!("{}#{shape}", scope.namespace))
        {
            format!("{}#{shape}", scope.namespace)
        } else if PRELUDE.contains(&shape) {
            format!("smithy.api#{shape}")
        } else {
            return None;
        };
        Some(match member {
            Some(member) => format!("{absolute}${member}"),
            None => absolute,
        })
    }

    fn resolve_or_error(&self, file: usize, at: Position, id: &str) -> Result<String, ModelError> {
        self.resolve(file, id).ok_or_else(|| {
            self.error(
                file,
                at,
                format!(
                    "{id} names no shape: neither `use`d, nor defined in namespace {}, nor \
                     in the prelude",
                    self.scopes[file].namespace
                ),
            )
        })
    }

    /// A trait's or metadata's value: an unquoted shape id becomes its absolute id when it
    /// names a shape, and stays the text it is otherwise (as Smithy reads it).
    fn value(&self, file: usize, node: &Node) -> Node {
        match node {
            Node::ShapeId(id) => Node::String(self.resolve(file, id).unwrap_or_else(|| id.clone())),
            Node::Array(items) => Node::Array(items.iter().map(|n| self.value(file, n)).collect()),
            Node::Object(entries) => Node::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), self.value(file, v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn traits(&self, file: usize, traits: &[Trait]) -> Result<Node, ModelError> {
        let mut out = Node::object();
        for t in traits {
            let id = self.resolve_or_error(file, t.at, &t.id)?;
            out.insert(id, self.value(file, &t.value));
        }
        Ok(out)
    }

    fn shape(&self, file: usize, shape: &Shape) -> Result<Converted, ModelError> {
        let mut out = Node::object();
        out.insert("type", Node::String(shape.kind.clone()));
        let mut inline = Vec::new();
        if !shape.mixins.is_empty() {
            let mixins = shape
                .mixins
                .iter()
                .map(|m| self.resolve_or_error(file, shape.at, m).map(Node::target))
                .collect::<Result<_, _>>()?;
            out.insert("mixins", Node::Array(mixins));
        }
        match &shape.body {
            Body::Simple => {}
            Body::Members(members) => self.members(file, shape, members, &mut out)?,
            Body::Enum(members) => {
                let mut converted = Node::object();
                for member in members {
                    let mut traits = self.traits(file, &member.traits)?;
                    let value = match &member.value {
                        Some(value) => self.value(file, value),
                        None => Node::String(member.name.clone()),
                    };
                    traits.insert("smithy.api#enumValue", value);
                    let mut m = Node::target("smithy.api#Unit".into());
                    m.insert("traits", traits);
                    converted.insert(member.name.clone(), m);
                }
                out.insert("members", converted);
            }
            Body::Entity {
                properties,
                inline: inline_shapes,
            } => {
                for (key, value) in properties {
                    out.insert(key.clone(), self.property(file, shape.at, key, value)?);
                }
                let namespace = self.scopes[file].namespace;
                for (property, declared) in inline_shapes {
                    let id = format!(
                        "{namespace}#{}",
                        inline_name(&self.files[file], shape, property)
                    );
                    let mut structure = self.shape(file, declared)?.shape;
                    let marker = format!("smithy.api#{property}");
                    let mut traits = match structure.get("traits") {
                        Some(t) => t.clone(),
                        None => Node::object(),
                    };
                    traits.insert(marker, Node::object());
                    structure.insert("traits", traits);
                    out.insert(property.clone(), Node::target(id.clone()));
                    inline.push((id, structure));
                }
            }
        }
        let traits = self.traits(file, &shape.traits)?;
        if traits != Node::object() {
            out.insert("traits", traits);
        }
        Ok(Converted { shape: out, inline })
    }

    fn members(
        &self,
        file: usize,
        shape: &Shape,
        members: &[Member],
        out: &mut Node,
    ) -> Result<(), ModelError> {
        let mut converted = Node::object();
        for member in members {
            let target = match &member.target {
                Some(target) => self.resolve_or_error(file, member.at, target)?,
                None => self
                    .elided_target(file, shape, &member.name)
                    .ok_or_else(|| {
                        self.error(
                            file,
                            member.at,
                            format!(
                                "${}: neither a mixin nor the resource ({}) has a member of that \
                             name",
                                member.name,
                                shape.resource.as_deref().unwrap_or("none")
                            ),
                        )
                    })?,
            };
            let mut traits = self.traits(file, &member.traits)?;
            if let Some(default) = &member.default {
                traits.insert("smithy.api#default", self.value(file, default));
            }
            let mut m = Node::target(target);
            if traits != Node::object() {
                m.insert("traits", traits);
            }
            converted.insert(member.name.clone(), m);
        }
        match shape.kind.as_str() {
            // A list's or map's members are properties of their own in the JSON AST.
            "list" | "map" => {
                if let Node::Object(entries) = converted {
                    for (name, member) in entries {
                        out.insert(name, member);
                    }
                }
            }
            _ => out.insert("members", converted),
        }
        Ok(())
    }

    /// An elided member's target: the member of that name of a mixin (any depth), else the
    /// identifier or property of that name of the resource the shape is `for`.
    fn elided_target(&self, file: usize, shape: &Shape, name: &str) -> Option<String> {
        for mixin in &shape.mixins {
            let id = self.resolve(file, mixin)?;
            let (mixin_file, mixin_shape) = self.shapes.get(&id)?;
            if let Body::Members(members) = &mixin_shape.body {
                if let Some(member) = members.iter().find(|m| m.name == name) {
                    return match &member.target {
                        Some(target) => self.resolve(*mixin_file, target),
                        None => self.elided_target(*mixin_file, mixin_shape, name),
                    };
                }
            }
            if let Some(found) = self.elided_target(*mixin_file, mixin_shape, name) {
                return Some(found);
            }
        }
        let resource = self.resolve(file, shape.resource.as_deref()?)?;
        let (resource_file, resource_shape) = self.shapes.get(&resource)?;
        let Body::Entity { properties, .. } = &resource_shape.body else {
            return None;
        };
        properties
            .iter()
            .filter(|(key, _)| key == "identifiers" || key == "properties")
            .find_map(|(_, value)| match value.get(name) {
                Some(Node::ShapeId(id)) => self.resolve(*resource_file, id),
                _ => None,
            })
    }

    /// A service's, resource's or operation's property: shape ids become targets.
    fn property(
        &self,
        file: usize,
        at: Position,
        key: &str,
        value: &Node,
    ) -> Result<Node, ModelError> {
        let target = |node: &Node| -> Result<Node, ModelError> {
            match node {
                Node::ShapeId(id) => Ok(Node::target(self.resolve_or_error(file, at, id)?)),
                other => {
                    Err(self.error(file, at, format!("`{key}` takes shape ids, not {other:?}")))
                }
            }
        };
        Ok(match (key, value) {
            ("input" | "output" | "create" | "put" | "read" | "update" | "delete" | "list", v) => {
                target(v)?
            }
            (
                "operations" | "resources" | "errors" | "collectionOperations",
                Node::Array(items),
            ) => Node::Array(items.iter().map(target).collect::<Result<_, _>>()?),
            ("identifiers" | "properties", Node::Object(entries)) => Node::Object(
                entries
                    .iter()
                    .map(|(name, v)| Ok((name.clone(), target(v)?)))
                    .collect::<Result<_, ModelError>>()?,
            ),
            // `rename`'s keys are shape ids.
            ("rename", Node::Object(entries)) => Node::Object(
                entries
                    .iter()
                    .map(|(id, v)| Ok((self.resolve_or_error(file, at, id)?, self.value(file, v))))
                    .collect::<Result<_, ModelError>>()?,
            ),
            (_, v) => self.value(file, v),
        })
    }

    /// Every `apply` statement's traits by the resolved shape or member they name, merged
    /// as Smithy merges traits applied twice: arrays concatenate, equal values are one.
    fn applies(&self) -> Result<BTreeMap<String, Node>, Vec<ModelError>> {
        let mut out: BTreeMap<String, Node> = BTreeMap::new();
        let mut errors = Vec::new();
        for (index, file) in self.files.iter().enumerate() {
            for apply in &file.applies {
                let target = match self.resolve_or_error(index, apply.at, &apply.target) {
                    Ok(target) => target,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                let traits = out.entry(target.clone()).or_insert_with(Node::object);
                for t in &apply.traits {
                    let id = match self.resolve_or_error(index, t.at, &t.id) {
                        Ok(id) => id,
                        Err(e) => {
                            errors.push(e);
                            continue;
                        }
                    };
                    let value = self.value(index, &t.value);
                    if let Err(e) = merge_trait(traits, &id, value) {
                        errors.push(self.error(index, t.at, format!("{target}: {e}")));
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// Metadata of every file: arrays under one key concatenate.
    fn metadata(&self) -> Node {
        let mut out = Node::object();
        for (index, file) in self.files.iter().enumerate() {
            for (key, value) in &file.metadata {
                let value = self.value(index, value);
                let merged = match (out.get(key), value) {
                    (Some(Node::Array(a)), Node::Array(b)) => {
                        Node::Array(a.iter().cloned().chain(b).collect())
                    }
                    (_, value) => value,
                };
                out.insert(key.clone(), merged);
            }
        }
        out
    }
}

/// Adds an applied trait's value to a shape's or member's traits, as Smithy merges a trait
/// applied twice: arrays concatenate, equal values are one, other values conflict.
fn merge_trait(traits: &mut Node, id: &str, value: Node) -> Result<(), String> {
    let merged = match (traits.get(id), value) {
        (None, value) => value,
        (Some(Node::Array(a)), Node::Array(b)) => Node::Array(a.iter().cloned().chain(b).collect()),
        (Some(existing), value) if *existing == value => value,
        (Some(_), _) => return Err(format!("{id} is applied twice, with different values")),
    };
    traits.insert(id, merged);
    Ok(())
}

/// Applied traits onto the shape or member they name, when the files define it; else as
/// an `apply` entry of the JSON AST, which [`Model`](crate::Model) applies (a member a
/// mixin brings, a shape of another model).
fn apply(shapes: &mut Node, target: &str, applied: Node) -> Result<(), String> {
    let (shape_id, member) = match target.split_once('$') {
        Some((shape, member)) => (shape, Some(member)),
        None => (target, None),
    };
    let owner = match (shapes.get_mut(shape_id), member) {
        (Some(shape), None) => Some(shape),
        (Some(shape), Some(member)) => {
            let in_members = shape.get("members").and_then(|m| m.get(member)).is_some();
            match member {
                _ if in_members => shape.get_mut("members").and_then(|m| m.get_mut(member)),
                "member" | "key" | "value" => shape.get_mut(member),
                _ => None,
            }
        }
        (None, _) => None,
    };
    let Some(owner) = owner else {
        let mut entry = Node::object();
        entry.insert("type", Node::String("apply".into()));
        entry.insert("traits", applied);
        shapes.insert(target, entry);
        return Ok(());
    };
    if owner.get("traits").is_none() {
        owner.insert("traits", Node::object());
    }
    let traits = owner.get_mut("traits").expect("just inserted");
    if let Node::Object(entries) = applied {
        for (id, value) in entries {
            merge_trait(traits, &id, value).map_err(|e| format!("{target}: {e}"))?;
        }
    }
    Ok(())
}

/// A shape converted, and the inline structures its operation declares.
struct Converted {
    shape: Node,
    inline: Vec<(String, Node)>,
}

/// The name of an operation's inline input or output: the operation's name and the file's
/// suffix (`Input`, `Output` unless `$operationInputSuffix` says otherwise).
fn inline_name(file: &File, operation: &Shape, property: &str) -> String {
    let suffix = match property {
        "input" => file.input_suffix.as_deref().unwrap_or("Input"),
        _ => file.output_suffix.as_deref().unwrap_or("Output"),
    };
    format!("{}{suffix}", operation.name)
}
