//! The worked example (`examples/put_item_and_encrypt.rs`) against messages DynamoDB and
//! KMS returned.

#[allow(dead_code)]
#[path = "../../examples/put_item_and_encrypt.rs"]
mod example;

use aws_constraints::{InputError, Validate, Validated};
use example::{AttributeValue, EncryptRequest, PutItemInput};

fn aws_message<T: Validate + serde::de::DeserializeOwned>(document: &str) -> String {
    match Validated::<T>::from_json(document) {
        Err(InputError::Invalid(errors)) => errors.to_string(),
        other => panic!("expected violations, got {:?}", other.map(|_| ()).err()),
    }
}

/// DynamoDB `PutItem` without an item, as a DynamoDB client library's tests record the
/// service ("# Real DynamoDB": `1 validation error detected: Value null at 'item' failed to
/// satisfy constraint: Member must not be null`).
#[test]
fn put_item_without_an_item() {
    assert_eq!(
        aws_message::<PutItemInput>(r#"{"TableName": "orders"}"#),
        "1 validation error detected: Value null at 'item' failed to satisfy constraint: \
         Member must not be null"
    );
}

#[test]
fn put_item_recursive_values() {
    let valid = r#"{"TableName": "orders", "Item": {
        "pk": {"S": "1"}, "n": {"N": "1.5"}, "b": {"B": "aGk="}, "flag": {"BOOL": true},
        "lines": {"L": [{"M": {"sku": {"S": "a"}, "tags": {"SS": ["x", "y"]}}}, {"NULL": true}]}
    }}"#;
    let request = Validated::<PutItemInput>::from_json(valid).unwrap();
    let item = request.item.as_ref().unwrap();
    assert!(matches!(&item["lines"], AttributeValue::L(list) if list.len() == 2));
    // A violation deep inside is reported at its path, through the union's members.
    let bad = r#"{"TableName": "", "Item": {"lines": {"L": [{"M": {"x": {"S": "a"}}}]}},
                  "ReturnValues": "EVERYTHING"}"#;
    assert_eq!(
        aws_message::<PutItemInput>(bad),
        "2 validation errors detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy \
         constraint: Member must satisfy enum value set: [NONE, ALL_OLD, UPDATED_OLD, \
         ALL_NEW, UPDATED_NEW]; Value '' at 'tableName' failed to satisfy constraint: Member \
         must have length greater than or equal to 1"
    );
}

/// KMS `Encrypt` over its 4096-byte limit, as the AWS CLI printed it in a public lab
/// ("An error occurred (ValidationException) when calling the Encrypt operation: 1
/// validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must
/// have length less than or equal to 4096"), and with an empty plaintext, as LocalStack's
/// AWS-verified test records it.
#[test]
fn encrypt_plaintext_limits() {
    let plaintext = |bytes: usize| {
        let data = aws_constraints::Blob(vec![b'x'; bytes]);
        serde_json::to_string(&data).unwrap()
    };
    let document = |bytes| {
        format!(
            r#"{{"KeyId": "alias/app", "Plaintext": {}}}"#,
            plaintext(bytes)
        )
    };
    assert_eq!(
        aws_message::<EncryptRequest>(&document(4097)),
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: \
         Member must have length less than or equal to 4096"
    );
    assert_eq!(
        aws_message::<EncryptRequest>(&document(0)),
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: \
         Member must have length greater than or equal to 1"
    );
    assert!(Validated::<EncryptRequest>::from_json(&document(4096)).is_ok());
    assert!(Validated::<EncryptRequest>::from_json(&document(1)).is_ok());
}

#[test]
fn encrypt_context_tokens_and_algorithm() {
    let document = r#"{"KeyId": "k", "Plaintext": "aGk=", "EncryptionContext": {"tenant": "t-42"},
        "GrantTokens": ["", "g"], "EncryptionAlgorithm": "ROT13"}"#;
    assert_eq!(
        aws_message::<EncryptRequest>(document),
        "2 validation errors detected: Value '[, g]' at 'grantTokens' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must have length less than or \
         equal to 8192, Member must have length greater than or equal to 1]; Value 'ROT13' at \
         'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value \
         set: [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]"
    );
}
