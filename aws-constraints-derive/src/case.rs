//! Serde's `rename_all` conventions, applied to snake_case field names.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    /// The rule serde calls `name`, if serde has one by that name.
    pub(crate) fn from_serde(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// Renames a PascalCase variant, as serde does.
    pub(crate) fn apply_to_variant(self, variant: &str) -> String {
        let snake = || {
            let mut out = String::with_capacity(variant.len() + 4);
            for (i, c) in variant.char_indices() {
                if c.is_uppercase() && i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        };
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => snake(),
            RenameRule::ScreamingSnake => snake().to_ascii_uppercase(),
            RenameRule::Kebab => snake().replace('_', "-"),
            RenameRule::ScreamingKebab => snake().to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// Renames a snake_case field, as serde does.
    pub(crate) fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
            RenameRule::Pascal => pascal(field),
            RenameRule::Camel => {
                let pascal = pascal(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
        }
    }
}

fn pascal(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut capitalize = true;
    for c in field.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn conventions() {
        let cases = [
            ("PascalCase", "ClientRequestToken"),
            ("camelCase", "clientRequestToken"),
            ("snake_case", "client_request_token"),
            ("SCREAMING_SNAKE_CASE", "CLIENT_REQUEST_TOKEN"),
            ("kebab-case", "client-request-token"),
            ("SCREAMING-KEBAB-CASE", "CLIENT-REQUEST-TOKEN"),
            ("lowercase", "client_request_token"),
            ("UPPERCASE", "CLIENT_REQUEST_TOKEN"),
        ];
        for (rule, expected) in cases {
            let rule = RenameRule::from_serde(rule).unwrap();
            assert_eq!(rule.apply_to_field("client_request_token"), expected);
        }
        assert_eq!(RenameRule::from_serde("Title Case"), None);
        let variants = [
            ("PascalCase", "ClientToken"),
            ("camelCase", "clientToken"),
            ("snake_case", "client_token"),
            ("SCREAMING_SNAKE_CASE", "CLIENT_TOKEN"),
            ("kebab-case", "client-token"),
            ("lowercase", "clienttoken"),
        ];
        for (rule, expected) in variants {
            let rule = RenameRule::from_serde(rule).unwrap();
            assert_eq!(rule.apply_to_variant("ClientToken"), expected);
        }
    }
}
