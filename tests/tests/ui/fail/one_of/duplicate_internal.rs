use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[one_of("A", internal("B", "A"))]
    kind: String,
}

fn main() {}
