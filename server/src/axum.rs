//! axum integration: [`AwsInput`], an extractor that reads a request by the service's
//! protocol and bindings into an imported type, checked, and rejects as AWS's service
//! would ([`AwsRejection`], the protocol's response).
//!
//! The service comes from the router's state (`Arc<Service>: FromRef<S>`). A handler that
//! takes `Result<AwsInput<T>, AwsRejection>` sees the rejection and may answer otherwise:
//! [`AwsRejection::rejection`] says why, [`AwsRejection::into_response`] is AWS's answer.
//! [`AwsProtocol`] says which of the service's protocols the request is written in, for
//! the handler's answer ([`Service::output`]).
//!
//! ```
//! use std::sync::Arc;
//!
//! use aws_constraints_server::axum::{AwsInput, AwsRejection};
//! use aws_constraints_server::Service;
//! use axum::{routing::post, Router};
//!
//! #[derive(serde::Deserialize, aws_constraints::Validate)]
//! struct GreetInput {
//!     #[required]
//!     #[len(1, 8)]
//!     name: Option<String>,
//! }
//!
//! async fn greet(AwsInput(input): AwsInput<GreetInput>) -> String {
//!     format!("hello, {}", input.name.unwrap_or_default())
//! }
//!
//! let service = Service::from_json(r#"{"smithy": "2.0", "shapes": {
//!     "ex#Greeter": {"type": "service", "operations": [{"target": "ex#Greet"}],
//!         "traits": {"aws.protocols#restJson1": {}}},
//!     "ex#Greet": {"type": "operation", "input": {"target": "ex#GreetInput"},
//!         "traits": {"smithy.api#http": {"method": "POST", "uri": "/greet"}}},
//!     "ex#GreetInput": {"type": "structure", "members": {
//!         "name": {"target": "ex#Name", "traits": {"smithy.api#required": {}}}}},
//!     "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1, "max": 8}}}
//! }}"#)?;
//! let app: Router = Router::new()
//!     .route("/greet", post(greet))
//!     .with_state(Arc::new(service));
//! # Ok::<(), aws_constraints_schema::ModelError>(())
//! ```

use std::fmt;
use std::sync::Arc;

use aws_constraints::{InputError, Validate, Validated};
use axum::body::Body;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::{Rejection, Service, WireProtocol};

/// How large a request body the extractor reads: AWS's services take a few megabytes at
/// most over their document protocols.
pub const MAX_BODY: usize = 16 << 20;

/// An operation's input of type `T`, read from the request by the service's protocol and
/// checked by `T`'s constraints.
#[derive(Debug)]
pub struct AwsInput<T>(pub T);

/// The protocol a request is written in, of those the service speaks
/// ([`Service::protocol_of`]): what a handler of a service of several protocols (CloudWatch
/// reads CBOR, JSON and query forms) answers in. Never rejects.
///
/// ```
/// use std::sync::Arc;
///
/// use aws_constraints_server::axum::{AwsInput, AwsProtocol};
/// use aws_constraints_server::Service;
/// use axum::extract::State;
/// use axum::response::Response;
///
/// #[derive(serde::Deserialize, aws_constraints::Validate)]
/// struct PingInput {}
///
/// async fn ping(
///     State(service): State<Arc<Service>>,
///     AwsProtocol(protocol): AwsProtocol,
///     AwsInput(_): AwsInput<PingInput>,
/// ) -> Response {
///     let output = service.output(protocol, "Ping", 200, &serde_json::json!({}));
///     output.map(axum::body::Body::from)
/// }
/// # let _: axum::routing::MethodRouter<Arc<Service>> = axum::routing::post(ping);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AwsProtocol(pub WireProtocol);

impl<S> FromRequestParts<S> for AwsProtocol
where
    S: Send + Sync,
    Arc<Service>: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let service = Arc::<Service>::from_ref(state);
        let mut request = http::Request::new(());
        *request.method_mut() = parts.method.clone();
        *request.uri_mut() = parts.uri.clone();
        *request.headers_mut() = parts.headers.clone();
        Ok(AwsProtocol(service.protocol_of(&request)))
    }
}

/// Why [`AwsInput`] rejected a request, and the response AWS's service would send.
pub struct AwsRejection {
    rejection: Rejection,
    response: http::Response<Vec<u8>>,
}

impl AwsRejection {
    fn new<B>(service: &Service, request: &http::Request<B>, rejection: Rejection) -> AwsRejection {
        let response = service.respond_to(request, &rejection);
        AwsRejection {
            rejection,
            response,
        }
    }

    /// Why the request was rejected.
    pub fn rejection(&self) -> &Rejection {
        &self.rejection
    }

    /// The response AWS's service would send, to change before sending it.
    pub fn response(&self) -> &http::Response<Vec<u8>> {
        &self.response
    }
}

impl fmt::Debug for AwsRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsRejection")
            .field("rejection", &self.rejection)
            .field("status", &self.response.status())
            .finish()
    }
}

impl fmt::Display for AwsRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.rejection, f)
    }
}

impl IntoResponse for AwsRejection {
    fn into_response(self) -> Response {
        self.response.map(Body::from)
    }
}

impl<S, T> FromRequest<S> for AwsInput<T>
where
    S: Send + Sync,
    Arc<Service>: FromRef<S>,
    T: DeserializeOwned + Validate,
{
    type Rejection = AwsRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let service = Arc::<Service>::from_ref(state);
        let (parts, body) = request.into_parts();
        let (bytes, unread) = match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(bytes) => (bytes, None),
            Err(e) => (Default::default(), Some(e)),
        };
        let request = http::Request::from_parts(parts, bytes);
        if let Some(e) = unread {
            let rejection = Rejection::Malformed {
                operation: None,
                detail: format!("the body cannot be read (at most {MAX_BODY} bytes): {e}"),
            };
            return Err(AwsRejection::new(&service, &request, rejection));
        }
        let input = service
            .read(&request)
            .map_err(|rejection| AwsRejection::new(&service, &request, rejection))?;
        match Validated::<T>::from_value(input.document) {
            Ok(valid) => Ok(AwsInput(valid.into_inner())),
            Err(InputError::Invalid(errors)) => {
                let rejection = Rejection::Invalid {
                    operation: input.operation,
                    errors,
                };
                Err(AwsRejection::new(&service, &request, rejection))
            }
            Err(InputError::Malformed(e)) => {
                let rejection = Rejection::Malformed {
                    operation: Some(input.operation),
                    detail: e.to_string(),
                };
                Err(AwsRejection::new(&service, &request, rejection))
            }
        }
    }
}
