//! `aws-constraints serve`: the five operations over restJson1, as AWS would answer them.
//!
//! The emulator has no protocol code of its own: each operation's service, read from AWS's
//! model of it (`cli/models/`, slices with the operation's `@http` route and the service's
//! protocol), reads the request (route, labels cut before percent-decoding, content type,
//! body) and writes every answer ([`Service::output`], [`Service::error`],
//! [`Service::respond_to`]). What the emulator decides is the operation's: the input read
//! into the operation's types and validated with the models, executed against the store,
//! or answered with the operation's own validation error (its status and the AWS-format
//! message). State lives in memory behind one lock, so concurrent identical requests cannot
//! create two resources.

mod operations;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use aws_constraints::Validate;
use aws_constraints_models::{appregistry, chime, clouddirectory, connect, iot};
use aws_constraints_models::{ErrorShape, Operation};
use aws_constraints_server::{Input, Rejection, Service};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::response::Response;
use serde_json::{json, Value};

use operations::Execute;
pub use operations::Store;

/// The models of the five operations' services, as AWS publishes them (sliced).
const MODELS: [&str; 5] = [
    include_str!("../../models/chime-sdk-identity.json"),
    include_str!("../../models/service-catalog-appregistry.json"),
    include_str!("../../models/connect.json"),
    include_str!("../../models/clouddirectory.json"),
    include_str!("../../models/iot.json"),
];

/// The emulator's state and dispatch, independent of the HTTP server around it.
pub struct Emulator {
    store: Mutex<Store>,
    services: Vec<Service>,
}

/// What the emulator decided for a request: its answer's status, its error code if it is
/// one, and its members; the service writes it.
struct Decision {
    status: u16,
    error: Option<&'static str>,
    members: Value,
}

impl Emulator {
    /// An emulator that knows the given Amazon Connect instances (ReplicateInstance needs
    /// an existing one).
    pub fn new(connect_instances: &[String]) -> Emulator {
        let services = MODELS
            .iter()
            .map(|model| {
                // The models are the crate's own, read by its tests: a failure is a bug.
                Service::from_json(model).expect("the emulator's models are servable")
            })
            .collect();
        Emulator {
            store: Mutex::new(Store::new(connect_instances)),
            services,
        }
    }

    /// Answers one request as AWS's service would.
    pub fn handle<B: AsRef<[u8]>>(&self, request: &http::Request<B>) -> http::Response<Vec<u8>> {
        let mut rejection = None;
        for service in &self.services {
            match service.read(request) {
                Ok(input) => {
                    let decision = self.decide(&input);
                    return match decision.error {
                        Some(code) => {
                            service.error(input.protocol, code, decision.status, &decision.members)
                        }
                        None => service.output(
                            input.protocol,
                            &input.operation,
                            decision.status,
                            &decision.members,
                        ),
                    };
                }
                Err(Rejection::UnknownOperation { .. }) => continue,
                Err(other) => {
                    rejection = Some(service.respond_to(request, &other));
                    break;
                }
            }
        }
        rejection.unwrap_or_else(|| {
            let unknown = Rejection::UnknownOperation {
                detail: format!(
                    "no operation at {} {}",
                    request.method(),
                    request.uri().path()
                ),
            };
            self.services[0].respond_to(request, &unknown)
        })
    }

    /// Reads, validates and executes one read request of the operation it names.
    fn decide(&self, input: &Input) -> Decision {
        macro_rules! dispatch {
            ($($operation:ty),*) => {
                match input.operation.as_str() {
                    $(<$operation as Operation>::NAME => run::<$operation>(self, &input.document),)*
                    other => Decision {
                        status: 404,
                        error: Some("UnknownOperationException"),
                        members: json!({"message": format!("the emulator does not run {other}")}),
                    },
                }
            };
        }
        dispatch!(
            chime::CreateAppInstance,
            appregistry::CreateApplication,
            connect::ReplicateInstance,
            clouddirectory::CreateSchema,
            iot::CreateThing
        )
    }
}

/// Reads the input into `O`'s types, validates it and executes it.
fn run<O: Operation + Execute>(emulator: &Emulator, document: &Value) -> Decision {
    let input: O::Input = match serde_json::from_value(document.clone()) {
        Ok(input) => input,
        Err(e) => {
            return Decision {
                status: 400,
                error: Some("SerializationException"),
                members: json!({ "message": e.to_string() }),
            }
        }
    };
    if let Err(errors) = input.validate() {
        return error_decision(&O::validation_error(&errors));
    }
    let result = {
        let mut store = emulator.store.lock().unwrap_or_else(|p| p.into_inner());
        O::execute(&mut store, input)
    };
    match result {
        Ok(output) => match output.validate() {
            Ok(()) => Decision {
                status: O::SUCCESS_STATUS,
                error: None,
                members: serde_json::to_value(&output).unwrap_or_else(|_| json!({})),
            },
            Err(errors) => Decision {
                status: 500,
                error: Some("InternalFailure"),
                members: json!({"message": format!("the emulator built an invalid response: {errors}")}),
            },
        },
        Err(error) => error_decision(&error),
    }
}

fn error_decision<E: ErrorShape>(error: &E) -> Decision {
    Decision {
        status: error.status(),
        error: Some(error.name()),
        members: serde_json::to_value(error).unwrap_or_else(|_| json!({})),
    }
}

/// A bound server, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    emulator: Arc<Emulator>,
}

impl Server {
    /// Binds `addr` (port 0 picks a free port).
    pub async fn bind(addr: SocketAddr, connect_instances: Vec<String>) -> std::io::Result<Server> {
        Ok(Server {
            listener: tokio::net::TcpListener::bind(addr).await?,
            emulator: Arc::new(Emulator::new(&connect_instances)),
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves until `shutdown` completes, logging one line per request on standard error.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let app = axum::Router::new()
            .fallback(http_handler)
            .with_state(self.emulator);
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Serves until Ctrl-C. The first line on standard output is the address it listens on.
pub async fn serve(addr: SocketAddr, connect_instances: Vec<String>) -> std::io::Result<()> {
    let server = Server::bind(addr, connect_instances).await?;
    println!("listening on http://{}", server.local_addr());
    server
        .run(async {
            // Without a signal handler there is nothing to wait for: run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            eprintln!("shutting down");
        })
        .await
}

async fn http_handler(
    State(emulator): State<Arc<Emulator>>,
    request: axum::extract::Request,
) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let bytes: Bytes = axum::body::to_bytes(body, 16 << 20)
        .await
        .unwrap_or_default();
    let request = http::Request::from_parts(parts, bytes);
    let response = emulator.handle(&request);
    let error_type = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    eprintln!(
        "{} {} {} {} {:.3}ms",
        request.method(),
        request.uri().path(),
        response.status().as_u16(),
        error_type,
        started.elapsed().as_secs_f64() * 1e3
    );
    response.map(Body::from)
}

#[cfg(test)]
mod tests;
