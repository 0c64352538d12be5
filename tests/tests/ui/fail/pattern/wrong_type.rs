use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[pattern("[0-9]+")]
    count: u32,
}

fn main() {}
