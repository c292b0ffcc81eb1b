//! The dashboard's lists. Each item carries the ids needed to open the
//! record it comes from.

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::model::{
    Answer, FollowUpId, Kept, Meeting, MeetingId, MeetingStatus, Owner, PersonId, Project,
};

/// Days ahead that "this week" covers, after today.
pub const WEEK_AHEAD_DAYS: i64 = 7;

/// Default silence, in days, before someone counts as gone quiet.
pub const DEFAULT_QUIET_DAYS: u32 = 30;

/// A meeting coming up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming {
    /// The meeting.
    pub meeting: MeetingId,
    /// Who it is with.
    pub person: PersonId,
    /// When it starts.
    pub start: NaiveDateTime,
    /// Where.
    pub place: String,
    /// Confirmed with the person.
    pub confirmed: bool,
}

/// Something a person said yes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// The meeting where the ask was made.
    pub meeting: MeetingId,
    /// Who committed.
    pub person: PersonId,
    /// What they will do.
    pub action: String,
    /// The day they will do it.
    pub day: NaiveDate,
    /// At what time, if said.
    pub time: Option<NaiveTime>,
    /// Where.
    pub place: String,
}

/// A follow-up item not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpDue {
    /// The meeting it belongs to.
    pub meeting: MeetingId,
    /// The item.
    pub follow_up: FollowUpId,
    /// The person of the meeting.
    pub person: PersonId,
    /// What is owed.
    pub what: String,
    /// When it was due.
    pub due: NaiveDate,
    /// Who owes it.
    pub owner: Owner,
}

/// An ask still waiting for its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingAsk {
    /// The meeting of the ask.
    pub meeting: MeetingId,
    /// Who was asked.
    pub person: PersonId,
    /// What was asked.
    pub action: String,
    /// "Not yet" (they will think about it) rather than no answer recorded.
    pub thinking_it_over: bool,
    /// When the meeting was, if dated.
    pub asked_on: Option<NaiveDate>,
}

/// Someone introduced to the organizer who has no meeting yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referral {
    /// The person.
    pub person: PersonId,
    /// Who introduced them.
    pub introduced_by: PersonId,
    /// When, if known.
    pub since: Option<NaiveDate>,
}

/// Someone met before who has heard nothing for a while.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuietPerson {
    /// The person.
    pub person: PersonId,
    /// The last time anything happened with them.
    pub last_contact: NaiveDate,
    /// Days since then.
    pub days: i64,
}

fn is_open(meeting: &Meeting) -> bool {
    matches!(
        meeting.status,
        MeetingStatus::Planned | MeetingStatus::Confirmed
    )
}

/// Planned and confirmed meetings from today through the next seven days,
/// soonest first.
pub fn meetings_this_week(project: &Project, now: NaiveDateTime) -> Vec<Upcoming> {
    let today = now.date();
    let last = today + Duration::days(WEEK_AHEAD_DAYS);
    let mut upcoming: Vec<Upcoming> = project
        .meetings
        .values()
        .filter(|meeting| is_open(meeting))
        .filter_map(|meeting| {
            let start = meeting.start?;
            (start.date() >= today && start.date() <= last).then(|| Upcoming {
                meeting: meeting.id,
                person: meeting.person,
                start,
                place: meeting.place.clone(),
                confirmed: meeting.status == MeetingStatus::Confirmed,
            })
        })
        .collect();
    upcoming.sort_by_key(|item| (item.start, item.meeting));
    upcoming
}

/// Meetings tomorrow not yet confirmed: the call to make today.
pub fn to_confirm(project: &Project, now: NaiveDateTime) -> Vec<Upcoming> {
    unconfirmed_tomorrow(&meetings_this_week(project, now), now)
}

/// The meetings of `week` that are tomorrow and not yet confirmed.
fn unconfirmed_tomorrow(week: &[Upcoming], now: NaiveDateTime) -> Vec<Upcoming> {
    let tomorrow = now.date() + Duration::days(1);
    week.iter()
        .filter(|item| item.start.date() == tomorrow && !item.confirmed)
        .cloned()
        .collect()
}

fn commitments(project: &Project) -> impl Iterator<Item = (&Meeting, Commitment)> {
    project.meetings.values().filter_map(|meeting| {
        let ask = meeting.ask.as_ref()?;
        if ask.answer != Answer::Yes {
            return None;
        }
        Some((
            meeting,
            Commitment {
                meeting: meeting.id,
                person: meeting.person,
                action: ask.action.clone(),
                day: ask.day?,
                time: ask.time,
                place: ask.place.clone(),
            },
        ))
    })
}

/// Commitments (asks answered yes) due from today through the next seven
/// days and not yet marked, soonest first.
pub fn commitments_this_week(project: &Project, now: NaiveDateTime) -> Vec<Commitment> {
    let today = now.date();
    let last = today + Duration::days(WEEK_AHEAD_DAYS);
    let mut found: Vec<Commitment> = commitments(project)
        .filter(|(meeting, _)| {
            meeting
                .ask
                .as_ref()
                .is_some_and(|a| a.kept == Kept::Unknown)
        })
        .map(|(_, commitment)| commitment)
        .filter(|c| c.day >= today && c.day <= last)
        .collect();
    found.sort_by_key(|c| (c.day, c.time, c.meeting));
    found
}

/// Commitments whose day has passed with neither kept nor not kept
/// recorded, oldest first.
pub fn commitments_unresolved(project: &Project, now: NaiveDateTime) -> Vec<Commitment> {
    let today = now.date();
    let mut found: Vec<Commitment> = commitments(project)
        .filter(|(meeting, _)| {
            meeting
                .ask
                .as_ref()
                .is_some_and(|a| a.kept == Kept::Unknown)
        })
        .map(|(_, commitment)| commitment)
        .filter(|c| c.day < today)
        .collect();
    found.sort_by_key(|c| (c.day, c.meeting));
    found
}

/// Follow-up items not done whose due day is before today: the
/// organizer's own first, then the oldest.
pub fn overdue_follow_ups(project: &Project, now: NaiveDateTime) -> Vec<FollowUpDue> {
    let today = now.date();
    let mut found: Vec<FollowUpDue> = project
        .meetings
        .values()
        .flat_map(|meeting| {
            meeting.follow_ups.iter().filter_map(move |item| {
                let due = item.due?;
                (!item.done && due < today).then(|| FollowUpDue {
                    meeting: meeting.id,
                    follow_up: item.id,
                    person: meeting.person,
                    what: item.what.clone(),
                    due,
                    owner: item.owner,
                })
            })
        })
        .collect();
    found.sort_by_key(|item| (item.owner != Owner::Me, item.due, item.follow_up));
    found
}

/// Asks made (an action or wording written) with no answer yet or a
/// "not yet", oldest meeting first.
pub fn waiting_asks(project: &Project, _now: NaiveDateTime) -> Vec<WaitingAsk> {
    let mut found: Vec<WaitingAsk> = project
        .meetings
        .values()
        .filter(|meeting| meeting.status == MeetingStatus::Held)
        .filter_map(|meeting| {
            let ask = meeting.ask.as_ref()?;
            let made = !ask.action.trim().is_empty() || !ask.wording.trim().is_empty();
            let waiting = matches!(ask.answer, Answer::Pending | Answer::NotYet);
            (made && waiting).then(|| WaitingAsk {
                meeting: meeting.id,
                person: meeting.person,
                action: ask.action.clone(),
                thinking_it_over: ask.answer == Answer::NotYet,
                asked_on: meeting.date(),
            })
        })
        .collect();
    found.sort_by_key(|item| (item.asked_on, item.meeting));
    found
}

/// People introduced to the organizer who have no meeting at all yet
/// (planned or held), oldest introduction first. The organizer is left out.
pub fn referred_not_contacted(project: &Project, _now: NaiveDateTime) -> Vec<Referral> {
    let with_meetings: HashSet<PersonId> = project.meetings.values().map(|m| m.person).collect();
    let mut first: BTreeMap<PersonId, Referral> = BTreeMap::new();
    for intro in project.introductions.values() {
        let person = intro.introduced;
        if person == project.me
            || with_meetings.contains(&person)
            || project.person(person).is_none()
        {
            continue;
        }
        let candidate = Referral {
            person,
            introduced_by: intro.introducer,
            since: intro.date,
        };
        // Introduced twice: keep the earliest dated introduction.
        first
            .entry(person)
            .and_modify(|kept| {
                if kept.since.is_none_or(|d| intro.date.is_some_and(|n| n < d)) {
                    kept.since = intro.date.or(kept.since);
                    kept.introduced_by = intro.introducer;
                }
            })
            .or_insert(candidate);
    }
    let mut found: Vec<Referral> = first.into_values().collect();
    // Undated introductions go last: nothing says they are old.
    found.sort_by_key(|r| (r.since.is_none(), r.since, r.person));
    found
}

/// People with at least one held meeting and no meeting (of any status, in
/// the past) and no follow-up due or done in the last `days` days, longest
/// silence first. Someone with a meeting planned ahead is not quiet.
pub fn gone_quiet(project: &Project, now: NaiveDateTime, days: u32) -> Vec<QuietPerson> {
    let today = now.date();
    let mut by_person: BTreeMap<PersonId, Vec<&Meeting>> = BTreeMap::new();
    for meeting in project.meetings.values() {
        by_person.entry(meeting.person).or_default().push(meeting);
    }
    let mut found: Vec<QuietPerson> = by_person
        .into_iter()
        .filter(|(id, _)| *id != project.me && project.person(*id).is_some())
        .filter_map(|(id, theirs)| {
            let met = theirs.iter().any(|m| m.status == MeetingStatus::Held);
            let planned_ahead = theirs
                .iter()
                .any(|m| is_open(m) && m.date().is_some_and(|d| d >= today));
            if !met || planned_ahead {
                return None;
            }
            let last_contact = theirs
                .iter()
                .flat_map(|m| {
                    m.date()
                        .into_iter()
                        .chain(m.follow_ups.iter().filter_map(|f| f.due))
                })
                .filter(|day| *day <= today)
                .max()?;
            let silence = (today - last_contact).num_days();
            (silence >= i64::from(days)).then_some(QuietPerson {
                person: id,
                last_contact,
                days: silence,
            })
        })
        .collect();
    found.sort_by_key(|q| (std::cmp::Reverse(q.days), q.person));
    found
}

/// Every list of the follow-up tab, worked out together so the view can
/// keep them between frames.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpLists {
    /// Meetings tomorrow not yet confirmed.
    pub to_confirm: Vec<Upcoming>,
    /// Follow-ups past due, mine first.
    pub overdue: Vec<FollowUpDue>,
    /// Open meetings from today through the next seven days.
    pub meetings_this_week: Vec<Upcoming>,
    /// Commitments due from today through the next seven days.
    pub commitments_this_week: Vec<Commitment>,
    /// Past commitments not marked kept or not kept.
    pub unresolved: Vec<Commitment>,
    /// Asks with no answer yet.
    pub waiting: Vec<WaitingAsk>,
    /// Introduced, no meeting yet.
    pub referred: Vec<Referral>,
    /// Met before, silent for `quiet_days`.
    pub quiet: Vec<QuietPerson>,
}

/// The follow-up tab's lists at `now`, with "gone quiet" after `quiet_days`;
/// each is the same as its own function's.
pub fn follow_up_lists(project: &Project, now: NaiveDateTime, quiet_days: u32) -> FollowUpLists {
    let week = meetings_this_week(project, now);
    FollowUpLists {
        to_confirm: unconfirmed_tomorrow(&week, now),
        overdue: overdue_follow_ups(project, now),
        meetings_this_week: week,
        commitments_this_week: commitments_this_week(project, now),
        unresolved: commitments_unresolved(project, now),
        waiting: waiting_asks(project, now),
        referred: referred_not_contacted(project, now),
        quiet: gone_quiet(project, now, quiet_days),
    }
}
