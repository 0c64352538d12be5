use aws_constraints::Validate;

/// A Smithy union: the set variant is the member.
#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
enum Target {
    #[len(1, 8)]
    Arn(String),
    #[range(1, 9)]
    Port(u16),
    Unconstrained(bool),
}

/// A named shape's constraints, carried by a newtype.
#[derive(Validate, serde::Deserialize)]
#[serde(transparent)]
struct TagList {
    #[len(1, 50)]
    #[each(len(1, 128))]
    tags: Vec<String>,
}

#[derive(Validate, serde::Deserialize)]
struct Request {
    #[nested]
    target: Option<Target>,
    #[nested]
    tags: TagList,
    #[one_of("abc", "def", internal("ghi"))]
    kind: String,
}

fn main() {
    let request: Request =
        serde_json::from_str(r#"{"target": {"port": 99}, "tags": [""], "kind": "ghi"}"#).unwrap();
    let errors = request.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().json_pointer()).collect();
    assert_eq!(paths, ["/target/port", "/tags/0"]);
}
