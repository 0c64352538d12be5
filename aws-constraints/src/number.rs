//! Numbers for `#[range]`: integers kept exact, floats as `f64`, compared exactly across
//! the two.

use std::cmp::Ordering;
use std::fmt;

/// A number a `#[range]` bound or value can take.
///
/// Integers are never routed through `f64`, so `i64::MAX` compares exactly; an integer and
/// a float compare by their mathematical values. `NaN` is unordered, so it fails every
/// bound.
///
/// ```
/// use aws_constraints::report::Number;
///
/// assert!(Number::Int(i64::MAX as i128) > Number::Float(9.2e18));
/// assert!(Number::Int(2) < Number::Float(2.2));
/// assert_eq!(Number::Float(f64::NAN).partial_cmp(&Number::Int(0)), None);
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Number {
    Int(i128),
    /// A `u128` beyond `i128::MAX`.
    BigUint(u128),
    Float(f64),
    /// An `f32` member's value: compared with bounds rounded to `f32` and printed as Java
    /// prints a `float`, so that `0.1f32` is within `max = 0.1` and echoes as `0.1`.
    Float32(f32),
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (*self, *other) {
            // An `f32` compares with the other side rounded to `f32`.
            (Number::Float32(a), other) => a.partial_cmp(&(other.as_f64() as f32)),
            (other, Number::Float32(b)) => (other.as_f64() as f32).partial_cmp(&b),
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(&b),
            (Number::Int(a), Number::Float(b)) => cmp_int_float(a, b),
            (Number::Float(a), Number::Int(b)) => cmp_int_float(b, a).map(Ordering::reverse),
            (Number::BigUint(a), Number::BigUint(b)) => Some(a.cmp(&b)),
            (Number::BigUint(_), Number::Int(_)) => Some(Ordering::Greater),
            (Number::Int(_), Number::BigUint(_)) => Some(Ordering::Less),
            (Number::BigUint(a), Number::Float(b)) => cmp_big_float(a, b),
            (Number::Float(a), Number::BigUint(b)) => cmp_big_float(b, a).map(Ordering::reverse),
        }
    }
}

/// Compares a `u128` above `i128::MAX` (so at least 2^127) with a float, exactly.
fn cmp_big_float(big: u128, float: f64) -> Option<Ordering> {
    const TWO_127: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if float.is_nan() {
        return None;
    }
    if float < TWO_127 {
        return Some(Ordering::Greater);
    }
    if float >= TWO_127 * 2.0 {
        return Some(Ordering::Less);
    }
    // In [2^127, 2^128) a float is an integer that a u128 holds exactly.
    Some(big.cmp(&(float as u128)))
}

/// Compares an integer with a float by value, without rounding the integer.
fn cmp_int_float(int: i128, float: f64) -> Option<Ordering> {
    if float.is_nan() {
        return None;
    }
    // 2^127 is exactly representable; floats at or beyond it are outside i128.
    const LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if float >= LIMIT {
        return Some(Ordering::Less);
    }
    if float < -LIMIT {
        return Some(Ordering::Greater);
    }
    let whole = float.trunc();
    // In range and integral, so the cast is exact.
    let whole_int = whole as i128;
    Some(int.cmp(&whole_int).then_with(|| {
        let fraction = float - whole;
        0.0f64.partial_cmp(&fraction).unwrap_or(Ordering::Equal)
    }))
}

impl Number {
    /// The nearest `f64`.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::BigUint(u) => u as f64,
            Number::Float(x) => x,
            Number::Float32(x) => f64::from(x),
        }
    }
}

impl fmt::Display for Number {
    /// An integer in decimal; a float as Java prints a `double` (`1.0`, `1.0E10`), which is
    /// how AWS's messages print them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::BigUint(u) => write!(f, "{u}"),
            Number::Float(x) => f.write_str(&crate::java::java_double(*x)),
            Number::Float32(x) => f.write_str(&crate::java::java_float(*x)),
        }
    }
}

/// A value `#[range]` can check.
#[diagnostic::on_unimplemented(
    message = "`#[range]` cannot be applied to `{Self}`",
    label = "not a number",
    note = "`#[range]` applies to integers, floats, `BigInteger`, `BigDecimal` and `Option`s of them"
)]
pub trait Numeric {
    /// The value, or `None` when it is absent (an `Option` that is `None`) or a big number.
    fn to_number(&self) -> Option<Number>;

    /// The value when it is a big number, which no [`Number`] holds exactly.
    #[doc(hidden)]
    fn exact(&self) -> Option<&crate::BigDecimal> {
        None
    }
}

macro_rules! numeric {
    ($variant:ident as $wide:ty: $($t:ty),*) => {$(
        impl Numeric for $t {
            #[inline]
            fn to_number(&self) -> Option<Number> {
                Some(Number::$variant(<$wide>::from(*self)))
            }
        }
    )*};
}

numeric!(Int as i128: i8, i16, i32, i64, i128, u8, u16, u32, u64);
numeric!(Float as f64: f64);
numeric!(Float32 as f32: f32);

impl Numeric for u128 {
    #[inline]
    fn to_number(&self) -> Option<Number> {
        Some(match i128::try_from(*self) {
            Ok(i) => Number::Int(i),
            Err(_) => Number::BigUint(*self),
        })
    }
}

impl Numeric for isize {
    #[inline]
    fn to_number(&self) -> Option<Number> {
        // isize is at most 64 bits on every supported target.
        Some(Number::Int(*self as i128))
    }
}

impl Numeric for usize {
    #[inline]
    fn to_number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
}

impl<T: Numeric> Numeric for Option<T> {
    #[inline]
    fn to_number(&self) -> Option<Number> {
        self.as_ref().and_then(Numeric::to_number)
    }

    fn exact(&self) -> Option<&crate::BigDecimal> {
        self.as_ref().and_then(Numeric::exact)
    }
}

impl<T: Numeric + ?Sized> Numeric for &T {
    #[inline]
    fn to_number(&self) -> Option<Number> {
        (**self).to_number()
    }

    fn exact(&self) -> Option<&crate::BigDecimal> {
        (**self).exact()
    }
}
