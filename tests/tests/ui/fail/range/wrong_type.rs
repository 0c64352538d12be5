use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[range(1, 2)]
    name: String,
}

fn main() {}
