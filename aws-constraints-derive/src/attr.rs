//! Parsing the constraint attributes of one field.
//!
//! Each rule is parsed into a checked value: a `Len` or `Range` exists only with
//! `min <= max`, a `Pattern` only once the pattern compiler accepted it. A rule that fails
//! is reported and left out, and parsing goes on with the next attribute.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitStr, Token};

use crate::ctxt::Ctxt;

pub(crate) const LEN: &str = "len";
pub(crate) const PATTERN: &str = "pattern";
pub(crate) const REQUIRED: &str = "required";
pub(crate) const RANGE: &str = "range";
pub(crate) const EACH: &str = "each";
pub(crate) const KEYS: &str = "keys";
pub(crate) const VALUES: &str = "values";
pub(crate) const NESTED: &str = "nested";
pub(crate) const SENSITIVE: &str = "sensitive";
pub(crate) const ONE_OF: &str = "one_of";
pub(crate) const UNIQUE: &str = "unique";
pub(crate) const CUSTOM: &str = "custom";
pub(crate) const VALIDATE: &str = "validate";
pub(crate) const PATH_PREFIX: &str = "path_prefix";

/// Rules that may appear inside `#[each(..)]`, `#[keys(..)]` and `#[values(..)]`.
const ITEM_RULES: &str =
    "`len`, `pattern`, `range`, `one_of`, `each`, `keys`, `values`, `sensitive`";

/// The constraints on one field, in the order they are written.
pub(crate) struct FieldAttrs {
    pub(crate) rules: Vec<Rule>,
    /// The `#[sensitive]` attribute, if present.
    pub(crate) sensitive: Option<Attribute>,
    /// `#[path_prefix("createRestApiInput")]`: what AWS's messages write before the
    /// member's path (API Gateway's body members), with its attribute.
    pub(crate) path_prefix: Option<(Attribute, LitStr)>,
}

pub(crate) struct Rule {
    /// The attribute, for spans of errors about the rule as a whole.
    pub(crate) attr: Attribute,
    pub(crate) kind: RuleKind,
}

pub(crate) enum RuleKind {
    Required,
    Nested,
    Unique,
    Value(ValueRule),
    Each(Vec<ValueRule>),
    Keys(Vec<ValueRule>),
    Values(Vec<ValueRule>),
    /// `#[custom(path::to_fn)]`: a function of the member's value.
    Custom(syn::Path),
}

/// A rule on a single value: the field itself, or an item, key or value inside it.
pub(crate) enum ValueRule {
    Len(Len),
    Pattern(PatternRule),
    Range(Range),
    OneOf(OneOf),
    /// `each(..)` inside `each(..)` or `values(..)`: the items of a nested list.
    Each(Vec<ValueRule>),
    /// `keys(..)` inside `each(..)` or `values(..)`: the keys of a nested map.
    Keys(Vec<ValueRule>),
    /// `values(..)` inside `each(..)` or `values(..)`: the values of a nested map.
    Values(Vec<ValueRule>),
    /// `sensitive` inside `each(..)`, `keys(..)` or `values(..)`: the items, keys or values
    /// are never shown, in their own violations or in their collection's echo.
    Sensitive,
}

/// An enum value set: `listed` values appear in messages, `internal` ones are accepted but
/// never shown.
pub(crate) struct OneOf {
    pub(crate) listed: Vec<LitStr>,
    pub(crate) internal: Vec<LitStr>,
}

impl ValueRule {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            ValueRule::Len(_) => LEN,
            ValueRule::Pattern(_) => PATTERN,
            ValueRule::Range(_) => RANGE,
            ValueRule::OneOf(_) => ONE_OF,
            ValueRule::Each(_) => EACH,
            ValueRule::Keys(_) => KEYS,
            ValueRule::Values(_) => VALUES,
            ValueRule::Sensitive => SENSITIVE,
        }
    }
}

/// A pattern the compiler accepted; `backtracking` when the attribute opted into the bounded
/// backtracking matcher for back-references.
pub(crate) struct PatternRule {
    pub(crate) lit: LitStr,
    pub(crate) backtracking: bool,
    /// For a pattern that is one class repeated, what decides most values without the
    /// matcher: the generated code writes it as a constant.
    pub(crate) shortcut: Option<Box<aws_constraints_pattern::AsciiShortcut>>,
}

/// Inclusive length bounds, `min <= max` where both are literals.
pub(crate) struct Len {
    pub(crate) min: Option<Bound<u64>>,
    pub(crate) max: Option<Bound<u64>>,
}

/// Inclusive numeric bounds, `min <= max` where both are literals.
pub(crate) struct Range {
    pub(crate) min: Option<Bound<Number>>,
    pub(crate) max: Option<Bound<Number>>,
}

/// A bound: a literal, checked here, or a named constant (`MAX_NAME`), checked by the
/// compiler where it can be.
#[derive(Clone)]
pub(crate) enum Bound<T> {
    Literal(T),
    Const(syn::Path),
}

impl<T: Copy> Bound<T> {
    pub(crate) fn literal(&self) -> Option<T> {
        match self {
            Bound::Literal(value) => Some(*value),
            Bound::Const(_) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub(crate) enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

/// The attributes of the type itself: struct-level custom rules, and
/// `#[validate(crate = "..", bound = "..")]`.
pub(crate) struct ContainerAttrs {
    /// `#[custom(path::to_fn)]` on the type: functions of the whole value.
    pub(crate) customs: Vec<syn::Path>,
    /// `#[validate(crate = "path")]`: where the runtime is, when it is renamed.
    pub(crate) krate: Option<syn::Path>,
    /// `#[validate(bound = "T: Trait")]`: the impl's where-clause, instead of the inferred.
    pub(crate) bound: Option<Punctuated<syn::WherePredicate, Token![,]>>,
    /// `#[sensitive]` on the type: everything in it is sensitive, wherever it is used.
    pub(crate) sensitive: bool,
}

impl ContainerAttrs {
    pub(crate) fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
        let mut out = ContainerAttrs {
            customs: Vec::new(),
            krate: None,
            bound: None,
            sensitive: false,
        };
        for attr in attrs {
            if attr.path().is_ident(SENSITIVE) {
                if attr.meta.require_path_only().is_err() {
                    cx.error_spanned_by(&attr.meta, "#[sensitive] takes no arguments");
                }
                out.sensitive = true;
            } else if attr.path().is_ident(CUSTOM) {
                match with_list(attr, CUSTOM, |input| input.parse::<syn::Path>()) {
                    Ok(path) => out.customs.push(path),
                    Err(e) => cx.syn_error(e),
                }
            } else if attr.path().is_ident(VALIDATE) {
                let parsed = attr.parse_nested_meta(|meta| {
                    let lit: LitStr = meta.value()?.parse()?;
                    if meta.path.is_ident("crate") {
                        out.krate = Some(lit.parse()?);
                    } else if meta.path.is_ident("bound") {
                        out.bound = Some(lit.parse_with(
                            Punctuated::<syn::WherePredicate, Token![,]>::parse_terminated,
                        )?);
                    } else {
                        return Err(meta.error(
                            "unknown #[validate(..)] option; expected `crate = \"path\"` or \
                             `bound = \"T: Trait\"`",
                        ));
                    }
                    Ok(())
                });
                if let Err(e) = parsed {
                    cx.syn_error(e);
                }
            }
        }
        out
    }
}

impl FieldAttrs {
    pub(crate) fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
        let mut out = FieldAttrs {
            rules: Vec::new(),
            sensitive: None,
            path_prefix: None,
        };
        for attr in attrs {
            let Some(ident) = attr.path().get_ident() else {
                continue;
            };
            let name = ident.to_string();
            let kind = match name.as_str() {
                SENSITIVE => {
                    if attr.meta.require_path_only().is_err() {
                        cx.error_spanned_by(&attr.meta, "#[sensitive] takes no arguments");
                    } else if out.sensitive.is_some() {
                        cx.error_spanned_by(attr, "duplicate #[sensitive] attribute");
                    } else {
                        out.sensitive = Some(attr.clone());
                    }
                    continue;
                }
                PATH_PREFIX => {
                    match with_list(attr, PATH_PREFIX, path_prefix) {
                        Ok(_) if out.path_prefix.is_some() => {
                            cx.error_spanned_by(attr, "duplicate #[path_prefix] attribute")
                        }
                        Ok(prefix) => out.path_prefix = Some((attr.clone(), prefix)),
                        Err(e) => cx.syn_error(e),
                    }
                    continue;
                }
                REQUIRED | NESTED | UNIQUE => match attr.meta.require_path_only() {
                    Ok(_) => match name.as_str() {
                        REQUIRED => Ok(RuleKind::Required),
                        NESTED => Ok(RuleKind::Nested),
                        _ => Ok(RuleKind::Unique),
                    },
                    Err(_) => Err(syn::Error::new_spanned(
                        &attr.meta,
                        format!("#[{name}] takes no arguments"),
                    )),
                },
                LEN | PATTERN | RANGE | ONE_OF => with_list(attr, &name, |input| {
                    value_rule(&name, input).map(RuleKind::Value)
                }),
                CUSTOM => with_list(attr, &name, |input| {
                    let path: syn::Path = input.parse()?;
                    if !input.is_empty() {
                        return Err(
                            input.error("expected one function path: #[custom(path::to_fn)]")
                        );
                    }
                    Ok(RuleKind::Custom(path))
                }),
                EACH | KEYS | VALUES => with_list(attr, &name, |input| {
                    let rules = item_rules(&name, input)?;
                    Ok(match name.as_str() {
                        EACH => RuleKind::Each(rules),
                        KEYS => RuleKind::Keys(rules),
                        _ => RuleKind::Values(rules),
                    })
                }),
                _ => continue,
            };
            match kind {
                Ok(kind) => out.rules.push(Rule {
                    attr: attr.clone(),
                    kind,
                }),
                Err(e) => cx.syn_error(e),
            }
        }
        out
    }
}

/// `#[path_prefix("createRestApiInput")]`'s one name: what AWS's messages write before
/// the member's path, a segment of its own (no dot, not empty).
fn path_prefix(input: ParseStream) -> syn::Result<LitStr> {
    let prefix: LitStr = input.parse()?;
    if !input.is_empty() {
        return Err(input.error("expected one name: #[path_prefix(\"createRestApiInput\")]"));
    }
    let value = prefix.value();
    if value.is_empty() || value.contains('.') {
        return Err(syn::Error::new(
            prefix.span(),
            "a path prefix is one name, written before the member's path: not empty, no `.`",
        ));
    }
    Ok(prefix)
}

/// Parses `#[name(..)]`, with a clear error for `#[name]` and `#[name = ..]`.
fn with_list<T>(
    attr: &Attribute,
    name: &str,
    parse: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<T> {
    let list = attr.meta.require_list().map_err(|_| {
        syn::Error::new_spanned(
            &attr.meta,
            format!("expected arguments: #[{name}({})]", usage(name)),
        )
    })?;
    if list.tokens.is_empty() {
        return Err(syn::Error::new_spanned(
            &attr.meta,
            format!("#[{name}()] is empty; expected #[{name}({})]", usage(name)),
        ));
    }
    list.parse_args_with(parse)
}

fn usage(name: &str) -> &'static str {
    match name {
        PATH_PREFIX => "\"createRestApiInput\"",
        LEN => "min, max",
        PATTERN => "\"regex\"",
        RANGE => "min, max",
        ONE_OF => "\"A\", \"B\", ..",
        CUSTOM => "path::to_fn",
        _ => "rule, ..",
    }
}

/// Parses the arguments of one value rule; the rule's name is already consumed.
fn value_rule(name: &str, input: ParseStream) -> syn::Result<ValueRule> {
    match name {
        EACH => item_rules(EACH, input).map(ValueRule::Each),
        KEYS => item_rules(KEYS, input).map(ValueRule::Keys),
        VALUES => item_rules(VALUES, input).map(ValueRule::Values),
        LEN => parse_len(input).map(ValueRule::Len),
        PATTERN => parse_pattern(input).map(ValueRule::Pattern),
        RANGE => parse_range(input).map(ValueRule::Range),
        _ => parse_one_of(input).map(ValueRule::OneOf),
    }
}

/// `len(1, 128), pattern("..")` inside `each`, `keys` or `values`.
fn item_rules(outer: &str, input: ParseStream) -> syn::Result<Vec<ValueRule>> {
    let mut rules: Vec<ValueRule> = Vec::new();
    let mut error: Option<syn::Error> = None;
    let mut push_error = |e: syn::Error| match &mut error {
        Some(existing) => existing.combine(e),
        None => error = Some(e),
    };
    while !input.is_empty() {
        let ident: Ident = input.parse()?;
        let name = ident.to_string();
        if name == SENSITIVE {
            if input.peek(syn::token::Paren) {
                let arguments: proc_macro2::Group = input.parse()?;
                push_error(syn::Error::new(
                    arguments.span(),
                    format!("`{SENSITIVE}` takes no arguments"),
                ));
            } else if rules.iter().any(|r| matches!(r, ValueRule::Sensitive)) {
                push_error(syn::Error::new(
                    ident.span(),
                    format!("duplicate `{SENSITIVE}` in #[{outer}(..)]"),
                ));
            } else {
                rules.push(ValueRule::Sensitive);
            }
        } else if ![LEN, PATTERN, RANGE, ONE_OF, EACH, KEYS, VALUES].contains(&name.as_str()) {
            push_error(syn::Error::new(
                ident.span(),
                format!("unknown rule `{name}` in #[{outer}(..)]; expected one of {ITEM_RULES}"),
            ));
            // Skip the unknown rule's arguments, if any, and go on.
            if input.peek(syn::token::Paren) {
                let _skipped: proc_macro2::Group = input.parse()?;
            }
        } else if !input.peek(syn::token::Paren) {
            push_error(syn::Error::new(
                ident.span(),
                format!("expected arguments: {name}({})", usage(&name)),
            ));
        } else {
            let content;
            syn::parenthesized!(content in input);
            match value_rule(&name, &content) {
                Ok(rule) if rules.iter().any(|r| r.name() == rule.name()) => {
                    push_error(syn::Error::new(
                        ident.span(),
                        format!("duplicate `{name}` in #[{outer}(..)]"),
                    ))
                }
                Ok(rule) => rules.push(rule),
                Err(e) => push_error(e),
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    match error {
        Some(e) => Err(e),
        None => Ok(rules),
    }
}

/// A bound as written: an optionally negated integer or float literal, or the path of a
/// constant.
#[derive(Clone)]
struct NumberArg {
    span: Span,
    negative: bool,
    value: ArgValue,
}

#[derive(Clone)]
enum ArgValue {
    Lit(syn::Lit),
    Const(syn::Path),
}

impl Parse for NumberArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let minus: Option<Token![-]> = input.parse()?;
        let (value, value_span) = if input.peek(syn::Lit) {
            let lit: syn::Lit = input.parse()?;
            let span = lit.span();
            (ArgValue::Lit(lit), span)
        } else {
            let path: syn::Path = input.parse()?;
            let span = syn::spanned::Spanned::span(&path);
            if minus.is_some() {
                return Err(syn::Error::new(
                    span,
                    "a constant bound cannot be negated here; negate it in its definition",
                ));
            }
            (ArgValue::Const(path), span)
        };
        let span = match &minus {
            Some(m) => m.span.join(value_span).unwrap_or(value_span),
            None => value_span,
        };
        Ok(NumberArg {
            span,
            negative: minus.is_some(),
            value,
        })
    }
}

/// `1, 2`, `5`, `min = 1`, `max = 2`, `min = 1, max = 2`.
enum BoundArg {
    Positional(NumberArg),
    Named(Ident, NumberArg),
}

impl BoundArg {
    fn span(&self) -> Span {
        match self {
            BoundArg::Positional(n) => n.span,
            BoundArg::Named(ident, _) => ident.span(),
        }
    }
}

impl Parse for BoundArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Ident) && input.peek2(Token![=]) {
            let ident: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(BoundArg::Named(ident, input.parse()?))
        } else {
            Ok(BoundArg::Positional(input.parse()?))
        }
    }
}

/// Reads the two bounds, whichever of the accepted forms they are written in. A single
/// positional bound means "exactly" for `len` and is an error for `range`.
fn parse_bounds(
    input: ParseStream,
    rule: &str,
) -> syn::Result<(Option<NumberArg>, Option<NumberArg>)> {
    let args = Punctuated::<BoundArg, Token![,]>::parse_terminated(input)?;
    let named = |a: &BoundArg| matches!(a, BoundArg::Named(..));
    if let Some(first) = args.first() {
        if let Some(odd) = args.iter().find(|a| named(a) != named(first)) {
            return Err(syn::Error::new(
                odd.span(),
                format!(
                    "use either #[{rule}(min, max)] or #[{rule}(min = .., max = ..)], not both"
                ),
            ));
        }
    }
    let count = args.len();
    if let Some(extra) = args.iter().nth(2) {
        return Err(syn::Error::new(
            extra.span(),
            format!("#[{rule}(..)] takes at most two bounds, found {count}"),
        ));
    }
    let mut min = None;
    let mut max = None;
    for (i, arg) in args.into_iter().enumerate() {
        match arg {
            BoundArg::Positional(n) if count == 1 && rule == RANGE => {
                return Err(syn::Error::new(
                    n.span,
                    "#[range(..)] needs both bounds or a named one: #[range(min, max)], \
                     #[range(min = ..)] or #[range(max = ..)]",
                ))
            }
            BoundArg::Positional(n) if count == 1 => {
                // `#[len(5)]`: exactly five.
                max = Some(n.clone());
                min = Some(n);
            }
            BoundArg::Positional(n) if i == 0 => min = Some(n),
            BoundArg::Positional(n) => max = Some(n),
            BoundArg::Named(ident, n) => {
                let slot = match ident.to_string().as_str() {
                    "min" => &mut min,
                    "max" => &mut max,
                    other => {
                        return Err(syn::Error::new(
                            ident.span(),
                            format!("unknown bound `{other}`; expected `min` or `max`"),
                        ))
                    }
                };
                if slot.is_some() {
                    return Err(syn::Error::new(
                        ident.span(),
                        format!("duplicate `{ident}`"),
                    ));
                }
                *slot = Some(n);
            }
        }
    }
    Ok((min, max))
}

fn parse_len(input: ParseStream) -> syn::Result<Len> {
    let (min, max) = parse_bounds(input, LEN)?;
    let length = |arg: Option<NumberArg>| -> syn::Result<Option<(Bound<u64>, Span)>> {
        let Some(arg) = arg else { return Ok(None) };
        let lit = match &arg.value {
            ArgValue::Const(path) => return Ok(Some((Bound::Const(path.clone()), arg.span))),
            ArgValue::Lit(lit) => lit,
        };
        let syn::Lit::Int(lit) = lit else {
            return Err(syn::Error::new(
                arg.span,
                "length bounds must be non-negative integers",
            ));
        };
        if arg.negative {
            return Err(syn::Error::new(
                arg.span,
                "length bounds must be non-negative integers",
            ));
        }
        Ok(Some((Bound::Literal(lit.base10_parse::<u64>()?), arg.span)))
    };
    let min = length(min)?;
    let max = length(max)?;
    let literal = |b: &Option<(Bound<u64>, Span)>| {
        b.as_ref().and_then(|(b, span)| Some((b.literal()?, *span)))
    };
    if let (Some((lo, _)), Some((hi, span))) = (literal(&min), literal(&max)) {
        if lo > hi {
            return Err(syn::Error::new(
                span,
                format!("`min` ({lo}) must be <= `max` ({hi})"),
            ));
        }
    }
    Ok(Len {
        min: min.map(|(b, _)| b),
        max: max.map(|(b, _)| b),
    })
}

fn parse_range(input: ParseStream) -> syn::Result<Range> {
    let (min, max) = parse_bounds(input, RANGE)?;
    let number = |arg: Option<NumberArg>| -> syn::Result<Option<(Bound<Number>, Span)>> {
        let Some(arg) = arg else { return Ok(None) };
        let sign = if arg.negative { "-" } else { "" };
        let lit = match &arg.value {
            ArgValue::Const(path) => return Ok(Some((Bound::Const(path.clone()), arg.span))),
            ArgValue::Lit(lit) => lit,
        };
        let value =
            match lit {
                syn::Lit::Int(lit) => {
                    // Parsed as text so that no integer passes through `f64`.
                    let text = format!("{sign}{}", lit.base10_digits());
                    Number::Int(text.parse::<i128>().map_err(|_| {
                        syn::Error::new(arg.span, "integer bound does not fit in i128")
                    })?)
                }
                syn::Lit::Float(lit) => {
                    let value: f64 = format!("{sign}{}", lit.base10_digits())
                        .parse()
                        .map_err(|_| syn::Error::new(arg.span, "invalid float bound"))?;
                    if !value.is_finite() {
                        return Err(syn::Error::new(arg.span, "float bound must be finite"));
                    }
                    Number::Float(value)
                }
                _ => {
                    return Err(syn::Error::new(
                        arg.span,
                        "range bounds must be integer or float literals",
                    ))
                }
            };
        Ok(Some((Bound::Literal(value), arg.span)))
    };
    let min = number(min)?;
    let max = number(max)?;
    let literal = |b: &Option<(Bound<Number>, Span)>| {
        b.as_ref().and_then(|(b, span)| Some((b.literal()?, *span)))
    };
    if let (Some((lo, _)), Some((hi, span))) = (literal(&min), literal(&max)) {
        let greater = match (lo, hi) {
            (Number::Int(a), Number::Int(b)) => a > b,
            (a, b) => a.as_f64() > b.as_f64(),
        };
        if greater {
            return Err(syn::Error::new(
                span,
                format!("`min` ({}) must be <= `max` ({})", display(lo), display(hi)),
            ));
        }
    }
    Ok(Range {
        min: min.map(|(b, _)| b),
        max: max.map(|(b, _)| b),
    })
}

fn display(n: Number) -> String {
    match n {
        Number::Int(i) => i.to_string(),
        Number::Float(f) => f.to_string(),
    }
}

/// `"regex"` or `"regex", backtracking`.
fn parse_pattern(input: ParseStream) -> syn::Result<PatternRule> {
    let lit: LitStr = input.parse()?;
    let mut backtracking = false;
    if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
        let option: Ident = input.parse()?;
        if option != "backtracking" {
            return Err(syn::Error::new(
                option.span(),
                format!("unknown pattern option `{option}`; the only one is `backtracking`"),
            ));
        }
        backtracking = true;
    }
    if !input.is_empty() {
        return Err(
            input.error("expected #[pattern(\"regex\")] or #[pattern(\"regex\", backtracking)]")
        );
    }
    // The very compiler the runtime matches with: what builds is what runs.
    let compiled = if backtracking {
        aws_constraints_pattern::Pattern::with_backtracking(&lit.value())
    } else {
        aws_constraints_pattern::Pattern::new(&lit.value())
    };
    let compiled =
        compiled.map_err(|e| syn::Error::new(lit.span(), format!("invalid pattern: {e}")))?;
    Ok(PatternRule {
        lit,
        backtracking,
        shortcut: compiled.ascii_shortcut().map(Box::new),
    })
}

/// `"A", "B", internal("C")`: the values, and those valid but left out of messages (Smithy's
/// `@internal` enum members).
fn parse_one_of(input: ParseStream) -> syn::Result<OneOf> {
    let mut one_of = OneOf {
        listed: Vec::new(),
        internal: Vec::new(),
    };
    let mut push = |value: LitStr, internal: bool| {
        let seen = one_of.listed.iter().chain(&one_of.internal);
        if seen.into_iter().any(|v| v.value() == value.value()) {
            return Err(syn::Error::new(
                value.span(),
                format!("duplicate value {:?} in #[one_of(..)]", value.value()),
            ));
        }
        if internal {
            one_of.internal.push(value);
        } else {
            one_of.listed.push(value);
        }
        Ok(())
    };
    while !input.is_empty() {
        if input.peek(Ident) {
            let ident: Ident = input.parse()?;
            if ident != "internal" {
                return Err(syn::Error::new(
                    ident.span(),
                    "expected a string literal or internal(\"..\")",
                ));
            }
            let content;
            syn::parenthesized!(content in input);
            for value in Punctuated::<LitStr, Token![,]>::parse_terminated(&content)? {
                push(value, true)?;
            }
        } else {
            push(input.parse()?, false)?;
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    if one_of.listed.is_empty() {
        return Err(syn::Error::new(
            input.span(),
            "#[one_of(..)] needs at least one value that is not internal",
        ));
    }
    Ok(one_of)
}
