//! Documents generated from a schema (the `samples` feature): for an operation, one that
//! means to satisfy every constraint, then documents that each break one. They are what
//! the differential tests feed to the validator and to the importer's types alike; a user
//! can take them as example requests.
//!
//! ```
//! use aws_constraints_schema::{samples, Validator};
//!
//! let model = r#"{"smithy": "2.0", "shapes": {
//!     "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}},
//!     "ex#OpInput": {"type": "structure", "members": {
//!         "Name": {"target": "ex#Name", "traits": {"smithy.api#required": {}}}}},
//!     "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 2, "max": 8}}}
//! }}"#;
//! let validator = Validator::from_json(model).unwrap();
//! let documents = samples::documents(validator.schema(), "Op").unwrap();
//! assert!(validator.validate("Op", &documents[0].document).is_ok());
//! for broken in &documents[1..] {
//!     assert!(validator.validate("Op", &broken.document).is_err(), "{}", broken.breaks);
//! }
//! ```

use aws_constraints::{InputError, ValidationErrors};
use serde_json::{json, Map, Value as Json};

use crate::shapes::{Composite, NamedType, Rule, Schema, TimestampFormat, Type, TypeKind};
use crate::{DocumentError, Validator};

/// A generated document.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// What it breaks (`Name: length`), or `valid`.
    pub breaks: String,
    pub document: Json,
}

/// How deep generated structures go: a recursive shape stops here, with only what it
/// requires.
const MAX_NESTING: usize = 6;

/// The most items, entries or characters a document breaking a maximum is given.
const LARGEST_BREAK: u64 = 4096;

/// One document meant to be valid, then one for each constraint it can break, for
/// `operation`'s input; `None` when the schema has no such operation, or it takes no input.
pub fn documents(schema: &Schema, operation: &str) -> Option<Vec<Sample>> {
    let input = schema
        .operations
        .iter()
        .find(|o| o.name == operation)?
        .input
        .clone()?;
    let generator = Generator { schema };
    let ty = Type::Named {
        name: input,
        boxed: false,
    };
    let valid = generator.valid(&ty, &[], 0);
    let mut breaks = Vec::new();
    generator.breaks(&ty, &[], &valid, &mut Vec::new(), 0, &mut breaks);
    let mut out = vec![Sample {
        breaks: "valid".into(),
        document: valid.clone(),
    }];
    for Break { path, what, value } in breaks {
        let mut document = valid.clone();
        replace(&mut document, &path, value);
        out.push(Sample {
            breaks: format!("{}: {what}", pointer(&path)),
            document,
        });
    }
    Some(out)
}

/// What comparing a validator with the importer's types on an operation's documents found.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Documents compared.
    pub compared: usize,
    /// Of them, how many both found invalid.
    pub invalid: usize,
    pub disagreements: Vec<Disagreement>,
}

/// A document on which the two disagree: each verdict, written out.
#[derive(Debug)]
pub struct Disagreement {
    pub operation: String,
    pub breaks: String,
    pub document: String,
    pub typed: String,
    pub driven: String,
}

/// A verdict both sides must agree on.
#[derive(Debug, PartialEq)]
enum Verdict {
    Valid,
    /// Read, and invalid: the violations and their renderings.
    Invalid {
        aws: String,
        json: Json,
        smithy: Json,
        errors: ValidationErrors,
    },
    /// Not read (the reasons are worded differently on each side).
    Malformed,
}

impl Verdict {
    fn invalid(errors: ValidationErrors) -> Verdict {
        Verdict::Invalid {
            aws: errors.aws_message(),
            json: errors.to_json(),
            smithy: errors.smithy_body(),
            errors,
        }
    }
}

/// Runs `operation`'s [`documents`] through `validator` and through `typed` (the importer's
/// types, as its `validate_input(operation, document)` reads a document's text), and
/// compares the verdicts with [`compare_document`].
pub fn compare(
    validator: &Validator,
    operation: &str,
    typed: impl Fn(&str) -> Result<(), InputError>,
) -> Comparison {
    let mut comparison = Comparison::default();
    for sample in documents(validator.schema(), operation).unwrap_or_default() {
        let text = sample.document.to_string();
        comparison.compared += 1;
        match compare_document(validator, operation, &text, &typed) {
            Ok(true) => comparison.invalid += 1,
            Ok(false) => {}
            Err(mut disagreement) => {
                disagreement.breaks = sample.breaks;
                comparison.disagreements.push(disagreement);
            }
        }
    }
    comparison
}

/// Reads one document's text both ways and compares the verdicts: the same violations
/// (paths, rules, echoes, groups, order), AWS message, JSON and Smithy renderings, or both
/// refusing to read it. `Ok(true)` when both found it invalid.
pub fn compare_document(
    validator: &Validator,
    operation: &str,
    text: &str,
    typed: impl Fn(&str) -> Result<(), InputError>,
) -> Result<bool, Disagreement> {
    let by_types = match typed(text) {
        Ok(()) => Verdict::Valid,
        Err(InputError::Invalid(errors)) => Verdict::invalid(errors),
        Err(InputError::Malformed(_)) => Verdict::Malformed,
    };
    let by_model = match validator.validate_json(operation, text.as_bytes()) {
        Ok(()) => Verdict::Valid,
        Err(DocumentError::Invalid(errors)) => Verdict::invalid(errors),
        Err(_) => Verdict::Malformed,
    };
    if by_types != by_model {
        return Err(Disagreement {
            operation: operation.to_owned(),
            breaks: String::new(),
            document: text.to_owned(),
            typed: format!("{by_types:?}"),
            driven: format!("{by_model:?}"),
        });
    }
    Ok(matches!(by_types, Verdict::Invalid { .. }))
}

/// A step into a JSON document.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn pointer(path: &[Step]) -> String {
    path.iter()
        .map(|step| match step {
            Step::Key(key) => format!("/{key}"),
            Step::Index(index) => format!("/{index}"),
        })
        .collect()
}

/// `document` with the value at `path` replaced (`None`: removed).
fn replace(document: &mut Json, path: &[Step], value: Option<Json>) {
    let Some((last, parents)) = path.split_last() else {
        if let Some(value) = value {
            *document = value;
        }
        return;
    };
    let mut at = document;
    for step in parents {
        at = match (step, at) {
            (Step::Key(key), Json::Object(object)) => match object.get_mut(key) {
                Some(next) => next,
                None => return,
            },
            (Step::Index(index), Json::Array(items)) => match items.get_mut(*index) {
                Some(next) => next,
                None => return,
            },
            _ => return,
        };
    }
    match (last, at, value) {
        (Step::Key(key), Json::Object(object), Some(value)) => {
            object.insert(key.clone(), value);
        }
        (Step::Key(key), Json::Object(object), None) => {
            object.remove(key);
        }
        (Step::Index(index), Json::Array(items), Some(value)) if *index < items.len() => {
            items[*index] = value;
        }
        _ => {}
    }
}

/// A document's change that breaks one constraint.
struct Break {
    path: Vec<Step>,
    what: String,
    /// The new value; `None`: the member removed.
    value: Option<Json>,
}

struct Generator<'s> {
    schema: &'s Schema,
}

fn length(rules: &[Rule]) -> (Option<u64>, Option<u64>) {
    rules
        .iter()
        .find_map(|rule| match rule {
            Rule::Length { min, max } => Some((*min, *max)),
            _ => None,
        })
        .unwrap_or((None, None))
}

fn pattern(rules: &[Rule]) -> Option<(&str, bool)> {
    rules.iter().find_map(|rule| match rule {
        Rule::Pattern {
            source,
            backtracking,
        } => Some((source.as_str(), *backtracking)),
        _ => None,
    })
}

fn compiled(source: &str, backtracking: bool) -> Option<aws_constraints_pattern::Pattern> {
    if backtracking {
        aws_constraints_pattern::Pattern::with_backtracking(source).ok()
    } else {
        aws_constraints_pattern::Pattern::new(source).ok()
    }
}

fn side(rules: &[Rule], wanted: fn(&Rule) -> Option<&Vec<Rule>>) -> &[Rule] {
    rules.iter().find_map(wanted).map_or(&[], Vec::as_slice)
}

fn each(rules: &[Rule]) -> &[Rule] {
    side(rules, |r| match r {
        Rule::Each(rules) => Some(rules),
        _ => None,
    })
}

fn keys(rules: &[Rule]) -> &[Rule] {
    side(rules, |r| match r {
        Rule::Keys(rules) => Some(rules),
        _ => None,
    })
}

fn values(rules: &[Rule]) -> &[Rule] {
    side(rules, |r| match r {
        Rule::Values(rules) => Some(rules),
        _ => None,
    })
}

/// How many items or entries a valid collection gets: at least one (so that its members
/// are checked), within its bounds.
fn count(rules: &[Rule]) -> u64 {
    let (min, max) = length(rules);
    min.unwrap_or(1).max(1).min(max.unwrap_or(u64::MAX)).min(8)
}

impl Generator<'_> {
    fn named(&self, name: &str) -> Option<&NamedType> {
        self.schema.types.get(name)
    }

    /// A string satisfying `rules`, where one can be found.
    fn string(&self, rules: &[Rule], seed: u64) -> String {
        let (min, max) = length(rules);
        let fits = |s: &String| {
            let n = s.chars().count() as u64;
            min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max)
        };
        if let Some(Rule::OneOf { listed, .. }) =
            rules.iter().find(|r| matches!(r, Rule::OneOf { .. }))
        {
            return listed.first().cloned().unwrap_or_default();
        }
        if let Some((source, _)) = pattern(rules) {
            let candidates =
                aws_constraints_pattern::sample::values(source, seed, 32).unwrap_or_default();
            if let Some(found) = candidates.into_iter().find(fits) {
                return found;
            }
        }
        let n = min.unwrap_or(1).max(1).min(max.unwrap_or(u64::MAX)).min(64);
        "a".repeat(n as usize)
    }

    fn number(&self, rules: &[Rule], ty: &Type) -> Json {
        let range = rules.iter().find_map(|rule| match rule {
            Rule::Range { min, max } => Some((min.clone(), max.clone())),
            _ => None,
        });
        let (min, max) = range.unwrap_or((None, None));
        let float = matches!(ty, Type::Float | Type::Double);
        match (min, max) {
            (Some(min), _) => Json::Number(min),
            (None, Some(max)) if max.as_f64().is_some_and(|m| m < 0.0) => Json::Number(max),
            _ if float => json!(1.5),
            _ => json!(1),
        }
    }

    /// A value of `ty` meant to satisfy `rules` and everything below. Deeper than
    /// [`MAX_NESTING`], collections are as small as their rules allow and structures hold
    /// only what they require; a shape that requires itself without end stops at twice that
    /// depth, with `null`.
    fn valid(&self, ty: &Type, rules: &[Rule], depth: usize) -> Json {
        if depth > 2 * MAX_NESTING {
            return Json::Null;
        }
        let deep = depth >= MAX_NESTING;
        match ty {
            Type::String => Json::String(self.string(rules, depth as u64 + 1)),
            Type::Boolean => json!(true),
            Type::Byte | Type::Short | Type::Integer | Type::Long | Type::Float | Type::Double => {
                self.number(rules, ty)
            }
            Type::Blob => {
                let (min, _) = length(rules);
                let bytes = vec![b'a'; min.unwrap_or(3).clamp(1, 64) as usize];
                base64(&bytes)
            }
            Type::Timestamp => json!(1_700_000_000),
            Type::Document => json!({"a": [1, "b"]}),
            Type::Named { name, .. } => self.valid_named(name, depth),
            Type::List { item, .. } => {
                let item_rules = each(rules);
                let unique = rules.contains(&Rule::Unique);
                let n = match (deep, length(rules)) {
                    (true, (min, _)) => min.unwrap_or(0).min(8),
                    (false, _) if unique => 1,
                    (false, _) => count(rules),
                };
                Json::Array(
                    (0..n)
                        .map(|_| self.valid(item, item_rules, depth + 1))
                        .collect(),
                )
            }
            Type::Map { value, .. } => {
                let mut object = Map::new();
                if !deep || length(rules).0.is_some_and(|min| min > 0) {
                    let key = self.string(keys(rules), depth as u64 + 7);
                    object.insert(key, self.valid(value, values(rules), depth + 1));
                }
                Json::Object(object)
            }
        }
    }

    fn valid_named(&self, name: &str, depth: usize) -> Json {
        let Some(named) = self.named(name) else {
            return Json::Null;
        };
        match &named.kind {
            TypeKind::StringEnum(values) => values
                .iter()
                .find(|v| !v.internal)
                .map_or(Json::Null, |v| Json::String(v.value.clone())),
            TypeKind::IntEnum(values) => values.first().map_or(Json::Null, |v| json!(v.value)),
            TypeKind::Structure(composite) => {
                let mut object = Map::new();
                for member in &composite.members {
                    // Deep down a recursive shape, only what is required.
                    if depth >= MAX_NESTING && !member.rules.contains(&Rule::Required) {
                        continue;
                    }
                    object.insert(member.wire.clone(), self.member_value(member, depth));
                }
                Json::Object(object)
            }
            TypeKind::Union(composite) => self.union_value(composite, depth),
        }
    }

    fn union_value(&self, composite: &Composite, depth: usize) -> Json {
        // The simplest member, the first of those: a recursive union ends where it can.
        let member = composite.members.iter().min_by_key(|m| match m.ty {
            Type::Named { .. } => 2,
            Type::List { .. } | Type::Map { .. } => 1,
            _ => 0,
        });
        let Some(member) = member else {
            return json!({});
        };
        let mut object = Map::new();
        object.insert(member.wire.clone(), self.member_value(member, depth));
        Json::Object(object)
    }

    fn member_value(&self, member: &crate::shapes::Member, depth: usize) -> Json {
        // The `second`th second of a minute, in the member's format.
        let text = |second: usize| match member.timestamp_format {
            Some(TimestampFormat::DateTime) => {
                Some(json!(format!("2024-05-01T12:30:{:02}Z", second % 60)))
            }
            Some(TimestampFormat::HttpDate) => Some(json!(format!(
                "Wed, 01 May 2024 12:30:{:02} GMT",
                second % 60
            ))),
            Some(TimestampFormat::EpochSeconds) | None => None,
        };
        let Some(first) = text(0) else {
            return self.valid(&member.ty, &member.rules, depth + 1);
        };
        match self.valid(&member.ty, &member.rules, depth + 1) {
            // A list of formatted timestamps: as many as the list needs, all distinct.
            Json::Array(items) => (0..items.len()).filter_map(text).collect(),
            _ => first,
        }
    }

    /// Every change of `value` (at `path`, of type `ty` following `rules`) that breaks one
    /// constraint, at any depth.
    fn breaks(
        &self,
        ty: &Type,
        rules: &[Rule],
        value: &Json,
        path: &mut Vec<Step>,
        depth: usize,
        out: &mut Vec<Break>,
    ) {
        if depth > MAX_NESTING + 2 {
            return;
        }
        let mut push = |what: String, value: Option<Json>| {
            out.push(Break {
                path: path.clone(),
                what,
                value,
            })
        };
        let (min, max) = length(rules);
        for rule in rules {
            match rule {
                Rule::Length { .. } => {
                    for n in [min.filter(|&m| m > 0).map(|m| m - 1), max.map(|m| m + 1)]
                        .into_iter()
                        .flatten()
                        .filter(|&n| n <= LARGEST_BREAK)
                    {
                        if let Some(sized) = self.sized(ty, rules, value, n, depth) {
                            push(format!("length {n}"), Some(sized));
                        }
                    }
                }
                Rule::Pattern {
                    source,
                    backtracking,
                } => {
                    if let Some(bad) = not_matching(source, *backtracking) {
                        push("pattern".into(), Some(Json::String(bad)));
                    }
                }
                Rule::Range { min, max } => {
                    let float = matches!(ty, Type::Float | Type::Double);
                    if let Some(below) = min.as_ref().and_then(|m| beyond(m, -1, float)) {
                        push("below the minimum".into(), Some(below));
                    }
                    if let Some(above) = max.as_ref().and_then(|m| beyond(m, 1, float)) {
                        push("above the maximum".into(), Some(above));
                    }
                    if float {
                        push("NaN".into(), Some(json!("NaN")));
                    }
                }
                Rule::OneOf { .. } => push("not listed".into(), Some(json!("NotListed"))),
                Rule::Unique => {
                    if let Json::Array(items) = value {
                        if let Some(first) = items.first() {
                            push("duplicates".into(), Some(json!([first, first])));
                        }
                    }
                }
                _ => {}
            }
        }
        match (ty, value) {
            (Type::Named { name, .. }, value) => self.named_breaks(name, value, path, depth, out),
            (Type::List { item, .. }, Json::Array(items)) => {
                if let Some(first) = items.first() {
                    path.push(Step::Index(0));
                    self.breaks(item, each(rules), first, path, depth + 1, out);
                    path.pop();
                }
            }
            (
                Type::Map {
                    value: value_ty, ..
                },
                Json::Object(entries),
            ) => {
                if let Some((key, first)) = entries.iter().next() {
                    for bad in self.bad_keys(keys(rules)) {
                        let mut object = entries.clone();
                        let moved = object.remove(key).unwrap_or(Json::Null);
                        object.insert(bad.clone(), moved);
                        out.push(Break {
                            path: path.clone(),
                            what: format!("key {bad:?}"),
                            value: Some(Json::Object(object)),
                        });
                    }
                    path.push(Step::Key(key.clone()));
                    self.breaks(value_ty, values(rules), first, path, depth + 1, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// Keys that break the rules of a map's keys.
    fn bad_keys(&self, rules: &[Rule]) -> Vec<String> {
        let mut out = Vec::new();
        let (min, max) = length(rules);
        if let Some(min) = min.filter(|&m| m > 1) {
            out.push("k".repeat(min as usize - 1));
        }
        if let Some(max) = max.filter(|&m| m < LARGEST_BREAK) {
            out.push("k".repeat(max as usize + 1));
        }
        if let Some((source, backtracking)) = pattern(rules) {
            out.extend(not_matching(source, backtracking));
        }
        if rules.iter().any(|r| matches!(r, Rule::OneOf { .. })) {
            out.push("NotListed".into());
        }
        out
    }

    fn named_breaks(
        &self,
        name: &str,
        value: &Json,
        path: &mut Vec<Step>,
        depth: usize,
        out: &mut Vec<Break>,
    ) {
        let Some(named) = self.named(name) else {
            return;
        };
        let mut push = |what: &str, value: Json| {
            out.push(Break {
                path: path.clone(),
                what: what.into(),
                value: Some(value),
            })
        };
        match (&named.kind, value) {
            (TypeKind::StringEnum(_), _) => push("not an enum value", json!("NotAValue")),
            (TypeKind::IntEnum(_), _) => push("not an enum value", json!(987_654)),
            (TypeKind::Structure(composite), Json::Object(object)) => {
                for member in &composite.members {
                    if member.rules.contains(&Rule::Required) {
                        path.push(Step::Key(member.wire.clone()));
                        out.push(Break {
                            path: path.clone(),
                            what: "missing".into(),
                            value: None,
                        });
                        out.push(Break {
                            path: path.clone(),
                            what: "null".into(),
                            value: Some(Json::Null),
                        });
                        path.pop();
                    }
                    if let Some(value) = object.get(&member.wire) {
                        self.member_breaks(member, &member.wire, value, path, depth, out);
                    }
                }
            }
            (TypeKind::Union(composite), Json::Object(object)) => {
                for (key, value) in object {
                    if let Some(member) = composite.members.iter().find(|m| &m.wire == key) {
                        self.member_breaks(member, key, value, path, depth, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// The breaks of a member's value, found under `key`; a timestamp with a format is left
    /// as it is (its text is the format's, not a value to break).
    fn member_breaks(
        &self,
        member: &crate::shapes::Member,
        key: &str,
        value: &Json,
        path: &mut Vec<Step>,
        depth: usize,
        out: &mut Vec<Break>,
    ) {
        if matches!(
            member.timestamp_format,
            Some(TimestampFormat::DateTime | TimestampFormat::HttpDate)
        ) {
            return;
        }
        path.push(Step::Key(key.to_owned()));
        self.breaks(&member.ty, &member.rules, value, path, depth + 1, out);
        path.pop();
    }

    /// `value` with `n` characters, items, entries or bytes.
    fn sized(&self, ty: &Type, rules: &[Rule], value: &Json, n: u64, depth: usize) -> Option<Json> {
        let n = n as usize;
        Some(match (ty, value) {
            (Type::String, _) => Json::String("a".repeat(n)),
            (Type::Blob, _) => base64(&vec![b'a'; n]),
            (Type::List { item, .. }, Json::Array(items)) => {
                let first = match items.first() {
                    Some(first) => first.clone(),
                    None => self.valid(item, each(rules), depth + 1),
                };
                Json::Array(vec![first; n])
            }
            (Type::Map { .. }, Json::Object(entries)) => {
                let first = entries.values().next().cloned().unwrap_or(Json::Null);
                Json::Object((0..n).map(|i| (format!("k{i}"), first.clone())).collect())
            }
            _ => return None,
        })
    }
}

/// A number one beyond a bound (`direction` -1: below, 1: above), as the member's JSON.
fn beyond(bound: &serde_json::Number, direction: i64, float: bool) -> Option<Json> {
    if let (Some(n), false) = (bound.as_i64(), float) {
        return n.checked_add(direction).map(|n| json!(n));
    }
    let x = bound.as_f64()? + direction as f64;
    Some(json!(x))
}

/// A string that `source` does not match, from a few that break most of AWS's patterns.
fn not_matching(source: &str, backtracking: bool) -> Option<String> {
    let pattern = compiled(source, backtracking)?;
    [
        "", " ", "!", "a b", "-", "\n", "aws:x", "\u{e9}", "A", "0", "a", "~~~",
    ]
    .into_iter()
    .find(|candidate| !pattern.is_match(candidate))
    .map(str::to_owned)
}

/// Bytes as a blob member's JSON, by the runtime's own encoder.
fn base64(bytes: &[u8]) -> Json {
    serde_json::to_value(aws_constraints::Blob::from(bytes)).unwrap_or(Json::Null)
}
