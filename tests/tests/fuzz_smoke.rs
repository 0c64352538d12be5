//! A short run of every fuzz target's harness: the seed corpus, then random mutations of
//! it. The long coverage-guided runs are `cargo fuzz` (see the README's reliability section).

use proptest::prelude::*;
use tests::fuzz::target;

const SEEDS: &[(&str, &str)] = &[
    (
        "CreateAppInstance",
        include_str!("../../examples/create-app-instance.json"),
    ),
    (
        "CreateAppInstance",
        include_str!("../../examples/create-app-instance-invalid.json"),
    ),
    (
        "CreateApplication",
        include_str!("../../examples/create-application.json"),
    ),
    (
        "ReplicateInstance",
        include_str!("../../examples/replicate-instance.json"),
    ),
    (
        "CreateSchema",
        include_str!("../../examples/create-schema.json"),
    ),
    (
        "CreateThing",
        include_str!("../../examples/create-thing.json"),
    ),
];

#[test]
fn seeds_pass_through_every_target() {
    for (operation, seed) in SEEDS {
        let run = target(operation).unwrap();
        run(seed.as_bytes());
        for (other, _) in SEEDS {
            target(other).unwrap()(seed.as_bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn mutated_seeds_never_panic(
        seed in 0..SEEDS.len(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        tail in prop::collection::vec(any::<u8>(), 0..16),
    ) {
        let (operation, text) = SEEDS[seed];
        let mut bytes = text.as_bytes().to_vec();
        for (at, byte) in cuts {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.extend(tail);
        target(operation).unwrap()(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(doc in arbitrary_json(), operation in 0..SEEDS.len()) {
        target(SEEDS[operation].0).unwrap()(doc.to_string().as_bytes());
    }
}

/// JSON documents whose member names are the operations' own, with values of any type.
fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let names = prop::sample::select(vec![
        "Name",
        "Metadata",
        "ClientRequestToken",
        "Tags",
        "Key",
        "Value",
        "name",
        "description",
        "tags",
        "clientToken",
        "InstanceId",
        "ReplicaRegion",
        "ClientToken",
        "ReplicaAlias",
        "thingName",
        "thingTypeName",
        "attributePayload",
        "attributes",
        "merge",
        "billingGroupName",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(names.clone(), inner, 0..6).prop_map(|m| {
                serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// Requests of each protocol as a client writes them, in the raw form of
/// [`tests::fuzz::raw_request`]: protocol, method, URI, headers, body.
const REQUESTS: &[(u8, &str, &str, &str, &[u8])] = &[
    (
        0,
        "POST",
        "/",
        "X-Amz-Target: JsonRpc10.SimpleScalarProperties\ncontent-type: application/x-amz-json-1.0",
        br#"{"stringValue": "x", "floatValue": "NaN"}"#,
    ),
    (
        1,
        "POST",
        "/",
        "X-Amz-Target: JsonProtocol.KitchenSinkOperation\ncontent-type: application/x-amz-json-1.1",
        br#"{"Blob": "YmluYXJ5", "Timestamp": 1}"#,
    ),
    (
        2,
        "POST",
        "/MalformedLength",
        "content-type: application/json",
        br#"{"string": "a", "list": ["x"], "map": {"k": ["v"]}}"#,
    ),
    (
        2,
        "POST",
        "/MalformedInteger/1?integerInQuery=2",
        "integerInHeader: 3\ncontent-type: application/json",
        br#"{"integerInBody": 4}"#,
    ),
    (
        3,
        "POST",
        "/",
        "content-type: application/x-www-form-urlencoded",
        b"Action=NestedStructures&Version=2020-01-08&Nested.StringArg=foo&Nested.OtherArg=true",
    ),
    (
        4,
        "POST",
        "/",
        "content-type: application/x-www-form-urlencoded",
        b"Action=QueryLists&Version=2020-01-08&ListArg.1=foo&ListArg.2=bar",
    ),
    (
        5,
        "PUT",
        "/XmlLists",
        "content-type: application/xml",
        b"<XmlListsRequest><stringList><member>foo</member></stringList></XmlListsRequest>",
    ),
    (
        6,
        "POST",
        "/service/RpcV2Protocol/operation/EmptyInputOutput",
        "smithy-protocol: rpc-v2-cbor\ncontent-type: application/cbor",
        b"\xa0",
    ),
];

fn raw(protocol: u8, method: &str, uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = vec![protocol];
    for part in [method, uri, headers] {
        out.extend_from_slice(part.as_bytes());
        out.push(0);
    }
    out.extend_from_slice(body);
    out
}

#[test]
fn requests_of_every_protocol_pass_through_the_server_harness() {
    for (protocol, method, uri, headers, body) in REQUESTS {
        tests::fuzz::raw_request(&raw(*protocol, method, uri, headers, body));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_requests_never_panic(
        seed in 0..REQUESTS.len(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        tail in prop::collection::vec(any::<u8>(), 0..16),
    ) {
        let (protocol, method, uri, headers, body) = REQUESTS[seed];
        let mut bytes = raw(protocol, method, uri, headers, body);
        for (at, byte) in cuts {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.extend(tail);
        tests::fuzz::raw_request(&bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        tests::fuzz::raw_request(&bytes);
    }
}
