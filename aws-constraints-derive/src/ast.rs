//! The derive's view of its input: a structure or union whose members carry parsed rules
//! and their wire names.

use syn::ext::IdentExt;
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, Fields, Meta, Token};

use crate::attr::{ContainerAttrs, FieldAttrs};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) shape: Shape<'a>,
    pub(crate) attrs: ContainerAttrs,
}

pub(crate) enum Shape<'a> {
    /// A structure: each field is a member. Under `#[serde(transparent)]` the single field
    /// stands for the structure itself, adding nothing to paths, so a newtype can carry
    /// the constraints of a named shape (Smithy's `@length(min: 2) string MinString`).
    Struct {
        fields: Vec<Field<'a>>,
        transparent: bool,
    },
    /// A union: an enum whose variants each wrap one value; the set variant is the member.
    Union { variants: Vec<Field<'a>> },
}

/// A member: a struct field or a union variant.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a syn::Ident,
    pub(crate) ty: &'a syn::Type,
    /// Where serde reads the member's value from.
    pub(crate) wire: Wire,
    /// Whether serde gives the member a value that is not an `Option` when the document has
    /// none (`#[serde(default)]` on it or its structure): Smithy's `@default`, which leaves
    /// `#[required]` nothing to check.
    pub(crate) filled_by_default: bool,
    pub(crate) attrs: FieldAttrs,
}

/// Where a member's value is in the document, as serde reads it: what decides the path a
/// violation reports.
pub(crate) enum Wire {
    /// Under its own name: a field, a variant of an externally tagged enum, or the content
    /// member of an adjacently tagged one.
    Named(String),
    /// At the container's own place: the field of a `#[serde(transparent)]` newtype, a
    /// variant of an internally tagged or untagged enum.
    Inline,
    /// `#[serde(flatten)]`: what it holds is among the container's members.
    Flattened,
    /// Never read (`#[serde(skip)]`, `skip_deserializing`): not on the wire at all.
    Skipped,
}

impl<'a> Input<'a> {
    /// `None` when the input has no shape the derive supports (reported on `cx`).
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
        let rename_all = serde_rename_all(&input.attrs);
        let shape = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => {
                    let transparent = serde_flag(&input.attrs, "transparent");
                    let all_default = serde_has(&input.attrs, "default");
                    Shape::Struct {
                        fields: named
                            .named
                            .iter()
                            .filter_map(|field| {
                                let ident = field.ident.as_ref()?;
                                let wire = if serde_skipped(&field.attrs) {
                                    Wire::Skipped
                                } else if transparent {
                                    Wire::Inline
                                } else if serde_flag(&field.attrs, "flatten") {
                                    Wire::Flattened
                                } else {
                                    Wire::Named(serde_rename(&field.attrs).unwrap_or_else(|| {
                                        let unraw = ident.unraw().to_string();
                                        match rename_all {
                                            Some(rule) => rule.apply_to_field(&unraw),
                                            None => unraw,
                                        }
                                    }))
                                };
                                Some(Field {
                                    ident,
                                    ty: &field.ty,
                                    wire,
                                    filled_by_default: (all_default
                                        || serde_has(&field.attrs, "default"))
                                        && !is_option(&field.ty),
                                    attrs: FieldAttrs::from_attrs(cx, &field.attrs),
                                })
                            })
                            .collect(),
                        transparent,
                    }
                }
                Fields::Unnamed(_) | Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "#[derive(Validate)] needs a struct with named fields: constraints \
                         name their members (for a newtype, use a named field and \
                         #[serde(transparent)])",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                let tagging = Tagging::of(&input.attrs);
                let mut variants = Vec::with_capacity(data.variants.len());
                for variant in &data.variants {
                    let inner = match &variant.fields {
                        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0],
                        _ => {
                            cx.error_spanned_by(
                                variant,
                                "#[derive(Validate)] on an enum validates a union: every \
                                 variant must wrap exactly one value, like `First(String)`; \
                                 for an AWS enum, use a String field with #[one_of(..)]",
                            );
                            continue;
                        }
                    };
                    let wire = if serde_skipped(&variant.attrs) {
                        Wire::Skipped
                    } else if serde_flag(&variant.attrs, "untagged") {
                        Wire::Inline
                    } else {
                        match &tagging {
                            Tagging::External => {
                                Wire::Named(serde_rename(&variant.attrs).unwrap_or_else(|| {
                                    let unraw = variant.ident.unraw().to_string();
                                    match rename_all {
                                        Some(rule) => rule.apply_to_variant(&unraw),
                                        None => unraw,
                                    }
                                }))
                            }
                            Tagging::Adjacent { content } => Wire::Named(content.clone()),
                            Tagging::Internal | Tagging::Untagged => Wire::Inline,
                        }
                    };
                    variants.push(Field {
                        ident: &variant.ident,
                        ty: &inner.ty,
                        wire,
                        filled_by_default: false,
                        attrs: FieldAttrs::from_attrs(cx, &variant.attrs),
                    });
                }
                Shape::Union { variants }
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(Validate)] is not supported on Rust unions; a Smithy union is \
                     an enum with one value per variant",
                );
                return None;
            }
        };
        Some(Input {
            original: input,
            shape,
            attrs: ContainerAttrs::from_attrs(cx, &input.attrs),
        })
    }

    /// Every member, in declaration order.
    pub(crate) fn members(&self) -> &[Field<'a>] {
        match &self.shape {
            Shape::Struct { fields, .. } => fields,
            Shape::Union { variants } => variants,
        }
    }
}

/// How serde represents an enum's variants.
enum Tagging {
    /// `{"Variant": value}`, the default and Smithy's union.
    External,
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Variant", "c": value}`.
    Adjacent { content: String },
    /// `#[serde(tag = "t")]`: the value's own members beside `"t"`.
    Internal,
    /// `#[serde(untagged)]`: the value alone.
    Untagged,
}

impl Tagging {
    fn of(attrs: &[syn::Attribute]) -> Tagging {
        let named = |name: &str| {
            serde_metas(attrs)
                .find(|meta| meta.path().is_ident(name))
                .and_then(|meta| string_value(&meta))
        };
        if serde_flag(attrs, "untagged") {
            return Tagging::Untagged;
        }
        match (named("tag"), named("content")) {
            (Some(_), Some(content)) => Tagging::Adjacent { content },
            (Some(_), None) => Tagging::Internal,
            _ => Tagging::External,
        }
    }
}

/// Whether `#[serde(skip)]` or `#[serde(skip_deserializing)]` keeps a member off the wire.
fn serde_skipped(attrs: &[syn::Attribute]) -> bool {
    serde_flag(attrs, "skip") || serde_flag(attrs, "skip_deserializing")
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

/// Whether `#[serde(flag)]` is present.
fn serde_flag(attrs: &[syn::Attribute], flag: &str) -> bool {
    serde_metas(attrs).any(|meta| matches!(&meta, Meta::Path(path) if path.is_ident(flag)))
}

/// Whether a serde attribute names `key`, alone or with a value (`default = "path"`).
fn serde_has(attrs: &[syn::Attribute], key: &str) -> bool {
    serde_metas(attrs).any(|meta| meta.path().is_ident(key))
}

/// Whether `ty` is written as an `Option` (by any path ending in `Option<..>`).
fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

fn serde_rename_all(attrs: &[syn::Attribute]) -> Option<RenameRule> {
    serde_metas(attrs)
        .find(|meta| meta.path().is_ident("rename_all"))
        .and_then(|meta| string_value(&meta))
        .and_then(|name| RenameRule::from_serde(&name))
}
