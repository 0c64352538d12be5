//! Smithy's `bigDecimal` and `bigInteger`: exact decimal numbers of any size, compared with
//! `#[range]` bounds without rounding and echoed as Java's `BigDecimal` and `BigInteger`
//! print them.
//!
//! Reading a number exactly from JSON needs its text, which `serde_json` keeps only with
//! its `arbitrary_precision` feature: this crate's `arbitrary-precision` feature turns it
//! on. Without it, only integers that fit in 64 bits are read (exactly); any other number
//! is refused with an error naming the feature, never rounded.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::report::Number;
use crate::rules::{EchoText, Numeric};

/// An exact decimal number of any size and precision (Smithy's `bigDecimal`).
///
/// It keeps the scale it was written with (`1.50` stays `1.50`, as Java's `BigDecimal`
/// does), compares by value (`1.50 == 1.5`), and checks `#[range]` exactly.
///
/// ```
/// use aws_constraints::{BigDecimal, Validate};
///
/// #[derive(Validate, serde::Deserialize)]
/// struct Quote {
///     #[range(max = 0.1)]
///     price: BigDecimal,
/// }
///
/// let price: BigDecimal = "0.1000000000000000000001".parse().unwrap();
/// let quote = Quote { price };
/// assert_eq!(
///     quote.validate().unwrap_err().to_string(),
///     "1 validation error detected: Value '0.1000000000000000000001' at 'price' failed to \
///      satisfy constraint: Member must have value less than or equal to 0.1"
/// );
/// assert!(Quote { price: "0.1000".parse().unwrap() }.validate().is_ok());
/// ```
#[derive(Clone)]
pub struct BigDecimal {
    negative: bool,
    /// The unscaled value's decimal digits, without leading zeros (`"0"` for zero).
    digits: String,
    /// The value is `digits × 10^-scale`, as Java's `BigDecimal` keeps it.
    scale: i64,
}

/// An exact integer of any size (Smithy's `bigInteger`).
///
/// ```
/// use aws_constraints::{BigInteger, Validate};
///
/// #[derive(Validate, serde::Deserialize)]
/// struct Counter {
///     #[range(min = 0, max = 18446744073709551615)]
///     value: BigInteger,
/// }
///
/// let over: BigInteger = "18446744073709551616".parse().unwrap();
/// assert!(Counter { value: over }.validate().is_err());
/// assert!("1.5".parse::<BigInteger>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BigInteger(BigDecimal);

/// Text that is not a number, or not an integer where one is needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigNumberError {
    message: String,
}

impl fmt::Display for BigNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BigNumberError {}

fn invalid(text: &str, what: &str) -> BigNumberError {
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    BigNumberError {
        message: format!("{shown:?} is not {what}"),
    }
}

impl FromStr for BigDecimal {
    type Err = BigNumberError;

    /// Reads a JSON number (`-12.5e3`; a leading `+` as Java allows it).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let not_a_number = || invalid(text, "a decimal number");
        let (negative, rest) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = match mantissa.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (mantissa, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        // JSON's grammar: digits before the point, and after it when there is one.
        if whole.is_empty()
            || mantissa.ends_with('.')
            || !all_digits(whole)
            || !all_digits(fraction)
        {
            return Err(not_a_number());
        }
        let exponent: i64 = match exponent {
            None => 0,
            Some(e) => {
                let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                if digits.is_empty() || !all_digits(digits) {
                    return Err(not_a_number());
                }
                e.parse()
                    .map_err(|_| invalid(text, "a number with an exponent that fits in 64 bits"))?
            }
        };
        // Java's `BigDecimal` keeps its scale in 32 bits; so does this one, which keeps the
        // arithmetic on scales and digit counts far from overflow.
        let scale = i64::try_from(fraction.len())
            .ok()
            .and_then(|f| f.checked_sub(exponent))
            .filter(|scale| i32::try_from(*scale).is_ok())
            .ok_or_else(|| invalid(text, "a number whose scale fits in 32 bits, as Java's"))?;
        let mut digits: String = whole.chars().chain(fraction.chars()).collect();
        let leading = digits.bytes().take_while(|&b| b == b'0').count();
        digits.drain(..leading.min(digits.len() - 1));
        Ok(BigDecimal {
            negative: negative && digits != "0",
            digits,
            scale,
        })
    }
}

impl BigDecimal {
    /// A whole value with scale 0 (its digits as Java's `BigInteger` prints them).
    fn to_integer(&self) -> BigDecimal {
        let mut digits = self.digits.clone();
        if self.scale < 0 {
            digits.extend(std::iter::repeat_n('0', self.scale.unsigned_abs() as usize));
        } else {
            // A whole value's fraction digits are zeros (or all of a zero's digits).
            digits.truncate(digits.len().saturating_sub(self.scale as usize));
            if digits.is_empty() {
                digits.push('0');
            }
        }
        BigDecimal {
            negative: self.negative && digits != "0",
            digits,
            scale: 0,
        }
    }

    /// The digits without trailing zeros and the exponent of the first: the value is
    /// `0.d1d2.. × 10^(exponent + 1)`. `None` for zero.
    fn normalized(&self) -> Option<(&str, i64)> {
        if self.digits == "0" {
            return None;
        }
        let significant = self.digits.trim_end_matches('0');
        let adjusted = self.digits.len() as i64 - 1 - self.scale;
        Some((significant, adjusted))
    }

    fn cmp_magnitude(&self, other: &Self) -> Ordering {
        match (self.normalized(), other.normalized()) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some((a, ea)), Some((b, eb))) => ea.cmp(&eb).then_with(|| {
                // Same exponent: compare the digits left-aligned, a missing one being 0.
                let (a, b) = (a.as_bytes(), b.as_bytes());
                (0..a.len().max(b.len()))
                    .map(|i| a.get(i).unwrap_or(&b'0').cmp(b.get(i).unwrap_or(&b'0')))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            }),
        }
    }

    /// Whether the value is a whole number.
    fn is_integer(&self) -> bool {
        self.scale <= 0
            || self
                .normalized()
                .is_none_or(|(d, e)| (d.len() as i64) <= e + 1)
    }

    /// Compares with a `#[range]` bound exactly: an integer bound as it is, a float bound as
    /// the shortest decimal that is that float (the literal written, up to 15 significant
    /// digits).
    pub(crate) fn cmp_bound(&self, bound: &Number) -> Option<Ordering> {
        let bound: BigDecimal = match *bound {
            Number::Int(i) => i.to_string().parse().ok()?,
            Number::BigUint(u) => u.to_string().parse().ok()?,
            Number::Float(x) if x.is_finite() => format!("{x:e}").parse().ok()?,
            Number::Float32(x) if x.is_finite() => format!("{x:e}").parse().ok()?,
            _ => return None,
        };
        Some(self.cmp(&bound))
    }

    /// As Java's `BigDecimal.toString()` writes it: plain when the scale is not negative
    /// and the exponent at least -6 (`1.50`, `0.000001`), else scientific (`1E+3`, `1.5E-7`).
    fn write_java(&self, out: &mut String) {
        if self.negative {
            out.push('-');
        }
        let n = self.digits.len() as i64;
        let adjusted = n - 1 - self.scale;
        if self.scale == 0 {
            out.push_str(&self.digits);
        } else if self.scale > 0 && adjusted >= -6 {
            if n > self.scale {
                let point = (n - self.scale) as usize;
                out.push_str(&self.digits[..point]);
                out.push('.');
                out.push_str(&self.digits[point..]);
            } else {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', (self.scale - n) as usize));
                out.push_str(&self.digits);
            }
        } else {
            out.push_str(&self.digits[..1]);
            if n > 1 {
                out.push('.');
                out.push_str(&self.digits[1..]);
            }
            out.push('E');
            if adjusted > 0 {
                out.push('+');
            }
            out.push_str(&adjusted.to_string());
        }
    }
}

impl PartialEq for BigDecimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for BigDecimal {}

impl PartialOrd for BigDecimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigDecimal {
    /// By value, as Java's `compareTo` (`1.50` equals `1.5`).
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl std::hash::Hash for BigDecimal {
    /// Consistent with `Eq`: equal values hash alike whatever their scale.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.negative.hash(state);
        self.normalized().hash(state);
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_java(&mut out);
        f.write_str(&out)
    }
}

impl fmt::Debug for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BigDecimal({self})")
    }
}

/// The most digits a [`BigInteger`] is written out with.
const MAX_INTEGER_DIGITS: i64 = 100_000;

impl FromStr for BigInteger {
    type Err = BigNumberError;

    /// Reads a JSON number whose value is whole (`12`, `1.2e3`), kept as its digits.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let decimal: BigDecimal = text.parse()?;
        if !decimal.is_integer() {
            return Err(invalid(text, "an integer"));
        }
        // Its digits are written out, so a short text (`1e999999999`) must not ask for
        // a gigabyte of them.
        let written = decimal.digits.len() as i64 - decimal.scale;
        if written > MAX_INTEGER_DIGITS {
            return Err(invalid(text, "an integer of at most 100,000 digits"));
        }
        Ok(BigInteger(decimal.to_integer()))
    }
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BigInteger({})", self.0)
    }
}

/// The text of a JSON number, exactly as sent when `serde_json` keeps it.
fn number_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let number = serde_json::Number::deserialize(deserializer)?;
    if cfg!(not(feature = "arbitrary-precision")) && number.is_f64() {
        return Err(D::Error::custom(format_args!(
            "the number {number} cannot be read exactly: a bigDecimal or bigInteger member reads \
             only integers that fit in 64 bits unless aws-constraints' `arbitrary-precision` \
             feature is on"
        )));
    }
    Ok(number.to_string())
}

/// Writes the number as a JSON number: exactly with `arbitrary-precision`, else as an
/// integer of 64 bits or a double that is exactly the value, and an error otherwise.
fn serialize_number<S: Serializer>(value: &BigDecimal, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    let text = value.to_string();
    if cfg!(feature = "arbitrary-precision") {
        let number: serde_json::Number = text.parse().map_err(S::Error::custom)?;
        return number.serialize(serializer);
    }
    // Only a value of at most 20 digits can be a 64-bit integer: nothing longer is written out.
    if value.scale <= 0 && value.digits.len() as i64 - value.scale <= 20 {
        let plain = value.to_integer().to_string();
        if let Ok(i) = plain.parse::<i64>() {
            return serializer.serialize_i64(i);
        }
        if let Ok(u) = plain.parse::<u64>() {
            return serializer.serialize_u64(u);
        }
    }
    match text.parse::<f64>() {
        Ok(x)
            if x.is_finite()
                && format!("{x:e}").parse::<BigDecimal>().ok().as_ref() == Some(value) =>
        {
            serializer.serialize_f64(x)
        }
        _ => Err(S::Error::custom(format_args!(
            "{text} cannot be written exactly as a JSON number without aws-constraints' \
             `arbitrary-precision` feature"
        ))),
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        number_text(deserializer)?.parse().map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for BigInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        number_text(deserializer)?.parse().map_err(D::Error::custom)
    }
}

impl Serialize for BigDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number(self, serializer)
    }
}

impl Serialize for BigInteger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number(&self.0, serializer)
    }
}

impl EchoText for BigDecimal {
    fn write_echo(&self, out: &mut String) {
        self.write_java(out);
    }
}

impl EchoText for BigInteger {
    fn write_echo(&self, out: &mut String) {
        self.0.write_java(out);
    }
}

impl Numeric for BigDecimal {
    fn to_number(&self) -> Option<Number> {
        None
    }

    fn exact(&self) -> Option<&BigDecimal> {
        Some(self)
    }
}

impl Numeric for BigInteger {
    fn to_number(&self) -> Option<Number> {
        None
    }

    fn exact(&self) -> Option<&BigDecimal> {
        Some(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> BigDecimal {
        text.parse().unwrap()
    }

    #[test]
    fn prints_as_java_big_decimal() {
        for (text, java) in [
            ("1.50", "1.50"),
            ("-0.000001", "-0.000001"),
            ("0.0000001", "1E-7"),
            ("0.00000015", "1.5E-7"),
            ("1e3", "1E+3"),
            ("12.5e1", "125"),
            ("1.25e1", "12.5"),
            ("-0", "0"),
            ("007", "7"),
            ("0.00", "0.00"),
            (
                "123456789012345678901234567890",
                "123456789012345678901234567890",
            ),
        ] {
            assert_eq!(d(text).to_string(), java, "{text}");
        }
    }

    #[test]
    fn compares_by_value_exactly() {
        assert_eq!(d("1.50"), d("1.5"));
        assert_eq!(d("0"), d("-0.000"));
        assert!(d("0.1000000000000000000001") > d("0.1"));
        assert!(d("-2") < d("-1.9999999999999999999999"));
        assert!(d("1e400") > d("9".repeat(399).as_str()));
        assert_eq!(d("12"), d("1.2e1"));
        let bound = Number::Float(0.1);
        assert_eq!(d("0.1").cmp_bound(&bound), Some(Ordering::Equal));
        assert_eq!(
            d("0.10000000000000000001").cmp_bound(&bound),
            Some(Ordering::Greater)
        );
        assert_eq!(
            d("170141183460469231731687303715884105728").cmp_bound(&Number::Int(i128::MAX)),
            Some(Ordering::Greater)
        );
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for text in [
            "",
            "-",
            ".",
            "1.",
            "1e",
            "1e+",
            "0x10",
            "1,5",
            "NaN",
            "Infinity",
            " 1",
            "1e99999999999999999999",
        ] {
            assert!(text.parse::<BigDecimal>().is_err(), "{text:?}");
        }
        assert!(".5".parse::<BigDecimal>().is_err());
        assert_eq!("1.0e1".parse::<BigInteger>().unwrap().to_string(), "10");
        assert_eq!("-0.0".parse::<BigInteger>().unwrap().to_string(), "0");
        assert!("1.5".parse::<BigInteger>().is_err());
        // Zero with more fraction digits than digits, and an exponent too large to write out.
        assert_eq!("0.000".parse::<BigInteger>().unwrap().to_string(), "0");
        assert_eq!("-0.00e1".parse::<BigInteger>().unwrap().to_string(), "0");
        assert!("1e999999999".parse::<BigInteger>().is_err());
        assert!("1e99999".parse::<BigInteger>().is_ok());
        assert!("10e9223372036854775807".parse::<BigDecimal>().is_err());
        assert!("1e2147483649".parse::<BigDecimal>().is_err());
        assert_eq!(d("1e2147483647").to_string(), "1E+2147483647");
    }
}
