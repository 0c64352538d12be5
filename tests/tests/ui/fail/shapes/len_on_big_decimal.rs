use aws_constraints::{BigDecimal, Validate};

#[derive(Validate)]
struct Request {
    #[len(1, 10)]
    amount: BigDecimal,
}

fn main() {}
