//! What the leader list and the one-to-one sheet hold, row by row: one
//! source for the CSV files and the printed PDFs, so both say the same.

use std::collections::BTreeMap;

use crate::dashboard::leadership;
use crate::model::{MeetingStatus, Person, PersonId, Project};

use super::{ExportOptions, note, person_label};

/// One leadership candidate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeaderRow {
    /// Their name, or initials made unique ("JW1", "JW2") when anonymized.
    pub name: String,
    /// Role or job.
    pub position: String,
    /// Phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// Organization or worksite.
    pub worksite: String,
    /// Stage.
    pub stage: String,
    /// Why to build the relationship.
    pub reason: String,
}

/// Leadership-team members and people at stage committed or above,
/// highest stage first; people who asked not to be contacted left out.
/// Anonymized: unique initials, no contact details, position, worksite or
/// reason.
pub fn leader_rows(project: &Project, options: ExportOptions) -> Vec<LeaderRow> {
    let people: Vec<&Person> = leadership(project)
        .candidates
        .into_iter()
        .filter_map(|id| project.person(id))
        .filter(|p| !p.do_not_contact)
        .collect();
    let initials = unique_initials(&people);
    people
        .iter()
        .map(|person| LeaderRow {
            name: if options.anonymize {
                initials.get(&person.id).cloned().unwrap_or_default()
            } else {
                person.display_name().to_owned()
            },
            position: note(&person.role, options),
            phone: note(&person.phone, options),
            email: note(&person.email, options),
            worksite: note(&person.organization, options),
            stage: person.stage.label().to_owned(),
            reason: note(&person.reason_to_build, options),
        })
        .collect()
}

/// Initials, numbered in list order where two people share them.
fn unique_initials(people: &[&Person]) -> BTreeMap<PersonId, String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for person in people {
        *counts.entry(person.display_initials()).or_default() += 1;
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    people
        .iter()
        .map(|person| {
            let initials = person.display_initials();
            let label = if counts.get(&initials).copied().unwrap_or(0) > 1 {
                let number = seen.entry(initials.clone()).or_default();
                *number += 1;
                format!("{initials}{number}")
            } else {
                initials
            };
            (person.id, label)
        })
        .collect()
}

/// One held one-to-one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetRow {
    /// Who was met.
    pub person: String,
    /// The day, as YYYY-MM-DD.
    pub date: String,
    /// Who held it.
    pub conducted_by: String,
    /// Why they care.
    pub why_they_care: String,
    /// Their values.
    pub values: String,
    /// Their interests.
    pub interests: String,
    /// Skills and assets.
    pub skills: String,
    /// Challenges.
    pub challenges: String,
    /// Hopes.
    pub hopes: String,
}

/// One row per held one-to-one, oldest first. Each theme is what the
/// meeting's notes say, or, where they say nothing, what the profile
/// says; notes are left out when anonymized.
pub fn sheet_rows(project: &Project, options: ExportOptions) -> Vec<SheetRow> {
    let mut held: Vec<_> = project
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    held.sort_by_key(|m| (m.start, m.id));
    held.into_iter()
        .map(|meeting| {
            let notes = &meeting.notes;
            let profile = project.person(meeting.person);
            let theme = |said: &str, kept: fn(&Person) -> &str| {
                let text = if said.trim().is_empty() {
                    profile.map(kept).unwrap_or_default()
                } else {
                    said
                };
                note(text, options)
            };
            SheetRow {
                person: person_label(project, meeting.person, options),
                date: meeting
                    .date()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                conducted_by: person_label(project, meeting.conducted_by, options),
                why_they_care: theme(&notes.why_they_care, |p| &p.why_they_care),
                values: theme(&notes.values, |p| &p.values),
                interests: theme(&notes.interests, |p| &p.interests),
                skills: theme(&notes.skills_assets, |p| &p.skills_assets),
                challenges: theme(&notes.challenges, |p| &p.challenges),
                hopes: theme(&notes.hopes, |p| &p.hopes),
            }
        })
        .collect()
}
