use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[range(10)]
    count: i32,
}

fn main() {}
