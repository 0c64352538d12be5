//! The three implementations give the same verdict on every benchmark data set, so the
//! benchmarks time equal work.

use aws_constraints_benches::{cases, with_shapes};

macro_rules! verdicts {
    ($ours:ty, $garde:ty, $validator:ty, $imported:ty, $document:expr) => {{
        let ours: $ours = serde_json::from_value($document.clone()).unwrap();
        let garde: $garde = serde_json::from_value($document.clone()).unwrap();
        let validator: $validator = serde_json::from_value($document.clone()).unwrap();
        let imported: $imported = serde_json::from_value($document.clone()).unwrap();
        (
            aws_constraints::Validate::validate(&ours).is_ok(),
            garde::Validate::validate(&garde).is_ok(),
            validator::Validate::validate(&validator).is_ok(),
            aws_constraints::Validate::validate(&imported).is_ok(),
        )
    }};
}

#[test]
fn all_three_agree_on_every_case() {
    for case in cases() {
        let (ours, garde, validator, imported) =
            with_shapes!(case.operation, verdicts!(&case.document));
        assert_eq!((ours, ours), (garde, validator), "{}", case.name);
        assert_eq!(ours, case.valid, "{}", case.name);
        // The imported types differ in small ways from the seed pages (a member the seed
        // requires that the model leaves optional), so they are held to the valid cases,
        // which the `generated` benchmark times.
        assert!(imported || !case.valid, "{}", case.name);
    }
}

/// Each hand-written floor gives our verdict on every data set of its operation, and on
/// documents that reach each branch of its hand-written patterns, so the floor comparison
/// is of equal work.
#[test]
fn the_hand_written_floors_agree() {
    use aws_constraints::Validate;
    use aws_constraints_models::clouddirectory::CreateSchemaRequest;
    use aws_constraints_models::connect::ReplicateInstanceRequest;
    use serde_json::json;

    fn agree<T: Validate + serde::de::DeserializeOwned>(
        operation: &str,
        document: serde_json::Value,
        name: &str,
    ) {
        let request: T = serde_json::from_value(document.clone()).unwrap();
        let mut floor =
            aws_constraints_benches::hand_written::contender(operation, document).expect("a floor");
        assert_eq!(floor(), request.validate().is_ok(), "{name}");
    }
    // On the benchmark's data sets, whose verdicts the test above holds ours to.
    let mut floors = 0;
    for case in cases() {
        let floor = aws_constraints_benches::hand_written::contender(case.operation, case.document);
        if let Some(mut floor) = floor {
            assert_eq!(floor(), case.valid, "{}", case.name);
            floors += 1;
        }
    }
    assert_eq!(floors, 11);

    let uuid = "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    let instance_ids = [
        uuid.to_owned(),
        format!("arn:aws:connect:us-west-2:123456789012:instance/{uuid}"),
        format!("arn:aws-us-gov:connect:us-gov-1:1:instance/{uuid}"),
        format!("arn:aws:connect:us-west-2:123456789012123456789:instance/{uuid}"),
        format!("arn:aws:connect:uss-west-2:1:instance/{uuid}"),
        format!("arn:aws:connect:us-west:1:instance/{uuid}"),
        format!(
            "arn:aws:connect:us-west-2:1:instance/{}",
            uuid.to_uppercase()
        ),
        format!("arn:aws-cn:connect:us-west-2:1:instance/{uuid}"),
        uuid.replace('-', "_"),
        uuid[1..].to_owned(),
        format!("{uuid}0"),
    ];
    let regions = [
        "us-west-2",
        "us-west",
        "us-gov-west-1",
        "ap-south-east-1",
        "us-west-2-3",
        "us--west",
        "u-west-2",
        "us-2",
        "us-west-a",
        "us-west-22",
        "eu-central-",
        "us-west-east-north",
    ];
    let aliases = [
        "support-west",
        "d-alias",
        "d",
        "da",
        "a--b",
        "-ab",
        "ab-",
        "a_b",
        "A1-b2",
        "é",
    ];
    for id in &instance_ids {
        for region in regions {
            for alias in aliases {
                let document = json!({
                    "InstanceId": id, "ReplicaRegion": region, "ReplicaAlias": alias,
                });
                let name = format!("{id} {region} {alias}");
                agree::<ReplicateInstanceRequest>("ReplicateInstance", document, &name);
            }
        }
    }
    for name in [
        "orders.v1",
        "",
        "a b",
        "x".repeat(32).as_str(),
        "x".repeat(33).as_str(),
        "é",
    ] {
        let document = json!({ "Name": name });
        agree::<CreateSchemaRequest>("CreateSchema", document, name);
    }
}
