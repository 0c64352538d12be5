//! `CreateSchema` of Amazon Cloud Directory (`clouddirectory` 2017-01-11).

use aws_constraints::{Validate, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::errors::operation_errors;
use crate::{Method, Operation};

/// `PUT /amazonclouddirectory/2017-01-11/schema/create`.
pub struct CreateSchema;

impl Operation for CreateSchema {
    const NAME: &'static str = "CreateSchema";
    const SERVICE: &'static str = "clouddirectory 2017-01-11";
    const METHOD: Method = Method::Put;
    const PATH: &'static str = "/amazonclouddirectory/2017-01-11/schema/create";
    const SUCCESS_STATUS: u16 = 200;
    const URI_MEMBERS: &'static [&'static str] = &[];
    const IDEMPOTENCY_TOKEN: Option<&'static str> = None;
    type Input = CreateSchemaRequest;
    type Output = CreateSchemaResponse;
    type Error = CreateSchemaError;

    fn validation_error(errors: &ValidationErrors) -> Self::Error {
        CreateSchemaError::ValidationException(DirectoryError {
            message: Some(errors.aws_message()),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateSchemaRequest {
    #[required]
    #[len(1, 32)]
    #[pattern("^[a-zA-Z0-9._-]*$")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateSchemaResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_arn: Option<String>,
}

/// The body of Cloud Directory's errors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DirectoryError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

operation_errors! {
    /// The errors the CreateSchema page lists (it lists `AccessDeniedException` twice).
    CreateSchemaError {
        AccessDeniedException(DirectoryError) = 403,
        InternalServiceException(DirectoryError) = 500,
        InvalidArnException(DirectoryError) = 400,
        LimitExceededException(DirectoryError) = 400,
        RetryableConflictException(DirectoryError) = 409,
        SchemaAlreadyExistsException(DirectoryError) = 400,
        ValidationException(DirectoryError) = 400,
    }
}
