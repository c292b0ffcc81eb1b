//! Where the app reads "now".

use chrono::{NaiveDate, NaiveDateTime};

/// The computer's clock, or a fixed moment so tests (and screenshots) see
/// the same day every time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<NaiveDateTime>,
}

impl Clock {
    /// The computer's local time.
    pub fn system() -> Self {
        Self { fixed: None }
    }

    /// Always `at`.
    pub fn fixed(at: NaiveDateTime) -> Self {
        Self { fixed: Some(at) }
    }

    /// The date and time now.
    pub fn now(&self) -> NaiveDateTime {
        self.fixed
            .unwrap_or_else(|| chrono::Local::now().naive_local())
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_never_moves() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 8)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("valid moment");
        let clock = Clock::fixed(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.today(), at.date());
        assert_ne!(Clock::system(), clock);
    }
}
