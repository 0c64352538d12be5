//! `CreateThing` of AWS IoT (`iot` 2015-05-28).

use std::collections::BTreeMap;

use aws_constraints::{Validate, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::errors::operation_errors;
use crate::{Method, Operation};

/// `POST /things/{thingName}`.
pub struct CreateThing;

impl Operation for CreateThing {
    const NAME: &'static str = "CreateThing";
    const SERVICE: &'static str = "iot 2015-05-28";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/things/{thingName}";
    const SUCCESS_STATUS: u16 = 200;
    const URI_MEMBERS: &'static [&'static str] = &["thingName"];
    const IDEMPOTENCY_TOKEN: Option<&'static str> = None;
    type Input = CreateThingRequest;
    type Output = CreateThingResponse;
    type Error = CreateThingError;

    fn validation_error(errors: &ValidationErrors) -> Self::Error {
        CreateThingError::InvalidRequestException(IotError {
            message: Some(errors.aws_message()),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateThingRequest {
    /// A URI label.
    #[required]
    #[len(1, 128)]
    #[pattern("[a-zA-Z0-9:_-]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_name: Option<String>,
    #[len(1, 128)]
    #[pattern("[a-zA-Z0-9:_-]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_type_name: Option<String>,
    #[nested]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_payload: Option<AttributePayload>,
    #[len(1, 128)]
    #[pattern("[a-zA-Z0-9:_-]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_group_name: Option<String>,
}

/// The seed names it only; its constraints are AWS's Smithy model's (with the minimum
/// lengths 0 that botocore drops and AWS's grouped messages list). The seed's "up to three
/// name/value pairs" is prose, not a model constraint.
#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttributePayload {
    #[keys(len(0, 128), pattern("[a-zA-Z0-9_.,@/:#-]+"))]
    #[values(len(0, 800), pattern(r"[a-zA-Z0-9_.,@/:#=\[\]-]*"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merge: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Validate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateThingResponse {
    #[len(1, 128)]
    #[pattern("[a-zA-Z0-9:_-]+")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_id: Option<String>,
}

/// The body of IoT's errors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IotError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `ResourceAlreadyExistsException`'s body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlreadyExistsError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
}

operation_errors! {
    /// The errors the CreateThing page lists.
    CreateThingError {
        InternalFailureException(IotError) = 500,
        InvalidRequestException(IotError) = 400,
        ResourceAlreadyExistsException(AlreadyExistsError) = 409,
        ResourceNotFoundException(IotError) = 404,
        ServiceUnavailableException(IotError) = 503,
        ThrottlingException(IotError) = 400,
        UnauthorizedException(IotError) = 401,
    }
}
