use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[path_prefix("createRestApiInput")]
    #[path_prefix("createRestApiInput")]
    #[len(max = 3)]
    name: String,
}

fn main() {}
