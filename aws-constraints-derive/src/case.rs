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

    pub(crate) fn apply(self, field: &str) -> String {
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
            assert_eq!(rule.apply("client_request_token"), expected);
        }
        assert_eq!(RenameRule::from_serde("Title Case"), None);
    }
}
