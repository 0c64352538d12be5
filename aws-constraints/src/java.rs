//! What AWS's services do because they are written in Java, reproduced: `Double.toString`
//! and `Float.toString` (how a number is echoed and a bound printed), `String.hashCode` and
//! the bucket order of a `java.util.HashMap` (how a map is echoed and how violations are
//! ordered). A leaf: it knows nothing of validation.

use std::fmt::Write;

/// The bucket mask of the table a `java.util.HashMap` has after `len` insertions: 16
/// buckets, doubled whenever the size passes three quarters of them.
pub(crate) fn java_table_mask(len: usize) -> u32 {
    let mut buckets: usize = 16;
    while len > buckets / 4 * 3 {
        buckets *= 2;
    }
    (buckets - 1) as u32
}

/// `String.hashCode()` (over UTF-16 code units) spread as `HashMap.hash` spreads it.
pub(crate) fn java_spread_hash(key: &str) -> u32 {
    let mut h: u32 = 0;
    for unit in key.encode_utf16() {
        h = h.wrapping_mul(31).wrapping_add(u32::from(unit));
    }
    h ^ (h >> 16)
}

/// A double as Java's `Double.toString` writes it (JDK 19 and later, which fixed the
/// older JDKs' occasional extra digits): the shortest digits that round-trip, or the
/// closest two when one would do (so `Double.MIN_VALUE` is `4.9E-324`), plain with at least
/// one fractional digit for magnitudes in `[10^-3, 10^7)`, computerized scientific notation
/// (`1.0E10`, `1.5E-5`) otherwise; `NaN`, `Infinity`, `-Infinity`.
///
/// ```
/// use aws_constraints::java::java_double;
///
/// assert_eq!(java_double(1.0), "1.0");
/// assert_eq!(java_double(-2.0), "-2.0");
/// assert_eq!(java_double(0.001), "0.001");
/// assert_eq!(java_double(1.0e7), "1.0E7");
/// assert_eq!(java_double(1.5e-5), "1.5E-5");
/// assert_eq!(java_double(f64::NEG_INFINITY), "-Infinity");
/// assert_eq!(java_double(f64::MAX), "1.7976931348623157E308");
/// ```
pub fn java_double(x: f64) -> String {
    java_decimal(
        x,
        || format!("{:e}", x.abs()),
        || format!("{:.1e}", x.abs()),
    )
}

/// A float as Java's `Float.toString` writes it: as [`java_double`], with the shortest
/// digits of the `f32` (`1.6f32` is `1.6`, not `1.600000023841858`).
///
/// ```
/// assert_eq!(aws_constraints::java::java_float(1.6), "1.6");
/// assert_eq!(aws_constraints::java::java_float(1.0e10), "1.0E10");
/// ```
pub fn java_float(x: f32) -> String {
    java_decimal(
        f64::from(x),
        || format!("{:e}", x.abs()),
        || format!("{:.1e}", x.abs()),
    )
}

/// Java's decimal layout of `x`, from its shortest scientific digits and, when those are one
/// digit, its closest two.
fn java_decimal(
    x: f64,
    shortest: impl FnOnce() -> String,
    two_digits: impl FnOnce() -> String,
) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `d.ddddde<exp>`.
    let mut scientific = shortest();
    if !scientific.contains('.') {
        scientific = two_digits();
    }
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if (-3..7).contains(&exponent) {
        let point = exponent + 1;
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(&digits);
        } else {
            let point = point as usize;
            let (whole, fraction) = if digits.len() > point {
                (&digits[..point], &digits[point..])
            } else {
                (digits.as_str(), "")
            };
            out.push_str(whole);
            out.extend(std::iter::repeat_n('0', point.saturating_sub(digits.len())));
            out.push('.');
            out.push_str(if fraction.is_empty() { "0" } else { fraction });
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        out.push('.');
        out.push_str(if rest.is_empty() { "0" } else { rest });
        let _ = write!(out, "E{exponent}");
    }
    out
}

/// A member's name as AWS's Java services name it, in messages' paths and in the fields of
/// echoed objects: its first letter in lower case.
pub(crate) fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_as_java_prints_them() {
        for (x, java) in [
            (1.5, "1.5"),
            (100.0, "100.0"),
            (1234567.0, "1234567.0"),
            (0.1, "0.1"),
            (0.00123, "0.00123"),
            (0.000123, "1.23E-4"),
            (12345678.9, "1.23456789E7"),
            (1e21, "1.0E21"),
            (-0.0, "-0.0"),
            (5e-324, "4.9E-324"),
        ] {
            assert_eq!(java_double(x), java, "{x}");
        }
    }
}
