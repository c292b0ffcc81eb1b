//! Rules of a one-to-one: warnings, status changes, referrals, learning
//! copied into the profile, and the prep card.

use chrono::{Duration, NaiveDate};

use super::questions::NoteField;
use crate::model::{
    Answer, Edit, EditError, Introduction, Meeting, MeetingId, MeetingStatus, Person, PersonId,
    Project, Stage,
};

/// The shortest and longest a one-to-one should run.
pub const RECOMMENDED_MINUTES: std::ops::RangeInclusive<u32> = 30..=45;

/// A warning when the planned length is outside 30–45 minutes.
pub fn duration_warning(minutes: u32) -> Option<String> {
    if RECOMMENDED_MINUTES.contains(&minutes) {
        None
    } else if minutes < *RECOMMENDED_MINUTES.start() {
        Some(format!(
            "{minutes} minutes is short: a one-to-one needs 30 to 45"
        ))
    } else {
        Some(format!(
            "{minutes} minutes is long: keep it to 30 to 45 and end on time"
        ))
    }
}

/// A warning when no place is set.
pub fn place_warning(place: &str) -> Option<&'static str> {
    place
        .trim()
        .is_empty()
        .then_some("No place yet: pick a quiet place where you can sit down")
}

/// The day to call and confirm: the day before the meeting.
pub fn confirm_call_due(meeting: &Meeting) -> Option<NaiveDate> {
    meeting.date().map(|day| day - Duration::days(1))
}

/// The stage a person reaches when a one-to-one with them is held.
pub fn stage_after_held(stage: Stage) -> Stage {
    stage.max(Stage::Met)
}

/// The checklist item ticked when a meeting is confirmed.
const CONFIRMED_ITEM: &str = "before.confirmed";

/// One edit that sets a meeting's status; confirming ticks "confirmed the
/// day before", holding moves the person met up to "met".
pub fn set_status(
    project: &Project,
    id: MeetingId,
    status: MeetingStatus,
) -> Result<Edit, EditError> {
    let meeting = project.meeting_for_edit(id)?;
    let mut changed = meeting.clone();
    changed.status = status;
    if status == MeetingStatus::Confirmed {
        // Confirming is the checklist's "confirmed the day before".
        changed.checklist.insert(CONFIRMED_ITEM.to_owned());
    }
    let mut edits = vec![Edit::PutMeeting(Box::new(changed))];
    if status == MeetingStatus::Held {
        edits.extend(project.raise_stage(meeting.person, Stage::Met));
    }
    Ok(Edit::Batch(edits))
}

/// Someone named in answer to "who else should I talk to?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Referral {
    /// A person not yet in the project.
    New(String),
    /// A person already in the project.
    Existing(PersonId),
}

/// One edit that records a referral made in a meeting: a new person at stage
/// "identified" if needed, and an introduction from the person met, dated
/// the meeting day, with the meeting as its source.
pub fn add_referral(
    project: &mut Project,
    meeting_id: MeetingId,
    referral: Referral,
    today: NaiveDate,
) -> Result<Edit, EditError> {
    let meeting = project.meeting_for_edit(meeting_id)?;
    let introducer = meeting.person;
    let date = meeting.date().unwrap_or(today);
    let mut edits = Vec::new();
    let referred = match referral {
        Referral::Existing(id) => id,
        Referral::New(name) => {
            let name = name.trim();
            if name.is_empty() {
                return Err(EditError::Rule(
                    "Type the name of the person referred".into(),
                ));
            }
            let id = project.new_person_id();
            let mut person = Person::new(id, name, today);
            person.stage = Stage::Identified;
            edits.push(Edit::PutPerson(Box::new(person)));
            id
        }
    };
    if referred == introducer {
        return Err(EditError::Rule("Nobody refers themselves".into()));
    }
    let id = project.new_introduction_id();
    let mut introduction = Introduction::new(id, introducer, referred, Some(date));
    introduction.meeting = Some(meeting_id);
    edits.push(Edit::PutIntroduction(Box::new(introduction)));
    Ok(Edit::Batch(edits))
}

/// Days after the meeting (or today, for one with no date) a new
/// follow-up is due: soon enough that the conversation is fresh.
pub const FOLLOW_UP_DAYS: i64 = 2;

/// A new one-to-one with `person`, held by me, not yet scheduled. Returns
/// its id and the edit that adds it.
pub fn plan_meeting(
    project: &mut Project,
    person: PersonId,
) -> Result<(MeetingId, Edit), EditError> {
    if project.person(person).is_none() {
        return Err(EditError::Missing(person.to_string()));
    }
    let id = project.new_meeting_id();
    let meeting = Meeting::new(id, person, project.me);
    Ok((id, Edit::PutMeeting(Box::new(meeting))))
}

/// Adds a follow-up to a meeting, due [`FOLLOW_UP_DAYS`] after it.
pub fn add_follow_up(
    project: &mut Project,
    id: MeetingId,
    what: String,
    owner: crate::model::Owner,
    today: NaiveDate,
) -> Result<Edit, EditError> {
    let follow_up_id = project.new_follow_up_id();
    let mut meeting = project.meeting_for_edit(id)?.clone();
    let due = meeting.date().unwrap_or(today) + Duration::days(FOLLOW_UP_DAYS);
    meeting.follow_ups.push(crate::model::FollowUp {
        id: follow_up_id,
        what,
        due: Some(due),
        owner,
        done: false,
    });
    Ok(Edit::PutMeeting(Box::new(meeting)))
}

/// Ticks a meeting's follow-up done (or not).
pub fn set_follow_up_done(
    project: &Project,
    id: MeetingId,
    item: crate::model::FollowUpId,
    done: bool,
) -> Result<Edit, EditError> {
    let mut meeting = project.meeting_for_edit(id)?.clone();
    let follow_up = meeting
        .follow_ups
        .iter_mut()
        .find(|f| f.id == item)
        .ok_or_else(|| EditError::Missing(item.to_string()))?;
    follow_up.done = done;
    Ok(Edit::PutMeeting(Box::new(meeting)))
}

/// Writes a question from the bank into the meeting's notes of its theme.
pub fn insert_question(
    project: &Project,
    id: MeetingId,
    theme: super::questions::Theme,
    question: &str,
) -> Result<Edit, EditError> {
    let mut meeting = project.meeting_for_edit(id)?.clone();
    super::questions::insert_question(theme.note_field().get_mut(&mut meeting.notes), question);
    Ok(Edit::PutMeeting(Box::new(meeting)))
}

/// Records that `introducer` introduced `introduced` today.
pub fn introduce(
    project: &mut Project,
    introducer: PersonId,
    introduced: PersonId,
    today: NaiveDate,
) -> Edit {
    let id = project.new_introduction_id();
    let introduction = Introduction::new(id, introducer, introduced, Some(today));
    Edit::PutIntroduction(Box::new(introduction))
}

/// The profile field that collects what a note field holds.
fn profile_field(person: &mut Person, field: NoteField) -> Option<&mut String> {
    match field {
        NoteField::Values => Some(&mut person.values),
        NoteField::Interests => Some(&mut person.interests),
        NoteField::SkillsAssets => Some(&mut person.skills_assets),
        NoteField::Challenges => Some(&mut person.challenges),
        NoteField::Hopes => Some(&mut person.hopes),
        NoteField::WhyTheyCare => Some(&mut person.why_they_care),
        NoteField::StoryShared | NoteField::ExchangeMade | NoteField::General => None,
    }
}

/// Appends what a meeting taught to the person's profile, dated, never
/// replacing what is there and never adding the same text twice.
/// Returns `None` when there is nothing new to copy.
pub fn copy_notes_to_profile(project: &Project, id: MeetingId) -> Option<Edit> {
    let meeting = project.meetings.get(&id)?;
    let mut person = project.person(meeting.person)?.clone();
    let stamp = meeting.date().map_or_else(String::new, |d| {
        format!("[{}] ", crate::dates::style().date(d))
    });
    let mut changed = false;
    for field in NoteField::ALL {
        let learned = field.get(&meeting.notes).trim();
        let Some(target) = profile_field(&mut person, field) else {
            continue;
        };
        if learned.is_empty() || target.contains(learned) {
            continue;
        }
        if !target.is_empty() {
            target.push('\n');
        }
        target.push_str(&stamp);
        target.push_str(learned);
        changed = true;
    }
    changed.then(|| Edit::PutPerson(Box::new(person)))
}

/// Everything known about the person before a meeting, as plain text.
pub fn prep_card(project: &Project, id: MeetingId) -> Option<String> {
    let meeting = project.meetings.get(&id)?;
    let person = project.person(meeting.person)?;
    let mut card = String::new();
    let when = meeting.start.map_or_else(
        || "date not set".to_owned(),
        |s| {
            format!(
                "{} at {}",
                crate::dates::style().long(s.date()),
                crate::dates::style().time(s.time())
            )
        },
    );
    card.push_str(&format!(
        "PREP: one-to-one with {}\n",
        person.display_name()
    ));
    card.push_str(&format!(
        "When: {when}   Where: {}\n",
        or_dash(&meeting.place)
    ));
    card.push_str(&format!("Purpose: {}\n", or_dash(&meeting.purpose)));
    let role = [person.role.as_str(), person.organization.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    card.push_str(&format!(
        "Role: {}   Stage: {}\n",
        or_dash(&role),
        person.stage.label()
    ));
    let introducers: Vec<&str> = project
        .introductions
        .values()
        .filter(|i| i.introduced == person.id)
        .map(|i| project.name_of(i.introducer))
        .collect();
    card.push_str(&format!(
        "Introduced by: {}\n",
        or_dash(&introducers.join(", "))
    ));
    card.push('\n');
    for (label, text) in [
        ("Why build the relationship", &person.reason_to_build),
        ("Why they care", &person.why_they_care),
        ("Values", &person.values),
        ("Interests", &person.interests),
        ("Skills and assets", &person.skills_assets),
        ("Challenges", &person.challenges),
        ("Hopes", &person.hopes),
    ] {
        if !text.trim().is_empty() {
            card.push_str(&format!("{label}: {}\n", text.trim()));
        }
    }
    push_history(project, meeting, &mut card);
    Some(card)
}

fn push_history(project: &Project, meeting: &Meeting, card: &mut String) {
    let earlier: Vec<&Meeting> = project
        .meetings
        .values()
        .filter(|m| m.person == meeting.person && m.id != meeting.id)
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    if let Some(last) = earlier.iter().max_by_key(|m| m.start) {
        let day = last
            .date()
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        card.push_str(&format!("\nLast one-to-one ({day}):\n"));
        for field in NoteField::ALL {
            let text = field.get(&last.notes).trim();
            if !text.is_empty() {
                card.push_str(&format!("  {}: {text}\n", field.label()));
            }
        }
    }
    let mut open = Vec::new();
    for m in earlier.iter().chain(std::iter::once(&meeting)) {
        for follow_up in m.follow_ups.iter().filter(|f| !f.done) {
            let who = match follow_up.owner {
                crate::model::Owner::Me => "I owe",
                crate::model::Owner::Them => "They owe",
            };
            let due = follow_up
                .due
                .map_or_else(String::new, |d| format!(" (due {d})"));
            open.push(format!("  {who}: {}{due}", follow_up.what));
        }
        if let Some(ask) = &m.ask {
            match &ask.answer {
                Answer::Pending | Answer::NotYet => {
                    open.push(format!(
                        "  Ask waiting for an answer: {}",
                        or_dash(&ask.action)
                    ));
                }
                Answer::Yes if ask.kept == crate::model::Kept::Unknown => {
                    open.push(format!("  They committed to: {}", or_dash(&ask.action)));
                }
                _ => {}
            }
        }
    }
    if !open.is_empty() {
        card.push_str("\nOpen commitments:\n");
        card.push_str(&open.join("\n"));
        card.push('\n');
    }
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "-"
    } else {
        text.trim()
    }
}
