use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(9, 1)]
    a: String,
    #[pattern("(")]
    b: String,
    #[required(x)]
    c: Option<String>,
    #[each(bogus(1))]
    d: Vec<String>,
}

fn main() {}
