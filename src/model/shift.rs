//! Moving every date of a project by the same number of days: the demo is
//! written around one day and opened around today.

use chrono::{Duration, NaiveDate};

use super::Project;

impl Project {
    /// Moves every date and time in the project by `days` (people added,
    /// contacts, meetings, asks, follow-ups, introductions, debrief
    /// answers). Intervals between them stay the same.
    pub fn shift_dates(&mut self, days: i64) {
        let by = Duration::days(days);
        let day = |d: &mut NaiveDate| *d = d.checked_add_signed(by).unwrap_or(*d);
        for person in self.people.values_mut() {
            person.created.as_mut().map(day);
            for contact in &mut person.contacts {
                contact.at = contact.at.checked_add_signed(by).unwrap_or(contact.at);
            }
            for item in &mut person.follow_ups {
                item.due.as_mut().map(day);
            }
        }
        for meeting in self.meetings.values_mut() {
            if let Some(start) = meeting.start.as_mut() {
                *start = start.checked_add_signed(by).unwrap_or(*start);
            }
            if let Some(ask) = meeting.ask.as_mut() {
                ask.day.as_mut().map(day);
                if let Some(second) = ask.second_option.as_mut() {
                    *second = second.checked_add_signed(by).unwrap_or(*second);
                }
            }
            for item in &mut meeting.follow_ups {
                item.due.as_mut().map(day);
            }
        }
        for intro in self.introductions.values_mut() {
            intro.date.as_mut().map(day);
        }
        for answer in &mut self.info.reflection.answers {
            day(&mut answer.day);
        }
    }
}
