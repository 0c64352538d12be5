use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("\\p{Klingon}")]
    name: String,
}

fn main() {}
