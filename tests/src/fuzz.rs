//! What every fuzz target runs: arbitrary bytes through JSON parsing, `Validated<T>` and
//! every message rendering of one operation, checking the invariants on the way. The
//! `fuzz/` targets (cargo-fuzz) call it with libFuzzer's inputs; `tests/fuzz_smoke.rs`
//! calls it on the seed corpus and random mutations of it in every test run.

use aws_constraints::{
    path::Location, path::PathSegment, report::Echo, InputError, Validate, Validated,
    ValidationErrors,
};
use aws_constraints_models::{visit_operation, ErrorShape, Operation, OperationVisitor};

/// Runs one input through `O`; panics only when an invariant is broken.
pub fn exercise<O: Operation>(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Validated::<O::Input>::from_json(text) {
        Ok(valid) => {
            // A valid input survives a round trip through its wire form, still valid.
            let wire = serde_json::to_string(&*valid).expect("a valid input serializes");
            let again: O::Input = serde_json::from_str(&wire).expect("its wire form parses");
            assert!(
                again.validate().is_ok(),
                "round trip broke validity: {wire}"
            );
        }
        Err(InputError::Invalid(errors)) => {
            assert!(!errors.is_empty());
            let aws = errors.to_string();
            let expected_start = match errors.len() {
                1 => "1 validation error detected: ".to_owned(),
                n => format!("{n} validation errors detected: "),
            };
            assert!(aws.starts_with(&expected_start), "{aws}");
            // However the client chose its values and keys, a reader that splits on "; "
            // counts what the header states.
            let (_, body) = aws.split_once(" detected: ").expect("a header");
            assert_eq!(body.split("; ").count(), errors.len(), "{aws}");
            assert!(!aws.chars().any(char::is_control), "{aws}");
            let smithy = errors.smithy_body();
            let field_list = smithy["fieldList"].as_array().map(Vec::len);
            assert_eq!(field_list, Some(errors.len()));
            let json = errors.to_json();
            assert_eq!(json.as_array().map(Vec::len), Some(errors.len()));
            let error = O::validation_error(&errors);
            assert_eq!(error.status(), 400);
            serde_json::to_string(&error).expect("the error body serializes");
        }
        Err(InputError::Malformed(e)) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    }
    // Everything below a sensitive member is redacted: validated as if the whole input
    // were sensitive, no violation may keep a value or a key the client sent.
    let Ok(input) = serde_json::from_str::<O::Input>(text) else {
        return;
    };
    let mut errors = ValidationErrors::new();
    input.validate_at(&Location::root().with_sensitivity(true), &mut errors);
    for violation in &errors {
        assert!(
            matches!(violation.echo(), Echo::Redacted | Echo::Null),
            "{violation:?}"
        );
        for segment in violation.path().segments() {
            if let PathSegment::MapKey(key) | PathSegment::MapValue(key) = segment {
                assert_eq!(key.as_str(), None, "{violation:?}");
            }
        }
    }
}

/// The target for `operation`, by name.
pub fn target(operation: &str) -> Option<fn(&[u8])> {
    struct Target;
    impl OperationVisitor for Target {
        type Output = fn(&[u8]);
        fn visit<O: Operation>(self) -> fn(&[u8]) {
            exercise::<O>
        }
    }
    visit_operation(operation, Target)
}

/// A server of each AWS protocol, built once from Smithy's protocol test models (the
/// server crate's copy): what [`raw_request`] sends its requests to.
fn servers() -> &'static [aws_constraints_server::Service] {
    use aws_constraints_schema::idl;
    static SERVERS: std::sync::OnceLock<Vec<aws_constraints_server::Service>> =
        std::sync::OnceLock::new();
    SERVERS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../server/tests/smithy-protocol-tests");
        [
            "aws/awsJson1_0",
            "aws/awsJson1_1",
            "aws/restJson1",
            "aws/awsQuery",
            "aws/ec2Query",
            "aws/restXml",
            "core/rpcv2Cbor",
        ]
        .iter()
        .map(|folder| {
            let part = folder.split('/').next().unwrap_or_default();
            let mut paths = idl::smithy_files(&root.join(folder)).unwrap();
            paths.push(root.join(part).join("shared-types.smithy"));
            paths.push(root.join("../smithy-framework.smithy"));
            aws_constraints_server::Service::from_json(&idl::read_files(&paths).unwrap()).unwrap()
        })
        .collect()
    })
}

/// Arbitrary bytes as a raw HTTP request to the server of one protocol: the first byte
/// picks the protocol; then the method, the URI and the headers (`name: value` lines),
/// each ended by a NUL; the rest is the body. Reading it, checking it and answering it
/// never panics, and every answer is an HTTP error a client can read.
pub fn raw_request(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let servers = servers();
    let server = &servers[usize::from(pick) % servers.len()];
    let mut parts = rest.splitn(4, |b| *b == 0);
    let (Some(method), Some(uri), Some(headers)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let body = parts.next().unwrap_or_default().to_vec();
    let mut builder = http::Request::builder().method(method).uri(uri);
    for line in headers.split(|b| *b == b'\n') {
        if let Some(at) = line.iter().position(|b| *b == b':') {
            builder = builder.header(&line[..at], line[at + 1..].trim_ascii());
        }
    }
    let Ok(request) = builder.body(body) else {
        return;
    };
    if let Err(rejection) = server.accept(&request) {
        let response = server.respond_to(&request, &rejection);
        assert!(
            response.status().is_client_error() || response.status().is_server_error(),
            "{rejection}"
        );
    }
}
