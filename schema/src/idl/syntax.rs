//! One `.smithy` file read into statements whose shape ids are still as written: which
//! shape a relative id names depends on every file of the model (see `super::assemble`).

use super::node::Node;
use crate::ModelError;

/// A file's statements, in the order it writes them.
pub(super) struct File {
    pub name: String,
    pub namespace: Option<String>,
    /// `use` statements: the shape's name, then its absolute id.
    pub uses: Vec<(String, String)>,
    pub metadata: Vec<(String, Node)>,
    /// `$operationInputSuffix` and `$operationOutputSuffix`, when the file sets them.
    pub input_suffix: Option<String>,
    pub output_suffix: Option<String>,
    pub shapes: Vec<Shape>,
    pub applies: Vec<Apply>,
}

/// Where in its file a statement starts, for errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Position {
    pub line: usize,
    pub column: usize,
}

pub(super) struct Trait {
    pub id: String,
    pub value: Node,
    pub at: Position,
}

pub(super) struct Shape {
    pub name: String,
    /// `structure`, `string`, `enum`, `operation`...: the JSON AST's `type`.
    pub kind: String,
    pub traits: Vec<Trait>,
    pub mixins: Vec<String>,
    /// `for Resource`: where elided members (`$id`) find their targets.
    pub resource: Option<String>,
    pub body: Body,
    pub at: Position,
}

pub(super) enum Body {
    Simple,
    Members(Vec<Member>),
    /// An enum's or intEnum's members: a value each, when written.
    Enum(Vec<EnumMember>),
    /// A service's, resource's or operation's properties, as a node object whose
    /// identifiers are shape ids. An operation's inline `input := {..}` is a shape of its
    /// own, named by its property.
    Entity {
        properties: Vec<(String, Node)>,
        inline: Vec<(String, Shape)>,
    },
}

pub(super) struct Member {
    pub name: String,
    /// `None` for an elided member (`$name`): its target is the mixin's or the resource's.
    pub target: Option<String>,
    pub traits: Vec<Trait>,
    pub default: Option<Node>,
    pub at: Position,
}

pub(super) struct EnumMember {
    pub name: String,
    pub traits: Vec<Trait>,
    pub value: Option<Node>,
}

/// `apply Target @trait` or `apply Target { @a @b }`.
pub(super) struct Apply {
    pub target: String,
    pub traits: Vec<Trait>,
    pub at: Position,
}

const SIMPLE: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
];

fn is_shape_kind(kind: &str) -> bool {
    SIMPLE.contains(&kind)
        || matches!(
            kind,
            "enum"
                | "intEnum"
                | "structure"
                | "union"
                | "list"
                | "set"
                | "map"
                | "service"
                | "resource"
                | "operation"
        )
}

/// Reads one file. Errors name the file, line and column.
pub(super) fn parse(name: &str, text: &str) -> Result<File, ModelError> {
    let mut parser = Parser {
        name,
        text,
        pos: 0,
        docs: Vec::new(),
    };
    parser.file().map_err(|e| {
        let at = parser.position_of(e.offset);
        ModelError::new(format!("{name}:{}:{}: {}", at.line, at.column, e.message))
    })
}

struct SyntaxError {
    offset: usize,
    message: String,
}

type Parsed<T> = Result<T, SyntaxError>;

struct Parser<'t> {
    name: &'t str,
    text: &'t str,
    pos: usize,
    /// The documentation comments (`///`) read since the last statement or member began.
    docs: Vec<&'t str>,
}

impl<'t> Parser<'t> {
    fn error<T>(&self, message: impl Into<String>) -> Parsed<T> {
        Err(SyntaxError {
            offset: self.pos,
            message: message.into(),
        })
    }

    fn position_of(&self, offset: usize) -> Position {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Position { line, column }
    }

    fn here(&self) -> Position {
        self.position_of(self.pos)
    }

    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips whitespace, commas and comments, keeping documentation comments' text.
    fn skip(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n', ',', '\u{feff}']);
            self.pos += rest.len() - trimmed.len();
            if !trimmed.starts_with("//") {
                return;
            }
            let line = trimmed.split('\n').next().unwrap_or_default();
            if let Some(doc) = line.strip_prefix("///") {
                self.docs.push(doc.trim_end_matches('\r'));
            }
            self.pos += line.len();
        }
    }

    /// The documentation comments before what comes next, as one text.
    fn take_docs(&mut self) -> Option<Node> {
        if self.docs.is_empty() {
            return None;
        }
        let lines = std::mem::take(&mut self.docs);
        // As Smithy does: one leading space of each line is the comment's, not the text's.
        let text: Vec<&str> = lines
            .iter()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        Some(Node::String(text.join("\n")))
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Parsed<()> {
        if self.eat(token) {
            Ok(())
        } else {
            let found = self.found();
            self.error(format!("expected `{token}`, found {found}"))
        }
    }

    fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the file".into(),
            Some(_) => {
                let word: String = self
                    .rest()
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .take(20)
                    .collect();
                format!("`{word}`")
            }
        }
    }

    /// A keyword or name: `[A-Za-z_][A-Za-z0-9_]*`.
    fn identifier(&mut self) -> Parsed<&'t str> {
        self.skip();
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_alphabetic() || c == '_' || (i > 0 && c.is_ascii_digit())))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            let found = self.found();
            return self.error(format!("expected a name, found {found}"));
        }
        self.pos += len;
        Ok(&rest[..len])
    }

    /// A shape id as written: `Name`, `ns.a#Name`, `Name$member`.
    fn shape_id(&mut self) -> Parsed<String> {
        self.skip();
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '#' | '$')))
            .unwrap_or(rest.len());
        let id = &rest[..len];
        if id.is_empty() || !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            let found = self.found();
            return self.error(format!("expected a shape id, found {found}"));
        }
        self.pos += len;
        Ok(id.to_owned())
    }

    fn file(&mut self) -> Parsed<File> {
        let mut file = File {
            name: self.name.to_owned(),
            namespace: None,
            uses: Vec::new(),
            metadata: Vec::new(),
            input_suffix: None,
            output_suffix: None,
            shapes: Vec::new(),
            applies: Vec::new(),
        };
        // The control section.
        while self.eat("$") {
            let key = self.node_key()?;
            self.expect(":")?;
            let value = self.node()?;
            match (key.as_str(), &value) {
                ("version", Node::String(v)) if v == "2" || v == "2.0" || v.starts_with("1.") => {}
                ("version", _) => {
                    return self.error(format!(
                        "this reader knows Smithy IDL 1.0 and 2.0, not {value:?}"
                    ))
                }
                ("operationInputSuffix", Node::String(v)) => file.input_suffix = Some(v.clone()),
                ("operationOutputSuffix", Node::String(v)) => file.output_suffix = Some(v.clone()),
                _ => {}
            }
        }
        loop {
            self.docs.clear();
            self.skip();
            if self.pos >= self.text.len() {
                return Ok(file);
            }
            let start = self.pos;
            let word = if self.peek() == Some('@') {
                ""
            } else {
                self.identifier()?
            };
            match word {
                "metadata" => {
                    let key = self.node_key()?;
                    self.expect("=")?;
                    file.metadata.push((key, self.node()?));
                }
                "namespace" => {
                    if file.namespace.is_some() {
                        return self.error("a file has one `namespace` statement");
                    }
                    file.namespace = Some(self.shape_id()?);
                }
                "use" => {
                    let id = self.shape_id()?;
                    let name = id.rsplit('#').next().unwrap_or(&id).to_owned();
                    if !id.contains('#') {
                        return self.error(format!("`use {id}`: a use statement takes an absolute shape id (namespace#Name)"));
                    }
                    file.uses.push((name, id));
                }
                "apply" => {
                    let at = self.here();
                    let target = self.shape_id()?;
                    let traits = if self.eat("{") {
                        let mut traits = Vec::new();
                        while !self.eat("}") {
                            if self.pos >= self.text.len() {
                                return self.error("expected `}` closing the apply block");
                            }
                            traits.push(self.trait_application()?);
                        }
                        traits
                    } else {
                        vec![self.trait_application()?]
                    };
                    file.applies.push(Apply { target, traits, at });
                }
                _ => {
                    self.pos = start;
                    if file.namespace.is_none() {
                        return self.error("a shape comes before the file's `namespace` statement");
                    }
                    let shape = self.shape_statement()?;
                    file.shapes.push(shape);
                }
            }
        }
    }

    /// Traits (and the documentation comments before them), a shape's or a member's.
    fn traits(&mut self) -> Parsed<Vec<Trait>> {
        self.skip();
        let mut traits = Vec::new();
        if let Some(docs) = self.take_docs() {
            traits.push(Trait {
                id: "documentation".into(),
                value: docs,
                at: self.here(),
            });
        }
        while self.peek() == Some('@') {
            traits.push(self.trait_application()?);
            self.skip();
        }
        self.docs.clear();
        Ok(traits)
    }

    fn trait_application(&mut self) -> Parsed<Trait> {
        self.expect("@")?;
        let at = self.here();
        let id = self.shape_id()?;
        // `@trait(...)` only when the parenthesis follows at once.
        if !self.rest().starts_with('(') {
            return Ok(Trait {
                id,
                value: Node::Object(Vec::new()),
                at,
            });
        }
        self.pos += 1;
        if self.eat(")") {
            return Ok(Trait {
                id,
                value: Node::Object(Vec::new()),
                at,
            });
        }
        // Structured (`key: value, ...`) when a key and a colon come first.
        let start = self.pos;
        let structured = match self.peek_key() {
            Some(_) => self.eat(":"),
            None => false,
        };
        self.pos = start;
        let value = if structured {
            let mut entries = Vec::new();
            while !self.eat(")") {
                if self.pos >= self.text.len() {
                    return self.error("expected `)` closing the trait's value");
                }
                let key = self.node_key()?;
                self.expect(":")?;
                entries.push((key, self.node()?));
            }
            Node::Object(entries)
        } else {
            let value = self.node()?;
            self.expect(")")?;
            value
        };
        Ok(Trait { id, value, at })
    }

    /// Reads a key (identifier or quoted string) if one comes next, leaving the position
    /// after it; `None` (position unchanged) otherwise.
    fn peek_key(&mut self) -> Option<String> {
        self.skip();
        let start = self.pos;
        let key = match self.peek() {
            Some('"') if !self.rest().starts_with("\"\"\"") => self.quoted().ok(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                self.identifier().ok().map(str::to_owned)
            }
            _ => None,
        };
        // An identifier followed by `#`, `.` or `$` is a shape id, not a key.
        if key.is_some() && self.rest().starts_with(['#', '.', '$']) {
            self.pos = start;
            return None;
        }
        if key.is_none() {
            self.pos = start;
        }
        key
    }

    fn node_key(&mut self) -> Parsed<String> {
        match self.peek_key() {
            Some(key) => Ok(key),
            None => {
                let found = self.found();
                self.error(format!("expected a key, found {found}"))
            }
        }
    }

    /// A node value: object, array, string, text block, number, keyword or shape id.
    fn node(&mut self) -> Parsed<Node> {
        self.skip();
        match self.peek() {
            Some('{') => {
                self.pos += 1;
                let mut entries = Vec::new();
                while !self.eat("}") {
                    if self.pos >= self.text.len() {
                        return self.error("expected `}` closing the object");
                    }
                    let key = self.node_key()?;
                    self.expect(":")?;
                    entries.push((key, self.node()?));
                }
                Ok(Node::Object(entries))
            }
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                while !self.eat("]") {
                    if self.pos >= self.text.len() {
                        return self.error("expected `]` closing the array");
                    }
                    items.push(self.node()?);
                }
                Ok(Node::Array(items))
            }
            Some('"') if self.rest().starts_with("\"\"\"") => self.text_block().map(Node::String),
            Some('"') => self.quoted().map(Node::String),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let id = self.shape_id()?;
                Ok(match id.as_str() {
                    "true" => Node::Bool(true),
                    "false" => Node::Bool(false),
                    "null" => Node::Null,
                    _ => Node::ShapeId(id),
                })
            }
            _ => {
                let found = self.found();
                self.error(format!("expected a value, found {found}"))
            }
        }
    }

    fn number(&mut self) -> Parsed<Node> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
            .unwrap_or(rest.len());
        let text = &rest[..len];
        match serde_json::from_str::<serde_json::Number>(text) {
            Ok(number) => {
                self.pos += len;
                Ok(Node::Number(number))
            }
            Err(_) => self.error(format!("`{text}` is not a number")),
        }
    }

    /// A `"..."` string, its escapes resolved.
    fn quoted(&mut self) -> Parsed<String> {
        let body = &self.rest()[1..];
        let Some(end) = find_closing(body, "\"") else {
            return self.error("a string is not closed");
        };
        let text = unescape(&body[..end]).map_err(|(offset, message)| SyntaxError {
            offset: self.pos + 1 + offset,
            message,
        })?;
        self.pos += end + 2;
        Ok(text)
    }

    /// A `"""` text block: its lines less the indentation they share (the closing line
    /// counts), each line's trailing spaces dropped, then its escapes resolved.
    fn text_block(&mut self) -> Parsed<String> {
        let start = self.pos;
        let rest = &self.rest()[3..];
        let Some(end) = find_closing(rest, "\"\"\"") else {
            return self.error("a text block (`\"\"\"`) is not closed");
        };
        let raw = &rest[..end];
        let Some(body) = raw
            .trim_start_matches([' ', '\t'])
            .strip_prefix('\n')
            .or_else(|| raw.trim_start_matches([' ', '\t']).strip_prefix("\r\n"))
        else {
            return self.error("a text block's text begins on the line after `\"\"\"`");
        };
        let lines: Vec<&str> = body.split('\n').map(|l| l.trim_end_matches('\r')).collect();
        let last = lines.len() - 1;
        let indent = lines
            .iter()
            .enumerate()
            .filter(|(i, l)| *i == last || !l.trim().is_empty())
            .map(|(_, l)| l.len() - l.trim_start_matches([' ', '\t']).len())
            .min()
            .unwrap_or(0);
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            let line = line.get(indent..).unwrap_or("");
            if i == last {
                text.push_str(line);
            } else {
                text.push_str(line.trim_end_matches([' ', '\t']));
                text.push('\n');
            }
        }
        let text = unescape(&text).map_err(|(_, message)| SyntaxError {
            offset: start,
            message,
        })?;
        self.pos += 3 + end + 3;
        Ok(text)
    }

    fn shape_statement(&mut self) -> Parsed<Shape> {
        let traits = self.traits()?;
        let at = self.here();
        let start = self.pos;
        let kind = self.identifier()?;
        if !is_shape_kind(kind) {
            return Err(SyntaxError {
                offset: start,
                message: format!("`{kind}` is not a kind of shape"),
            });
        }
        let name = self.identifier()?.to_owned();
        self.shape_rest(kind, name, traits, at)
    }

    /// A shape after its traits, type and name: `for`, `with`, then its body.
    fn shape_rest(
        &mut self,
        kind: &str,
        name: String,
        traits: Vec<Trait>,
        at: Position,
    ) -> Parsed<Shape> {
        let mut shape = Shape {
            name,
            kind: kind.to_owned(),
            traits,
            mixins: Vec::new(),
            resource: None,
            body: Body::Simple,
            at,
        };
        let mut targets = |p: &mut Self| -> Parsed<()> {
            p.skip();
            if p.rest().starts_with("for")
                && !p.rest()[3..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            {
                p.pos += 3;
                shape.resource = Some(p.shape_id()?);
            }
            if p.eat("with") {
                p.expect("[")?;
                while !p.eat("]") {
                    if p.pos >= p.text.len() {
                        return p.error("expected `]` closing the mixins");
                    }
                    shape.mixins.push(p.shape_id()?);
                }
            }
            Ok(())
        };
        targets(self)?;
        shape.body = match kind {
            k if SIMPLE.contains(&k) => Body::Simple,
            "enum" | "intEnum" => Body::Enum(self.enum_members()?),
            "structure" | "union" | "list" | "set" | "map" => {
                if kind == "set" {
                    shape.kind = "list".into();
                    shape.traits.push(Trait {
                        id: "uniqueItems".into(),
                        value: Node::Object(Vec::new()),
                        at,
                    });
                }
                Body::Members(self.members()?)
            }
            _ => self.entity(&shape.name)?,
        };
        Ok(shape)
    }

    /// `{ item item ... }`: each item read by `item` after its documentation comments are
    /// gathered; `what` names the block for an unclosed one.
    fn block<T>(
        &mut self,
        what: &str,
        mut item: impl FnMut(&mut Self) -> Parsed<T>,
    ) -> Parsed<Vec<T>> {
        self.expect("{")?;
        let mut items = Vec::new();
        loop {
            self.docs.clear();
            self.skip();
            if self.eat("}") {
                return Ok(items);
            }
            if self.pos >= self.text.len() {
                return self.error(format!("expected `}}` closing the {what}"));
            }
            items.push(item(self)?);
        }
    }

    /// `= value` after a member, when it has one.
    fn assigned(&mut self) -> Parsed<Option<Node>> {
        if self.eat("=") {
            self.node().map(Some)
        } else {
            Ok(None)
        }
    }

    fn members(&mut self) -> Parsed<Vec<Member>> {
        self.block("members", |p| {
            let traits = p.traits()?;
            let at = p.here();
            let (name, target) = if p.eat("$") {
                (p.identifier()?.to_owned(), None)
            } else {
                let name = p.identifier()?.to_owned();
                p.expect(":")?;
                (name, Some(p.shape_id()?))
            };
            Ok(Member {
                name,
                target,
                traits,
                default: p.assigned()?,
                at,
            })
        })
    }

    fn enum_members(&mut self) -> Parsed<Vec<EnumMember>> {
        self.block("enum", |p| {
            Ok(EnumMember {
                traits: p.traits()?,
                name: p.identifier()?.to_owned(),
                value: p.assigned()?,
            })
        })
    }

    /// A service's, resource's or operation's body. An operation's `input := ...` and
    /// `output := ...` declare structures inline.
    fn entity(&mut self, owner: &str) -> Parsed<Body> {
        self.expect("{")?;
        let mut properties = Vec::new();
        let mut inline = Vec::new();
        while !self.eat("}") {
            if self.pos >= self.text.len() {
                return self.error("expected `}` closing the shape");
            }
            let key = self.node_key()?;
            if self.eat(":=") {
                self.docs.clear();
                let traits = self.traits()?;
                let at = self.here();
                let shape = self.shape_rest("structure", owner.to_owned(), traits, at)?;
                inline.push((key, shape));
                continue;
            }
            self.expect(":")?;
            properties.push((key, self.node()?));
        }
        Ok(Body::Entity { properties, inline })
    }
}

/// Where the string or text block that `text` begins ends: its first `delimiter` not
/// escaped.
fn find_closing(text: &str, delimiter: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            _ if bytes[i..].starts_with(delimiter.as_bytes()) => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// A string's escapes resolved; an error gives the offset of the bad escape.
fn unescape(text: &str) -> Result<String, (usize, String)> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {}
            // A line break is the newline alone, as Smithy reads it.
            '\r' => continue,
            c => {
                out.push(c);
                continue;
            }
        }
        let bad = |message: String| (at, message);
        let Some((_, escaped)) = chars.next() else {
            return Err(bad("a string ends in `\\`".into()));
        };
        match escaped {
            '"' | '\\' | '/' | '\'' => out.push(escaped),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            // An escaped line break continues the line.
            '\n' => {}
            '\r' => {
                if chars.clone().next().map(|(_, c)| c) == Some('\n') {
                    chars.next();
                }
            }
            'u' => {
                let mut unit = hex4(&mut chars)
                    .ok_or_else(|| bad("`\\u` takes four hexadecimal digits".into()))?;
                if (0xD800..0xDC00).contains(&unit) {
                    let mut low = chars.clone();
                    if let (Some((_, '\\')), Some((_, 'u'))) = (low.next(), low.next()) {
                        if let Some(second) =
                            hex4(&mut low).filter(|u| (0xDC00..0xE000).contains(u))
                        {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (second - 0xDC00);
                            chars = low;
                        }
                    }
                }
                let c = char::from_u32(unit)
                    .ok_or_else(|| bad(format!("`\\u{unit:04X}` is half of a surrogate pair")))?;
                out.push(c);
            }
            other => return Err(bad(format!("`\\{other}` is not one of Smithy's escapes"))),
        }
    }
    Ok(out)
}

fn hex4(chars: &mut std::str::CharIndices<'_>) -> Option<u32> {
    let mut unit = 0;
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        unit = unit * 16 + c.to_digit(16)?;
    }
    Some(unit)
}
