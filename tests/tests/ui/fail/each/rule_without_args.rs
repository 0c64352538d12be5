use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(len)]
    names: Vec<String>,
}

fn main() {}
