//! XML bodies (restXml): an element per member, named by its `@xmlName` or its name;
//! `@xmlAttribute` members as attributes; lists wrapped (`<List><member>..`) or
//! `@xmlFlattened` (the list's element repeated); maps of `<entry><key>..<value>..`.

use std::collections::BTreeMap;

use aws_constraints_schema::shapes::{Member, NamedType, Type, TypeKind};
use quick_xml::events::Event;
use serde_json::{Map, Value as Json};

use crate::text::{scalar, Place};
use crate::{types, Service};

/// How deep an XML document may nest.
const MAX_DEPTH: usize = 128;

/// An element: its local name (the namespace prefix dropped), attributes, children and
/// text.
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attributes: BTreeMap<String, String>,
    pub children: Vec<Element>,
    pub text: String,
}

/// The document's root element.
pub(crate) fn parse(body: &[u8]) -> Result<Element, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the XML body is not UTF-8".to_owned())?;
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let bad = |e: &dyn std::fmt::Display| format!("the body is not XML: {e}");
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match event {
            Event::Start(start) | Event::Empty(start) if stack.len() >= MAX_DEPTH => {
                let _ = start;
                return Err(format!("the XML nests deeper than {MAX_DEPTH} levels"));
            }
            Event::Start(start) => stack.push(element(&start)?),
            Event::Empty(start) => {
                let done = element(&start)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| bad(&"an end tag without a start"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::Text(text) => {
                if let Some(open) = stack.last_mut() {
                    let decoded = text.decode().map_err(|e| bad(&e))?;
                    open.text.push_str(&decoded.replace("\r\n", "\n"));
                }
            }
            Event::CData(data) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&data.decode().map_err(|e| bad(&e))?);
                }
            }
            Event::GeneralRef(reference) => {
                let Some(open) = stack.last_mut() else {
                    continue;
                };
                match reference.resolve_char_ref().map_err(|e| bad(&e))? {
                    Some(c) => open.text.push(c),
                    None => {
                        let name = reference.decode().map_err(|e| bad(&e))?;
                        open.text.push(match &*name {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "quot" => '"',
                            "apos" => '\'',
                            other => {
                                return Err(format!(
                                    "the XML refers to an unknown entity &{other};"
                                ))
                            }
                        });
                    }
                }
            }
            Event::Eof => return Err("the XML body has no root element".into()),
            Event::DocType(_) => {
                return Err("the XML body has a DOCTYPE, which AWS's protocols never send".into())
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
}

fn element(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, String> {
    let bad = |e: &dyn std::fmt::Display| format!("the body is not XML: {e}");
    let name = std::str::from_utf8(start.local_name().as_ref())
        .map_err(|e| bad(&e))?
        .to_owned();
    let mut attributes = BTreeMap::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| bad(&e))?;
        let key = std::str::from_utf8(attribute.key.as_ref()).map_err(|e| bad(&e))?;
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let local = key.rsplit(':').next().unwrap_or(key).to_owned();
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| bad(&e))?
            .into_owned();
        attributes.insert(local, value);
    }
    Ok(Element {
        name,
        attributes,
        ..Element::default()
    })
}

/// Reads elements into a document, by the schema.
pub(crate) struct Reader<'r> {
    pub service: &'r Service,
}

impl Reader<'_> {
    /// The members of a structure, from its element.
    pub fn members(
        &self,
        element: &Element,
        members: &[Member],
        depth: usize,
    ) -> Result<Map<String, Json>, String> {
        if depth > MAX_DEPTH {
            return Err(format!("the XML nests deeper than {MAX_DEPTH} levels"));
        }
        let mut out = Map::new();
        for member in members {
            let name = member.xml.name.as_deref().unwrap_or(&member.name);
            if member.xml.attribute {
                if let Some(text) = element.attributes.get(name) {
                    out.insert(member.wire.clone(), self.scalar(member, &member.ty, text)?);
                }
                continue;
            }
            let value = match &member.ty {
                Type::List { item, .. } if member.xml.flattened => {
                    let items: Vec<&Element> =
                        element.children.iter().filter(|c| c.name == name).collect();
                    if items.is_empty() {
                        continue;
                    }
                    Json::Array(
                        items
                            .into_iter()
                            .map(|e| self.value(member, item, e, depth + 1))
                            .collect::<Result<_, _>>()?,
                    )
                }
                Type::Map { value, .. } if member.xml.flattened => {
                    let entries: Vec<&Element> =
                        element.children.iter().filter(|c| c.name == name).collect();
                    if entries.is_empty() {
                        continue;
                    }
                    self.entries(member, value, &entries, depth + 1)?
                }
                ty => {
                    let Some(child) = element.children.iter().find(|c| c.name == name) else {
                        continue;
                    };
                    self.value(member, ty, child, depth + 1)?
                }
            };
            out.insert(member.wire.clone(), value);
        }
        Ok(out)
    }

    /// A value of type `ty` from its element.
    pub fn value(
        &self,
        member: &Member,
        ty: &Type,
        element: &Element,
        depth: usize,
    ) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(format!("the XML nests deeper than {MAX_DEPTH} levels"));
        }
        match ty {
            Type::List { item, .. } => {
                let name = member.xml.item.as_deref().unwrap_or("member");
                Ok(Json::Array(
                    element
                        .children
                        .iter()
                        .filter(|c| c.name == name)
                        .map(|e| self.value(member, item, e, depth + 1))
                        .collect::<Result<_, _>>()?,
                ))
            }
            Type::Map { value, .. } => {
                let entries: Vec<&Element> = element
                    .children
                    .iter()
                    .filter(|c| c.name == "entry")
                    .collect();
                self.entries(member, value, &entries, depth + 1)
            }
            Type::Named { name, .. } => match types(self.service).get(name) {
                Some(NamedType {
                    kind: TypeKind::Structure(composite),
                    ..
                }) => Ok(Json::Object(self.members(
                    element,
                    &composite.members,
                    depth + 1,
                )?)),
                Some(NamedType {
                    kind: TypeKind::Union(composite),
                    ..
                }) => Ok(Json::Object(self.members(
                    element,
                    &composite.members,
                    depth + 1,
                )?)),
                _ => self.scalar(member, ty, &element.text),
            },
            // Any XML is no document: Smithy's XML protocols have none.
            Type::Document => Err("a document cannot be written in XML".into()),
            _ => self.scalar(member, ty, &element.text),
        }
    }

    /// A map from its entries' elements, each with a key and a value element.
    fn entries(
        &self,
        member: &Member,
        value: &Type,
        entries: &[&Element],
        depth: usize,
    ) -> Result<Json, String> {
        let key_name = member.xml.key.as_deref().unwrap_or("key");
        let value_name = member.xml.value.as_deref().unwrap_or("value");
        let mut map = Map::new();
        for entry in entries {
            let find = |name: &str| entry.children.iter().find(|c| c.name == name);
            let key = find(key_name).ok_or_else(|| format!("a map entry has no <{key_name}>"))?;
            let read = match find(value_name) {
                Some(element) => self.value(member, value, element, depth + 1)?,
                None => Json::Null,
            };
            map.insert(key.text.clone(), read);
        }
        Ok(Json::Object(map))
    }

    fn scalar(&self, member: &Member, ty: &Type, text: &str) -> Result<Json, String> {
        // XML bodies write timestamps as date-times, as query strings do.
        scalar(text, ty, member, types(self.service), Place::Query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_and_references() {
        let root = parse(
            br#"<?xml version="1.0"?><a:Root xmlns:a="urn:x" id="1"><B>x &amp; &#x41;</B><C/></a:Root>"#,
        )
        .unwrap();
        assert_eq!(root.name, "Root");
        assert_eq!(root.attributes.get("id").map(String::as_str), Some("1"));
        assert_eq!(root.children[0].text, "x & A");
        assert_eq!(root.children[1].name, "C");
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        for body in [
            &b""[..],
            b"<a>",
            b"<a></b>",
            b"</a>",
            b"<a>&unknown;</a>",
            b"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
            b"\xff\xfe",
        ] {
            assert!(parse(body).is_err(), "{body:?}");
        }
        let deep = "<a>".repeat(10_000);
        assert!(parse(deep.as_bytes()).is_err());
    }
}
