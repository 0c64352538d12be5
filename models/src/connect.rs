//! `ReplicateInstance` of Amazon Connect (`connect` 2017-08-08).

use aws_constraints::{Validate, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::errors::operation_errors;
use crate::{Method, Operation};

/// `POST /instance/{InstanceId}/replicate`.
pub struct ReplicateInstance;

impl Operation for ReplicateInstance {
    const NAME: &'static str = "ReplicateInstance";
    const SERVICE: &'static str = "connect 2017-08-08";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/instance/{InstanceId}/replicate";
    const SUCCESS_STATUS: u16 = 200;
    const URI_MEMBERS: &'static [&'static str] = &["InstanceId"];
    const IDEMPOTENCY_TOKEN: Option<&'static str> = Some("ClientToken");
    type Input = ReplicateInstanceRequest;
    type Output = ReplicateInstanceResponse;
    type Error = ReplicateInstanceError;

    fn validation_error(errors: &ValidationErrors) -> Self::Error {
        ReplicateInstanceError::InvalidRequestException(ConnectError {
            message: Some(errors.aws_message()),
            reason: None,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ReplicateInstanceRequest {
    /// A URI label. The seed's pattern (a UUID, optionally in an ARN); botocore's
    /// `ACGRInstanceIdOrArn` is looser.
    #[required]
    #[len(1, 250)]
    #[pattern(r"^(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:instance/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    #[required]
    #[len(8, 31)]
    #[pattern("[a-z]{2}(-[a-z]+){1,2}(-[0-9])?")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_region: Option<String>,
    /// The idempotency token.
    #[len(max = 500)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// Required on the seed page; botocore leaves it optional.
    #[required]
    #[len(1, 45)]
    #[pattern(r"^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$")]
    #[sensitive]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_alias: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ReplicateInstanceResponse {
    #[len(1, 100)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

/// The body of Connect's errors; `Reason` is a union of attached-file reasons, kept as JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConnectError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<serde_json::Value>,
}

operation_errors! {
    /// The errors the ReplicateInstance page lists.
    ReplicateInstanceError {
        AccessDeniedException(ConnectError) = 403,
        InternalServiceException(ConnectError) = 500,
        InvalidRequestException(ConnectError) = 400,
        ResourceConflictException(ConnectError) = 409,
        ResourceNotFoundException(ConnectError) = 404,
        ResourceNotReadyException(ConnectError) = 409,
        ServiceQuotaExceededException(ConnectError) = 402,
        ThrottlingException(ConnectError) = 429,
    }
}
