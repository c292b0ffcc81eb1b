//! The ICS calendar, built with the `icalendar` crate: every planned or
//! confirmed meeting and every commitment not yet marked. UIDs come from
//! record ids, so importing again updates events instead of doubling them.

use chrono::{Duration, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::{Answer, Kept, MeetingStatus, Project};

use super::privacy::Anonymizer;
use super::{ExportOptions, free_text, note, person_label};

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
    let scrub = options.anonymize.then(|| Anonymizer::new(project));
    let scrub = scrub.as_ref();
    let mut calendar = Calendar::new();
    // The crate escapes TEXT properties but not the calendar's name.
    let name = free_text(&format!("{} (Relational)", project.info.name), scrub);
    calendar.name(&escape_text(&one_kind_of_line_break(&name)));
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
            .summary(&one_kind_of_line_break(&format!("One-to-one with {who}")))
            .starts(start)
            .ends(start + Duration::minutes(i64::from(meeting.duration_minutes)));
        let place = free_text(&meeting.place, scrub);
        if !place.is_empty() {
            event.location(&one_kind_of_line_break(&place));
        }
        let purpose = note(&meeting.purpose, options);
        if !purpose.is_empty() {
            event.description(&one_kind_of_line_break(&purpose));
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
            free_text(&ask.action, scrub)
        };
        let mut event = Event::new();
        event
            .uid(&commitment_uid(meeting.id))
            .timestamp(stamp)
            .summary(&one_kind_of_line_break(&format!("{who}: {action}")));
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
        let place = free_text(&ask.place, scrub);
        if !place.is_empty() {
            event.location(&one_kind_of_line_break(&place));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

/// Carriage returns may not stand in a value (RFC 5545 §3.1): line breaks
/// become `\n` alone, which the writer escapes.
fn one_kind_of_line_break(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// TEXT escaping (RFC 5545 §3.3.11) for a value the crate writes raw.
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}
