use std::collections::BTreeMap;

use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
struct Request {
    #[serde(flatten)]
    #[required]
    #[len(max = 3)]
    #[values(len(max = 2))]
    extra: Option<BTreeMap<String, String>>,
}

fn main() {}
