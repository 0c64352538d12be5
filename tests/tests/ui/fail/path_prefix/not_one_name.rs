use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[path_prefix("create.input")]
    #[len(max = 3)]
    name: String,
    #[path_prefix("")]
    #[len(max = 3)]
    description: String,
    #[path_prefix(createRestApiInput)]
    #[len(max = 3)]
    version: String,
    #[path_prefix]
    #[len(max = 3)]
    tag: String,
}

fn main() {}
