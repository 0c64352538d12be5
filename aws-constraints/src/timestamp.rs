//! [`Timestamp`]: AWS's timestamp shape, in the three wire formats AWS protocols use.
//!
//! Smithy's `@timestampFormat` chooses the format per member, and protocols have defaults
//! (`epoch-seconds` in JSON bodies, `http-date` in headers, `date-time` in query strings and
//! XML). `Timestamp` (de)serializes as epoch seconds; a member in another format names its
//! module with `#[serde(with = "..")]`:
//!
//! ```
//! use aws_constraints::{timestamp, Timestamp};
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Window {
//!     start: Timestamp,
//!     #[serde(with = "timestamp::date_time")]
//!     end: Timestamp,
//!     #[serde(with = "timestamp::http_date")]
//!     modified: Timestamp,
//! }
//!
//! let window: Window = serde_json::from_str(
//!     r#"{"start": 1398796238.5, "end": "2014-04-29T18:30:38Z",
//!         "modified": "Tue, 29 Apr 2014 18:30:38 GMT"}"#,
//! )
//! .unwrap();
//! assert_eq!(window.end, window.modified);
//! assert_eq!(window.start.seconds(), 1398796238);
//! assert_eq!(
//!     serde_json::to_string(&window).unwrap(),
//!     r#"{"start":1398796238.5,"end":"2014-04-29T18:30:38Z","modified":"Tue, 29 Apr 2014 18:30:38 GMT"}"#
//! );
//! assert!(serde_json::from_str::<Window>(
//!     r#"{"start": 0, "end": "2014-02-30T00:00:00Z", "modified": "x"}"#
//! ).is_err());
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, to the nanosecond, between the years 0001 and 9999 (what every format can
/// carry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    seconds: i64,
    nanos: u32,
}

/// 0001-01-01T00:00:00Z.
const MIN_SECONDS: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z.
const MAX_SECONDS: i64 = 253_402_300_799;

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp {
        seconds: 0,
        nanos: 0,
    };

    /// The instant `seconds` (and `nanos`) after 1970-01-01T00:00:00Z; `None` outside the
    /// years 0001..=9999 or with `nanos` of a second or more.
    pub fn from_epoch(seconds: i64, nanos: u32) -> Option<Timestamp> {
        ((MIN_SECONDS..=MAX_SECONDS).contains(&seconds) && nanos < 1_000_000_000)
            .then_some(Timestamp { seconds, nanos })
    }

    /// Whole seconds since the epoch (rounded down).
    pub fn seconds(self) -> i64 {
        self.seconds
    }

    /// The fraction of the second, in nanoseconds.
    pub fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// Epoch seconds as AWS writes them: an integer, or a decimal with the fraction.
    pub fn to_epoch_seconds(self) -> f64 {
        self.seconds as f64 + f64::from(self.nanos) / 1e9
    }

    /// Parses fractional epoch seconds.
    pub fn from_epoch_seconds(value: f64) -> Result<Timestamp, TimestampError> {
        if !value.is_finite() {
            return Err(TimestampError::new("epoch seconds must be a finite number"));
        }
        let seconds = value.floor();
        // Millisecond precision is what AWS's formats carry; rounding to it keeps the
        // decimal a client wrote (1.1 is not exactly representable).
        let millis = ((value - seconds) * 1000.0).round() as u32;
        let (seconds, millis) = if millis == 1000 {
            (seconds + 1.0, 0)
        } else {
            (seconds, millis)
        };
        if seconds < MIN_SECONDS as f64 || seconds > MAX_SECONDS as f64 {
            return Err(TimestampError::new(
                "epoch seconds outside the years 0001 to 9999",
            ));
        }
        Ok(Timestamp {
            seconds: seconds as i64,
            nanos: millis * 1_000_000,
        })
    }

    /// RFC 3339 in UTC (`2014-04-29T18:30:38Z`, `2014-04-29T18:30:38.123Z`): Smithy's
    /// `date-time`, which has no UTC offset.
    pub fn parse_date_time(text: &str) -> Result<Timestamp, TimestampError> {
        let bad = || TimestampError::new(format!("not an RFC 3339 date-time: {text:?}"));
        let b = text.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
            return Err(bad());
        }
        if b[13] != b':' || b[16] != b':' {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| -> Result<i64, TimestampError> {
            let digits = text.get(range).ok_or_else(bad)?;
            if digits.bytes().all(|d| d.is_ascii_digit()) {
                digits.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        let mut rest = &text[19..];
        let mut nanos = 0u32;
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 9 {
                return Err(bad());
            }
            let value: u32 = fraction[..digits].parse().map_err(|_| bad())?;
            nanos = value * 10u32.pow(9 - digits as u32);
            rest = &fraction[digits..];
        }
        // Smithy's `date-time` is RFC 3339 "with no UTC offset": `Z` only (Smithy's protocol
        // tests reject `1996-12-19T16:39:57-08:00` in a body, a label and a query string).
        if !matches!(rest, "Z" | "z") {
            return Err(bad());
        }
        let seconds = civil_seconds(year, month, day, hour, minute, second).ok_or_else(bad)?;
        Timestamp::from_epoch(seconds, nanos).ok_or_else(bad)
    }

    /// RFC 3339 in UTC, as AWS writes it: `2014-04-29T18:30:38Z`, with milliseconds when
    /// there are any (`.500Z`).
    pub fn to_date_time(self) -> String {
        let (year, month, day, hour, minute, second) = civil(self.seconds);
        let mut out = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}");
        if self.nanos != 0 {
            let fraction = format!("{:09}", self.nanos);
            out.push('.');
            out.push_str(fraction.trim_end_matches('0'));
        }
        out.push('Z');
        out
    }

    /// An IMF-fixdate (RFC 7231): `Tue, 29 Apr 2014 18:30:38 GMT`, milliseconds allowed.
    pub fn parse_http_date(text: &str) -> Result<Timestamp, TimestampError> {
        let bad = || TimestampError::new(format!("not an HTTP date: {text:?}"));
        let (weekday, rest) = text.split_once(", ").ok_or_else(bad)?;
        let parts: Vec<&str> = rest.split(' ').collect();
        let [day, month, year, time, "GMT"] = parts.as_slice() else {
            return Err(bad());
        };
        let month = MONTHS.iter().position(|m| m == month).ok_or_else(bad)? as i64 + 1;
        let parse = |s: &str, len: usize| -> Result<i64, TimestampError> {
            if s.len() == len && s.bytes().all(|d| d.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (day, year) = (parse(day, 2)?, parse(year, 4)?);
        let (clock, fraction) = match time.split_once('.') {
            Some((clock, fraction)) => (clock, Some(fraction)),
            None => (*time, None),
        };
        let hms: Vec<&str> = clock.split(':').collect();
        let [h, m, s] = hms.as_slice() else {
            return Err(bad());
        };
        let nanos = match fraction {
            Some(f) if (1..=3).contains(&f.len()) => {
                parse(f, f.len())? as u32 * 10u32.pow(9 - f.len() as u32)
            }
            Some(_) => return Err(bad()),
            None => 0,
        };
        let seconds = civil_seconds(year, month, day, parse(h, 2)?, parse(m, 2)?, parse(s, 2)?)
            .ok_or_else(bad)?;
        if WEEKDAYS[weekday_of(seconds)] != weekday {
            return Err(TimestampError::new(format!(
                "{text:?}: the weekday does not match the date"
            )));
        }
        Timestamp::from_epoch(seconds, nanos).ok_or_else(bad)
    }

    /// An IMF-fixdate: `Tue, 29 Apr 2014 18:30:38 GMT` (milliseconds when there are any).
    pub fn to_http_date(self) -> String {
        let (year, month, day, hour, minute, second) = civil(self.seconds);
        let weekday = WEEKDAYS[weekday_of(self.seconds)];
        let month = MONTHS[(month - 1) as usize];
        let millis = if self.nanos == 0 {
            String::new()
        } else {
            format!(".{:03}", self.nanos / 1_000_000)
        };
        format!(
            "{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02}{millis} GMT"
        )
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// 1970-01-01 was a Thursday: the index into [`WEEKDAYS`].
fn weekday_of(seconds: i64) -> usize {
    seconds.div_euclid(86_400).rem_euclid(7) as usize
}

/// Seconds since the epoch of a proleptic Gregorian UTC date and time; `None` if any field
/// is out of range (February 30th, hour 24, a leap second).
fn civil_seconds(y: i64, m: i64, d: i64, hour: i64, minute: i64, second: i64) -> Option<i64> {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in_month = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=9999).contains(&y)
        || !(1..=12).contains(&m)
        || d < 1
        || d > days_in_month[(m - 1) as usize]
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

/// The UTC date and time of `seconds` since the epoch (Hinnant's civil_from_days).
fn civil(seconds: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Why a text or number is not a timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError(String);

impl TimestampError {
    fn new(message: impl Into<String>) -> Self {
        TimestampError(message.into())
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimestampError {}

impl Serialize for Timestamp {
    /// Epoch seconds: an integer when whole, else a decimal.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            serializer.serialize_i64(self.seconds)
        } else {
            serializer.serialize_f64(self.to_epoch_seconds())
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Epoch seconds, integer or fractional.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Timestamp::from_epoch_seconds(value).map_err(serde::de::Error::custom)
    }
}

/// The text formats, each a module for `#[serde(with = "..")]` on a `Timestamp` member,
/// and again under [`optional`] for an `Option<Timestamp>` member (absent or `null` is
/// `None`).
macro_rules! text_formats {
    ($( $(#[$doc:meta])* $name:ident: $write:ident, $parse:ident; )*) => {
        $(
            $(#[$doc])*
            pub mod $name {
                use super::*;

                pub fn serialize<S: Serializer>(
                    value: &Timestamp,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(&value.$write())
                }

                pub fn deserialize<'de, D: Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Timestamp, D::Error> {
                    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                    Timestamp::$parse(&text).map_err(serde::de::Error::custom)
                }
            }
        )*

        /// The same formats for lists of timestamps (`Vec<Timestamp>`), each item in the
        /// format: `#[serde(with = "aws_constraints::timestamp::list::date_time")]`.
        pub mod list {
            $(
                #[doc = concat!("As the `", stringify!($name), "` format, for each item of a list.")]
                pub mod $name {
                    use serde::ser::SerializeSeq;
                    use serde::{Deserialize, Deserializer, Serializer};

                    use crate::Timestamp;

                    pub fn serialize<S: Serializer>(
                        value: &[Timestamp],
                        serializer: S,
                    ) -> Result<S::Ok, S::Error> {
                        let mut seq = serializer.serialize_seq(Some(value.len()))?;
                        for item in value {
                            seq.serialize_element(&item.$write())?;
                        }
                        seq.end()
                    }

                    pub fn deserialize<'de, D: Deserializer<'de>>(
                        deserializer: D,
                    ) -> Result<Vec<Timestamp>, D::Error> {
                        let texts = Vec::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                        texts
                            .iter()
                            .map(|text| Timestamp::$parse(text))
                            .collect::<Result<_, _>>()
                            .map_err(serde::de::Error::custom)
                    }
                }
            )*
        }

        /// The same formats for `Option<Timestamp>` members (absent or `null` is `None`):
        /// `#[serde(default, with = "aws_constraints::timestamp::optional::date_time")]`,
        /// and for optional lists of them (`optional::list::date_time`).
        pub mod optional {
            /// For `Option<Vec<Timestamp>>` members, each item in the format.
            pub mod list {
                $(
                    #[doc = concat!("As the `", stringify!($name), "` format, for each item of an optional list.")]
                    pub mod $name {
                        use serde::{Deserialize, Deserializer, Serializer};

                        use crate::Timestamp;

                        pub fn serialize<S: Serializer>(
                            value: &Option<Vec<Timestamp>>,
                            serializer: S,
                        ) -> Result<S::Ok, S::Error> {
                            match value {
                                Some(value) => {
                                    super::super::super::list::$name::serialize(value, serializer)
                                }
                                None => serializer.serialize_none(),
                            }
                        }

                        pub fn deserialize<'de, D: Deserializer<'de>>(
                            deserializer: D,
                        ) -> Result<Option<Vec<Timestamp>>, D::Error> {
                            let texts = Option::<Vec<std::borrow::Cow<'de, str>>>::deserialize(
                                deserializer,
                            )?;
                            texts
                                .map(|texts| {
                                    texts
                                        .iter()
                                        .map(|text| Timestamp::$parse(text))
                                        .collect::<Result<Vec<_>, _>>()
                                })
                                .transpose()
                                .map_err(serde::de::Error::custom)
                        }
                    }
                )*
            }

            $(
                #[doc = concat!("As the `", stringify!($name), "` format, for an optional member.")]
                pub mod $name {
                    use serde::{Deserialize, Deserializer, Serializer};

                    use crate::Timestamp;

                    pub fn serialize<S: Serializer>(
                        value: &Option<Timestamp>,
                        serializer: S,
                    ) -> Result<S::Ok, S::Error> {
                        match value {
                            Some(value) => super::super::$name::serialize(value, serializer),
                            None => serializer.serialize_none(),
                        }
                    }

                    pub fn deserialize<'de, D: Deserializer<'de>>(
                        deserializer: D,
                    ) -> Result<Option<Timestamp>, D::Error> {
                        let text =
                            Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                        text.map(|text| Timestamp::$parse(&text))
                            .transpose()
                            .map_err(serde::de::Error::custom)
                    }
                }
            )*
        }
    };
}

text_formats! {
    /// `#[serde(with = "aws_constraints::timestamp::date_time")]`: RFC 3339 strings.
    date_time: to_date_time, parse_date_time;
    /// `#[serde(with = "aws_constraints::timestamp::http_date")]`: IMF-fixdate strings.
    http_date: to_http_date, parse_http_date;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_agree_on_known_instants() {
        for (seconds, date_time, http) in [
            (0, "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"),
            (
                1398796238,
                "2014-04-29T18:30:38Z",
                "Tue, 29 Apr 2014 18:30:38 GMT",
            ),
            (
                951782400,
                "2000-02-29T00:00:00Z",
                "Tue, 29 Feb 2000 00:00:00 GMT",
            ),
            (
                MIN_SECONDS,
                "0001-01-01T00:00:00Z",
                "Mon, 01 Jan 0001 00:00:00 GMT",
            ),
            (
                MAX_SECONDS,
                "9999-12-31T23:59:59Z",
                "Fri, 31 Dec 9999 23:59:59 GMT",
            ),
        ] {
            let t = Timestamp::from_epoch(seconds, 0).unwrap();
            assert_eq!(t.to_date_time(), date_time);
            assert_eq!(t.to_http_date(), http);
            assert_eq!(Timestamp::parse_date_time(date_time), Ok(t));
            assert_eq!(Timestamp::parse_http_date(http), Ok(t));
        }
    }

    #[test]
    fn fractions_and_bad_input() {
        let t = Timestamp::parse_date_time("2014-04-29T18:30:38.123Z").unwrap();
        assert_eq!(t.to_date_time(), "2014-04-29T18:30:38.123Z");
        assert_eq!(
            Timestamp::from_epoch_seconds(1.1).unwrap().subsec_nanos(),
            100_000_000
        );
        for bad in [
            "2014-04-29T20:30:38.123+02:00",
            "1996-12-19T16:39:57-08:00",
            "2014-02-30T00:00:00Z",
            "2014-04-29 18:30:38Z",
            "2014-04-29T24:00:00Z",
            "2014-04-29T18:30:38",
            "10000-01-01T00:00:00Z",
            "2014-04-29T18:30:38.Z",
            "",
        ] {
            assert!(Timestamp::parse_date_time(bad).is_err(), "{bad}");
        }
        for bad in [
            "Wed, 29 Apr 2014 18:30:38 GMT",
            "Tue, 29 Apr 2014 18:30:38",
            "x",
        ] {
            assert!(Timestamp::parse_http_date(bad).is_err(), "{bad}");
        }
        for bad in [f64::NAN, f64::INFINITY, 1e20, -1e20] {
            assert!(Timestamp::from_epoch_seconds(bad).is_err(), "{bad}");
        }
    }
}
