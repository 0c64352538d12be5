//! The official Smithy restJson1 validation protocol tests, run as they are written.
//!
//! Each `@httpMalformedRequestTests` case in `tests/smithy/*.smithy` is read from the file
//! itself (so a case cannot be left out by accident), its test parameters substituted, its
//! request body (plus any query-string or header members) deserialized into the shape in
//! `tests::smithy`, validated, and the Smithy `ValidationException` body compared with the
//! expected one: `message` and every entry of `fieldList`.

use std::collections::BTreeMap;

use aws_constraints::{Validate, ValidationErrors};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tests::smithy::*;

/// A Smithy node value: the subset the test files use.
#[derive(Clone, Debug)]
enum Node {
    Object(BTreeMap<String, Node>),
    Array(Vec<Node>),
    Text(String),
}

impl Node {
    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(map) => map.get(key),
            _ => None,
        }
    }

    fn text(&self) -> &str {
        match self {
            Node::Text(text) => text,
            other => panic!("expected text, found {other:?}"),
        }
    }

    fn array(&self) -> &[Node] {
        match self {
            Node::Array(items) => items,
            other => panic!("expected an array, found {other:?}"),
        }
    }
}

struct NodeParser<'a> {
    src: &'a [u8],
    pos: usize,
}

impl NodeParser<'_> {
    fn skip(&mut self) {
        while self.pos < self.src.len() {
            match self.src[self.pos] {
                b' ' | b'\t' | b'\r' | b'\n' | b',' => self.pos += 1,
                b'/' if self.src.get(self.pos + 1) == Some(&b'/') => {
                    while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
    }

    fn value(&mut self) -> Node {
        self.skip();
        match self.src[self.pos] {
            b'{' => {
                self.pos += 1;
                let mut map = BTreeMap::new();
                loop {
                    self.skip();
                    if self.src[self.pos] == b'}' {
                        self.pos += 1;
                        return Node::Object(map);
                    }
                    let key = match self.value() {
                        Node::Text(key) => key,
                        other => panic!("object key {other:?}"),
                    };
                    self.skip();
                    assert_eq!(self.src[self.pos], b':', "expected `:` after {key}");
                    self.pos += 1;
                    map.insert(key, self.value());
                }
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip();
                    if self.src[self.pos] == b']' {
                        self.pos += 1;
                        return Node::Array(items);
                    }
                    items.push(self.value());
                }
            }
            b'"' if self.src[self.pos..].starts_with(b"\"\"\"") => {
                self.pos += 3;
                let end = self.pos
                    + self.src[self.pos..]
                        .windows(3)
                        .position(|w| w == b"\"\"\"")
                        .expect("unclosed text block");
                let raw = std::str::from_utf8(&self.src[self.pos..end]).unwrap();
                self.pos = end + 3;
                Node::Text(unescape(raw))
            }
            b'"' => {
                self.pos += 1;
                let start = self.pos;
                while self.src[self.pos] != b'"' {
                    self.pos += if self.src[self.pos] == b'\\' { 2 } else { 1 };
                }
                let raw = std::str::from_utf8(&self.src[start..self.pos]).unwrap();
                self.pos += 1;
                Node::Text(unescape(raw))
            }
            _ => {
                let start = self.pos;
                while self.pos < self.src.len() && !b" \t\r\n,:{}[]".contains(&self.src[self.pos]) {
                    self.pos += 1;
                }
                Node::Text(String::from_utf8(self.src[start..self.pos].to_vec()).unwrap())
            }
        }
    }
}

/// Smithy string escapes (those of JSON, plus an escaped newline).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\n') => {}
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Every `@httpMalformedRequestTests([..])` case of one file.
fn cases(source: &str) -> Vec<Node> {
    let marker = "@httpMalformedRequestTests(";
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(at) = source[rest..].find(marker) {
        let start = rest + at + marker.len();
        let mut parser = NodeParser {
            src: source.as_bytes(),
            pos: start,
        };
        found.extend(parser.value().array().iter().cloned());
        rest = parser.pos;
    }
    found
}

/// Replaces `$name:S` (as a JSON string) and `$name:L` (as written). `$$` is a `$`, and so
/// is a `$` that starts no placeholder (the files write `^[a-m]+$` both ways).
fn substitute(template: &str, params: &BTreeMap<&str, &str>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let placeholder = (name_len > 0)
            .then(|| &rest.as_bytes()[name_len..])
            .and_then(|tail| match tail {
                [b':', kind @ (b'S' | b'L'), ..] => Some(*kind),
                _ => None,
            });
        let Some(kind) = placeholder else {
            out.push('$');
            continue;
        };
        let name = &rest[..name_len];
        let value = *params
            .get(name)
            .unwrap_or_else(|| panic!("no test parameter for ${name} in {template}"));
        if kind == b'S' {
            out.push_str(&serde_json::to_string(value).unwrap());
        } else {
            out.push_str(value);
        }
        rest = &rest[name_len + 2..];
    }
    out.push_str(rest);
    out
}

fn validate<T: DeserializeOwned + Validate>(input: Value) -> Result<(), ValidationErrors> {
    let value: T = serde_json::from_value(input.clone())
        .unwrap_or_else(|e| panic!("cannot deserialize {input}: {e}"));
    value.validate()
}

/// Adds the members that travel in the query string and headers to the body.
fn bind_http_members(uri: &str, request: &Node, input: &mut Value) {
    let query: Vec<&str> = request
        .get("queryParams")
        .map(|q| q.array().iter().map(Node::text).collect())
        .unwrap_or_default();
    for param in query {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        input[name] = Value::String(value.to_owned());
    }
    if uri == "/MalformedRequired" {
        if let Some(header) = request
            .get("headers")
            .and_then(|h| h.get("string-in-headers"))
        {
            input["stringInHeader"] = Value::String(header.text().to_owned());
        }
    }
}

fn run(uri: &str, input: Value) -> Result<(), ValidationErrors> {
    match uri {
        "/MalformedLength" => validate::<MalformedLengthInput>(input),
        "/MalformedLengthOverride" => validate::<MalformedLengthOverrideInput>(input),
        "/MalformedLengthQueryString" => validate::<MalformedLengthQueryStringInput>(input),
        "/MalformedEnum" => validate::<MalformedEnumInput>(input),
        "/MalformedPattern" => validate::<MalformedPatternInput>(input),
        "/MalformedPatternOverride" => validate::<MalformedPatternOverrideInput>(input),
        "/MalformedRange" => validate::<MalformedRangeInput>(input),
        "/MalformedRangeOverride" => validate::<MalformedRangeOverrideInput>(input),
        "/MalformedRequired" => validate::<MalformedRequiredInput>(input),
        "/MalformedUniqueItems" => validate::<MalformedUniqueItemsInput>(input),
        "/SensitiveValidation" => validate::<SensitiveValidationInput>(input),
        other => panic!("no shape for {other}"),
    }
}

#[test]
fn every_smithy_validation_case_passes() {
    let files = [
        include_str!("smithy/malformed-enum.smithy"),
        include_str!("smithy/malformed-length.smithy"),
        include_str!("smithy/malformed-pattern.smithy"),
        include_str!("smithy/malformed-range.smithy"),
        include_str!("smithy/malformed-required.smithy"),
        include_str!("smithy/malformed-uniqueItems.smithy"),
        include_str!("smithy/sensitive-validation.smithy"),
    ];
    let mut ids = 0;
    let mut executed = 0;
    let mut failures = Vec::new();
    for case in files.iter().flat_map(|f| cases(f)) {
        ids += 1;
        let id = case.get("id").unwrap().text().to_owned();
        let request = case.get("request").unwrap();
        let uri = request.get("uri").unwrap().text();
        let response = case.get("response").unwrap();
        assert_eq!(response.get("code").unwrap().text(), "400", "{id}");
        let expected = response
            .get("body")
            .and_then(|b| b.get("assertion"))
            .and_then(|a| a.get("contents"))
            .unwrap()
            .text();
        let params = case.get("testParameters");
        let runs = params
            .and_then(|p| match p {
                Node::Object(map) => map.values().next().map(|v| v.array().len()),
                _ => None,
            })
            .unwrap_or(1);
        for i in 0..runs {
            let values: BTreeMap<&str, &str> = match params {
                Some(Node::Object(map)) => map
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.array()[i].text()))
                    .collect(),
                _ => BTreeMap::new(),
            };
            let body = request.get("body").map_or("{}", Node::text);
            let mut input: Value = serde_json::from_str(&substitute(body, &values))
                .unwrap_or_else(|e| panic!("{id}: body: {e}"));
            bind_http_members(uri, request, &mut input);
            let expected: Value = serde_json::from_str(&substitute(expected, &values))
                .unwrap_or_else(|e| panic!("{id}: expected body: {e}"));
            executed += 1;
            match run(uri, input) {
                Ok(()) => failures.push(format!("{id}[{i}]: accepted, expected {expected}")),
                Err(errors) if errors.smithy_body() != expected => failures.push(format!(
                    "{id}[{i}]:\n  expected {expected}\n  got      {}",
                    errors.smithy_body()
                )),
                Err(_) => {}
            }
        }
    }
    println!(
        "{ids} test cases, {executed} runs with parameters, {} failed",
        failures.len()
    );
    assert!(
        ids >= 80,
        "only {ids} cases found: the reader is missing some"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
