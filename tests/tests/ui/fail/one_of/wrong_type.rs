use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[one_of("A")]
    kind: u8,
}

fn main() {}
