use aws_constraints::Validate;

struct Inner;

#[derive(Validate)]
struct Request {
    #[nested]
    inner: Inner,
}

fn main() {}
