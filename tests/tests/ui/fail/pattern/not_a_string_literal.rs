use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern(42)]
    name: String,
}

fn main() {}
