//! The ICS calendar, built with the `icalendar` crate: every planned or
//! confirmed meeting and every commitment not yet marked. UIDs come from
//! record ids, so importing again updates events instead of doubling them.

use chrono::{Duration, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::{Answer, Kept, MeetingStatus, Project};

use super::{ExportOptions, note, person_label};

/// How long a commitment is shown in the calendar when it has a time.
const COMMITMENT_MINUTES: i64 = 60;

/// The UID of a meeting's event.
pub fn meeting_uid(id: crate::model::MeetingId) -> String {
    format!("meeting-{}@relational", id.0)
}

/// The UID of the commitment made in a meeting.
pub fn commitment_uid(id: crate::model::MeetingId) -> String {
    format!("commitment-{}@relational", id.0)
}

/// The calendar as ICS text. `now` is the stamp of every event.
pub fn ics(project: &Project, options: ExportOptions, now: NaiveDateTime) -> String {
    let stamp = Utc.from_utc_datetime(&now);
    let mut calendar = Calendar::new();
    calendar.name(&format!("{} (Relational)", project.info.name.trim()));
    for meeting in project.meetings.values() {
        let open = matches!(
            meeting.status,
            MeetingStatus::Planned | MeetingStatus::Confirmed
        );
        let Some(start) = meeting.start.filter(|_| open) else {
            continue;
        };
        let who = person_label(project, meeting.person, options);
        let mut event = Event::new();
        event
            .uid(&meeting_uid(meeting.id))
            .timestamp(stamp)
            .summary(&format!("One-to-one with {who}"))
            .starts(start)
            .ends(start + Duration::minutes(i64::from(meeting.duration_minutes)));
        if !meeting.place.trim().is_empty() {
            event.location(meeting.place.trim());
        }
        let purpose = note(&meeting.purpose, options);
        if !purpose.is_empty() {
            event.description(&purpose);
        }
        calendar.push(event.done());
    }
    for meeting in project.meetings.values() {
        let Some(ask) = &meeting.ask else {
            continue;
        };
        let Some(day) = ask
            .day
            .filter(|_| ask.answer == Answer::Yes && ask.kept == Kept::Unknown)
        else {
            continue;
        };
        let who = person_label(project, meeting.person, options);
        let action = if ask.action.trim().is_empty() {
            "their commitment".to_owned()
        } else {
            ask.action.trim().to_owned()
        };
        let mut event = Event::new();
        event
            .uid(&commitment_uid(meeting.id))
            .timestamp(stamp)
            .summary(&format!("{who}: {action}"));
        match ask.time {
            Some(time) => {
                let start = day.and_time(time);
                event
                    .starts(start)
                    .ends(start + Duration::minutes(COMMITMENT_MINUTES));
            }
            None => {
                event.all_day(day);
            }
        }
        if !ask.place.trim().is_empty() {
            event.location(ask.place.trim());
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
