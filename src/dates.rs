//! How dates and times read, on every screen and in every export label:
//! one place, following the system's conventions (12- or 24-hour clock,
//! day or month first) unless the organizer chose otherwise.
//!
//! The style is process-wide because labels are made in many places that
//! have no settings at hand. It starts as day first and 24-hour; the window
//! and the command line set it from the settings and the system at start.

use std::sync::RwLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// Which clock times use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clock {
    /// 15:30
    #[default]
    H24,
    /// 3:30 PM
    H12,
}

/// Which comes first in a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Order {
    /// Tue 1 Dec
    #[default]
    DayMonth,
    /// Tue, Dec 1
    MonthDay,
}

/// A way of writing dates and times.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateStyle {
    /// 12 or 24 hours.
    pub clock: Clock,
    /// Day or month first.
    pub order: Order,
}

/// Regions whose conventions put the month first.
const MONTH_FIRST: &[&str] = &["US", "PH", "FM", "MH", "PW", "AS", "GU", "PR", "UM", "VI"];

/// Regions that use the 12-hour clock in everyday writing.
const TWELVE_HOUR: &[&str] = &[
    "US", "CA", "AU", "NZ", "PH", "IN", "PK", "BD", "EG", "SA", "JO", "KR", "TW", "MY", "CO", "MX",
    "SV", "HN", "NI", "PR", "AS", "GU", "FM", "MH", "PW", "UM", "VI",
];

impl DateStyle {
    /// The conventions of a locale name such as `en_US.UTF-8`; anything
    /// unknown (`C`, `POSIX`, empty) reads day first on a 24-hour clock.
    pub fn from_locale(locale: &str) -> Self {
        let region = locale
            .split(['.', '@'])
            .next()
            .and_then(|name| name.split(['_', '-']).nth(1))
            .unwrap_or_default()
            .to_ascii_uppercase();
        let region = region.as_str();
        Self {
            clock: if TWELVE_HOUR.contains(&region) {
                Clock::H12
            } else {
                Clock::H24
            },
            order: if MONTH_FIRST.contains(&region) {
                Order::MonthDay
            } else {
                Order::DayMonth
            },
        }
    }

    /// The conventions of this session's locale (`LC_ALL`, `LC_TIME`, `LANG`).
    pub fn system() -> Self {
        let locale = ["LC_ALL", "LC_TIME", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Self::from_locale(&locale)
    }

    /// "15:30" or "3:30 PM".
    pub fn time(self, time: NaiveTime) -> String {
        match self.clock {
            Clock::H24 => time.format("%H:%M").to_string(),
            Clock::H12 => time.format("%-I:%M %p").to_string(),
        }
    }

    /// "1 Dec" or "Dec 1".
    pub fn short(self, date: NaiveDate) -> String {
        match self.order {
            Order::DayMonth => date.format("%-d %b").to_string(),
            Order::MonthDay => date.format("%b %-d").to_string(),
        }
    }

    /// "Tue 1 Dec" or "Tue, Dec 1".
    pub fn day(self, date: NaiveDate) -> String {
        match self.order {
            Order::DayMonth => date.format("%a %-d %b").to_string(),
            Order::MonthDay => date.format("%a, %b %-d").to_string(),
        }
    }

    /// "1 Dec 2026" or "Dec 1, 2026".
    pub fn date(self, date: NaiveDate) -> String {
        match self.order {
            Order::DayMonth => date.format("%-d %b %Y").to_string(),
            Order::MonthDay => date.format("%b %-d, %Y").to_string(),
        }
    }

    /// "Tue 1 Dec 2026" or "Tue, Dec 1, 2026".
    pub fn day_and_year(self, date: NaiveDate) -> String {
        match self.order {
            Order::DayMonth => date.format("%a %-d %b %Y").to_string(),
            Order::MonthDay => date.format("%a, %b %-d, %Y").to_string(),
        }
    }

    /// "Tuesday 1 December 2026" or "Tuesday, December 1, 2026".
    pub fn long(self, date: NaiveDate) -> String {
        match self.order {
            Order::DayMonth => date.format("%A %-d %B %Y").to_string(),
            Order::MonthDay => date.format("%A, %B %-d, %Y").to_string(),
        }
    }

    /// "December 2026".
    pub fn month(self, date: NaiveDate) -> String {
        date.format("%B %Y").to_string()
    }

    /// "Tue 1 Dec, 15:30" or "Tue, Dec 1, 3:30 PM"; the year is added when
    /// it is not `this_year`.
    pub fn day_time(self, at: NaiveDateTime, this_year: i32) -> String {
        let day = if at.year() == this_year {
            self.day(at.date())
        } else {
            self.day_and_year(at.date())
        };
        format!("{day}, {}", self.time(at.time()))
    }

    /// Like [`DateStyle::day_time`], but "Today" and "Tomorrow" said so.
    pub fn day_time_from(self, at: NaiveDateTime, today: NaiveDate) -> String {
        let time = self.time(at.time());
        match (at.date() - today).num_days() {
            0 => format!("Today, {time}"),
            1 => format!("Tomorrow, {time}"),
            _ => self.day_time(at, today.year()),
        }
    }

    /// Reads a typed time: "15:30", "1530", "3:30 pm", "3pm", "3 p.m.",
    /// "noon", "midnight", in either clock whatever the style.
    pub fn parse_time(self, text: &str) -> Option<NaiveTime> {
        parse_time(text)
    }
}

/// Reads a typed time in either clock (see [`DateStyle::parse_time`]).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let folded: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    match folded.as_str() {
        "noon" | "midday" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (digits, half) = if let Some(rest) = folded.strip_suffix("am") {
        (rest, Some(false))
    } else if let Some(rest) = folded.strip_suffix("pm") {
        (rest, Some(true))
    } else {
        (folded.as_str(), None)
    };
    let (hour, minute) = split_hour_minute(digits)?;
    let hour = match half {
        None if hour < 24 => hour,
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// "15:30", "15h30", "1530", "15" → (15, 30), (15, 30), (15, 30), (15, 0).
fn split_hour_minute(text: &str) -> Option<(u32, u32)> {
    if let Some((hour, minute)) = text.split_once([':', 'h']) {
        let minute = if minute.is_empty() { "0" } else { minute };
        if minute.len() > 2 {
            return None;
        }
        return Some((hour.parse().ok()?, minute.parse().ok()?));
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        1 | 2 => Some((text.parse().ok()?, 0)),
        3 | 4 => {
            let (hour, minute) = text.split_at(text.len() - 2);
            Some((hour.parse().ok()?, minute.parse().ok()?))
        }
        _ => None,
    }
}

static STYLE: RwLock<DateStyle> = RwLock::new(DateStyle {
    clock: Clock::H24,
    order: Order::DayMonth,
});

/// The style labels are written in now.
pub fn style() -> DateStyle {
    STYLE.read().map(|style| *style).unwrap_or_default()
}

/// Makes `new` the style of every label from now on.
pub fn set_style(new: DateStyle) {
    if let Ok(mut style) = STYLE.write() {
        *style = new;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_FIRST: DateStyle = DateStyle {
        clock: Clock::H24,
        order: Order::DayMonth,
    };
    const US: DateStyle = DateStyle {
        clock: Clock::H12,
        order: Order::MonthDay,
    };

    /// A label written in a style.
    type Label = fn(DateStyle) -> String;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .expect("a valid date")
    }

    #[test]
    fn both_conventions_write_every_label() {
        let when = at(2026, 12, 1, 15, 30);
        let day = when.date();
        let cases: [(Label, &str, &str); 7] = [
            (
                |s| s.time(at(2026, 12, 1, 15, 30).time()),
                "15:30",
                "3:30 PM",
            ),
            (|s| s.short(at(2026, 12, 1, 0, 0).date()), "1 Dec", "Dec 1"),
            (
                |s| s.day(at(2026, 12, 1, 0, 0).date()),
                "Tue 1 Dec",
                "Tue, Dec 1",
            ),
            (
                |s| s.date(at(2026, 12, 1, 0, 0).date()),
                "1 Dec 2026",
                "Dec 1, 2026",
            ),
            (
                |s| s.day_and_year(at(2026, 12, 1, 0, 0).date()),
                "Tue 1 Dec 2026",
                "Tue, Dec 1, 2026",
            ),
            (
                |s| s.long(at(2026, 12, 1, 0, 0).date()),
                "Tuesday 1 December 2026",
                "Tuesday, December 1, 2026",
            ),
            (
                |s| s.day_time(at(2026, 12, 1, 9, 5), 2026),
                "Tue 1 Dec, 09:05",
                "Tue, Dec 1, 9:05 AM",
            ),
        ];
        for (label, day_first, us) in cases {
            assert_eq!(label(DAY_FIRST), day_first);
            assert_eq!(label(US), us);
        }
        assert_eq!(DAY_FIRST.day_time(when, 2025), "Tue 1 Dec 2026, 15:30");
        assert_eq!(US.day_time_from(when, day), "Today, 3:30 PM");
        let yesterday = day.pred_opt().expect("a day before");
        assert_eq!(DAY_FIRST.day_time_from(when, yesterday), "Tomorrow, 15:30");
        assert_eq!(DAY_FIRST.month(day), "December 2026");
    }

    #[test]
    fn locales_choose_the_clock_and_the_order() {
        assert_eq!(DateStyle::from_locale("en_US.UTF-8"), US);
        assert_eq!(DateStyle::from_locale("en_GB.UTF-8"), DAY_FIRST);
        assert_eq!(DateStyle::from_locale("fr_FR.UTF-8@euro"), DAY_FIRST);
        assert_eq!(DateStyle::from_locale("C.UTF-8"), DAY_FIRST);
        assert_eq!(DateStyle::from_locale(""), DAY_FIRST);
        let canada = DateStyle::from_locale("en_CA");
        assert_eq!((canada.clock, canada.order), (Clock::H12, Order::DayMonth));
        assert_eq!(DateStyle::from_locale("es-MX").clock, Clock::H12);
    }

    #[test]
    fn typed_times_are_read_in_either_clock() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (typed, time) in [
            ("15:30", t(15, 30)),
            (" 9:05 ", t(9, 5)),
            ("1530", t(15, 30)),
            ("930", t(9, 30)),
            ("18", t(18, 0)),
            ("15h30", t(15, 30)),
            ("3:30 PM", t(15, 30)),
            ("3pm", t(15, 0)),
            ("3 p.m.", t(15, 0)),
            ("12am", t(0, 0)),
            ("12 pm", t(12, 0)),
            ("12:15 AM", t(0, 15)),
            ("noon", t(12, 0)),
            ("Midnight", t(0, 0)),
        ] {
            assert_eq!(parse_time(typed), time, "{typed}");
        }
        for bad in [
            "", "25:00", "13pm", "0am", "9:7777", "soon", "12:60", "99999",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
