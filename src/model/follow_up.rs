//! Finding and changing a follow-up wherever it is kept: in a meeting, or
//! on a person when it belongs to no meeting. Follow-up ids are unique
//! across the project, so an id alone is enough.

use super::{Edit, EditError, FollowUp, FollowUpId, MeetingId, Owner, PersonId, Project};

/// Where a follow-up is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FollowUpHolder {
    /// In a meeting's follow-ups.
    Meeting(MeetingId),
    /// On a person, outside any meeting.
    Person(PersonId),
}

impl Project {
    /// The follow-up with this id, where it is kept, and the person it is
    /// about.
    pub fn follow_up(&self, id: FollowUpId) -> Option<(FollowUpHolder, PersonId, &FollowUp)> {
        for meeting in self.meetings.values() {
            if let Some(item) = meeting.follow_ups.iter().find(|f| f.id == id) {
                return Some((FollowUpHolder::Meeting(meeting.id), meeting.person, item));
            }
        }
        self.people.values().find_map(|person| {
            let item = person.follow_ups.iter().find(|f| f.id == id)?;
            Some((FollowUpHolder::Person(person.id), person.id, item))
        })
    }

    /// One edit that changes the follow-up `id` where it is kept.
    pub fn change_follow_up(
        &self,
        id: FollowUpId,
        change: impl FnOnce(&mut FollowUp),
    ) -> Result<Edit, EditError> {
        let missing = || EditError::Missing(id.to_string());
        let (holder, _, _) = self.follow_up(id).ok_or_else(missing)?;
        let find = |items: &mut Vec<FollowUp>| items.iter_mut().position(|f| f.id == id);
        match holder {
            FollowUpHolder::Meeting(meeting) => {
                let mut changed = self.meeting_for_edit(meeting)?.clone();
                let at = find(&mut changed.follow_ups).ok_or_else(missing)?;
                change(&mut changed.follow_ups[at]);
                Ok(Edit::PutMeeting(Box::new(changed)))
            }
            FollowUpHolder::Person(person) => {
                let mut changed = self.person(person).ok_or_else(missing)?.clone();
                let at = find(&mut changed.follow_ups).ok_or_else(missing)?;
                change(&mut changed.follow_ups[at]);
                Ok(Edit::PutPerson(Box::new(changed)))
            }
        }
    }

    /// One edit that adds a follow-up to `holder`, with a fresh id.
    pub fn add_follow_up(
        &mut self,
        holder: FollowUpHolder,
        mut item: FollowUp,
    ) -> Result<Edit, EditError> {
        if item.what.trim().is_empty() {
            return Err(EditError::Rule("Say what is to be done".into()));
        }
        item.id = self.new_follow_up_id();
        match holder {
            FollowUpHolder::Meeting(meeting) => {
                let mut changed = self.meeting_for_edit(meeting)?.clone();
                changed.follow_ups.push(item);
                Ok(Edit::PutMeeting(Box::new(changed)))
            }
            FollowUpHolder::Person(person) => {
                let mut changed = self
                    .person(person)
                    .ok_or_else(|| EditError::Missing(person.to_string()))?
                    .clone();
                changed.follow_ups.push(item);
                Ok(Edit::PutPerson(Box::new(changed)))
            }
        }
    }

    /// Team members who can own a follow-up: the leadership team, the
    /// organizer left out (that is "me").
    pub fn teammates(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.people
            .values()
            .filter(|p| p.leadership_team && p.id != self.me)
            .map(|p| p.id)
    }
}

/// The teammate a follow-up names, if any.
pub(crate) fn teammate_of(item: &FollowUp) -> Option<PersonId> {
    match item.owner {
        Owner::Teammate(id) => Some(id),
        Owner::Me | Owner::Them => None,
    }
}
