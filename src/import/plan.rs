//! The chosen rows as one edit (one undo step) and the report of what
//! happened, row by row.

use chrono::NaiveDate;

use super::fields::Field;
use super::matching::{Decision, Incoming, MatchedRow, Outcome, changes_for};
use crate::model::{Edit, Person, PersonId, Project};

/// What an import did (or, in a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The file imported.
    pub file_name: String,
    /// The tag every added or updated person got.
    pub tag: String,
    /// Names added.
    pub added: Vec<String>,
    /// Names updated, with the fields changed.
    pub updated: Vec<(String, Vec<String>)>,
    /// Rows already in the project as they are.
    pub unchanged: usize,
    /// Rows left out: line, name (may be blank) and why.
    pub skipped: Vec<(usize, String, String)>,
    /// Cells that could not be read: line and what.
    pub warnings: Vec<(usize, String)>,
}

impl Report {
    /// The report as text to copy or print.
    pub fn text(&self) -> String {
        use crate::words::count;
        let mut out = format!(
            "Import of {}: {} added, {} updated, {} already up to date, {} skipped.\n",
            self.file_name,
            count(self.added.len(), "person", "people"),
            self.updated.len(),
            self.unchanged,
            self.skipped.len()
        );
        if !self.tag.is_empty() && (!self.added.is_empty() || !self.updated.is_empty()) {
            out.push_str(&format!(
                "Added and updated people are tagged \"{}\".\n",
                self.tag
            ));
        }
        if !self.updated.is_empty() {
            out.push_str("\nUpdated:\n");
            for (name, fields) in &self.updated {
                out.push_str(&format!("  {name}: {}\n", fields.join(", ")));
            }
        }
        if !self.skipped.is_empty() {
            out.push_str("\nSkipped:\n");
            for (line, name, why) in &self.skipped {
                let who = if name.is_empty() { "(no name)" } else { name };
                out.push_str(&format!("  line {line}, {who}: {why}\n"));
            }
        }
        if !self.warnings.is_empty() {
            out.push_str("\nTo check:\n");
            for (line, what) in &self.warnings {
                out.push_str(&format!("  line {line}: {what}\n"));
            }
        }
        out
    }
}

/// The tag naming an import: "import: roster.csv". The same file keeps the
/// same tag, so importing it again adds no new tag.
pub fn import_tag(file_name: &str) -> String {
    format!("import: {file_name}")
}

/// The edit that carries out every decision, and its report. New people
/// get ids from `project` (the only change made to it here).
pub fn build(
    project: &mut Project,
    rows: &[MatchedRow],
    file_name: &str,
    today: NaiveDate,
) -> (Edit, Report) {
    let tag = import_tag(file_name);
    let mut report = Report {
        file_name: file_name.to_owned(),
        tag: tag.clone(),
        ..Report::default()
    };
    let mut edits = Vec::new();
    let mut updated_ids: Vec<PersonId> = Vec::new();
    for row in rows {
        let incoming = &row.incoming;
        for warning in &incoming.warnings {
            report.warnings.push((incoming.line, warning.clone()));
        }
        match row.decision {
            Decision::Add
                if project.people.len() + report.added.len() >= crate::store::MAX_RECORDS =>
            {
                report.skipped.push(skip(
                    incoming,
                    "the project already holds the most people a project file can",
                ));
            }
            Decision::Add if !incoming.name.is_empty() => {
                let id = project.new_person_id();
                let person = new_person(id, incoming, today, &tag);
                report.added.push(person.name.clone());
                edits.push(Edit::PutPerson(Box::new(person)));
            }
            Decision::Update(id) if !updated_ids.contains(&id) => {
                let Some(existing) = project.person(id) else {
                    report.skipped.push(skip(
                        incoming,
                        "the person to update is no longer in the project",
                    ));
                    continue;
                };
                let (person, changed) = updated_person(existing, incoming, row.replace_text, &tag);
                if changed.is_empty() {
                    report.unchanged += 1;
                    continue;
                }
                updated_ids.push(id);
                report.updated.push((person.name.clone(), changed));
                edits.push(Edit::PutPerson(Box::new(person)));
            }
            Decision::Update(_) => report.skipped.push(skip(
                incoming,
                "a row above already updates the same person",
            )),
            Decision::Add | Decision::Skip => match &row.outcome {
                Outcome::Unchanged(_) => report.unchanged += 1,
                Outcome::Skip(why) => report.skipped.push(skip(incoming, why)),
                Outcome::PossibleDuplicate { .. } => report.skipped.push(skip(
                    incoming,
                    "possible duplicate; not chosen to add or update",
                )),
                Outcome::New | Outcome::Update { .. } => {
                    let why = if incoming.name.is_empty() {
                        "it has no name"
                    } else {
                        "left out"
                    };
                    report.skipped.push(skip(incoming, why));
                }
            },
        }
    }
    (Edit::Batch(edits), report)
}

fn skip(incoming: &Incoming, why: &str) -> (usize, String, String) {
    (incoming.line, incoming.name.clone(), why.to_owned())
}

fn new_person(id: PersonId, incoming: &Incoming, today: NaiveDate, tag: &str) -> Person {
    let mut person = Person::new(id, incoming.name.clone(), today);
    person.role = incoming.role.clone();
    person.organization = incoming.organization.clone();
    person.phone = incoming.phones.first().cloned().unwrap_or_default();
    person.email = incoming.emails.first().cloned().unwrap_or_default();
    for (field, text) in &incoming.texts {
        if let Some(slot) = field.text_of_mut(&mut person) {
            *slot = text.clone();
        }
    }
    let extra = extra_contacts(incoming);
    if !extra.is_empty() {
        append_line(&mut person.notes, &extra);
    }
    add_tags(&mut person, &incoming.tags, tag);
    if let Some(stage) = incoming.stage {
        person.stage = stage;
    }
    person.leadership_team = incoming.leadership_team.unwrap_or(false);
    person
}

/// Second phones and emails, which the profile has no field for.
fn extra_contacts(incoming: &Incoming) -> String {
    let mut lines = Vec::new();
    if incoming.phones.len() > 1 {
        lines.push(format!("Other phones: {}", incoming.phones[1..].join(", ")));
    }
    if incoming.emails.len() > 1 {
        lines.push(format!("Other emails: {}", incoming.emails[1..].join(", ")));
    }
    lines.join("\n")
}

fn append_line(text: &mut String, line: &str) {
    if !text.trim().is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

fn add_tags(person: &mut Person, tags: &[String], import_tag: &str) {
    for tag in tags.iter().map(String::as_str).chain([import_tag]) {
        if !person.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            person.tags.push(tag.to_owned());
        }
    }
}

/// `existing` with the row's values filled in, and the names of the
/// fields changed (the import tag alone is no change).
fn updated_person(
    existing: &Person,
    incoming: &Incoming,
    replace_text: bool,
    tag: &str,
) -> (Person, Vec<String>) {
    let (changes, conflicts) = changes_for(existing, incoming);
    let mut person = existing.clone();
    let mut changed = Vec::new();
    for change in &changes {
        match change.field {
            Field::Tag => add_tags(&mut person, &incoming.tags, tag),
            Field::Stage => person.stage = incoming.stage.unwrap_or(person.stage),
            Field::LeadershipTeam => person.leadership_team = true,
            field => {
                if let Some(slot) = field.text_of_mut(&mut person) {
                    *slot = change.new.clone();
                }
            }
        }
        changed.push(change.field.label().to_lowercase());
    }
    if replace_text {
        for field in conflicts {
            let new = incoming.texts.iter().find(|(f, _)| *f == field);
            if let (Some(slot), Some((_, text))) = (field.text_of_mut(&mut person), new) {
                *slot = text.clone();
                changed.push(format!("{} (replaced)", field.label().to_lowercase()));
            }
        }
    }
    if person.name.trim().is_empty() && !incoming.name.is_empty() {
        person.name = incoming.name.clone();
        changed.push("name".to_owned());
    }
    if !changed.is_empty() {
        add_tags(&mut person, &[], tag);
    }
    (person, changed)
}
