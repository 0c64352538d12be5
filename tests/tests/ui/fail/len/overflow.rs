use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(1, 99999999999999999999999)]
    name: String,
}

fn main() {}
