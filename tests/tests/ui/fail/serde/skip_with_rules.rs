use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
struct Request {
    #[serde(skip)]
    #[len(max = 3)]
    cache: String,
}

fn main() {}
