use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    // Only a collection has items, keys or values to be sensitive.
    #[each(sensitive)]
    token: String,
    #[values(sensitive)]
    tokens: Vec<String>,
}

fn main() {}
