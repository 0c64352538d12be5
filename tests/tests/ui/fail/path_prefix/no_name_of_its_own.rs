use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
struct Request {
    #[path_prefix("createRestApiInput")]
    #[serde(skip)]
    cache: String,
    #[path_prefix("createRestApiInput")]
    #[serde(flatten)]
    #[nested]
    rest: Rest,
}

#[derive(Validate, serde::Deserialize)]
struct Rest {
    #[len(max = 3)]
    name: String,
}

fn main() {}
