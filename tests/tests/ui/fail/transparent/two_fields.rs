use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
#[serde(transparent)]
struct Name {
    #[len(1, 2)]
    first: String,
    last: String,
}

fn main() {}
