use std::collections::{BTreeMap, HashMap};

use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
struct Tag {
    #[required]
    #[len(1, 128)]
    key: Option<String>,
}

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    #[required]
    #[len(1, 256)]
    #[pattern(r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]*")]
    #[sensitive]
    name: Option<String>,
    #[len(min = 1)]
    #[serde(rename = "Desc")]
    description: String,
    #[len(max = 3)]
    #[each(len(1, 8), pattern("[a-z]+"), one_of("a", "b"))]
    #[unique]
    list: Vec<String>,
    #[range(-5, 5.5)]
    ratio: f64,
    #[range(min = 0)]
    count: Option<u64>,
    #[keys(len(1, 3), pattern("(?!aws:)[a-z:]+"))]
    #[values(len(max = 3))]
    map: HashMap<String, String>,
    #[values(range(1, 2))]
    sorted: BTreeMap<String, i32>,
    #[nested]
    tags: Option<Vec<Tag>>,
    #[len(5)]
    #[serde(borrow)]
    borrowed: &'a str,
    r#type: Option<String>,
    /// No character four times in a row: a back-reference, opted into.
    #[pattern(r"^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$", backtracking)]
    password_hint: String,
}

fn main() {}
