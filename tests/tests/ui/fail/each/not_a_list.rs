use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(len(1, 2))]
    name: String,
}

fn main() {}
