//! Rules of a one-to-one: warnings, status changes, referrals, learning
//! copied into the profile, and the prep card.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::questions::NoteField;
use crate::model::{
    Answer, Edit, EditError, FollowUp, FollowUpHolder, Introduction, Meeting, MeetingId,
    MeetingStatus, Owner, Person, PersonId, Project, Stage,
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
    meeting
        .date()
        .map(|day| day.checked_sub_signed(Duration::days(1)).unwrap_or(day))
}

/// The stage a person reaches when a one-to-one with them is held.
pub fn stage_after_held(stage: Stage) -> Stage {
    stage.max(Stage::Met)
}

/// Checklist items the app ticks when the organizer does what they say.
pub mod ticks {
    /// Ticked when a channel of first contact is chosen.
    pub const REACHED_OUT: &str = "before.reached_out";
    /// Ticked when the meeting has both a time and a place.
    pub const TIME_AND_PLACE: &str = "before.time_place";
    /// Ticked when the meeting is confirmed.
    pub const CONFIRMED: &str = "before.confirmed";
    /// Ticked when the ask gets any answer.
    pub const ASKED: &str = "during.ask";
    /// Ticked when a referral is recorded.
    pub const REFERRALS: &str = "during.referrals";
    /// Ticked when the ask is answered yes: a commitment to follow.
    pub const COMMITMENTS: &str = "after.commitments";
}

/// The start of the follow-up a yes adds ("Call to confirm: phonebank").
pub const CONFIRM_CALL: &str = "Call to confirm";

/// Ticks what a change to a meeting's own fields shows was done: choosing
/// how you reached out ticks "reached out", a time and a place tick "date,
/// time and place fixed". Only a change ticks, so a tick the organizer
/// took off stays off until the field changes again.
pub fn follow_checklist(before: &Meeting, after: &mut Meeting) {
    if after.setup.is_some() && after.setup != before.setup {
        after.checklist.insert(ticks::REACHED_OUT.to_owned());
    }
    let fixed = |m: &Meeting| m.start.is_some() && !m.place.trim().is_empty();
    if fixed(after) && !fixed(before) {
        after.checklist.insert(ticks::TIME_AND_PLACE.to_owned());
    }
}

/// A warning when the meeting's date and its status disagree at `now`:
/// still planned after its time, or held before its day. Either is
/// allowed; the organizer is told.
pub fn date_warning(meeting: &Meeting, now: NaiveDateTime) -> Option<String> {
    let start = meeting.start?;
    if meeting.awaits_debrief(now) {
        return Some(
            "Its time has passed: mark it held, no-show or cancelled, and debrief".to_owned(),
        );
    }
    let outcome = matches!(meeting.status, MeetingStatus::Held | MeetingStatus::NoShow);
    (outcome && start > now).then(|| {
        format!(
            "Marked {} but it is still ahead ({})",
            meeting.status.label().to_lowercase(),
            crate::dates::style().day_time(start, now.year())
        )
    })
}

/// A warning when an ask's commitment is marked kept or not kept before
/// its day.
pub fn kept_warning(ask: &crate::model::Ask, today: NaiveDate) -> Option<String> {
    let day = ask.day?;
    (ask.kept != crate::model::Kept::Unknown && day > today).then(|| {
        format!(
            "Marked {} but its day is still ahead ({})",
            if ask.kept == crate::model::Kept::Kept {
                "kept"
            } else {
                "not kept"
            },
            crate::dates::style().day(day)
        )
    })
}

/// Marks done the "call to confirm" follow-ups of a meeting that the
/// meeting itself settles: confirming calls due on or before its day.
fn close_confirm_calls(meeting: &mut Meeting) {
    let day = meeting.date();
    // The call that confirms the ask's commitment waits for that day.
    let commitment = meeting
        .ask
        .as_ref()
        .map(|ask| format!("{CONFIRM_CALL}: {}", ask.action.trim()));
    for item in &mut meeting.follow_ups {
        let before_meeting = match (item.due, day) {
            (Some(due), Some(day)) => due <= day,
            _ => false,
        };
        let for_commitment = commitment.as_ref() == Some(&item.what);
        if item.what.starts_with(CONFIRM_CALL) && before_meeting && !for_commitment {
            item.done = true;
        }
    }
}

/// One edit that sets a meeting's status; confirming ticks "confirmed the
/// day before", holding moves the person met up to "met" and closes the
/// calls to confirm it.
pub fn set_status(
    project: &Project,
    id: MeetingId,
    status: MeetingStatus,
) -> Result<Edit, EditError> {
    let meeting = project.meeting_for_edit(id)?;
    let mut changed = meeting.clone();
    changed.status = status;
    if status == MeetingStatus::Confirmed {
        changed.checklist.insert(ticks::CONFIRMED.to_owned());
    }
    if status == MeetingStatus::Held {
        close_confirm_calls(&mut changed);
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
    let meeting = project.meeting_for_edit(meeting_id)?;
    if !meeting.checklist.contains(ticks::REFERRALS) {
        let mut ticked = meeting.clone();
        ticked.checklist.insert(ticks::REFERRALS.to_owned());
        edits.push(Edit::PutMeeting(Box::new(ticked)));
    }
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

/// The day a new follow-up is due by default: [`FOLLOW_UP_DAYS`] after
/// its meeting, or after today when it has no dated meeting.
pub fn default_follow_up_due(
    project: &Project,
    holder: FollowUpHolder,
    today: NaiveDate,
) -> NaiveDate {
    let meeting_day = match holder {
        FollowUpHolder::Meeting(id) => project.meetings.get(&id).and_then(Meeting::date),
        FollowUpHolder::Person(_) => None,
    };
    // A meeting long past would give a due day already overdue.
    let from = meeting_day.unwrap_or(today).max(today);
    from.checked_add_signed(Duration::days(FOLLOW_UP_DAYS))
        .unwrap_or(from)
}

/// Adds a follow-up to a meeting or a person, due on `due` or by default
/// [`FOLLOW_UP_DAYS`] after its meeting.
pub fn add_follow_up(
    project: &mut Project,
    holder: FollowUpHolder,
    what: String,
    owner: Owner,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Edit, EditError> {
    let due = due.unwrap_or_else(|| default_follow_up_due(project, holder, today));
    let item = FollowUp {
        id: crate::model::FollowUpId(0),
        what: what.trim().to_owned(),
        due: Some(due),
        owner,
        done: false,
    };
    project.add_follow_up(holder, item)
}

/// Ticks a follow-up done (or not), wherever it is kept.
pub fn set_follow_up_done(
    project: &Project,
    item: crate::model::FollowUpId,
    done: bool,
) -> Result<Edit, EditError> {
    project.change_follow_up(item, |follow_up| follow_up.done = done)
}

/// One edit that logs an attempt to reach `person`. Any try moves someone
/// identified to "contacted" (you reached out); a contact that says they
/// are not interested does not change their stage further.
pub fn log_contact(
    project: &Project,
    person: PersonId,
    mut contact: crate::model::Contact,
) -> Result<Edit, EditError> {
    let mut changed = project
        .person(person)
        .ok_or_else(|| EditError::Missing(person.to_string()))?
        .clone();
    contact.note = contact.note.trim().to_owned();
    changed.contacts.push(contact);
    changed.contacts.sort_by_key(|c| c.at);
    changed.stage = changed.stage.max(Stage::Contacted);
    Ok(Edit::PutPerson(Box::new(changed)))
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
    if let Some(contact) = person.last_contact() {
        card.push_str(&format!(
            "Last contact: {} ({})\n",
            crate::dates::style().short(contact.at.date()),
            contact.summary()
        ));
    }
    if person.do_not_contact {
        card.push_str("Asked not to be contacted\n");
    }
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
    push_planned_ask(meeting, &mut card);
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
    let on_person = project
        .person(meeting.person)
        .map(|p| p.follow_ups.as_slice())
        .unwrap_or_default();
    let meetings = earlier.iter().chain(std::iter::once(&meeting));
    let follow_ups = on_person
        .iter()
        .chain(meetings.clone().flat_map(|m| m.follow_ups.iter()));
    for follow_up in follow_ups.filter(|f| !f.done) {
        let who = match follow_up.owner {
            crate::model::Owner::Me => "I owe".to_owned(),
            crate::model::Owner::Them => "They owe".to_owned(),
            crate::model::Owner::Teammate(id) => format!("{} owes", project.name_of(id)),
        };
        let due = follow_up.due.map_or_else(String::new, |d| {
            format!(" (due {})", crate::dates::style().day(d))
        });
        open.push(format!("  {who}: {}{due}", follow_up.what));
    }
    for m in meetings {
        if let Some(line) = m
            .ask
            .as_ref()
            .and_then(|ask| open_ask_line(ask, m, meeting.id))
        {
            open.push(line);
        }
    }
    if !open.is_empty() {
        card.push_str("\nOpen commitments:\n");
        card.push_str(&open.join("\n"));
        card.push('\n');
    }
}

/// The line of an ask still open: what was agreed, with its date, or what
/// is waiting. The ask planned for the meeting itself is not listed here.
fn open_ask_line(
    ask: &crate::model::Ask,
    meeting: &Meeting,
    prepared: MeetingId,
) -> Option<String> {
    let reference = meeting.date().or(ask.day).unwrap_or_default();
    let what = crate::ask::commitment_text(ask, reference);
    match &ask.answer {
        Answer::Pending if meeting.id == prepared => None,
        Answer::Pending => Some(format!("  Planned, never asked: {what}")),
        Answer::NotYet => Some(format!("  Asked, waiting for an answer: {what}")),
        Answer::CounterOffer(terms) if ask.kept == crate::model::Kept::Unknown => {
            Some(format!("  They offered instead: {}", or_dash(terms)))
        }
        Answer::Yes if ask.kept == crate::model::Kept::Unknown => {
            Some(format!("  They committed to: {what}"))
        }
        _ => None,
    }
}

/// The ask planned for the meeting, with its wording.
fn push_planned_ask(meeting: &Meeting, card: &mut String) {
    let Some(ask) = meeting.ask.as_ref().filter(|a| a.answer == Answer::Pending) else {
        return;
    };
    let reference = meeting.date().or(ask.day).unwrap_or_default();
    card.push_str(&format!(
        "\nThe ask (planned): {}\n",
        crate::ask::commitment_text(ask, reference)
    ));
    if !ask.wording.trim().is_empty() {
        card.push_str(&format!("  In your words: \"{}\"\n", ask.wording.trim()));
    }
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "-"
    } else {
        text.trim()
    }
}
