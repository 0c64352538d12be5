//! Checks across the rules of a field, on parsed input; emits no tokens.

use crate::ast::{Field, Input, Shape, Wire};
use crate::attr::{Rule, RuleKind, ValueRule, KEYS, NESTED, VALUES};
use crate::ctxt::Ctxt;

impl Input<'_> {
    pub(crate) fn validate(&self, cx: &Ctxt) {
        for field in self.members() {
            check_no_duplicates(cx, &field.attrs.rules);
            check_keys_are_strings(cx, &field.attrs.rules);
            check_rules_have_a_place_on_the_wire(cx, field);
        }
        check_transparent_has_one_field(cx, self);
    }
}

/// Each attribute appears at most once on a field; the second is the one reported.
fn check_no_duplicates(cx: &Ctxt, rules: &[Rule]) {
    for (i, rule) in rules.iter().enumerate() {
        if matches!(rule.kind, RuleKind::Custom(_)) {
            // Several custom functions on one member are several rules.
            continue;
        }
        let name = rule_name(&rule.kind);
        if rules[..i]
            .iter()
            .any(|earlier| rule_name(&earlier.kind) == name)
        {
            cx.error_spanned_by(&rule.attr, format!("duplicate #[{name}] attribute"));
        }
    }
}

/// Map keys are strings, so `#[keys(range(..))]` can never apply, at any depth.
fn check_keys_are_strings(cx: &Ctxt, rules: &[Rule]) {
    fn not_for_strings(rules: &[ValueRule]) -> Option<&'static str> {
        rules.iter().find_map(|rule| match rule {
            ValueRule::Range(_)
            | ValueRule::Each(_)
            | ValueRule::Keys(_)
            | ValueRule::Values(_) => Some(rule.name()),
            _ => None,
        })
    }
    /// The rules of every map's keys among `rules`, nested ones included.
    fn key_rules<'r>(rules: &'r [ValueRule], out: &mut Vec<&'r [ValueRule]>) {
        for rule in rules {
            match rule {
                ValueRule::Keys(inner) => {
                    out.push(inner);
                    key_rules(inner, out);
                }
                ValueRule::Each(inner) | ValueRule::Values(inner) => key_rules(inner, out),
                _ => {}
            }
        }
    }
    for rule in rules {
        let mut keys = Vec::new();
        match &rule.kind {
            RuleKind::Keys(inner) => {
                keys.push(&inner[..]);
                key_rules(inner, &mut keys);
            }
            RuleKind::Each(inner) | RuleKind::Values(inner) => key_rules(inner, &mut keys),
            _ => {}
        }
        if let Some(name) = keys.into_iter().find_map(not_for_strings) {
            cx.error_spanned_by(
                &rule.attr,
                format!("`{name}` cannot apply inside #[{KEYS}(..)]: map keys are strings"),
            );
        }
    }
}

/// A violation must be reported at a path the document has: a skipped member has none, and
/// a flattened one has no name of its own, so only rules on what it holds (its members, its
/// entries) can apply.
fn check_rules_have_a_place_on_the_wire(cx: &Ctxt, field: &Field) {
    if let (Some((attr, _)), false) = (
        &field.attrs.path_prefix,
        matches!(field.wire, Wire::Named(_)),
    ) {
        cx.error_spanned_by(
            attr,
            "#[path_prefix] needs a member with a name of its own in the document (not \
             skipped, flattened, transparent or an untagged variant)",
        );
    }
    match &field.wire {
        Wire::Skipped => {
            for rule in &field.attrs.rules {
                cx.error_spanned_by(
                    &rule.attr,
                    "this member is never deserialized (#[serde(skip)] or \
                     skip_deserializing): a constraint on it could not be reported at any path \
                     of the document",
                );
            }
        }
        Wire::Flattened => {
            for rule in &field.attrs.rules {
                if !matches!(
                    rule.kind,
                    RuleKind::Nested | RuleKind::Keys(_) | RuleKind::Values(_)
                ) {
                    cx.error_spanned_by(
                        &rule.attr,
                        format!(
                            "#[{}] cannot apply to a #[serde(flatten)] member: it has no name \
                             in the document; only #[{NESTED}], #[{KEYS}(..)] and \
                             #[{VALUES}(..)] apply to what it holds",
                            rule_name(&rule.kind)
                        ),
                    );
                }
            }
        }
        Wire::Inline | Wire::Named(_) => {}
    }
}

/// `#[serde(transparent)]` makes the single field stand for the struct; serde insists on
/// exactly one field, and so does the path that validation reports.
fn check_transparent_has_one_field(cx: &Ctxt, input: &Input) {
    if let Shape::Struct {
        fields,
        transparent: true,
    } = &input.shape
    {
        if fields.len() != 1 {
            cx.error_spanned_by(
                &input.original.ident,
                "#[serde(transparent)] needs exactly one field",
            );
        }
    }
}

fn rule_name(kind: &RuleKind) -> &'static str {
    use crate::attr::{EACH, REQUIRED, UNIQUE};
    match kind {
        RuleKind::Required => REQUIRED,
        RuleKind::Nested => NESTED,
        RuleKind::Unique => UNIQUE,
        RuleKind::Value(rule) => rule.name(),
        RuleKind::Each(_) => EACH,
        RuleKind::Keys(_) => KEYS,
        RuleKind::Values(_) => VALUES,
        RuleKind::Custom(_) => crate::attr::CUSTOM,
    }
}
