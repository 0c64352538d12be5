use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(1, 2)]
    #[len(1, 3)]
    name: String,
}

fn main() {}
