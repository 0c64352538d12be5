//! awsQuery and ec2Query: a form (`application/x-www-form-urlencoded`) whose `Action`
//! names the operation and whose keys are paths to the input's members
//! (`Tags.member.1.Key`, `Attributes.entry.1.value`, `Filter.1.Name`).

use std::collections::BTreeMap;
use std::ops::Bound;

use aws_constraints_schema::shapes::{Member, NamedType, Protocol, Type, TypeKind};
use serde_json::{Map, Value as Json};

use super::{malformed, Wire};
use crate::route::percent_decode;
use crate::text::{scalar, Place};
use crate::{types, Rejection, Service};

/// A form's fields, by key (a key given twice keeps its first value).
type Fields = BTreeMap<String, String>;

pub(crate) fn read(
    service: &Service,
    wire: &Wire,
    protocol: Protocol,
) -> Result<(String, Json), Rejection> {
    let mut fields = Fields::new();
    for (key, value) in &wire.query {
        fields.entry(key.clone()).or_insert_with(|| value.clone());
    }
    if !wire.body.is_empty() {
        let content_type = wire.content_type()?;
        if content_type.as_deref() != Some("application/x-www-form-urlencoded") {
            return Err(Rejection::UnsupportedMediaType {
                detail: format!(
                    "a query protocol's request is a form (application/x-www-form-urlencoded), \
                     not {}",
                    content_type
                        .as_deref()
                        .unwrap_or("a body without Content-Type")
                ),
            });
        }
        let body =
            std::str::from_utf8(&wire.body).map_err(|_| malformed("the form is not UTF-8 text"))?;
        for (key, value) in form_fields(body)? {
            fields.entry(key).or_insert(value);
        }
    }
    let action = fields
        .get("Action")
        .ok_or_else(|| Rejection::UnknownOperation {
            detail: "the request has no Action naming its operation".into(),
        })?;
    let index = service.named(action, || {
        format!("The action {action} is not valid for this web service.")
    })?;
    let operation = &service.operations[index];
    let reader = Reader {
        service,
        ec2: protocol == Protocol::Ec2Query,
        fields: &fields,
    };
    let document = reader
        .members(&operation.members, "", 0)
        .map_err(|detail| Rejection::Malformed {
            operation: Some(operation.name.clone()),
            detail,
        })?;
    Ok((operation.name.clone(), Json::Object(document)))
}

/// `a=b&c=d`, each name and value form-decoded (`+` is a space).
fn form_fields(body: &str) -> Result<Vec<(String, String)>, Rejection> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |text: &str| percent_decode(&text.replace('+', " "));
            match (decode(key), decode(value)) {
                (Ok(k), Ok(v)) => Ok((k, v)),
                _ => Err(malformed(format!(
                    "the form field `{pair}` is not percent-encoded UTF-8"
                ))),
            }
        })
        .collect()
}

/// How deep a form's keys may nest structures and collections.
const MAX_DEPTH: usize = 64;

struct Reader<'r> {
    service: &'r Service,
    ec2: bool,
    fields: &'r Fields,
}

impl Reader<'_> {
    /// A member's key in the form: its `@xmlName` (awsQuery); its `@ec2QueryName`, or
    /// its `@xmlName` or name capitalized (ec2Query).
    fn key(&self, member: &Member) -> String {
        if self.ec2 {
            if let Some(name) = &member.xml.ec2_query_name {
                return name.clone();
            }
            return capitalized(member.xml.name.as_deref().unwrap_or(&member.name));
        }
        member
            .xml
            .name
            .clone()
            .unwrap_or_else(|| member.name.clone())
    }

    /// Whether any field is at `key` or below it.
    fn any_at(&self, key: &str) -> bool {
        if self.fields.contains_key(key) {
            return true;
        }
        let below = format!("{key}.");
        self.fields
            .range::<str, _>((Bound::Included(below.as_str()), Bound::Unbounded))
            .next()
            .is_some_and(|(k, _)| k.starts_with(&below))
    }

    /// The indexes `N` of the fields `{prefix}N` or `{prefix}N.…`, in order.
    fn indexes(&self, prefix: &str) -> Result<Vec<u64>, String> {
        let mut found = Vec::new();
        for (key, _) in self
            .fields
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
        {
            let Some(rest) = key.strip_prefix(prefix) else {
                break;
            };
            let index = rest.split('.').next().unwrap_or_default();
            match index.parse::<u64>() {
                Ok(n) if n >= 1 && !index.starts_with('+') => found.push(n),
                _ => {
                    return Err(format!(
                        "`{key}`: `{index}` is not a list index (1, 2, ...)"
                    ))
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        Ok(found)
    }

    fn members(
        &self,
        members: &[Member],
        prefix: &str,
        depth: usize,
    ) -> Result<Map<String, Json>, String> {
        if depth > MAX_DEPTH {
            return Err(format!("the form nests deeper than {MAX_DEPTH} levels"));
        }
        let mut out = Map::new();
        for member in members {
            let key = format!("{prefix}{}", self.key(member));
            if let Some(value) =
                self.value(member, &member.ty, &key, member.xml.flattened, depth)?
            {
                out.insert(member.wire.clone(), value);
            }
        }
        Ok(out)
    }

    /// The value of type `ty` at `key`, if the form has one.
    fn value(
        &self,
        member: &Member,
        ty: &Type,
        key: &str,
        flattened: bool,
        depth: usize,
    ) -> Result<Option<Json>, String> {
        match ty {
            Type::List { item, .. } => {
                // An empty list is its key with an empty value.
                if self.fields.get(key).is_some_and(String::is_empty) {
                    return Ok(Some(Json::Array(Vec::new())));
                }
                let items = if self.ec2 || flattened {
                    format!("{key}.")
                } else {
                    format!("{key}.{}.", member.xml.item.as_deref().unwrap_or("member"))
                };
                let indexes = self.indexes(&items)?;
                if indexes.is_empty() {
                    return Ok(None);
                }
                let mut list = Vec::with_capacity(indexes.len());
                for n in indexes {
                    let at = format!("{items}{n}");
                    list.push(
                        self.value(member, item, &at, false, depth + 1)?
                            .unwrap_or(Json::Null),
                    );
                }
                Ok(Some(Json::Array(list)))
            }
            Type::Map { value, .. } => {
                if self.fields.get(key).is_some_and(String::is_empty) {
                    return Ok(Some(Json::Object(Map::new())));
                }
                let entries = if flattened {
                    format!("{key}.")
                } else {
                    format!("{key}.entry.")
                };
                let (key_name, value_name) = (
                    member.xml.key.as_deref().unwrap_or("key"),
                    member.xml.value.as_deref().unwrap_or("value"),
                );
                let indexes = self.indexes(&entries)?;
                if indexes.is_empty() {
                    return Ok(None);
                }
                let mut map = Map::new();
                for n in indexes {
                    let entry_key = format!("{entries}{n}.{key_name}");
                    let Some(name) = self.fields.get(&entry_key) else {
                        return Err(format!("the map entry {entries}{n} has no {key_name}"));
                    };
                    let at = format!("{entries}{n}.{value_name}");
                    let read = self.value(member, value, &at, false, depth + 1)?;
                    map.insert(name.clone(), read.unwrap_or(Json::Null));
                }
                Ok(Some(Json::Object(map)))
            }
            Type::Named { name, .. } => match types(self.service).get(name) {
                Some(NamedType {
                    kind: TypeKind::Structure(composite) | TypeKind::Union(composite),
                    ..
                }) => {
                    if !self.any_at(key) {
                        return Ok(None);
                    }
                    let members =
                        self.members(&composite.members, &format!("{key}."), depth + 1)?;
                    Ok(Some(Json::Object(members)))
                }
                _ => self.scalar(member, ty, key),
            },
            _ => self.scalar(member, ty, key),
        }
    }

    fn scalar(&self, member: &Member, ty: &Type, key: &str) -> Result<Option<Json>, String> {
        let Some(text) = self.fields.get(key) else {
            return Ok(None);
        };
        scalar(text, ty, member, types(self.service), Place::Query)
            .map(Some)
            .map_err(|why| format!("{key}: {why}"))
    }
}

fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
