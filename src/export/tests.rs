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

fn new_york() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("America/New_York").expect("the time zone database")
}

fn in_new_york(at: NaiveDateTime) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
        date_time: at,
        tzid: "America/New_York".to_owned(),
    })
}

/// The text of a PDF, as `pdftotext` (poppler-utils) reads it.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("print.pdf");
    std::fs::write(&path, bytes).expect("written");
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
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
    assert_eq!(
        rows[0],
        [
            first.display_name(),
            first.role.trim(),
            first.phone.trim(),
            first.email.trim(),
            first.organization.trim(),
            first.stage.label(),
            first.reason_to_build.trim(),
        ]
    );
}

#[test]
fn the_anonymized_leader_list_has_unique_initials_and_no_contact() {
    let project = demo();
    let anonymous = ExportOptions {
        anonymize: true,
        ..Default::default()
    };
    let (_, rows) = rows(&leaders_csv(&project, anonymous).expect("export"));
    let names: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    // James Whitfield and Jerome Washington are both "JW".
    assert!(
        names.contains(&"JW1") && names.contains(&"JW2"),
        "{names:?}"
    );
    assert!(!names.contains(&"JW"));
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    assert!(
        rows.iter()
            .all(|row| row[1..5].iter().all(String::is_empty) && row[6].is_empty())
    );
    assert!(rows.iter().all(|row| !row[5].is_empty()), "the stage stays");
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
    let zone = new_york();
    let text = calendar::ics_in(&project, ExportOptions::default(), now(), &zone);
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
        assert_eq!(event.get_start(), Some(in_new_york(start)));
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
            assert_eq!(event.get_start(), Some(in_new_york(day.and_time(time))));
        }
        let place = Some(ask.place.trim()).filter(|p| !p.is_empty());
        assert_eq!(event.get_location(), place);
    }
    // Same project, same text: importing twice updates, never doubles.
    assert_eq!(
        text,
        calendar::ics_in(&project, ExportOptions::default(), now(), &zone)
    );
}

#[test]
fn the_calendar_reminds_to_confirm_lists_follow_ups_and_defines_its_time_zone() {
    let project = demo();
    let text = calendar::ics_in(&project, ExportOptions::default(), now(), &new_york());
    let calendar = Calendar::from_str(&text).expect("the ICS parses");
    // Every commitment and every planned (not yet confirmed) meeting has
    // a reminder the day before.
    let mut reminded = 0;
    for event in calendar.events() {
        let uid = event.get_uid().unwrap_or_default();
        let planned = project
            .meetings
            .values()
            .any(|m| meeting_uid(m.id) == uid && m.status == MeetingStatus::Planned);
        let alarms: Vec<_> = event
            .components()
            .iter()
            .filter(|c| c.component_kind() == "VALARM")
            .collect();
        if uid.starts_with("commitment-") || planned {
            assert_eq!(alarms.len(), 1, "{uid} has a reminder");
            let alarm = alarms[0];
            assert_eq!(alarm.property_value("ACTION"), Some("DISPLAY"));
            assert_eq!(alarm.property_value("TRIGGER"), Some("-PT86400S"));
            assert!(
                alarm
                    .property_value("DESCRIPTION")
                    .is_some_and(|d| d.starts_with("Call "))
            );
            reminded += 1;
        } else {
            assert!(alarms.is_empty(), "{uid}");
        }
    }
    assert!(reminded >= 3, "{reminded} reminders");
    // Open follow-ups with a day are to-dos due that day.
    let todos: Vec<_> = calendar.todos().collect();
    let expected: Vec<_> = project
        .meetings
        .values()
        .flat_map(|m| m.follow_ups.iter())
        .chain(project.people.values().flat_map(|p| p.follow_ups.iter()))
        .filter(|f| !f.done && f.due.is_some())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(todos.len(), expected.len());
    for follow_up in expected {
        let todo = todos
            .iter()
            .find(|t| t.get_uid() == Some(calendar::follow_up_uid(follow_up.id).as_str()))
            .expect("a to-do per follow-up");
        assert_eq!(todo.get_due(), follow_up.due.map(DatePerhapsTime::Date));
        assert!(
            todo.get_summary()
                .is_some_and(|s| s.contains(follow_up.what.trim()))
        );
    }
    // The zone is defined, with the clock changes of the year.
    let zones: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Other(other) => Some(other),
            _ => None,
        })
        .filter(|c| c.component_kind() == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1);
    assert_eq!(zones[0].property_value("TZID"), Some("America/New_York"));
    let offsets: Vec<(&str, Option<&str>)> = zones[0]
        .components()
        .iter()
        .map(|c| {
            (
                c.property_value("DTSTART").unwrap_or_default(),
                c.property_value("TZOFFSETTO"),
            )
        })
        .collect();
    assert!(
        offsets.contains(&("20260308T020000", Some("-0400"))),
        "{offsets:?}"
    );
    assert!(
        offsets.contains(&("20261101T020000", Some("-0500"))),
        "{offsets:?}"
    );
}

#[test]
fn a_zone_without_a_name_writes_times_in_utc() {
    let project = demo();
    let fixed = jiff::tz::TimeZone::fixed(jiff::tz::offset(-5));
    let text = calendar::ics_in(&project, ExportOptions::default(), now(), &fixed);
    assert!(!text.contains("TZID") && !text.contains("VTIMEZONE"));
    let meeting = project
        .meetings
        .values()
        .find(|m| m.is_open() && m.start.is_some())
        .expect("an open meeting");
    let start = meeting.start.expect("dated") + chrono::Duration::hours(5);
    assert!(text.contains(&format!("DTSTART:{}Z", start.format("%Y%m%dT%H%M%S"))));
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
        let text = if format.extension() == "pdf" {
            // Lines of a print-out wrap: read it as one line.
            pdf_text(&bytes)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            String::from_utf8(bytes).expect("UTF-8")
        };
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
    assert_eq!(header[0], "name", "readers skip the mark");
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
        .filter_map(|id| project.person(*id).map(|p| p.display_name().to_owned()))
        .collect();
    let listed: Vec<String> = leader_rows.iter().map(|row| row[0].clone()).collect();
    assert_eq!(
        listed, others,
        "{initials} (row {position}) left out, the others in order"
    );
}

/// A PDF's text on one line, spaces collapsed, for phrases that wrap.
fn pdf_words(bytes: &[u8]) -> String {
    pdf_text(bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_blank_sheet_prints_the_checklist_and_every_question_as_text() {
    let bytes = printouts::blank_sheet_pdf().expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_words(&bytes);
    for item in crate::meeting::checklist::TEMPLATE {
        assert!(text.contains(item.label), "{:?} missing", item.label);
    }
    for theme in crate::meeting::questions::Theme::ALL {
        assert!(text.contains(theme.label()), "{:?} missing", theme.label());
        for question in theme.questions() {
            assert!(text.contains(question), "{question:?} missing");
        }
    }
    assert!(text.contains("Who else should I talk to?"));
}

#[test]
fn the_leader_list_prints_names_and_contacts_or_unique_initials() {
    let project = demo();
    let named =
        pdf_words(&printouts::leaders_pdf(&project, ExportOptions::default()).expect("pdf"));
    for row in super::rows::leader_rows(&project, ExportOptions::default()) {
        assert!(named.contains(&row.name), "{} missing", row.name);
        for field in [&row.phone, &row.email, &row.worksite, &row.position] {
            assert!(named.contains(field.as_str()), "{field:?} missing");
        }
    }
    let anonymous = ExportOptions {
        anonymize: true,
        ..Default::default()
    };
    let hidden = pdf_words(&printouts::leaders_pdf(&project, anonymous).expect("pdf"));
    assert!(hidden.contains("JW1") && hidden.contains("JW2"), "{hidden}");
    assert!(!hidden.contains("Whitfield") && !hidden.contains("Phone:"));
}

#[test]
fn the_data_sheet_prints_each_held_meeting_by_theme() {
    let project = demo();
    let text = pdf_words(&printouts::sheet_pdf(&project, ExportOptions::default()).expect("pdf"));
    let rows = super::rows::sheet_rows(&project, ExportOptions::default());
    assert!(!rows.is_empty());
    for row in rows {
        assert!(
            text.contains(&format!("{} · {}", row.person, row.date)),
            "{}",
            row.person
        );
        let values: String = row.values.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&values), "{values:?}");
    }
}

#[test]
fn the_prep_card_prints_with_its_planned_ask() {
    let project = demo();
    let meeting = project
        .meetings
        .values()
        .find(|m| m.is_open() && m.ask.as_ref().is_some_and(|a| a.answer == Answer::Pending))
        .or_else(|| project.meetings.values().find(|m| m.is_open()))
        .expect("an open meeting");
    let card = crate::meeting::rules::prep_card(&project, meeting.id).expect("card");
    let text = pdf_words(&printouts::prep_card_pdf(&project, meeting.id).expect("pdf"));
    assert!(text.contains(&format!(
        "Prep: one-to-one with {}",
        project.name_of(meeting.person)
    )));
    for line in card.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let words: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = words.trim_end_matches(':');
        assert!(text.contains(words), "{words:?} missing from\n{text}");
    }
}

#[test]
fn names_in_other_scripts_and_very_long_ones_print_as_text() {
    let mut project = demo();
    let id = leadership(&project).candidates[0];
    let long = "Bartholomew-Fitzwilliam ".repeat(12);
    if let Some(person) = project.people.get_mut(&id) {
        person.name = "Zoë Łucja Nguyễn".into();
        person.reason_to_build = format!("{long}ends here");
    }
    let text = pdf_words(&printouts::leaders_pdf(&project, ExportOptions::default()).expect("pdf"));
    assert!(text.contains("Zoë Łucja"), "{text}");
    // The bundled font lacks Vietnamese letters: a system font that has
    // them is used (CI installs DejaVu).
    assert!(text.contains("Nguyễn"), "{text}");
    assert!(text.contains("Bartholomew-Fitzwilliam ends here"));
}
