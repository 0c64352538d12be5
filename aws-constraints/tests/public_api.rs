//! The root of the public API, kept in view: what a user names sits at the root, the rest in
//! modules named for what they are (`path`, `report`, `rules`, `java`, `pattern`). A name
//! added to or removed from the root fails this test until the list below says so (and the
//! CHANGELOG, for a published crate).

/// Every public name at the crate's root, sorted: items, modules, macros.
const ROOT: &[&str] = &[
    "BigDecimal",
    "BigInteger",
    "BigNumberError",
    "Blob",
    "CustomError",
    "Document",
    "InputError",
    "Rule",
    "Timestamp",
    "TimestampError",
    "Validate",
    "Validated",
    "ValidationErrors",
    "Violation",
    "defaults",
    "docs",
    "float",
    "int_enum!",
    "java",
    "path",
    "pattern",
    "report",
    "rules",
    "string_enum!",
    "timestamp",
];

/// The public names `lib.rs` declares at the root (`pub use`, `pub mod`, `pub type`,
/// `pub trait`) and the exported macros, without the derive's hidden ones.
fn declared() -> Vec<String> {
    let source = |file: &str| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/").to_owned() + file;
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let lib = source("lib.rs");
    let mut names = Vec::new();
    for statement in lib.split(';').map(str::trim) {
        // Attributes and comments before an item belong to it; take its last line(s).
        let item = statement
            .lines()
            .skip_while(|line| {
                let line = line.trim();
                !(line.starts_with("pub ") || line.contains(" pub "))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let item = item.trim();
        if let Some(rest) = item.strip_prefix("pub use ") {
            match rest.split_once('{') {
                Some((_, list)) => names.extend(
                    list.trim_end_matches('}')
                        .split(',')
                        .map(str::trim)
                        .filter(|name| !name.is_empty())
                        .map(str::to_owned),
                ),
                None => names.push(rest.rsplit([' ', ':']).next().unwrap_or(rest).to_owned()),
            }
        } else if let Some(rest) = item
            .strip_prefix("pub mod ")
            .or_else(|| item.strip_prefix("pub type "))
        {
            names.push(rest.split([' ', '=']).next().unwrap_or(rest).to_owned());
        }
    }
    if lib.contains("pub trait Validate") {
        names.push("Validate".into());
    }
    for file in ["lib.rs", "enums.rs", "private.rs"] {
        let text = source(file);
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "#[macro_export]" {
                let name = lines
                    .find_map(|l| l.trim().strip_prefix("macro_rules! "))
                    .map(|rest| rest.trim_end_matches(" {").to_owned());
                names.extend(name.filter(|n| !n.starts_with("__")).map(|n| n + "!"));
            }
        }
    }
    names.retain(|name| !name.starts_with("__"));
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_root_holds_what_a_user_names() {
    assert_eq!(declared(), ROOT);
}

/// What moved off the root is where its module says.
#[test]
fn the_rest_is_in_modules_named_for_what_it_is() {
    use aws_constraints::path::{EntryKey, Location, Path, PathSegment, Sensitivity, REDACTED};
    use aws_constraints::report::{Bound, Constraint, Echo, Group, GroupKind, Number, ValueText};
    use aws_constraints::rules::{EchoText, HasLength, List, Map, Numeric, Presence, StringValue};
    let _ = (
        std::any::type_name::<(EntryKey, Location, Path, PathSegment, Sensitivity)>(),
        REDACTED,
        std::any::type_name::<(Bound, Constraint, Echo, Group, GroupKind, Number, ValueText)>(),
        aws_constraints::java::java_double(1.0),
        aws_constraints::pattern::Pattern::new("a").is_ok(),
    );
    fn list<T: HasLength + List + EchoText>() {}
    fn present<T: Presence>() {}
    fn map<T: Map>() {}
    fn string<T: StringValue>() {}
    fn number<T: Numeric>() {}
    list::<Vec<String>>();
    present::<Option<String>>();
    map::<std::collections::BTreeMap<String, String>>();
    string::<String>();
    number::<i32>();
}
