//! The ICS calendar, built with the `icalendar` crate: every planned or
//! confirmed meeting and every commitment not yet marked, each with a
//! reminder the day before to call and confirm, and every open follow-up
//! with a due day as a to-do. Times carry the computer's time zone (with
//! its VTIMEZONE definition), so calendar apps anywhere place them right.
//! UIDs come from record ids, so importing again updates instead of
//! doubling.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{
    Alarm, Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, Todo, Trigger,
};

use crate::model::{Answer, FollowUp, Kept, MeetingStatus, Owner, PersonId, Project};

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

/// The UID of a follow-up's to-do.
pub fn follow_up_uid(id: crate::model::FollowUpId) -> String {
    format!("follow-up-{}@relational", id.0)
}

/// The calendar as ICS text in this computer's time zone. `now` is the
/// stamp of every entry.
pub fn ics(project: &Project, options: ExportOptions, now: NaiveDateTime) -> String {
    ics_in(project, options, now, &jiff::tz::TimeZone::system())
}

/// How times are written: in a named zone, or (a zone without a name)
/// converted to UTC.
struct Zone<'a> {
    zone: &'a jiff::tz::TimeZone,
    name: Option<&'a str>,
}

impl Zone<'_> {
    fn at(&self, local: NaiveDateTime) -> CalendarDateTime {
        match self.name {
            Some(name) => CalendarDateTime::WithTimezone {
                date_time: local,
                tzid: name.to_owned(),
            },
            None => CalendarDateTime::Utc(to_utc(self.zone, local)),
        }
    }
}

/// A local time as UTC in `zone` (a time skipped by a clock change moves on).
fn to_utc(zone: &jiff::tz::TimeZone, local: NaiveDateTime) -> chrono::DateTime<Utc> {
    let offset = zone
        .to_offset(jiff::Timestamp::from_second(local.and_utc().timestamp()).unwrap_or_default())
        .seconds();
    Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset))))
}

/// Like [`ics`], in the given time zone.
pub fn ics_in(
    project: &Project,
    options: ExportOptions,
    now: NaiveDateTime,
    zone: &jiff::tz::TimeZone,
) -> String {
    let zone = Zone {
        zone,
        name: zone.iana_name(),
    };
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
            .starts(zone.at(start))
            .ends(zone.at(start + Duration::minutes(i64::from(meeting.duration_minutes))));
        if meeting.status == MeetingStatus::Planned {
            event.alarm(reminder(
                &format!("Call {who} to confirm tomorrow's one-to-one"),
                &meeting_uid(meeting.id),
                stamp,
            ));
        }
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
                    .starts(zone.at(start))
                    .ends(zone.at(start + Duration::minutes(COMMITMENT_MINUTES)));
            }
            None => {
                event.all_day(day);
            }
        }
        let place = free_text(&ask.place, scrub);
        if !place.is_empty() {
            event.location(&one_kind_of_line_break(&place));
        }
        event.alarm(reminder(
            &one_kind_of_line_break(&format!("Call {who} to confirm: {action}")),
            &commitment_uid(meeting.id),
            stamp,
        ));
        calendar.push(event.done());
    }
    for (person, follow_up) in open_follow_ups(project) {
        let Some(due) = follow_up.due else {
            continue;
        };
        let who = person_label(project, person, options);
        let what = free_text(&follow_up.what, scrub);
        let summary = match follow_up.owner {
            Owner::Me => format!("{who}: {what}"),
            Owner::Them => format!("{who} owes: {what}"),
            Owner::Teammate(id) => {
                format!(
                    "{} owes ({who}): {what}",
                    person_label(project, id, options)
                )
            }
        };
        let mut todo = Todo::new();
        todo.uid(&follow_up_uid(follow_up.id))
            .timestamp(stamp)
            .summary(&one_kind_of_line_break(&summary))
            .due(DatePerhapsTime::Date(due));
        calendar.push(todo.done());
    }
    let text = calendar.done().to_string();
    match zone.name {
        Some(name) => with_timezone_definition(&text, name, zone.zone, &years(project)),
        None => text,
    }
}

/// Open follow-ups of meetings and of people, with whom each is about;
/// people who asked not to be contacted are left out.
fn open_follow_ups(project: &Project) -> Vec<(PersonId, &FollowUp)> {
    let quiet = |id: PersonId| project.person(id).is_some_and(|p| p.do_not_contact);
    let of_meetings = project
        .meetings
        .values()
        .flat_map(|m| m.follow_ups.iter().map(move |f| (m.person, f)));
    let of_people = project
        .people
        .values()
        .flat_map(|p| p.follow_ups.iter().map(move |f| (p.id, f)));
    of_meetings
        .chain(of_people)
        .filter(|(person, f)| !f.done && !quiet(*person))
        .collect()
}

/// A reminder the day before, at the same time. Its stamp and UID are
/// set (the crate would write the clock and a random one), so the same
/// project exports the same text.
fn reminder(text: &str, of: &str, stamp: chrono::DateTime<Utc>) -> Alarm {
    let mut alarm = Alarm::display(text, Trigger::before_start(Duration::days(1)));
    alarm.timestamp(stamp).uid(&format!("alarm-{of}"));
    alarm.done()
}

/// The first and last year any entry falls in.
fn years(project: &Project) -> (i32, i32) {
    let days = project
        .meetings
        .values()
        .flat_map(|m| {
            [
                m.start.map(|s| s.date()),
                m.ask.as_ref().and_then(|a| a.day),
            ]
        })
        .flatten();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    for day in days {
        first = first.min(chrono::Datelike::year(&day));
        last = last.max(chrono::Datelike::year(&day));
    }
    if first > last {
        let year = chrono::Datelike::year(&chrono::Local::now().date_naive());
        (year, year)
    } else {
        (first, last)
    }
}

/// The ICS text with a VTIMEZONE for `name` put in before the first entry:
/// the offset in force from the start of `years`, then each change of
/// clock up to their end, so an app without that zone's rules still places
/// every time right.
fn with_timezone_definition(
    text: &str,
    name: &str,
    zone: &jiff::tz::TimeZone,
    (first, last): &(i32, i32),
) -> String {
    let start_of = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc().timestamp())
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .unwrap_or_default()
    };
    let from = start_of(*first);
    let until = start_of(last.saturating_add(1));
    let mut block = format!("BEGIN:VTIMEZONE\r\nTZID:{name}\r\n");
    let info = zone.to_offset_info(from);
    let initial = info.offset().seconds();
    block.push_str(&observance(
        info.dst().is_dst(),
        "19700101T000000",
        initial,
        initial,
        info.abbreviation(),
    ));
    let mut before = initial;
    for change in zone.following(from).take_while(|t| t.timestamp() < until) {
        let after = change.offset().seconds();
        // DTSTART is the wall-clock time just before the change.
        let local = chrono::DateTime::from_timestamp(change.timestamp().as_second(), 0)
            .map(|t| {
                (t.naive_utc() + Duration::seconds(i64::from(before)))
                    .format("%Y%m%dT%H%M%S")
                    .to_string()
            })
            .unwrap_or_default();
        block.push_str(&observance(
            change.dst().is_dst(),
            &local,
            before,
            after,
            change.abbreviation(),
        ));
        before = after;
    }
    block.push_str("END:VTIMEZONE\r\n");
    let at = text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("BEGIN:VTODO"))
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{block}{}", &text[..at], &text[at..])
}

fn observance(dst: bool, start: &str, from: i32, to: i32, abbreviation: &str) -> String {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    let name: String = abbreviation
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'))
        .collect();
    format!(
        "BEGIN:{kind}\r\nDTSTART:{start}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{name}\r\nEND:{kind}\r\n",
        utc_offset(from),
        utc_offset(to)
    )
}

/// "+0100", "-0430" (seconds dropped, as the RFC allows).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
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
