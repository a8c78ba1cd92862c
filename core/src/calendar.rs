//! Calendar arithmetic with end-of-month clamping, on top of the `time` crate.
//!
//! Every function counts from the original date and returns `None` when the result would leave
//! the supported range (years 1 to 9999), so callers turn overflow into a coded error instead
//! of panicking.

use time::{Date, Duration, Month};

/// The first supported year (so the earliest date is 0001-01-01).
///
/// ```
/// use ctpat::calendar::{MIN_YEAR, add_days};
/// use time::macros::date;
/// assert_eq!(MIN_YEAR, 1);
/// assert_eq!(add_days(date!(0001-01-01), -1), None);
/// ```
pub const MIN_YEAR: i32 = 1;
/// The last supported year (9999).
///
/// ```
/// use ctpat::calendar::{MAX_YEAR, add_years};
/// use time::macros::date;
/// assert_eq!(MAX_YEAR, 9999);
/// assert_eq!(add_years(date!(9999-06-30), 1), None);
/// ```
pub const MAX_YEAR: i32 = 9999;

fn in_range(date: Date) -> Option<Date> {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year()).then_some(date)
}

/// Adds (or subtracts) whole days.
///
/// ```
/// use time::macros::date;
/// assert_eq!(ctpat::calendar::add_days(date!(2024-02-28), 2), Some(date!(2024-03-01)));
/// ```
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    // `Duration::days` panics when `days * 86400` overflows; stay in checked arithmetic.
    let seconds = days.checked_mul(86_400)?;
    date.checked_add(Duration::seconds(seconds))
        .and_then(in_range)
}

/// Adds (or subtracts) calendar months, clamping the day to the month's end.
///
/// ```
/// use time::macros::date;
/// use ctpat::calendar::add_months;
/// assert_eq!(add_months(date!(2024-01-31), 1), Some(date!(2024-02-29)));
/// assert_eq!(add_months(date!(2024-01-31), 2), Some(date!(2024-03-31)));
/// assert_eq!(add_months(date!(2024-03-31), -1), Some(date!(2024-02-29)));
/// ```
pub fn add_months(date: Date, months: i32) -> Option<Date> {
    let zero_based = i32::from(u8::from(date.month())) - 1;
    let index = date
        .year()
        .checked_mul(12)?
        .checked_add(zero_based)?
        .checked_add(months)?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let year = index.div_euclid(12);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// Adds (or subtracts) calendar years; 29 February becomes 28 February in a common year.
///
/// ```
/// use time::macros::date;
/// assert_eq!(ctpat::calendar::add_years(date!(2024-02-29), 1), Some(date!(2025-02-28)));
/// ```
pub fn add_years(date: Date, years: i32) -> Option<Date> {
    add_months(date, years.checked_mul(12)?)
}

/// Parses a `YYYY-MM-DD` date.
///
/// ```
/// assert!(ctpat::calendar::parse_date("2024-02-29").is_some());
/// assert!(ctpat::calendar::parse_date("2023-02-29").is_none());
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    let day: u8 = text.get(8..10)?.parse().ok()?;
    if !text.get(0..4)?.bytes().all(|b| b.is_ascii_digit())
        || !text.get(5..7)?.bytes().all(|b| b.is_ascii_digit())
        || !text.get(8..10)?.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    in_range(date)
}

/// Formats a date as `YYYY-MM-DD`.
///
/// ```
/// use time::macros::date;
/// assert_eq!(ctpat::calendar::format_date(date!(0987-03-05)), "0987-03-05");
/// ```
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Serde helpers so dates cross the JSON boundary as `YYYY-MM-DD` strings with a clear error.
pub mod serde_date {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
    use time::Date;

    /// Serialises a date as `YYYY-MM-DD`.
    ///
    /// ```
    /// use time::macros::date;
    /// let json = ctpat::calendar::serde_date::serialize(&date!(2024-01-31), serde_json::value::Serializer);
    /// assert_eq!(json.ok(), Some(serde_json::json!("2024-01-31")));
    /// ```
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_date(*date))
    }

    /// Deserialises a `YYYY-MM-DD` date.
    ///
    /// ```
    /// use ctpat::calendar::serde_date::deserialize;
    /// use time::macros::date;
    /// assert_eq!(deserialize(serde_json::json!("2024-02-29")).ok(), Some(date!(2024-02-29)));
    /// let err = deserialize(serde_json::json!("2023-02-29")).err().map(|e| e.to_string());
    /// assert_eq!(err.as_deref(), Some("`2023-02-29` is not a date in YYYY-MM-DD form"));
    /// ```
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        super::parse_date(&text)
            .ok_or_else(|| D::Error::custom(format!("`{text}` is not a date in YYYY-MM-DD form")))
    }

    /// The same for `Option<Date>` (absent or `null` means unknown).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
        use time::Date;

        /// Serialises an optional date.
        ///
        /// ```
        /// use ctpat::calendar::serde_date::option::serialize;
        /// use serde_json::{json, value::Serializer};
        /// use time::macros::date;
        /// assert_eq!(serialize(&Some(date!(2025-07-01)), Serializer).ok(), Some(json!("2025-07-01")));
        /// assert_eq!(serialize(&None, Serializer).ok(), Some(json!(null)));
        /// ```
        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => s.serialize_str(&super::super::format_date(*d)),
                None => s.serialize_none(),
            }
        }

        /// Deserialises an optional date.
        ///
        /// ```
        /// use ctpat::calendar::serde_date::option::deserialize;
        /// use serde_json::json;
        /// use time::macros::date;
        /// assert_eq!(deserialize(json!("2025-07-01")).ok(), Some(Some(date!(2025-07-01))));
        /// assert_eq!(deserialize(json!(null)).ok(), Some(None));
        /// assert!(deserialize(json!("07/01/2025")).is_err());
        /// ```
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            let text = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
            match text {
                None => Ok(None),
                Some(t) => super::super::parse_date(&t).map(Some).ok_or_else(|| {
                    D::Error::custom(format!("`{t}` is not a date in YYYY-MM-DD form"))
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn clamps_and_counts_from_the_original_date() {
        assert_eq!(
            add_months(date!(2024 - 01 - 31), 1),
            Some(date!(2024 - 02 - 29))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 1),
            Some(date!(2025 - 02 - 28))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 4),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2023 - 12 - 15), 1),
            Some(date!(2024 - 01 - 15))
        );
        assert_eq!(
            add_months(date!(2024 - 01 - 15), -1),
            Some(date!(2023 - 12 - 15))
        );
    }

    #[test]
    fn leaving_the_supported_range_is_none() {
        assert_eq!(add_years(date!(9999 - 06 - 01), 1), None);
        assert_eq!(add_months(date!(0001 - 01 - 01), -1), None);
        assert_eq!(add_days(date!(9999 - 12 - 31), 1), None);
        assert_eq!(add_months(date!(2000 - 01 - 01), i32::MAX), None);
        assert_eq!(add_days(date!(2000 - 01 - 01), i64::MAX), None);
        assert_eq!(add_days(date!(2000 - 01 - 01), i64::MIN), None);
    }

    #[test]
    fn parse_rejects_malformed_dates() {
        for bad in [
            "",
            "2024-1-01",
            "2024-13-01",
            "2023-02-29",
            "20240101",
            "+024-01-01",
            "0000-01-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_date("2024-02-29"), Some(date!(2024 - 02 - 29)));
    }

    proptest! {
        #[test]
        fn add_months_never_panics(y in 1i32..=9999, m in 1u8..=12, d in 1u8..=31, n in any::<i32>()) {
            if let Ok(month) = Month::try_from(m)
                && let Ok(start) = Date::from_calendar_date(y, month, d.min(month.length(y)))
                && let Some(end) = add_months(start, n)
            {
                prop_assert!(end.day() <= start.day());
            }
        }

        #[test]
        fn format_then_parse_round_trips(days in 0i64..3_652_058) {
            let start = date!(0001 - 01 - 01);
            if let Some(d) = add_days(start, days) {
                prop_assert_eq!(parse_date(&format_date(d)), Some(d));
            }
        }
    }
}
