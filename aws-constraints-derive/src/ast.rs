//! The derive's view of its input: a named-field struct whose fields carry parsed rules and
//! their wire names.

use syn::ext::IdentExt;
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, Fields, Meta, Token};

use crate::attr::FieldAttrs;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) fields: Vec<Field<'a>>,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) ident: &'a syn::Ident,
    /// The member's name on the wire, as serde would (de)serialize it.
    pub(crate) wire_name: String,
    pub(crate) attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    /// `None` when the input is not a struct with named fields (reported on `cx`).
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named,
                Fields::Unnamed(_) | Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "#[derive(Validate)] needs a struct with named fields: constraints \
                         name their members",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    "#[derive(Validate)] is not supported on enums; use a String field with \
                     #[one_of(..)] for an AWS enum",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(Validate)] is not supported on unions",
                );
                return None;
            }
        };
        let rename_all = serde_rename_all(&input.attrs);
        let fields = named
            .named
            .iter()
            .filter_map(|field| {
                let ident = field.ident.as_ref()?;
                let wire_name = serde_rename(&field.attrs).unwrap_or_else(|| {
                    let unraw = ident.unraw().to_string();
                    match rename_all {
                        Some(rule) => rule.apply(&unraw),
                        None => unraw,
                    }
                });
                Some(Field {
                    original: field,
                    ident,
                    wire_name,
                    attrs: FieldAttrs::from_attrs(cx, &field.attrs),
                })
            })
            .collect();
        Some(Input {
            original: input,
            fields,
        })
    }
}

/// The `serde(..)` attribute arguments. Serde reports malformed ones itself, so they are
/// skipped here rather than reported twice.
fn serde_metas(attrs: &[syn::Attribute]) -> impl Iterator<Item = Meta> + '_ {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .filter_map(|attr| {
            attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
}

fn string_value(meta: &Meta) -> Option<String> {
    match meta {
        Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        // `rename(deserialize = "..")`: the name that validation sees is the one read.
        Meta::List(list) => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .ok()?
            .iter()
            .find(|m| m.path().is_ident("deserialize"))
            .and_then(string_value),
        Meta::Path(_) => None,
    }
}

fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    serde_metas(attrs)
        .find(|meta| meta.path().is_ident("rename"))
        .and_then(|meta| string_value(&meta))
}

fn serde_rename_all(attrs: &[syn::Attribute]) -> Option<RenameRule> {
    serde_metas(attrs)
        .find(|meta| meta.path().is_ident("rename_all"))
        .and_then(|meta| string_value(&meta))
        .and_then(|name| RenameRule::from_serde(&name))
}
