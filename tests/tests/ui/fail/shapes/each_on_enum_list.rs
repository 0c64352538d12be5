// A list of an enum type is checked with `#[nested]`; `one_of` is for strings.
use aws_constraints::{string_enum, Validate};

string_enum! {
    pub enum Color {
        Red = "RED",
        ..Unknown
    }
}

#[derive(Validate)]
struct Request {
    #[each(one_of("RED"))]
    colors: Vec<Color>,
}

fn main() {}
