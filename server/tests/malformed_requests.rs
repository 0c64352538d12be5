//! Smithy's `@httpMalformedRequestTests` of restJson1, read from the `.smithy` files as
//! published, every `testParameters` set a case of its own: each request goes through
//! [`Service::accept`] and [`Service::respond`], and the response's status, the headers the
//! case names and its body (where the case gives one) must be what the case says.

mod suite;

use aws_constraints_server::Service;
use serde_json::Value;

/// Why a case's response is not the expected one; `None` when it is.
fn failure(service: &Service, case: &Value) -> Option<String> {
    let request = suite::request(case);
    let rejection = match service.accept(&request) {
        Ok(input) => return Some(format!("accepted: {}", input.document)),
        Err(rejection) => rejection,
    };
    let response = service.respond(&rejection);
    let expected = &case["response"];
    let code = expected["code"].as_u64().unwrap();
    if u64::from(response.status().as_u16()) != code {
        return Some(format!(
            "status {} (expected {code}): {rejection}",
            response.status().as_u16()
        ));
    }
    if let Some(headers) = expected.get("headers").and_then(Value::as_object) {
        for (name, value) in headers {
            let found = response
                .headers()
                .get(name.as_str())
                .and_then(|v| v.to_str().ok());
            if found != value.as_str() {
                return Some(format!(
                    "header {name}: {found:?}, expected {value}: {rejection}"
                ));
            }
        }
    }
    if let Some(contents) = expected
        .pointer("/body/assertion/contents")
        .and_then(Value::as_str)
    {
        let expected: Value = serde_json::from_str(contents).unwrap();
        let found: Value = serde_json::from_slice(response.body()).unwrap();
        if found != expected {
            return Some(format!("body {found}\n   expected {expected}"));
        }
    }
    None
}

#[test]
fn restjson1_malformed_requests() {
    let model = suite::model("aws/restJson1");
    let service = Service::from_json(&model).unwrap();
    let cases = suite::cases(&model, "smithy.test#httpMalformedRequestTests");
    assert_eq!(cases.len(), 655, "the suite expands to 655 cases");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            failure(&service, &case.case)
                .map(|why| format!("{} ({}): {why}", case.id, case.operation))
        })
        .collect();
    for failure in &failures {
        eprintln!("{failure}");
    }
    let passed = cases.len() - failures.len();
    eprintln!("{passed} of {} cases pass", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases fail",
        failures.len(),
        cases.len()
    );
}
