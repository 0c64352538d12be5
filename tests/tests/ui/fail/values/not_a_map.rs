use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[values(len(1, 2))]
    tags: Vec<String>,
}

fn main() {}
