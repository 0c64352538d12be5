//! Rust names for Smithy names.

/// Words Rust reserves; a member named so becomes a raw identifier (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

/// Keywords a raw identifier cannot spell.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// `snake_case` for a member name (`ClientRequestToken` → `client_request_token`), safe as
/// a field name.
pub fn field(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = i > 0
                && chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if (after_lower || before_lower) && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_owned();
    let out = if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("m_{out}")
    } else {
        out
    };
    identifier(out)
}

/// `PascalCase` for a shape or variant name, safe as a type name.
pub fn type_name(name: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out = format!("V{out}");
    }
    // An acronym alone (`NULL`, `BOOL`, `KMS`) is written as a word, as Rust names it.
    if out.chars().filter(char::is_ascii_alphabetic).count() > 1
        && !out.chars().any(|c| c.is_ascii_lowercase())
    {
        out = out[..1].to_owned() + &out[1..].to_ascii_lowercase();
    }
    identifier(out)
}

/// An enum value as a variant name: `RSAES_OAEP_SHA_256` → `RsaesOaepSha256`.
pub fn variant(value: &str) -> String {
    let lower = value.to_ascii_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let joined: String = words
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    type_name(&joined)
}

fn identifier(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A Rust string literal holding `text` exactly: a plain one where that needs no escape, a
/// raw string with enough `#`s where it would (a pattern's `\`), or, for text with a
/// carriage return (which no raw string may hold), an escaped one.
pub fn string_literal(text: &str) -> String {
    if text.contains('\r') {
        return format!("{text:?}");
    }
    // A raw string only where an escape would be needed otherwise.
    if !text.contains(['\\', '"']) && !text.chars().any(char::is_control) {
        return format!("\"{text}\"");
    }
    let mut hashes = 0;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(field("ClientRequestToken"), "client_request_token");
        assert_eq!(field("type"), "r#type");
        assert_eq!(field("self"), "self_");
        assert_eq!(field("SSEKMSKeyId"), "ssekms_key_id");
        assert_eq!(field("KMSKeyARN"), "kms_key_arn");
        assert_eq!(type_name("__string"), "String");
        assert_eq!(type_name("NULL"), "Null");
        assert_eq!(type_name("KMS"), "Kms");
        assert_eq!(type_name("S3"), "S3");
        assert_eq!(type_name("SSESpecification"), "SSESpecification");
        assert_eq!(variant("RSAES_OAEP_SHA_256"), "RsaesOaepSha256");
        assert_eq!(variant("1x"), "V1x");
        assert_eq!(string_literal("a\"#b"), "r##\"a\"#b\"##");
        assert_eq!(string_literal("ab"), "\"ab\"");
        assert_eq!(string_literal("a\\w"), "r\"a\\w\"");
        assert_eq!(string_literal("[\r\n\\w]"), "\"[\\r\\n\\\\w]\"");
    }
}
