//! With the `arbitrary-precision` feature, big numbers read and write any JSON number
//! exactly. Run: `cargo test -p aws-constraints --features arbitrary-precision`.
#![cfg(feature = "arbitrary-precision")]

use aws_constraints::{BigDecimal, BigInteger, Validate};

#[derive(Validate, serde::Serialize, serde::Deserialize)]
struct Reading {
    #[range(max = 0.1)]
    value: BigDecimal,
    #[range(min = 0)]
    count: Option<BigInteger>,
}

#[test]
fn any_json_number_is_read_and_written_exactly() {
    let json =
        r#"{"value":0.10000000000000000000001,"count":340282366920938463463374607431768211456}"#;
    let reading: Reading = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&reading).unwrap(), json);
    assert_eq!(
        reading.validate().unwrap_err().to_string(),
        "1 validation error detected: Value '0.10000000000000000000001' at 'value' failed to \
         satisfy constraint: Member must have value less than or equal to 0.1"
    );
    let scaled: Reading = serde_json::from_str(r#"{"value": 1.50e-1}"#).unwrap();
    assert_eq!(scaled.value.to_string(), "0.150");
    let error = serde_json::from_str::<Reading>(r#"{"value": 0, "count": 1.5}"#)
        .err()
        .unwrap();
    assert!(error.to_string().contains("is not an integer"), "{error}");
}
