//! A calendar date without time zone, stored as `"YYYY-MM-DD"` in project files.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date (years 1000 to 9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a valid date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date of the form YYYY-MM-DD ({reason})")]
pub struct DateError {
    /// The text, or its first [`DateError::QUOTED_CHARS`] characters and "…".
    text: String,
    reason: &'static str,
}

impl DateError {
    /// The most characters of the text the error keeps (a hostile file may hold megabytes).
    pub const QUOTED_CHARS: usize = 80;

    fn new(text: &str, reason: &'static str) -> Self {
        let text = match text.char_indices().nth(Self::QUOTED_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        };
        Self { text, reason }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01, if it lies in years 1000 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Self::new(year, month, day)
    }

    /// This date moved by a number of days (saturating at the ends of the supported range).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days).unwrap_or(self)
    }

    /// The last day of the month `months` after this date's month.
    pub fn end_of_month_after(self, months: i32) -> Self {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
        Self::new(year, month, days_in_month(year, month)).unwrap_or(self)
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Self {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let days = i64::try_from(seconds / 86_400).unwrap_or(0);
        Self::from_days_since_epoch(days).unwrap_or(Self {
            year: 2026,
            month: 1,
            day: 1,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |reason| DateError::new(text, reason);
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(err("wrong shape"));
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| err("not a number"))
            } else {
                Err(err("not a number"))
            }
        };
        let year = i32::try_from(number(0..4)?).map_err(|_| err("year out of range"))?;
        let month = u8::try_from(number(5..7)?).map_err(|_| err("month out of range"))?;
        let day = u8::try_from(number(8..10)?).map_err(|_| err("day out of range"))?;
        Self::new(year, month, day).ok_or_else(|| err("no such day in the calendar"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Parsed from the text as the deserializer has it, without copying it first.
        struct DateText;
        impl serde::de::Visitor<'_> for DateText {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date of the form YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2026-02-28".parse().unwrap();
        assert_eq!(d.to_string(), "2026-02-28");
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("26-01-01".parse::<Date>().is_err());
        assert!("2026-1-011".parse::<Date>().is_err());
        assert!("2026-+1-01".parse::<Date>().is_err());
    }

    #[test]
    fn the_error_for_a_huge_text_quotes_only_its_start() {
        let text = format!("2026-{}", "9".repeat(100_000));
        let message = text.parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            message,
            format!(
                "`2026-{}…` is not a date of the form YYYY-MM-DD (wrong shape)",
                "9".repeat(75)
            )
        );
        let message = "2026-02-30".parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            message,
            "`2026-02-30` is not a date of the form YYYY-MM-DD (no such day in the calendar)"
        );
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::new(1970, 1, 1).unwrap();
        assert_eq!(d.days_since_epoch(), 0);
        let d = Date::new(2026, 11, 23).unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
        assert_eq!(d.add_days(8).to_string(), "2026-12-01");
        assert_eq!(d.add_days(-365).to_string(), "2025-11-23");
        assert_eq!(d.end_of_month_after(3).to_string(), "2027-02-28");
        assert_eq!(d.end_of_month_after(-11).to_string(), "2025-12-31");
    }
}
