//! Merging two records of one person: a choice per field that differs;
//! meetings, introductions (both ways), asks in those meetings, follow-ups
//! and the map position moved to the person kept; one edit.

use super::{Edit, EditError, Owner, Person, PersonId, Project, TextField};

/// A field two records can disagree on: a profile text, or the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeField {
    /// One of the profile's texts.
    Text(TextField),
    /// Stage.
    Stage,
}

/// Which value a merged field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The kept record's.
    Kept,
    /// The other record's.
    Other,
    /// Both, the kept one first (texts only).
    Both,
}

impl MergeField {
    /// Every field, in profile order.
    pub const ALL: [MergeField; 15] = [
        MergeField::Text(TextField::Name),
        MergeField::Text(TextField::Initials),
        MergeField::Text(TextField::Role),
        MergeField::Text(TextField::Organization),
        MergeField::Text(TextField::Phone),
        MergeField::Text(TextField::Email),
        MergeField::Stage,
        MergeField::Text(TextField::ReasonToBuild),
        MergeField::Text(TextField::WhyTheyCare),
        MergeField::Text(TextField::Values),
        MergeField::Text(TextField::Interests),
        MergeField::Text(TextField::SkillsAssets),
        MergeField::Text(TextField::Challenges),
        MergeField::Text(TextField::Hopes),
        MergeField::Text(TextField::Notes),
    ];

    /// The field's name.
    pub fn label(self) -> &'static str {
        match self {
            MergeField::Text(field) => field.label(),
            MergeField::Stage => "Stage",
        }
    }

    /// Whether both values can be kept, one after the other.
    pub fn can_keep_both(self) -> bool {
        !matches!(
            self,
            MergeField::Text(TextField::Name | TextField::Initials) | MergeField::Stage
        )
    }

    /// Whether it is written text the organizer keeps both of by default.
    fn is_written(self) -> bool {
        self.can_keep_both()
            && !matches!(
                self,
                MergeField::Text(
                    TextField::Role | TextField::Organization | TextField::Phone | TextField::Email
                )
            )
    }

    /// The field's value on `person`, as text.
    pub fn value(self, person: &Person) -> String {
        match self {
            MergeField::Stage => person.stage.label().to_owned(),
            MergeField::Text(field) => person.text(field).to_owned(),
        }
    }
}

/// Fields both records fill with different values: the ones to choose
/// for. (A field only the other fills is taken without asking.)
pub fn conflicts(kept: &Person, other: &Person) -> Vec<MergeField> {
    MergeField::ALL
        .into_iter()
        .filter(|field| {
            let (a, b) = (field.value(kept), field.value(other));
            let filled = match field {
                MergeField::Stage => true,
                _ => !a.trim().is_empty() && !b.trim().is_empty(),
            };
            filled && a.trim() != b.trim()
        })
        .collect()
}

/// The pick offered first: the kept value for short fields, both for
/// written texts (nothing the organizer wrote is lost by default), the
/// higher stage.
pub fn default_pick(field: MergeField, kept: &Person, other: &Person) -> Pick {
    match field {
        MergeField::Stage if other.stage > kept.stage => Pick::Other,
        field if field.is_written() => Pick::Both,
        _ => Pick::Kept,
    }
}

/// The edit merging `other` into `kept` with `picks` for the fields that
/// differ (a field not listed keeps the kept value, or takes the other's
/// when the kept one is empty). The organizer's own record can only be
/// the one kept.
pub fn merge(
    project: &Project,
    kept: PersonId,
    other: PersonId,
    picks: &[(MergeField, Pick)],
) -> Result<Edit, EditError> {
    if kept == other {
        return Err(EditError::Rule(
            "A person cannot be merged with themselves".into(),
        ));
    }
    if other == project.me {
        return Err(EditError::Rule(
            "The organizer's own record must be the one kept".into(),
        ));
    }
    let keep = project
        .person(kept)
        .ok_or_else(|| EditError::Missing(kept.to_string()))?;
    let gone = project
        .person(other)
        .ok_or_else(|| EditError::Missing(other.to_string()))?;
    let mut edits = vec![Edit::PutPerson(Box::new(merged_person(keep, gone, picks)))];
    edits.extend(moved_meetings(project, kept, other));
    edits.extend(moved_introductions(project, kept, other));
    edits.extend(moved_teammate_follow_ups(project, kept, other));
    if let Some(position) = project.map_positions.get(&other) {
        if !project.map_positions.contains_key(&kept) {
            edits.push(Edit::SetMapPosition(kept, Some(*position)));
        }
        edits.push(Edit::SetMapPosition(other, None));
    }
    edits.push(Edit::RemovePerson(other));
    Ok(Edit::Batch(edits))
}

fn merged_person(keep: &Person, gone: &Person, picks: &[(MergeField, Pick)]) -> Person {
    let mut person = keep.clone();
    for field in MergeField::ALL {
        let pick = picks
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(Pick::Kept, |(_, pick)| *pick);
        apply_pick(&mut person, gone, field, pick);
    }
    for tag in &gone.tags {
        if !person.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            person.tags.push(tag.clone());
        }
    }
    person.leadership_team |= gone.leadership_team;
    // Asking not to be contacted under either record must hold.
    person.do_not_contact |= gone.do_not_contact;
    person.created = match (keep.created, gone.created) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    person.contacts.extend(gone.contacts.iter().cloned());
    person.contacts.sort_by_key(|contact| contact.at);
    // On their own record, a follow-up either record owes is theirs.
    let theirs = |mut follow_up: super::FollowUp| {
        if matches!(follow_up.owner, Owner::Teammate(id) if id == keep.id || id == gone.id) {
            follow_up.owner = Owner::Them;
        }
        follow_up
    };
    person.follow_ups = keep
        .follow_ups
        .iter()
        .chain(&gone.follow_ups)
        .cloned()
        .map(theirs)
        .collect();
    person
}

fn apply_pick(person: &mut Person, gone: &Person, field: MergeField, pick: Pick) {
    let MergeField::Text(text) = field else {
        if pick == Pick::Other {
            person.stage = gone.stage;
        }
        return;
    };
    let theirs = gone.text(text).to_owned();
    let mine = person.text_mut(text);
    if theirs.trim().is_empty() || mine.trim() == theirs.trim() {
        return;
    }
    match pick {
        _ if mine.trim().is_empty() => *mine = theirs,
        Pick::Kept => {}
        Pick::Other => *mine = theirs,
        Pick::Both if field.can_keep_both() => {
            let separator = if matches!(text, TextField::Phone | TextField::Email) {
                ", "
            } else {
                "\n"
            };
            mine.push_str(separator);
            mine.push_str(&theirs);
        }
        Pick::Both => {}
    }
}

fn retarget(mut follow_up: super::FollowUp, from: PersonId, to: PersonId) -> super::FollowUp {
    if follow_up.owner == Owner::Teammate(from) {
        follow_up.owner = Owner::Teammate(to);
    }
    follow_up
}

fn moved_meetings(project: &Project, kept: PersonId, other: PersonId) -> Vec<Edit> {
    project
        .meetings
        .values()
        .filter(|m| {
            m.person == other
                || m.conducted_by == other
                || m.follow_ups
                    .iter()
                    .any(|f| f.owner == Owner::Teammate(other))
        })
        .map(|meeting| {
            let mut moved = meeting.clone();
            if moved.person == other {
                moved.person = kept;
            }
            if moved.conducted_by == other {
                moved.conducted_by = kept;
            }
            moved.follow_ups = moved
                .follow_ups
                .into_iter()
                .map(|f| retarget(f, other, kept))
                .collect();
            Edit::PutMeeting(Box::new(moved))
        })
        .collect()
}

/// Introductions of or by `other` now of or by `kept`; one between the two
/// of them, or one `kept` already has, is dropped.
fn moved_introductions(project: &Project, kept: PersonId, other: PersonId) -> Vec<Edit> {
    let mut pairs: Vec<(PersonId, PersonId)> = project
        .introductions
        .values()
        .filter(|i| i.introducer != other && i.introduced != other)
        .map(|i| (i.introducer, i.introduced))
        .collect();
    let mut edits = Vec::new();
    for intro in project
        .introductions
        .values()
        .filter(|i| i.introducer == other || i.introduced == other)
    {
        let swap = |id: PersonId| if id == other { kept } else { id };
        let pair = (swap(intro.introducer), swap(intro.introduced));
        if pair.0 == pair.1 || pairs.contains(&pair) {
            edits.push(Edit::RemoveIntroduction(intro.id));
        } else {
            pairs.push(pair);
            let mut moved = intro.clone();
            (moved.introducer, moved.introduced) = pair;
            edits.push(Edit::PutIntroduction(Box::new(moved)));
        }
    }
    edits
}

fn moved_teammate_follow_ups(project: &Project, kept: PersonId, other: PersonId) -> Vec<Edit> {
    project
        .people
        .values()
        .filter(|p| p.id != kept && p.id != other)
        .filter(|p| {
            p.follow_ups
                .iter()
                .any(|f| f.owner == Owner::Teammate(other))
        })
        .map(|person| {
            let mut moved = person.clone();
            moved.follow_ups = moved
                .follow_ups
                .into_iter()
                .map(|f| retarget(f, other, kept))
                .collect();
            Edit::PutPerson(Box::new(moved))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FollowUp, FollowUpId, MapPosition, Stage};
    use crate::synth::ProjectBuilder;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day")
    }

    #[test]
    fn merging_moves_every_reference_and_undoes_in_one_step() {
        let mut builder = ProjectBuilder::new(day());
        let ana = builder.person_with("Ana Ruiz", |p| {
            p.email = "ana@x.org".into();
            p.notes = "Nurse on nights".into();
            p.tags = vec!["ICU".into()];
        });
        let twin = builder.person_with("Ana M. Ruiz", |p| {
            p.phone = "555-0142".into();
            p.notes = "Two kids".into();
            p.tags = vec!["icu".into(), "parents".into()];
            p.stage = Stage::Committed;
            p.do_not_contact = true;
        });
        let bo = builder.person("Bo Chen");
        let cy = builder.person("Cy Diaz");
        builder.introduce(bo, twin);
        builder.introduce(bo, ana);
        builder.introduce(twin, cy);
        builder.introduce(ana, twin);
        let meeting = builder.meeting_with(twin, |_| {});
        let mut project = builder.build();
        project.map_positions.insert(
            twin,
            MapPosition {
                x: 3.0,
                y: 4.0,
                pinned: false,
            },
        );
        if let Some(cy_record) = project.people.get_mut(&cy) {
            cy_record.follow_ups.push(FollowUp {
                id: FollowUpId(900),
                what: "Bring flyers".into(),
                owner: Owner::Teammate(twin),
                ..FollowUp::default()
            });
        }
        let before = project.clone();
        let (kept, other) = (&project.people[&ana], &project.people[&twin]);
        assert_eq!(
            conflicts(kept, other),
            [
                MergeField::Text(TextField::Name),
                MergeField::Stage,
                MergeField::Text(TextField::Notes)
            ]
        );
        assert_eq!(default_pick(MergeField::Stage, kept, other), Pick::Other);
        assert_eq!(
            default_pick(MergeField::Text(TextField::Notes), kept, other),
            Pick::Both
        );
        let edit = merge(
            &project,
            ana,
            twin,
            &[
                (MergeField::Text(TextField::Notes), Pick::Both),
                (MergeField::Stage, Pick::Other),
            ],
        )
        .expect("merges");
        let undo = edit.apply(&mut project).expect("applies");
        assert!(project.person(twin).is_none());
        let kept = project.person(ana).expect("kept");
        assert_eq!(kept.name, "Ana Ruiz");
        assert_eq!(
            kept.phone, "555-0142",
            "an empty field takes the other's value"
        );
        assert_eq!(kept.notes, "Nurse on nights\nTwo kids");
        assert_eq!(kept.tags, ["ICU", "parents"]);
        assert_eq!(kept.stage, Stage::Committed);
        assert!(kept.do_not_contact, "a do-not-contact request holds");
        assert_eq!(project.meetings[&meeting].person, ana);
        let pairs: Vec<(PersonId, PersonId)> = project
            .introductions
            .values()
            .map(|i| (i.introducer, i.introduced))
            .collect();
        assert_eq!(
            pairs,
            [(bo, ana), (ana, cy)],
            "a doubled and a self introduction are dropped"
        );
        assert_eq!(project.map_positions.get(&ana).map(|p| p.x), Some(3.0));
        assert_eq!(
            project.people[&cy].follow_ups[0].owner,
            Owner::Teammate(ana)
        );
        undo.apply(&mut project).expect("undoes");
        assert_eq!(project, before);
    }

    #[test]
    fn the_organizer_is_always_the_one_kept() {
        let mut builder = ProjectBuilder::new(day());
        let me = builder.me();
        let other = builder.person("Me too");
        let project = builder.build();
        assert!(merge(&project, other, me, &[]).is_err());
        assert!(merge(&project, me, me, &[]).is_err());
        assert!(merge(&project, me, other, &[]).is_ok());
    }
}
