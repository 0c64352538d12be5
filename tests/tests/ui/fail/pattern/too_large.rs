use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern(r"(\p{L}{1,1000}){1,1000}")]
    name: String,
}

fn main() {}
