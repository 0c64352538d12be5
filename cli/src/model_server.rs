//! `aws-constraints serve --model`: any operation of any model over its protocol, checked
//! as AWS checks it. An invalid or malformed request gets the answer AWS's service would
//! send; a valid one an empty success (nothing is executed): a stand-in that shows what a
//! client's requests would meet, and the base of a validating front for emulators.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use aws_constraints_server::Service;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;

/// How large a request body the server reads.
const MAX_BODY: usize = 16 << 20;

/// Serves `service` on `addr` until Ctrl-C. The first line on standard output is the
/// address it listens on; standard error gets a line per request.
pub async fn serve(addr: SocketAddr, service: Service) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let app = axum::Router::new()
        .fallback(handle)
        .with_state(Arc::new(service));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            eprintln!("shutting down");
        })
        .await
}

async fn handle(State(service): State<Arc<Service>>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let (method, path) = (parts.method.clone(), parts.uri.path().to_owned());
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .unwrap_or_default();
    let request = http::Request::from_parts(parts, bytes);
    let (response, verdict) = match service.accept(&request) {
        Ok(input) => (
            service.acknowledge(&input),
            format!("{} valid", input.operation),
        ),
        Err(rejection) => {
            // Logged with its client text neutralised: the rejection's own Display.
            let line = format!("{rejection}").escape_debug().to_string();
            (service.respond_to(&request, &rejection), line)
        }
    };
    eprintln!(
        "{method} {} {} {:.3}ms {verdict}",
        path.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response.map(Body::from)
}
