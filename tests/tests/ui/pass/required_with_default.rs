// A required member with a default (Smithy's `@required` and `@default`) is never missing.
use aws_constraints::Validate;

#[derive(Validate, serde::Deserialize)]
struct Request {
    #[required]
    #[serde(default, deserialize_with = "aws_constraints::defaults::null_as_default")]
    recursive: bool,
    #[required]
    #[serde(default)]
    maybe: Option<String>,
}

fn main() {
    let request: Request = serde_json::from_str("{}").unwrap();
    assert!(!request.recursive);
    // An `Option` defaults to `None`, which `#[required]` still reports.
    assert_eq!(request.validate().unwrap_err().len(), 1);
}
