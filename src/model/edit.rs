//! Edits: the only way a project changes.
//!
//! Applying an edit returns its inverse, so undo and redo never copy the
//! whole project: each step stores one record at most.

use std::fmt;

use super::{
    Introduction, IntroductionId, MapPosition, Meeting, MeetingId, Person, PersonId, Project,
    ProjectInfo,
};

/// One change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert a person, or replace the one with the same id.
    PutPerson(Box<Person>),
    /// Remove a person nothing refers to.
    RemovePerson(PersonId),
    /// Insert a meeting, or replace the one with the same id.
    PutMeeting(Box<Meeting>),
    /// Remove a meeting (and so the link of introductions made in it).
    RemoveMeeting(MeetingId),
    /// Insert an introduction, or replace the one with the same id.
    PutIntroduction(Box<Introduction>),
    /// Remove an introduction.
    RemoveIntroduction(IntroductionId),
    /// Set or clear where a person sits on the map.
    SetMapPosition(PersonId, Option<MapPosition>),
    /// Replace the project-wide fields.
    SetInfo(Box<ProjectInfo>),
    /// Several edits that stand or fall together, applied in order.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The project is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The record to change does not exist.
    Missing(String),
    /// The edit would leave a reference pointing nowhere.
    Dangling(String),
    /// The edit breaks a rule of the model.
    Rule(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Missing(what) => write!(f, "{what} does not exist"),
            EditError::Dangling(what) => write!(f, "{what}"),
            EditError::Rule(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for EditError {}

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    /// On error nothing changed.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::PutPerson(person) => put_person(project, person),
            Edit::RemovePerson(id) => remove_person(project, id),
            Edit::PutMeeting(meeting) => put_meeting(project, meeting),
            Edit::RemoveMeeting(id) => remove_meeting(project, id),
            Edit::PutIntroduction(intro) => put_introduction(project, *intro),
            Edit::RemoveIntroduction(id) => remove_introduction(project, id),
            Edit::SetMapPosition(id, position) => set_map_position(project, id, position),
            Edit::SetInfo(info) => {
                let old = std::mem::replace(&mut project.info, *info);
                Ok(Edit::SetInfo(Box::new(old)))
            }
            Edit::Batch(edits) => apply_batch(project, edits),
        }
    }
}

fn put_person(project: &mut Project, person: Box<Person>) -> Result<Edit, EditError> {
    let id = person.id;
    for teammate in person
        .follow_ups
        .iter()
        .filter_map(super::follow_up::teammate_of)
    {
        if teammate != id {
            require_person(project, teammate, "The teammate owing a follow-up,")?;
        }
    }
    project.reserve_id(id.0);
    for follow_up in &person.follow_ups {
        project.reserve_id(follow_up.id.0);
    }
    Ok(match project.people.insert(id, *person) {
        Some(old) => Edit::PutPerson(Box::new(old)),
        None => Edit::RemovePerson(id),
    })
}

fn remove_person(project: &mut Project, id: PersonId) -> Result<Edit, EditError> {
    if id == project.me {
        return Err(EditError::Rule(
            "The organizer's own record cannot be deleted".into(),
        ));
    }
    if !project.people.contains_key(&id) {
        return Err(EditError::Missing(id.to_string()));
    }
    let links = project.links_of(id);
    if !links.is_empty() || project.map_positions.contains_key(&id) || owes_follow_ups(project, id)
    {
        return Err(EditError::Dangling(format!(
            "{} still has meetings, introductions or a map position",
            project.name_of(id)
        )));
    }
    let old = project
        .people
        .remove(&id)
        .ok_or_else(|| EditError::Missing(id.to_string()))?;
    Ok(Edit::PutPerson(Box::new(old)))
}

/// Whether someone else's follow-up names `id` as the teammate who owes it.
fn owes_follow_ups(project: &Project, id: PersonId) -> bool {
    let owed = |items: &[super::FollowUp]| {
        items
            .iter()
            .any(|f| super::follow_up::teammate_of(f) == Some(id))
    };
    project.meetings.values().any(|m| owed(&m.follow_ups))
        || project
            .people
            .values()
            .any(|p| p.id != id && owed(&p.follow_ups))
}

fn require_person(project: &Project, id: PersonId, role: &str) -> Result<(), EditError> {
    if project.people.contains_key(&id) {
        Ok(())
    } else {
        Err(EditError::Dangling(format!("{role} {id} does not exist")))
    }
}

fn put_meeting(project: &mut Project, meeting: Box<Meeting>) -> Result<Edit, EditError> {
    require_person(project, meeting.person, "The person met,")?;
    require_person(
        project,
        meeting.conducted_by,
        "The person holding the meeting,",
    )?;
    for teammate in meeting
        .follow_ups
        .iter()
        .filter_map(super::follow_up::teammate_of)
    {
        require_person(project, teammate, "The teammate owing a follow-up,")?;
    }
    let id = meeting.id;
    project.reserve_id(id.0);
    for follow_up in &meeting.follow_ups {
        project.reserve_id(follow_up.id.0);
    }
    Ok(match project.meetings.insert(id, *meeting) {
        Some(old) => Edit::PutMeeting(Box::new(old)),
        None => Edit::RemoveMeeting(id),
    })
}

fn remove_meeting(project: &mut Project, id: MeetingId) -> Result<Edit, EditError> {
    if project
        .introductions
        .values()
        .any(|intro| intro.meeting == Some(id))
    {
        return Err(EditError::Dangling(format!(
            "{id} is the source of introductions; unlink them first"
        )));
    }
    let old = project
        .meetings
        .remove(&id)
        .ok_or_else(|| EditError::Missing(id.to_string()))?;
    Ok(Edit::PutMeeting(Box::new(old)))
}

fn put_introduction(project: &mut Project, intro: Introduction) -> Result<Edit, EditError> {
    require_person(project, intro.introducer, "The introducer,")?;
    require_person(project, intro.introduced, "The person introduced,")?;
    if intro.introducer == intro.introduced {
        return Err(EditError::Rule(
            "Nobody can introduce themselves".to_owned(),
        ));
    }
    if let Some(meeting) = intro.meeting
        && !project.meetings.contains_key(&meeting)
    {
        return Err(EditError::Dangling(format!("{meeting} does not exist")));
    }
    let id = intro.id;
    project.reserve_id(id.0);
    Ok(match project.introductions.insert(id, intro) {
        Some(old) => Edit::PutIntroduction(Box::new(old)),
        None => Edit::RemoveIntroduction(id),
    })
}

fn remove_introduction(project: &mut Project, id: IntroductionId) -> Result<Edit, EditError> {
    let old = project
        .introductions
        .remove(&id)
        .ok_or_else(|| EditError::Missing(id.to_string()))?;
    Ok(Edit::PutIntroduction(Box::new(old)))
}

fn set_map_position(
    project: &mut Project,
    id: PersonId,
    position: Option<MapPosition>,
) -> Result<Edit, EditError> {
    let old = match position {
        Some(position) => {
            require_person(project, id, "The person placed on the map,")?;
            if !(position.x.is_finite() && position.y.is_finite()) {
                return Err(EditError::Rule(
                    "A map position must be a finite number".into(),
                ));
            }
            project.map_positions.insert(id, position)
        }
        None => project.map_positions.remove(&id),
    };
    Ok(Edit::SetMapPosition(id, old))
}

/// Applies edits in order; if one fails, undoes the ones already applied.
fn apply_batch(project: &mut Project, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                roll_back(project, inverses);
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

fn roll_back(project: &mut Project, inverses: Vec<Edit>) {
    for inverse in inverses.into_iter().rev() {
        // An inverse restores a state that was valid a moment ago, so it
        // cannot be refused; if it were, there is nothing better to do.
        let _restored = inverse.apply(project);
    }
}
