use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("a", "b")]
    name: String,
}

fn main() {}
