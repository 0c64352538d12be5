use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("(?>ab|a)b")]
    name: String,
}

fn main() {}
