//! A parser for the regular-expression dialect AWS writes its patterns in: Java's
//! `java.util.regex`, plus AWS's habit of writing supplementary code points as `\u10000`.
//!
//! Every construct gets Java's meaning, not Rust `regex`'s: `\w`, `\d`, `\s`, `\b` and the
//! POSIX classes are ASCII-only, `.` excludes all five Java line terminators, `[\w-_]` is a
//! class escape followed by a literal `-`, nested classes unite and `&&` intersects.

use regex_syntax::hir::ClassUnicode;

use crate::ast::{Assertion, LookAround, Node, Repeat};
use crate::classes::{
    class_of, fold_ascii_case, horizontal_space, line_terminators, negate_if, space_class,
    vertical_space, word_class,
};
use crate::error::{PatternError, PatternErrorKind};

/// Parses a pattern written in AWS's (Java) dialect. With `captures`, groups and
/// back-references are kept for the backtracking matcher; without, groups are transparent and
/// a back-reference is an error that names the opt-in.
pub(crate) fn parse(pattern: &str, captures: bool) -> Result<Node, PatternError> {
    let mut parser = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        flags: Flags::default(),
        depth: 0,
        captures,
        groups: 0,
        names: Vec::new(),
        free_linebreaks: 0,
        variable: 0,
    };
    let node = parser.alternation()?;
    match parser.peek() {
        None => Ok(node),
        Some(')') => Err(parser.syntax("unmatched closing `)`", parser.pos)),
        Some(c) => Err(parser.syntax(format!("unexpected `{c}`"), parser.pos)),
    }
}

/// Nesting deeper than this is rejected rather than risking the stack.
const MAX_DEPTH: usize = 200;

/// Largest counted repetition Java accepts is `i32::MAX`; anything near it is a size
/// problem anyway, so the limit here only keeps arithmetic in range.
const MAX_REPEAT: u32 = 100_000;

#[derive(Clone, Copy, Default)]
struct Flags {
    /// `(?i)`: ASCII-only case folding, as Java does without `(?u)`.
    case_insensitive: bool,
    /// `(?u)`: with `(?i)`, fold case over all of Unicode with Java's simple case mappings.
    unicode_case: bool,
    /// `(?s)`: `.` matches line terminators too.
    dot_all: bool,
    /// `(?m)`: `^` and `$` match at every line's start and end.
    multiline: bool,
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flags: Flags,
    depth: usize,
    /// Keep capture groups and back-references.
    captures: bool,
    /// Capture groups opened so far, numbered from 1 in order of their `(`.
    groups: u32,
    names: Vec<(String, u32)>,
    /// `\R`s parsed so far that no quantifier has made atomic (see [`Parser::quantified`]).
    free_linebreaks: usize,
    /// Alternations and variable quantifiers parsed so far: what makes Java treat a group as
    /// non-deterministic.
    variable: usize,
}

/// One element of a bracketed class before ranges are formed.
enum ClassAtom {
    Char(u32),
    Set(ClassUnicode),
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self.chars[self.pos..].iter().copied().take(n).eq(s.chars()) {
            self.pos += n;
            true
        } else {
            false
        }
    }

    fn syntax(&self, message: impl Into<String>, offset: usize) -> PatternError {
        PatternError::new(PatternErrorKind::Syntax, message, offset)
    }

    fn unsupported(&self, message: impl Into<String>, offset: usize) -> PatternError {
        PatternError::new(PatternErrorKind::Unsupported, message, offset)
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.unsupported(
                format!("groups nested deeper than {MAX_DEPTH} levels"),
                self.pos,
            ));
        }
        // Inline flags set inside a group end with it.
        let saved = self.flags;
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        if branches.len() > 1 {
            self.variable += 1;
        }
        self.flags = saved;
        self.depth -= 1;
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternation(branches)
        })
    }

    fn concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if self.eat_str("\\Q") {
                // A quantifier after `\Q..\E` applies to the last quoted character only, as
                // in Java: `\Qab\E*` is `ab*`.
                let quote = self.pos - 2;
                let mut quoted = self.quoted();
                if quoted.is_empty() && matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
                    // Java deletes an empty quote before parsing, so the quantifier lands on
                    // whatever came before (or, first in a pattern, on nothing it reports).
                    return Err(
                        self.unsupported("a quantifier right after an empty `\\Q\\E`", quote)
                    );
                }
                if let Some(last) = quoted.pop() {
                    items.extend(quoted.into_iter().map(Node::Class));
                    let atom = Node::Class(last);
                    items.push(self.quantified(atom, AtomInfo::default())?);
                }
                continue;
            }
            let (start, linebreaks, variable) = (self.pos, self.free_linebreaks, self.variable);
            let Some(atom) = self.atom()? else { continue };
            let info = AtomInfo {
                free_linebreaks: self.free_linebreaks - linebreaks,
                variable: self.variable > variable,
                text: self.chars[start..self.pos].iter().collect(),
            };
            items.push(self.quantified(atom, info)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Parses one atom; `None` for constructs that match nothing themselves (inline flags,
    /// an empty `\Q\E`).
    fn atom(&mut self) -> Result<Option<Node>, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        let node = match c {
            '(' => return self.group(start),
            '[' => Node::Class(self.class(start)?),
            '.' => Node::Class(self.dot()),
            '^' if self.flags.multiline => Node::Assert(Assertion::LineStart),
            '$' if self.flags.multiline => Node::Assert(Assertion::LineEnd),
            '^' => Node::Assert(Assertion::Start),
            '$' => Node::Assert(Assertion::EndOrFinalTerminator),
            '\\' => return self.escape(start),
            '*' | '+' | '?' => {
                return Err(self.syntax(format!("dangling meta character `{c}`"), start))
            }
            '{' => return Err(self.syntax("illegal repetition `{`", start)),
            _ => Node::Class(self.literal(c as u32)),
        };
        Ok(Some(node))
    }

    fn quantified(&mut self, atom: Node, info: AtomInfo) -> Result<Node, PatternError> {
        let offset = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                self.pos += 1;
                self.counted(offset)?
            }
            _ => return Ok(atom),
        };
        if self.pos == offset {
            self.pos += 1;
        }
        // A lazy quantifier accepts the same whole strings as a greedy one; a possessive one
        // may not, which lowering checks.
        let possessive = !self.eat('?') && self.eat('+');
        // Java ignores a counted repetition that directly follows a quantifier:
        // `[0-9]{2}{0,3}` means `[0-9]{2}` (AWS's models contain such patterns).
        while self.peek() == Some('{') {
            let ignored = self.pos;
            self.pos += 1;
            self.counted(ignored)?;
        }
        if let Some(c @ ('*' | '+' | '?' | '{')) = self.peek() {
            return Err(self.syntax(format!("dangling meta character `{c}`"), self.pos));
        }
        if matches!(atom, Node::Assert(_) | Node::LookAround(_)) {
            // Java accepts a quantified assertion: it is the assertion itself when the
            // minimum is at least one, and matches anything otherwise.
            return Ok(if min == 0 { Node::Empty } else { atom });
        }
        if max != Some(min) {
            self.variable += 1;
        }
        let atom = self.atomic_linebreaks(atom, &info, max == Some(1) && min == 0, offset)?;
        Ok(Node::Repeat(Repeat {
            node: Box::new(atom),
            min,
            max,
            possessive,
            offset,
        }))
    }

    /// Java matches each repetition of a single-node atom, and of a group without
    /// alternatives or variable quantifiers, once and for all: the repetition never gives
    /// back part of what one iteration took. Only `\R` can match in two ways there (`\r\n`
    /// or `\r`), so a repeated `\R` takes `\r\n` whenever it can: `\R{2}` rejects "\r\n".
    /// `?` on a group is a branch in Java, which does give back.
    fn atomic_linebreaks(
        &mut self,
        atom: Node,
        info: &AtomInfo,
        optional: bool,
        offset: usize,
    ) -> Result<Node, PatternError> {
        if info.free_linebreaks == 0 || info.variable {
            return Ok(atom);
        }
        let is_group = info.text.starts_with('(');
        if is_group && optional {
            return Ok(atom);
        }
        if unwrap_groups(&info.text) != "\\R" {
            return Err(self.unsupported(
                "a repeated group with `\\R` and more in it: Java never gives back part of an \
                 iteration, which cannot be matched in linear time",
                offset,
            ));
        }
        self.free_linebreaks -= 1;
        Ok(atomic_linebreak())
    }

    /// Parses the inside of `{n}`, `{n,}` or `{n,m}` (the `{` is consumed).
    fn counted(&mut self, offset: usize) -> Result<(u32, Option<u32>), PatternError> {
        let min = self
            .number()?
            .ok_or_else(|| self.syntax("illegal repetition `{`", offset))?;
        let max = if self.eat(',') {
            self.number()?
        } else {
            Some(min)
        };
        if !self.eat('}') {
            return Err(self.syntax("unclosed counted repetition", offset));
        }
        if let Some(max) = max {
            if max < min {
                return Err(self.syntax(
                    format!("illegal repetition range {{{min},{max}}}: minimum exceeds maximum"),
                    offset,
                ));
            }
        }
        Ok((min, max))
    }

    fn number(&mut self) -> Result<Option<u32>, PatternError> {
        let start = self.pos;
        let mut value: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            self.pos += 1;
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(d))
                .filter(|v| *v <= MAX_REPEAT)
                .ok_or_else(|| {
                    self.unsupported(format!("repetition count larger than {MAX_REPEAT}"), start)
                })?;
        }
        Ok((self.pos > start).then_some(value))
    }

    fn group(&mut self, start: usize) -> Result<Option<Node>, PatternError> {
        if !self.eat('?') {
            return self.capture(start).map(Some);
        }
        if self.eat(':') {
            return self.group_body(start).map(Some);
        }
        for (text, ahead, negated) in [
            ("=", true, false),
            ("!", true, true),
            ("<=", false, false),
            ("<!", false, true),
        ] {
            if self.eat_str(text) {
                let node = self.group_body(start)?;
                return Ok(Some(Node::LookAround(LookAround {
                    ahead,
                    negated,
                    node: Box::new(node),
                    offset: start,
                })));
            }
        }
        if self.peek() == Some('<') {
            // `(?<name>..)`: a named capture, transparent like any group.
            self.pos += 1;
            let name_start = self.pos;
            while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric()) {
                self.pos += 1;
            }
            if self.pos == name_start || !self.eat('>') {
                return Err(self.syntax("invalid named group", start));
            }
            let name = self.chars[name_start..self.pos - 1].iter().collect();
            self.names.push((name, self.groups + 1));
            return self.capture(start).map(Some);
        }
        if self.peek() == Some('>') {
            return Err(self.unsupported(
                "atomic groups `(?>..)` cannot be matched in linear time",
                start,
            ));
        }
        self.inline_flags(start)
    }

    /// A capturing group: numbered when captures are kept, transparent otherwise.
    fn capture(&mut self, start: usize) -> Result<Node, PatternError> {
        self.groups += 1;
        let index = self.groups;
        let node = self.group_body(start)?;
        Ok(if self.captures {
            Node::Capture(index, Box::new(node))
        } else {
            node
        })
    }

    /// `\1`..`\9` (and more digits while that many groups exist, as Java reads them) or
    /// `\k<name>`; the backslash is consumed, the position is at the digit or `k`.
    fn back_reference(&mut self, start: usize) -> Result<Node, PatternError> {
        let index = if self.eat('k') {
            let name_start = self.pos + 1;
            if !self.eat('<') {
                return Err(
                    self.syntax("illegal named back-reference, expected `\\k<name>`", start)
                );
            }
            while matches!(self.peek(), Some(c) if c != '>') {
                self.pos += 1;
            }
            let name: String = self.chars[name_start..self.pos].iter().collect();
            if !self.eat('>') {
                return Err(self.syntax("unclosed named back-reference", start));
            }
            self.names
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, i)| *i)
                .ok_or_else(|| self.syntax(format!("no group named `{name}`"), start))?
        } else {
            let mut index = self.peek().and_then(|c| c.to_digit(10)).unwrap_or(0);
            self.pos += 1;
            while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
                if index * 10 + d > self.groups {
                    break;
                }
                index = index * 10 + d;
                self.pos += 1;
            }
            index
        };
        if !self.captures {
            return Err(self.unsupported(
                "back-references cannot be matched in linear time; \
                 `#[pattern(\"..\", backtracking)]` opts into a bounded backtracking matcher",
                start,
            ));
        }
        if index == 0 || index > self.groups {
            return Err(self.syntax(
                format!("back-reference to group {index}, which is not defined before it"),
                start,
            ));
        }
        Ok(Node::BackRef(index))
    }

    fn group_body(&mut self, start: usize) -> Result<Node, PatternError> {
        let node = self.alternation()?;
        if !self.eat(')') {
            return Err(self.syntax("unclosed group", start));
        }
        Ok(node)
    }

    /// `(?i)`, `(?s-i)`, `(?i:..)`. Flags without a colon last until the enclosing group ends.
    fn inline_flags(&mut self, start: usize) -> Result<Option<Node>, PatternError> {
        let mut on = true;
        let mut flags = self.flags;
        loop {
            let offset = self.pos;
            match self.peek() {
                Some('i') => flags.case_insensitive = on,
                Some('s') => flags.dot_all = on,
                Some('m') => flags.multiline = on,
                Some('u') => flags.unicode_case = on,
                Some('-') if on => on = false,
                Some(')') => {
                    self.pos += 1;
                    self.flags = flags;
                    return Ok(None);
                }
                Some(':') => {
                    self.pos += 1;
                    let saved = self.flags;
                    self.flags = flags;
                    let node = self.group_body(start)?;
                    self.flags = saved;
                    return Ok(Some(node));
                }
                Some(c @ ('d' | 'x' | 'U' | 'c')) => {
                    return Err(
                        self.unsupported(format!("inline flag `{c}` is not supported"), offset)
                    )
                }
                Some(c) => return Err(self.syntax(format!("unknown inline flag `{c}`"), offset)),
                None => return Err(self.syntax("unclosed group", start)),
            }
            self.pos += 1;
        }
    }

    fn dot(&self) -> ClassUnicode {
        if self.flags.dot_all {
            return class_of(&[(0, 0x10FFFF)]);
        }
        let mut class = class_of(&[(0, 0x10FFFF)]);
        class.difference(&line_terminators());
        class
    }

    /// A single literal character, case-folded under `(?i)`.
    fn literal(&self, c: u32) -> ClassUnicode {
        match (self.flags.case_insensitive, self.flags.unicode_case) {
            (true, true) => crate::case::fold_char(c),
            (true, false) => {
                let mut class = class_of(&[(c, c)]);
                fold_ascii_case(&mut class);
                class
            }
            (false, _) => class_of(&[(c, c)]),
        }
    }

    fn escape(&mut self, start: usize) -> Result<Option<Node>, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.syntax("trailing backslash", start));
        };
        let assertion = match c {
            'b' => Some(Assertion::WordBoundary),
            'B' => Some(Assertion::NotWordBoundary),
            'A' => Some(Assertion::Start),
            'z' => Some(Assertion::End),
            'Z' => Some(Assertion::EndOrFinalTerminator),
            _ => None,
        };
        if let Some(assertion) = assertion {
            self.pos += 1;
            return Ok(Some(Node::Assert(assertion)));
        }
        match c {
            'G' => Err(self.unsupported("`\\G` is not supported", start)),
            'X' => Err(self.unsupported("`\\X` (grapheme cluster) is not supported", start)),
            'k' | '1'..='9' => self.back_reference(start).map(Some),
            'R' => {
                self.pos += 1;
                self.free_linebreaks += 1;
                Ok(Some(linebreak()))
            }
            _ => match self.escape_atom(start)? {
                ClassAtom::Char(c) => Ok(Some(Node::Class(self.literal(c)))),
                ClassAtom::Set(set) => Ok(Some(Node::Class(set))),
            },
        }
    }

    /// An escape that stands for one character or a set of them; valid both inside and
    /// outside brackets. The backslash is consumed.
    fn escape_atom(&mut self, start: usize) -> Result<ClassAtom, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.syntax("trailing backslash", start));
        };
        self.pos += 1;
        let ch = |c: char| Ok(ClassAtom::Char(c as u32));
        match c {
            't' => ch('\t'),
            'n' => ch('\n'),
            'r' => ch('\r'),
            'f' => ch('\u{0C}'),
            'a' => ch('\u{07}'),
            'e' => ch('\u{1B}'),
            'c' => {
                let Some(x) = self.peek().filter(char::is_ascii) else {
                    return Err(self.syntax("illegal control escape `\\c`", start));
                };
                self.pos += 1;
                Ok(ClassAtom::Char((x as u32) ^ 64))
            }
            '0' => self.octal(start).map(ClassAtom::Char),
            'x' => self.hex_escape(start).map(ClassAtom::Char),
            'u' => self.unicode_escape(start).map(ClassAtom::Char),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'h' | 'H' | 'v' | 'V' => {
                let (set, negated) = match c {
                    'd' | 'D' => (class_of(&[(0x30, 0x39)]), c == 'D'),
                    'w' | 'W' => (word_class(), c == 'W'),
                    's' | 'S' => (space_class(), c == 'S'),
                    'h' | 'H' => (horizontal_space(), c == 'H'),
                    _ => (vertical_space(), c == 'V'),
                };
                Ok(ClassAtom::Set(negate_if(set, negated)))
            }
            'p' | 'P' => self.property(start, c == 'P').map(ClassAtom::Set),
            c if c.is_ascii_alphabetic() => Err(self.syntax(
                format!("illegal or unsupported escape sequence `\\{c}`"),
                start,
            )),
            c if c.is_ascii_digit() => Err(self.syntax(
                "illegal escape `\\1`..`\\9` inside a character class",
                start,
            )),
            c => ch(c),
        }
    }

    /// `\0n`, `\0nn`, `\0mnn` with `m <= 3`, as Java reads them.
    fn octal(&mut self, start: usize) -> Result<u32, PatternError> {
        let digit = |c: Option<char>| c.and_then(|c| c.to_digit(8));
        let Some(first) = digit(self.peek()) else {
            return Err(self.syntax("illegal octal escape `\\0`", start));
        };
        self.pos += 1;
        let mut value = first;
        let max_digits = if first <= 3 { 3 } else { 2 };
        for _ in 1..max_digits {
            match digit(self.peek()) {
                Some(d) => {
                    value = value * 8 + d;
                    self.pos += 1;
                }
                None => break,
            }
        }
        Ok(value)
    }

    /// `\xhh` or `\x{h..h}`.
    fn hex_escape(&mut self, start: usize) -> Result<u32, PatternError> {
        if self.eat('{') {
            let digits_start = self.pos;
            while matches!(self.peek(), Some(c) if c.is_ascii_hexdigit()) {
                self.pos += 1;
            }
            let digits: String = self.chars[digits_start..self.pos].iter().collect();
            if digits.is_empty() || !self.eat('}') {
                return Err(self.syntax("illegal hexadecimal escape `\\x{..}`", start));
            }
            return u32::from_str_radix(&digits, 16)
                .ok()
                .filter(|v| *v <= 0x10FFFF)
                .ok_or_else(|| self.syntax("hexadecimal code point out of range", start));
        }
        self.fixed_hex(2)
            .ok_or_else(|| self.syntax("illegal hexadecimal escape `\\x`", start))
    }

    /// `\uhhhh`, with two of AWS's conventions: a high and a low surrogate escape in a row
    /// are one supplementary character (as Java reads them), and `\u` followed by five or six
    /// hex digits naming a supplementary code point (`\u10000`, `\u10FFFF`) is that code
    /// point, which is what AWS's documentation means by it although Java would read
    /// `\u1000` followed by `0`.
    fn unicode_escape(&mut self, start: usize) -> Result<u32, PatternError> {
        if let Some(wide) = self.wide_unicode_escape() {
            return Ok(wide);
        }
        let Some(unit) = self.fixed_hex(4) else {
            return Err(self.syntax("illegal Unicode escape `\\u`", start));
        };
        if (0xD800..0xDC00).contains(&unit) && self.peek() == Some('\\') {
            let saved = self.pos;
            self.pos += 1;
            if self.eat('u') {
                if let Some(low) = self.fixed_hex(4).filter(|l| (0xDC00..0xE000).contains(l)) {
                    return Ok(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                }
            }
            self.pos = saved;
        }
        Ok(unit)
    }

    fn wide_unicode_escape(&mut self) -> Option<u32> {
        let digits = self.chars[self.pos..]
            .iter()
            .take(6)
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if digits < 5 || self.chars[self.pos] != '1' {
            return None;
        }
        let text: String = self.chars[self.pos..self.pos + digits].iter().collect();
        let value = u32::from_str_radix(&text, 16).ok()?;
        (0x10000..=0x10FFFF).contains(&value).then(|| {
            self.pos += digits;
            value
        })
    }

    fn fixed_hex(&mut self, n: usize) -> Option<u32> {
        let text: String = self.chars.get(self.pos..self.pos + n)?.iter().collect();
        if !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += n;
        u32::from_str_radix(&text, 16).ok()
    }

    /// `\p{Name}`, `\pL`, `\P{..}`; the `p` or `P` is consumed.
    fn property(&mut self, start: usize, negated: bool) -> Result<ClassUnicode, PatternError> {
        let name: String = if self.eat('{') {
            let name_start = self.pos;
            while matches!(self.peek(), Some(c) if c != '}') {
                self.pos += 1;
            }
            let name = self.chars[name_start..self.pos].iter().collect();
            if !self.eat('}') {
                return Err(self.syntax("unclosed character property `\\p{`", start));
            }
            name
        } else {
            match self.peek() {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.pos += 1;
                    c.to_string()
                }
                _ => return Err(self.syntax("illegal character property `\\p`", start)),
            }
        };
        let set = crate::properties::java_property(&name, self.flags.case_insensitive);
        let set = set.ok_or_else(|| {
            self.unsupported(
                format!("unknown or unsupported property `\\p{{{name}}}`"),
                start,
            )
        })?;
        Ok(negate_if(set, negated))
    }

    /// A bracketed class; `[` is consumed.
    fn class(&mut self, start: usize) -> Result<ClassUnicode, PatternError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.unsupported(
                format!("classes nested deeper than {MAX_DEPTH} levels"),
                start,
            ));
        }
        let negated = self.eat('^');
        let mut union = ClassUnicode::empty();
        let mut intersections: Vec<ClassUnicode> = Vec::new();
        let mut first = true;
        // Members of the operand being read, and of the one before it: Java ignores an
        // empty operand of `&&` only in the cases checked at `&&` and `]`.
        let mut members = 0usize;
        let mut previous_members: Option<usize> = None;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.syntax("unclosed character class", start));
            };
            if c == ']' && !first {
                self.empty_operand(members, previous_members, start)?;
                self.pos += 1;
                break;
            }
            first = false;
            if c == '[' {
                self.pos += 1;
                let nested = self.class(self.pos - 1)?;
                union.union(&nested);
                members += 1;
                continue;
            }
            let operator = self.pos;
            if self.eat_str("&&") {
                if self.peek() == Some('&') && self.peek_at(1) != Some('&') {
                    return Err(self.syntax("bad class syntax: `&&&`", operator));
                }
                match previous_members {
                    // A leading empty operand is no operand: `[&&a]` is `[a]`.
                    None if members == 0 => {}
                    _ if members == 0 => self.empty_operand(members, previous_members, operator)?,
                    _ => intersections.push(std::mem::replace(&mut union, ClassUnicode::empty())),
                }
                if members > 0 {
                    previous_members = Some(members);
                }
                members = 0;
                continue;
            }
            members += 1;
            let atom_start = self.pos;
            let atom = self.class_atom()?;
            match atom {
                ClassAtom::Set(set) => union.union(&set),
                ClassAtom::Char(lo) => {
                    // `a-z` is a range unless the `-` ends the class or precedes a nested
                    // class; a range's end must be a single character.
                    let is_range = self.peek() == Some('-')
                        && !matches!(self.peek_at(1), Some(']') | Some('[') | None);
                    if !is_range {
                        union.union(&self.literal(lo));
                        continue;
                    }
                    self.pos += 1;
                    let hi = match self.class_atom()? {
                        ClassAtom::Char(hi) => hi,
                        ClassAtom::Set(_) => {
                            return Err(self.syntax("illegal character range", atom_start))
                        }
                    };
                    if hi < lo {
                        return Err(self.syntax("illegal character range", atom_start));
                    }
                    union.union(&self.range(lo, hi));
                }
            }
        }
        if members == 0 {
            // A trailing empty operand: the class is what came before it.
            union = intersections.pop().unwrap_or(union);
        }
        for mut left in intersections.into_iter().rev() {
            left.intersect(&union);
            union = left;
        }
        self.depth -= 1;
        Ok(negate_if(union, negated))
    }

    /// Checks an empty operand of `&&` (at `]` or at the next `&&`). Java ignores it after an
    /// operand of one member (`[a-z&&]` is `[a-z]`) but reads it inconsistently after
    /// several (`[xa-c&&]` is `[a-c]`), so that is refused rather than guessed.
    fn empty_operand(
        &self,
        members: usize,
        previous_members: Option<usize>,
        offset: usize,
    ) -> Result<(), PatternError> {
        match (members, previous_members) {
            (0, None) => Err(self.syntax("bad class syntax: `&&` without operands", offset)),
            (0, Some(n)) if n > 1 => Err(self.unsupported(
                "an empty operand of `&&` after an operand of several members, which Java \
                 reads inconsistently; remove the `&&`",
                offset,
            )),
            _ => Ok(()),
        }
    }

    /// The characters of `\Q..\E` (`\Q` consumed; an unclosed quote runs to the end), each
    /// case-folded under `(?i)`.
    fn quoted(&mut self) -> Vec<ClassUnicode> {
        let mut quoted = Vec::new();
        while self.pos < self.chars.len() && !self.eat_str("\\E") {
            quoted.push(self.literal(self.chars[self.pos] as u32));
            self.pos += 1;
        }
        quoted
    }

    /// One character or class escape inside brackets.
    fn class_atom(&mut self) -> Result<ClassAtom, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.syntax("unclosed character class", start));
        };
        self.pos += 1;
        if c != '\\' {
            return Ok(ClassAtom::Char(c as u32));
        }
        if self.eat('Q') {
            // `\Q..\E` inside a class: each quoted character is a member.
            let mut set = ClassUnicode::empty();
            for member in self.quoted() {
                set.union(&member);
            }
            return Ok(ClassAtom::Set(set));
        }
        self.escape_atom(start)
    }

    /// A range `lo-hi` of a class, case-folded under `(?i)` as Java folds ranges (which
    /// differs from single characters under `(?iu)`).
    fn range(&self, lo: u32, hi: u32) -> ClassUnicode {
        match (self.flags.case_insensitive, self.flags.unicode_case) {
            (true, true) => crate::case::fold_range(lo, hi),
            _ => {
                let mut class = class_of(&[(lo, hi)]);
                if self.flags.case_insensitive {
                    fold_ascii_case(&mut class);
                }
                class
            }
        }
    }
}

/// What [`Parser::concat`] knows of an atom when it meets a quantifier.
#[derive(Default)]
struct AtomInfo {
    /// `\R`s in the atom that are not yet atomic.
    free_linebreaks: usize,
    /// The atom has alternatives or variable quantifiers (Java: not deterministic).
    variable: bool,
    /// The atom as written.
    text: String,
}

/// The inside of `(..)`, `(?:..)` and `(?<name>..)`, however deeply nested.
fn unwrap_groups(mut text: &str) -> &str {
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = if let Some(rest) = inner.strip_prefix("?:") {
            rest
        } else if let Some(rest) = inner.strip_prefix("?<") {
            match rest.split_once('>') {
                Some((_, body)) => body,
                None => return text,
            }
        } else if inner.starts_with('?') {
            return text;
        } else {
            inner
        };
    }
    text
}

/// `\R` where Java repeats it: `\r\n` whenever the input has it, else one vertical
/// whitespace character.
fn atomic_linebreak() -> Node {
    let cr = || Node::Class(class_of(&[(0x0D, 0x0D)]));
    let lf = || Node::Class(class_of(&[(0x0A, 0x0A)]));
    let mut single = vertical_space();
    single.difference(&class_of(&[(0x0D, 0x0D)]));
    Node::Alternation(vec![
        Node::Concat(vec![cr(), lf()]),
        Node::Concat(vec![
            cr(),
            Node::LookAround(LookAround {
                ahead: true,
                negated: true,
                node: Box::new(lf()),
                offset: 0,
            }),
        ]),
        Node::Class(single),
    ])
}

/// `\R`: `\r\n` or any single vertical whitespace character.
fn linebreak() -> Node {
    Node::Alternation(vec![
        Node::Concat(vec![
            Node::Class(class_of(&[(0x0D, 0x0D)])),
            Node::Class(class_of(&[(0x0A, 0x0A)])),
        ]),
        Node::Class(vertical_space()),
    ])
}
