//! Where AWS's services depart from their published Smithy models, as real messages show:
//! a [`Profile`] says what the importer writes and the validator checks instead, and a user
//! can replace it.
//!
//! **Pattern text.** AWS's messages print a pattern as the service's own model writes it.
//! botocore's models are generated from those and keep their patterns; AWS's Smithy models
//! add `^` and `$` to some of them (4,050 patterns of 305 services). The real messages agree
//! with botocore wherever the two differ: API Gateway (`[1-5]\d\d`, id 7), CloudFormation
//! (11), EventBridge `PutTargets` (`[\.\-_A-Za-z0-9]+`, 18 and 71) while its connection ARN,
//! anchored in both models, is printed anchored (16), IAM (19, 60, 64), Lambda
//! (`(?!^[0-9]+$)([a-zA-Z0-9-_]+)`, 42; 30, 44), Cognito User Pools (93, 95), Cognito
//! Identity (97, 107), Elasticsearch (91), CloudWatch Logs (77), QuickSight (99); Step
//! Functions prints the anchors both models have (55). The ids are those of
//! `shared/reference/real-aws-messages.json`. One service prints the Smithy model's anchors
//! where botocore has none: ACM (`RequestCertificate`, a user's saved job log, in
//! `tests/tests/aws_messages.rs`), kept as modeled. Which patterns had anchors added is a
//! table made from both models (`schema/data/anchors-added.json`, by
//! `scripts/pattern-anchors.py`); a pattern is matched the same with or without them, as
//! AWS matches the whole value either way.
//!
//! **Values.** IAM never echoes a value ([`NEVER_ECHO_VALUES`]); a few services never echo
//! certain members' values though their models do not mark them `@sensitive`
//! ([`VALUES_NOT_ECHOED`]): those members are hidden as sensitive ones are.
//!
//! **Paths.** API Gateway writes an operation's body members under the name of its own
//! input class (`createRestApiInput.endpointConfiguration.types`, [`INPUT_PATH_PREFIX`]).
//!
//! **Codes.** Route 53 answers invalid input with its own `InvalidInput`, not restXml's
//! usual code ([`INVALID_INPUT_CODE`]).
//!
//! Every recorded message is a test (`tests/tests/real_messages.rs`), through these
//! profiles.
//!
//! ```
//! use aws_constraints_schema::profile::{PatternText, Profile};
//!
//! assert_eq!(Profile::of(Some("Lambda")).pattern_text, PatternText::AsTheServicePrints);
//! assert_eq!(Profile::of(Some("ACM")).pattern_text, PatternText::AsModeled);
//! assert_eq!(
//!     Profile::of(Some("Lambda")).pattern("Lambda", "Alias", "^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$"),
//!     "(?!^[0-9]+$)([a-zA-Z0-9-_]+)"
//! );
//! assert_eq!(Profile::of(Some("Route 53")).invalid_input_code, Some("InvalidInput"));
//! assert_eq!(Profile::of(Some("S3")).invalid_input_code, None);
//! ```

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Which text of a pattern the importer writes (and so the message prints).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PatternText {
    /// As the service prints it: without the anchors AWS's Smithy model added where the
    /// service's own model has none.
    #[default]
    AsTheServicePrints,
    /// As the model writes it.
    AsModeled,
}

/// How a service departs from its model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    pub pattern_text: PatternText,
    /// Whether its messages echo the value that broke a constraint (`Value '20' at ..`).
    /// IAM's never do (`Value at 'maxSessionDuration' ..`): see [`NEVER_ECHO_VALUES`].
    pub echoes_values: bool,
    /// Whether the members [`VALUES_NOT_ECHOED`] names are hidden as `@sensitive` ones
    /// are, since their service never shows their values (`Value at 'name' ..`).
    pub hides_values_not_echoed: bool,
    /// Whether the services [`INPUT_PATH_PREFIX`] names are followed in writing an
    /// operation's body members under the input's name.
    pub prefixes_input_paths: bool,
    /// The error code its answers to invalid input carry, where it is not the one AWS's
    /// services use over its protocol ([`INVALID_INPUT_CODE`]; Route 53's `InvalidInput`).
    pub invalid_input_code: Option<&'static str>,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            pattern_text: PatternText::default(),
            echoes_values: true,
            hides_values_not_echoed: true,
            prefixes_input_paths: true,
            invalid_input_code: None,
        }
    }
}

/// Services whose messages never echo a value, with the evidence (ids of
/// `shared/reference/real-aws-messages.json`, LocalStack's snapshots recorded against AWS
/// and bug reports quoting the service).
pub const NEVER_ECHO_VALUES: &[(&str, &str)] = &[(
    "IAM",
    "UpdateServiceSpecificCredential (19), CreateRole's tags and maxSessionDuration (58, 60, \
     81), CreateOpenIDConnectProvider (62), GetPolicyVersion (64): `Value at '..'` every time",
)];

/// Members whose values their service never echoes though its model does not mark them
/// `@sensitive` (by service, then `Structure$member`), with the evidence. Hiding them as
/// sensitive members are hidden is what gives AWS's `Value at '..'`, and keeps them out of
/// every rendering: the one mechanism by which a value is never shown.
pub const VALUES_NOT_ECHOED: &[(&str, &[&str], &str)] = &[
    (
        "EMR Serverless",
        &["CreateApplicationRequest$name"],
        "CreateApplication (88): `Value at 'name' failed to satisfy constraint: Member must \
         have length less than or equal to 64`, quoted from the service in \
         aws-solutions-library-samples/guidance-for-clickstream-analytics-on-aws#473",
    ),
    (
        "CloudWatch Logs",
        &[
            "DescribeLogStreamsRequest$logGroupIdentifier",
            "GetLogEventsRequest$logGroupIdentifier",
        ],
        "DescribeLogStreams and GetLogEvents (77): `Value at 'logGroupIdentifier' ..`, in \
         moto's tests/test_logs/test_logs.py, verified against AWS",
    ),
];

/// Services whose messages write the paths of an operation's body members under the name
/// of the service's own input class, `{operation}Input` (lower camel case), though the
/// document has no such level, with the evidence. Members bound to the URI keep their own
/// paths; what those bound to the query string or headers do, nobody has recorded: they
/// keep theirs too.
pub const INPUT_PATH_PREFIX: &[(&str, &str)] = &[(
    "API Gateway",
    "UpdateGatewayResponse (1), CreateDocumentationPart (3), UpdateMethodResponse (5, 7), \
     CreateRestApi (9), recorded against AWS by LocalStack: \
     `updateMethodResponseInput.patchOperations.1.member.op`, `createRestApiInput.\
     endpointConfiguration.types`; the URI label `statusCode` unprefixed (7)",
)];

/// Services that answer invalid input with a code of their own (by SDK id: the code, the
/// evidence).
pub const INVALID_INPUT_CODE: &[(&str, &str, &str)] = &[(
    "Route 53",
    "InvalidInput",
    "CreateHostedZone (hashicorp/terraform#24250) and a record's creation \
     (terraform-aws-modules/terraform-aws-acm#63), quoted from the service through the Go \
     SDK: `InvalidInput: 1 validation error detected: Value '..' at 'resourceId' failed to \
     satisfy constraint: Member must have length less than or equal to 32`, status 400",
)];

/// Services whose messages print their Smithy model's anchors where their own model has
/// none, with the evidence.
const PRINTS_SMITHY_ANCHORS: &[(&str, &str)] = &[(
    "ACM",
    "RequestCertificate's message in a user's saved job log prints the domain name pattern \
     with `^`..`$` (tests/tests/aws_messages.rs)",
)];

impl Profile {
    /// The profile the evidence gives a service, by its SDK id (`Lambda`); a service nobody
    /// has recorded gets what most recorded services do.
    pub fn of(sdk_id: Option<&str>) -> Profile {
        let pattern_text = match sdk_id {
            Some(id)
                if PRINTS_SMITHY_ANCHORS
                    .iter()
                    .any(|(service, _)| *service == id) =>
            {
                PatternText::AsModeled
            }
            _ => PatternText::AsTheServicePrints,
        };
        let echoes_values =
            !sdk_id.is_some_and(|id| NEVER_ECHO_VALUES.iter().any(|(s, _)| *s == id));
        let invalid_input_code = INVALID_INPUT_CODE
            .iter()
            .find(|(service, _, _)| Some(*service) == sdk_id)
            .map(|(_, code, _)| *code);
        Profile {
            pattern_text,
            echoes_values,
            hides_values_not_echoed: true,
            prefixes_input_paths: true,
            invalid_input_code,
        }
    }

    /// Everything as the model writes it.
    pub fn as_modeled() -> Profile {
        Profile {
            pattern_text: PatternText::AsModeled,
            echoes_values: true,
            hides_values_not_echoed: false,
            prefixes_input_paths: false,
            invalid_input_code: None,
        }
    }

    /// Whether service `sdk_id`'s messages write an operation's body members under the
    /// input's name ([`INPUT_PATH_PREFIX`]) and this profile follows the service.
    ///
    /// ```
    /// use aws_constraints_schema::profile::Profile;
    ///
    /// assert!(Profile::of(Some("API Gateway")).input_path_prefix("API Gateway"));
    /// assert!(!Profile::of(Some("Lambda")).input_path_prefix("Lambda"));
    /// assert!(!Profile::as_modeled().input_path_prefix("API Gateway"));
    /// ```
    pub fn input_path_prefix(&self, sdk_id: &str) -> bool {
        self.prefixes_input_paths
            && INPUT_PATH_PREFIX
                .iter()
                .any(|(service, _)| *service == sdk_id)
    }

    /// Whether member `member` of structure `structure` (local names) of service `sdk_id`
    /// is hidden as a sensitive member is: its service never echoes its value
    /// ([`VALUES_NOT_ECHOED`]) and this profile follows the service.
    ///
    /// ```
    /// use aws_constraints_schema::profile::Profile;
    ///
    /// let emr = Profile::of(Some("EMR Serverless"));
    /// assert!(emr.hides_value("EMR Serverless", "CreateApplicationRequest", "name"));
    /// assert!(!emr.hides_value("EMR Serverless", "CreateApplicationRequest", "type"));
    /// assert!(!Profile::as_modeled().hides_value(
    ///     "EMR Serverless",
    ///     "CreateApplicationRequest",
    ///     "name"
    /// ));
    /// ```
    pub fn hides_value(&self, sdk_id: &str, structure: &str, member: &str) -> bool {
        self.hides_values_not_echoed
            && VALUES_NOT_ECHOED.iter().any(|(service, members, _)| {
                *service == sdk_id
                    && members
                        .iter()
                        .any(|id| id.split_once('$') == Some((structure, member)))
            })
    }

    /// The text of `pattern`, the pattern of shape `shape` of service `sdk_id`, as this
    /// profile has it written.
    pub fn pattern<'p>(&self, sdk_id: &str, shape: &str, pattern: &'p str) -> &'p str {
        if self.pattern_text == PatternText::AsModeled {
            return pattern;
        }
        let Some(added) = anchors_added()
            .get(sdk_id)
            .and_then(|shapes| shapes.get(shape))
        else {
            return pattern;
        };
        let mut text = pattern;
        if added.contains('^') {
            match text.strip_prefix('^') {
                Some(rest) => text = rest,
                // Not the pattern the table was made from: left as it is.
                None => return pattern,
            }
        }
        if added.contains('$') {
            match text.strip_suffix('$') {
                Some(rest) => text = rest,
                None => return pattern,
            }
        }
        text
    }
}

/// Service SDK id → shape name → the anchors its Smithy model added (`^$`, `^` or `$`).
fn anchors_added() -> &'static BTreeMap<String, BTreeMap<String, String>> {
    static TABLE: OnceLock<BTreeMap<String, BTreeMap<String, String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Committed with the crate and checked by its tests: it parses.
        serde_json::from_str(include_str!("../data/anchors-added.json")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_covers_the_recorded_services() {
        let table = anchors_added();
        assert!(table.len() > 300, "{}", table.len());
        for (service, shape) in [
            ("API Gateway", "StatusCode"),
            ("EventBridge", "TargetId"),
            ("IAM", "tagKeyType"),
            ("Lambda", "Alias"),
            ("Cognito Identity Provider", "PasswordType"),
        ] {
            assert!(table[service].contains_key(shape), "{service} {shape}");
        }
        // Anchored in both models, and printed so (message 16).
        assert!(!table["EventBridge"].contains_key("ConnectionArn"));
    }

    #[test]
    fn only_the_added_anchors_go() {
        let profile = Profile::default();
        assert_eq!(
            profile.pattern("EventBridge", "TargetId", r"^[\.\-_A-Za-z0-9]+$"),
            r"[\.\-_A-Za-z0-9]+"
        );
        // A pattern the table does not know, or not in the form it was made from.
        assert_eq!(profile.pattern("EventBridge", "Nope", "^a$"), "^a$");
        assert_eq!(profile.pattern("EventBridge", "TargetId", "a$"), "a$");
        assert_eq!(
            Profile::as_modeled().pattern("EventBridge", "TargetId", "^a$"),
            "^a$"
        );
    }
}
