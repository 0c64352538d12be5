//! Two real AWS inputs declared from AWS's own Smithy models: DynamoDB `PutItem`, with the
//! recursive `AttributeValue` union, and KMS `Encrypt`, with its sensitive blob, its
//! encryption-context map and an enum. Run with
//! `cargo run -p tests --example put_item_and_encrypt`; `tests/tests/worked_example.rs`
//! checks them against messages the two services returned.

use std::collections::HashMap;

use aws_constraints::{string_enum, Blob, Validate, Validated};
use serde::Deserialize;

/// DynamoDB `PutItemInput` (the members validation concerns).
#[derive(Debug, Validate, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutItemInput {
    /// `TableArn`: a name or an ARN.
    #[required]
    #[len(1, 1024)]
    pub table_name: Option<String>,
    /// `PutItemInputAttributeMap`: attribute names (`AttributeName`, up to 65535) to values.
    #[required]
    #[keys(len(0, 65535))]
    #[nested]
    pub item: Option<HashMap<String, AttributeValue>>,
    #[nested]
    pub return_values: Option<ReturnValue>,
    pub condition_expression: Option<String>,
}

/// DynamoDB's `AttributeValue`: a union, recursive through `M` and `L`.
#[derive(Debug, Validate, Deserialize)]
pub enum AttributeValue {
    S(String),
    N(String),
    B(Blob),
    #[serde(rename = "SS")]
    Ss(Vec<String>),
    #[serde(rename = "NS")]
    Ns(Vec<String>),
    #[serde(rename = "BS")]
    Bs(Vec<Blob>),
    #[keys(len(0, 65535))]
    #[nested]
    M(HashMap<String, AttributeValue>),
    #[nested]
    L(Vec<AttributeValue>),
    #[serde(rename = "NULL")]
    Null(bool),
    #[serde(rename = "BOOL")]
    Bool(bool),
}

string_enum! {
    /// DynamoDB's `ReturnValue`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum ReturnValue {
        None = "NONE",
        AllOld = "ALL_OLD",
        UpdatedOld = "UPDATED_OLD",
        AllNew = "ALL_NEW",
        UpdatedNew = "UPDATED_NEW",
        ..Unknown
    }
}

/// KMS `EncryptRequest`.
#[derive(Debug, Validate, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EncryptRequest {
    /// `KeyIdType`.
    #[required]
    #[len(1, 2048)]
    pub key_id: Option<String>,
    /// `PlaintextType`: a sensitive blob of 1 to 4096 bytes.
    #[required]
    #[len(1, 4096)]
    #[sensitive]
    pub plaintext: Option<Blob>,
    /// `EncryptionContextType`: no constraints on its strings.
    pub encryption_context: Option<HashMap<String, String>>,
    /// `GrantTokenList`.
    #[len(0, 10)]
    #[each(len(1, 8192))]
    pub grant_tokens: Option<Vec<String>>,
    #[nested]
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    pub dry_run: Option<bool>,
}

string_enum! {
    /// KMS's `EncryptionAlgorithmSpec`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum EncryptionAlgorithmSpec {
        SymmetricDefault = "SYMMETRIC_DEFAULT",
        RsaesOaepSha1 = "RSAES_OAEP_SHA_1",
        RsaesOaepSha256 = "RSAES_OAEP_SHA_256",
        Sm2pke = "SM2PKE",
        ..Unknown
    }
}

fn main() {
    let documents = [
        r#"{"TableName": "orders", "Item": {"pk": {"S": "1"}, "lines": {"L": [{"M": {"sku": {"S": "a"}}}]}}}"#,
        r#"{"TableName": "orders"}"#,
    ];
    for document in documents {
        match Validated::<PutItemInput>::from_json(document) {
            Ok(_) => println!("PutItem: valid"),
            Err(e) => println!("PutItem: {e}"),
        }
    }
    let plaintext = "A".repeat(5464); // 4098 bytes, base64-encoded
    let document = format!(r#"{{"KeyId": "alias/app", "Plaintext": "{plaintext}"}}"#);
    match Validated::<EncryptRequest>::from_json(&document) {
        Ok(_) => println!("Encrypt: valid"),
        Err(e) => println!("Encrypt: {e}"),
    }
}
