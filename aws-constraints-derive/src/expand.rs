//! Code generation from validated input.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::ast::{Field, Input, Shape, Wire};
use crate::attr::{Len, Number, OneOf, PatternRule, Range, RuleKind, ValueRule};
use crate::ctxt::Ctxt;

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    match try_expand(input) {
        Ok(tokens) => tokens,
        Err(errors) => fallback(input, errors),
    }
}

fn try_expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        parsed.validate(&cx);
    }
    cx.check()?;
    match parsed {
        Some(parsed) => Ok(impl_validate(&parsed)),
        // `from_syn` reports why it returned nothing, so `check` has already failed.
        None => Err(syn::Error::new(Span::call_site(), "invalid input")),
    }
}

/// The compile errors, plus an impl that keeps uses of `validate()` from piling secondary
/// errors on top of them.
fn fallback(input: &DeriveInput, errors: syn::Error) -> TokenStream {
    let compile_errors = errors.to_compile_error();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #compile_errors
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics ::aws_constraints::Validate for #ident #ty_generics #where_clause {
            fn validate_at(
                &self,
                _: &::aws_constraints::Location<'_>,
                _: &mut ::aws_constraints::ValidationErrors,
            ) {
                ::core::unreachable!()
            }
        }
    }
}

fn impl_validate(input: &Input) -> TokenStream {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let body = match &input.shape {
        Shape::Struct { fields, .. } => {
            let checks = fields.iter().map(|field| {
                let member = field.ident;
                let value = quote_spanned!(field.ty.span()=> &self.#member);
                member_checks(field, &value)
            });
            quote!(#(#checks)*)
        }
        Shape::Union { variants } => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let value = quote_spanned!(variant.ty.span()=> __awsc_variant);
                let checks = member_checks(variant, &value);
                quote!(Self::#name(__awsc_variant) => { #checks })
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics ::aws_constraints::Validate for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_at(
                &self,
                __awsc_at: &::aws_constraints::Location<'_>,
                __awsc_errors: &mut ::aws_constraints::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

/// The checks of one member, whose value is the expression `value` (a reference), at the
/// place the wire has it.
fn member_checks(field: &Field, value: &TokenStream) -> TokenStream {
    let sensitive = field.attrs.sensitive.is_some();
    let location = match &field.wire {
        Wire::Named(wire_name) => quote!(__awsc_at.member(#wire_name, #sensitive)),
        Wire::Inline | Wire::Flattened => quote!(__awsc_at.with_sensitivity(#sensitive)),
        // Validation refused rules on a member that is never read.
        Wire::Skipped => return quote!(let _ = #value;),
    };
    if field.attrs.rules.is_empty() {
        // Still bind the value, so that a union arm uses its binding.
        return quote!(let _ = #value;);
    }
    // Trait errors ("`#[len]` cannot be applied to `u32`") point at the member's type.
    let span = field.ty.span();
    let at = quote!(__awsc_field_at);
    // AWS validates a map's keys before its values, whichever attribute comes first.
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
    let rules = ordered.into_iter().map(|rule| match &rule.kind {
        RuleKind::Required => quote_spanned! {span=>
            ::aws_constraints::__private::required(#value, #at, __awsc_errors);
        },
        RuleKind::Nested => quote_spanned! {span=>
            ::aws_constraints::Validate::validate_at(#value, &#at(), __awsc_errors);
        },
        RuleKind::Unique => quote_spanned! {span=>
            ::aws_constraints::__private::unique(#value, #at, __awsc_errors);
        },
        RuleKind::Value(rule) => value_rule(rule, value, &at, span),
        RuleKind::Each(rules) => each(rules, value, &at, span),
        RuleKind::Keys(rules) => entries(rules, &[], value, &at, span),
        RuleKind::Values(rules) => entries(&[], rules, value, &at, span),
    });
    // The location is built only where a violation or a nested value needs it.
    quote! {
        {
            let __awsc_field_at = || #location;
            #(#rules)*
        }
    }
}

fn value_rule(rule: &ValueRule, value: &TokenStream, at: &TokenStream, span: Span) -> TokenStream {
    match rule {
        ValueRule::Len(Len { min, max }) => {
            let (min, max) = length_bounds(*min, *max);
            let echo = echo_probe(value);
            quote_spanned! {span=>
                ::aws_constraints::__private::len(#value, #min, #max, #at, || #echo, __awsc_errors);
            }
        }
        ValueRule::Pattern(rule) => pattern(rule, value, at, span),
        ValueRule::Range(Range { min, max }) => {
            let min = option(min.map(number));
            let max = option(max.map(number));
            quote_spanned! {span=>
                ::aws_constraints::__private::range(#value, #min, #max, #at, __awsc_errors);
            }
        }
        ValueRule::OneOf(OneOf { listed, internal }) => quote_spanned! {span=>
            ::aws_constraints::__private::one_of(
                #value,
                &[#(#listed),*],
                &[#(#internal),*],
                #at,
                __awsc_errors,
            );
        },
    }
}

fn pattern(rule: &PatternRule, value: &TokenStream, at: &TokenStream, span: Span) -> TokenStream {
    let lit = &rule.lit;
    let constructor = if rule.backtracking {
        quote!(with_backtracking)
    } else {
        quote!(new)
    };
    quote_spanned! {span=>
        {
            // Compiled on first use, once for this call site.
            static __AWSC_PATTERN: ::aws_constraints::__private::LazyPattern =
                ::aws_constraints::__private::LazyPattern::#constructor(#lit);
            ::aws_constraints::__private::pattern(#value, &__AWSC_PATTERN, #at, __awsc_errors);
        }
    }
}

/// `#[each(..)]`: every item checked at its own path, and the violations grouped as AWS
/// reports a list's simple members (see `aws_constraints::Group`).
fn each(rules: &[ValueRule], value: &TokenStream, at: &TokenStream, span: Span) -> TokenStream {
    let item_at = quote!(__awsc_item_at);
    let item = quote!(__awsc_item);
    let checks = rules.iter().map(|r| value_rule(r, &item, &item_at, span));
    let grouping = grouping(
        quote!(ListMember),
        rules,
        value,
        quote!(__awsc_list_at),
        span,
    );
    quote_spanned! {span=>
        {
            let __awsc_list_at = #at();
            let __awsc_group = #grouping;
            for (__awsc_index, __awsc_item) in
                ::aws_constraints::__private::List::items(#value).iter().enumerate()
            {
                let __awsc_start = __awsc_errors.len();
                let __awsc_item_at = || __awsc_list_at.index(__awsc_index);
                #(#checks)*
                __awsc_group.attach(__awsc_errors, __awsc_start);
            }
        }
    }
}

/// The `Grouping` of a collection whose members follow `rules`.
fn grouping(
    kind: TokenStream,
    rules: &[ValueRule],
    value: &TokenStream,
    collection_at: TokenStream,
    span: Span,
) -> TokenStream {
    let constraints = rules.iter().map(constraint);
    let echo = echo_probe(value);
    quote_spanned! {span=>
        {
            static __AWSC_CONSTRAINTS: &[::aws_constraints::Constraint] = &[#(#constraints),*];
            ::aws_constraints::__private::Grouping::new(
                ::aws_constraints::GroupKind::#kind,
                __AWSC_CONSTRAINTS,
                &#collection_at,
                || #echo,
            )
        }
    }
}

/// A rule as the `Constraint` a group lists.
fn constraint(rule: &ValueRule) -> TokenStream {
    match rule {
        ValueRule::Len(Len { min, max }) => {
            let (min, max) = length_bounds(*min, *max);
            quote!(::aws_constraints::Constraint::Length { min: #min, max: #max })
        }
        ValueRule::Pattern(rule) => {
            let lit = &rule.lit;
            quote!(::aws_constraints::Constraint::Pattern(#lit))
        }
        ValueRule::Range(Range { min, max }) => {
            let min = option(min.map(number));
            let max = option(max.map(number));
            quote!(::aws_constraints::Constraint::Range { min: #min, max: #max })
        }
        ValueRule::OneOf(OneOf { listed, .. }) => {
            quote!(::aws_constraints::Constraint::OneOf(&[#(#listed),*]))
        }
    }
}

/// The whole value as AWS echoes it, when its type can be echoed (`Option<String>`).
fn echo_probe(value: &TokenStream) -> TokenStream {
    quote! {{
        #[allow(unused_imports)]
        use ::aws_constraints::__private::{ViaEchoText as _, ViaNothing as _};
        (&&::aws_constraints::__private::EchoProbe(#value)).probe_echo()
    }}
}

fn length_bounds(min: Option<u64>, max: Option<u64>) -> (TokenStream, TokenStream) {
    let bound = |n: u64| Literal::u64_suffixed(n).into_token_stream();
    (option(min.map(bound)), option(max.map(bound)))
}

fn entries(
    key_rules: &[ValueRule],
    value_rules: &[ValueRule],
    value: &TokenStream,
    at: &TokenStream,
    span: Span,
) -> TokenStream {
    let key_at = quote!(__awsc_key_at);
    let key = quote!(__awsc_key);
    let entry_at = quote!(__awsc_value_at);
    let entry = quote!(__awsc_value);
    let key_checks = key_rules.iter().map(|r| value_rule(r, &key, &key_at, span));
    let value_checks = value_rules
        .iter()
        .map(|r| value_rule(r, &entry, &entry_at, span));
    let map_at = quote!(__awsc_map_at);
    let key_group = grouping(quote!(MapKeys), key_rules, value, map_at.clone(), span);
    let value_group = grouping(quote!(MapValues), value_rules, value, map_at, span);
    quote_spanned! {span=>
        {
            let __awsc_map_at = #at();
            let __awsc_start = __awsc_errors.len();
            let __awsc_key_group = #key_group;
            let __awsc_value_group = #value_group;
            ::aws_constraints::__private::Map::for_each_entry(#value, |__awsc_key, __awsc_value| {
                let __awsc_key_at = || __awsc_map_at.map_key(__awsc_key);
                let __awsc_value_at = || __awsc_map_at.map_value(__awsc_key);
                let __awsc_entry_start = __awsc_errors.len();
                #(#key_checks)*
                __awsc_key_group.attach(__awsc_errors, __awsc_entry_start);
                let __awsc_entry_start = __awsc_errors.len();
                #(#value_checks)*
                __awsc_value_group.attach(__awsc_errors, __awsc_entry_start);
            });
            ::aws_constraints::__private::sort_entries(
                #value,
                __awsc_start,
                &__awsc_map_at,
                __awsc_errors,
            );
        }
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
            quote!(::aws_constraints::Number::Int(#lit))
        }
        Number::Float(f) => {
            let lit = Literal::f64_suffixed(f);
            quote!(::aws_constraints::Number::Float(#lit))
        }
    }
}
