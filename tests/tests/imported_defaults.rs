//! Smithy's `@default` as the importer writes it (`tests/models/defaults.json`): an absent
//! or `null` member takes its default, a required member with a default is never missing,
//! and a zero default below its member's range (Smithy's tolerance for IDL 1.0 models) is
//! not applied.

use aws_constraints::Validate;

#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod defaults {
    include!("../../codegen/tests/golden/defaults.rs");
}

use defaults::{Language, ListReportsRequest};

fn read(json: &str) -> ListReportsRequest {
    serde_json::from_str(json).unwrap()
}

#[test]
fn absent_and_null_members_take_their_defaults() {
    let nulls = r#"{"MaxResults": null, "Recursive": null, "Language": null, "Threshold": null,
        "Ratio": null, "FormVersion": null, "Filters": null, "Prefix": null, "Since": null,
        "Options": null, "Token": null}"#;
    for request in [read("{}"), read(nulls)] {
        assert_eq!(request.max_results, 20);
        assert!(!request.recursive);
        assert_eq!(request.language, Language::En);
        assert_eq!(request.threshold, 1.5);
        assert_eq!(request.ratio, 0.0);
        assert_eq!(request.form_version, None);
        assert!(request.filters.is_empty());
        assert_eq!(request.prefix, "reports/");
        assert_eq!(request.since, aws_constraints::Timestamp::EPOCH);
        assert_eq!(request.options, serde_json::json!({"pageSize": [1, 2]}));
        assert_eq!(request.token.as_ref(), b"abc");
        assert!(request.validate().is_ok(), "nothing required is missing");
    }
    // Defaults are written out, as Smithy asks of authoritative serializers.
    let written = serde_json::to_value(read("{}")).unwrap();
    assert_eq!(written["MaxResults"], 20);
    assert_eq!(written["Language"], "en");
    assert!(written.get("FormVersion").is_none());
}

#[test]
fn sent_values_meet_every_rule() {
    let request = read(
        r#"{"MaxResults": 101, "Language": "de", "Threshold": "Infinity",
            "FormVersion": 0, "Filters": ["a", "b", ""]}"#,
    );
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "6 validation errors detected: Value '101' at 'maxResults' failed to satisfy \
         constraint: Member must have value less than or equal to 100; Value 'de' at \
         'language' failed to satisfy constraint: Member must satisfy enum value set: [en, \
         fr]; Value 'Infinity' at 'threshold' failed to satisfy constraint: Member must have \
         value less than or equal to 2.0; Value '0' at 'formVersion' failed to satisfy \
         constraint: Member must have value greater than or equal to 1; Value '[a, b, ]' at \
         'filters' failed to satisfy constraint: Member must satisfy constraint: [Member must \
         have length greater than or equal to 1]; Value '[a, b, ]' at 'filters' failed to \
         satisfy constraint: Member must have length less than or equal to 2"
    );
}
