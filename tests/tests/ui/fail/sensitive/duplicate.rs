use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[sensitive]
    #[sensitive]
    name: String,
}

fn main() {}
