//! The CSV exports, written with the `csv` crate (quoting, embedded commas
//! and line breaks, CRLF line ends, as RFC 4180 says). Cells a spreadsheet
//! would run as formulas are made inert; a byte-order mark is optional.

use crate::dashboard::leadership;
use crate::model::{MeetingStatus, Project};

use super::privacy::inert_cell;
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

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn writer(options: ExportOptions) -> csv::Writer<Vec<u8>> {
    let start = if options.bom {
        BOM.to_vec()
    } else {
        Vec::new()
    };
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(start)
}

/// Writes one row, every cell made inert.
fn row<const N: usize>(
    writer: &mut csv::Writer<Vec<u8>>,
    cells: [String; N],
) -> Result<(), String> {
    writer
        .write_record(cells.iter().map(|cell| inert_cell(cell)))
        .map_err(|e| e.to_string())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, String> {
    writer.into_inner().map_err(|e| e.to_string())
}

/// Text that identifies someone next to their initials (role, workplace):
/// left out when anonymizing.
fn identifying(text: &str, options: ExportOptions) -> String {
    note(text, options)
}

/// Leadership-team members and people at stage committed or above, one row
/// each, highest stage first.
pub fn leaders_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = writer(options);
    row(&mut writer, LEADERS_HEADER.map(str::to_owned))?;
    for id in leadership(project).candidates {
        let Some(person) = project.person(id).filter(|p| !p.do_not_contact) else {
            continue;
        };
        row(
            &mut writer,
            [
                person.display_initials(),
                identifying(&person.role, options),
                identifying(&person.organization, options),
                note(&person.reason_to_build, options),
                person.stage.label().to_owned(),
            ],
        )?;
    }
    finish(writer)
}

/// One row per held one-to-one, oldest first, from the meeting's notes.
pub fn sheet_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = writer(options);
    row(&mut writer, SHEET_HEADER.map(str::to_owned))?;
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
        row(
            &mut writer,
            [
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
            ],
        )?;
    }
    finish(writer)
}
