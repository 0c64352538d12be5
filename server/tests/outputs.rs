//! Successes as each protocol writes them (`Service::output`, `Service::acknowledge`): what
//! an SDK must be able to read.

use aws_constraints_server::{Service, WireProtocol};
use serde_json::json;

fn route53() -> Service {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/models/route53.json");
    Service::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn rest_xml_holds_the_output_in_its_structure_s_element_even_when_empty() {
    // The AWS SDK for Rust refuses a GetHostedZone answer whose root is not this element,
    // and an empty body ("no root element"): sdk-tests/tests/protocols.rs.
    let service = route53();
    let empty = service.output(WireProtocol::RestXml, "GetHostedZone", 200, &json!({}));
    assert_eq!(
        empty.body(),
        b"<GetHostedZoneResponse></GetHostedZoneResponse>"
    );
    let request = http::Request::get("/2013-04-01/hostedzone/Z123")
        .body(Vec::<u8>::new())
        .unwrap();
    let input = service.accept(&request).unwrap();
    assert_eq!(service.acknowledge(&input).body(), empty.body());
}

#[test]
fn an_operation_the_model_does_not_know_gets_the_protocol_s_default_element() {
    let service = route53();
    let unknown = service.output(WireProtocol::RestXml, "Other", 200, &json!({}));
    assert_eq!(unknown.body(), b"");
    let members = service.output(WireProtocol::RestXml, "Other", 200, &json!({"Id": "Z1"}));
    assert_eq!(
        members.body(),
        b"<OtherResponse><Id>Z1</Id></OtherResponse>"
    );
}
