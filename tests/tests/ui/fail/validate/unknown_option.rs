use aws_constraints::Validate;

#[derive(Validate)]
#[validate(krate = "aws_constraints")]
struct Request {
    #[len(max = 1)]
    name: String,
}

fn main() {}
