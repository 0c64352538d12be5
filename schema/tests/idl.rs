//! The Smithy IDL reader: what each construct becomes in the JSON AST, and errors that say
//! where.

use aws_constraints_schema::{idl, Validator};
use serde_json::{json, Value};

fn ast(files: &[(&str, &str)]) -> Value {
    let text = idl::to_json_ast(files).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap()
}

fn shapes(text: &str) -> Value {
    ast(&[("model.smithy", text)])["shapes"].clone()
}

fn error(text: &str) -> String {
    idl::to_json_ast(&[("model.smithy", text)])
        .expect_err("the model is refused")
        .to_string()
}

#[test]
fn members_keep_their_order_traits_and_defaults() {
    let shapes = shapes(
        r#"$version: "2.0"
namespace ex

/// A thing.
/// Second line.
@sensitive
structure Thing {
    @required
    @length(min: 1, max: 10)
    zeta: String

    alpha: Integer = 3,
    @range(min: -1.5) beta: Double
}
"#,
    );
    let thing = &shapes["ex#Thing"];
    assert_eq!(
        thing["traits"],
        json!({"smithy.api#documentation": "A thing.\nSecond line.", "smithy.api#sensitive": {}})
    );
    let names: Vec<&String> = thing["members"].as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        ["alpha", "beta", "zeta"],
        "serde_json sorts; the text keeps order"
    );
    let text = idl::to_json_ast(&[(
        "m.smithy",
        "namespace ex\nstructure T { zeta: String, alpha: String }",
    )])
    .unwrap();
    assert!(text.find("zeta").unwrap() < text.find("alpha").unwrap());
    assert_eq!(
        thing["members"]["zeta"],
        json!({"target": "smithy.api#String", "traits": {
            "smithy.api#required": {}, "smithy.api#length": {"min": 1, "max": 10}}})
    );
    assert_eq!(
        thing["members"]["alpha"]["traits"],
        json!({"smithy.api#default": 3})
    );
    assert_eq!(
        thing["members"]["beta"]["traits"],
        json!({"smithy.api#range": {"min": -1.5}})
    );
}

#[test]
fn strings_text_blocks_and_escapes_read_as_smithy_reads_them() {
    let shapes = shapes(
        "namespace ex\n\
         @pattern(\"^[\\\\w\\u00e9\\\"]+$\")\n\
         string Name\n\
         @documentation(\"\"\"\n    First line\n      indented \\\"quoted\\\"   \n    last\\\n    joined\n    \"\"\")\n\
         string Doc\n\
         @documentation(\"\\uD83D\\uDC4D\")\n\
         string Emoji\n",
    );
    assert_eq!(
        shapes["ex#Name"]["traits"]["smithy.api#pattern"],
        "^[\\w\u{e9}\"]+$"
    );
    assert_eq!(
        shapes["ex#Doc"]["traits"]["smithy.api#documentation"],
        "First line\n  indented \"quoted\"\nlastjoined\n"
    );
    assert_eq!(
        shapes["ex#Emoji"]["traits"]["smithy.api#documentation"],
        "👍"
    );
}

#[test]
fn ids_resolve_through_use_then_namespace_then_prelude() {
    let ast = ast(&[
        (
            "a.smithy",
            "namespace ex\nuse other#Shared\nuse aws.protocols#restJson1\n\
             @restJson1 service S { version: \"1\", operations: [Op] }\n\
             operation Op { input: In, errors: [Shared] }\n",
        ),
        (
            "b.smithy",
            "namespace ex\nstructure In { a: Shared2, b: String, c: other#Shared }\n\
             structure Shared2 {}\n",
        ),
        (
            "c.smithy",
            "namespace other\n@error(\"client\") structure Shared {}\n",
        ),
    ]);
    let shapes = &ast["shapes"];
    assert_eq!(
        shapes["ex#S"]["traits"],
        json!({"aws.protocols#restJson1": {}})
    );
    assert_eq!(shapes["ex#S"]["operations"], json!([{"target": "ex#Op"}]));
    assert_eq!(
        shapes["ex#Op"]["errors"],
        json!([{"target": "other#Shared"}])
    );
    assert_eq!(shapes["ex#In"]["members"]["a"]["target"], "ex#Shared2");
    assert_eq!(
        shapes["ex#In"]["members"]["b"]["target"],
        "smithy.api#String"
    );
    assert_eq!(
        shapes["other#Shared"]["traits"],
        json!({"smithy.api#error": "client"})
    );
}

#[test]
fn inline_inputs_enums_sets_lists_and_maps() {
    let shapes = shapes(
        r#"$version: "2.0"
$operationOutputSuffix: "Response"
namespace ex
operation Op {
    input := @references([]) {
        kind: Kind
    }
    output := {}
}
enum Kind { A, B = "b-value" }
intEnum Level { LOW = 1 }
set Names { member: String }
list Items { @length(min: 1) member: String }
map Tags { key: String, value: String }
"#,
    );
    assert_eq!(shapes["ex#Op"]["input"], json!({"target": "ex#OpInput"}));
    assert_eq!(
        shapes["ex#Op"]["output"],
        json!({"target": "ex#OpResponse"})
    );
    assert_eq!(
        shapes["ex#OpInput"]["traits"],
        json!({"smithy.api#references": [], "smithy.api#input": {}})
    );
    assert_eq!(
        shapes["ex#OpResponse"]["traits"],
        json!({"smithy.api#output": {}})
    );
    assert_eq!(
        shapes["ex#Kind"]["members"],
        json!({
            "A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "A"}},
            "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "b-value"}}})
    );
    assert_eq!(
        shapes["ex#Level"]["members"]["LOW"]["traits"]["smithy.api#enumValue"],
        1
    );
    assert_eq!(
        shapes["ex#Names"],
        json!({"type": "list", "member": {"target": "smithy.api#String"},
               "traits": {"smithy.api#uniqueItems": {}}})
    );
    assert_eq!(
        shapes["ex#Items"]["member"]["traits"],
        json!({"smithy.api#length": {"min": 1}})
    );
    assert_eq!(
        shapes["ex#Tags"]["key"],
        json!({"target": "smithy.api#String"})
    );
}

#[test]
fn mixins_and_resources_give_elided_members_their_targets() {
    let shapes = shapes(
        r#"$version: "2.0"
namespace ex
@mixin structure Base { @required id: String }
structure Derived with [Base] { @length(min: 2) $id, extra: Integer }
resource City { identifiers: { cityId: CityId }, read: GetCity }
string CityId
@readonly operation GetCity { input := for City { @required $cityId } }
"#,
    );
    assert_eq!(
        shapes["ex#Derived"]["mixins"],
        json!([{"target": "ex#Base"}])
    );
    assert_eq!(
        shapes["ex#Derived"]["members"]["id"]["target"],
        "smithy.api#String"
    );
    assert_eq!(
        shapes["ex#GetCityInput"]["members"]["cityId"]["target"],
        "ex#CityId"
    );
    assert_eq!(
        shapes["ex#City"]["identifiers"],
        json!({"cityId": {"target": "ex#CityId"}})
    );
}

#[test]
fn apply_statements_merge_into_the_shapes_they_name() {
    let shapes = shapes(
        r#"namespace ex
use smithy.test#httpRequestTests
structure S { a: String }
apply S @tags(["one"])
apply S @tags(["two"])
apply S$a { @required @documentation("doc") }
apply S @httpRequestTests([{ id: "x", protocol: S }])
"#,
    );
    assert_eq!(
        shapes["ex#S"]["traits"]["smithy.api#tags"],
        json!(["one", "two"])
    );
    assert_eq!(
        shapes["ex#S"]["members"]["a"]["traits"],
        json!({"smithy.api#required": {}, "smithy.api#documentation": "doc"})
    );
    // An unquoted value that names a shape is that shape's id; other text stays text.
    assert_eq!(
        shapes["ex#S"]["traits"]["smithy.test#httpRequestTests"],
        json!([{"id": "x", "protocol": "ex#S"}])
    );
}

#[test]
fn errors_name_the_file_line_and_column() {
    assert_eq!(
        error("namespace ex\nstructure S {\n  a: Missing\n}\n"),
        "model.smithy:3:3: Missing names no shape: neither `use`d, nor defined in namespace ex, \
         nor in the prelude"
    );
    assert_eq!(
        error("namespace ex\nstructure S {\n  a String\n}\n"),
        "model.smithy:3:5: expected `:`, found `String`"
    );
    assert_eq!(
        error("namespace ex\n@length(min: 1\nstring S\n"),
        "model.smithy:3:8: expected `:`, found `S`"
    );
    assert_eq!(
        error("namespace ex\n@documentation(\"\\q\")\nstring S\n"),
        "model.smithy:2:17: `\\q` is not one of Smithy's escapes"
    );
    assert_eq!(
        error("namespace ex\nwidget W\n"),
        "model.smithy:2:1: `widget` is not a kind of shape"
    );
    assert_eq!(
        error("namespace ex\nstring S\nstring S\n"),
        "model.smithy:3:1: ex#S is defined twice"
    );
    assert_eq!(
        error("string S\n"),
        "model.smithy:1:1: a shape comes before the file's `namespace` statement"
    );
    assert_eq!(
        error("namespace ex\n@documentation(\"\"\"no newline\"\"\")\nstring S\n"),
        "model.smithy:2:16: a text block's text begins on the line after `\"\"\"`"
    );
}

#[test]
fn any_text_is_read_or_refused_without_a_panic() {
    let text = "$version: \"2.0\"\nnamespace ex\n@a(b: [1, {c: \"\"\"\n x\"\"\"}]) structure S { $x = 1 }\n";
    for end in 0..=text.len() {
        if let Some(prefix) = text.get(..end) {
            let _ = idl::to_json_ast(&[("m.smithy", prefix)]);
        }
    }
    for bytes in [
        &b"\"\\u12"[..],
        b"@x(",
        b"namespace ex\nstring S @",
        b"\"\"\"\n\\",
    ] {
        let _ = idl::to_json_ast(&[("m.smithy", std::str::from_utf8(bytes).unwrap())]);
    }
}

#[test]
fn a_model_in_idl_validates_as_its_json_ast_does() {
    let text = idl::to_json_ast(&[(
        "m.smithy",
        r#"$version: "2.0"
namespace ex
operation Put {
    input := {
        @required
        @pattern("^[a-z]+$")
        name: String
        tags: TagList
    }
}
@length(max: 1)
list TagList { member: String }
"#,
    )])
    .unwrap();
    let validator = Validator::from_json(&text).unwrap();
    let errors = validator
        .validate_json("Put", br#"{"name": "A1", "tags": ["a", "b"]}"#)
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "2 validation errors detected: Value 'A1' at 'name' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: ^[a-z]+$; Value '[a, b]' at 'tags' \
         failed to satisfy constraint: Member must have length less than or equal to 1"
    );
}
