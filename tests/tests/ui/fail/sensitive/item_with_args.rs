use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[values(sensitive(true), len(1, 50000))]
    logins: std::collections::HashMap<String, String>,
}

fn main() {}
