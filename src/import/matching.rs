//! Each row against the project and against the rows above it: new, an
//! update of someone (with the fields that would change), a possible
//! duplicate for the organizer to decide, or skipped with the reason.
//! Indexes by email, phone and name make this linear, never pairwise.

use std::collections::HashMap;

use super::fields::{Field, parse_stage, parse_yes_no};
use super::keys::{email_key, name_key, phone_key, split_list};
use super::source::Table;
use crate::model::{Person, PersonId, Project, Stage};

/// One row's values, gathered by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// The row's line in the file.
    pub line: usize,
    /// The name (full, or first and last joined).
    pub name: String,
    /// Role or job.
    pub role: String,
    /// Organization or worksite.
    pub organization: String,
    /// Phones, the first one the main phone.
    pub phones: Vec<String>,
    /// Emails, the first one the main email.
    pub emails: Vec<String>,
    /// Tags from every tag column.
    pub tags: Vec<String>,
    /// The stage, when one was given and read.
    pub stage: Option<Stage>,
    /// Leadership team, when a yes or no was given.
    pub leadership_team: Option<bool>,
    /// Notes and profile texts, per field (several columns joined).
    pub texts: Vec<(Field, String)>,
    /// Cells that could not be read, worded for the report.
    pub warnings: Vec<String>,
    /// More cells than the header has columns: the row is skipped.
    pub too_long: bool,
}

/// Gathers every row of `table` by the fields its columns map to.
pub fn gather(table: &Table, fields: &[Field]) -> Vec<Incoming> {
    table
        .rows
        .iter()
        .zip(&table.lines)
        .map(|(row, line)| gather_row(&table.headers, fields, row, *line))
        .collect()
}

fn gather_row(headers: &[String], fields: &[Field], row: &[String], line: usize) -> Incoming {
    let mut incoming = Incoming {
        line,
        too_long: row.len() > headers.len()
            && row[headers.len()..]
                .iter()
                .any(|cell| !cell.trim().is_empty()),
        ..Incoming::default()
    };
    let (mut first, mut last) = (String::new(), String::new());
    let text_columns = |field: Field| fields.iter().filter(|f| **f == field).count();
    for ((header, field), cell) in headers.iter().zip(fields).zip(row) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match field {
            Field::Ignore => {}
            Field::FullName => incoming.name = collapse(cell),
            Field::FirstName => first = collapse(cell),
            Field::LastName => last = collapse(cell),
            Field::Role => join_into(&mut incoming.role, cell, " · "),
            Field::Organization => join_into(&mut incoming.organization, cell, " · "),
            Field::Phone => incoming.phones.extend(split_list(cell)),
            Field::Email => incoming.emails.extend(split_list(cell)),
            Field::Tag => incoming.tags.extend(crate::model::parse_tags(cell)),
            Field::Stage => match parse_stage(cell) {
                Some(stage) => incoming.stage = Some(stage),
                None => incoming.warnings.push(format!(
                    "stage \"{cell}\" is not one Relational knows; left as is"
                )),
            },
            Field::LeadershipTeam => match parse_yes_no(cell) {
                Some(yes) => incoming.leadership_team = Some(yes),
                None => incoming.warnings.push(format!(
                    "\"{cell}\" under {header} is neither yes nor no; leadership team left as is"
                )),
            },
            text => {
                let value = if text_columns(*text) > 1 {
                    format!("{header}: {cell}")
                } else {
                    cell.to_owned()
                };
                match incoming.texts.iter_mut().find(|(f, _)| f == text) {
                    Some((_, existing)) => join_into(existing, &value, "\n"),
                    None => incoming.texts.push((*text, value)),
                }
            }
        }
    }
    if incoming.name.is_empty() {
        incoming.name = collapse(&format!("{first} {last}"));
    }
    let limit = crate::query::names::NAME_LIMIT;
    if incoming.name.chars().count() > limit {
        incoming.name = incoming
            .name
            .chars()
            .take(limit)
            .collect::<String>()
            .trim_end()
            .to_owned();
        incoming.warnings.push(format!(
            "the name was cut to {limit} characters, the most a name holds"
        ));
    }
    incoming
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn join_into(into: &mut String, value: &str, separator: &str) {
    if !into.is_empty() {
        into.push_str(separator);
    }
    into.push_str(value);
}

/// What importing a row would do.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Someone new.
    New,
    /// Someone already in the project, with what would change.
    Update {
        /// Who.
        person: PersonId,
        /// What matched ("same email").
        because: &'static str,
        /// Fields that would be filled or changed.
        changes: Vec<Change>,
        /// Notes and profile texts that differ: kept unless the organizer
        /// says to replace them.
        text_conflicts: Vec<Field>,
    },
    /// Already in the project with nothing new.
    Unchanged(PersonId),
    /// Perhaps someone already here (or a row above); the organizer decides.
    PossibleDuplicate {
        /// People it may be, with why.
        candidates: Vec<(PersonId, String)>,
        /// A row above it may be, with why.
        earlier_row: Option<(usize, String)>,
    },
    /// Not imported, and why.
    Skip(String),
}

/// One field a row would fill or change on someone already here.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Which.
    pub field: Field,
    /// The value now (empty when it is filled).
    pub old: String,
    /// The value after.
    pub new: String,
}

/// What the organizer chose for a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Add as a new person.
    Add,
    /// Update this person.
    Update(PersonId),
    /// Leave it out.
    Skip,
}

/// A row, what it would do, and what was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchedRow {
    /// The values.
    pub incoming: Incoming,
    /// What it would do.
    pub outcome: Outcome,
    /// What will happen (the outcome's default until the organizer chooses).
    pub decision: Decision,
    /// Replace notes and profile texts that differ.
    pub replace_text: bool,
}

impl MatchedRow {
    /// Whether the organizer must look at it: a possible duplicate.
    pub fn needs_choice(&self) -> bool {
        matches!(self.outcome, Outcome::PossibleDuplicate { .. })
    }
}

/// The project's people by email, phone and name key.
#[derive(Default)]
pub struct PeopleIndex {
    by_email: HashMap<String, Vec<PersonId>>,
    by_phone: HashMap<String, Vec<PersonId>>,
    by_name: HashMap<String, Vec<PersonId>>,
}

impl PeopleIndex {
    /// Indexes every person of `project`.
    pub fn of(project: &Project) -> Self {
        let mut index = PeopleIndex::default();
        for person in project.people.values() {
            index.add(person);
        }
        index
    }

    fn add(&mut self, person: &Person) {
        let id = person.id;
        for email in split_list(&person.email)
            .iter()
            .filter_map(|e| email_key(e))
        {
            self.by_email.entry(email).or_default().push(id);
        }
        for phone in split_list(&person.phone)
            .iter()
            .filter_map(|p| phone_key(p))
        {
            self.by_phone.entry(phone).or_default().push(id);
        }
        if let Some(name) = name_key(&person.name) {
            self.by_name.entry(name).or_default().push(id);
        }
    }

    /// People sharing an email or a phone with `incoming`, with which.
    fn strong_matches(&self, incoming: &Incoming) -> Vec<(PersonId, &'static str)> {
        let mut found: Vec<(PersonId, &'static str)> = Vec::new();
        let mut add = |ids: Option<&Vec<PersonId>>, because: &'static str| {
            for id in ids.into_iter().flatten() {
                if !found.iter().any(|(seen, _)| seen == id) {
                    found.push((*id, because));
                }
            }
        };
        for email in incoming.emails.iter().filter_map(|e| email_key(e)) {
            add(self.by_email.get(&email), "the same email");
        }
        for phone in incoming.phones.iter().filter_map(|p| phone_key(p)) {
            add(self.by_phone.get(&phone), "the same phone");
        }
        found
    }

    fn same_name(&self, name: &str) -> &[PersonId] {
        name_key(name)
            .and_then(|key| self.by_name.get(&key))
            .map_or(&[], Vec::as_slice)
    }
}

/// Keys of the rows above, to find a row that repeats one.
#[derive(Default)]
struct RowsSeen {
    by_email: HashMap<String, usize>,
    by_phone: HashMap<String, usize>,
    by_name: HashMap<String, (usize, Vec<String>)>,
}

impl RowsSeen {
    fn strong(&self, incoming: &Incoming) -> Option<(usize, &'static str)> {
        let email = incoming
            .emails
            .iter()
            .filter_map(|e| email_key(e))
            .find_map(|key| self.by_email.get(&key));
        let phone = || {
            incoming
                .phones
                .iter()
                .filter_map(|p| phone_key(p))
                .find_map(|key| self.by_phone.get(&key))
        };
        email
            .map(|line| (*line, "the same email"))
            .or_else(|| phone().map(|line| (*line, "the same phone")))
    }

    /// A row above with the same name, unless both have emails and they differ.
    fn same_name(&self, incoming: &Incoming) -> Option<usize> {
        let (line, emails) = self.by_name.get(&name_key(&incoming.name)?)?;
        let mine: Vec<String> = incoming
            .emails
            .iter()
            .filter_map(|e| email_key(e))
            .collect();
        let differ =
            !mine.is_empty() && !emails.is_empty() && !mine.iter().any(|e| emails.contains(e));
        (!differ).then_some(*line)
    }

    fn add(&mut self, incoming: &Incoming) {
        let line = incoming.line;
        let emails: Vec<String> = incoming
            .emails
            .iter()
            .filter_map(|e| email_key(e))
            .collect();
        for email in &emails {
            self.by_email.entry(email.clone()).or_insert(line);
        }
        for phone in incoming.phones.iter().filter_map(|p| phone_key(p)) {
            self.by_phone.entry(phone).or_insert(line);
        }
        if let Some(name) = name_key(&incoming.name) {
            self.by_name.entry(name).or_insert((line, emails));
        }
    }
}

/// Matches every row against `project` (indexed in `index`) and the rows above it.
pub fn match_rows(project: &Project, index: &PeopleIndex, rows: Vec<Incoming>) -> Vec<MatchedRow> {
    let mut seen = RowsSeen::default();
    rows.into_iter()
        .map(|incoming| {
            let outcome = outcome_of(project, index, &seen, &incoming);
            if !matches!(outcome, Outcome::Skip(_)) {
                seen.add(&incoming);
            }
            let decision = default_decision(&outcome);
            MatchedRow {
                incoming,
                outcome,
                decision,
                replace_text: false,
            }
        })
        .collect()
}

/// New and updates go ahead; possible duplicates wait for a choice
/// (skipped unless one is made).
pub fn default_decision(outcome: &Outcome) -> Decision {
    match outcome {
        Outcome::New => Decision::Add,
        Outcome::Update { person, .. } => Decision::Update(*person),
        Outcome::Unchanged(_) | Outcome::PossibleDuplicate { .. } | Outcome::Skip(_) => {
            Decision::Skip
        }
    }
}

fn outcome_of(
    project: &Project,
    index: &PeopleIndex,
    seen: &RowsSeen,
    incoming: &Incoming,
) -> Outcome {
    if incoming.too_long {
        return Outcome::Skip(
            "it has more cells than the header has columns (a comma outside quotes?)".to_owned(),
        );
    }
    if let Some((line, because)) = seen.strong(incoming) {
        return Outcome::Skip(format!("{because} as line {line}, imported above"));
    }
    let strong = index.strong_matches(incoming);
    let names_agree = |id: PersonId| {
        incoming.name.is_empty()
            || project.person(id).is_none_or(|p| {
                p.name.trim().is_empty() || name_key(&p.name) == name_key(&incoming.name)
            })
    };
    match strong.as_slice() {
        [(id, because)] if names_agree(*id) => {
            return update_or_unchanged(project, *id, because, incoming);
        }
        [] => {}
        _ => {
            let candidates = strong
                .iter()
                .map(|(id, because)| (*id, format!("{because} as {}", project.name_of(*id))))
                .collect();
            return Outcome::PossibleDuplicate {
                candidates,
                earlier_row: None,
            };
        }
    }
    if incoming.name.is_empty() {
        return Outcome::Skip("it has no name".to_owned());
    }
    let same_name = index.same_name(&incoming.name);
    if let [id] = same_name
        && let Some(person) = project.person(*id)
        && conflicting_contact(person, incoming).is_none()
    {
        return update_or_unchanged(project, *id, "the same name", incoming);
    }
    if !same_name.is_empty() {
        let candidates = same_name
            .iter()
            .map(|id| {
                let differs = project
                    .person(*id)
                    .and_then(|p| conflicting_contact(p, incoming))
                    .map_or(String::new(), |field| {
                        format!(", another {}", field.label().to_lowercase())
                    });
                (*id, format!("the same name{differs}"))
            })
            .collect();
        return Outcome::PossibleDuplicate {
            candidates,
            earlier_row: None,
        };
    }
    if let Some(line) = seen.same_name(incoming) {
        return Outcome::PossibleDuplicate {
            candidates: Vec::new(),
            earlier_row: Some((line, "the same name".to_owned())),
        };
    }
    Outcome::New
}

/// The first of role, organization, phone and email that both have and
/// that differ.
fn conflicting_contact(person: &Person, incoming: &Incoming) -> Option<Field> {
    let differs = |field: Field, new: Option<&String>| {
        let old = field.text_of(person).unwrap_or("").trim();
        let new = new.map_or("", |s| s.trim());
        let same = match field {
            Field::Email => email_key(old) == email_key(new),
            Field::Phone => phone_key(old) == phone_key(new),
            _ => old.eq_ignore_ascii_case(new),
        };
        !old.is_empty() && !new.is_empty() && !same
    };
    [
        (Field::Email, incoming.emails.first()),
        (Field::Phone, incoming.phones.first()),
        (Field::Organization, Some(&incoming.organization)),
        (Field::Role, Some(&incoming.role)),
    ]
    .into_iter()
    .find(|(field, new)| differs(*field, *new))
    .map(|(field, _)| field)
}

fn update_or_unchanged(
    project: &Project,
    id: PersonId,
    because: &'static str,
    incoming: &Incoming,
) -> Outcome {
    let Some(person) = project.person(id) else {
        return Outcome::New;
    };
    let (changes, text_conflicts) = changes_for(person, incoming);
    if changes.is_empty() && text_conflicts.is_empty() {
        Outcome::Unchanged(id)
    } else {
        Outcome::Update {
            person: id,
            because,
            changes,
            text_conflicts,
        }
    }
}

/// What updating `person` with `incoming` fills or changes, and which
/// written texts differ (kept unless replaced on purpose).
pub fn changes_for(person: &Person, incoming: &Incoming) -> (Vec<Change>, Vec<Field>) {
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    let mut offer = |field: Field, new: &str| {
        let old = field.text_of(person).unwrap_or("");
        let same = match field {
            Field::Email => email_key(old).is_some() && email_key(old) == email_key(new),
            Field::Phone => phone_key(old).is_some() && phone_key(old) == phone_key(new),
            _ => old.trim() == new.trim(),
        };
        if new.trim().is_empty() || same {
            return;
        }
        if field.is_written_text() && !old.trim().is_empty() {
            conflicts.push(field);
        } else {
            changes.push(Change {
                field,
                old: old.to_owned(),
                new: new.to_owned(),
            });
        }
    };
    offer(Field::Role, &incoming.role);
    offer(Field::Organization, &incoming.organization);
    if let Some(phone) = incoming.phones.first() {
        offer(Field::Phone, phone);
    }
    if let Some(email) = incoming.emails.first() {
        offer(Field::Email, email);
    }
    for (field, text) in &incoming.texts {
        offer(*field, text);
    }
    let new_tags: Vec<&String> = incoming
        .tags
        .iter()
        .filter(|tag| !person.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)))
        .collect();
    if !new_tags.is_empty() {
        changes.push(Change {
            field: Field::Tag,
            old: person.tags.join(", "),
            new: new_tags
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    if let Some(stage) = incoming.stage.filter(|stage| *stage > person.stage) {
        changes.push(Change {
            field: Field::Stage,
            old: person.stage.label().to_owned(),
            new: stage.label().to_owned(),
        });
    }
    if incoming.leadership_team == Some(true) && !person.leadership_team {
        changes.push(Change {
            field: Field::LeadershipTeam,
            old: "no".to_owned(),
            new: "yes".to_owned(),
        });
    }
    (changes, conflicts)
}
