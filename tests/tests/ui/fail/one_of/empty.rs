use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[one_of()]
    kind: String,
}

fn main() {}
