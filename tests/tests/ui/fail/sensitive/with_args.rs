use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[sensitive = true]
    name: String,
}

fn main() {}
