use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[range("1", 2)]
    count: i32,
}

fn main() {}
