//! `aws-constraints serve`: the five operations over restJson1, as AWS would answer them.
//!
//! Routing is driven by each operation's model ([`Operation::METHOD`], [`Operation::PATH`],
//! [`Operation::URI_MEMBERS`]). Path labels are cut from the raw path before
//! percent-decoding, since the SDKs encode `/` inside a label. A request is deserialized and
//! validated with the models; a violation is answered with the operation's own validation
//! error, its status, `X-Amzn-ErrorType` and the AWS-format message. State lives in memory
//! behind one lock, so concurrent identical requests cannot create two resources.

mod operations;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use aws_constraints::Validate;
use aws_constraints_models::{appregistry, chime, clouddirectory, connect, iot};
use aws_constraints_models::{ErrorShape, Operation};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use operations::Execute;
pub use operations::Store;

/// What the emulator answers: a status, the error's type if it is one, and a JSON body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub error_type: Option<&'static str>,
    pub body: Value,
}

impl Reply {
    fn error(status: u16, error_type: &'static str, body: Value) -> Reply {
        Reply {
            status,
            error_type: Some(error_type),
            body,
        }
    }
}

/// The emulator's state and dispatch, independent of the HTTP server around it.
pub struct Emulator {
    store: Mutex<Store>,
}

impl Emulator {
    /// An emulator that knows the given Amazon Connect instances (ReplicateInstance needs
    /// an existing one).
    pub fn new(connect_instances: &[String]) -> Emulator {
        Emulator {
            store: Mutex::new(Store::new(connect_instances)),
        }
    }

    /// Answers one request, given its method, its raw (still percent-encoded) path and its
    /// body.
    pub fn handle(&self, method: &str, raw_path: &str, body: &[u8]) -> Reply {
        let routes = [
            Route::of::<chime::CreateAppInstance>(),
            Route::of::<appregistry::CreateApplication>(),
            Route::of::<connect::ReplicateInstance>(),
            Route::of::<clouddirectory::CreateSchema>(),
            Route::of::<iot::CreateThing>(),
        ];
        for route in routes {
            if let Some(labels) = (route.matches)(method, raw_path) {
                return (route.run)(self, labels, body);
            }
        }
        Reply::error(
            404,
            "UnknownOperationException",
            json!({"message": format!("no operation at {method} {raw_path}")}),
        )
    }
}

/// The URI labels of a matched request: member name and decoded value.
type Labels = Vec<(&'static str, String)>;

/// One operation's entry in the routing table.
struct Route {
    matches: fn(&str, &str) -> Option<Labels>,
    run: fn(&Emulator, Labels, &[u8]) -> Reply,
}

impl Route {
    fn of<O: Operation + Execute>() -> Route {
        Route {
            matches: route::<O>,
            run: run::<O>,
        }
    }
}

/// The URI labels when `method` and `raw_path` are `O`'s, cut before percent-decoding.
fn route<O: Operation>(method: &str, raw_path: &str) -> Option<Labels> {
    if method != O::METHOD.as_str() {
        return None;
    }
    let path = raw_path.split('?').next().unwrap_or(raw_path);
    let template: Vec<&str> = O::PATH.split('/').collect();
    let segments: Vec<&str> = path.split('/').collect();
    if template.len() != segments.len() {
        return None;
    }
    let mut labels = Vec::new();
    for (expected, actual) in template.iter().zip(&segments) {
        match expected.strip_prefix('{').and_then(|l| l.strip_suffix('}')) {
            Some(label) => {
                let name = O::URI_MEMBERS.iter().find(|m| **m == label)?;
                labels.push((*name, percent_decode(actual)?));
            }
            None if expected == actual => {}
            None => return None,
        }
    }
    Some(labels)
}

fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn serialization_error(message: String) -> Reply {
    Reply::error(400, "SerializationException", json!({ "message": message }))
}

/// Deserializes, validates and executes one request of `O`.
fn run<O: Operation + Execute>(emulator: &Emulator, labels: Labels, body: &[u8]) -> Reply {
    let mut document: Value = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice(body) {
            Ok(value) => value,
            Err(e) => return serialization_error(format!("malformed JSON body: {e}")),
        }
    };
    let Some(members) = document.as_object_mut() else {
        return serialization_error("the request body must be a JSON object".to_owned());
    };
    for (name, value) in labels {
        members.insert(name.to_owned(), Value::String(value));
    }
    let input: O::Input = match serde_json::from_value(document) {
        Ok(input) => input,
        Err(e) => return serialization_error(e.to_string()),
    };
    if let Err(errors) = input.validate() {
        return error_reply(&O::validation_error(&errors));
    }
    let result = {
        let mut store = emulator.store.lock().unwrap_or_else(|p| p.into_inner());
        O::execute(&mut store, input)
    };
    match result {
        Ok(output) => match output.validate() {
            Ok(()) => Reply {
                status: O::SUCCESS_STATUS,
                error_type: None,
                body: serde_json::to_value(&output).unwrap_or_else(|_| json!({})),
            },
            Err(errors) => Reply::error(
                500,
                "InternalFailure",
                json!({"message": format!("the emulator built an invalid response: {errors}")}),
            ),
        },
        Err(error) => error_reply(&error),
    }
}

fn error_reply<E: ErrorShape>(error: &E) -> Reply {
    Reply {
        status: error.status(),
        error_type: Some(error.name()),
        body: serde_json::to_value(error).unwrap_or_else(|_| json!({})),
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
    method: axum::http::Method,
    uri: Uri,
    body: Bytes,
) -> Response {
    let started = Instant::now();
    let reply = emulator.handle(method.as_str(), uri.path(), &body);
    eprintln!(
        "{method} {} {} {} {:.3}ms",
        uri.path(),
        reply.status,
        reply.error_type.unwrap_or("-"),
        started.elapsed().as_secs_f64() * 1e3
    );
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, reply.body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(error_type) = reply.error_type {
        headers.insert("x-amzn-errortype", HeaderValue::from_static(error_type));
    }
    response
}

#[cfg(test)]
mod tests;
