// Map keys are strings at every depth: a map inside a list cannot range its keys.
use std::collections::HashMap;

use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(keys(range(1, 2)))]
    maps: Vec<HashMap<String, String>>,
}

fn main() {}
