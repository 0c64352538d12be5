//! [`Blob`]: AWS's binary shape, base64 on the JSON wire.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::echo::EchoText;
use crate::traits::HasLength;

/// Bytes, as AWS's `blob` shape: base64 (RFC 4648, with padding) in JSON documents,
/// counted in bytes by `#[len]`.
///
/// AWS services echo a blob as the Java `ByteBuffer` they hold it in, which is what its
/// violations echo too (Kinesis: `Value 'java.nio.HeapByteBuffer[pos=0 lim=1048954
/// cap=1048954]' at 'data' failed to satisfy constraint: Member must have length less than
/// or equal to 1048576`). Malformed base64 is a deserialization error, never a panic.
///
/// ```
/// use aws_constraints::{Blob, Validate};
///
/// #[derive(Validate, serde::Deserialize)]
/// struct PutRecordInput {
///     #[serde(rename = "Data")]
///     #[required]
///     #[len(0, 4)]
///     data: Option<Blob>,
/// }
///
/// let input: PutRecordInput = serde_json::from_str(r#"{"Data": "aGVsbG8="}"#).unwrap();
/// assert_eq!(input.data.as_deref(), Some(&b"hello"[..]));
/// assert_eq!(
///     input.validate().unwrap_err().to_string(),
///     "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=5 cap=5]' at \
///      'data' failed to satisfy constraint: Member must have length less than or equal to 4"
/// );
/// assert!(serde_json::from_str::<PutRecordInput>(r#"{"Data": "a*=="}"#).is_err());
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Blob(pub Vec<u8>);

impl Blob {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl std::ops::Deref for Blob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Blob {
    /// The length only: a blob is often a secret or large.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl HasLength for Blob {
    #[inline]
    fn check_length(&self, min: u64, max: u64) -> Result<(), u64> {
        let len = self.0.len() as u64;
        if len >= min && len <= max {
            Ok(())
        } else {
            Err(len)
        }
    }
}

impl EchoText for Blob {
    fn write_echo(&self, out: &mut String) {
        use std::fmt::Write;
        let n = self.0.len();
        let _ = write!(out, "java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]");
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Why a text is not base64.
#[derive(Debug)]
struct Malformed(String);

/// Standard base64; padding required, as AWS's JSON protocols send it.
fn decode(text: &str) -> Result<Vec<u8>, Malformed> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return Err(Malformed(format!(
            "invalid base64: length {} is not a multiple of 4",
            bytes.len()
        )));
    }
    let value = |i: usize, b: u8| -> Result<u32, Malformed> {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => {
                return Err(Malformed(format!(
                    "invalid base64: byte {i} is not a base64 digit"
                )))
            }
        };
        Ok(u32::from(v))
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (q, quad) in bytes.chunks_exact(4).enumerate() {
        let last = q + 1 == quads;
        let padding = if last {
            quad.iter().rev().take_while(|&&b| b == b'=').count()
        } else {
            0
        };
        if padding > 2 {
            return Err(Malformed(format!(
                "invalid base64: too much padding at byte {}",
                q * 4
            )));
        }
        let mut n = 0u32;
        for (k, &b) in quad.iter().enumerate() {
            let digit = if k >= 4 - padding {
                0
            } else {
                value(q * 4 + k, b)?
            };
            n = n << 6 | digit;
        }
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - padding]);
    }
    Ok(out)
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        decode(&text)
            .map(Blob)
            .map_err(|Malformed(why)| serde::de::Error::custom(why))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for bytes in [&b""[..], b"h", b"he", b"hel", b"hello", &[0, 255, 128, 7]] {
            assert_eq!(decode(&encode(bytes)).unwrap(), bytes);
        }
        assert_eq!(encode(b"hello"), "aGVsbG8=");
    }

    #[test]
    fn malformed_base64_is_an_error_not_a_panic() {
        for text in ["a", "ab=", "a*==", "====", "ab=c", "abc=abcd"] {
            assert!(decode(text).is_err(), "{text}");
        }
    }
}
