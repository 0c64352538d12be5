use std::hint::black_box;
use std::time::Instant;
fn main() {
    let src = "^(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:instance/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$";
    let v = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    let ours = aws_constraints::Pattern::new(src).unwrap();
    let theirs = regex::Regex::new(&format!("^(?:{src})$")).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..1_000_000 {
            black_box(ours.is_match(black_box(v)));
        }
        let a = t.elapsed();
        let t = Instant::now();
        for _ in 0..1_000_000 {
            black_box(theirs.is_match(black_box(v)));
        }
        let b = t.elapsed();
        println!("ours {:?} theirs {:?}", a / 1_000_000, b / 1_000_000);
    }
    for (s, v) in [
        ("[a-z]{2}(-[a-z]+){1,2}(-[0-9])?", "us-west-2"),
        (r"^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$", "support-west"),
    ] {
        let ours = aws_constraints::Pattern::new(s).unwrap();
        let t = Instant::now();
        for _ in 0..1_000_000 {
            black_box(ours.is_match(black_box(v)));
        }
        println!("{s}: ours {:?}", t.elapsed() / 1_000_000);
    }
}
