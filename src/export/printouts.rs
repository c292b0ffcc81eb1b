//! Print-outs as PDF: a meeting's prep card, a blank one-to-one sheet to
//! fill in by hand, the leader list and the one-to-one data sheet.

use crate::meeting::checklist::{self, Section};
use crate::meeting::questions::Theme;
use crate::model::{MeetingId, Project};

use super::ExportOptions;
use super::pdf::Pages;
use super::rows::{leader_rows, sheet_rows};

/// A meeting's prep card (see [`crate::meeting::rules::prep_card`]).
pub fn prep_card_pdf(project: &Project, id: MeetingId) -> Result<Vec<u8>, String> {
    let card = crate::meeting::rules::prep_card(project, id)
        .ok_or("This meeting or its person is no longer in the project")?;
    let mut lines = card.lines();
    let title = lines
        .next()
        .unwrap_or("Prep card")
        .replacen("PREP: ", "Prep: ", 1);
    let mut pages = Pages::new(&title)?;
    pages.heading(&title);
    for line in lines {
        if line.trim().is_empty() {
            pages.space(6.0);
        } else if line.ends_with(':') && !line.starts_with(' ') {
            pages.subheading(line.trim_end_matches(':'));
        } else if let Some(inner) = line.strip_prefix("  ") {
            pages.indented(inner);
        } else {
            pages.paragraph(line);
        }
    }
    pages.finish()
}

/// A one-to-one sheet with nothing filled in: who, when and where, the
/// checklist with boxes to tick, the questions by theme with room to
/// write, the ask and who else to talk to.
pub fn blank_sheet_pdf() -> Result<Vec<u8>, String> {
    let mut pages = Pages::new("One-to-one sheet")?;
    pages.heading("One-to-one sheet");
    for label in ["With", "Date and time", "Place", "Purpose"] {
        pages.paragraph(&format!("{label}:"));
        pages.ruled_lines(1);
    }
    for section in Section::ALL {
        pages.subheading(section.label());
        for item in checklist::items(section) {
            pages.checkbox(item.label);
        }
    }
    pages.subheading("Questions by theme");
    for theme in Theme::ALL {
        pages.subheading(theme.label());
        for question in theme.questions() {
            pages.indented(&format!("• {question}"));
        }
        pages.ruled_lines(3);
    }
    pages.subheading("The ask");
    for label in ["Action", "Day and time", "Place", "Their answer"] {
        pages.paragraph(&format!("{label}:"));
        pages.ruled_lines(1);
    }
    pages.subheading("Who else should I talk to?");
    pages.ruled_lines(3);
    pages.subheading("Follow-ups");
    pages.ruled_lines(3);
    pages.finish()
}

/// The leader list, one block per candidate.
pub fn leaders_pdf(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let title = format!("Leadership candidates — {}", project.info.name.trim());
    let mut pages = Pages::new(&title)?;
    pages.heading(&title);
    let rows = leader_rows(project, options);
    if rows.is_empty() {
        pages.paragraph("No one on the leadership team or at stage committed yet.");
    }
    for leader in rows {
        pages.subheading(&leader.name);
        pages.field("Position", &leader.position);
        pages.field("Phone", &leader.phone);
        pages.field("Email", &leader.email);
        pages.field("Worksite", &leader.worksite);
        pages.field("Stage", &leader.stage);
        pages.field("Why build the relationship", &leader.reason);
    }
    pages.finish()
}

/// The one-to-one data sheet, one block per held meeting.
pub fn sheet_pdf(project: &Project, options: ExportOptions) -> Result<Vec<u8>, String> {
    let title = format!("One-to-one data sheet — {}", project.info.name.trim());
    let mut pages = Pages::new(&title)?;
    pages.heading(&title);
    let rows = sheet_rows(project, options);
    if rows.is_empty() {
        pages.paragraph("No one-to-one has been held yet.");
    }
    for row in rows {
        pages.subheading(&format!("{} · {}", row.person, row.date));
        pages.field("Conducted by", &row.conducted_by);
        pages.field("Why they care", &row.why_they_care);
        pages.field("Values", &row.values);
        pages.field("Interests", &row.interests);
        pages.field("Skills and assets", &row.skills);
        pages.field("Challenges", &row.challenges);
        pages.field("Hopes", &row.hopes);
    }
    pages.finish()
}
