use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(len(5, 1))]
    names: Vec<String>,
}

fn main() {}
