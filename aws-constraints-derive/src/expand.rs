//! Code generation from validated input.

use std::cell::RefCell;

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::ast::{Field, Input, Shape, Wire};
use crate::attr::{Bound, Len, Number, OneOf, PatternRule, Range, RuleKind, ValueRule};
use crate::ctxt::Ctxt;

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    match try_expand(input) {
        Ok(tokens) => tokens,
        Err((errors, krate)) => fallback(input, errors, krate.as_ref()),
    }
}

/// The expansion, or the errors and the runtime's path if `#[validate(crate = ..)]` gave it.
fn try_expand(input: &DeriveInput) -> Result<TokenStream, (syn::Error, Option<syn::Path>)> {
    let cx = Ctxt::new();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        parsed.validate(&cx);
    }
    let krate = parsed
        .as_ref()
        .and_then(|parsed| parsed.attrs.krate.clone());
    cx.check().map_err(|errors| (errors, krate.clone()))?;
    match parsed {
        Some(parsed) => Ok(impl_validate(&parsed)),
        // `from_syn` reports why it returned nothing, so `check` has already failed.
        None => Err((syn::Error::new(Span::call_site(), "invalid input"), krate)),
    }
}

/// The runtime's path in the expansion: `#[validate(crate = ..)]`'s, or `::aws_constraints`.
fn runtime_path(krate: Option<&syn::Path>) -> TokenStream {
    match krate {
        Some(path) => quote!(#path),
        None => quote!(::aws_constraints),
    }
}

/// The compile errors, plus an impl that keeps uses of `validate()` from piling secondary
/// errors on top of them.
fn fallback(input: &DeriveInput, errors: syn::Error, krate: Option<&syn::Path>) -> TokenStream {
    let compile_errors = errors.to_compile_error();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let krate = runtime_path(krate);
    let implementation = quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics __awsc_crate::Validate for #ident #ty_generics #where_clause {
            fn validate_at(
                &self,
                _: &__awsc_crate::path::Location<'_>,
                _: &mut __awsc_crate::ValidationErrors,
            ) {
                ::core::unreachable!()
            }
        }
    };
    quote! {
        #compile_errors
        const _: () = {
            use #krate as __awsc_crate;
            #implementation
        };
    }
}

fn impl_validate(input: &Input) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, _) = input.original.generics.split_for_impl();
    let where_clause = where_clause(input);
    let krate = runtime_path(input.attrs.krate.as_ref());
    let customs = input.attrs.customs.iter().map(|path| {
        quote! {
            __awsc_crate::__private::custom_of_value(#path(self), __awsc_at, __awsc_errors);
        }
    });
    let patterns = Patterns::default();
    let body = match &input.shape {
        Shape::Struct { fields, .. } => {
            let checks = fields.iter().map(|field| {
                let member = field.ident;
                let value = quote_spanned!(field.ty.span()=> &self.#member);
                member_checks(field, &value, &patterns)
            });
            quote!(#(#checks)*)
        }
        Shape::Union { variants } => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let value = quote_spanned!(variant.ty.span()=> __awsc_variant);
                let checks = member_checks(variant, &value, &patterns);
                quote!(Self::#name(__awsc_variant) => { #checks })
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
    };
    let pattern_array = patterns.array();
    // A sensitive type redacts everything below wherever it is used.
    let sensitive_type = if input.attrs.sensitive {
        quote! {
            let __awsc_sensitive_at = __awsc_at.with_sensitivity(true);
            let __awsc_at = &__awsc_sensitive_at;
        }
    } else {
        quote!()
    };
    let is_structure = matches!(
        &input.shape,
        Shape::Struct {
            transparent: false,
            ..
        }
    );
    let nested_types = input.members().iter().filter(|member| {
        member
            .attrs
            .rules
            .iter()
            .any(|r| matches!(r.kind, RuleKind::Nested))
    });
    let nested_types: Vec<&syn::Type> = nested_types.map(|member| member.ty).collect();
    // Only a type that nests values can be recursive, and so be deep enough to overflow the
    // stack; a leaf (a tag, a filter) skips the check, once per item of its lists.
    let depth_guard = (!nested_types.is_empty()).then(|| {
        quote! {
            if __awsc_at.depth() > __awsc_crate::__private::MAX_DEPTH {
                __awsc_crate::__private::too_deep(__awsc_at, __awsc_errors);
                return;
            }
        }
    });
    let compile_patterns = compile_patterns(&patterns, &nested_types);
    let echo_text = impl_echo_text(input);
    quote! {
        const _: () = {
            use #krate as __awsc_crate;
            #pattern_array
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics __awsc_crate::Validate for #ident #ty_generics #where_clause {
                #[inline]
                fn validate_at(
                    &self,
                    __awsc_at: &__awsc_crate::path::Location<'_>,
                    __awsc_errors: &mut __awsc_crate::ValidationErrors,
                ) {
                    #depth_guard
                    #sensitive_type
                    #body
                    #(#customs)*
                }

                const IS_STRUCTURE: bool = #is_structure;

                #compile_patterns
            }
            #echo_text
        };
    }
}

/// `EchoText` for a structure: how AWS echoes it inside an echoed list or map, Lombok's
/// `toString` (the runtime's `StructureEcho`), each member's echo found as any member's
/// is (a member that cannot be echoed leaves the structure without one). Not for a
/// union, a transparent newtype, a structure with flattened members, or a generic one
/// (where the impl is written, a type parameter's echo is not known).
fn impl_echo_text(input: &Input) -> Option<TokenStream> {
    let Shape::Struct {
        fields,
        transparent: false,
    } = &input.shape
    else {
        return None;
    };
    if !input.original.generics.params.is_empty()
        || fields
            .iter()
            .any(|field| matches!(field.wire, Wire::Inline | Wire::Flattened))
    {
        return None;
    }
    let ident = &input.original.ident;
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let members = fields.iter().filter_map(|field| {
        let Wire::Named(wire_name) = &field.wire else {
            return None;
        };
        let sensitivity = if field.attrs.sensitive.is_some() {
            quote!(__awsc_crate::path::Sensitivity::Whole)
        } else {
            member_parts_sensitivity(&field.attrs.rules)
                .unwrap_or_else(|| quote!(__awsc_crate::path::Sensitivity::Nothing))
        };
        let member = field.ident;
        let probe = echo_probe(&quote_spanned!(field.ty.span()=> &self.#member));
        Some(quote! {
            __awsc_echo.member(#wire_name, (#probe)(#sensitivity).as_deref());
        })
    });
    let sensitive_type = input.attrs.sensitive;
    Some(quote! {
        #[automatically_derived]
        impl __awsc_crate::rules::EchoText for #ident {
            fn write_echo(&self, out: &mut ::std::string::String) {
                self.write_echo_hiding(__awsc_crate::path::Sensitivity::Nothing, out);
            }

            fn write_echo_hiding(
                &self,
                sensitivity: __awsc_crate::path::Sensitivity,
                out: &mut ::std::string::String,
            ) {
                if #sensitive_type || sensitivity != __awsc_crate::path::Sensitivity::Nothing {
                    out.push_str(__awsc_crate::path::REDACTED);
                    return;
                }
                let mut __awsc_echo = __awsc_crate::rules::StructureEcho::new(out, #name);
                #(#members)*
                __awsc_echo.finish();
            }
        }
    })
}

/// `compile_patterns`: the type's own patterns, then its nested types', each type once; a
/// type with neither keeps the trait's (none).
fn compile_patterns(patterns: &Patterns, nested_types: &[&syn::Type]) -> TokenStream {
    let own = if patterns.is_empty() {
        quote!(0)
    } else {
        quote!(__AWSC_PATTERNS.iter().map(|p| p.compile()).count())
    };
    if nested_types.is_empty() {
        return if patterns.is_empty() {
            quote!()
        } else {
            quote!(fn compile_patterns() -> usize { #own })
        };
    }
    quote! {
        fn compile_patterns() -> usize {
            // A recursive type reaches itself again: its patterns are compiled once.
            static __AWSC_VISITING: ::core::sync::atomic::AtomicBool =
                ::core::sync::atomic::AtomicBool::new(false);
            if __AWSC_VISITING.swap(true, ::core::sync::atomic::Ordering::AcqRel) {
                return 0;
            }
            let compiled = #own
                #(+ <#nested_types as __awsc_crate::Validate>::compile_patterns())*;
            __AWSC_VISITING.store(false, ::core::sync::atomic::Ordering::Release);
            compiled
        }
    }
}

/// The impl's where-clause: the type's own, plus `#[validate(bound = "..")]` when given,
/// or else, as serde infers its bounds, `FieldType: Validate` for each `#[nested]` member
/// whose type names a type parameter.
fn where_clause(input: &Input) -> TokenStream {
    let generics = &input.original.generics;
    let mut predicates: Vec<TokenStream> = generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter().map(ToTokens::to_token_stream))
        .collect();
    match &input.attrs.bound {
        Some(bound) => predicates.extend(bound.iter().map(ToTokens::to_token_stream)),
        None => {
            let params: Vec<String> = generics
                .type_params()
                .map(|p| p.ident.to_string())
                .collect();
            for member in input.members() {
                let nested = member
                    .attrs
                    .rules
                    .iter()
                    .any(|r| matches!(r.kind, RuleKind::Nested));
                if nested && mentions_any(member.ty.to_token_stream(), &params) {
                    let ty = member.ty;
                    predicates.push(quote!(#ty: __awsc_crate::Validate));
                }
            }
        }
    }
    if predicates.is_empty() {
        quote!()
    } else {
        quote!(where #(#predicates),*)
    }
}

/// Whether `tokens` name any of `params`.
fn mentions_any(tokens: TokenStream, params: &[String]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
        proc_macro2::TokenTree::Group(group) => mentions_any(group.stream(), params),
        _ => false,
    })
}

/// The checks of one member, whose value is the expression `value` (a reference), at the
/// place the wire has it.
fn member_checks(field: &Field, value: &TokenStream, patterns: &Patterns) -> TokenStream {
    let sensitive = field.attrs.sensitive.is_some();
    let location = match (&field.wire, &field.attrs.path_prefix) {
        (Wire::Named(wire_name), Some((_, prefix))) => {
            quote!(__awsc_at.prefixed_member(#prefix, #wire_name, #sensitive))
        }
        (Wire::Named(wire_name), None) => quote!(__awsc_at.member(#wire_name, #sensitive)),
        (Wire::Inline | Wire::Flattened, _) => quote!(__awsc_at.with_sensitivity(#sensitive)),
        // Validation refused rules on a member that is never read.
        (Wire::Skipped, _) => return quote!(let _ = #value;),
    };
    // A collection whose items, keys or values are sensitive: its location says which, and
    // hands each part's sensitivity down to the part's location.
    let location = match member_parts_sensitivity(&field.attrs.rules) {
        Some(parts) if !sensitive => quote!(#location.with_sensitive_parts(#parts)),
        _ => location,
    };
    if field.attrs.rules.is_empty() {
        // Still bind the value, so that a union arm uses its binding.
        return quote!(let _ = #value;);
    }
    // Trait errors ("`#[len]` cannot be applied to `u32`") point at the member's type.
    let span = field.ty.span();
    let at = quote!(__awsc_field_at);
    // A map's keys are checked before its values, whichever attribute comes first (the
    // structured order; the AWS message orders the two as AWS does).
    let mut ordered: Vec<&crate::attr::Rule> = field.attrs.rules.iter().collect();
    let keys = ordered
        .iter()
        .position(|r| matches!(r.kind, RuleKind::Keys(_)));
    let values = ordered
        .iter()
        .position(|r| matches!(r.kind, RuleKind::Values(_)));
    if let (Some(keys), Some(values)) = (keys, values) {
        if values < keys {
            ordered.swap(keys, values);
        }
    }
    // A map's keys and values, next to each other, are checked in one pass over the map.
    let mut passes: Vec<Pass> = Vec::new();
    for rule in ordered {
        if let (RuleKind::Values(values), Some(&Pass::One(previous))) = (&rule.kind, passes.last())
        {
            if let RuleKind::Keys(keys) = &previous.kind {
                *passes.last_mut().expect("a previous pass") = Pass::Entries(keys, values);
                continue;
            }
        }
        passes.push(Pass::One(rule));
    }
    let rules = passes.into_iter().map(|pass| match pass {
        Pass::One(rule) => member_rule(rule, field, value, &at, span, patterns),
        Pass::Entries(keys, values) => {
            let sides = [
                (Part::Keys, keys.as_slice()),
                (Part::Values, values.as_slice()),
            ];
            entries(&sides, value, &at, span, patterns)
        }
    });
    // The location is built only where a violation or a nested value needs it.
    quote! {
        {
            let __awsc_field_at = || #location;
            #(#rules)*
        }
    }
}

/// One pass of a member's rules: a rule, or a map's keys and values checked together.
#[derive(Clone, Copy)]
enum Pass<'a> {
    One(&'a crate::attr::Rule),
    Entries(&'a Vec<ValueRule>, &'a Vec<ValueRule>),
}

/// One rule of a member.
fn member_rule(
    rule: &crate::attr::Rule,
    field: &Field,
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    match &rule.kind {
        // A member serde fills with its default is never missing: Smithy's servers do not
        // report a required member with a default.
        RuleKind::Required if field.filled_by_default => quote!(),
        RuleKind::Required => quote_spanned! {span=>
            __awsc_crate::__private::required(#value, #at, __awsc_errors);
        },
        RuleKind::Nested => quote_spanned! {span=>
            __awsc_crate::Validate::validate_at(#value, &#at(), __awsc_errors);
        },
        RuleKind::Unique => quote_spanned! {span=>
            __awsc_crate::__private::unique(#value, #at, __awsc_errors);
        },
        RuleKind::Value(rule) => value_rule(rule, value, at, span, patterns),
        RuleKind::Each(rules) => each(rules, value, at, span, patterns),
        RuleKind::Keys(rules) => entries(&[(Part::Keys, rules)], value, at, span, patterns),
        RuleKind::Values(rules) => entries(&[(Part::Values, rules)], value, at, span, patterns),
        RuleKind::Custom(path) => {
            let echo = echo_probe(value);
            quote_spanned! {span=>
                __awsc_crate::__private::custom(#path(#value), #at, #echo, __awsc_errors);
            }
        }
    }
}

fn value_rule(
    rule: &ValueRule,
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    match rule {
        ValueRule::Len(Len { min, max }) => {
            let (min_tokens, max_tokens) = length_bounds(min, max);
            let echo = echo_probe(value);
            let check = const_bounds_check(min, max);
            quote_spanned! {span=>
                #check
                __awsc_crate::__private::len(#value, #min_tokens, #max_tokens, #at, #echo, __awsc_errors);
            }
        }
        ValueRule::Pattern(rule) => pattern(rule, value, at, span, patterns),
        ValueRule::Range(Range { min, max }) => {
            let min = option(min.as_ref().map(number_bound));
            let max = option(max.as_ref().map(number_bound));
            quote_spanned! {span=>
                __awsc_crate::__private::range(#value, #min, #max, #at, __awsc_errors);
            }
        }
        ValueRule::Each(rules) => each(rules, value, at, span, patterns),
        ValueRule::Keys(rules) => entries(&[(Part::Keys, rules)], value, at, span, patterns),
        ValueRule::Values(rules) => entries(&[(Part::Values, rules)], value, at, span, patterns),
        // Said by the location: the member's (see `member_parts_sensitivity`).
        ValueRule::Sensitive => quote!(),
        ValueRule::OneOf(OneOf { listed, internal }) => quote_spanned! {span=>
            __awsc_crate::__private::one_of(
                #value,
                &[#(#listed),*],
                &[#(#internal),*],
                #at,
                __awsc_errors,
            );
        },
    }
}

fn pattern(
    rule: &PatternRule,
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    let index = patterns.add(rule);
    let Some(shortcut) = &rule.shortcut else {
        return quote_spanned! {span=>
            __awsc_crate::__private::pattern(
                #value, &__AWSC_PATTERNS[#index], ::core::option::Option::None, #at, __awsc_errors,
            );
        };
    };
    // The class's ASCII members as two bit masks, written in hex so that a reader sees them.
    let [low, high] = shortcut
        .members()
        .map(|mask| syn::LitInt::new(&format!("{mask:#018x}_u64"), Span::call_site()));
    let beyond_ascii = shortcut.beyond_ascii();
    let min = shortcut.min();
    let max = option(shortcut.max().map(|max| quote!(#max)));
    let guard = shortcut.guard().map(|guard| {
        let constructor = match (guard.at_end(), guard.must_match()) {
            (false, true) => quote!(starting_with),
            (false, false) => quote!(not_starting_with),
            (true, true) => quote!(ending_with),
            (true, false) => quote!(not_ending_with),
        };
        let literal = Literal::byte_string(guard.literal());
        quote!(.with_guard(__awsc_crate::__private::Guard::#constructor(#literal)))
    });
    quote_spanned! {span=>
        {
            // A constant: the check inlines here with its bounds as immediates.
            const __AWSC_SHORTCUT: __awsc_crate::__private::AsciiShortcut =
                __awsc_crate::__private::AsciiShortcut::new([#low, #high], #beyond_ascii, #min, #max)#guard;
            __awsc_crate::__private::pattern(
                #value,
                &__AWSC_PATTERNS[#index],
                ::core::option::Option::Some(&__AWSC_SHORTCUT),
                #at,
                __awsc_errors,
            );
        }
    }
}

/// The patterns of one type, compiled on first use into one static array that
/// `validate_at` indexes and `compile_patterns` walks.
#[derive(Default)]
struct Patterns {
    constructors: RefCell<Vec<TokenStream>>,
}

impl Patterns {
    /// Adds a pattern; its index in the array.
    fn add(&self, rule: &PatternRule) -> usize {
        let lit = &rule.lit;
        let constructor = if rule.backtracking {
            quote!(with_backtracking)
        } else {
            quote!(new)
        };
        let mut constructors = self.constructors.borrow_mut();
        constructors.push(quote!(__awsc_crate::__private::LazyPattern::#constructor(#lit)));
        constructors.len() - 1
    }

    fn is_empty(&self) -> bool {
        self.constructors.borrow().is_empty()
    }

    /// The static array; nothing for a type without patterns.
    fn array(&self) -> TokenStream {
        let constructors = self.constructors.borrow();
        if constructors.is_empty() {
            return quote!();
        }
        let n = constructors.len();
        quote! {
            static __AWSC_PATTERNS: [__awsc_crate::__private::LazyPattern; #n] = [#(#constructors),*];
        }
    }
}

/// `#[each(..)]`: every item checked at its own path by the runtime's `each`, which groups
/// the violations as AWS reports a list's simple members (see `aws_constraints::Group`);
/// only the rules of one item are written here.
fn each(
    rules: &[ValueRule],
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    if !checks_anything(rules) {
        return quote_spanned!(span=> __awsc_crate::__private::is_list(#value););
    }
    let members = members(
        rules,
        quote!(__awsc_item),
        quote!(__awsc_item, __awsc_index: usize, __awsc_list_at: &__awsc_crate::path::Location<'_>),
        quote!(__awsc_list_at.index(__awsc_index)),
        span,
        patterns,
    );
    let echo = echo_probe(value);
    quote_spanned! {span=>
        __awsc_crate::__private::each(#value, &#at(), #echo, __awsc_errors, #members);
    }
}

/// The constraints a group lists for members that follow `rules`, and the closure that
/// checks one member, as the runtime's `each` and `entries` take them: `parameters` are the
/// closure's (the member, what locates it, the collection's location, the errors), and
/// `item_at` is built from them only where a violation needs it.
fn members(
    rules: &[ValueRule],
    item: TokenStream,
    parameters: TokenStream,
    item_at: TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    let at = quote!(__awsc_member_at);
    let checks = rules
        .iter()
        .map(|r| value_rule(r, &item, &at, span, patterns));
    let constraints = member_constraints(rules);
    quote_spanned! {span=>
        (
            #constraints,
            |#parameters, __awsc_errors: &mut __awsc_crate::ValidationErrors| {
                let #at = || #item_at;
                #(#checks)*
            },
        )
    }
}

/// The constraints of members that follow `rules`: a static list, or an array where a
/// range bound is a constant (read through a trait, which a static cannot call).
fn member_constraints(rules: &[ValueRule]) -> TokenStream {
    let constraints: Vec<TokenStream> = rules.iter().filter_map(constraint).collect();
    let all_literal = rules.iter().all(|rule| match rule {
        ValueRule::Range(Range { min, max }) => [min, max]
            .iter()
            .all(|b| b.as_ref().is_none_or(|b| b.literal().is_some())),
        _ => true,
    });
    if all_literal {
        quote! {{
            static __AWSC_CONSTRAINTS: &[__awsc_crate::report::Constraint] = &[#(#constraints),*];
            __AWSC_CONSTRAINTS
        }}
    } else {
        quote!([#(#constraints),*])
    }
}

/// A rule as the `Constraint` a group lists; a nested list's rules are its own group's.
fn constraint(rule: &ValueRule) -> Option<TokenStream> {
    Some(match rule {
        ValueRule::Len(Len { min, max }) => {
            let (min, max) = length_bounds(min, max);
            quote!(__awsc_crate::report::Constraint::Length { min: #min, max: #max })
        }
        ValueRule::Pattern(rule) => {
            let lit = &rule.lit;
            quote!(__awsc_crate::report::Constraint::Pattern(#lit))
        }
        ValueRule::Range(Range { min, max }) => {
            let min = option(min.as_ref().map(number_bound));
            let max = option(max.as_ref().map(number_bound));
            quote!(__awsc_crate::report::Constraint::Range { min: #min, max: #max })
        }
        ValueRule::OneOf(OneOf { listed, .. }) => {
            quote!(__awsc_crate::report::Constraint::OneOf(&[#(#listed),*]))
        }
        // A nested collection's rules are its own group's; sensitivity constrains nothing.
        ValueRule::Each(_) | ValueRule::Keys(_) | ValueRule::Values(_) | ValueRule::Sensitive => {
            return None
        }
    })
}

/// A closure of the sensitivity of the value: the whole value as AWS echoes it, hiding
/// the sensitive parts, when its type can be echoed (`Option<String>`).
fn echo_probe(value: &TokenStream) -> TokenStream {
    quote!(__awsc_crate::__private::echo_probe!(#value))
}

/// Which part of a collection a list of rules is for.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Items,
    Keys,
    Values,
}

/// The part a member's attribute is for, with its rules (`#[each(..)]`, `#[keys(..)]`,
/// `#[values(..)]`).
fn member_part(kind: &RuleKind) -> Option<(Part, &[ValueRule])> {
    match kind {
        RuleKind::Each(rules) => Some((Part::Items, rules)),
        RuleKind::Keys(rules) => Some((Part::Keys, rules)),
        RuleKind::Values(rules) => Some((Part::Values, rules)),
        _ => None,
    }
}

/// The part a nested rule is for, with its rules (`each(..)`, `keys(..)`, `values(..)`
/// inside another).
fn nested_part(rule: &ValueRule) -> Option<(Part, &[ValueRule])> {
    match rule {
        ValueRule::Each(rules) => Some((Part::Items, rules)),
        ValueRule::Keys(rules) => Some((Part::Keys, rules)),
        ValueRule::Values(rules) => Some((Part::Values, rules)),
        _ => None,
    }
}

/// The sensitivity of a member's parts, from its `#[each(..)]`, `#[keys(..)]` and
/// `#[values(..)]`, as a constant `Sensitivity`; `None` when no part is sensitive.
fn member_parts_sensitivity(rules: &[crate::attr::Rule]) -> Option<TokenStream> {
    let parts = parts_sensitivity(rules.iter().filter_map(|rule| member_part(&rule.kind)))?;
    Some(quote! {{
        const __AWSC_PARTS: __awsc_crate::path::Sensitivity = #parts;
        __AWSC_PARTS
    }})
}

/// The sensitivity of a value that follows `rules` (a list's item, a map's key or value),
/// as an expression; `None` when nothing of it is sensitive.
fn value_sensitivity(rules: &[ValueRule]) -> Option<TokenStream> {
    if rules
        .iter()
        .any(|rule| matches!(rule, ValueRule::Sensitive))
    {
        return Some(quote!(__awsc_crate::path::Sensitivity::Whole));
    }
    parts_sensitivity(rules.iter().filter_map(nested_part))
}

/// The sensitivity of a collection whose parts follow these rules.
fn parts_sensitivity<'r>(
    parts: impl Iterator<Item = (Part, &'r [ValueRule])> + Clone,
) -> Option<TokenStream> {
    let part = |wanted: Part| {
        parts
            .clone()
            .find(|(part, _)| *part == wanted)
            .and_then(|(_, rules)| value_sensitivity(rules))
    };
    if let Some(item) = part(Part::Items) {
        return Some(quote!(__awsc_crate::path::Sensitivity::Items(&#item)));
    }
    let keys = part(Part::Keys).is_some();
    let values = part(Part::Values);
    if !keys && values.is_none() {
        return None;
    }
    let values = values.unwrap_or_else(|| quote!(__awsc_crate::path::Sensitivity::Nothing));
    Some(quote!(__awsc_crate::path::Sensitivity::Entries { keys: #keys, values: &#values }))
}

/// Whether `rules` check anything (`sensitive` alone, at any depth, checks nothing).
fn checks_anything(rules: &[ValueRule]) -> bool {
    rules.iter().any(|rule| match rule {
        ValueRule::Sensitive => false,
        ValueRule::Each(inner) | ValueRule::Keys(inner) | ValueRule::Values(inner) => {
            checks_anything(inner)
        }
        _ => true,
    })
}

/// Length bounds as `Option<u64>` expressions; a constant is cast, so that any unsigned or
/// signed integer constant serves.
fn length_bounds(min: &Option<Bound<u64>>, max: &Option<Bound<u64>>) -> (TokenStream, TokenStream) {
    let bound = |b: &Bound<u64>| match b {
        Bound::Literal(n) => Literal::u64_suffixed(*n).into_token_stream(),
        Bound::Const(path) => quote!((#path as u64)),
    };
    (
        option(min.as_ref().map(bound)),
        option(max.as_ref().map(bound)),
    )
}

/// Where a length bound is a constant, the compiler checks `min <= max` (literals were
/// checked when parsed).
fn const_bounds_check(min: &Option<Bound<u64>>, max: &Option<Bound<u64>>) -> TokenStream {
    match (min, max) {
        (Some(min), Some(max)) if min.literal().is_none() || max.literal().is_none() => {
            // The error points at the constant.
            let span = match (min, max) {
                (Bound::Const(path), _) | (_, Bound::Const(path)) => path.span(),
                _ => Span::call_site(),
            };
            let (min, max) = length_bounds(&Some(min.clone()), &Some(max.clone()));
            quote_spanned! {span=>
                const _: () = ::core::assert!(
                    ::core::matches!((#min, #max), (::core::option::Option::Some(min), ::core::option::Option::Some(max)) if min <= max),
                    "#[len]: `min` must be <= `max`"
                );
            }
        }
        _ => quote!(),
    }
}

/// A range bound as a `Number` expression: a literal exactly, a constant through
/// `Numeric`, which keeps its type's precision.
fn number_bound(bound: &Bound<Number>) -> TokenStream {
    match bound {
        Bound::Literal(n) => number(*n),
        Bound::Const(path) => quote!(__awsc_crate::__private::const_bound(&#path)),
    }
}

/// `#[keys(..)]` and `#[values(..)]` of one map (either, or both in that order): the
/// runtime's `entries` checks every key and value at its entry in one pass over the map and
/// groups and orders the violations as AWS reports them; only the rules of one key and of
/// one value are written here.
fn entries(
    sides: &[(Part, &[ValueRule])],
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
    patterns: &Patterns,
) -> TokenStream {
    if !sides.iter().any(|(_, rules)| checks_anything(rules)) {
        return quote_spanned!(span=> __awsc_crate::__private::is_map(#value););
    }
    // A side with nothing to check gets no constraints and a check that does nothing.
    let rules_of = |wanted: Part| {
        sides
            .iter()
            .find(|(side, rules)| *side == wanted && checks_anything(rules))
            .map_or(&[][..], |(_, rules)| *rules)
    };
    let keys = members(
        rules_of(Part::Keys),
        quote!(__awsc_key),
        quote!(__awsc_key: &str, __awsc_map_at: &__awsc_crate::path::Location<'_>),
        quote!(__awsc_map_at.map_key(__awsc_key)),
        span,
        patterns,
    );
    let values = members(
        rules_of(Part::Values),
        quote!(__awsc_value),
        quote!(__awsc_value, __awsc_key: &str, __awsc_map_at: &__awsc_crate::path::Location<'_>),
        quote!(__awsc_map_at.map_value(__awsc_key)),
        span,
        patterns,
    );
    let echo = echo_probe(value);
    quote_spanned! {span=>
        __awsc_crate::__private::entries(#value, &#at(), #echo, __awsc_errors, #keys, #values);
    }
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn number(n: Number) -> TokenStream {
    match n {
        Number::Int(i) => {
            let lit = Literal::i128_suffixed(i);
            quote!(__awsc_crate::report::Number::Int(#lit))
        }
        Number::Float(f) => {
            let lit = Literal::f64_suffixed(f);
            quote!(__awsc_crate::report::Number::Float(#lit))
        }
    }
}
