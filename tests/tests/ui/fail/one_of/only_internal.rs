use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[one_of(internal("A"))]
    kind: String,
}

fn main() {}
