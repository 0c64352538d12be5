use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(1, max = 2)]
    name: String,
}

fn main() {}
