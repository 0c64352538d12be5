use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("(?=a(?!b))a")]
    name: String,
}

fn main() {}
