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

/// The hand-written floor gives our verdict on every `CreateAppInstance` data set, so the
/// floor comparison is of equal work.
#[test]
fn the_hand_written_floor_agrees() {
    use aws_constraints::Validate;
    use aws_constraints_models::chime::CreateAppInstanceRequest;
    for case in aws_constraints_benches::cases() {
        if case.operation != "CreateAppInstance" {
            continue;
        }
        let request: CreateAppInstanceRequest = serde_json::from_value(case.document).unwrap();
        assert_eq!(
            aws_constraints_benches::hand_written::is_valid(&request),
            request.validate().is_ok(),
            "{}",
            case.name
        );
    }
}
