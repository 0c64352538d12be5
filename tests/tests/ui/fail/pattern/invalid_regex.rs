use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("[a-z")]
    name: String,
}

fn main() {}
