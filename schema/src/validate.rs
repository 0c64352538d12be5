//! The [`Validator`]: a [`Schema`] run on JSON documents, without compiling anything.
//!
//! A document is read as the importer's types would read it (the same defaults, enums that
//! keep unknown values, floats that may be `"NaN"`, blobs in base64, timestamps in their
//! formats), then every rule is checked in the order the derive checks it, by the same
//! runtime functions its expansion calls: what counts as a length, how a pattern matches,
//! how a value is echoed, how violations are grouped and ordered are the runtime's alone.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{Hash, Hasher};

use aws_constraints::__private::{self as runtime, Borrowed, LazyPattern, Members, MAX_DEPTH};
use aws_constraints::path::{Location, Sensitivity};
use aws_constraints::report::{Constraint, Number, ValueText};
use aws_constraints::rules::{EchoText, HasLength, Map, StructureEcho};
use aws_constraints::{Blob, Timestamp, ValidationErrors};
use serde::Deserialize;
use serde_json::Value as Json;

use crate::decide::{Decider, Roots};
use crate::intern;
use crate::model::{closest, Model};
use crate::profile::Profile;
use crate::shapes::{self, Default, Operation, Rule, Schema, TimestampFormat, Type, TypeKind};
use crate::ModelError;

/// Validates JSON documents as the inputs of a model's operations, as the types the
/// importer writes for them would, with the same violations in the same order and the same
/// renderings.
///
/// Building one decides every operation's input (an operation that cannot be decided is
/// kept with its reason); patterns compile on first use, once per validator.
///
/// ```
/// use aws_constraints_schema::{DocumentError, Validator};
///
/// let model = r#"{"smithy": "2.0", "shapes": {
///     "ex#TagResource": {"type": "operation", "input": {"target": "ex#Input"}},
///     "ex#Input": {"type": "structure", "members": {
///         "Tags": {"target": "ex#Tags", "traits": {"smithy.api#required": {}}}}},
///     "ex#Tags": {"type": "map", "key": {"target": "ex#Key"}, "value": {"target": "smithy.api#String"}},
///     "ex#Key": {"type": "string", "traits": {"smithy.api#pattern": "^(?!aws:)[a-z]+$"}}
/// }}"#;
/// let validator = Validator::from_json(model)?;
/// assert!(validator.validate_json("TagResource", br#"{"Tags": {"team": "x"}}"#).is_ok());
///
/// let Err(DocumentError::Invalid(errors)) =
///     validator.validate_json("TagResource", br#"{"Tags": {"aws:x": "y"}}"#)
/// else {
///     panic!("the key breaks the pattern");
/// };
/// assert_eq!(
///     errors.aws_message(),
///     "1 validation error detected: Value '{aws:x=y}' at 'tags' failed to satisfy \
///      constraint: Map keys must satisfy constraint: [Member must satisfy regular expression \
///      pattern: ^(?!aws:)[a-z]+$]"
/// );
/// # Ok::<(), aws_constraints_schema::ModelError>(())
/// ```
pub struct Validator {
    schema: Schema,
    /// Operations whose input could not be decided, with the reason.
    refused: BTreeMap<String, ModelError>,
    /// Each operation's index in the schema and its input's plan (`None`: no input).
    inputs: BTreeMap<String, (usize, Option<usize>)>,
    /// The named types' plans, which refer to each other by index.
    plans: Vec<TypePlan>,
    patterns: Vec<LazyPattern>,
    /// How the service departs from its model.
    profile: Profile,
}

impl fmt::Debug for Validator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Validator")
            .field("service", &self.schema.service)
            .field("operations", &self.schema.operations.len())
            .field("refused", &self.refused.len())
            .field("types", &self.schema.types.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// Why a document was not accepted.
#[derive(Debug)]
pub enum DocumentError {
    /// The model has no operation of that name.
    UnknownOperation {
        operation: String,
        /// The model's closest names.
        closest: Vec<String>,
    },
    /// The operation's input is one the importer refuses; why.
    Unsupported { operation: String, reason: String },
    /// The document is not JSON, or not what the input's types read.
    Malformed {
        /// Where, as a JSON pointer (`/Tags/0/Key`); empty for the whole document.
        at: String,
        /// What was wrong.
        message: String,
    },
    /// The document was read, and breaks the model's constraints.
    Invalid(ValidationErrors),
}

impl DocumentError {
    /// The violations, when the document was read and broke constraints.
    pub fn into_violations(self) -> Option<ValidationErrors> {
        match self {
            DocumentError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::UnknownOperation { operation, closest } => write!(
                f,
                "no operation {operation:?} in the model; closest: {}",
                closest.join(", ")
            ),
            DocumentError::Unsupported { operation, reason } => {
                write!(f, "{operation} cannot be validated: {reason}")
            }
            DocumentError::Malformed { at, message } if at.is_empty() => f.write_str(message),
            DocumentError::Malformed { at, message } => write!(f, "at {at}: {message}"),
            DocumentError::Invalid(errors) => fmt::Display::fmt(errors, f),
        }
    }
}

impl std::error::Error for DocumentError {}

impl Validator {
    /// A validator of every operation of a model given as text (a Smithy JSON AST or a
    /// botocore `service-2.json`), with the service's [`Profile`].
    pub fn from_json(text: &str) -> Result<Validator, ModelError> {
        Ok(Validator::new(&Model::from_json(text)?))
    }

    /// A validator of every operation of `model`, with the service's [`Profile`] (what the
    /// evidence shows the service doing where it departs from its model).
    pub fn new(model: &Model) -> Validator {
        Validator::with_profile(model, Profile::of(model.sdk_id()))
    }

    /// A validator of every operation of `model`, departing from it as `profile` says
    /// ([`Profile::as_modeled`]: not at all).
    pub fn with_profile(model: &Model, profile: Profile) -> Validator {
        let mut decider = Decider::new(model, profile);
        let mut operations = Vec::new();
        let mut refused = BTreeMap::new();
        for name in model.operation_names() {
            match decider.operation(&name, Roots::default()) {
                Ok(operation) => operations.push(operation),
                Err(reason) => {
                    refused.insert(name, reason);
                }
            }
        }
        let schema = decider.into_schema(operations);
        let mut planner = Planner {
            index: schema.types.keys().cloned().zip(0..).collect(),
            ..Planner::default()
        };
        let plans = schema
            .types
            .iter()
            .map(|(name, named)| planner.type_plan(name, &named.kind))
            .collect();
        let inputs = schema
            .operations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let input = o
                    .input
                    .as_ref()
                    .and_then(|name| planner.index.get(name).copied());
                (o.name.clone(), (i, input))
            })
            .collect();
        Validator {
            schema,
            refused,
            inputs,
            plans,
            patterns: planner.patterns,
            profile,
        }
    }

    /// How the service departs from its model ([`Profile`]): what the messages print.
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The service and its API version, when the model says.
    pub fn service(&self) -> Option<&str> {
        self.schema.service.as_deref()
    }

    /// The decided schema: every operation's input and the types it reaches.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Every operation, sorted, with why it cannot be validated (`Some`) or not (`None`).
    pub fn operations(&self) -> Vec<(&str, Option<&ModelError>)> {
        let mut all: Vec<(&str, Option<&ModelError>)> = self
            .schema
            .operations
            .iter()
            .map(|o| (o.name.as_str(), None))
            .chain(
                self.refused
                    .iter()
                    .map(|(name, why)| (name.as_str(), Some(why))),
            )
            .collect();
        all.sort_by_key(|(name, _)| *name);
        all
    }

    /// Reads `json` (bytes of a JSON document) as the input of `operation` and validates it.
    pub fn validate_json(&self, operation: &str, json: &[u8]) -> Result<(), DocumentError> {
        let document: Json =
            serde_json::from_slice(json).map_err(|e| DocumentError::Malformed {
                at: String::new(),
                message: format!("the document is not JSON: {e}"),
            })?;
        self.validate(operation, &document)
    }

    /// The operation called `name`, or why it cannot be validated: the model has no such
    /// operation (with the closest names), or its input is one the importer refuses.
    pub fn operation(&self, name: &str) -> Result<&Operation, DocumentError> {
        if let Some(&(index, _)) = self.inputs.get(name) {
            return Ok(&self.schema.operations[index]);
        }
        if let Some(reason) = self.refused.get(name) {
            return Err(DocumentError::Unsupported {
                operation: name.to_owned(),
                reason: reason.to_string(),
            });
        }
        let names = self.operations().into_iter().map(|(name, _)| name);
        Err(DocumentError::UnknownOperation {
            operation: name.to_owned(),
            closest: closest(names, name),
        })
    }

    /// Reads `document` as the input of `operation` and validates it.
    pub fn validate(&self, operation: &str, document: &Json) -> Result<(), DocumentError> {
        let input = match self.inputs.get(operation) {
            Some(&(_, input)) => input,
            None => return self.operation(operation).map(drop),
        };
        // No input: any document will do, as a service ignores what it does not read.
        let Some(input) = input else {
            return Ok(());
        };
        let ty = Ty::Named {
            name: input,
            boxed: false,
        };
        let value = Reader { validator: self }.read(document, &ty, true, &Location::root())?;
        let mut errors = ValidationErrors::new();
        self.validate_nested(&value, &ty, &Location::root(), &mut errors);
        errors.into_result().map_err(DocumentError::Invalid)
    }
}

// ---------------------------------------------------------------------------------------
// Plans: a schema's rules with what the runtime takes (bounds as numbers, text interned,
// patterns ready to compile, the constraints a group lists) worked out once.

/// A member's type, with named types as indices into the validator's plans.
type Ty = Type<usize>;

/// A named type's rules.
enum TypePlan {
    Structure(CompositePlan),
    Union(CompositePlan),
    Enum {
        listed: &'static [&'static str],
        internal: &'static [&'static str],
        constraints: [Constraint; 1],
    },
    IntEnum {
        values: Vec<i64>,
        listed: &'static [&'static str],
        constraints: [Constraint; 1],
    },
}

struct CompositePlan {
    /// The type's Rust name, for messages.
    name: String,
    /// `@sensitive` on the shape.
    sensitive: bool,
    /// Whether it nests values, and so may be deep enough to need the depth limit.
    guarded: bool,
    members: Vec<MemberPlan>,
}

struct MemberPlan {
    /// Its name on the wire (a union's key).
    wire: &'static str,
    /// What AWS's messages write before its path (the schema's `aws_path_prefix`).
    aws_path_prefix: Option<&'static str>,
    ty: Ty,
    sensitive: bool,
    /// Which parts of a collection are sensitive, where the member is not as a whole.
    parts: Option<Sensitivity>,
    /// The model's default, where it applies: the member is then never missing.
    default: Option<Default>,
    timestamp_format: Option<TimestampFormat>,
    passes: Vec<Pass>,
}

/// One pass over a member: a rule, or a map's keys and values checked together.
enum Pass {
    Required,
    Nested,
    Unique,
    Check(Check),
    Entries(Option<Side>, Option<Side>),
}

/// A rule of a value (a member, an item, a key, a map value).
enum Check {
    Length {
        min: Option<u64>,
        max: Option<u64>,
    },
    /// An index into the validator's patterns.
    Pattern(usize),
    Range {
        min: Option<Number>,
        max: Option<Number>,
    },
    OneOf {
        listed: &'static [&'static str],
        internal: &'static [&'static str],
    },
    /// `None`: the items' rules check nothing (they only say what is sensitive).
    Each(Option<Side>),
    Keys(Option<Side>),
    Values(Option<Side>),
    /// Says what is sensitive, which the location carries.
    Nothing,
}

/// The rules of a collection's items, keys or values, and the constraints their group lists.
struct Side {
    checks: Vec<Check>,
    constraints: Vec<Constraint>,
}

#[derive(Default)]
struct Planner {
    /// Each named type's index, by Rust name.
    index: BTreeMap<String, usize>,
    patterns: Vec<LazyPattern>,
    /// Pattern (source, backtracking) → its index.
    pattern_index: HashMap<(String, bool), usize>,
}

impl Planner {
    fn type_plan(&mut self, name: &str, kind: &TypeKind) -> TypePlan {
        match kind {
            TypeKind::Structure(composite) => TypePlan::Structure(self.composite(name, composite)),
            TypeKind::Union(composite) => TypePlan::Union(self.composite(name, composite)),
            TypeKind::StringEnum(values) => {
                let of = |internal: bool| -> Vec<String> {
                    values
                        .iter()
                        .filter(|v| v.internal == internal)
                        .map(|v| v.value.clone())
                        .collect()
                };
                let listed = intern::strs(&of(false));
                TypePlan::Enum {
                    listed,
                    internal: intern::strs(&of(true)),
                    constraints: [Constraint::OneOf(listed)],
                }
            }
            TypeKind::IntEnum(values) => {
                let texts: Vec<String> = values.iter().map(|v| v.value.to_string()).collect();
                let listed = intern::strs(&texts);
                TypePlan::IntEnum {
                    values: values.iter().map(|v| v.value).collect(),
                    listed,
                    constraints: [Constraint::OneOf(listed)],
                }
            }
        }
    }

    fn composite(&mut self, name: &str, composite: &shapes::Composite) -> CompositePlan {
        CompositePlan {
            name: name.to_owned(),
            sensitive: composite.sensitive,
            guarded: composite
                .members
                .iter()
                .any(|m| m.rules.contains(&Rule::Nested)),
            members: composite
                .members
                .iter()
                .map(|m| self.member_plan(m))
                .collect(),
        }
    }

    /// A type with its named types by index. The decider inserts every type it names; a
    /// name it did not would be its fault, read as a value that nothing checks.
    fn ty(&self, ty: &Type) -> Ty {
        ty.map_names(&|name| self.index.get(name).copied())
    }

    fn member_plan(&mut self, member: &shapes::Member) -> MemberPlan {
        let sensitive = member.rules.contains(&Rule::Sensitive);
        let mut passes = Vec::new();
        let mut rules = member.rules.iter().peekable();
        // A map's keys and values, next to each other, are checked in one pass, as the
        // derive checks them.
        while let Some(rule) = rules.next() {
            passes.push(match rule {
                Rule::Required => Pass::Required,
                Rule::Nested => Pass::Nested,
                Rule::Unique => Pass::Unique,
                Rule::Keys(keys) => match rules.peek() {
                    Some(Rule::Values(values)) => {
                        let values = self.side(values);
                        rules.next();
                        Pass::Entries(self.side(keys), values)
                    }
                    _ => Pass::Entries(self.side(keys), None),
                },
                Rule::Values(values) => Pass::Entries(None, self.side(values)),
                other => Pass::Check(self.check(other)),
            });
        }
        MemberPlan {
            wire: intern::str(&member.wire),
            aws_path_prefix: member.aws_path_prefix.as_deref().map(intern::str),
            ty: self.ty(&member.ty),
            sensitive,
            parts: parts_sensitivity(&member.rules),
            default: member.default.clone(),
            timestamp_format: member.timestamp_format,
            passes,
        }
    }

    fn check(&mut self, rule: &Rule) -> Check {
        match rule {
            Rule::Length { min, max } => Check::Length {
                min: *min,
                max: *max,
            },
            Rule::Pattern {
                source,
                backtracking,
            } => Check::Pattern(self.pattern(source, *backtracking)),
            Rule::Range { min, max } => Check::Range {
                min: min.as_ref().map(number),
                max: max.as_ref().map(number),
            },
            Rule::OneOf { listed, internal } => Check::OneOf {
                listed: intern::strs(listed),
                internal: intern::strs(internal),
            },
            Rule::Each(rules) => Check::Each(self.side(rules)),
            Rule::Keys(rules) => Check::Keys(self.side(rules)),
            Rule::Values(rules) => Check::Values(self.side(rules)),
            // Only a member's rules; the schema never puts them on an item.
            Rule::Sensitive | Rule::Required | Rule::Unique | Rule::Nested => Check::Nothing,
        }
    }

    /// The rules of a collection's part; `None` when they check nothing.
    fn side(&mut self, rules: &[Rule]) -> Option<Side> {
        if !checks_anything(rules) {
            return None;
        }
        let checks = rules.iter().map(|rule| self.check(rule)).collect();
        let constraints = rules.iter().filter_map(constraint).collect();
        Some(Side {
            checks,
            constraints,
        })
    }

    fn pattern(&mut self, source: &str, backtracking: bool) -> usize {
        let key = (source.to_owned(), backtracking);
        if let Some(&index) = self.pattern_index.get(&key) {
            return index;
        }
        let source = intern::str(source);
        self.patterns.push(if backtracking {
            LazyPattern::with_backtracking(source)
        } else {
            LazyPattern::new(source)
        });
        let index = self.patterns.len() - 1;
        self.pattern_index.insert(key, index);
        index
    }
}

/// A rule as the constraint a group lists; a nested collection's rules are its own
/// group's.
fn constraint(rule: &Rule) -> Option<Constraint> {
    Some(match rule {
        Rule::Length { min, max } => Constraint::Length {
            min: *min,
            max: *max,
        },
        Rule::Pattern { source, .. } => Constraint::Pattern(intern::str(source)),
        Rule::Range { min, max } => Constraint::Range {
            min: min.as_ref().map(number),
            max: max.as_ref().map(number),
        },
        Rule::OneOf { listed, .. } => Constraint::OneOf(intern::strs(listed)),
        _ => return None,
    })
}

/// A model's bound as the derive reads the importer's literal: an integer exactly, anything
/// else as a double.
fn number(n: &serde_json::Number) -> Number {
    match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => Number::Int(i.into()),
        (None, Some(u)) => Number::Int(u.into()),
        _ => Number::Float(n.as_f64().unwrap_or(f64::NAN)),
    }
}

/// Whether `rules` check anything (`sensitive` alone, at any depth, checks nothing).
fn checks_anything(rules: &[Rule]) -> bool {
    rules.iter().any(|rule| match rule {
        Rule::Sensitive => false,
        Rule::Each(inner) | Rule::Keys(inner) | Rule::Values(inner) => checks_anything(inner),
        _ => true,
    })
}

/// The sensitivity of a value that follows `rules` (an item, a key, a map value); `None`
/// when nothing of it is sensitive.
fn value_sensitivity(rules: &[Rule]) -> Option<Sensitivity> {
    if rules.contains(&Rule::Sensitive) {
        return Some(Sensitivity::Whole);
    }
    parts_sensitivity(rules)
}

/// The sensitivity of a collection whose parts follow the `each`, `keys` and `values` among
/// `rules`; `None` when no part is sensitive.
fn parts_sensitivity(rules: &[Rule]) -> Option<Sensitivity> {
    let part = |wanted: fn(&Rule) -> Option<&Vec<Rule>>| {
        rules
            .iter()
            .find_map(wanted)
            .and_then(|rules| value_sensitivity(rules))
    };
    if let Some(item) = part(|r| match r {
        Rule::Each(rules) => Some(rules),
        _ => None,
    }) {
        return Some(Sensitivity::Items(intern::sensitivity(item)));
    }
    let keys = part(|r| match r {
        Rule::Keys(rules) => Some(rules),
        _ => None,
    })
    .is_some();
    let values = part(|r| match r {
        Rule::Values(rules) => Some(rules),
        _ => None,
    });
    if !keys && values.is_none() {
        return None;
    }
    Some(Sensitivity::Entries {
        keys,
        values: intern::sensitivity(values.unwrap_or(Sensitivity::Nothing)),
    })
}

// ---------------------------------------------------------------------------------------
// Values: a document as the importer's types hold it.

/// A value of a member's type.
#[derive(Clone, Debug)]
enum Value<'a> {
    String(&'a str),
    Boolean(bool),
    Byte(i8),
    Short(i16),
    Integer(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    Blob(Blob),
    Timestamp(Timestamp),
    Document(&'a Json),
    /// A string enum's value, listed or not.
    Enum(&'a str),
    IntEnum(i32),
    /// `None` only in a sparse list.
    List(Vec<Option<Value<'a>>>),
    Map(Entries<'a>),
    /// Every member, in the model's order; `None` where absent.
    Structure(Vec<Option<Value<'a>>>),
    /// The member set, and its value.
    Union(usize, Box<Value<'a>>),
}

/// A map's entries (`None` only in a sparse map), ordered as the runtime reports a map
/// whose own order is unspecified.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Entries<'a>(BTreeMap<&'a str, Option<Value<'a>>>);

/// Equality as the derived `PartialEq` of the importer's types has it, for `@uniqueItems`
/// (which the importer allows on lists of neither floats nor documents).
impl PartialEq for Value<'_> {
    fn eq(&self, other: &Self) -> bool {
        use Value::*;
        match (self, other) {
            (String(a), String(b)) | (Enum(a), Enum(b)) => a == b,
            (Boolean(a), Boolean(b)) => a == b,
            (Byte(a), Byte(b)) => a == b,
            (Short(a), Short(b)) => a == b,
            (Integer(a), Integer(b)) | (IntEnum(a), IntEnum(b)) => a == b,
            (Long(a), Long(b)) => a == b,
            (Float(a), Float(b)) => a == b,
            (Double(a), Double(b)) => a == b,
            (Blob(a), Blob(b)) => a == b,
            (Timestamp(a), Timestamp(b)) => a == b,
            (Document(a), Document(b)) => a == b,
            (List(a), List(b)) | (Structure(a), Structure(b)) => a == b,
            (Map(a), Map(b)) => a == b,
            (Union(i, a), Union(j, b)) => i == j && a == b,
            _ => false,
        }
    }
}

impl Eq for Value<'_> {}

impl Hash for Value<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Value::String(s) | Value::Enum(s) => s.hash(state),
            Value::Boolean(b) => b.hash(state),
            Value::Byte(n) => n.hash(state),
            Value::Short(n) => n.hash(state),
            Value::Integer(n) | Value::IntEnum(n) => n.hash(state),
            Value::Long(n) => n.hash(state),
            // Equal floats hash alike but for zeros' signs: a rare extra comparison.
            Value::Float(x) => (*x + 0.0).to_bits().hash(state),
            Value::Double(x) => (*x + 0.0).to_bits().hash(state),
            Value::Blob(b) => b.hash(state),
            Value::Timestamp(t) => t.hash(state),
            Value::Document(d) => d.to_string().hash(state),
            Value::List(items) | Value::Structure(items) => items.hash(state),
            Value::Map(entries) => entries.hash(state),
            Value::Union(i, v) => {
                i.hash(state);
                v.hash(state);
            }
        }
    }
}

impl HasLength for Entries<'_> {
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        self.0.check_length(min, max)
    }

    fn empty_echo(&self) -> Option<&'static str> {
        self.0.empty_echo()
    }
}

impl<'a> Map for Entries<'a> {
    type Value = Option<Value<'a>>;
    /// As a `HashMap`, which the importer's types hold maps in.
    const UNORDERED: bool = true;

    fn for_each_entry<'m>(&'m self, mut f: impl FnMut(&'m str, &'m Option<Value<'a>>)) {
        self.0.iter().for_each(|(k, v)| f(k, v));
    }
}

/// An enum's value, echoed as the enum macros echo it (their `EchoText` has no rule of its
/// own for sensitive parts).
struct EnumEcho<'a>(&'a str);

impl EchoText for EnumEcho<'_> {
    fn write_echo(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

/// The echo of a value whose type echoes (see [`Type::echoes`]), by the runtime's `EchoText`
/// of the Rust type that holds it.
impl EchoText for Value<'_> {
    fn write_echo(&self, out: &mut String) {
        self.write_echo_hiding(Sensitivity::Nothing, out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        match self {
            Value::String(s) => s.write_echo_hiding(sensitivity, out),
            Value::Boolean(b) => b.write_echo_hiding(sensitivity, out),
            Value::Byte(n) => n.write_echo_hiding(sensitivity, out),
            Value::Short(n) => n.write_echo_hiding(sensitivity, out),
            Value::Integer(n) => n.write_echo_hiding(sensitivity, out),
            Value::Long(n) => n.write_echo_hiding(sensitivity, out),
            Value::Float(x) => x.write_echo_hiding(sensitivity, out),
            Value::Double(x) => x.write_echo_hiding(sensitivity, out),
            Value::Blob(b) => b.write_echo_hiding(sensitivity, out),
            Value::Enum(s) => EnumEcho(s).write_echo_hiding(sensitivity, out),
            Value::IntEnum(n) => EnumEcho(&n.to_string()).write_echo_hiding(sensitivity, out),
            Value::List(items) => items.write_echo_hiding(sensitivity, out),
            Value::Map(entries) => entries.0.write_echo_hiding(sensitivity, out),
            // Never echoed: their types are not `EchoText`.
            Value::Timestamp(_) | Value::Document(_) | Value::Structure(_) | Value::Union(..) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reading a document.

/// The document is not what the input's types read, at `at`: the location's JSON pointer
/// (the runtime's, built only for the error).
fn malformed(at: &Location<'_>, message: impl Into<String>) -> DocumentError {
    DocumentError::Malformed {
        at: at.to_path().json_pointer(),
        message: message.into(),
    }
}

/// What a JSON value is, for messages (`a number`, `null`).
///
/// ```
/// assert_eq!(aws_constraints_schema::json_kind(&serde_json::json!([1])), "an array");
/// ```
pub fn json_kind(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

struct Reader<'v> {
    validator: &'v Validator,
}

impl<'v> Reader<'v> {
    /// A value of `ty`; `member` says whether it is a structure's or union's member or an
    /// item of a collection.
    fn read(
        &self,
        json: &'v Json,
        ty: &'v Ty,
        member: bool,
        at: &Location<'_>,
    ) -> Result<Value<'v>, DocumentError> {
        if at.depth() > MAX_DEPTH {
            return Err(malformed(
                at,
                format!("nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        let expected =
            |what: &str| malformed(at, format!("expected {what}, found {}", json_kind(json)));
        // The runtime's own readers, so that what is accepted is what the types accept.
        let by_serde = |result: Result<Value<'v>, serde_json::Error>| {
            result.map_err(|e| malformed(at, e.to_string()))
        };
        Ok(match ty {
            Ty::String => match json {
                Json::String(s) => Value::String(s),
                _ => return Err(expected("a string")),
            },
            Ty::Boolean => match json {
                Json::Bool(b) => Value::Boolean(*b),
                _ => return Err(expected("a boolean")),
            },
            Ty::Byte => by_serde(i8::deserialize(json).map(Value::Byte))?,
            Ty::Short => by_serde(i16::deserialize(json).map(Value::Short))?,
            Ty::Integer => by_serde(i32::deserialize(json).map(Value::Integer))?,
            Ty::Long => by_serde(i64::deserialize(json).map(Value::Long))?,
            // A member's float may be `"NaN"` or an infinity, as Smithy's JSON protocols write
            // them; the importer's collections hold plain floats, read as numbers only.
            Ty::Float if member => {
                by_serde(aws_constraints::float::deserialize(json).map(Value::Float))?
            }
            Ty::Double if member => {
                by_serde(aws_constraints::float::deserialize(json).map(Value::Double))?
            }
            Ty::Float => by_serde(f32::deserialize(json).map(Value::Float))?,
            Ty::Double => by_serde(f64::deserialize(json).map(Value::Double))?,
            Ty::Blob => by_serde(Blob::deserialize(json).map(Value::Blob))?,
            Ty::Timestamp => by_serde(Timestamp::deserialize(json).map(Value::Timestamp))?,
            Ty::Document => Value::Document(json),
            Ty::Named { name: index, .. } => return self.read_named(json, *index, at),
            Ty::List { item, sparse } => {
                let Json::Array(items) = json else {
                    return Err(expected("an array"));
                };
                let mut out = Vec::with_capacity(items.len());
                for (index, json) in items.iter().enumerate() {
                    out.push(self.read_optional(json, item, *sparse, &at.index(index))?);
                }
                Value::List(out)
            }
            Ty::Map { value, sparse } => {
                let Json::Object(entries) = json else {
                    return Err(expected("an object"));
                };
                let mut out = BTreeMap::new();
                for (key, json) in entries {
                    let read = self.read_optional(json, value, *sparse, &at.map_value(key))?;
                    out.insert(key.as_str(), read);
                }
                Value::Map(Entries(out))
            }
        })
    }

    /// An item of a list or a map's value: `null` only where the collection is sparse.
    fn read_optional(
        &self,
        json: &'v Json,
        ty: &'v Ty,
        sparse: bool,
        at: &Location<'_>,
    ) -> Result<Option<Value<'v>>, DocumentError> {
        match json {
            Json::Null if sparse => Ok(None),
            Json::Null => Err(malformed(
                at,
                "expected a value, found null (the collection is not sparse)",
            )),
            json => self.read(json, ty, false, at).map(Some),
        }
    }

    /// A member's value with its timestamp format, where it has one.
    fn read_member(
        &self,
        json: &'v Json,
        member: &'v MemberPlan,
        at: &Location<'_>,
    ) -> Result<Value<'v>, DocumentError> {
        // The runtime's own readers of each format, as the importer's types use them.
        let read = match (&member.ty, member.timestamp_format) {
            (Ty::List { .. }, Some(TimestampFormat::DateTime)) => {
                aws_constraints::timestamp::list::date_time::deserialize(json).map(timestamps)
            }
            (Ty::List { .. }, Some(TimestampFormat::HttpDate)) => {
                aws_constraints::timestamp::list::http_date::deserialize(json).map(timestamps)
            }
            (_, Some(TimestampFormat::DateTime)) => {
                aws_constraints::timestamp::date_time::deserialize(json).map(Value::Timestamp)
            }
            (_, Some(TimestampFormat::HttpDate)) => {
                aws_constraints::timestamp::http_date::deserialize(json).map(Value::Timestamp)
            }
            (_, Some(TimestampFormat::EpochSeconds) | None) => {
                return self.read(json, &member.ty, true, at)
            }
        };
        read.map_err(|e| malformed(at, e.to_string()))
    }

    fn read_named(
        &self,
        json: &'v Json,
        index: usize,
        at: &Location<'_>,
    ) -> Result<Value<'v>, DocumentError> {
        let expected =
            |what: &str| malformed(at, format!("expected {what}, found {}", json_kind(json)));
        match &self.validator.plans[index] {
            TypePlan::Enum { .. } => match json {
                Json::String(s) => Ok(Value::Enum(s)),
                _ => Err(expected("a string")),
            },
            TypePlan::IntEnum { .. } => i32::deserialize(json)
                .map(Value::IntEnum)
                .map_err(|e| malformed(at, e.to_string())),
            TypePlan::Structure(plan) => {
                let Json::Object(object) = json else {
                    return Err(expected(&format!("an object (structure {})", plan.name)));
                };
                let mut members = Vec::with_capacity(plan.members.len());
                for member in &plan.members {
                    let value = match object.get(member.wire) {
                        None | Some(Json::Null) => member
                            .default
                            .as_ref()
                            .map(|default| default_value(default, &member.ty)),
                        Some(json) => {
                            Some(self.read_member(json, member, &at.member(member.wire, false))?)
                        }
                    };
                    members.push(value);
                }
                Ok(Value::Structure(members))
            }
            TypePlan::Union(plan) => {
                let name = &plan.name;
                let Json::Object(object) = json else {
                    return Err(expected(&format!("an object (union {name})")));
                };
                let mut set = object.iter();
                let (Some((key, json)), None) = (set.next(), set.next()) else {
                    return Err(malformed(
                        at,
                        format!(
                            "a union ({name}) has exactly one member set, found {}",
                            object.len()
                        ),
                    ));
                };
                let Some(index) = plan.members.iter().position(|m| m.wire == key) else {
                    let names: Vec<&str> = plan.members.iter().map(|m| m.wire).collect();
                    return Err(malformed(
                        at,
                        format!(
                            "{key:?} is not a member of the union {name} (its members: {})",
                            names.join(", ")
                        ),
                    ));
                };
                let member = &plan.members[index];
                let member_at = at.member(member.wire, false);
                let value = match json {
                    Json::Null if member.ty != Ty::Document => {
                        return Err(malformed(
                            &member_at,
                            "expected a value, found null (a union's member is set)",
                        ))
                    }
                    json => self.read_member(json, member, &member_at)?,
                };
                Ok(Value::Union(index, Box::new(value)))
            }
        }
    }
}

/// A list of timestamps as a list value.
fn timestamps<'a>(list: Vec<Timestamp>) -> Value<'a> {
    Value::List(
        list.into_iter()
            .map(|t| Some(Value::Timestamp(t)))
            .collect(),
    )
}

/// A member's `@default` as a value of its type.
fn default_value<'a>(default: &'a Default, ty: &Ty) -> Value<'a> {
    match (default, ty) {
        (Default::Zero, ty) => zero(ty),
        (Default::Enum(value), _) => Value::Enum(value),
        // The importer's types hold integer enums as `i32`.
        (Default::IntEnum(value), _) => Value::IntEnum(*value as i32),
        (Default::String(value), _) => Value::String(value),
        (Default::True, _) => Value::Boolean(true),
        (Default::Integer(n), Ty::Byte) => Value::Byte(*n as i8),
        (Default::Integer(n), Ty::Short) => Value::Short(*n as i16),
        (Default::Integer(n), Ty::Integer) => Value::Integer(*n as i32),
        (Default::Integer(n), _) => Value::Long(*n),
        (Default::Float(x), Ty::Float) => Value::Float(*x as f32),
        (Default::Float(x), _) => Value::Double(*x),
        (Default::Timestamp { seconds, nanos }, _) => {
            Value::Timestamp(aws_constraints::defaults::timestamp(*seconds, *nanos))
        }
        (Default::Document(json), _) => Value::Document(json),
        (Default::Blob(bytes), _) => Value::Blob(Blob::from(bytes.clone())),
    }
}

/// A type's `Default`, which a zero default is.
fn zero(ty: &Ty) -> Value<'static> {
    match ty {
        Ty::Boolean => Value::Boolean(false),
        Ty::Byte => Value::Byte(0),
        Ty::Short => Value::Short(0),
        Ty::Integer => Value::Integer(0),
        Ty::Long => Value::Long(0),
        Ty::Float => Value::Float(0.0),
        Ty::Double => Value::Double(0.0),
        Ty::Blob => Value::Blob(Blob::default()),
        Ty::List { .. } => Value::List(Vec::new()),
        Ty::Map { .. } => Value::Map(Entries(BTreeMap::new())),
        _ => Value::String(""),
    }
}

// ---------------------------------------------------------------------------------------
// Validating a value, as the derive's expansion and the runtime's `Validate` impls do.

/// What a rule is applied to.
#[derive(Clone, Copy)]
enum Subject<'v> {
    /// A map's key.
    Key(&'v str),
    Value(&'v Value<'v>),
}

impl Validator {
    /// `Validate::validate_at` of the type that holds `value`.
    fn validate_nested(
        &self,
        value: &Value,
        ty: &Ty,
        at: &Location<'_>,
        errors: &mut ValidationErrors,
    ) {
        match (ty, value) {
            (Ty::Named { name: index, .. }, value) => {
                self.validate_named(*index, value, at, errors)
            }
            (Ty::List { item, .. }, Value::List(items)) => {
                runtime::validate_items(items, at, errors, self.members(item));
            }
            (Ty::Map { value, .. }, Value::Map(entries)) => {
                runtime::validate_entries(entries, at, errors, self.members(value));
            }
            _ => {}
        }
    }

    /// What `Validate` says of a collection's members of type `ty`.
    // The type is the runtime's protocol: constraints, an echo writer and a validator.
    #[allow(clippy::type_complexity)]
    fn members<'s>(
        &'s self,
        ty: &'s Ty,
    ) -> Members<
        Borrowed<'s>,
        impl Fn(&Option<Value>, &mut String) + 's,
        impl Fn(&Option<Value>, &Location<'_>, &mut ValidationErrors) + 's,
    > {
        let constraints: &[Constraint] = match ty {
            Ty::Named { name: index, .. } => match &self.plans[*index] {
                TypePlan::Enum { constraints, .. } | TypePlan::IntEnum { constraints, .. } => {
                    constraints
                }
                _ => &[],
            },
            _ => &[],
        };
        Members {
            constraints: Borrowed(constraints),
            // An absent member of a sparse collection is echoed as Java writes it.
            write_echo: |member: &Option<Value>, out: &mut String| match member {
                Some(value) => value.write_echo(out),
                None => out.push_str("null"),
            },
            validate: move |member: &Option<Value>,
                            at: &Location<'_>,
                            errors: &mut ValidationErrors| {
                if let Some(value) = member {
                    self.validate_nested(value, ty, at, errors);
                }
            },
        }
    }

    fn validate_named(
        &self,
        index: usize,
        value: &Value,
        at: &Location<'_>,
        errors: &mut ValidationErrors,
    ) {
        match (&self.plans[index], value) {
            (TypePlan::Structure(plan) | TypePlan::Union(plan), value) => {
                if plan.guarded && at.depth() > MAX_DEPTH {
                    runtime::too_deep(at, errors);
                    return;
                }
                // A sensitive type redacts everything below wherever it is used.
                let sensitive_at = at.with_sensitivity(true);
                let at = if plan.sensitive { &sensitive_at } else { at };
                let members = &plan.members;
                match value {
                    Value::Structure(values) => {
                        for (member, value) in members.iter().zip(values) {
                            self.check_member(member, value.as_ref(), at, errors);
                        }
                    }
                    Value::Union(index, value) => {
                        if let Some(member) = members.get(*index) {
                            self.check_member(member, Some(value), at, errors);
                        }
                    }
                    _ => {}
                }
            }
            // A value the enum does not list, as the enum macros report it.
            (
                TypePlan::Enum {
                    listed, internal, ..
                },
                Value::Enum(text),
            ) if !listed.contains(text) && !internal.contains(text) => {
                runtime::one_of(*text, listed, &[], || *at, errors);
            }
            (TypePlan::IntEnum { values, listed, .. }, Value::IntEnum(n))
                if !values.contains(&i64::from(*n)) =>
            {
                runtime::one_of(n.to_string().as_str(), listed, &[], || *at, errors);
            }
            _ => {}
        }
    }

    /// A member's rules, as the derive's `member_checks` writes them.
    fn check_member(
        &self,
        member: &MemberPlan,
        value: Option<&Value>,
        at: &Location<'_>,
        errors: &mut ValidationErrors,
    ) {
        let member_at = || {
            let location = match member.aws_path_prefix {
                Some(prefix) => at.prefixed_member(prefix, member.wire, member.sensitive),
                None => at.member(member.wire, member.sensitive),
            };
            match member.parts {
                Some(parts) if !member.sensitive => location.with_sensitive_parts(parts),
                _ => location,
            }
        };
        for pass in &member.passes {
            let value = match (pass, value) {
                (Pass::Required, _) if member.default.is_some() => continue,
                (Pass::Required, value) => {
                    runtime::required(&value, member_at, errors);
                    continue;
                }
                (_, Some(value)) => value,
                // Everything else applies to a present value only, as on an `Option`.
                (_, None) => continue,
            };
            match pass {
                Pass::Required => {} // checked above
                Pass::Nested => self.validate_nested(value, &member.ty, &member_at(), errors),
                Pass::Unique => {
                    if let Value::List(items) = value {
                        runtime::unique(items, member_at, errors);
                    }
                }
                Pass::Check(check) => {
                    self.check(check, Subject::Value(value), &member.ty, &member_at, errors)
                }
                Pass::Entries(keys, values) => self.entries(
                    keys.as_ref(),
                    values.as_ref(),
                    value,
                    &member.ty,
                    &member_at(),
                    errors,
                ),
            }
        }
    }

    /// One rule of a value of type `ty`, as the derive's `value_rule` writes it.
    fn check<'a>(
        &self,
        check: &Check,
        subject: Subject<'_>,
        ty: &Ty,
        at: &dyn Fn() -> Location<'a>,
        errors: &mut ValidationErrors,
    ) {
        let echo = |sensitivity| self.echo(subject, ty, sensitivity);
        let text = match subject {
            Subject::Key(key) => Some(key),
            Subject::Value(Value::String(s)) => Some(*s),
            Subject::Value(_) => None,
        };
        match check {
            Check::Length { min, max } => match subject {
                Subject::Key(key) => runtime::len(key, *min, *max, at, echo, errors),
                Subject::Value(Value::String(s)) => runtime::len(*s, *min, *max, at, echo, errors),
                Subject::Value(Value::List(items)) => {
                    runtime::len(items, *min, *max, at, echo, errors)
                }
                Subject::Value(Value::Map(entries)) => {
                    runtime::len(entries, *min, *max, at, echo, errors)
                }
                Subject::Value(Value::Blob(blob)) => {
                    runtime::len(blob, *min, *max, at, echo, errors)
                }
                _ => {}
            },
            Check::Pattern(index) => {
                if let Some(text) = text {
                    let pattern = &self.patterns[*index];
                    runtime::pattern(text, pattern, pattern.shortcut(), at, errors);
                }
            }
            Check::Range { min, max } => {
                let (min, max) = (*min, *max);
                match subject {
                    Subject::Value(Value::Byte(n)) => runtime::range(n, min, max, at, errors),
                    Subject::Value(Value::Short(n)) => runtime::range(n, min, max, at, errors),
                    Subject::Value(Value::Integer(n)) => runtime::range(n, min, max, at, errors),
                    Subject::Value(Value::Long(n)) => runtime::range(n, min, max, at, errors),
                    Subject::Value(Value::Float(x)) => runtime::range(x, min, max, at, errors),
                    Subject::Value(Value::Double(x)) => runtime::range(x, min, max, at, errors),
                    _ => {}
                }
            }
            Check::OneOf { listed, internal } => {
                if let Some(text) = text {
                    runtime::one_of(text, listed, internal, at, errors);
                }
            }
            Check::Each(side) => {
                if let (Some(side), Subject::Value(Value::List(items)), Ty::List { item, .. }) =
                    (side, subject, ty)
                {
                    let check = |member: &Option<Value>,
                                 index: usize,
                                 list_at: &Location<'_>,
                                 errors: &mut ValidationErrors| {
                        if let Some(member) = member {
                            let item_at = || list_at.index(index);
                            for check in &side.checks {
                                self.check(check, Subject::Value(member), item, &item_at, errors);
                            }
                        }
                    };
                    let constraints = Borrowed(&side.constraints);
                    runtime::each(items, &at(), echo, errors, (constraints, check));
                }
            }
            Check::Keys(side) => {
                if let Subject::Value(value) = subject {
                    self.entries(side.as_ref(), None, value, ty, &at(), errors);
                }
            }
            Check::Values(side) => {
                if let Subject::Value(value) = subject {
                    self.entries(None, side.as_ref(), value, ty, &at(), errors);
                }
            }
            Check::Nothing => {}
        }
    }

    /// A map's keys and values checked in one pass, as the runtime's `entries` does.
    fn entries(
        &self,
        keys: Option<&Side>,
        values: Option<&Side>,
        value: &Value,
        ty: &Ty,
        map_at: &Location<'_>,
        errors: &mut ValidationErrors,
    ) {
        let (
            Value::Map(entries),
            Ty::Map {
                value: value_ty, ..
            },
        ) = (value, ty)
        else {
            return;
        };
        if keys.is_none() && values.is_none() {
            return;
        }
        let none: &[Check] = &[];
        let key_checks = keys.map_or(none, |side| &side.checks);
        let value_checks = values.map_or(none, |side| &side.checks);
        let check_key = |key: &str, map_at: &Location<'_>, errors: &mut ValidationErrors| {
            let key_at = || map_at.map_key(key);
            for check in key_checks {
                self.check(check, Subject::Key(key), &Ty::String, &key_at, errors);
            }
        };
        let check_value = |member: &Option<Value>,
                           key: &str,
                           map_at: &Location<'_>,
                           errors: &mut ValidationErrors| {
            if let Some(member) = member {
                let value_at = || map_at.map_value(key);
                for check in value_checks {
                    self.check(check, Subject::Value(member), value_ty, &value_at, errors);
                }
            }
        };
        let no_constraints: &[Constraint] = &[];
        let key_constraints = Borrowed(keys.map_or(no_constraints, |side| &side.constraints));
        let value_constraints = Borrowed(values.map_or(no_constraints, |side| &side.constraints));
        let echo = |sensitivity| self.echo(Subject::Value(value), ty, sensitivity);
        runtime::entries(
            entries,
            map_at,
            echo,
            errors,
            (key_constraints, check_key),
            (value_constraints, check_value),
        );
    }

    /// Whether AWS's echo of a value of `ty` can be written, as the runtime's `EchoText` is
    /// implemented: strings, numbers, booleans, blobs, enums, structures (the derive's), and
    /// lists and maps of them. A structure's own members decide, value by value, whether
    /// its echo is written ([`Echoing`]).
    fn echoes(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Timestamp | Ty::Document => false,
            Ty::Named { name: index, .. } => matches!(
                self.plans[*index],
                TypePlan::Enum { .. } | TypePlan::IntEnum { .. } | TypePlan::Structure(_)
            ),
            Ty::List { item, .. } => self.echoes(item),
            Ty::Map { value, .. } => self.echoes(value),
            _ => true,
        }
    }

    /// The echo of a value, as the derive's echo probe gives it: the whole value where its
    /// type echoes, hiding what `sensitivity` names; nothing otherwise.
    fn echo(&self, subject: Subject<'_>, ty: &Ty, sensitivity: Sensitivity) -> Option<ValueText> {
        match subject {
            Subject::Key(key) => {
                runtime::echoed_text(|out| key.write_echo_hiding(sensitivity, out))
            }
            Subject::Value(value) if self.echoes(ty) => {
                let echoing = Echoing {
                    validator: self,
                    value,
                    ty,
                };
                runtime::echoed_text(|out| echoing.write_echo_hiding(sensitivity, out))
            }
            Subject::Value(_) => None,
        }
    }
}

/// A value of type `ty` echoed as the derive's types echo it: what holds structures
/// (`StructureEcho`, which needs each structure's plan) written here, the rest by the
/// runtime's `EchoText` of [`Value`].
struct Echoing<'v, 'a> {
    validator: &'v Validator,
    value: &'v Value<'a>,
    ty: &'v Ty,
}

impl Echoing<'_, '_> {
    fn of<'v, 'a>(&self, value: &'v Value<'a>, ty: &'v Ty) -> Echoing<'v, 'a>
    where
        Self: 'v,
    {
        Echoing {
            validator: self.validator,
            value,
            ty,
        }
    }
}

impl EchoText for Echoing<'_, '_> {
    fn write_echo(&self, out: &mut String) {
        self.write_echo_hiding(Sensitivity::Nothing, out);
    }

    fn write_echo_hiding(&self, sensitivity: Sensitivity, out: &mut String) {
        match (self.value, self.ty) {
            (Value::List(items), Ty::List { item, .. }) => {
                let items: Vec<Option<Echoing>> = items
                    .iter()
                    .map(|v| v.as_ref().map(|v| self.of(v, item)))
                    .collect();
                items.write_echo_hiding(sensitivity, out);
            }
            (Value::Map(entries), Ty::Map { value: ty, .. }) => {
                let entries: BTreeMap<&str, Option<Echoing>> = entries
                    .0
                    .iter()
                    .map(|(k, v)| (*k, v.as_ref().map(|v| self.of(v, ty))))
                    .collect();
                entries.write_echo_hiding(sensitivity, out);
            }
            (Value::Structure(members), Ty::Named { name: index, .. }) => {
                let TypePlan::Structure(plan) = &self.validator.plans[*index] else {
                    return self.value.write_echo_hiding(sensitivity, out);
                };
                if plan.sensitive || sensitivity != Sensitivity::Nothing {
                    return out.push_str(aws_constraints::path::REDACTED);
                }
                let mut echo = StructureEcho::new(out, &plan.name);
                for (member, value) in plan.members.iter().zip(members) {
                    let hidden = if member.sensitive {
                        Sensitivity::Whole
                    } else {
                        member.parts.unwrap_or(Sensitivity::Nothing)
                    };
                    let text = self.validator.echoes(&member.ty).then(|| {
                        let value = value.as_ref().map(|v| self.of(v, &member.ty));
                        runtime::echoed_text(|out| value.write_echo_hiding(hidden, out))
                    });
                    echo.member(member.wire, text.flatten().as_deref());
                }
                echo.finish();
            }
            _ => self.value.write_echo_hiding(sensitivity, out),
        }
    }
}
