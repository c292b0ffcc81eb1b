//! The dashboard's lists. Each item carries the ids needed to open the
//! record it comes from.

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
    let tomorrow = now.date() + Duration::days(1);
    meetings_this_week(project, now)
        .into_iter()
        .filter(|item| item.start.date() == tomorrow && !item.confirmed)
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
    let mut found: Vec<Referral> = Vec::new();
    for intro in project.introductions.values() {
        let person = intro.introduced;
        let has_meeting = project
            .meetings
            .values()
            .any(|meeting| meeting.person == person);
        if person == project.me || has_meeting || project.person(person).is_none() {
            continue;
        }
        let earlier = found.iter_mut().find(|r| r.person == person);
        match earlier {
            // Introduced twice: keep the first introduction.
            Some(existing)
                if existing
                    .since
                    .is_none_or(|d| intro.date.is_some_and(|n| n < d)) =>
            {
                existing.since = intro.date.or(existing.since);
                existing.introduced_by = intro.introducer;
            }
            Some(_) => {}
            None => found.push(Referral {
                person,
                introduced_by: intro.introducer,
                since: intro.date,
            }),
        }
    }
    // Undated introductions go last: nothing says they are old.
    found.sort_by_key(|r| (r.since.is_none(), r.since, r.person));
    found
}

/// People with at least one held meeting and no meeting (of any status, in
/// the past) and no follow-up due or done in the last `days` days, longest
/// silence first. Someone with a meeting planned ahead is not quiet.
pub fn gone_quiet(project: &Project, now: NaiveDateTime, days: u32) -> Vec<QuietPerson> {
    let today = now.date();
    let mut found: Vec<QuietPerson> = project
        .people
        .keys()
        .filter(|id| **id != project.me)
        .filter_map(|id| {
            let theirs: Vec<&Meeting> = project
                .meetings
                .values()
                .filter(|meeting| meeting.person == *id)
                .collect();
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
                person: *id,
                last_contact,
                days: silence,
            })
        })
        .collect();
    found.sort_by_key(|q| (std::cmp::Reverse(q.days), q.person));
    found
}
