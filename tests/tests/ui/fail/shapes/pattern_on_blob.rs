use aws_constraints::{Blob, Validate};

#[derive(Validate)]
struct Request {
    #[pattern("[a-z]*")]
    data: Blob,
}

fn main() {}
