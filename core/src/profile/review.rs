//! The annual profile review window (domain.md §5.3, §9 C15).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::{add_days, add_years, format_date};
use crate::error::Error;
use crate::policy::Policy;

/// Where the review of the current cycle stands.
///
/// ```
/// use ctpat::profile::{annual_review_window, ReviewState};
/// use time::macros::date;
/// let w = annual_review_window(date!(2024-03-31), date!(2024-06-01), None, &ctpat::Policy::current());
/// assert_eq!(w.map(|w| w.state).ok(), Some(ReviewState::NotYetOpen));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// The first window has not opened yet.
    NotYetOpen,
    /// The window is open and no review was submitted in it.
    Open,
    /// A review was submitted in the latest window that has opened.
    Submitted,
    /// A due date passed without a review submitted in its window.
    Overdue,
}

/// The answer of [`annual_review_window`].
///
/// ```
/// use ctpat::profile::{annual_review_window, ReviewState};
/// use time::macros::date;
/// let policy = ctpat::Policy::current();
/// let w = annual_review_window(date!(2024-03-31), date!(2025-02-01), Some(date!(2025-01-10)), &policy).unwrap();
/// assert_eq!((w.cycle, w.opens_on, w.due_on), (1, date!(2024-12-31), date!(2025-03-31)));
/// assert_eq!(w.state, ReviewState::Submitted);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReviewWindow {
    /// The date the answer is for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// Which anniversary the window belongs to (1 = the first anniversary).
    pub cycle: u32,
    /// First day a review counts (`policy.annual_review_window_days` before `due_on`).
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub opens_on: Date,
    /// The anniversary the review is due on.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub due_on: Date,
    /// `not_yet_open`, `open`, `submitted` or `overdue`.
    pub state: ReviewState,
    /// Rules edition of this build.
    pub rules_version: String,
}

struct Cycles {
    anniversary: Date,
    window_days: i64,
}

impl Cycles {
    fn due(&self, n: u32) -> Option<Date> {
        add_years(self.anniversary, i32::try_from(n).ok()?)
    }

    fn opens(&self, n: u32) -> Option<Date> {
        add_days(self.due(n)?, -self.window_days)
    }

    /// The latest cycle whose window opened on or before `date`.
    fn latest_opened(&self, date: Date) -> Option<u32> {
        let years = date.year().checked_sub(self.anniversary.year())?;
        let mut n = u32::try_from(years.max(0)).ok()?.saturating_add(1);
        // Step forward while the next window has already opened (long windows), then back.
        while self.opens(n.saturating_add(1)).is_some_and(|o| o <= date) {
            n = n.saturating_add(1);
        }
        while n >= 1 && self.opens(n).is_none_or(|o| o > date) {
            n -= 1;
        }
        (n >= 1).then_some(n)
    }
}

/// The annual review window as of `as_of` (domain.md §5.3; §9 C15: anniversary minus the
/// policy's window).
///
/// `anniversary` is the certification date whose yearly anniversaries the reviews are due on.
/// A review counts for a cycle when submitted on or after the window opened. The state is
/// `submitted` when `last_submitted_on` lies in the latest window that has opened; `overdue`
/// when a cycle's due date passed without a review in its window (the earliest such cycle is
/// returned); `open` inside a window with no review yet; `not_yet_open` before the first window.
///
/// Never reviewed since a 2022 certification: overdue since the first anniversary.
///
/// ```
/// use ctpat::profile::{annual_review_window, ReviewState};
/// use time::macros::date;
/// let w = annual_review_window(date!(2022-03-31), date!(2025-02-01), None, &ctpat::Policy::current()).unwrap();
/// assert_eq!((w.opens_on, w.due_on, w.state), (date!(2022-12-31), date!(2023-03-31), ReviewState::Overdue));
/// ```
pub fn annual_review_window(
    anniversary: Date,
    as_of: Date,
    last_submitted_on: Option<Date>,
    policy: &Policy,
) -> Result<ReviewWindow, Error> {
    let cycles = Cycles {
        anniversary,
        window_days: i64::from(policy.annual_review_window_days),
    };
    let out_of_range = |n: u32| Error::DateOutOfRange {
        path: "/anniversary".to_owned(),
        message: format!(
            "review {n} after `{}` leaves the supported dates",
            format_date(anniversary)
        ),
    };
    let window = |n: u32, state| -> Result<ReviewWindow, Error> {
        Ok(ReviewWindow {
            as_of,
            cycle: n,
            opens_on: cycles.opens(n).ok_or_else(|| out_of_range(n))?,
            due_on: cycles.due(n).ok_or_else(|| out_of_range(n))?,
            state,
            rules_version: crate::RULES_VERSION.to_owned(),
        })
    };
    let Some(current) = cycles.latest_opened(as_of) else {
        return window(1, ReviewState::NotYetOpen);
    };
    let opens = cycles.opens(current).ok_or_else(|| out_of_range(current))?;
    if last_submitted_on.is_some_and(|s| s >= opens) {
        return window(current, ReviewState::Submitted);
    }
    // The first cycle whose window opened after the last submission was missed or is open.
    let first_unreviewed = last_submitted_on
        .and_then(|s| cycles.latest_opened(s))
        .map_or(1, |n| n.saturating_add(1))
        .min(current);
    let due = cycles
        .due(first_unreviewed)
        .ok_or_else(|| out_of_range(first_unreviewed))?;
    if first_unreviewed < current || as_of > due {
        window(first_unreviewed, ReviewState::Overdue)
    } else {
        window(current, ReviewState::Open)
    }
}

crate::redact::masked_debug!(ReviewWindow);

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn state(as_of: Date, last: Option<Date>) -> (u32, Date, Date, ReviewState) {
        let w =
            annual_review_window(date!(2022 - 03 - 31), as_of, last, &Policy::current()).unwrap();
        (w.cycle, w.opens_on, w.due_on, w.state)
    }

    #[test]
    fn window_opens_ninety_days_before_the_anniversary() {
        use ReviewState::*;
        let (o1, d1) = (date!(2022 - 12 - 31), date!(2023 - 03 - 31));
        assert_eq!(state(date!(2022 - 12 - 30), None), (1, o1, d1, NotYetOpen));
        assert_eq!(state(date!(2022 - 12 - 31), None), (1, o1, d1, Open));
        assert_eq!(state(date!(2023 - 03 - 31), None), (1, o1, d1, Open));
        assert_eq!(state(date!(2023 - 04 - 01), None), (1, o1, d1, Overdue));
        let submitted = Some(date!(2023 - 01 - 15));
        assert_eq!(
            state(date!(2023 - 06 - 01), submitted),
            (1, o1, d1, Submitted)
        );
        // The next window opens; the earlier review does not count for it.
        let (o2, d2) = (date!(2024 - 01 - 01), date!(2024 - 03 - 31)); // 2024 is a leap year
        assert_eq!(state(date!(2024 - 01 - 10), submitted), (2, o2, d2, Open));
        // A review made before the window opened does not count.
        assert_eq!(
            state(date!(2023 - 02 - 01), Some(date!(2022 - 12 - 01))),
            (1, o1, d1, Open)
        );
        // A missed cycle stays overdue after the next window opens.
        assert_eq!(
            state(date!(2025 - 01 - 10), submitted),
            (2, o2, d2, Overdue)
        );
    }

    #[test]
    fn leap_day_anniversaries_clamp_and_overflow_is_an_error() {
        let w = annual_review_window(
            date!(2024 - 02 - 29),
            date!(2025 - 01 - 01),
            None,
            &Policy::current(),
        )
        .unwrap();
        assert_eq!(w.due_on, date!(2025 - 02 - 28));
        let e = annual_review_window(
            date!(9999 - 06 - 01),
            date!(9999 - 07 - 01),
            None,
            &Policy::current(),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("date_out_of_range", "/anniversary"));
    }

    #[test]
    fn the_window_length_comes_from_the_policy() {
        let policy = Policy {
            annual_review_window_days: 30,
            ..Policy::current()
        };
        let w = annual_review_window(date!(2022 - 03 - 31), date!(2023 - 02 - 01), None, &policy)
            .unwrap();
        assert_eq!(
            (w.opens_on, w.state),
            (date!(2023 - 03 - 01), ReviewState::NotYetOpen)
        );
    }
}
