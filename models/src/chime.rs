//! `CreateAppInstance` of Amazon Chime SDK Identity (`chime-sdk-identity` 2021-04-20).

use aws_constraints::{Validate, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::errors::operation_errors;
use crate::{Method, Operation};

/// `POST /app-instances`.
pub struct CreateAppInstance;

impl Operation for CreateAppInstance {
    const NAME: &'static str = "CreateAppInstance";
    const SERVICE: &'static str = "chime-sdk-identity 2021-04-20";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/app-instances";
    const SUCCESS_STATUS: u16 = 201;
    const URI_MEMBERS: &'static [&'static str] = &[];
    const IDEMPOTENCY_TOKEN: Option<&'static str> = Some("ClientRequestToken");
    type Input = CreateAppInstanceRequest;
    type Output = CreateAppInstanceResponse;
    type Error = CreateAppInstanceError;

    fn validation_error(errors: &ValidationErrors) -> Self::Error {
        CreateAppInstanceError::BadRequestException(ChimeError {
            code: Some("BadRequest".to_owned()),
            message: Some(errors.aws_message()),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateAppInstanceRequest {
    #[required]
    #[len(1, 256)]
    #[pattern(
        r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]*"
    )]
    #[sensitive]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[len(0, 1024)]
    #[pattern(".*")]
    #[sensitive]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// The idempotency token.
    #[required]
    #[len(2, 64)]
    #[pattern("[-_a-zA-Z0-9]*")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_request_token: Option<String>,
    #[len(1, 50)]
    #[nested]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// A tag; the seed page names it only, so its constraints are botocore's.
#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Tag {
    #[required]
    #[len(1, 128)]
    #[sensitive]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[required]
    #[len(1, 256)]
    #[sensitive]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateAppInstanceResponse {
    #[len(5, 1600)]
    #[pattern(r"arn:[a-z0-9-\.]{1,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[^/].{0,1023}")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_instance_arn: Option<String>,
}

/// The body of every Chime SDK error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChimeError {
    /// One of the service's `ErrorCode` values, such as `BadRequest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

operation_errors! {
    /// The errors the CreateAppInstance page lists.
    CreateAppInstanceError {
        BadRequestException(ChimeError) = 400,
        ConflictException(ChimeError) = 409,
        ForbiddenException(ChimeError) = 403,
        ResourceLimitExceededException(ChimeError) = 400,
        ServiceFailureException(ChimeError) = 500,
        ServiceUnavailableException(ChimeError) = 503,
        ThrottledClientException(ChimeError) = 429,
        UnauthorizedClientException(ChimeError) = 401,
    }
}
