// The one table of what the importer's golden files hold: each module, the model it is
// imported from (relative to the workspace's `tests/models/`) and its operations. Read as a
// macro by `golden.rs` (which writes and checks the files) and by the `tests` crate (which
// compiles them and compares them with the model-driven validator); each defines
// `golden_table!` for what it needs.
golden_table! {
    // The five operations of the specification, from AWS's Smithy models and botocore's.
    chime: "aws/chime-sdk-identity.json", ["CreateAppInstance"];
    appregistry: "aws/service-catalog-appregistry.json", ["CreateApplication"];
    connect: "aws/connect.json", ["ReplicateInstance"];
    clouddirectory: "aws/clouddirectory.json", ["CreateSchema"];
    iot: "aws/iot.json", ["CreateThing"];
    botocore_chime: "botocore/chime-sdk-identity.json", ["CreateAppInstance"];
    botocore_appregistry: "botocore/servicecatalog-appregistry.json", ["CreateApplication"];
    botocore_connect: "botocore/connect.json", ["ReplicateInstance"];
    botocore_clouddirectory: "botocore/clouddirectory.json", ["CreateSchema"];
    botocore_iot: "botocore/iot.json", ["CreateThing"];
    // Operations whose real AWS messages the tests reproduce, and constructs to cover.
    iot_indexing: "aws/iot.json", ["UpdateIndexingConfiguration"];
    acm: "aws/acm.json", ["RequestCertificate"];
    cognito_identity: "aws/cognito-identity.json", ["GetId", "GetCredentialsForIdentity"];
    eventbridge: "aws/eventbridge.json", ["PutTargets"];
    kinesis: "aws/kinesis.json", ["PutRecords"];
    dynamodb: "aws/dynamodb.json", ["BatchWriteItem"];
    verifiedpermissions: "aws/verifiedpermissions.json", ["IsAuthorized"];
    lambda: "aws/lambda.json", ["CreateFunctionUrlConfig", "CreateAlias"];
    botocore_mediapackagev2: "botocore/mediapackagev2.json", ["CreateOriginEndpoint"];
    defaults: "defaults.json", ["ListReports"];
    // API Gateway's body members under the input's name (its profile): `#[path_prefix]`.
    apigateway: "aws/messages/api-gateway.json", ["UpdateMethodResponse", "CreateRestApi"];
    // Lists of timestamps in a text format (date-time, http-date), each item in it.
    formatted_timestamps: "formatted-timestamps.json", ["PutEvents"];
    // An event stream: the initial request's members, the stream described.
    transcribe_streaming: "aws/transcribe-streaming.json", ["StartStreamTranscription"];
}
