//! The generated code uses absolute paths only: it compiles with the prelude's names
//! shadowed, and without warnings.
#![deny(warnings, unused_qualifications)]
#![allow(dead_code, non_camel_case_types)]

struct Result;
struct Ok;
struct Err;
struct Option;
struct Some;
struct None;
struct String;
struct Vec;
mod core {}
mod std {}

#[derive(aws_constraints::Validate)]
struct Inner {
    #[len(1, 2)]
    name: &'static str,
}

#[derive(aws_constraints::Validate)]
struct Request<'a, T: aws_constraints::Validate> {
    #[required]
    #[len(1, 256)]
    #[pattern("[a-z]+")]
    #[sensitive]
    name: ::core::option::Option<&'a str>,
    #[range(1, 10)]
    count: u8,
    #[each(len(1, 3), one_of("a", "bb"))]
    #[unique]
    items: ::std::vec::Vec<&'a str>,
    #[keys(len(1, 3))]
    #[values(len(max = 3))]
    map: ::std::collections::BTreeMap<&'a str, &'a str>,
    #[nested]
    inner: ::std::vec::Vec<Inner>,
    #[nested]
    generic: T,
}

#[test]
fn derives_with_prelude_names_shadowed() {
    use aws_constraints::Validate;
    let request = Request {
        name: ::core::option::Option::Some("abc"),
        count: 3,
        items: ::std::vec!["a", "bb"],
        map: ::std::collections::BTreeMap::new(),
        inner: ::std::vec![Inner { name: "x" }],
        generic: Inner { name: "" },
    };
    let errors = request.validate().unwrap_err();
    ::std::assert_eq!(errors.len(), 1);
    ::std::assert_eq!(errors.as_slice()[0].path().json_pointer(), "/generic/name");
}
