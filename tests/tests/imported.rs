//! The five operations imported by `aws-constraints-codegen` (`codegen/tests/golden/`) from
//! AWS's Smithy models and from botocore's: the generated types compile, and their verdicts
//! agree with the hand-written `models/` except where the seed pages and the models disagree
//! (`shared/reference/five_ops.md`), each of which is named here.

#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod chime {
    include!("../../codegen/tests/golden/chime.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod appregistry {
    include!("../../codegen/tests/golden/appregistry.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod connect {
    include!("../../codegen/tests/golden/connect.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod clouddirectory {
    include!("../../codegen/tests/golden/clouddirectory.rs");
}
#[allow(dead_code)] // `validate_input`: for the model-driven differential test
mod iot {
    include!("../../codegen/tests/golden/iot.rs");
}
mod botocore {
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod chime {
        include!("../../codegen/tests/golden/botocore_chime.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod appregistry {
        include!("../../codegen/tests/golden/botocore_appregistry.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod connect {
        include!("../../codegen/tests/golden/botocore_connect.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod clouddirectory {
        include!("../../codegen/tests/golden/botocore_clouddirectory.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod iot {
        include!("../../codegen/tests/golden/botocore_iot.rs");
    }
    #[allow(dead_code)] // `validate_input`: for the model-driven differential test
    pub mod mediapackagev2 {
        include!("../../codegen/tests/golden/botocore_mediapackagev2.rs");
    }
}

use aws_constraints::{InputError, Validated};
use aws_constraints_models::Operation;

/// The AWS message for a document, or `Ok` when valid.
fn verdict<T: aws_constraints::Validate + serde::de::DeserializeOwned>(
    document: &str,
) -> Result<(), String> {
    match Validated::<T>::from_json(document) {
        Ok(_) => Ok(()),
        Err(InputError::Invalid(errors)) => Err(errors.to_string()),
        Err(InputError::Malformed(e)) => Err(format!("malformed: {e}")),
    }
}

fn same<Imported, Handwritten>(documents: &[&str])
where
    Imported: aws_constraints::Validate + serde::de::DeserializeOwned,
    Handwritten: aws_constraints::Validate + serde::de::DeserializeOwned,
{
    for document in documents {
        assert_eq!(
            verdict::<Imported>(document),
            verdict::<Handwritten>(document),
            "{document}"
        );
    }
}

/// CreateAppInstance documents, valid and invalid, that both imports are checked on.
const CREATE_APP_INSTANCE: &[&str] = &[
    r#"{"Name": "app", "ClientRequestToken": "token-1"}"#,
    r#"{"Name": null, "ClientRequestToken": "a!"}"#,
    r#"{"Name": "😀", "ClientRequestToken": "tt", "Metadata": "two\nlines"}"#,
    r#"{"Name": "a", "ClientRequestToken": "tt", "Tags": []}"#,
    r#"{"Name": "a", "ClientRequestToken": "tt", "Tags": [{"Key": "", "Value": null}]}"#,
];

/// CreateSchema documents.
const CREATE_SCHEMA: &[&str] = &[r#"{"Name": "orders"}"#, r#"{"Name": "orders v1"}"#, r#"{}"#];

#[test]
fn create_app_instance_agrees() {
    same::<
        chime::CreateAppInstanceRequest,
        <aws_constraints_models::chime::CreateAppInstance as Operation>::Input,
    >(CREATE_APP_INSTANCE);
}

#[test]
fn create_schema_agrees() {
    same::<
        clouddirectory::CreateSchemaRequest,
        <aws_constraints_models::clouddirectory::CreateSchema as Operation>::Input,
    >(CREATE_SCHEMA);
}

#[test]
fn create_thing_agrees_on_the_body() {
    // `thingName` is a URI label in the model and a body member in `models/`'s input alike.
    same::<iot::CreateThingRequest, <aws_constraints_models::iot::CreateThing as Operation>::Input>(
        &[
            r#"{"thingName": "sensor:42"}"#,
            r#"{"thingName": "sensor 42"}"#,
            r#"{"thingName": "t", "attributePayload": {"attributes": {"k": "a b", "": "v"}}}"#,
        ],
    );
}

/// Where the seed page and AWS's model disagree (five_ops.md), the import follows the
/// model: the seed's `\w+` application name accepts `my-app`'s absence of hyphens only,
/// the model's `^[-.\w]+$` accepts it.
#[test]
fn create_application_differs_where_the_seed_differs() {
    type Imported = appregistry::CreateApplicationRequest;
    type Seed = <aws_constraints_models::appregistry::CreateApplication as Operation>::Input;
    let hyphen = r#"{"name": "my-app", "clientToken": "c-1"}"#;
    assert!(verdict::<Imported>(hyphen).is_ok());
    assert!(verdict::<Seed>(hyphen).is_err());
    same::<Imported, Seed>(&[
        r#"{"name": "app", "clientToken": "c-1"}"#,
        r#"{"clientToken": "c"}"#,
    ]);
}

#[test]
fn replicate_instance_imports() {
    type Imported = connect::ReplicateInstanceRequest;
    assert!(verdict::<Imported>(
        r#"{"InstanceId": "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "ReplicaRegion": "us-west-2", "ReplicaAlias": "a"}"#
    )
    .is_ok());
    let message = verdict::<Imported>(r#"{"ReplicaRegion": "x"}"#).unwrap_err();
    assert!(message.contains("Value null at 'instanceId'"), "{message}");
}

/// From botocore's models the same operations agree with `models/` on the documents above,
/// with the same seed difference as the Smithy model (AppRegistry's `[-.\w]+`) and one of
/// botocore's own, named below.
#[test]
fn botocore_imports_agree() {
    type Seed<O> = <O as Operation>::Input;
    same::<
        botocore::chime::CreateAppInstanceRequest,
        Seed<aws_constraints_models::chime::CreateAppInstance>,
    >(CREATE_APP_INSTANCE);
    same::<
        botocore::clouddirectory::CreateSchemaRequest,
        Seed<aws_constraints_models::clouddirectory::CreateSchema>,
    >(CREATE_SCHEMA);
    type Thing = botocore::iot::CreateThingRequest;
    type SeedThing = Seed<aws_constraints_models::iot::CreateThing>;
    same::<Thing, SeedThing>(&[
        r#"{"thingName": "sensor:42"}"#,
        r#"{"thingName": "sensor 42"}"#,
    ]);
    // botocore drops a `min` of 0, which AWS's grouped messages list (as the Smithy model
    // and `models/` do): the one difference.
    let attributes =
        r#"{"thingName": "t", "attributePayload": {"attributes": {"k": "a b", "": "v"}}}"#;
    assert_eq!(
        verdict::<Thing>(attributes),
        verdict::<SeedThing>(attributes)
            .map_err(|m| m.replace(", Member must have length greater than or equal to 0", ""))
    );
    type Application = botocore::appregistry::CreateApplicationRequest;
    assert!(verdict::<Application>(r#"{"name": "my-app", "clientToken": "c-1"}"#).is_ok());
    same::<Application, Seed<aws_constraints_models::appregistry::CreateApplication>>(&[
        r#"{"name": "app", "clientToken": "c-1"}"#,
        r#"{"clientToken": "c"}"#,
    ]);
    type Replicate = botocore::connect::ReplicateInstanceRequest;
    type SeedReplicate = Seed<aws_constraints_models::connect::ReplicateInstance>;
    same::<Replicate, SeedReplicate>(&[
        r#"{"InstanceId": "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "ReplicaRegion": "us-west-2", "ReplicaAlias": "a"}"#,
        r#"{"InstanceId": "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "ReplicaRegion": "us-west-2", "ReplicaAlias": "bad alias!"}"#,
    ]);
    // botocore 1.44.8 writes a newer, looser instance id pattern than the seed page's.
    let arn_id =
        r#"{"InstanceId": "my_instance", "ReplicaRegion": "us-west-2", "ReplicaAlias": "a"}"#;
    assert!(verdict::<Replicate>(arn_id).is_ok());
    assert!(verdict::<SeedReplicate>(arn_id).is_err());
    // five_ops.md: the seed page requires `ReplicaAlias`, botocore does not.
    let no_alias =
        r#"{"InstanceId": "8a2b1c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "ReplicaRegion": "us-west-2"}"#;
    assert!(verdict::<Replicate>(no_alias).is_ok());
    assert!(verdict::<SeedReplicate>(no_alias)
        .unwrap_err()
        .contains("Value null at 'replicaAlias'"));
}

/// A union variant holding a timestamp with a format (MediaPackage v2's DASH availability
/// start time, `iso8601` in botocore): the variant holds the timestamp itself, so its format
/// is the plain one, not the `Option` one of a structure's member. Found by compiling all of
/// botocore's services.
#[test]
fn a_union_variant_holds_a_formatted_timestamp() {
    use botocore::mediapackagev2::{
        CreateOriginEndpointRequest, DashAvailabilityStartTimeConfiguration,
    };
    let document = r#"{"ChannelGroupName": "g", "ChannelName": "c", "OriginEndpointName": "e",
        "ContainerType": "CMAF", "DashManifests": [{"ManifestName": "m",
        "AvailabilityStartTimeConfiguration": {"FixedAvailabilityStartTime": "2024-06-01T10:00:00Z"}}]}"#;
    let request: CreateOriginEndpointRequest = serde_json::from_str(document).unwrap();
    assert!(aws_constraints::Validate::validate(&request).is_ok());
    let manifest = &request.dash_manifests.as_ref().unwrap()[0];
    let Some(DashAvailabilityStartTimeConfiguration::FixedAvailabilityStartTime(start)) =
        &manifest.availability_start_time_configuration
    else {
        panic!("the variant is read");
    };
    let written = serde_json::to_value(&request).unwrap();
    assert_eq!(
        written["DashManifests"][0]["AvailabilityStartTimeConfiguration"]
            ["FixedAvailabilityStartTime"],
        "2024-06-01T10:00:00Z",
        "{start:?}"
    );
}
