use aws_constraints::Validate;

#[derive(Validate)]
struct Request {
    #[each(len(1, 2), lenght(3, 4))]
    names: Vec<String>,
}

fn main() {}
