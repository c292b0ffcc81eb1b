//! Exports of the demo project, read back with real parsers.

use std::str::FromStr;

use chrono::NaiveDateTime;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};

use super::calendar::{commitment_uid, meeting_uid};
use super::csv_files::{LEADERS_HEADER, SHEET_HEADER};
use super::*;
use crate::dashboard::leadership;
use crate::model::{Answer, Kept, MeetingStatus};

fn demo() -> Project {
    crate::store::parse(crate::DEMO_RON.as_bytes())
        .expect("the demo parses")
        .project
}

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default()
}

fn rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed row")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn leaders_csv_lists_every_candidate_with_its_columns() {
    let project = demo();
    let bytes = leaders_csv(&project, ExportOptions::default()).expect("export");
    let (header, rows) = rows(&bytes);
    assert_eq!(header, LEADERS_HEADER);
    let candidates = leadership(&project).candidates;
    assert_eq!(rows.len(), candidates.len());
    assert!(rows.len() >= 5, "the demo has a leadership team");
    let first = project.person(candidates[0]).expect("a person");
    assert_eq!(rows[0][0], first.display_initials());
    assert_eq!(rows[0][1], first.role);
    assert_eq!(rows[0][4], first.stage.label());
    assert_eq!(rows[0][3], first.reason_to_build.trim());
}

#[test]
fn sheet_csv_has_a_row_per_held_meeting() {
    let project = demo();
    let bytes = sheet_csv(&project, ExportOptions::default()).expect("export");
    let (header, rows) = rows(&bytes);
    assert_eq!(header, SHEET_HEADER);
    let held: Vec<_> = project
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    assert_eq!(rows.len(), held.len());
    assert!(rows.iter().all(|row| row.len() == SHEET_HEADER.len()));
    let names: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    for meeting in held {
        assert!(names.contains(&project.name_of(meeting.person)));
    }
    let dates: Vec<&str> = rows.iter().map(|row| row[1].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "oldest first");
}

#[test]
fn calendar_parses_with_meetings_and_commitments_and_stable_uids() {
    let project = demo();
    let text = ics(&project, ExportOptions::default(), now());
    let calendar = Calendar::from_str(&text).expect("the ICS parses");
    let events: Vec<_> = calendar.events().collect();
    let open: Vec<_> = project
        .meetings
        .values()
        .filter(|m| matches!(m.status, MeetingStatus::Planned | MeetingStatus::Confirmed))
        .filter(|m| m.start.is_some())
        .collect();
    let commitments: Vec<_> = project
        .meetings
        .values()
        .filter(|m| {
            m.ask.as_ref().is_some_and(|a| {
                a.answer == Answer::Yes && a.kept == Kept::Unknown && a.day.is_some()
            })
        })
        .collect();
    assert!(!open.is_empty() && !commitments.is_empty());
    assert_eq!(events.len(), open.len() + commitments.len());
    for meeting in open {
        let event = events
            .iter()
            .find(|e| e.get_uid() == Some(meeting_uid(meeting.id).as_str()))
            .expect("an event per open meeting");
        let start = meeting.start.expect("dated");
        assert_eq!(
            event.get_start(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(start)))
        );
        let place = Some(meeting.place.trim()).filter(|p| !p.is_empty());
        assert_eq!(event.get_location(), place);
        assert!(
            event
                .get_summary()
                .is_some_and(|s| s.contains(project.name_of(meeting.person)))
        );
    }
    for meeting in commitments {
        let ask = meeting.ask.as_ref().expect("an ask");
        let event = events
            .iter()
            .find(|e| e.get_uid() == Some(commitment_uid(meeting.id).as_str()))
            .expect("an event per commitment");
        if let (Some(day), Some(time)) = (ask.day, ask.time) {
            assert_eq!(
                event.get_start(),
                Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(
                    day.and_time(time)
                )))
            );
        }
        let place = Some(ask.place.trim()).filter(|p| !p.is_empty());
        assert_eq!(event.get_location(), place);
    }
    // Same project, same text: importing twice updates, never doubles.
    assert_eq!(text, ics(&project, ExportOptions::default(), now()));
}

/// Every name, phone number, email and note in the project.
fn secrets(project: &Project) -> Vec<String> {
    let mut found = Vec::new();
    for person in project.people.values() {
        found.extend(
            [
                &person.name,
                &person.phone,
                &person.email,
                &person.reason_to_build,
                &person.why_they_care,
                &person.values,
                &person.interests,
                &person.skills_assets,
                &person.challenges,
                &person.hopes,
            ]
            .into_iter()
            .cloned(),
        );
    }
    for meeting in project.meetings.values() {
        let n = &meeting.notes;
        found.extend(
            [
                &n.values,
                &n.interests,
                &n.skills_assets,
                &n.challenges,
                &n.hopes,
                &n.why_they_care,
                &n.story_shared,
                &n.exchange_made,
                &n.general,
                &meeting.purpose,
            ]
            .into_iter()
            .cloned(),
        );
    }
    found
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| s.chars().count() >= 4)
        .collect()
}

#[test]
fn anonymized_exports_leak_no_name_contact_or_note() {
    let project = demo();
    let secrets = secrets(&project);
    assert!(secrets.len() > 50, "the demo has names and notes to hide");
    let anonymous = ExportOptions {
        anonymize: true,
        ..Default::default()
    };
    for format in ExportFormat::ALL {
        let bytes = format.render(&project, anonymous, now()).expect("export");
        let text = String::from_utf8(bytes).expect("UTF-8");
        // ICS folds long lines; unfold before searching.
        let text = text
            .replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";");
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{} leaks {secret:?}",
                format.cli_name()
            );
        }
    }
    // The same exports without anonymizing do carry names.
    let named = ExportFormat::SheetCsv
        .render(&project, ExportOptions::default(), now())
        .expect("export");
    assert!(String::from_utf8_lossy(&named).contains("Dolores Fuentes"));
}

#[test]
fn cli_names_round_trip() {
    for format in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_cli_name(format.cli_name()), Some(format));
    }
    assert_eq!(ExportFormat::from_cli_name("pdf"), None);
}

/// The demo with people's names typed where free text goes, a formula in
/// a role and a place with a line break and a comma.
fn hostile_demo() -> Project {
    let mut project = demo();
    // Short names leak as easily as long ones.
    if let Some(person) = project.people.values_mut().next() {
        person.name = "Li Wu".to_owned();
    }
    project.info.name = "Nurses, Riverside; \"union\"".to_owned();
    let names: Vec<String> = project.people.values().map(|p| p.name.clone()).collect();
    for (index, meeting) in project.meetings.values_mut().enumerate() {
        let name = &names[index % names.len()];
        meeting.place = format!("{name}'s kitchen,\r\nback door");
        meeting.status = MeetingStatus::Planned;
        if let Some(ask) = meeting.ask.as_mut() {
            ask.action = format!("phonebank with {name}");
            ask.place = format!("{name}'s house");
            ask.answer = Answer::Yes;
            ask.kept = Kept::Unknown;
        }
    }
    for person in project.people.values_mut() {
        person.role = "=HYPERLINK(\"http://x\",\"click\")".to_owned();
    }
    project
}

#[test]
fn anonymized_ics_names_nobody_even_inside_actions_and_places() {
    let project = hostile_demo();
    let options = ExportOptions {
        anonymize: true,
        ..Default::default()
    };
    let text = ics(&project, options, now());
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\\,", ",")
        .replace("\\;", ";");
    for person in project.people.values() {
        for part in person
            .name
            .split_whitespace()
            .filter(|p| p.chars().count() >= 3)
        {
            assert!(!unfolded.contains(part), "{part:?} leaks");
        }
    }
    assert!(
        unfolded.contains("phonebank with"),
        "the action itself stays"
    );
}

#[test]
fn ics_text_has_no_raw_carriage_return_and_escapes_commas() {
    let project = hostile_demo();
    let text = ics(&project, ExportOptions::default(), now());
    let without_line_ends = text.replace("\r\n", "");
    assert!(!without_line_ends.contains('\r'), "a CR inside a value");
    assert!(
        text.contains("NAME:Nurses\\, Riverside\\; \"union\" (Relational)"),
        "{text}"
    );
    assert!(text.contains("kitchen\\,\\nback door"));
    assert!(Calendar::from_str(&text).is_ok(), "still parses");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_inert_with_crlf_and_an_optional_bom() {
    let project = hostile_demo();
    let bytes = leaders_csv(&project, ExportOptions::default()).expect("export");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let (_, leaders) = rows(&bytes);
    assert!(leaders.iter().all(|row| row[1].starts_with("'=HYPERLINK")));
    let with_bom = ExportOptions {
        bom: true,
        ..Default::default()
    };
    let bytes = leaders_csv(&project, with_bom).expect("export");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let (header, _) = rows(&bytes);
    assert_eq!(header[0], "initials", "readers skip the mark");
}

#[test]
fn anonymized_leaders_leave_out_role_and_organization() {
    let project = demo();
    let options = ExportOptions {
        anonymize: true,
        ..Default::default()
    };
    let (_, leaders) = rows(&leaders_csv(&project, options).expect("export"));
    assert!(!leaders.is_empty());
    assert!(
        leaders
            .iter()
            .all(|row| row[1].is_empty() && row[2].is_empty())
    );
}

#[test]
fn people_who_asked_not_to_be_contacted_are_left_out_of_every_export() {
    let mut project = demo();
    let candidates = leadership(&project).candidates;
    // A candidate with a meeting still planned (on the calendar).
    let flagged = candidates
        .iter()
        .copied()
        .find(|id| {
            project
                .meetings
                .values()
                .any(|m| m.person == *id && m.is_open())
        })
        .expect("a candidate to meet");
    let name = project.name_of(flagged).to_owned();
    let initials = project.people[&flagged].display_initials();
    let (_, before) = rows(&sheet_csv(&project, ExportOptions::default()).expect("sheet"));
    let their_rows = before.iter().filter(|row| row[0] == name).count();
    let calendar_before = ics(&project, ExportOptions::default(), now());
    assert!(
        calendar_before.contains(&format!("with {name}")),
        "{name} has an event"
    );
    if let Some(person) = project.people.get_mut(&flagged) {
        person.do_not_contact = true;
    }
    let options = ExportOptions::default();
    let render = |format: ExportFormat| format.render(&project, options, now()).expect("export");
    // No row about them (they may still appear as the one who held a
    // meeting with someone else).
    let (_, sheet) = rows(&render(ExportFormat::SheetCsv));
    assert!(
        sheet.iter().all(|row| row[0] != name),
        "the sheet lists {name}"
    );
    assert_eq!(sheet.len(), before.len() - their_rows);
    let calendar = String::from_utf8_lossy(&render(ExportFormat::Calendar)).into_owned();
    assert!(
        !calendar.contains(&format!("with {name}")),
        "the calendar has {name}"
    );
    let (_, leader_rows) = rows(&render(ExportFormat::LeadersCsv));
    assert_eq!(leader_rows.len(), candidates.len() - 1);
    let position = candidates
        .iter()
        .position(|id| *id == flagged)
        .expect("a candidate");
    let others: Vec<String> = candidates
        .iter()
        .filter(|id| **id != flagged)
        .filter_map(|id| project.person(*id).map(|p| p.display_initials()))
        .collect();
    let listed: Vec<String> = leader_rows.iter().map(|row| row[0].clone()).collect();
    assert_eq!(
        listed, others,
        "{initials} (row {position}) left out, the others in order"
    );
}
