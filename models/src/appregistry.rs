//! `CreateApplication` of AWS Service Catalog AppRegistry (`servicecatalog-appregistry`
//! 2020-06-24).

use std::collections::BTreeMap;

use aws_constraints::{Validate, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::errors::operation_errors;
use crate::{Method, Operation};

/// `POST /applications`.
pub struct CreateApplication;

impl Operation for CreateApplication {
    const NAME: &'static str = "CreateApplication";
    const SERVICE: &'static str = "servicecatalog-appregistry 2020-06-24";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/applications";
    const SUCCESS_STATUS: u16 = 201;
    const URI_MEMBERS: &'static [&'static str] = &[];
    const IDEMPOTENCY_TOKEN: Option<&'static str> = Some("clientToken");
    type Input = CreateApplicationRequest;
    type Output = CreateApplicationResponse;
    type Error = CreateApplicationError;

    fn validation_error(errors: &ValidationErrors) -> Self::Error {
        CreateApplicationError::ValidationException(MessageError {
            message: Some(errors.aws_message()),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateApplicationRequest {
    /// The seed's `\w+`; botocore has `[-.\w]+`.
    #[required]
    #[len(1, 256)]
    #[pattern(r"\w+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[len(max = 1024)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The seed's key pattern, with its `aws:` look-ahead; botocore's is
    /// `^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)$`. The seed gives values a maximum only; AWS's
    /// Smithy model adds the minimum 0, which AWS's grouped message lists.
    #[len(0, 50)]
    #[keys(len(1, 128), pattern("(?!aws:)[a-zA-Z+-=._:/]+"))]
    #[values(len(0, 256), pattern(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    /// The idempotency token.
    #[required]
    #[len(1, 128)]
    #[pattern("[a-zA-Z0-9][a-zA-Z0-9_-]*")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateApplicationResponse {
    #[nested]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
}

/// The seed lists the members only; constraints are botocore's.
#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Application {
    #[len(26, 26)]
    #[pattern("[a-z0-9]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[pattern(
        r"arn:aws[-a-z]*:servicecatalog:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:/applications/[a-z0-9]+"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[len(1, 256)]
    #[pattern(r"[-.\w]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[len(max = 1024)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ISO 8601, as botocore's `timestampFormat` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<String>,
    #[len(0, 50)]
    #[keys(len(1, 128), pattern(r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)$"))]
    #[values(len(0, 256), pattern(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[keys(len(1, 128), pattern(r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)$"))]
    #[values(len(0, 256), pattern(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_tag: Option<BTreeMap<String, String>>,
}

/// The body of AppRegistry's errors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `ThrottlingException`'s body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThrottlingError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_code: Option<String>,
}

operation_errors! {
    /// The three errors the seed page lists, and botocore's `ValidationException` and
    /// `ThrottlingException`.
    CreateApplicationError {
        ConflictException(MessageError) = 409,
        InternalServerException(MessageError) = 500,
        ServiceQuotaExceededException(MessageError) = 402,
        ValidationException(MessageError) = 400,
        ThrottlingException(ThrottlingError) = 429,
    }
}
