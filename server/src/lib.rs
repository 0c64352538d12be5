//! The server side of AWS's protocols: an HTTP request read into an operation's input as
//! the service's protocol writes it, checked as AWS checks it (the same rules, order and
//! messages as the derive and the model-driven [`Validator`]), and every rejection written
//! back as AWS's services write it over that protocol.
//!
//! ```
//! use aws_constraints_server::Service;
//!
//! let service = Service::from_json(r#"{"smithy": "2.0", "shapes": {
//!     "ex#Things": {"type": "service", "version": "2024-01-01",
//!         "operations": [{"target": "ex#CreateThing"}],
//!         "traits": {"aws.protocols#restJson1": {}}},
//!     "ex#CreateThing": {"type": "operation", "input": {"target": "ex#CreateThingInput"},
//!         "traits": {"smithy.api#http": {"method": "POST", "uri": "/things/{name}"}}},
//!     "ex#CreateThingInput": {"type": "structure", "members": {
//!         "name": {"target": "ex#Name", "traits": {
//!             "smithy.api#httpLabel": {}, "smithy.api#required": {}}},
//!         "size": {"target": "smithy.api#Integer"}}},
//!     "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"max": 4}}}
//! }}"#)?;
//!
//! let request = http::Request::post("/things/lamp")
//!     .header("content-type", "application/json")
//!     .body(r#"{"size": 3}"#)?;
//! let input = service.accept(&request).unwrap();
//! assert_eq!(input.operation, "CreateThing");
//! assert_eq!(input.document, serde_json::json!({"name": "lamp", "size": 3}));
//!
//! let request = http::Request::post("/things/chandelier").body("")?;
//! let rejection = service.accept(&request).unwrap_err();
//! let response = service.respond(&rejection);
//! assert_eq!(response.status(), 400);
//! assert_eq!(response.headers()["x-amzn-errortype"], "ValidationException");
//! assert_eq!(
//!     std::str::from_utf8(response.body())?,
//!     r#"{"message":"1 validation error detected: Value 'chandelier' at 'name' failed to satisfy constraint: Member must have length less than or equal to 4"}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "axum")]
pub mod axum;
mod read;
mod reply;
mod route;
mod text;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use aws_constraints::ValidationErrors;
use aws_constraints_schema::shapes::{Binding, Member, Protocol, TypeKind};
use aws_constraints_schema::{DocumentError, Model, ModelError, Validator};
use serde_json::Value as Json;

pub use aws_constraints_schema::shapes::Protocol as WireProtocol;

/// A service of a model: its protocol, its operations' routes and inputs, and the
/// validator of its inputs.
pub struct Service {
    validator: Validator,
    /// The protocols it speaks, the first the one it answers in when a request says none.
    protocols: Vec<Protocol>,
    operations: Vec<OperationWire>,
    /// The operations by name: what an `Action` (query protocols) or an rpcv2Cbor path
    /// says, and `X-Amz-Target` after the service's name and a dot (awsJson).
    by_name: HashMap<String, usize>,
    /// The service shape's name, what `X-Amz-Target` starts with (`DynamoDB_20120810`).
    target_prefix: String,
    /// The operations the validator refuses, by name, and why.
    refused: HashMap<String, String>,
    /// The operations with a URI template, the most specific first.
    routes: Vec<(route::Template, usize)>,
    /// How it writes answers where services differ.
    conventions: reply::Conventions,
    /// The errors the operations declare, by name (what a modeled error's code is), where
    /// the service was built from its model.
    errors: HashMap<String, ErrorShape>,
}

/// A modeled error: its shape id, members and error traits.
struct ErrorShape {
    id: String,
    members: Vec<Member>,
    info: Option<aws_constraints_schema::shapes::ErrorInfo>,
}

/// What the service needs of an operation to read its requests and answer them.
struct OperationWire {
    name: String,
    /// The input's members, in model order; empty when it takes none.
    members: Vec<Member>,
    /// Whether it takes an input (which may have no members).
    has_input: bool,
    /// How it answers an input that breaks a constraint.
    invalid: InvalidStyle,
}

/// How an operation answers an input that breaks a constraint: as the Smithy framework's
/// `ValidationException` (message and `fieldList`) when the operation declares it, else
/// with AWS's message under the error code AWS's services use over the protocol (see
/// [`Service::with_invalid_code`] for a service that uses another).
#[derive(Clone, Debug, PartialEq, Eq)]
enum InvalidStyle {
    SmithyFramework,
    Aws,
}

/// An operation's input, read from a request: the operation's name and the input as a
/// JSON document (members by their JSON names), whatever the protocol wrote, with every
/// member's `@default` filled in where the request left it out or sent `null` (the
/// payload, the body itself, is as sent).
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub operation: String,
    pub document: Json,
    /// The protocol the request was written in.
    pub protocol: Protocol,
}

/// Why a request was not accepted: what the service's answer says. [`Service::respond`]
/// writes it as the protocol does.
#[derive(Debug)]
pub enum Rejection {
    /// No operation answers to the request (its target, action or route).
    UnknownOperation { detail: String },
    /// The operation's input is of a kind the validator refuses; why. The service cannot
    /// read it: an internal failure, not the client's.
    Unsupported { operation: String, reason: String },
    /// The request's `Content-Type` is not what the operation takes (HTTP 415).
    UnsupportedMediaType { detail: String },
    /// The request's `Accept` excludes what the operation answers with (HTTP 406).
    NotAcceptable { detail: String },
    /// The request cannot be read as the operation's input: broken syntax, a value of the
    /// wrong type, out of its type's range (the protocol's serialization error).
    Malformed {
        operation: Option<String>,
        detail: String,
    },
    /// The input was read, and breaks the model's constraints.
    Invalid {
        operation: String,
        errors: ValidationErrors,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnknownOperation { detail }
            | Rejection::UnsupportedMediaType { detail }
            | Rejection::NotAcceptable { detail }
            | Rejection::Malformed { detail, .. } => f.write_str(detail),
            Rejection::Unsupported { operation, reason } => {
                write!(f, "{operation} cannot be validated: {reason}")
            }
            Rejection::Invalid { errors, .. } => fmt::Display::fmt(errors, f),
        }
    }
}

impl std::error::Error for Rejection {}

impl Service {
    /// The service of a Smithy JSON AST or a botocore model.
    pub fn from_json(model: &str) -> Result<Service, ModelError> {
        Service::new(&Model::from_json(model)?)
    }

    /// The service of `model`, whose service shape names its protocol.
    pub fn new(model: &Model) -> Result<Service, ModelError> {
        let mut service = Service::with_validator(Validator::new(model))?;
        service.conventions.unwrapped = model.unwrapped_errors();
        let mut ids: Vec<String> = service
            .validator
            .schema()
            .operations
            .iter()
            .flat_map(|o| o.errors.iter().cloned())
            .collect();
        ids.sort();
        ids.dedup();
        // An error the importer cannot express is written with its members as given.
        let (types, _refused) = aws_constraints_schema::named_types(
            model,
            &ids,
            aws_constraints_schema::profile::Profile::of(model.sdk_id()),
        );
        service.errors = types
            .into_values()
            .filter(|named| ids.contains(&named.id))
            .filter_map(|named| match named.kind {
                TypeKind::Structure(composite) => {
                    let name = named.id.rsplit('#').next().unwrap_or(&named.id).to_owned();
                    Some((
                        name,
                        ErrorShape {
                            id: named.id,
                            members: composite.members,
                            info: named.error,
                        },
                    ))
                }
                _ => None,
            })
            .collect();
        Ok(service)
    }

    /// The service a validator describes (one built with a [`Profile`] of its own, say).
    ///
    /// [`Profile`]: aws_constraints_schema::profile::Profile
    pub fn with_validator(validator: Validator) -> Result<Service, ModelError> {
        let schema = validator.schema();
        let profile = validator.profile();
        let (echoes_values, invalid_code) = (profile.echoes_values, profile.invalid_input_code);
        let protocols = schema.protocols.clone();
        if protocols.is_empty() {
            return Err(ModelError::new(
                "the model's service names no protocol this server speaks (awsJson1_0, \
                 awsJson1_1, restJson1, awsQuery, ec2Query, restXml, rpcv2Cbor)",
            ));
        }
        let target_prefix = schema.service_name.clone().unwrap_or_default();
        let mut operations = Vec::new();
        let mut by_name = HashMap::new();
        let mut routes = Vec::new();
        let mut problems = Vec::new();
        for (index, operation) in schema.operations.iter().enumerate() {
            let members = operation
                .input
                .as_ref()
                .and_then(|input| schema.types.get(input))
                .map(|named| match &named.kind {
                    TypeKind::Structure(composite) => composite.members.clone(),
                    _ => Vec::new(),
                })
                .unwrap_or_default();
            let invalid = invalid_style(&operation.errors);
            by_name.insert(operation.name.clone(), index);
            if let Some(http) = &operation.http {
                match route::Template::parse(&http.uri) {
                    Ok(template) => routes.push((template, index)),
                    Err(e) => problems.push(format!("{}: @http: {e}", operation.name)),
                }
            }
            operations.push(OperationWire {
                name: operation.name.clone(),
                members,
                has_input: operation.input.is_some(),
                invalid,
            });
        }
        if !problems.is_empty() {
            return Err(ModelError::new(problems.join("\n")));
        }
        routes.sort_by_key(|(template, _)| std::cmp::Reverse(template.specificity()));
        let refused = validator
            .operations()
            .into_iter()
            .filter_map(|(name, refusal)| Some((name.to_owned(), refusal?.to_string())))
            .collect();
        Ok(Service {
            validator,
            protocols,
            operations,
            by_name,
            target_prefix,
            refused,
            routes,
            conventions: reply::Conventions {
                invalid_code: invalid_code.map(str::to_owned),
                unwrapped: false,
                echoes_values,
            },
            errors: HashMap::new(),
        })
    }

    /// The service answering invalid input with the error code `code` instead of the one
    /// AWS's services use over its protocol (`ValidationException` over the JSON and CBOR
    /// protocols, `ValidationError` over awsQuery: [`Service::respond`]) or its profile's
    /// (Route 53's `InvalidInput`: `Profile::invalid_input_code`).
    ///
    /// ```
    /// # let model = r#"{"smithy": "2.0", "shapes": {"ex#S": {"type": "service",
    /// #     "traits": {"aws.protocols#awsJson1_1": {}}}}}"#;
    /// let service = aws_constraints_server::Service::from_json(model)?
    ///     .with_invalid_code("InvalidParameterValueException");
    /// # Ok::<(), aws_constraints_schema::ModelError>(())
    /// ```
    pub fn with_invalid_code(mut self, code: impl Into<String>) -> Service {
        self.conventions.invalid_code = Some(code.into());
        self
    }

    /// The protocol the service speaks: the first, when it speaks several (CloudWatch
    /// speaks rpcv2Cbor, awsJson1_0 and awsQuery); a request is read and answered in the one
    /// it is written in.
    pub fn protocol(&self) -> Protocol {
        self.protocols[0]
    }

    /// Every protocol the service speaks.
    pub fn protocols(&self) -> &[Protocol] {
        &self.protocols
    }

    /// The protocol `request` is written in, of those the service speaks: told by its
    /// `smithy-protocol` header (rpcv2Cbor), its `X-Amz-Target` (awsJson), a form body (the
    /// query protocols); else the service's first.
    pub fn protocol_of<B>(&self, request: &http::Request<B>) -> Protocol {
        let headers = request.headers();
        let speaks = |p: &Protocol| self.protocols.contains(p);
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let content_type = header("content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let candidates: &[Protocol] = if header("smithy-protocol") == Some("rpc-v2-cbor") {
            &[Protocol::RpcV2Cbor]
        } else if header("x-amz-target").is_some() {
            if content_type.contains("1.0") {
                &[Protocol::AwsJson1_0, Protocol::AwsJson1_1]
            } else {
                &[Protocol::AwsJson1_1, Protocol::AwsJson1_0]
            }
        } else if content_type.starts_with("application/x-www-form-urlencoded") {
            &[Protocol::AwsQuery, Protocol::Ec2Query]
        } else {
            &[]
        };
        candidates
            .iter()
            .copied()
            .find(speaks)
            .unwrap_or(self.protocols[0])
    }

    /// The validator of the service's inputs.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// Reads a request into its operation's input, without checking constraints: a
    /// rejection says why it cannot be read.
    pub fn read<B: AsRef<[u8]>>(&self, request: &http::Request<B>) -> Result<Input, Rejection> {
        read::read(self, request)
    }

    /// Reads a request and checks its input against the model: the input when it is valid,
    /// else why not. [`Service::respond`] writes the answer AWS would send.
    pub fn accept<B: AsRef<[u8]>>(&self, request: &http::Request<B>) -> Result<Input, Rejection> {
        let input = self.read(request)?;
        match self.validator.validate(&input.operation, &input.document) {
            Ok(()) => Ok(input),
            Err(error) => Err(rejection(input.operation, error)),
        }
    }

    /// The HTTP response AWS's service sends for `rejection` of `request`, in the
    /// protocol the request is written in.
    pub fn respond_to<B>(
        &self,
        request: &http::Request<B>,
        rejection: &Rejection,
    ) -> http::Response<Vec<u8>> {
        self.respond_in(self.protocol_of(request), rejection)
    }

    /// The HTTP response AWS's service sends for `rejection` over the service's (first)
    /// protocol.
    pub fn respond(&self, rejection: &Rejection) -> http::Response<Vec<u8>> {
        self.respond_in(self.protocol(), rejection)
    }

    fn respond_in(&self, protocol: Protocol, rejection: &Rejection) -> http::Response<Vec<u8>> {
        let style = match rejection {
            Rejection::Invalid { operation, .. } => self
                .operation_index(operation)
                .map(|i| self.operations[i].invalid.clone()),
            _ => None,
        };
        reply::render(protocol, style.as_ref(), &self.conventions, rejection)
    }

    /// The operation called `name` (an `Action`, a path's, `X-Amz-Target`'s after the
    /// prefix); an operation the validator refuses is unsupported, not unknown.
    fn named(&self, name: &str, unknown: impl FnOnce() -> String) -> Result<usize, Rejection> {
        if let Some(index) = self.by_name.get(name) {
            return Ok(*index);
        }
        match self.refused.get(name) {
            Some(reason) => Err(Rejection::Unsupported {
                operation: name.to_owned(),
                reason: reason.clone(),
            }),
            None => Err(Rejection::UnknownOperation { detail: unknown() }),
        }
    }

    /// A success without output members for a valid `input`, as the protocol writes one:
    /// what a server that only checks requests (a validating front, a dry run) answers.
    pub fn acknowledge(&self, input: &Input) -> http::Response<Vec<u8>> {
        self.output(
            input.protocol,
            &input.operation,
            200,
            &Json::Object(Default::default()),
        )
    }

    /// A success of `operation` with status `status` and output `members` (by their wire
    /// names), as `protocol` writes one.
    ///
    /// ```
    /// # let service = aws_constraints_server::Service::from_json(r#"{"smithy": "2.0",
    /// #     "shapes": {"ex#S": {"type": "service",
    /// #     "traits": {"aws.protocols#awsJson1_1": {}}}}}"#)?;
    /// use aws_constraints_server::WireProtocol;
    ///
    /// let members = serde_json::json!({"ThingName": "lamp"});
    /// let response = service.output(WireProtocol::AwsJson1_1, "CreateThing", 200, &members);
    /// assert_eq!(response.body(), br#"{"ThingName":"lamp"}"#);
    /// # Ok::<(), aws_constraints_schema::ModelError>(())
    /// ```
    pub fn output(
        &self,
        protocol: Protocol,
        operation: &str,
        status: u16,
        members: &Json,
    ) -> http::Response<Vec<u8>> {
        let xml_root = self.operation_index(operation).and_then(|index| {
            self.validator.schema().operations[index]
                .output_xml_root
                .as_deref()
        });
        reply::render_output(protocol, operation, xml_root, status, members)
    }

    /// A modeled error (`code`, its HTTP `status`, its `members` by their wire names) as
    /// `protocol` writes one: `x-amzn-ErrorType` and the members over the JSON protocols,
    /// `__type` among them over awsJson and CBOR, `<Error><Code>..` over the XML ones.
    ///
    /// ```
    /// # let service = aws_constraints_server::Service::from_json(r#"{"smithy": "2.0",
    /// #     "shapes": {"ex#S": {"type": "service",
    /// #     "traits": {"aws.protocols#restJson1": {}}}}}"#)?;
    /// use aws_constraints_server::WireProtocol;
    ///
    /// let members = serde_json::json!({"message": "Thing lamp already exists"});
    /// let response =
    ///     service.error(WireProtocol::RestJson1, "ResourceAlreadyExistsException", 409, &members);
    /// assert_eq!(response.status(), 409);
    /// assert_eq!(response.headers()["x-amzn-errortype"], "ResourceAlreadyExistsException");
    /// # Ok::<(), aws_constraints_schema::ModelError>(())
    /// ```
    pub fn error(
        &self,
        protocol: Protocol,
        code: &str,
        status: u16,
        members: &Json,
    ) -> http::Response<Vec<u8>> {
        let mut body = members.clone();
        let mut headers = Vec::new();
        let shape = self.errors.get(code);
        if let (Some(shape), Json::Object(object)) = (shape, &mut body) {
            for member in &shape.members {
                let Binding::Header(name) = &member.binding else {
                    continue;
                };
                if let Some(value) = object.remove(&member.wire) {
                    let text = match value {
                        Json::String(text) => text,
                        other => other.to_string(),
                    };
                    headers.push((name.clone(), text));
                }
            }
        }
        // A service moved from awsQuery to JSON keeps its errors' query codes in a header
        // (`@awsQueryCompatible`): `x-amzn-query-error: Code;Sender`.
        let json = !matches!(
            protocol,
            Protocol::AwsQuery | Protocol::Ec2Query | Protocol::RestXml
        );
        if self.validator.schema().query_compatible && json {
            let info = shape.and_then(|s| s.info.as_ref());
            let query_code = info.and_then(|i| i.query_code.as_deref()).unwrap_or(code);
            let fault = if info.is_none_or(|i| i.client_fault) {
                "Sender"
            } else {
                "Receiver"
            };
            headers.push(("x-amzn-query-error".into(), format!("{query_code};{fault}")));
        }
        let order = shape
            .map(|s| s.members.iter().map(|m| m.wire.clone()).collect())
            .unwrap_or_default();
        let answer = reply::Answer::modeled(
            code,
            status,
            body,
            shape.map(|s| s.id.clone()),
            headers,
            order,
        )
        .unwrapped(self.conventions.unwrapped);
        reply::render_answer(protocol, &answer)
    }

    fn operation_index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

/// A validator's verdict on a read document, as a rejection.
fn rejection(operation: String, error: DocumentError) -> Rejection {
    match error {
        DocumentError::Invalid(errors) => Rejection::Invalid { operation, errors },
        DocumentError::Malformed { at, message } => Rejection::Malformed {
            operation: Some(operation),
            detail: if at.is_empty() {
                message
            } else {
                format!("at {at}: {message}")
            },
        },
        DocumentError::UnknownOperation { operation, .. } => Rejection::UnknownOperation {
            detail: format!("no operation {operation}"),
        },
        DocumentError::Unsupported { operation, reason } => {
            Rejection::Unsupported { operation, reason }
        }
    }
}

/// How an operation that declares `errors` answers invalid input.
fn invalid_style(errors: &[String]) -> InvalidStyle {
    if errors
        .iter()
        .any(|e| e == "smithy.framework#ValidationException")
    {
        InvalidStyle::SmithyFramework
    } else {
        InvalidStyle::Aws
    }
}

/// The named types of a validator's schema, for reading values written as text.
fn types(service: &Service) -> &BTreeMap<String, aws_constraints_schema::shapes::NamedType> {
    &service.validator.schema().types
}
