//! Implementation detail of `aws-constraints`: the `#[derive(Validate)]` macro.
//!
//! The macro runs in three stages, each in its own module: `attr` and `ast` parse the
//! input into an intermediate form, `valid` checks what parsing cannot, and `expand`
//! generates code from input that is known to be valid. Every problem found on the way is
//! collected in a `ctxt::Ctxt`, so one build reports all of them.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod valid;

use proc_macro::TokenStream;

#[proc_macro_derive(
    Validate,
    attributes(
        len,
        pattern,
        required,
        range,
        each,
        keys,
        values,
        nested,
        sensitive,
        one_of,
        unique,
        custom,
        validate,
        path_prefix
    )
)]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

#[cfg(test)]
mod fuzz;
