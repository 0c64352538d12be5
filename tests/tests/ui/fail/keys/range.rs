use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[keys(range(1, 2))]
    tags: std::collections::HashMap<String, String>,
}

fn main() {}
