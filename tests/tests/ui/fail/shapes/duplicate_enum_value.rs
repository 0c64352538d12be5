aws_constraints::string_enum! {
    pub enum Spec {
        A = "SAME",
        B = "SAME",
        ..Unknown
    }
}

fn main() {}
