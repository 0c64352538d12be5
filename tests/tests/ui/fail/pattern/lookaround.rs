use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("[a-z]+(?=x)[a-z]")]
    name: String,
}

fn main() {}
