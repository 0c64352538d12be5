//! A load test of the emulator on loopback: 10,000 CreateAppInstance requests from 16
//! concurrent clients (keep-alive HTTP/1.1), every token sent twice, some in parallel.
//! Reports throughput and latency percentiles, and checks that no resource is lost or
//! duplicated: each token yields exactly one ARN, the same on both of its requests.
//!
//! `cargo bench -p aws-constraints-benches --bench emulator_load`

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use aws_constraints_cli::emulator::Server;

const CLIENTS: usize = 16;
const REQUESTS: usize = 10_000;

/// One keep-alive connection that sends a request and reads its response.
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    fn open(addr: SocketAddr) -> Connection {
        let stream = TcpStream::connect(addr).expect("connect to the emulator");
        stream.set_nodelay(true).ok();
        stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
        Connection {
            reader: BufReader::new(stream.try_clone().expect("clone the stream")),
            writer: stream,
        }
    }

    /// Sends one POST and returns the status and body.
    fn post(&mut self, path: &str, body: &str) -> (u16, String) {
        write!(
            self.writer,
            "POST {path} HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .expect("send the request");
        let mut status_line = String::new();
        self.reader
            .read_line(&mut status_line)
            .expect("read the status");
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).expect("read a header");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).expect("read the body");
        (status, String::from_utf8_lossy(&body).into_owned())
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let server = runtime
        .block_on(Server::bind(
            "127.0.0.1:0".parse().expect("address"),
            vec![],
        ))
        .expect("bind");
    let addr = server.local_addr();
    runtime.spawn(server.run(std::future::pending()));

    // Each client sends its share; token `i` goes to two different clients, so the two
    // requests for one token race.
    let started = Instant::now();
    let results: Vec<Vec<(usize, u16, String, Duration)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|client| {
                s.spawn(move || {
                    let mut connection = Connection::open(addr);
                    (0..REQUESTS)
                        .filter(|n| n % CLIENTS == client)
                        .map(|n| {
                            let token = n / 2;
                            let body = format!(
                                r#"{{"Name": "app {token}", "ClientRequestToken": "token-{token}"}}"#
                            );
                            let sent = Instant::now();
                            let (status, reply) = connection.post("/app-instances", &body);
                            (token, status, reply, sent.elapsed())
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    let elapsed = started.elapsed();

    let mut latencies: Vec<Duration> = Vec::with_capacity(REQUESTS);
    let mut arns: HashMap<usize, Vec<String>> = HashMap::new();
    for (token, status, reply, latency) in results.into_iter().flatten() {
        assert_eq!(status, 201, "token {token}: {reply}");
        let arn: serde_json::Value = serde_json::from_str(&reply).expect("JSON reply");
        arns.entry(token).or_default().push(
            arn["AppInstanceArn"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
        latencies.push(latency);
    }
    assert_eq!(arns.len(), REQUESTS / 2, "a token got no resource");
    assert!(
        arns.values().all(|a| a.len() == 2 && a[0] == a[1]),
        "a token got two different resources"
    );
    latencies.sort();
    let percentile =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{REQUESTS} requests from {CLIENTS} clients in {:.2} s: {:.0} requests/s; latency p50 {:?}, p99 {:?}, max {:?}; {} tokens, each one resource",
        elapsed.as_secs_f64(),
        REQUESTS as f64 / elapsed.as_secs_f64(),
        percentile(0.50),
        percentile(0.99),
        latencies[latencies.len() - 1],
        arns.len()
    );
}
