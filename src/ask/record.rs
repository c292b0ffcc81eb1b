//! Answers and commitments: what a yes, a no or a kept promise changes.

use chrono::{Datelike, Duration};

use crate::meeting::rules::{CONFIRM_CALL, ticks};
use crate::model::{
    Answer, Ask, Edit, EditError, FollowUp, Kept, Meeting, MeetingId, Owner, Project, Stage,
};

/// Actions organizers ask for most, as verb phrases that fit
/// "Can I count on you to …".
pub const COMMON_ACTIONS: &[&str] = &[
    "phonebank with me",
    "host a house meeting",
    "canvass with us",
    "come to the team meeting",
    "hold one-to-ones with two coworkers",
    "speak at the meeting",
    "host the gathering",
    "bring two others",
];

/// Places already used in meetings and asks, most used first.
pub fn places_used(project: &Project) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for meeting in project.meetings.values() {
        let ask_place = meeting.ask.as_ref().map(|a| a.place.as_str());
        for place in std::iter::once(meeting.place.as_str()).chain(ask_place) {
            let place = place.trim();
            if !place.is_empty() {
                *counts.entry(place.to_owned()).or_default() += 1;
            }
        }
    }
    let mut places: Vec<(String, usize)> = counts.into_iter().collect();
    places.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    places.into_iter().map(|(place, _)| place).collect()
}

/// "phonebank with me, Fri 27 Nov, 18:00, the union hall": the day as a
/// date, so it reads right after the day it was agreed. The year is added
/// when it is not `today`'s.
pub fn commitment_text(ask: &Ask, today: chrono::NaiveDate) -> String {
    let style = crate::dates::style();
    let mut text = if ask.action.trim().is_empty() {
        "the action asked".to_owned()
    } else {
        ask.action.trim().to_owned()
    };
    match (ask.day, ask.time) {
        (Some(day), Some(time)) => {
            text.push_str(&format!(
                ", {}",
                style.day_time(day.and_time(time), today.year())
            ));
        }
        (Some(day), None) if day.year() == today.year() => {
            text.push_str(&format!(", {}", style.day(day)));
        }
        (Some(day), None) => text.push_str(&format!(", {}", style.day_and_year(day))),
        (None, Some(time)) => text.push_str(&format!(", at {}", style.time(time))),
        (None, None) => {}
    }
    if !ask.place.trim().is_empty() {
        text.push_str(&format!(", {}", ask.place.trim()));
    }
    text
}

fn meeting_with_ask(project: &Project, id: MeetingId) -> Result<&Meeting, EditError> {
    let meeting = project.meeting_for_edit(id)?;
    if meeting.ask.is_none() {
        return Err(EditError::Rule("This meeting has no ask yet".into()));
    }
    Ok(meeting)
}

/// Records the answer to a meeting's ask, as one undoable edit. A yes moves
/// the person to "committed" and adds a follow-up to confirm the day before.
pub fn record_answer(
    project: &mut Project,
    id: MeetingId,
    answer: Answer,
) -> Result<Edit, EditError> {
    let follow_up_id = project.new_follow_up_id();
    let meeting = meeting_with_ask(project, id)?;
    let mut changed = meeting.clone();
    let mut edits = Vec::new();
    if answer == Answer::Yes {
        edits.extend(project.raise_stage(meeting.person, Stage::Committed));
        if let Some(follow_up) = confirm_follow_up(meeting, follow_up_id) {
            changed.follow_ups.push(follow_up);
        }
        changed.checklist.insert(ticks::COMMITMENTS.to_owned());
    }
    if answer != Answer::Pending {
        changed.checklist.insert(ticks::ASKED.to_owned());
    }
    if let Some(ask) = changed.ask.as_mut() {
        ask.answer = answer;
    }
    edits.insert(0, Edit::PutMeeting(Box::new(changed)));
    Ok(Edit::Batch(edits))
}

/// The text of the follow-up that confirms a meeting's commitment.
fn commitment_call(meeting: &Meeting) -> Option<String> {
    let ask = meeting.ask.as_ref()?;
    Some(format!("{CONFIRM_CALL}: {}", ask.action.trim()))
}

/// The "confirm the day before" follow-up for a yes, unless one exists.
fn confirm_follow_up(meeting: &Meeting, id: crate::model::FollowUpId) -> Option<FollowUp> {
    let ask = meeting.ask.as_ref()?;
    let what = format!("{CONFIRM_CALL}: {}", ask.action.trim());
    if meeting.follow_ups.iter().any(|f| f.what == what) {
        return None;
    }
    Some(FollowUp {
        id,
        what,
        due: ask
            .day
            .map(|day| day.checked_sub_signed(Duration::days(1)).unwrap_or(day)),
        owner: Owner::Me,
        done: false,
    })
}

/// Records whether a commitment was kept. Kept moves the person to "active".
pub fn record_kept(project: &Project, id: MeetingId, kept: Kept) -> Result<Edit, EditError> {
    let meeting = meeting_with_ask(project, id)?;
    let mut changed = meeting.clone();
    if let Some(ask) = changed.ask.as_mut() {
        ask.kept = kept;
    }
    if kept != Kept::Unknown {
        // The day has come and gone: the call to confirm it is moot.
        let call = commitment_call(&changed);
        for item in changed.follow_ups.iter_mut() {
            if Some(&item.what) == call.as_ref() {
                item.done = true;
            }
        }
    }
    let mut edits = vec![Edit::PutMeeting(Box::new(changed))];
    if kept == Kept::Kept {
        edits.extend(project.raise_stage(meeting.person, Stage::Active));
    }
    Ok(Edit::Batch(edits))
}
