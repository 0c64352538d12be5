use aws_constraints::Validate;

const MIN: usize = 9;
const MAX: usize = 1;

#[derive(Validate)]
struct Request {
    #[len(MIN, MAX)]
    name: String,
}

fn main() {}
