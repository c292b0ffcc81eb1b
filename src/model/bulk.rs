//! Changes to many people at once (the people table's selection): a tag,
//! a stage, the leadership team. Each is one edit, so one undo step; people
//! it would not change are left out of it.

use super::{Edit, Person, PersonId, Project, Stage};

/// What to do to every person selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkChange {
    /// Add this tag (kept once, any case).
    AddTag(String),
    /// Remove this tag (any case).
    RemoveTag(String),
    /// Set the stage.
    SetStage(Stage),
    /// Put on (or take off) the leadership team.
    SetTeam(bool),
}

impl BulkChange {
    /// The undo step's name for `count` people: "Tag 3 people \"nights\"".
    pub fn label(&self, count: usize) -> String {
        let people = crate::words::count(count, "person", "people");
        match self {
            BulkChange::AddTag(tag) => format!("Tag {people} \"{tag}\""),
            BulkChange::RemoveTag(tag) => format!("Untag {people} \"{tag}\""),
            BulkChange::SetStage(stage) => format!("Set {people} to {}", stage.label()),
            BulkChange::SetTeam(true) => format!("Add {people} to the leadership team"),
            BulkChange::SetTeam(false) => format!("Take {people} off the leadership team"),
        }
    }

    /// `person` after the change, or `None` when it changes nothing.
    fn applied_to(&self, person: &Person) -> Option<Person> {
        let mut changed = person.clone();
        match self {
            BulkChange::AddTag(tag) => {
                let tag = tag.trim();
                if tag.is_empty() || person.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                    return None;
                }
                changed.tags.push(tag.to_owned());
            }
            BulkChange::RemoveTag(tag) => {
                changed.tags.retain(|t| !t.eq_ignore_ascii_case(tag.trim()));
            }
            BulkChange::SetStage(stage) => changed.stage = *stage,
            BulkChange::SetTeam(on) => changed.leadership_team = *on,
        }
        (changed != *person).then_some(changed)
    }
}

/// The edit making `change` to each of `ids` (people missing are passed
/// over) and how many it changes; `None` when it changes nobody.
pub fn change_people(
    project: &Project,
    ids: &[PersonId],
    change: &BulkChange,
) -> Option<(Edit, usize)> {
    let edits: Vec<Edit> = ids
        .iter()
        .filter_map(|id| project.person(*id))
        .filter_map(|person| change.applied_to(person))
        .map(|person| Edit::PutPerson(Box::new(person)))
        .collect();
    let count = edits.len();
    (count > 0).then_some((Edit::Batch(edits), count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::ProjectBuilder;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day")
    }

    #[test]
    fn a_tag_goes_on_everyone_selected_once_and_undoes_in_one_step() {
        let mut builder = ProjectBuilder::new(day());
        let ana = builder.person_with("Ana", |p| p.tags = vec!["Nights".into()]);
        let bo = builder.person("Bo");
        let cy = builder.person("Cy");
        let mut project = builder.build();
        let before = project.clone();
        let change = BulkChange::AddTag("nights".into());
        let (edit, count) =
            change_people(&project, &[ana, bo, PersonId(999)], &change).expect("someone changes");
        assert_eq!(
            count, 1,
            "Ana has the tag already; the missing id is passed over"
        );
        assert_eq!(change.label(count), "Tag 1 person \"nights\"");
        let undo = edit.apply(&mut project).expect("applies");
        assert_eq!(project.people[&bo].tags, ["nights"]);
        assert_eq!(project.people[&ana].tags, ["Nights"]);
        assert!(project.people[&cy].tags.is_empty());
        undo.apply(&mut project).expect("undoes");
        assert_eq!(project, before);
    }

    #[test]
    fn stage_team_and_untag_change_only_who_differs() {
        let mut builder = ProjectBuilder::new(day());
        let ana = builder.person_with("Ana", |p| {
            p.stage = Stage::Met;
            p.leadership_team = true;
            p.tags = vec!["import: roster.csv".into()];
        });
        let bo = builder.person("Bo");
        let project = builder.build();
        let ids = [ana, bo];
        let stage = change_people(&project, &ids, &BulkChange::SetStage(Stage::Met));
        assert_eq!(stage.map(|(_, n)| n), Some(1));
        let team = change_people(&project, &ids, &BulkChange::SetTeam(true));
        assert_eq!(team.map(|(_, n)| n), Some(1));
        let untag = change_people(
            &project,
            &ids,
            &BulkChange::RemoveTag("IMPORT: roster.csv".into()),
        );
        assert_eq!(untag.map(|(_, n)| n), Some(1));
        assert!(change_people(&project, &ids, &BulkChange::AddTag("  ".into())).is_none());
        assert_eq!(
            BulkChange::SetTeam(true).label(2),
            "Add 2 people to the leadership team"
        );
    }
}
