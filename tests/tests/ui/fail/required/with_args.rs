use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[required(true)]
    name: Option<String>,
}

fn main() {}
