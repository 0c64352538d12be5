use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(64, 2)]
    name: String,
}

fn main() {}
