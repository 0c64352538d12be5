use aws_constraints::Validate;

#[derive(Validate)]
union Request {
    a: u32,
}

fn main() {}
