//! Five AWS operations, declared with `aws-constraints`: their inputs, outputs and errors,
//! wire-exact, with the HTTP binding of each as data on its [`Operation`].
//!
//! Where a seed page (the AWS API reference) states a constraint it wins; where it is silent
//! AWS's own model (botocore) fills the gap. The differences are noted on the members.
//!
//! ```
//! use aws_constraints::Validated;
//! use aws_constraints_models::{chime::CreateAppInstance, Operation};
//!
//! let input = r#"{"Name": "my app", "ClientRequestToken": "token-1"}"#;
//! let request = Validated::<<CreateAppInstance as Operation>::Input>::from_json(input).unwrap();
//! assert_eq!(request.name.as_deref(), Some("my app"));
//! assert_eq!(CreateAppInstance::PATH, "/app-instances");
//! ```

pub mod appregistry;
pub mod chime;
pub mod clouddirectory;
pub mod connect;
mod errors;
pub mod iot;

pub use errors::ErrorShape;

/// An HTTP method of the REST-JSON binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Post,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

/// One AWS operation: its shapes and how it travels over HTTP.
pub trait Operation {
    /// The operation's name, `CreateAppInstance`.
    const NAME: &'static str;
    /// The service's model name and API version, `chime-sdk-identity 2021-04-20`.
    const SERVICE: &'static str;
    const METHOD: Method;
    /// The path template, with URI labels in braces: `/things/{thingName}`.
    const PATH: &'static str;
    /// The status of a successful response.
    const SUCCESS_STATUS: u16;
    /// Input members that travel in the path rather than the body.
    const URI_MEMBERS: &'static [&'static str];
    /// The member the SDKs fill with a fresh token for idempotent retries, if any.
    const IDEMPOTENCY_TOKEN: Option<&'static str>;

    type Input: aws_constraints::Validate + serde::de::DeserializeOwned + serde::Serialize;
    type Output: aws_constraints::Validate + serde::de::DeserializeOwned + serde::Serialize;
    type Error: ErrorShape;

    /// The error this operation answers a request that violates its constraints with,
    /// carrying the AWS-format message.
    fn validation_error(errors: &aws_constraints::ValidationErrors) -> Self::Error;
}

/// Something to do with one operation's types, chosen by its name at run time.
///
/// ```
/// use aws_constraints_models::{visit_operation, Operation, OperationVisitor};
///
/// struct Path;
/// impl OperationVisitor for Path {
///     type Output = &'static str;
///     fn visit<O: Operation>(self) -> &'static str {
///         O::PATH
///     }
/// }
/// assert_eq!(visit_operation("CreateThing", Path), Some("/things/{thingName}"));
/// assert_eq!(visit_operation("DeleteThing", Path), None);
/// ```
pub trait OperationVisitor {
    type Output;
    fn visit<O: Operation>(self) -> Self::Output;
}

/// Runs `visitor` with the operation called `name`; `None` for an unknown name.
pub fn visit_operation<V: OperationVisitor>(name: &str, visitor: V) -> Option<V::Output> {
    Some(match name {
        chime::CreateAppInstance::NAME => visitor.visit::<chime::CreateAppInstance>(),
        appregistry::CreateApplication::NAME => visitor.visit::<appregistry::CreateApplication>(),
        connect::ReplicateInstance::NAME => visitor.visit::<connect::ReplicateInstance>(),
        clouddirectory::CreateSchema::NAME => visitor.visit::<clouddirectory::CreateSchema>(),
        iot::CreateThing::NAME => visitor.visit::<iot::CreateThing>(),
        _ => return None,
    })
}

/// The five operations' names, for listing and dispatch.
pub const OPERATIONS: [&str; 5] = [
    chime::CreateAppInstance::NAME,
    appregistry::CreateApplication::NAME,
    connect::ReplicateInstance::NAME,
    clouddirectory::CreateSchema::NAME,
    iot::CreateThing::NAME,
];
