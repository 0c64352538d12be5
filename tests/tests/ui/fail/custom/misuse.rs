use aws_constraints::Validate;

fn check(_: &String) -> Result<(), &'static str> {
    Ok(())
}

#[derive(Validate)]
struct Request {
    #[custom]
    a: String,
    #[custom(check, check)]
    b: String,
    #[custom(not_a_function)]
    c: String,
}

fn main() {}
