//! The input shapes of the official Smithy restJson1 validation protocol tests
//! (`tests/smithy/*.smithy`), transcribed with the DSL. Member-level constraints that
//! override a target shape's are written as the effective constraint.

use std::collections::HashMap;

use aws_constraints::{rules::HasLength, Validate};
use serde::{Deserialize, Deserializer};

/// A Smithy blob: base64 in JSON; its length counts bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Blob(pub Vec<u8>);

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        decode_base64(&text)
            .map(Blob)
            .ok_or_else(|| serde::de::Error::custom("invalid base64"))
    }
}

impl HasLength for Blob {
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        self.0.check_length(min, max)
    }
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= u32::from(value(c)?) << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

/// A Smithy timestamp in epoch seconds, compared by its exact bits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EpochSeconds(u64);

impl<'de> Deserialize<'de> for EpochSeconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(EpochSeconds(f64::deserialize(deserializer)?.to_bits()))
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedLengthInput {
    #[len(2, 8)]
    pub blob: Option<Blob>,
    #[len(2, 8)]
    pub string: Option<String>,
    #[len(min = 2)]
    pub min_string: Option<String>,
    #[len(max = 8)]
    pub max_string: Option<String>,
    #[nested]
    pub list: Option<LengthList>,
    #[len(2, 8)]
    #[keys(len(2, 8))]
    #[nested]
    pub map: Option<HashMap<String, LengthList>>,
}

/// `@length(min: 2, max: 8) list LengthList { member: LengthString }`.
#[derive(Debug, Deserialize, Validate)]
#[serde(transparent)]
pub struct LengthList {
    #[len(2, 8)]
    #[each(len(2, 8))]
    pub items: Vec<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedLengthOverrideInput {
    #[len(4, 6)]
    pub blob: Option<Blob>,
    #[len(4, 6)]
    pub string: Option<String>,
    #[len(min = 4)]
    pub min_string: Option<String>,
    #[len(max = 6)]
    pub max_string: Option<String>,
    #[len(4, 6)]
    #[each(len(2, 8))]
    pub list: Option<Vec<String>>,
    #[len(4, 6)]
    #[keys(len(2, 8))]
    #[nested]
    pub map: Option<HashMap<String, LengthList>>,
}

#[derive(Debug, Deserialize, Validate)]
pub struct MalformedLengthQueryStringInput {
    #[len(2, 8)]
    pub string: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedEnumInput {
    #[one_of("abc", "def", internal("ghi"), "jkl")]
    pub string: Option<String>,
    #[one_of("abc", "def", internal("ghi"))]
    pub string_with_enum_trait: Option<String>,
    #[each(one_of("abc", "def", internal("ghi"), "jkl"))]
    pub list: Option<Vec<String>>,
    #[keys(one_of("abc", "def", internal("ghi"), "jkl"))]
    #[values(one_of("abc", "def", internal("ghi"), "jkl"))]
    pub map: Option<HashMap<String, String>>,
    #[nested]
    pub union: Option<EnumUnion>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub enum EnumUnion {
    #[one_of("abc", "def", internal("ghi"), "jkl")]
    First(String),
    #[one_of("abc", "def", internal("ghi"), "jkl")]
    Second(String),
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedPatternInput {
    #[pattern("^[a-m]+$")]
    pub string: Option<String>,
    #[pattern("^([0-9]+)+$")]
    pub evil_string: Option<String>,
    #[each(pattern("^[a-m]+$"))]
    pub list: Option<Vec<String>>,
    #[keys(pattern("^[a-m]+$"))]
    #[values(pattern("^[a-m]+$"))]
    pub map: Option<HashMap<String, String>>,
    #[nested]
    pub union: Option<PatternUnion>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub enum PatternUnion {
    #[pattern("^[a-m]+$")]
    First(String),
    #[pattern("^[a-m]+$")]
    Second(String),
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedPatternOverrideInput {
    #[pattern("^[g-m]+$")]
    pub string: Option<String>,
    #[each(pattern("^[g-m]+$"))]
    pub list: Option<Vec<String>>,
    #[keys(pattern("^[g-m]+$"))]
    #[values(pattern("^[g-m]+$"))]
    pub map: Option<HashMap<String, String>>,
    #[nested]
    pub union: Option<PatternUnionOverride>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub enum PatternUnionOverride {
    #[pattern("^[g-m]+$")]
    First(String),
    #[pattern("^[g-m]+$")]
    Second(String),
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedRangeInput {
    #[range(2, 8)]
    pub byte: Option<i8>,
    #[range(min = 2)]
    pub min_byte: Option<i8>,
    #[range(max = 8)]
    pub max_byte: Option<i8>,
    #[range(2, 8)]
    pub short: Option<i16>,
    #[range(min = 2)]
    pub min_short: Option<i16>,
    #[range(max = 8)]
    pub max_short: Option<i16>,
    #[range(2, 8)]
    pub integer: Option<i32>,
    #[range(min = 2)]
    pub min_integer: Option<i32>,
    #[range(max = 8)]
    pub max_integer: Option<i32>,
    #[range(2, 8)]
    pub long: Option<i64>,
    #[range(min = 2)]
    pub min_long: Option<i64>,
    #[range(max = 8)]
    pub max_long: Option<i64>,
    #[range(2.2, 8.8)]
    pub float: Option<f32>,
    #[range(min = 2.2)]
    pub min_float: Option<f32>,
    #[range(max = 8.8)]
    pub max_float: Option<f32>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedRangeOverrideInput {
    #[range(4, 6)]
    pub byte: Option<i8>,
    #[range(min = 4)]
    pub min_byte: Option<i8>,
    #[range(max = 6)]
    pub max_byte: Option<i8>,
    #[range(4, 6)]
    pub short: Option<i16>,
    #[range(min = 4)]
    pub min_short: Option<i16>,
    #[range(max = 6)]
    pub max_short: Option<i16>,
    #[range(4, 6)]
    pub integer: Option<i32>,
    #[range(min = 4)]
    pub min_integer: Option<i32>,
    #[range(max = 6)]
    pub max_integer: Option<i32>,
    #[range(4, 6)]
    pub long: Option<i64>,
    #[range(min = 4)]
    pub min_long: Option<i64>,
    #[range(max = 6)]
    pub max_long: Option<i64>,
    #[range(4.4, 6.6)]
    pub float: Option<f32>,
    #[range(min = 4.4)]
    pub min_float: Option<f32>,
    #[range(max = 6.6)]
    pub max_float: Option<f32>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedRequiredInput {
    #[required]
    pub string: Option<String>,
    /// Bound to the query string `stringInQuery`.
    #[required]
    pub string_in_query: Option<String>,
    /// Bound to the header `string-in-headers`.
    #[required]
    pub string_in_header: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct MalformedUniqueItemsInput {
    #[unique]
    pub blob_list: Option<Vec<Blob>>,
    #[unique]
    pub boolean_list: Option<Vec<bool>>,
    #[unique]
    pub string_list: Option<Vec<String>>,
    #[unique]
    pub byte_list: Option<Vec<i8>>,
    #[unique]
    pub short_list: Option<Vec<i16>>,
    #[unique]
    pub integer_list: Option<Vec<i32>>,
    #[unique]
    pub long_list: Option<Vec<i64>>,
    #[unique]
    pub timestamp_list: Option<Vec<EpochSeconds>>,
    #[unique]
    pub date_time_list: Option<Vec<String>>,
    #[unique]
    pub http_date_list: Option<Vec<String>>,
    #[unique]
    #[each(one_of("Foo", "Baz", "Bar", "1", "0"))]
    pub enum_list: Option<Vec<String>>,
    #[unique]
    pub int_enum_list: Option<Vec<i32>>,
    #[unique]
    pub list_list: Option<Vec<Vec<String>>>,
    #[unique]
    pub structure_list: Option<Vec<GreetingStruct>>,
    #[unique]
    #[nested]
    pub structure_list_with_no_key: Option<Vec<MissingKeyStructure>>,
    #[unique]
    pub union_list: Option<Vec<MyUnion>>,
}

#[derive(Debug, PartialEq, Eq, Hash, Deserialize)]
pub struct GreetingStruct {
    pub hi: Option<String>,
}

#[derive(Debug, PartialEq, Eq, Hash, Deserialize, Validate)]
pub struct MissingKeyStructure {
    #[required]
    pub hi: Option<String>,
}

#[derive(Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MyUnion {
    String(String),
    Integer(i32),
}

#[derive(Debug, Deserialize, Validate)]
pub struct SensitiveValidationInput {
    #[sensitive]
    #[pattern("^[a-m]+$")]
    pub string: Option<String>,
}
