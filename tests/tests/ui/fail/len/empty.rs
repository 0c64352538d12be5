use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len()]
    name: String,
}

fn main() {}
