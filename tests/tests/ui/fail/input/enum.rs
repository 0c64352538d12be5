use aws_constraints::Validate;

#[derive(Validate)]
enum Request {
    A,
}

fn main() {}
