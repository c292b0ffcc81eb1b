//! The CSV exports, written with the `csv` crate (quoting, embedded commas
//! and line breaks handled as RFC 4180 says).

use crate::dashboard::leadership;
use crate::model::{MeetingStatus, Project};

use super::{ExportOptions, note, person_label};

/// Columns of the leadership candidate list.
pub const LEADERS_HEADER: [&str; 5] = [
    "initials",
    "role",
    "organization",
    "reason to build the relationship",
    "stage",
];

/// Columns of the one-to-one data sheet.
pub const SHEET_HEADER: [&str; 7] = [
    "person",
    "date",
    "conducted by",
    "why they care",
    "values, interests, skills",
    "challenges",
    "hopes",
];

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, String> {
    writer.into_inner().map_err(|e| e.to_string())
}

/// Leadership-team members and people at stage committed or above, one row
/// each, highest stage first.
pub fn leaders_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(LEADERS_HEADER)
        .map_err(|e| e.to_string())?;
    for id in leadership(project).candidates {
        let Some(person) = project.person(id) else {
            continue;
        };
        writer
            .write_record([
                person.display_initials(),
                person.role.trim().to_owned(),
                person.organization.trim().to_owned(),
                note(&person.reason_to_build, options),
                person.stage.label().to_owned(),
            ])
            .map_err(|e| e.to_string())?;
    }
    finish(writer)
}

/// One row per held one-to-one, oldest first, from the meeting's notes.
pub fn sheet_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(SHEET_HEADER)
        .map_err(|e| e.to_string())?;
    let mut held: Vec<_> = project
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    held.sort_by_key(|m| (m.start, m.id));
    for meeting in held {
        let notes = &meeting.notes;
        let assets: Vec<&str> = [&notes.values, &notes.interests, &notes.skills_assets]
            .into_iter()
            .map(|text| text.trim())
            .filter(|text| !text.is_empty())
            .collect();
        writer
            .write_record([
                person_label(project, meeting.person, options),
                meeting
                    .date()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                person_label(project, meeting.conducted_by, options),
                note(&notes.why_they_care, options),
                note(&assets.join("; "), options),
                note(&notes.challenges, options),
                note(&notes.hopes, options),
            ])
            .map_err(|e| e.to_string())?;
    }
    finish(writer)
}
