use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[len(9, 1)]
    name: String,
}

fn main() {
    let request = Request { name: String::new() };
    let _ = request.validate();
}
