//! The built `aws-constraints` binary: exit codes, stdout and stderr.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aws-constraints"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading its input (an unknown operation): a broken pipe
    // here is expected then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn operations_lists_the_five() {
    let out = run(&["operations"], "");
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        "CreateAppInstance\nCreateApplication\nReplicateInstance\nCreateSchema\nCreateThing\n"
    );
}

#[test]
fn every_example_is_valid() {
    for (operation, file) in [
        ("CreateAppInstance", "examples/create-app-instance.json"),
        ("CreateApplication", "examples/create-application.json"),
        ("ReplicateInstance", "examples/replicate-instance.json"),
        ("CreateSchema", "examples/create-schema.json"),
        ("CreateThing", "examples/create-thing.json"),
    ] {
        let out = run(&["validate", operation, file], "");
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "valid\n");
    }
}

#[test]
fn violations_exit_1_in_each_format() {
    let doc = r#"{"Name": "x", "ClientRequestToken": "ab!"}"#;
    let aws = run(&["validate", "CreateAppInstance"], doc);
    assert_eq!(aws.status.code(), Some(1));
    assert_eq!(
        text(&aws.stdout),
        "1 validation error detected: Value 'ab!' at 'clientRequestToken' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: [-_a-zA-Z0-9]*\n"
    );
    let smithy = run(
        &["validate", "CreateAppInstance", "-", "--format", "smithy"],
        doc,
    );
    assert_eq!(smithy.status.code(), Some(1));
    let body: serde_json::Value = serde_json::from_slice(&smithy.stdout).unwrap();
    assert_eq!(body["fieldList"][0]["path"], "/ClientRequestToken");
    let json = run(&["validate", "CreateAppInstance", "--format", "json"], doc);
    let list: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(list[0]["rule"], "pattern");
    assert_eq!(list[0]["pattern"], "[-_a-zA-Z0-9]*");
    let invalid = run(
        &[
            "validate",
            "CreateAppInstance",
            "examples/create-app-instance-invalid.json",
        ],
        "",
    );
    assert_eq!(invalid.status.code(), Some(1));
    assert!(text(&invalid.stdout)
        .starts_with("3 validation errors detected: Value 'a!' at 'clientRequestToken'"));
}

#[test]
fn malformed_input_exits_2_with_a_clear_message() {
    let cases = [
        (vec!["validate", "CreateSchema"], "{", "EOF while parsing"),
        (
            vec!["validate", "CreateSchema"],
            r#"{"Name": 5}"#,
            "invalid type: integer `5`",
        ),
        (
            vec!["validate", "CreateSchema"],
            r#"{"Nam": "x"}"#,
            "unknown field `Nam`",
        ),
        (
            vec!["validate", "DeleteSchema"],
            "{}",
            "unknown operation `DeleteSchema`",
        ),
        (
            vec!["validate", "CreateSchema", "no/such/file.json"],
            "",
            "no/such/file.json",
        ),
        (vec!["pattern", "(a)\\1"], "", "back-references"),
        (
            vec!["pattern", "[a-z]+"],
            "abc\n",
            "line 1: expected a JSON string",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = run(&args, stdin);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn pattern_prints_one_answer_a_line() {
    let out = run(
        &["pattern", "(?!aws:)[a-zA-Z+-=._:/]+"],
        "\"awsx\"\n\"aws:x\"\n\"\"\n",
    );
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "true\nfalse\nfalse\n");
}

/// Back-references need the opt-in, as in the library: without it a clear usage error.
#[test]
fn pattern_backtracking_runs_back_references() {
    let values = "\"abab\"\n\"abba\"\n";
    let refused = run(&["pattern", "(ab)\\1"], values);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("backtracking"));
    let out = run(&["pattern", "--backtracking", "(ab)\\1"], values);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "true\nfalse\n");
}

/// Hostile sizes: each is answered with a clear message, never a crash. The figures
/// (time, peak memory) for the README come from `/usr/bin/time` around these commands.
#[test]
fn hostile_sizes_are_rejected_cleanly() {
    let huge_string = format!(
        r#"{{"Name": "a", "ClientRequestToken": "token-1", "Metadata": "{}"}}"#,
        "m".repeat(100_000_000)
    );
    let out = run(&["validate", "CreateAppInstance"], &huge_string);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "1 validation error detected: Value at 'metadata' failed to satisfy constraint: \
         Member must have length less than or equal to 1024\n"
    );

    let tags: Vec<String> = (0..1_000_000)
        .map(|i| format!(r#"{{"Key": "k{i}", "Value": "v"}}"#))
        .collect();
    let long_list = format!(
        r#"{{"Name": "a", "ClientRequestToken": "token-1", "Tags": [{}]}}"#,
        tags.join(",")
    );
    let out = run(&["validate", "CreateAppInstance"], &long_list);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).ends_with("Member must have length less than or equal to 50\n"));

    let entries: Vec<String> = (0..1_000_000).map(|i| format!(r#""k{i}": "v""#)).collect();
    let big_map = format!(
        r#"{{"name": "a", "clientToken": "c", "tags": {{{}}}}}"#,
        entries.join(",")
    );
    let out = run(&["validate", "CreateApplication"], &big_map);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).ends_with("Member must have length less than or equal to 50\n"));

    // Typed deserialization stops at the first value of the wrong shape, so deep nesting
    // never recurses: a clear error, no stack overflow.
    for deep in [
        format!(
            r#"{{"Name": {}1{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
        format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!(
            r#"{}"Name": "a"{}"#,
            r#"{"Name": "#.repeat(10_000),
            "}".repeat(10_000)
        ),
    ] {
        let out = run(&["validate", "CreateSchema"], &deep);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("at line 1 column"), "{stderr}");
    }
}

/// `serve` over real HTTP: the address on the first line, answers with the error type
/// header, a log line per request, and a clean exit on Ctrl-C (SIGINT).
#[test]
fn serve_answers_over_http_and_stops_on_ctrl_c() {
    let (server, addr) = spawn_server(&[]);
    let request = |method: &str, path: &str, body: &str| http(&addr, method, path, body);
    let created = request(
        "PUT",
        "/amazonclouddirectory/2017-01-11/schema/create",
        r#"{"Name": "s"}"#,
    );
    assert!(created.starts_with("HTTP/1.1 200"), "{created}");
    assert!(created.contains("arn:aws:clouddirectory:"), "{created}");
    let invalid = request("POST", "/things/a%20b", "{}");
    assert!(invalid.starts_with("HTTP/1.1 400"), "{invalid}");
    assert!(
        invalid
            .to_ascii_lowercase()
            .contains("x-amzn-errortype: invalidrequestexception"),
        "{invalid}"
    );

    let stopped = Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let output = server.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    let log = text(&output.stderr);
    assert!(
        log.contains("PUT /amazonclouddirectory/2017-01-11/schema/create 200"),
        "{log}"
    );
    assert!(
        log.contains("POST /things/a%20b 400 InvalidRequestException"),
        "{log}"
    );
    assert!(log.contains("shutting down"), "{log}");
}

/// `import` writes the types of an operation from AWS's Smithy model (the repository's slice
/// of it, which keeps CreateSchema's output and errors), and refuses an unknown operation
/// naming the closest ones.
#[test]
fn import_writes_annotated_types() {
    let model = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/models/aws/clouddirectory.json"
    );
    let out = run(&["import", model, "--operation", "CreateSchema"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    assert!(code.contains("pub struct CreateSchemaRequest {"), "{code}");
    assert!(code.contains("#[pattern(\"^[a-zA-Z0-9._-]*$\")]"), "{code}");
    assert!(
        !code.contains("pub struct CreateSchemaResponse {"),
        "{code}"
    );
    let all = run(
        &[
            "import",
            model,
            "--operation",
            "CreateSchema",
            "--outputs",
            "--errors",
        ],
        "",
    );
    assert!(all.status.success(), "{}", text(&all.stderr));
    let code = text(&all.stdout);
    assert!(code.contains("pub struct CreateSchemaResponse {"), "{code}");
    assert!(code.contains("pub struct ValidationException {"), "{code}");
    let unknown = run(&["import", model, "--operation", "CreateSchemas"], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("closest: CreateSchema"),
        "{}",
        text(&unknown.stderr)
    );
}

/// Any operation of a model given with `--model`: here slices of AWS's models committed
/// for the tests.
#[test]
fn validate_any_operation_of_a_model() {
    let iot = "tests/models/aws/iot.json";
    let listed = run(&["operations", "--model", iot], "");
    assert_eq!(listed.status.code(), Some(0));
    assert!(text(&listed.stdout).lines().any(|l| l == "CreateThing"));

    let valid = run(
        &["validate", "--model", iot, "CreateThing"],
        r#"{"thingName": "t1"}"#,
    );
    assert_eq!(text(&valid.stdout), "valid\n");
    assert_eq!(valid.status.code(), Some(0));

    let invalid = run(
        &["validate", "--model", iot, "CreateThing"],
        r#"{"thingName": "a b"}"#,
    );
    assert_eq!(invalid.status.code(), Some(1));
    assert_eq!(
        text(&invalid.stdout),
        "1 validation error detected: Value 'a b' at 'thingName' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [a-zA-Z0-9:_-]+\n"
    );
    let json = run(
        &[
            "validate",
            "--model",
            iot,
            "CreateThing",
            "--format",
            "json",
        ],
        r#"{}"#,
    );
    let list: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(list[0]["rule"], "required");
    assert_eq!(list[0]["path"], "/thingName");
}

#[test]
fn a_model_s_bad_input_exits_2_saying_what_and_where() {
    let iot = "tests/models/aws/iot.json";
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["validate", "--model", iot, "CreateThings"],
            "{}",
            "no operation \"CreateThings\" in the model; closest: CreateThing",
        ),
        (
            &["validate", "--model", iot, "CreateThing"],
            r#"{"thingName": 5}"#,
            "not a valid CreateThing input document: at /thingName: expected a string, found a number",
        ),
        (
            &["validate", "--model", iot, "CreateThing"],
            r#"["x"]"#,
            "expected an object (structure CreateThingRequest), found an array",
        ),
        (
            &["validate", "--model", "README.md", "CreateThing"],
            "{}",
            "README.md: not a model this tool reads: the model is not JSON",
        ),
        (
            &["validate", "--model", "tests/models", "CreateThing"],
            "{}",
            "a folder of",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = run(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let no_model = run(&["validate", "--service", "iot", "CreateThing"], "{}");
    assert_eq!(no_model.status.code(), Some(2));
    assert!(text(&no_model.stderr).contains("--model"));
}

#[test]
fn samples_print_a_valid_document_then_broken_ones() {
    let iot = "tests/models/aws/iot.json";
    let out = run(&["samples", "--model", iot, "CreateThing"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let samples: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(samples[0]["breaks"], "valid");
    assert!(samples.len() > 10, "{samples:?}");
    for (i, sample) in samples.iter().enumerate() {
        let document = sample["document"].to_string();
        let verdict = run(&["validate", "--model", iot, "CreateThing"], &document);
        let expected = if i == 0 { 0 } else { 1 };
        assert_eq!(verdict.status.code(), Some(expected), "{sample}");
    }
}

#[test]
fn a_model_in_the_smithy_idl_is_a_folder_of_smithy_files() {
    // Smithy's own restJson1 validation tests, as published (the server crate's copy).
    let folder = "server/tests/smithy-protocol-tests/aws/restJson1/validation";
    let listed = run(&["operations", "--model", folder], "");
    assert!(
        text(&listed.stdout).lines().any(|l| l == "MalformedLength"),
        "{}",
        text(&listed.stderr)
    );
    let invalid = run(
        &["validate", "--model", folder, "MalformedLength"],
        r#"{"string": "a"}"#,
    );
    assert_eq!(invalid.status.code(), Some(1));
    assert_eq!(
        text(&invalid.stdout),
        "1 validation error detected: Value 'a' at 'string' failed to satisfy constraint: \
         Member must have length greater than or equal to 2\n"
    );
    let broken = run(
        &[
            "operations",
            "--model",
            "server/tests/smithy-protocol-tests/aws/restJson1/validation/main.smithy",
        ],
        "",
    );
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        text(&broken.stderr).contains("main.smithy:11:1: MalformedEnum names no shape"),
        "{}",
        text(&broken.stderr)
    );
}

#[test]
fn serve_a_model_checks_requests_over_its_protocol() {
    // Lambda's CreateAlias (restJson1), from the server crate's slice of AWS's model.
    let (server, addr) = spawn_server(&["--model", "server/tests/models/lambda.json"]);
    let request = |path: &str, body: &str| http(&addr, "POST", path, body);
    let aliases = "/2015-03-31/functions/f/aliases";
    let valid = request(aliases, r#"{"Name": "live", "FunctionVersion": "1"}"#);
    assert!(valid.starts_with("HTTP/1.1 200"), "{valid}");
    let invalid = request(aliases, r#"{"Name": "2024", "FunctionVersion": "1"}"#);
    assert!(invalid.starts_with("HTTP/1.1 400"), "{invalid}");
    assert!(
        invalid
            .to_ascii_lowercase()
            .contains("x-amzn-errortype: validationexception"),
        "{invalid}"
    );
    assert!(
        invalid.ends_with(
            r#"{"message":"1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"}"#
        ),
        "{invalid}"
    );
    let stopped = Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let output = server.wait_with_output().unwrap();
    let log = text(&output.stderr);
    assert!(log.contains(&format!("POST {aliases} 200")), "{log}");
    assert!(log.contains(&format!("POST {aliases} 400")), "{log}");
}

/// `aws-constraints serve --addr 127.0.0.1:0 ARGS` started, and the address it printed.
fn spawn_server(args: &[&str]) -> (std::process::Child, String) {
    let mut all = vec!["serve", "--addr", "127.0.0.1:0"];
    all.extend_from_slice(args);
    spawn_listening(&all)
}

/// `aws-constraints proxy` in front of `upstream` with the folder of `models`, started.
fn spawn_proxy(upstream: &str, models: &std::path::Path) -> (std::process::Child, String) {
    let models = models.to_str().unwrap();
    spawn_listening(&[
        "proxy",
        "--listen",
        "127.0.0.1:0",
        "--upstream",
        upstream,
        "--models",
        models,
    ])
}

/// The command started with `args`, and the address its first line says it listens on.
fn spawn_listening(args: &[&str]) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};

    let mut child = Command::new(env!("CARGO_BIN_EXE_aws-constraints"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    let addr = first_line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("{first_line:?}"))
        .to_owned();
    (child, addr)
}

/// One HTTP/1.1 request with a JSON body, and the whole response as text.
fn http(addr: &str, method: &str, path: &str, body: &str) -> String {
    use std::io::Read;

    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn proxy_rejects_what_aws_would_and_forwards_the_rest() {
    use std::io::{BufRead, BufReader, Read, Write as _};
    use std::net::TcpListener;

    // An upstream that answers every request `200 upstream` with the path it got.
    let upstream = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream_addr = upstream.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in upstream.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = n.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let answer = format!("upstream saw {}", first.trim());
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    let models = lambda_models("forwards");
    let (proxy, addr) = spawn_proxy(&format!("http://{upstream_addr}"), &models);
    let signed = |body: &str| {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            stream,
            "POST /2015-03-31/functions/f/aliases HTTP/1.1\r\nHost: {addr}\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/lambda/aws4_request, \
             SignedHeaders=host, Signature=abc\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    let valid = signed(r#"{"Name": "live", "FunctionVersion": "1"}"#);
    assert!(
        valid.ends_with("upstream saw POST /2015-03-31/functions/f/aliases HTTP/1.1"),
        "{valid}"
    );
    let invalid = signed(r#"{"Name": "2024", "FunctionVersion": "1"}"#);
    assert!(invalid.starts_with("HTTP/1.1 400"), "{invalid}");
    assert!(
        invalid.contains("Member must satisfy regular expression pattern"),
        "{invalid}"
    );
    let unknown = http(&addr, "GET", "/somewhere/else", "");
    assert!(
        unknown.ends_with("upstream saw GET /somewhere/else HTTP/1.1"),
        "{unknown}"
    );

    Command::new("kill")
        .args(["-INT", &proxy.id().to_string()])
        .status()
        .unwrap();
    let output = proxy.wait_with_output().unwrap();
    let log = text(&output.stderr);
    assert!(
        log.contains("rejected lambda CreateAlias: 1 validation error detected"),
        "{log}"
    );
    assert!(log.contains("lambda: 1 forwarded, 1 rejected"), "{log}");
    assert!(
        log.contains("total: 2 forwarded (1 unidentified), 1 rejected"),
        "{log}"
    );
    let _ = std::fs::remove_dir_all(&models);
}

#[test]
fn proxy_answers_503_when_the_upstream_is_down() {
    let models = lambda_models("down");
    // A port nothing listens on: bound, then closed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let (proxy, addr) = spawn_proxy(&format!("http://{closed}"), &models);
    let answer = http(&addr, "GET", "/anything", "");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer
        .to_ascii_lowercase()
        .contains("x-amzn-errortype: serviceunavailable"));
    // The proxy stays up.
    let again = http(&addr, "GET", "/anything", "");
    assert!(again.starts_with("HTTP/1.1 503"), "{again}");
    Command::new("kill")
        .args(["-INT", &proxy.id().to_string()])
        .status()
        .unwrap();
    assert!(proxy.wait_with_output().unwrap().status.success());
    let _ = std::fs::remove_dir_all(&models);
}

/// A folder of models in api-models-aws's layout holding Lambda's slice (the server
/// crate's), for the proxy.
fn lambda_models(tag: &str) -> std::path::PathBuf {
    let models = std::env::temp_dir().join(format!(
        "aws-constraints-proxy-{tag}-{}",
        std::process::id()
    ));
    let folder = models.join("lambda/service/2015-03-31");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../server/tests/models/lambda.json"
        ),
        folder.join("lambda-2015-03-31.json"),
    )
    .unwrap();
    models
}
