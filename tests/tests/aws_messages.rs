//! Messages real AWS services returned, reproduced with the DSL: each request type declares
//! the members of the operation as AWS's model does, and the test feeds it the input that
//! produced the message. The source of every message is in a comment above it.
//!
//! They pin the rules of the AWS rendering for collections: a list of simple members is
//! reported once, at the list, echoing it (`[a, b]`), with every constraint of its members
//! in brackets in a fixed order (length maximum, length minimum, pattern, enum, value
//! maximum, value minimum); a map's keys and its values likewise, echoing the map
//! (`{k=v}`) in the order a `java.util.HashMap` iterates; members that are structures keep
//! their own paths. And the order of the violations: not the model's, but that of Java hash
//! tables, of member names across members and of messages within one member.

use std::collections::{BTreeMap, HashMap};

use aws_constraints::Validate;
use serde::Deserialize;

fn aws_message(value: &impl Validate) -> String {
    value.validate().unwrap_err().to_string()
}

/// ACM `RequestCertificate`, as a user's tool logged it (a public repository's saved job
/// log: "An error occurred (ValidationException) when calling the RequestCertificate
/// operation: 2 validation errors detected: ..."). ACM reports the list before the domain
/// name, which the model declares first: `subjectAlternativeNames` falls in an earlier
/// bucket of a Java `HashMap` than `domainName`.
#[test]
fn acm_request_certificate_subject_alternative_names() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct RequestCertificateInput {
        #[required]
        #[len(1, 253)]
        #[pattern(r"^(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$")]
        domain_name: Option<String>,
        #[len(1, 100)]
        #[each(len(1, 253), pattern(r"^(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$"))]
        subject_alternative_names: Option<Vec<String>>,
    }
    let input: RequestCertificateInput =
        serde_json::from_str(r#"{"DomainName": "ccc", "SubjectAlternativeNames": ["ccc"]}"#)
            .unwrap();
    assert_eq!(aws_message(&input), tests::acm_request_certificate_ccc());
}

/// DynamoDB `UpdateTable` with a provisioned throughput of 0/0, as a public catalogue of
/// DynamoDB's behaviour probed against AWS records it (an entry on throughput updates,
/// verified 2026-10-08: "ValidationException: '2 validation errors detected: Value '0' at
/// 'provisionedThroughput.writeCapacityUnits' ...; Value '0' at
/// 'provisionedThroughput.readCapacityUnits'", the log cut there). The model and the
/// client send read first; AWS lists write first, as a Java `HashMap` of the two names
/// iterates them.
#[test]
fn dynamodb_update_table_throughput_members_in_hash_order() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct UpdateTableInput {
        #[nested]
        provisioned_throughput: Option<ProvisionedThroughput>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct ProvisionedThroughput {
        #[required]
        #[range(min = 1)]
        read_capacity_units: Option<i64>,
        #[required]
        #[range(min = 1)]
        write_capacity_units: Option<i64>,
    }
    let input: UpdateTableInput = serde_json::from_str(
        r#"{"ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0}}"#,
    )
    .unwrap();
    assert!(aws_message(&input).starts_with(
        "2 validation errors detected: Value '0' at \
         'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must \
         have value greater than or equal to 1; Value '0' at \
         'provisionedThroughput.readCapacityUnits'"
    ));
}

/// Cognito `VerifySoftwareToken`, from an application's table of the messages Cognito
/// returned to it ("2 validation errors detected: Value 'Aaaa' at 'userCode' ..."), and
/// `SignUp`, from another's ("2 validation errors detected: Value at 'password' ...";
/// `Password` is sensitive): one member's two violations, the pattern first in one and the
/// length first in the other, as a Java `HashSet` of the two messages iterates them.
#[test]
fn cognito_one_members_violations_in_hash_order() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct VerifySoftwareTokenRequest {
        #[required]
        #[len(6, 6)]
        #[pattern("[0-9]+")]
        user_code: Option<String>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct SignUpRequest {
        #[required]
        #[len(6, 256)]
        #[pattern(r"^[\S]+.*[\S]+$")]
        #[sensitive]
        password: Option<String>,
    }
    let code: VerifySoftwareTokenRequest = serde_json::from_str(r#"{"UserCode": "Aaaa"}"#).unwrap();
    assert_eq!(
        aws_message(&code),
        "2 validation errors detected: Value 'Aaaa' at 'userCode' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: [0-9]+; Value 'Aaaa' at \
         'userCode' failed to satisfy constraint: Member must have length greater than or \
         equal to 6"
    );
    let password: SignUpRequest = serde_json::from_str(r#"{"Password": "a"}"#).unwrap();
    assert_eq!(
        aws_message(&password),
        "2 validation errors detected: Value at 'password' failed to satisfy constraint: \
         Member must have length greater than or equal to 6; Value at 'password' failed to \
         satisfy constraint: Member must satisfy regular expression pattern: \
         ^[\\S]+.*[\\S]+$"
    );
}

/// Cognito `SignUp` and `ConfirmForgotPassword` with empty strings, from two applications'
/// tables of the messages Cognito returned to them ("InvalidParameterException: 3
/// validation errors detected: Value at 'password' ..." and "... Value '' at
/// 'confirmationCode' ..."). Across members, `password` before `username` (the model
/// declares `Username` first) and `confirmationCode` before `password`; within `username`,
/// whose two messages share a bucket, the pattern before the length.
#[test]
fn cognito_members_and_their_violations_in_hash_order() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct SignUpRequest {
        #[required]
        #[len(1, 128)]
        #[pattern(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+")]
        #[sensitive]
        username: Option<String>,
        #[len(0, 256)]
        #[pattern(r"^[\S]+.*[\S]+$")]
        #[sensitive]
        password: Option<String>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct ConfirmForgotPasswordRequest {
        #[required]
        #[len(1, 2048)]
        #[pattern(r"[\S]+")]
        confirmation_code: Option<String>,
        #[required]
        #[len(0, 256)]
        #[pattern(r"^[\S]+.*[\S]+$")]
        #[sensitive]
        password: Option<String>,
    }
    let sign_up: SignUpRequest =
        serde_json::from_str(r#"{"Username": "", "Password": ""}"#).unwrap();
    assert_eq!(
        aws_message(&sign_up),
        "3 validation errors detected: Value at 'password' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$; Value at \
         'username' failed to satisfy constraint: Member must satisfy regular expression \
         pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; Value at 'username' failed to satisfy \
         constraint: Member must have length greater than or equal to 1"
    );
    let confirm: ConfirmForgotPasswordRequest =
        serde_json::from_str(r#"{"ConfirmationCode": "", "Password": ""}"#).unwrap();
    assert_eq!(
        aws_message(&confirm),
        "3 validation errors detected: Value '' at 'confirmationCode' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: [\\S]+; Value '' at \
         'confirmationCode' failed to satisfy constraint: Member must have length greater \
         than or equal to 1; Value at 'password' failed to satisfy constraint: Member must \
         satisfy regular expression pattern: ^[\\S]+.*[\\S]+$"
    );
}

/// Firehose `CreateDeliveryStream` with an empty HTTP endpoint name, from a Terraform run's
/// error (with its request id: "api error ValidationException: 2 validation errors
/// detected: Value at 'httpEndpointDestinationConfiguration.endpointConfiguration.name'
/// ..."): the pattern before the length, as their messages hash.
#[test]
fn firehose_endpoint_name_violations_in_hash_order() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct CreateDeliveryStreamInput {
        #[nested]
        http_endpoint_destination_configuration: Option<HttpEndpointDestinationConfiguration>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct HttpEndpointDestinationConfiguration {
        #[required]
        #[nested]
        endpoint_configuration: Option<HttpEndpointConfiguration>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct HttpEndpointConfiguration {
        #[len(1, 256)]
        #[pattern(r"^(?!\s*$).+")]
        #[sensitive]
        name: Option<String>,
    }
    let input: CreateDeliveryStreamInput = serde_json::from_str(
        r#"{"HttpEndpointDestinationConfiguration": {"EndpointConfiguration": {"Name": ""}}}"#,
    )
    .unwrap();
    assert_eq!(
        aws_message(&input),
        "2 validation errors detected: Value at \
         'httpEndpointDestinationConfiguration.endpointConfiguration.name' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: ^(?!\\s*$).+; Value at \
         'httpEndpointDestinationConfiguration.endpointConfiguration.name' failed to satisfy \
         constraint: Member must have length greater than or equal to 1"
    );
}

/// IoT `UpdateIndexingConfiguration`, as an emulator's test suite recorded it against IoT:
/// a list of enum values, and a structure member of a list keeping its own path.
#[test]
fn iot_indexing_configuration_enum_list() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct UpdateIndexingConfigurationRequest {
        #[nested]
        thing_indexing_configuration: Option<ThingIndexingConfiguration>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct ThingIndexingConfiguration {
        #[nested]
        filter: Option<IndexingFilter>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct IndexingFilter {
        #[nested]
        connectivity: Option<Connectivity>,
        #[nested]
        geo_locations: Option<Vec<GeoLocation>>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Connectivity {
        #[each(one_of("GET_THING_CONNECTIVITY_DATA"))]
        include_socket_information: Option<Vec<String>>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct GeoLocation {
        #[one_of("LatLon", "LonLat")]
        order: Option<String>,
    }
    let input: UpdateIndexingConfigurationRequest = serde_json::from_str(
        r#"{"thingIndexingConfiguration": {"filter": {
            "connectivity": {"includeSocketInformation": ["GetConnection"]},
            "geoLocations": [{"order": "BOGUS"}]}}}"#,
    )
    .unwrap();
    assert_eq!(
        aws_message(&input),
        "2 validation errors detected: Value '[GetConnection]' at \
         'thingIndexingConfiguration.filter.connectivity.includeSocketInformation' failed to \
         satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value \
         set: [GET_THING_CONNECTIVITY_DATA]]; Value 'BOGUS' at \
         'thingIndexingConfiguration.filter.geoLocations.1.member.order' failed to satisfy \
         constraint: Member must satisfy enum value set: [LatLon, LonLat]"
    );
}

/// EventBridge `PutTargets`, as a user quoted it in public notes ("1 validation error
/// detected: Value '{de onde?=...}' ..."). The map is echoed in Java's `HashMap` order,
/// which is not the order the keys were sent in (`Quem foi?`, `o que?`, `de onde?`). The
/// pattern is written as the service's message writes it.
#[test]
fn eventbridge_put_targets_input_paths_map_keys() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct PutTargetsRequest {
        #[nested]
        targets: Vec<Target>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Target {
        #[nested]
        input_transformer: Option<InputTransformer>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct InputTransformer {
        #[len(0, 100)]
        #[keys(len(1, 256), pattern(r"[A-Za-z0-9\_\-]+"))]
        #[values(len(0, 256))]
        input_paths_map: Option<HashMap<String, String>>,
    }
    let input: PutTargetsRequest = serde_json::from_str(
        r#"{"Targets": [{"InputTransformer": {"InputPathsMap": {
            "Quem foi?": "$.detail.userIdentity.userName",
            "o que?": "$.detail.eventName",
            "de onde?": "$.detail.sourceIPAddress"}}}]}"#,
    )
    .unwrap();
    assert_eq!(
        aws_message(&input),
        "1 validation error detected: Value '{de onde?=$.detail.sourceIPAddress, Quem \
         foi?=$.detail.userIdentity.userName, o que?=$.detail.eventName}' at \
         'targets.1.member.inputTransformer.inputPathsMap' failed to satisfy constraint: Map \
         keys must satisfy constraint: [Member must have length less than or equal to 256, \
         Member must have length greater than or equal to 1, Member must satisfy regular \
         expression pattern: [A-Za-z0-9\\_\\-]+]"
    );
}

/// Lambda `CreateFunctionUrlConfig`, from a user's CI log ("1 validation error detected:
/// Value '[GET, POST, OPTIONS]' at 'cors.allowMethods' ..."). Lambda alone ends the bracket
/// with `Member must not be null`; ACM, IoT, EventBridge, Cognito and CodePipeline do not,
/// and neither does this crate: the message is Lambda's but for that tail.
#[test]
fn lambda_function_url_cors_methods() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct CreateFunctionUrlConfigRequest {
        #[nested]
        cors: Option<Cors>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Cors {
        #[len(0, 6)]
        #[each(len(0, 6), pattern(".*"))]
        allow_methods: Option<Vec<String>>,
    }
    let input: CreateFunctionUrlConfigRequest =
        serde_json::from_str(r#"{"Cors": {"AllowMethods": ["GET", "POST", "OPTIONS"]}}"#).unwrap();
    let lambda = "1 validation error detected: Value '[GET, POST, OPTIONS]' at \
                  'cors.allowMethods' failed to satisfy constraint: Member must satisfy \
                  constraint: [Member must have length less than or equal to 6, Member must \
                  have length greater than or equal to 0, Member must satisfy regular \
                  expression pattern: .*, Member must not be null]";
    assert_eq!(
        aws_message(&input),
        lambda.replace(", Member must not be null]", "]")
    );
}

/// Lambda `CreateAlias`, as LocalStack (whose messages are checked against AWS) writes it:
/// a map of doubles, bounds printed as Java prints doubles. As above, without Lambda's
/// trailing `Member must not be null`.
#[test]
fn lambda_alias_routing_weights_are_doubles() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct AliasRoutingConfiguration {
        #[keys(len(1, 1024), pattern("[0-9]+"))]
        #[values(range(0.0, 1.0))]
        additional_version_weights: Option<HashMap<String, f64>>,
    }
    let input: AliasRoutingConfiguration =
        serde_json::from_str(r#"{"AdditionalVersionWeights": {"1": 1.5}}"#).unwrap();
    assert_eq!(
        aws_message(&input),
        "1 validation error detected: Value '{1=1.5}' at 'additionalVersionWeights' failed to \
         satisfy constraint: Map value must satisfy constraint: [Member must have value less \
         than or equal to 1.0, Member must have value greater than or equal to 0.0]"
    );
}

/// CloudFront `UpdateDistribution`, as the console showed it ("Failed to delete origin: 1
/// validation error detected: Value '[]' at 'distributionConfig.origins.items' ..."): an
/// empty list is echoed, even one of structures.
#[test]
fn cloudfront_empty_origins() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Origins {
        #[len(min = 1)]
        #[nested]
        items: Vec<Origin>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Origin {
        #[required]
        id: Option<String>,
    }
    let input: Origins = serde_json::from_str(r#"{"Items": []}"#).unwrap();
    assert_eq!(
        aws_message(&input),
        "1 validation error detected: Value '[]' at 'items' failed to satisfy constraint: \
         Member must have length greater than or equal to 1"
    );
}

// The rules the messages above demonstrate, on each kind of member.

#[derive(Validate, Deserialize, Default)]
struct Collections {
    #[len(max = 2)]
    #[each(len(1, 3), pattern("[a-z]*"))]
    names: Vec<String>,
    #[each(range(1, 10))]
    counts: Vec<i64>,
    #[each(range(min = -1.5, max = 2.5))]
    ratios: Vec<f64>,
    #[values(range(0, 100))]
    scores: BTreeMap<String, u32>,
    #[sensitive]
    #[each(len(max = 2))]
    secrets: Vec<String>,
    #[len(max = 1)]
    #[nested]
    entries: Vec<Entry>,
}

#[derive(Validate, Deserialize, Default, Clone)]
struct Entry {
    #[len(max = 1)]
    value: String,
}

fn messages(value: &impl Validate) -> Vec<String> {
    let message = aws_message(value);
    let (_, body) = message.split_once(" detected: ").unwrap();
    body.split("; ").map(str::to_owned).collect()
}

#[test]
fn a_list_of_strings_is_reported_once_with_every_constraint() {
    let value = Collections {
        names: vec!["ok".into(), "".into(), "TOO LONG".into()],
        ..Default::default()
    };
    // Four violations (the list's length, the empty item, the long one's length and
    // pattern), two messages.
    assert_eq!(value.validate().unwrap_err().len(), 4);
    assert_eq!(
        messages(&value),
        [
            "Value '[ok, , TOO LONG]' at 'names' failed to satisfy constraint: Member must \
             satisfy constraint: [Member must have length less than or equal to 3, Member \
             must have length greater than or equal to 1, Member must satisfy regular \
             expression pattern: [a-z]*]",
            "Value '[ok, , TOO LONG]' at 'names' failed to satisfy constraint: Member must \
             have length less than or equal to 2",
        ]
    );
}

#[test]
fn lists_of_numbers_print_integers_and_doubles_as_java_does() {
    let value = Collections {
        counts: vec![0, 5, 11],
        ratios: vec![-2.0, 1e10],
        ..Default::default()
    };
    assert_eq!(
        messages(&value),
        [
            "Value '[0, 5, 11]' at 'counts' failed to satisfy constraint: Member must satisfy \
             constraint: [Member must have value less than or equal to 10, Member must have \
             value greater than or equal to 1]",
            "Value '[-2.0, 1.0E10]' at 'ratios' failed to satisfy constraint: Member must \
             satisfy constraint: [Member must have value less than or equal to 2.5, Member \
             must have value greater than or equal to -1.5]",
        ]
    );
}

#[test]
fn a_map_of_numbers_is_reported_at_the_map() {
    let value = Collections {
        scores: BTreeMap::from([("a".into(), 101), ("b".into(), 7), ("c".into(), 200)]),
        ..Default::default()
    };
    assert_eq!(
        messages(&value),
        [
            "Value '{a=101, b=7, c=200}' at 'scores' failed to satisfy constraint: Map value \
          must satisfy constraint: [Member must have value less than or equal to 100, Member \
          must have value greater than or equal to 0]"
        ]
    );
}

#[test]
fn a_sensitive_list_is_grouped_without_its_value() {
    let value = Collections {
        secrets: vec!["hunter2".into()],
        ..Default::default()
    };
    assert_eq!(
        messages(&value),
        [
            "Value at 'secrets' failed to satisfy constraint: Member must satisfy constraint: \
          [Member must have length less than or equal to 2]"
        ]
    );
}

/// A list of structures is echoed as Java prints its objects (see
/// `step_functions_routing_configuration_echoes_its_structures`).
#[test]
fn structure_members_keep_their_paths_and_lists_of_them_echo_their_objects() {
    let entry = Entry { value: "ab".into() };
    let value = Collections {
        entries: vec![entry.clone(), entry],
        ..Default::default()
    };
    assert_eq!(
        messages(&value),
        [
            "Value '[Entry(value=ab), Entry(value=ab)]' at 'entries' failed to satisfy \
             constraint: Member must have length less than or equal to 1",
            "Value 'ab' at 'entries.1.member.value' failed to satisfy constraint: Member must \
             have length less than or equal to 1",
            "Value 'ab' at 'entries.2.member.value' failed to satisfy constraint: Member must \
             have length less than or equal to 1",
        ]
    );
}

#[test]
fn scalar_doubles_are_echoed_and_bounded_as_java_prints_them() {
    #[derive(Validate)]
    struct Weights {
        #[range(0, 1)]
        weight: f64,
        #[range(max = 10)]
        count: i32,
    }
    let value = Weights {
        weight: -2.0,
        count: 11,
    };
    assert_eq!(
        messages(&value),
        [
            "Value '11' at 'count' failed to satisfy constraint: Member must have value less \
             than or equal to 10",
            "Value '-2.0' at 'weight' failed to satisfy constraint: Member must have value \
             greater than or equal to 0.0",
        ]
    );
}

/// The violations stay precise: each knows its item, as the Smithy body and the JSON
/// rendering show, while the AWS message groups them.
#[test]
fn grouping_changes_only_the_aws_rendering() {
    let value = Collections {
        names: vec!["A".into(), "B".into()],
        ..Default::default()
    };
    let errors = value.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().json_pointer()).collect();
    assert_eq!(paths, ["/names/0", "/names/1"]);
    let body = errors.smithy_body();
    assert_eq!(body["fieldList"].as_array().unwrap().len(), 2);
    let json = errors.to_json();
    for entry in json.as_array().unwrap() {
        assert_eq!(entry["awsPath"], "names");
        assert_eq!(entry["group"], "member");
        assert!(entry["message"]
            .as_str()
            .unwrap()
            .starts_with("Value '[A, B]' at 'names'"));
    }
    assert!(errors
        .to_string()
        .starts_with("1 validation error detected: "));
}

/// One collection, one group, however many of its items break their constraints, with
/// valid items between them: built once and shared.
#[test]
fn the_violations_of_one_collection_share_one_group() {
    let value = Collections {
        counts: vec![0, 5, 11, 7, 12],
        ..Default::default()
    };
    let errors = value.validate().unwrap_err();
    let groups: Vec<&aws_constraints::report::Group> =
        errors.iter().filter_map(|v| v.group()).collect();
    assert_eq!(groups.len(), 3);
    assert!(groups.iter().all(|group| std::ptr::eq(*group, groups[0])));
    assert_eq!(
        errors.to_string(),
        "1 validation error detected: Value '[0, 5, 11, 7, 12]' at 'counts' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must have value less than or \
         equal to 10, Member must have value greater than or equal to 1]"
    );
}

/// SageMaker `CreateModel`, from botocore's `ClientError` with the service's message
/// (aws-samples/sagemaker-ml-workflow-with-apache-airflow#3: an un-rendered Airflow template
/// sent as the name). AWS echoes the value's `'` as the client sent it: `aws_message()`,
/// what goes back to a client, does too; `Display`, what is logged, neutralises it. The
/// order (length before pattern) is that of a Java `HashSet` of the messages AWS sends.
#[test]
fn sagemaker_echoes_quotes_as_sent() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct CreateModelInput {
        #[required]
        #[len(max = 63)]
        #[pattern("^[a-zA-Z0-9](-*[a-zA-Z0-9])*")]
        model_name: Option<String>,
    }
    let name = "{{ ti.xcom_pull(task_ids='model_training')['Training']['TrainingJobName'] }}";
    let request: CreateModelInput =
        serde_json::from_value(serde_json::json!({ "ModelName": name })).unwrap();
    let errors = request.validate().unwrap_err();
    assert_eq!(
        errors.aws_message(),
        "2 validation errors detected: Value '{{ ti.xcom_pull(task_ids='model_training')\
         ['Training']['TrainingJobName'] }}' at 'modelName' failed to satisfy constraint: \
         Member must have length less than or equal to 63; Value '{{ \
         ti.xcom_pull(task_ids='model_training')['Training']['TrainingJobName'] }}' at \
         'modelName' failed to satisfy constraint: Member must satisfy regular expression \
         pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*"
    );
    let logged = errors.to_string();
    assert!(!logged.contains("='"), "{logged}");
    assert!(
        logged.contains(r"task_ids=\u{27}model_training\u{27}"),
        "{logged}"
    );
}

/// Step Functions `CreateStateMachineAlias`, recorded against AWS by LocalStack
/// (`tests/aws/services/stepfunctions/v2/test_sfn_api_aliasing.snapshot.json` at
/// localstack/localstack@0261d4d, `too_many_routing`, 03-03-2025): a list of structures is
/// echoed as Java prints its objects, Lombok's `Name(member=value, ..)`, members in the
/// model's order; an absent member is `null`, a sensitive one never shown, and a
/// structure with a member that cannot be echoed (a timestamp) leaves the list unechoed.
/// The ARNs are the snapshot's, its placeholders sent as they are printed.
#[test]
fn step_functions_routing_configuration_echoes_its_structures() {
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RoutingConfigurationListItem {
        #[required]
        #[len(1, 2048)]
        state_machine_version_arn: Option<String>,
        #[required]
        #[range(0, 100)]
        weight: Option<i32>,
    }
    #[derive(Validate, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct CreateStateMachineAliasInput {
        #[required]
        #[len(1, 2)]
        #[nested]
        routing_configuration: Option<Vec<RoutingConfigurationListItem>>,
    }
    let arn = "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>";
    let input: CreateStateMachineAliasInput = serde_json::from_value(serde_json::json!({
        "routingConfiguration": [
            {"stateMachineVersionArn": format!("{arn}:1"), "weight": 50},
            {"stateMachineVersionArn": format!("{arn}:2"), "weight": 30},
            {"stateMachineVersionArn": format!("{arn}:3"), "weight": 20}
        ]
    }))
    .unwrap();
    assert_eq!(
        input.validate().unwrap_err().aws_message(),
        format!(
            "1 validation error detected: Value '[RoutingConfigurationListItem(\
             stateMachineVersionArn={arn}:1, weight=50), RoutingConfigurationListItem(\
             stateMachineVersionArn={arn}:2, weight=30), RoutingConfigurationListItem(\
             stateMachineVersionArn={arn}:3, weight=20)]' at 'routingConfiguration' failed \
             to satisfy constraint: Member must have length less than or equal to 2"
        )
    );

    #[derive(Validate, Deserialize)]
    struct Dimension {
        #[sensitive]
        value: Option<String>,
        unit: Option<String>,
    }
    #[derive(Validate, Deserialize)]
    struct Stamped {
        at: Option<aws_constraints::Timestamp>,
    }
    #[derive(Validate, Deserialize)]
    struct Request {
        #[len(max = 1)]
        #[nested]
        dimensions: Vec<Dimension>,
        #[len(max = 1)]
        stamped: Vec<Stamped>,
    }
    let request: Request = serde_json::from_value(serde_json::json!({
        "dimensions": [{"value": "secret"}, {"value": "other", "unit": "Count"}],
        "stamped": [{}, {}]
    }))
    .unwrap();
    let errors = request.validate().unwrap_err();
    let messages: Vec<String> = errors.aws_reported().map(|v| v.aws_message()).collect();
    assert!(messages.contains(
        &"Value '[Dimension(value=*** Sensitive Data Redacted ***, unit=null), \
          Dimension(value=*** Sensitive Data Redacted ***, unit=Count)]' at 'dimensions' \
          failed to satisfy constraint: Member must have length less than or equal to 1"
            .to_owned()
    ));
    assert!(messages.contains(
        &"Value at 'stamped' failed to satisfy constraint: Member must have length less than \
          or equal to 1"
            .to_owned()
    ));
}
