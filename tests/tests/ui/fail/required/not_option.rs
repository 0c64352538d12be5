use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[required]
    name: String,
}

fn main() {}
