//! The dashboard's lists. Each item carries the ids needed to open the
//! record it comes from.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::model::{
    Answer, Contact, FollowUpId, Kept, Meeting, MeetingId, MeetingStatus, Owner, PersonId, Project,
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

/// A meeting planned but not given a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undated {
    /// The meeting.
    pub meeting: MeetingId,
    /// Who it is with.
    pub person: PersonId,
}

/// One row of "today and the next 7 days": a meeting or a commitment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeekItem {
    /// A one-to-one coming up.
    Meeting(Upcoming),
    /// Something a person said yes to.
    Commitment(Commitment),
}

impl WeekItem {
    /// When it happens; a commitment with no time counts from the start
    /// of its day, so it leads that day's rows.
    pub fn when(&self) -> NaiveDateTime {
        match self {
            WeekItem::Meeting(item) => item.start,
            WeekItem::Commitment(item) => item.day.and_time(item.time.unwrap_or(NaiveTime::MIN)),
        }
    }

    /// The meeting it comes from.
    pub fn meeting(&self) -> MeetingId {
        match self {
            WeekItem::Meeting(item) => item.meeting,
            WeekItem::Commitment(item) => item.meeting,
        }
    }
}

/// A follow-up item not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpDue {
    /// The meeting it belongs to; `None` when kept on the person.
    pub meeting: Option<MeetingId>,
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
    /// The last try to reach them that did not get through.
    pub last_try: Option<Contact>,
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

/// `days` after `day`, or the calendar's last day (no panic on a file
/// dated at its end).
fn days_after(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(Duration::days(days))
        .unwrap_or(NaiveDate::MAX)
}

fn is_open(meeting: &Meeting) -> bool {
    meeting.is_open()
}

fn upcoming(meeting: &Meeting, start: NaiveDateTime) -> Upcoming {
    Upcoming {
        meeting: meeting.id,
        person: meeting.person,
        start,
        place: meeting.place.clone(),
        confirmed: meeting.status == MeetingStatus::Confirmed,
    }
}

/// The open (planned or confirmed) meetings sorted by what they need: one
/// pass over the meetings, shared by three lists.
#[derive(Default)]
struct OpenMeetings {
    /// Not yet over, from now through the next seven days, soonest first.
    upcoming: Vec<Upcoming>,
    /// Over with no outcome, oldest first.
    to_debrief: Vec<Upcoming>,
    /// With no date, in the order they were added.
    undated: Vec<Undated>,
}

fn open_meetings(project: &Project, now: NaiveDateTime) -> OpenMeetings {
    let last = days_after(now.date(), WEEK_AHEAD_DAYS);
    let mut found = OpenMeetings::default();
    for meeting in project.meetings.values().filter(|m| is_open(m)) {
        match meeting.start {
            None => found.undated.push(Undated {
                meeting: meeting.id,
                person: meeting.person,
            }),
            Some(start) if meeting.awaits_debrief(now) => {
                found.to_debrief.push(upcoming(meeting, start));
            }
            Some(start) if start.date() >= now.date() && start.date() <= last => {
                found.upcoming.push(upcoming(meeting, start));
            }
            Some(_) => {}
        }
    }
    found
        .upcoming
        .sort_by_key(|item| (item.start, item.meeting));
    found
        .to_debrief
        .sort_by_key(|item| (item.start, item.meeting));
    found
}

/// Planned and confirmed meetings not yet over, from now through the next
/// seven days, soonest first.
pub fn meetings_this_week(project: &Project, now: NaiveDateTime) -> Vec<Upcoming> {
    open_meetings(project, now).upcoming
}

/// Planned or confirmed meetings whose time has passed with no outcome
/// recorded: held, no-show or cancelled is still to be said. Oldest first.
pub fn to_debrief(project: &Project, now: NaiveDateTime) -> Vec<Upcoming> {
    open_meetings(project, now).to_debrief
}

/// Planned meetings with no date yet, in the order they were added.
pub fn no_date_yet(project: &Project) -> Vec<Undated> {
    open_meetings(project, NaiveDateTime::MIN).undated
}

/// Meetings and commitments from now through the next seven days, merged
/// in time order.
pub fn this_week(project: &Project, now: NaiveDateTime) -> Vec<WeekItem> {
    merge_week(
        meetings_this_week(project, now),
        commitments_this_week(project, now),
    )
}

fn merge_week(meetings: Vec<Upcoming>, commitments: Vec<Commitment>) -> Vec<WeekItem> {
    let mut items: Vec<WeekItem> = meetings
        .into_iter()
        .map(WeekItem::Meeting)
        .chain(commitments.into_iter().map(WeekItem::Commitment))
        .collect();
    items.sort_by_key(|item| (item.when(), item.meeting()));
    items
}

/// Meetings tomorrow not yet confirmed: the call to make today.
pub fn to_confirm(project: &Project, now: NaiveDateTime) -> Vec<Upcoming> {
    unconfirmed_tomorrow(&meetings_this_week(project, now), now)
}

/// The meetings of `week` that are tomorrow and not yet confirmed.
fn unconfirmed_tomorrow(week: &[Upcoming], now: NaiveDateTime) -> Vec<Upcoming> {
    let tomorrow = days_after(now.date(), 1);
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
    let last = days_after(today, WEEK_AHEAD_DAYS);
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

/// Calls `each` with every follow-up not done and dated, wherever it is
/// kept, and the meeting and person it belongs to.
fn each_open_follow_up<'a>(
    project: &'a Project,
    mut each: impl FnMut(Option<MeetingId>, PersonId, &'a crate::model::FollowUp, NaiveDate),
) {
    let in_meetings = project.meetings.values().flat_map(|meeting| {
        meeting
            .follow_ups
            .iter()
            .map(move |item| (Some(meeting.id), meeting.person, item))
    });
    let on_people = project.people.values().flat_map(|person| {
        person
            .follow_ups
            .iter()
            .map(move |item| (None, person.id, item))
    });
    for (meeting, person, item) in in_meetings.chain(on_people) {
        if let (false, Some(due)) = (item.done, item.due) {
            each(meeting, person, item, due);
        }
    }
}

/// Follow-ups not done, overdue and due from today through the next seven
/// days, in one pass: the organizer's own first, then by day.
fn follow_ups_by_due(
    project: &Project,
    now: NaiveDateTime,
) -> (Vec<FollowUpDue>, Vec<FollowUpDue>) {
    let today = now.date();
    let last = days_after(today, WEEK_AHEAD_DAYS);
    let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
    each_open_follow_up(project, |meeting, person, item, due| {
        let list = if due < today {
            &mut overdue
        } else if due <= last {
            &mut due_soon
        } else {
            return;
        };
        list.push(FollowUpDue {
            meeting,
            follow_up: item.id,
            person,
            what: item.what.clone(),
            due,
            owner: item.owner,
        });
    });
    for list in [&mut overdue, &mut due_soon] {
        list.sort_by_key(|item| (item.owner != Owner::Me, item.due, item.follow_up));
    }
    (overdue, due_soon)
}

/// Follow-up items not done whose due day is before today: the
/// organizer's own first, then the oldest.
pub fn overdue_follow_ups(project: &Project, now: NaiveDateTime) -> Vec<FollowUpDue> {
    follow_ups_by_due(project, now).0
}

/// Follow-up items not done due from today through the next seven days:
/// the organizer's own first, then the soonest.
pub fn follow_ups_due_this_week(project: &Project, now: NaiveDateTime) -> Vec<FollowUpDue> {
    follow_ups_by_due(project, now).1
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
/// (planned or held) and were not reached by any logged contact, oldest
/// introduction first. The organizer and people not to be contacted are
/// left out; tries that did not get through are shown with them.
pub fn referred_not_contacted(project: &Project, _now: NaiveDateTime) -> Vec<Referral> {
    let with_meetings: HashSet<PersonId> = project.meetings.values().map(|m| m.person).collect();
    let mut first: BTreeMap<PersonId, Referral> = BTreeMap::new();
    for intro in project.introductions.values() {
        let person = intro.introduced;
        if person == project.me || with_meetings.contains(&person) {
            continue;
        }
        let Some(record) = project.person(person).filter(|p| !p.do_not_contact) else {
            continue;
        };
        if record.contacts.iter().any(|c| c.outcome.reached()) {
            continue;
        }
        let candidate = Referral {
            person,
            introduced_by: intro.introducer,
            since: intro.date,
            last_try: record.last_contact().cloned(),
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
/// the past), no follow-up due or done and no logged contact in the last
/// `days` days, longest silence first; people not to be contacted are left
/// out. Someone with a meeting planned ahead is not quiet.
pub fn gone_quiet(project: &Project, now: NaiveDateTime, days: u32) -> Vec<QuietPerson> {
    /// What one pass over the meetings learns of a person.
    #[derive(Default)]
    struct Seen {
        met: bool,
        planned_ahead: bool,
        last: Option<NaiveDate>,
    }
    let today = now.date();
    let mut by_person: HashMap<PersonId, Seen> = HashMap::new();
    for meeting in project.meetings.values() {
        let seen = by_person.entry(meeting.person).or_default();
        seen.met |= meeting.status == MeetingStatus::Held;
        seen.planned_ahead |= is_open(meeting) && meeting.date().is_some_and(|d| d >= today);
        let days = meeting
            .date()
            .into_iter()
            .chain(meeting.follow_ups.iter().filter_map(|f| f.due));
        seen.last = seen.last.max(days.filter(|day| *day <= today).max());
    }
    let mut found: Vec<QuietPerson> = by_person
        .into_iter()
        .filter(|(_, seen)| seen.met && !seen.planned_ahead)
        .filter_map(|(id, seen)| {
            let person = project.person(id).filter(|p| !p.do_not_contact)?;
            if id == project.me {
                return None;
            }
            let logged = person.contacts.iter().map(|c| c.at.date());
            let owed = person.follow_ups.iter().filter_map(|f| f.due);
            let latest = logged.chain(owed).filter(|day| *day <= today).max();
            let last_contact = seen.last.max(latest)?;
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
    /// Meetings whose time passed without an outcome.
    pub to_debrief: Vec<Upcoming>,
    /// Meetings tomorrow not yet confirmed.
    pub to_confirm: Vec<Upcoming>,
    /// Follow-ups past due, mine first.
    pub overdue: Vec<FollowUpDue>,
    /// Follow-ups due from today through the next seven days.
    pub due_this_week: Vec<FollowUpDue>,
    /// Meetings and commitments from now through the next seven days.
    pub week: Vec<WeekItem>,
    /// Planned meetings with no date.
    pub no_date: Vec<Undated>,
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
    let open = open_meetings(project, now);
    let (overdue, due_this_week) = follow_ups_by_due(project, now);
    FollowUpLists {
        to_confirm: unconfirmed_tomorrow(&open.upcoming, now),
        to_debrief: open.to_debrief,
        overdue,
        due_this_week,
        week: merge_week(open.upcoming, commitments_this_week(project, now)),
        no_date: open.undated,
        unresolved: commitments_unresolved(project, now),
        waiting: waiting_asks(project, now),
        referred: referred_not_contacted(project, now),
        quiet: gone_quiet(project, now, quiet_days),
    }
}
