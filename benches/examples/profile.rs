//! A loop over one benchmark case, for `perf record`:
//! `cargo build --release -p aws-constraints-benches --example profile &&
//!  perf record ./target/release/examples/profile CreateAppInstance/valid-50-tags`

use aws_constraints::Validate;
use aws_constraints_models::chime::CreateAppInstanceRequest;

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "CreateAppInstance/valid-50-tags".into());
    let case = aws_constraints_benches::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    assert_eq!(
        case.operation, "CreateAppInstance",
        "the profile loop runs CreateAppInstance cases"
    );
    let request: CreateAppInstanceRequest = serde_json::from_value(case.document).unwrap();
    let valid = (0..10_000_000)
        .filter(|_| std::hint::black_box(&request).validate().is_ok())
        .count();
    println!("{valid} valid");
}
