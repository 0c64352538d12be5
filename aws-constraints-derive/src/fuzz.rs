//! The macro never panics: thousands of generated inputs, well-formed or not, each expand
//! to code or to compile errors.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::expand;

/// Attribute fragments: right and wrong arities, literal kinds, huge numbers, nested
/// garbage, empty and unbalanced patterns.
const ATTRIBUTES: &[&str] = &[
    "#[len(1, 2)]",
    "#[len(2, 1)]",
    "#[len(5)]",
    "#[len()]",
    "#[len]",
    "#[len = 3]",
    "#[len(min = 1)]",
    "#[len(max = 9)]",
    "#[len(min = 1, max = 2, max = 3)]",
    "#[len(-1, 2)]",
    "#[len(1.5)]",
    "#[len(\"1\", 2)]",
    "#[len(99999999999999999999999999999)]",
    "#[len(1, max = 2)]",
    "#[len(x = 1)]",
    "#[len(1,,2)]",
    "#[len(1, 2, 3)]",
    "#[len(1u8, 2i64)]",
    "#[pattern(\"[a-z]+\")]",
    "#[pattern(\"\")]",
    "#[pattern(\"(\")]",
    "#[pattern(\"[\")]",
    "#[pattern(\"\\\\\")]",
    "#[pattern(\"(?!x)y\")]",
    "#[pattern(\"a(?=b)c\")]",
    "#[pattern(1)]",
    "#[pattern]",
    r#"#[pattern("(a)\\1", backtracking)]"#,
    r#"#[pattern("a", bogus)]"#,
    r#"#[pattern("a", backtracking, x)]"#,
    r#"#[pattern("(.)\\2", backtracking)]"#,
    "#[pattern(\"a\", \"b\")]",
    "#[pattern(r\"\\u10000\")]",
    "#[pattern(\"(((((\")]",
    "#[required]",
    "#[required(true)]",
    "#[required = 1]",
    "#[sensitive]",
    "#[sensitive(x)]",
    "#[nested]",
    "#[nested(deep)]",
    "#[unique]",
    "#[unique = \"yes\"]",
    "#[range(1, 2)]",
    "#[range(2, 1)]",
    "#[range(-5, 5.5)]",
    "#[range(1)]",
    "#[range(min = 1.0)]",
    "#[range(max = -1e308)]",
    "#[range(\"a\", 2)]",
    "#[range(1e999, 2)]",
    "#[range(min = 1, min = 2)]",
    "#[range(170141183460469231731687303715884105728, 1)]",
    "#[one_of(\"A\")]",
    "#[one_of()]",
    "#[one_of(\"A\", \"A\")]",
    "#[one_of(internal(\"B\"))]",
    "#[one_of(\"A\", internal())]",
    "#[one_of(internal)]",
    "#[one_of(1, 2)]",
    "#[each(len(1, 2))]",
    "#[each()]",
    "#[each(len)]",
    "#[each(bogus(1))]",
    "#[each(len(1,2), len(1,2))]",
    "#[each(pattern(\"(\"), range(3, 1))]",
    "#[each(nested)]",
    "#[each(len(1, 2) pattern(\"a\"))]",
    "#[keys(len(1, 2))]",
    "#[keys(range(1, 2))]",
    "#[values(one_of(\"x\"))]",
    "#[values(each(len(1,2)))]",
    "#[serde(rename = \"Wire\")]",
    "#[serde(rename_all = \"camelCase\")]",
    "#[serde(transparent)]",
    "#[serde(rename(deserialize = \"a\"))]",
    "#[serde(rename = 5)]",
    "#[doc = \"x\"]",
];

const TYPES: &[&str] = &[
    "String",
    "Option<String>",
    "Vec<String>",
    "u32",
    "f64",
    "Option<Vec<Tag>>",
    "std::collections::HashMap<String, String>",
    "&'a str",
    "T",
    "()",
    "[u8; 4]",
    "Box<str>",
];

struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn generate(rng: &mut Rng) -> String {
    let mut source = String::new();
    for _ in 0..rng.below(2) {
        source.push_str(rng.pick(ATTRIBUTES));
    }
    let shape = rng.below(6);
    let fields: Vec<String> = (0..rng.below(4) + 1)
        .map(|i| {
            let attrs: String = (0..rng.below(4)).map(|_| rng.pick(ATTRIBUTES)).collect();
            match shape {
                0 => format!("{attrs} {}", rng.pick(TYPES)),
                1 => format!("{attrs} V{i}({})", rng.pick(TYPES)),
                2 => format!("{attrs} V{i}"),
                _ => format!("{attrs} r#f{i}: {}", rng.pick(TYPES)),
            }
        })
        .collect();
    match shape {
        0 => source.push_str(&format!("struct S<'a, T>({});", fields.join(", "))),
        1 | 2 => source.push_str(&format!("enum S {{ {} }}", fields.join(", "))),
        3 => source.push_str(&format!("union S {{ {} }}", fields.join(", "))),
        _ => source.push_str(&format!("struct S<'a, T> {{ {} }}", fields.join(", "))),
    }
    source
}

#[test]
fn generated_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut expanded, mut rejected, mut unparsable) = (0, 0, 0);
    for _ in 0..5000 {
        let source = generate(&mut rng);
        let Ok(input) = syn::parse_str::<syn::DeriveInput>(&source) else {
            unparsable += 1;
            continue;
        };
        let tokens = catch_unwind(AssertUnwindSafe(|| expand::derive(&input)))
            .unwrap_or_else(|_| panic!("the derive panicked on:\n{source}"));
        if tokens.to_string().contains("compile_error") {
            rejected += 1;
        } else {
            expanded += 1;
        }
    }
    println!("{expanded} expanded, {rejected} rejected with errors, {unparsable} not Rust");
    assert!(
        expanded > 100 && rejected > 1000,
        "{expanded} expanded, {rejected} rejected"
    );
}

#[test]
fn errors_are_accumulated_across_fields() {
    let input: syn::DeriveInput = syn::parse_quote! {
        struct S {
            #[len(2, 1)] a: String,
            #[pattern("(")] b: String,
            #[required(x)] c: Option<String>,
            #[each(bogus(1))] d: Vec<String>,
            #[len(1, 2)] #[len(1, 2)] e: String,
        }
    };
    let errors = expand::derive(&input).to_string();
    assert_eq!(errors.matches("compile_error").count(), 5, "{errors}");
    // The fallback impl keeps uses of `validate()` from erroring a second time.
    assert!(errors.contains("unreachable"), "{errors}");
}
