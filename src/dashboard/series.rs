//! The numbers behind the dashboard's plots, week by week (weeks start on
//! Monday).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::model::{Answer, Kept, MeetingStatus, Project, Stage};

/// One-to-ones held in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekCount {
    /// The Monday the week starts on.
    pub week_start: NaiveDate,
    /// How many.
    pub count: usize,
}

/// Asks made in one week and what came of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AskWeek {
    /// The Monday the week starts on.
    pub week_start: NaiveDate,
    /// Asks made (in meetings held that week).
    pub asks: usize,
    /// Of those, answered yes.
    pub yes: usize,
    /// Of the yeses, kept.
    pub kept: usize,
}

impl AskWeek {
    /// Share of asks answered yes, 0–1 (0 with no asks).
    pub fn yes_share(&self) -> f32 {
        ratio(self.yes, self.asks)
    }

    /// Share of asks that ended in a kept commitment, 0–1.
    pub fn kept_share(&self) -> f32 {
        ratio(self.kept, self.asks)
    }
}

fn ratio(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The Monday of the week containing `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Mondays of the `weeks` weeks ending with the current one, oldest first.
fn week_starts(now: NaiveDateTime, weeks: usize) -> Vec<NaiveDate> {
    let this_week = week_start(now.date());
    (0..weeks)
        .rev()
        .map(|back| this_week - Duration::weeks(back as i64))
        .collect()
}

fn index_of(starts: &[NaiveDate], day: NaiveDate) -> Option<usize> {
    starts.binary_search(&week_start(day)).ok()
}

/// One-to-ones held per week over the last `weeks` weeks (empty weeks
/// included, so gaps show).
pub fn held_per_week(project: &Project, now: NaiveDateTime, weeks: usize) -> Vec<WeekCount> {
    let starts = week_starts(now, weeks);
    let mut counts = vec![0usize; starts.len()];
    for meeting in project.meetings.values() {
        if meeting.status != MeetingStatus::Held {
            continue;
        }
        if let Some(i) = meeting.date().and_then(|day| index_of(&starts, day)) {
            counts[i] += 1;
        }
    }
    starts
        .into_iter()
        .zip(counts)
        .map(|(week_start, count)| WeekCount { week_start, count })
        .collect()
}

/// Asks made per week over the last `weeks` weeks, with how many were
/// answered yes and how many of those were kept.
pub fn asks_per_week(project: &Project, now: NaiveDateTime, weeks: usize) -> Vec<AskWeek> {
    let starts = week_starts(now, weeks);
    let mut rows: Vec<AskWeek> = starts
        .iter()
        .map(|week_start| AskWeek {
            week_start: *week_start,
            asks: 0,
            yes: 0,
            kept: 0,
        })
        .collect();
    for meeting in project.meetings.values() {
        let Some(ask) = &meeting.ask else {
            continue;
        };
        let made = !ask.action.trim().is_empty() || !ask.wording.trim().is_empty();
        if meeting.status != MeetingStatus::Held || !made {
            continue;
        }
        let Some(row) = meeting
            .date()
            .and_then(|day| index_of(&starts, day))
            .and_then(|i| rows.get_mut(i))
        else {
            continue;
        };
        row.asks += 1;
        if ask.answer == Answer::Yes {
            row.yes += 1;
            if ask.kept == Kept::Kept {
                row.kept += 1;
            }
        }
    }
    rows
}

/// How many people are at each stage (the organizer left out), lowest
/// stage first.
pub fn people_by_stage(project: &Project) -> Vec<(Stage, usize)> {
    Stage::ALL
        .iter()
        .map(|stage| {
            let count = project
                .people
                .values()
                .filter(|p| p.id != project.me && p.stage == *stage)
                .count();
            (*stage, count)
        })
        .collect()
}
