//! Exports for reporting, never changing the project: the leadership
//! candidate list and the one-to-one data sheet as CSV ([`csv_files`]), and
//! meetings and commitments as an ICS calendar ([`calendar`]). Each has an
//! anonymized form: initials instead of names, no contact details, no
//! free-text notes.

pub mod calendar;
pub mod csv_files;
mod pdf;
pub mod printouts;
pub mod privacy;
pub mod rows;

#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::NaiveDateTime;

use crate::model::{PersonId, Project};

pub use calendar::ics;
pub use csv_files::{leaders_csv, sheet_csv};

/// How an export treats people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Initials instead of names (also inside actions and places); no
    /// contact details, notes, role or organization.
    pub anonymize: bool,
    /// Start CSV files with a byte-order mark, so Excel on Windows reads
    /// them as UTF-8 instead of garbling accented names.
    pub bom: bool,
}

/// The exports, by what they hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Planned and confirmed meetings and commitments, as ICS.
    Calendar,
    /// Leadership candidates, as CSV.
    LeadersCsv,
    /// One row per held one-to-one, as CSV.
    SheetCsv,
    /// Leadership candidates, printed (PDF).
    LeadersPdf,
    /// Every held one-to-one, printed (PDF).
    SheetPdf,
    /// A one-to-one sheet to fill in by hand (PDF).
    BlankSheetPdf,
}

impl ExportFormat {
    /// Every export.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Calendar,
        ExportFormat::LeadersCsv,
        ExportFormat::SheetCsv,
        ExportFormat::LeadersPdf,
        ExportFormat::SheetPdf,
        ExportFormat::BlankSheetPdf,
    ];

    /// The name used on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "ics",
            ExportFormat::LeadersCsv => "leaders-csv",
            ExportFormat::SheetCsv => "sheet-csv",
            ExportFormat::LeadersPdf => "leaders-pdf",
            ExportFormat::SheetPdf => "sheet-pdf",
            ExportFormat::BlankSheetPdf => "blank-sheet-pdf",
        }
    }

    /// The export named `name` on the command line.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.cli_name() == name)
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "ics",
            ExportFormat::LeadersCsv | ExportFormat::SheetCsv => "csv",
            ExportFormat::LeadersPdf | ExportFormat::SheetPdf | ExportFormat::BlankSheetPdf => {
                "pdf"
            }
        }
    }

    /// What the file holds, for menus and dialogs.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Calendar of meetings and commitments (ICS)",
            ExportFormat::LeadersCsv => "Leadership candidates (CSV)",
            ExportFormat::SheetCsv => "One-to-one data sheet (CSV)",
            ExportFormat::LeadersPdf => "Leader list to print (PDF)",
            ExportFormat::SheetPdf => "One-to-one data sheet to print (PDF)",
            ExportFormat::BlankSheetPdf => "Blank one-to-one sheet to print (PDF)",
        }
    }

    /// A short name for suggested file names.
    pub fn subject(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "calendar",
            ExportFormat::LeadersCsv | ExportFormat::LeadersPdf => "leaders",
            ExportFormat::SheetCsv | ExportFormat::SheetPdf => "one-to-ones",
            ExportFormat::BlankSheetPdf => "one-to-one-sheet",
        }
    }

    /// The export's bytes. `now` stamps calendar entries.
    pub fn render(
        self,
        project: &Project,
        options: ExportOptions,
        now: NaiveDateTime,
    ) -> Result<Vec<u8>, String> {
        let shared = without_do_not_contact(project);
        let project = shared.as_ref();
        match self {
            ExportFormat::Calendar => Ok(ics(project, options, now).into_bytes()),
            ExportFormat::LeadersCsv => leaders_csv(project, options),
            ExportFormat::SheetCsv => sheet_csv(project, options),
            ExportFormat::LeadersPdf => printouts::leaders_pdf(project, options),
            ExportFormat::SheetPdf => printouts::sheet_pdf(project, options),
            ExportFormat::BlankSheetPdf => printouts::blank_sheet_pdf(),
        }
    }
}

/// The project as exports see it: meetings with people who asked not to
/// be contacted are left out (the people stay, so anonymizing still knows
/// their names to scrub; the lists skip them). Borrowed when nobody asked.
fn without_do_not_contact(project: &Project) -> std::borrow::Cow<'_, Project> {
    let flagged: std::collections::BTreeSet<PersonId> = project
        .people
        .values()
        .filter(|p| p.do_not_contact)
        .map(|p| p.id)
        .collect();
    if flagged.is_empty() {
        return std::borrow::Cow::Borrowed(project);
    }
    let mut copy = project.clone();
    copy.meetings.retain(|_, m| !flagged.contains(&m.person));
    std::borrow::Cow::Owned(copy)
}

/// How a person is named in an export.
pub fn person_label(project: &Project, id: PersonId, options: ExportOptions) -> String {
    match project.person(id) {
        Some(person) if options.anonymize => person.display_initials(),
        Some(person) => person.display_name().to_owned(),
        None => "(unknown)".to_owned(),
    }
}

/// Free text that may name people (an action, a place): kept, with every
/// known name turned into initials when anonymizing.
fn free_text(text: &str, scrub: Option<&privacy::Anonymizer>) -> String {
    match scrub {
        Some(scrub) => scrub.scrub(text.trim()),
        None => text.trim().to_owned(),
    }
}

/// Text kept only when not anonymizing.
fn note(text: &str, options: ExportOptions) -> String {
    if options.anonymize {
        String::new()
    } else {
        text.trim().to_owned()
    }
}

/// Writes an export the way projects are written: atomically, 0600.
pub fn write_export(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::store::write_atomically(path, bytes)
}
