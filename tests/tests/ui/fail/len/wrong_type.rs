use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(1, 2)]
    count: u32,
}

fn main() {}
