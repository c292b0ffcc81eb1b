//! The CSV exports, written with the `csv` crate (quoting, embedded commas
//! and line breaks, CRLF line ends, as RFC 4180 says). Cells a spreadsheet
//! would run as formulas are made inert; a byte-order mark is optional.

use crate::model::Project;

use super::ExportOptions;
use super::privacy::inert_cell;
use super::rows::{LeaderRow, SheetRow, leader_rows, sheet_rows};

/// Columns of the leadership candidate list.
pub const LEADERS_HEADER: [&str; 7] = [
    "name",
    "position",
    "phone",
    "email",
    "worksite",
    "stage",
    "reason to build the relationship",
];

/// Columns of the one-to-one data sheet.
pub const SHEET_HEADER: [&str; 9] = [
    "person",
    "date",
    "conducted by",
    "why they care",
    "values",
    "interests",
    "skills and assets",
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

/// Leadership candidates (see [`leader_rows`]), one row each.
pub fn leaders_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = writer(options);
    row(&mut writer, LEADERS_HEADER.map(str::to_owned))?;
    for leader in leader_rows(project, options) {
        let LeaderRow {
            name,
            position,
            phone,
            email,
            worksite,
            stage,
            reason,
        } = leader;
        row(
            &mut writer,
            [name, position, phone, email, worksite, stage, reason],
        )?;
    }
    finish(writer)
}

/// One row per held one-to-one (see [`sheet_rows`]).
pub fn sheet_csv(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let mut writer = writer(options);
    row(&mut writer, SHEET_HEADER.map(str::to_owned))?;
    for meeting in sheet_rows(project, options) {
        let SheetRow {
            person,
            date,
            conducted_by,
            why_they_care,
            values,
            interests,
            skills,
            challenges,
            hopes,
        } = meeting;
        row(
            &mut writer,
            [
                person,
                date,
                conducted_by,
                why_they_care,
                values,
                interests,
                skills,
                challenges,
                hopes,
            ],
        )?;
    }
    finish(writer)
}
