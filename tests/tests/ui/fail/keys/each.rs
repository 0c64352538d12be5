use std::collections::BTreeMap;

use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[keys(each(len(max = 1)))]
    map: BTreeMap<String, String>,
}

fn main() {}
