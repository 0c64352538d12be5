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
