use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(sensitive, len(1, 8), sensitive)]
    tokens: Vec<String>,
}

fn main() {}
