use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("(a)\\1")]
    name: String,
}

fn main() {}
