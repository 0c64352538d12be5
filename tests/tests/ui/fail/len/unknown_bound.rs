use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(least = 1)]
    name: String,
}

fn main() {}
