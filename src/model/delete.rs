//! Deleting a person without leaving anything that points at them.

use super::{Edit, EditError, Introduction, PersonId, Project};

/// What to do with the introductions a deleted person made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IntroductionPolicy {
    /// Drop them: the people they brought in lose that link.
    #[default]
    Remove,
    /// Credit the people they brought in to whoever introduced the deleted
    /// person, so chains on the map stay connected.
    CreditTheirIntroducer,
}

/// Builds one undoable edit that deletes `id` and everything that refers to
/// them: meetings with them are removed, meetings they held pass to the
/// organizer, introductions follow `policy`, their map position goes.
pub fn delete_person(
    project: &Project,
    id: PersonId,
    policy: IntroductionPolicy,
) -> Result<Edit, EditError> {
    if id == project.me {
        return Err(EditError::Rule(
            "The organizer's own record cannot be deleted".into(),
        ));
    }
    if project.person(id).is_none() {
        return Err(EditError::Missing(id.to_string()));
    }
    let links = project.links_of(id);
    let mut edits = Vec::new();

    // Introductions that came out of a meeting about to go keep existing
    // but lose their source.
    for intro in project.introductions.values() {
        let from_removed_meeting = intro
            .meeting
            .is_some_and(|m| links.meetings_with.contains(&m));
        let involves_person = intro.introducer == id || intro.introduced == id;
        if from_removed_meeting && !involves_person {
            let mut kept = intro.clone();
            kept.meeting = None;
            edits.push(Edit::PutIntroduction(Box::new(kept)));
        }
    }
    if policy == IntroductionPolicy::CreditTheirIntroducer {
        edits.extend(credit_introducer(
            project,
            id,
            &links.introduced_by,
            &links.introduced,
        ));
    }
    for intro in links.introduced_by.iter().chain(&links.introduced) {
        edits.push(Edit::RemoveIntroduction(*intro));
    }
    edits.extend(reassign_to_me(project, id, &links.meetings_with));
    for meeting_id in &links.meetings_with {
        edits.push(Edit::RemoveMeeting(*meeting_id));
    }
    if project.map_positions.contains_key(&id) {
        edits.push(Edit::SetMapPosition(id, None));
    }
    edits.push(Edit::RemovePerson(id));
    Ok(Edit::Batch(edits))
}

/// Meetings the deleted person held, and follow-ups they owed as a
/// teammate, passed to the organizer (one edit per record changed).
fn reassign_to_me(project: &Project, id: PersonId, removed: &[super::MeetingId]) -> Vec<Edit> {
    let to_me = |follow_ups: &mut Vec<super::FollowUp>| {
        let mut changed = false;
        for item in follow_ups.iter_mut() {
            if item.owner == super::Owner::Teammate(id) {
                item.owner = super::Owner::Me;
                changed = true;
            }
        }
        changed
    };
    let mut edits = Vec::new();
    for meeting in project.meetings.values() {
        if removed.contains(&meeting.id) {
            continue;
        }
        let mut reassigned = meeting.clone();
        let held_by_them = reassigned.conducted_by == id;
        if held_by_them {
            reassigned.conducted_by = project.me;
        }
        if to_me(&mut reassigned.follow_ups) || held_by_them {
            edits.push(Edit::PutMeeting(Box::new(reassigned)));
        }
    }
    for person in project.people.values().filter(|p| p.id != id) {
        let mut reassigned = person.clone();
        if to_me(&mut reassigned.follow_ups) {
            edits.push(Edit::PutPerson(Box::new(reassigned)));
        }
    }
    edits
}

/// New introductions from the deleted person's first introducer to each
/// person the deleted person brought in.
fn credit_introducer(
    project: &Project,
    id: PersonId,
    introduced_by: &[super::IntroductionId],
    introduced: &[super::IntroductionId],
) -> Vec<Edit> {
    let Some(heir) = introduced_by
        .iter()
        .filter_map(|i| project.introductions.get(i))
        .map(|i| i.introducer)
        .find(|p| *p != id)
    else {
        return Vec::new();
    };
    let mut next_raw = project.ids.clone();
    let mut edits = Vec::new();
    for old in introduced
        .iter()
        .filter_map(|i| project.introductions.get(i))
    {
        let target = old.introduced;
        if target == heir || project.has_introduction(heir, target) {
            continue;
        }
        let note = format!(
            "Credited after {} was deleted. {}",
            project.name_of(id),
            old.note
        );
        edits.push(Edit::PutIntroduction(Box::new(Introduction {
            id: super::IntroductionId(next_raw.next_raw()),
            introducer: heir,
            introduced: target,
            date: old.date,
            meeting: None,
            note: note.trim().to_owned(),
        })));
    }
    edits
}
