//! `aws-constraints proxy`: AWS's validation in front of an emulator (LocalStack, moto).
//!
//! Every request is identified (the service from its SigV4 credential scope, the
//! `X-Amz-Target` prefix or the host; the operation by the service's protocol), read and
//! checked against AWS's model of that service. An invalid one is answered by the proxy as
//! AWS would; a valid one, or one the proxy cannot identify, is forwarded unchanged (method,
//! path, headers with the signature, body) and the upstream's answer returned unchanged.
//! `--dry-run` forwards everything and only logs what AWS would have rejected.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_constraints_schema::{Model, Validator};
use aws_constraints_server::{Rejection, Service};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::model_files;

/// How large a request body the proxy reads to check it.
const MAX_BODY: usize = 64 << 20;
/// How long the upstream has to answer.
const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(60);

/// How the proxy is set up.
pub struct Options {
    pub listen: SocketAddr,
    /// The emulator's base URL (`http://127.0.0.1:5000`).
    pub upstream: http::Uri,
    /// A folder of models: botocore's `data/`, or AWS's `api-models-aws` layout.
    pub models: PathBuf,
    /// Forward everything; log what AWS would have rejected.
    pub dry_run: bool,
}

/// What the proxy did with the requests of one service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub forwarded: u64,
    pub rejected: u64,
}

/// The services of a folder of models, found by the names requests carry.
pub struct Catalog {
    folder: PathBuf,
    /// Signing names and endpoint prefixes (`dynamodb`, `monitoring`), and `X-Amz-Target`
    /// prefixes (`DynamoDB_20120810`), each with the services they name.
    by_name: HashMap<String, Vec<String>>,
    /// Services built on first use; `None` when a service's model cannot be served.
    loaded: Mutex<HashMap<String, Option<Arc<Service>>>>,
}

impl Catalog {
    /// Reads the metadata of every service of `folder` (botocore's `data/` layout, or
    /// `api-models-aws`'s).
    pub fn new(folder: &Path) -> Result<Catalog, String> {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for service in model_files::services(folder)? {
            let Ok(file) = model_files::find(folder, Some(&service)) else {
                continue;
            };
            let Ok(text) = model_files::read(&file) else {
                continue;
            };
            for name in names(&text) {
                by_name.entry(name).or_default().push(service.clone());
            }
        }
        if by_name.is_empty() {
            return Err(format!("{} holds no service's model", folder.display()));
        }
        Ok(Catalog {
            folder: folder.to_owned(),
            by_name,
            loaded: Mutex::new(HashMap::new()),
        })
    }

    /// How many services the catalog knows.
    pub fn services(&self) -> usize {
        let mut all: Vec<&String> = self.by_name.values().flatten().collect();
        all.sort();
        all.dedup();
        all.len()
    }

    /// The services a name names.
    fn named(&self, name: &str) -> &[String] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// The service of the folder called `service`, built on first use.
    fn service(&self, service: &str) -> Option<Arc<Service>> {
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        loaded
            .entry(service.to_owned())
            .or_insert_with(|| {
                let file = model_files::find(&self.folder, Some(service)).ok()?;
                let text = model_files::read(&file).ok()?;
                let model = Model::from_json(&text).ok()?;
                Service::with_validator(Validator::new(&model))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// The service a request is for, and its name: by its credential scope's signing
    /// name, its `X-Amz-Target` prefix or its host, the one whose protocol reads an
    /// operation out of it when several share the name.
    pub fn identify<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Option<(String, Arc<Service>)> {
        let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
        let mut names = Vec::new();
        if let Some(scope) = header("authorization").and_then(signing_name) {
            names.push(scope);
        }
        if let Some(scope) = request.uri().query().and_then(presigned_signing_name) {
            names.push(scope);
        }
        if let Some(target) = header("x-amz-target") {
            names.push(target.split('.').next().unwrap_or(target).to_owned());
        }
        if let Some(host) = header("host") {
            names.push(host.split('.').next().unwrap_or(host).to_owned());
        }
        for name in names {
            let candidates = self.named(&name);
            let mut first = None;
            for candidate in candidates {
                let Some(service) = self.service(candidate) else {
                    continue;
                };
                let reads = !matches!(
                    service.read(request),
                    Err(Rejection::UnknownOperation { .. })
                );
                if reads || candidates.len() == 1 {
                    return Some((candidate.clone(), service));
                }
                first.get_or_insert((candidate.clone(), service));
            }
            if first.is_some() {
                return first;
            }
        }
        None
    }
}

/// A model's names requests carry: its signing name, endpoint prefix and `X-Amz-Target`
/// prefix (botocore's metadata), or its Smithy service's `aws.auth#sigv4` name, endpoint
/// prefix and shape name.
fn names(model: &str) -> Vec<String> {
    let Ok(root) = serde_json::from_str::<serde_json::Value>(model) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |value: Option<&serde_json::Value>| {
        if let Some(name) = value.and_then(serde_json::Value::as_str) {
            if !out.iter().any(|n| n == name) {
                out.push(name.to_owned());
            }
        }
    };
    if let Some(metadata) = root
        .get("metadata")
        .filter(|_| root.get("smithy").is_none())
    {
        push(metadata.get("signingName"));
        push(metadata.get("endpointPrefix"));
        push(metadata.get("targetPrefix"));
        return out;
    }
    let shapes = root.get("shapes").and_then(serde_json::Value::as_object);
    for (id, shape) in shapes.into_iter().flatten() {
        if shape.get("type").and_then(serde_json::Value::as_str) != Some("service") {
            continue;
        }
        let traits = shape.get("traits");
        push(traits.and_then(|t| t.pointer("/aws.auth#sigv4/name")));
        push(traits.and_then(|t| t.pointer("/aws.api#service/endpointPrefix")));
        let name = id
            .rsplit('#')
            .next()
            .map(|n| serde_json::Value::String(n.to_owned()));
        push(name.as_ref());
    }
    out
}

/// The service of a SigV4 `Authorization` header's credential scope:
/// `Credential=AKID/20240101/us-east-1/dynamodb/aws4_request`.
fn signing_name(authorization: &str) -> Option<String> {
    let credential = authorization.split("Credential=").nth(1)?;
    let scope = credential.split([',', ' ']).next()?;
    scope.split('/').nth(3).map(str::to_owned)
}

/// The same of a presigned URL's `X-Amz-Credential`.
fn presigned_signing_name(query: &str) -> Option<String> {
    let credential = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("X-Amz-Credential="))?;
    let decoded = credential.replace("%2F", "/").replace("%2f", "/");
    decoded.split('/').nth(3).map(str::to_owned)
}

type Upstream = Client<hyper_util::client::legacy::connect::HttpConnector, Body>;

struct Proxy {
    catalog: Catalog,
    upstream: http::Uri,
    client: Upstream,
    dry_run: bool,
    /// What was done, by service (`-` for requests of no known service).
    counts: Mutex<BTreeMap<String, Counts>>,
}

/// The counts of a proxy's run, by service; `-` counts requests no model identified.
pub type Summary = BTreeMap<String, Counts>;

/// Serves until Ctrl-C; the first line on standard output is the address it listens on;
/// standard error gets a line per rejected request and a summary on exit.
pub async fn run(options: Options) -> std::io::Result<Summary> {
    let started = std::time::Instant::now();
    let catalog = Catalog::new(&options.models)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    eprintln!(
        "models of {} services from {} ({:.1} s); upstream {}{}",
        catalog.services(),
        options.models.display(),
        started.elapsed().as_secs_f64(),
        options.upstream,
        if options.dry_run {
            "; dry run: nothing is rejected"
        } else {
            ""
        }
    );
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let proxy = Arc::new(Proxy {
        catalog,
        upstream: options.upstream,
        client: Client::builder(TokioExecutor::new()).build_http(),
        dry_run: options.dry_run,
        counts: Mutex::new(BTreeMap::new()),
    });
    let app = axum::Router::new()
        .fallback(handle)
        .with_state(proxy.clone());
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await?;
    let summary = proxy
        .counts
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    Ok(summary)
}

/// The summary's lines: one per service, then the totals.
pub fn summary_lines(summary: &Summary) -> Vec<String> {
    let mut lines = Vec::new();
    let mut total = Counts::default();
    for (service, counts) in summary {
        let name = if service == "-" {
            "(unidentified)"
        } else {
            service
        };
        lines.push(format!(
            "{name}: {} forwarded, {} rejected",
            counts.forwarded, counts.rejected
        ));
        total.forwarded += counts.forwarded;
        total.rejected += counts.rejected;
    }
    let unidentified = summary.get("-").map_or(0, |c| c.forwarded);
    lines.push(format!(
        "total: {} forwarded ({unidentified} unidentified), {} rejected",
        total.forwarded, total.rejected
    ));
    lines
}

async fn handle(State(proxy): State<Arc<Proxy>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    // A body larger than what is read to check it (an S3 upload), or streamed in chunks of
    // unknown total, is forwarded as it comes, unchecked, and counted as forwarded.
    let length = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let chunked = parts.headers.contains_key(http::header::TRANSFER_ENCODING);
    if chunked || length.is_some_and(|n| n > MAX_BODY as u64) {
        let identified = proxy
            .catalog
            .identify(&http::Request::from_parts(parts.clone(), Bytes::new()));
        let name = identified.as_ref().map_or("-", |(name, _)| name.as_str());
        proxy.count(name, false);
        return forward(&proxy, http::Request::from_parts(parts, body)).await;
    }
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => bytes,
        Err(e) => {
            return (
                http::StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body cannot be read (at most {MAX_BODY} bytes): {e}"),
            )
                .into_response()
        }
    };
    let request = http::Request::from_parts(parts, bytes);
    let identified = proxy.catalog.identify(&request);
    if let Some((name, service)) = &identified {
        if let Err(rejection) = service.accept(&request) {
            if !matches!(rejection, Rejection::UnknownOperation { .. }) {
                let line = rejection.to_string().escape_debug().to_string();
                let operation = match &rejection {
                    Rejection::Invalid { operation, .. } => operation.as_str(),
                    Rejection::Malformed {
                        operation: Some(operation),
                        ..
                    } => operation.as_str(),
                    _ => "-",
                };
                let verdict = if proxy.dry_run {
                    "would reject"
                } else {
                    "rejected"
                };
                eprintln!("{verdict} {name} {operation}: {line}");
                if !proxy.dry_run {
                    proxy.count(name, true);
                    return service.respond_to(&request, &rejection).map(Body::from);
                }
            }
        }
    }
    proxy.count(identified.as_ref().map_or("-", |(name, _)| name), false);
    let (parts, bytes) = request.into_parts();
    forward(&proxy, http::Request::from_parts(parts, Body::from(bytes))).await
}

impl Proxy {
    fn count(&self, service: &str, rejected: bool) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let entry = counts.entry(service.to_owned()).or_default();
        if rejected {
            entry.rejected += 1;
        } else {
            entry.forwarded += 1;
        }
    }
}

/// The request sent upstream unchanged, and the upstream's answer returned unchanged; an
/// upstream that cannot be reached or does not answer in time is a 503, as a gateway says.
async fn forward(proxy: &Proxy, request: http::Request<Body>) -> Response {
    let (mut parts, body) = request.into_parts();
    let path = parts
        .uri
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let base = proxy.upstream.to_string();
    let target = format!("{}{path}", base.trim_end_matches('/'));
    match target.parse::<http::Uri>() {
        Ok(uri) => parts.uri = uri,
        Err(e) => return unavailable(format!("cannot forward to {target}: {e}")),
    }
    let upstream = http::Request::from_parts(parts, body);
    match tokio::time::timeout(UPSTREAM_TIMEOUT, proxy.client.request(upstream)).await {
        Ok(Ok(response)) => response.map(Body::new),
        Ok(Err(e)) => unavailable(format!(
            "the upstream {} cannot be reached: {e}",
            proxy.upstream
        )),
        Err(_) => unavailable(format!(
            "the upstream {} did not answer within {} s",
            proxy.upstream,
            UPSTREAM_TIMEOUT.as_secs()
        )),
    }
}

fn unavailable(message: String) -> Response {
    eprintln!("{}", message.escape_debug());
    (
        http::StatusCode::SERVICE_UNAVAILABLE,
        [("x-amzn-errortype", "ServiceUnavailable")],
        serde_json::json!({"message": message}).to_string(),
    )
        .into_response()
}
