//! Days and times named in an ask: "this Friday", "Monday's", "on the
//! 12th", "Dec 10", "the 10th of December", "3/17", "tonight"; "6pm",
//! "18:00", "noon", "between 11:30 and 1", and a bare "at 7" once a day is
//! named.

use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::tokens::{Kind, Token};

/// A day as the ask names it, to be read from the day the ask is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayMention {
    /// "today", "tonight", "this evening".
    Today,
    /// "tomorrow".
    Tomorrow,
    /// "Friday", "this Friday" or, with `next`, "next Friday".
    Weekday {
        /// Which day of the week.
        weekday: Weekday,
        /// Said "next": seven to thirteen days ahead.
        next: bool,
    },
    /// "December 10", "3/17", "the 10th of December".
    Date {
        /// 1 to 12.
        month: u32,
        /// 1 to 31.
        day: u32,
        /// When written.
        year: Option<i32>,
    },
    /// "the 12th": that day of this month or the next.
    DayOfMonth(u32),
}

impl DayMention {
    /// The date meant when said on `said_on`: the first such day from then
    /// on. `None` for a date the calendar lacks ("February 30").
    pub fn resolve(self, said_on: NaiveDate) -> Option<NaiveDate> {
        match self {
            DayMention::Today => Some(said_on),
            DayMention::Tomorrow => said_on.succ_opt(),
            DayMention::Weekday { weekday, next } => {
                let ahead = (i64::from(weekday.num_days_from_monday())
                    - i64::from(said_on.weekday().num_days_from_monday()))
                .rem_euclid(7);
                // "next Friday" said on a Wednesday is nine days on.
                let ahead = if next { ahead + 7 } else { ahead };
                said_on.checked_add_signed(Duration::days(ahead))
            }
            DayMention::Date { month, day, year } => match year {
                Some(year) => NaiveDate::from_ymd_opt(year, month, day),
                None => (0..=4).find_map(|offset| {
                    NaiveDate::from_ymd_opt(said_on.year() + offset, month, day)
                        .filter(|d| *d >= said_on)
                }),
            },
            DayMention::DayOfMonth(day) => (0..=2).find_map(|offset| {
                let first = said_on.with_day(1)?;
                let month = first.checked_add_months(chrono::Months::new(offset))?;
                NaiveDate::from_ymd_opt(month.year(), month.month(), day).filter(|d| *d >= said_on)
            }),
        }
    }
}

/// A time as the ask names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeMention {
    /// The likelier reading.
    pub time: NaiveTime,
    /// The other reading of an hour said without am or pm ("at 7").
    pub other: Option<NaiveTime>,
}

impl TimeMention {
    /// Whether `time` is one of its readings.
    pub fn could_be(&self, time: NaiveTime) -> bool {
        self.time == time || self.other == Some(time)
    }
}

/// What was found: mentions with the token span they cover.
pub(super) struct When {
    pub days: Vec<(DayMention, Range<usize>)>,
    pub times: Vec<(TimeMention, Range<usize>)>,
    /// Tokens (by index) that belong to a day or a time.
    pub taken: Vec<bool>,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Short forms, read only when capitalised ("Sat") so "sat" and "sun"
/// stay words.
const WEEKDAY_SHORT: [(&str, Weekday); 10] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that say the evening is meant: a bare "7" then reads 7pm.
const EVENING: &[&str] = &["tonight", "evening", "night", "afternoon"];

/// Words that may follow a day of the month ("the 12th at 6").
const AFTER_A_DAY: &[&str] = &[
    "at", "from", "between", "in", "or", "and", "for", "by", "around", "after", "before", "until",
    "to", "with",
];

/// Words before a bare hour that make it a time ("at 7", "by 5").
const BEFORE_BARE_HOUR: &[&str] = &["at", "around", "about", "by", "until", "till", "from"];

pub(super) fn weekday(token: &Token) -> Option<Weekday> {
    if token.kind != Kind::Word {
        return None;
    }
    let stem = token.stem();
    let full = WEEKDAYS
        .iter()
        .find(|(name, _)| *name == token.text || *name == stem);
    if let Some((_, day)) = full {
        return Some(*day);
    }
    WEEKDAY_SHORT
        .iter()
        .find(|(name, _)| token.capital && *name == token.text)
        .map(|(_, day)| *day)
}

/// The month a word names: full names, or three or four letters ("Dec",
/// "Sept"). Whether a day number must follow is the caller's rule.
pub(super) fn month(token: &Token) -> Option<u32> {
    if token.kind != Kind::Word || token.text.len() < 3 {
        return None;
    }
    let text = token.text;
    let index = MONTHS.iter().position(|name| {
        *name == text || (text.len() <= 4 && name.starts_with(text) && text != "ma")
    })?;
    u32::try_from(index + 1).ok()
}

fn is_ordinal_suffix(token: Option<&Token>) -> bool {
    token.is_some_and(|t| t.joined && t.is_any(&["st", "nd", "rd", "th"]))
}

/// Reads every day and time in `tokens`.
pub(super) fn find(tokens: &[Token]) -> When {
    let mut when = When {
        days: Vec::new(),
        times: Vec::new(),
        taken: vec![false; tokens.len()],
    };
    let mut i = 0;
    while i < tokens.len() {
        match day_at(tokens, i) {
            Some((mention, first, end)) => {
                when.days.push((mention, span(tokens, first, end)));
                when.taken[first..end].fill(true);
                i = end;
            }
            None => i += 1,
        }
    }
    merge_weekday_and_date(tokens, &mut when);
    let evening = tokens.iter().any(|t| t.is_any(EVENING));
    let day_named = !when.days.is_empty();
    let mut i = 0;
    while i < tokens.len() {
        if when.taken[i] {
            i += 1;
            continue;
        }
        match time_at(tokens, i, day_named, evening) {
            Some((mention, first, end)) => {
                when.times.push((mention, span(tokens, first, end)));
                when.taken[first..end].fill(true);
                i = end;
            }
            None => i += 1,
        }
    }
    when
}

fn span(tokens: &[Token], first: usize, end: usize) -> Range<usize> {
    tokens[first].range.start..tokens[end - 1].range.end
}

/// "Thursday, December 3" is one day, not two.
fn merge_weekday_and_date(tokens: &[Token], when: &mut When) {
    let mut merged: Vec<(DayMention, Range<usize>)> = Vec::new();
    for (mention, range) in when.days.drain(..) {
        if let Some((last, last_range)) = merged.last_mut() {
            let between = &tokens
                .iter()
                .filter(|t| t.range.start >= last_range.end && t.range.end <= range.start)
                .collect::<Vec<_>>();
            let adjacent = between.iter().all(|t| t.is_mark(",") || t.is("the"));
            if matches!(last, DayMention::Weekday { .. })
                && !matches!(mention, DayMention::Weekday { .. })
                && adjacent
            {
                *last = mention;
                last_range.end = range.end;
                continue;
            }
        }
        merged.push((mention, range));
    }
    when.days = merged;
}

/// A day starting at token `i`: the mention, its first token and the token
/// after it.
fn day_at(tokens: &[Token], i: usize) -> Option<(DayMention, usize, usize)> {
    let token = &tokens[i];
    let next = tokens.get(i + 1);
    if token.is_any(&["today", "tonight", "today's", "tonight's"]) {
        return Some((DayMention::Today, i, i + 1));
    }
    if token.is_any(&["tomorrow", "tomorrow's", "tmrw"]) {
        return Some((DayMention::Tomorrow, i, i + 1));
    }
    if token.is("this") && next.is_some_and(|t| t.is_any(&["morning", "afternoon", "evening"])) {
        return Some((DayMention::Today, i, i + 2));
    }
    let qualified = token.is_any(&["this", "next", "coming"]);
    let day_token = if qualified { i + 1 } else { i };
    if let Some(day) = tokens.get(day_token).and_then(weekday) {
        let next = token.is("next");
        return Some((DayMention::Weekday { weekday: day, next }, i, day_token + 1));
    }
    if let Some(found) = month_then_day(tokens, i) {
        return Some(found);
    }
    if let Some(found) = day_then_month(tokens, i) {
        return Some(found);
    }
    numeric_date(tokens, i)
}

/// "December 10", "Dec. 10th", "Dec 10, 2026".
fn month_then_day(tokens: &[Token], i: usize) -> Option<(DayMention, usize, usize)> {
    let month = month(&tokens[i])?;
    let mut at = i + 1;
    if tokens.get(at).is_some_and(|t| t.is_mark(".") && t.joined) {
        at += 1;
    }
    let day = tokens.get(at)?.number(2).filter(|d| (1..=31).contains(d))?;
    let mut end = at + 1;
    if is_ordinal_suffix(tokens.get(end)) {
        end += 1;
    }
    let year = year_after(tokens, end);
    if year.is_some() {
        end += 2;
    }
    Some((DayMention::Date { month, day, year }, i, end))
}

/// ", 2026" after a date.
fn year_after(tokens: &[Token], at: usize) -> Option<i32> {
    tokens.get(at).filter(|t| t.is_mark(","))?;
    four_digit_year(tokens.get(at + 1)?)
}

/// "10 December", "the 10th of December", and "the 12th" alone.
fn day_then_month(tokens: &[Token], i: usize) -> Option<(DayMention, usize, usize)> {
    let the = tokens[i].is("the");
    let at = if the { i + 1 } else { i };
    let day = tokens.get(at)?.number(2).filter(|d| (1..=31).contains(d))?;
    let ordinal = is_ordinal_suffix(tokens.get(at + 1));
    let mut end = if ordinal { at + 2 } else { at + 1 };
    if ordinal && tokens.get(end).is_some_and(|t| t.is("of")) {
        end += 1;
    }
    if let Some(month) = tokens.get(end).and_then(month) {
        let mut end = end + 1;
        let year =
            year_after(tokens, end).or_else(|| tokens.get(end).and_then(|t| four_digit_year(t)));
        if let Some(year) = year {
            end += if tokens.get(end).is_some_and(|t| t.is_mark(",")) {
                2
            } else {
                1
            };
            return Some((
                DayMention::Date {
                    month,
                    day,
                    year: Some(year),
                },
                i,
                end,
            ));
        }
        return Some((
            DayMention::Date {
                month,
                day,
                year: None,
            },
            i,
            end,
        ));
    }
    // "the 12th", "on the 12th": an ordinal needs "the" or "on" before it.
    let introduced = the || i.checked_sub(1).is_some_and(|p| tokens[p].is("on"));
    // "the 2nd shift" is not a day: a day ends its phrase.
    let ends_phrase = tokens
        .get(at + 2)
        .is_none_or(|t| t.kind == Kind::Mark || t.is_any(AFTER_A_DAY));
    (ordinal && introduced && ends_phrase).then_some((DayMention::DayOfMonth(day), i, at + 2))
}

fn four_digit_year(token: &Token) -> Option<i32> {
    (token.text.len() == 4)
        .then(|| token.number(4))
        .flatten()
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2200).contains(y))
}

/// "3/17", "3/17/27", "3/17/2027" (month first), and "2026-12-11".
fn numeric_date(tokens: &[Token], i: usize) -> Option<(DayMention, usize, usize)> {
    let first = &tokens[i];
    let joined = |at: usize, mark: &str| {
        tokens.get(at).is_some_and(|t| t.joined && t.is_mark(mark))
            && tokens
                .get(at + 1)
                .is_some_and(|t| t.joined && t.kind == Kind::Number)
    };
    if first.text.len() == 4 && joined(i + 1, "-") && joined(i + 3, "-") {
        let year = four_digit_year(first)?;
        let month = tokens[i + 2].number(2)?;
        let day = tokens[i + 4].number(2)?;
        NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((
            DayMention::Date {
                month,
                day,
                year: Some(year),
            },
            i,
            i + 5,
        ));
    }
    let month = first.number(2).filter(|m| (1..=12).contains(m))?;
    if !joined(i + 1, "/") {
        return None;
    }
    let day = tokens[i + 2].number(2).filter(|d| (1..=31).contains(d))?;
    if joined(i + 3, "/") {
        let year_token = &tokens[i + 4];
        let year = match year_token.text.len() {
            2 => year_token.number(2).map(|y| 2000 + y),
            4 => year_token.number(4),
            _ => None,
        }
        .and_then(|y| i32::try_from(y).ok())?;
        return Some((
            DayMention::Date {
                month,
                day,
                year: Some(year),
            },
            i,
            i + 5,
        ));
    }
    Some((
        DayMention::Date {
            month,
            day,
            year: None,
        },
        i,
        i + 3,
    ))
}

/// An hour as written, before deciding whether it is a time.
#[derive(Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    /// Some(true) for pm, Some(false) for am.
    pm: Option<bool>,
    /// Written with minutes ("6:30") or "o'clock".
    explicit: bool,
    /// The token after it.
    end: usize,
}

impl Clock {
    fn is_time(&self) -> bool {
        match self.pm {
            Some(_) => (1..=12).contains(&self.hour),
            None => self.hour <= 23,
        }
    }

    /// Its readings, the likelier first.
    fn mention(&self, evening: bool) -> Option<TimeMention> {
        let at = |hour: u32| NaiveTime::from_hms_opt(hour, self.minute, 0);
        match self.pm {
            Some(pm) => at(self.hour % 12 + if pm { 12 } else { 0 })
                .map(|time| TimeMention { time, other: None }),
            None if self.hour == 0 || self.hour >= 13 => {
                at(self.hour).map(|time| TimeMention { time, other: None })
            }
            None => {
                let am = at(self.hour % 12)?;
                let pm = at(self.hour % 12 + 12)?;
                // Organizing happens after work: a bare 1 to 8 is afternoon
                // or evening, 9 to 11 morning; "tonight" settles it.
                let evening_first = evening || (1..=8).contains(&self.hour);
                let (time, other) = match (self.hour, evening_first) {
                    (12, _) => (pm, am),
                    (_, true) => (pm, am),
                    (_, false) => (am, pm),
                };
                Some(TimeMention {
                    time,
                    other: (!evening || self.hour == 12).then_some(other),
                })
            }
        }
    }
}

/// The hour, minutes and am/pm written from token `i`.
fn clock_at(tokens: &[Token], i: usize) -> Option<Clock> {
    let hour = tokens.get(i)?.number(2)?;
    let mut clock = Clock {
        hour,
        minute: 0,
        pm: None,
        explicit: false,
        end: i + 1,
    };
    let separator = tokens
        .get(i + 1)
        .filter(|t| t.joined && (t.is_mark(":") || t.is_mark(".")));
    let minutes = tokens
        .get(i + 2)
        .filter(|t| t.joined && t.kind == Kind::Number && t.text.len() == 2)
        .and_then(|t| t.number(2))
        .filter(|m| *m <= 59);
    if let (Some(separator), Some(minute)) = (separator, minutes) {
        clock.minute = minute;
        clock.explicit = separator.is_mark(":");
        clock.end = i + 3;
    }
    let after = clock.end;
    if let Some(marker) = tokens.get(after) {
        if marker.is_any(&["am", "pm"]) {
            clock.pm = Some(marker.is("pm"));
            clock.end = after + 1;
        } else if marker.is_any(&["a", "p"])
            && tokens
                .get(after + 1)
                .is_some_and(|t| t.joined && t.is_mark("."))
            && tokens.get(after + 2).is_some_and(|t| t.joined && t.is("m"))
        {
            clock.pm = Some(marker.is("p"));
            clock.end = after + 3;
            if tokens
                .get(clock.end)
                .is_some_and(|t| t.joined && t.is_mark("."))
            {
                clock.end += 1;
            }
        } else if marker.is_any(&["o'clock", "o\u{2019}clock", "oclock"]) {
            clock.explicit = true;
            clock.end = after + 1;
        }
    }
    // "6.30" is a time only with am or pm after it.
    if separator.is_some_and(|s| s.is_mark(".")) && clock.pm.is_none() && minutes.is_some() {
        return None;
    }
    clock.is_time().then_some(clock)
}

/// A time (or a range of two) from token `i`.
fn time_at(
    tokens: &[Token],
    i: usize,
    day_named: bool,
    evening: bool,
) -> Option<(TimeMention, usize, usize)> {
    let token = &tokens[i];
    if token.is_any(&["noon", "midday"]) {
        let time = NaiveTime::from_hms_opt(12, 0, 0)?;
        return Some((TimeMention { time, other: None }, i, i + 1));
    }
    if token.is("midnight") {
        return Some((
            TimeMention {
                time: NaiveTime::MIN,
                other: None,
            },
            i,
            i + 1,
        ));
    }
    let opener = token.is_any(&["between", "from"]);
    let at = if opener { i + 1 } else { i };
    let mut first = clock_at(tokens, at)?;
    let range_end = range_end(tokens, first.end);
    if let Some(second) = range_end
        && first.pm.is_none()
        && !first.explicit_24h()
    {
        // "6-8pm" is 6pm; "11 to 1pm" starts in the morning.
        first.pm = second.pm.map(|pm| {
            if first.hour % 12 <= second.hour % 12 {
                pm
            } else {
                !pm
            }
        });
    }
    let bare = first.pm.is_none() && !first.explicit;
    if bare && range_end.is_none() {
        let before = at.checked_sub(1).map(|p| &tokens[p]);
        let introduced = before.is_some_and(|t| t.is_any(BEFORE_BARE_HOUR));
        if !(introduced && day_named && (1..=12).contains(&first.hour))
            || address_follows(tokens, first.end)
        {
            return None;
        }
    }
    if bare && range_end.is_some_and(|s| s.pm.is_none() && !s.explicit) && !opener {
        // "6-8" or "2 to 3" alone could be anything: a score, a count.
        return None;
    }
    let end = range_end.map_or(first.end, |s| s.end);
    let start = if opener { i } else { at };
    Some((first.mention(evening)?, start, end))
}

impl Clock {
    fn explicit_24h(&self) -> bool {
        self.explicit && (self.hour == 0 || self.hour >= 13)
    }
}

/// The second clock of "6-8pm", "6 to 8", "11:30 and 1".
fn range_end(tokens: &[Token], at: usize) -> Option<Clock> {
    let link = tokens.get(at)?;
    let links = link.is_any(&["to", "and", "until", "till"])
        || link.is_mark("-")
        || link.is_mark("\u{2013}");
    if !links {
        return None;
    }
    let second = clock_at(tokens, at + 1)?;
    Some(Clock {
        end: second.end,
        ..second
    })
}

/// A street number, not an hour: "at 1 Union Square", "at 7 Elm Street".
fn address_follows(tokens: &[Token], at: usize) -> bool {
    tokens
        .get(at)
        .is_some_and(|t| t.kind == Kind::Word && t.capital)
}
