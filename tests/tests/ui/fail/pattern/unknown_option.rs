use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("[a-z]+", fast)]
    name: String,
}

fn main() {}
