//! Every dashboard list against a fixed "now": Sunday 22 November 2026,
//! 10:00.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::model::{
    Answer, Ask, Edit, FollowUp, FollowUpId, Introduction, Kept, Meeting, MeetingId, MeetingStatus,
    Owner, Person, PersonId, Project, Stage,
};

fn now() -> NaiveDateTime {
    day(0).and_hms_opt(10, 0, 0).unwrap_or_default()
}

/// Today plus `offset` days.
fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default() + Duration::days(offset)
}

fn at(offset: i64, hour: u32) -> NaiveDateTime {
    day(offset).and_hms_opt(hour, 0, 0).unwrap_or_default()
}

struct Builder {
    project: Project,
}

impl Builder {
    fn new() -> Self {
        Self {
            project: Project::new("Test", "Me", day(-100)),
        }
    }

    fn person(&mut self, name: &str) -> PersonId {
        let id = self.project.new_person_id();
        Edit::PutPerson(Box::new(Person::new(id, name, day(-100))))
            .apply(&mut self.project)
            .expect("person");
        id
    }

    fn meeting(
        &mut self,
        person: PersonId,
        status: MeetingStatus,
        start: NaiveDateTime,
    ) -> MeetingId {
        let id = self.project.new_meeting_id();
        let mut meeting = Meeting::new(id, person, self.project.me);
        meeting.status = status;
        meeting.start = Some(start);
        meeting.place = "Union hall".to_owned();
        Edit::PutMeeting(Box::new(meeting))
            .apply(&mut self.project)
            .expect("meeting");
        id
    }

    fn change(&mut self, id: MeetingId, change: impl FnOnce(&mut Meeting)) {
        let mut meeting = self.project.meetings[&id].clone();
        change(&mut meeting);
        Edit::PutMeeting(Box::new(meeting))
            .apply(&mut self.project)
            .expect("change");
    }

    fn follow_up(
        &mut self,
        id: MeetingId,
        what: &str,
        due: i64,
        owner: Owner,
        done: bool,
    ) -> FollowUpId {
        let follow_up = self.project.new_follow_up_id();
        self.change(id, |m| {
            m.follow_ups.push(FollowUp {
                id: follow_up,
                what: what.to_owned(),
                due: Some(day(due)),
                owner,
                done,
            });
        });
        follow_up
    }

    fn ask(&mut self, id: MeetingId, action: &str, answer: Answer, on: Option<i64>, kept: Kept) {
        self.change(id, |m| {
            m.ask = Some(Box::new(Ask {
                action: action.to_owned(),
                day: on.map(day),
                time: NaiveTime::from_hms_opt(18, 0, 0),
                place: "Union hall".to_owned(),
                answer,
                kept,
                ..Ask::default()
            }));
        });
    }

    fn introduce(&mut self, introducer: PersonId, introduced: PersonId, on: Option<i64>) {
        let id = self.project.new_introduction_id();
        Edit::PutIntroduction(Box::new(Introduction {
            id,
            introducer,
            introduced,
            date: on.map(day),
            meeting: None,
            note: String::new(),
        }))
        .apply(&mut self.project)
        .expect("introduction");
    }
}

#[test]
fn this_week_runs_from_today_to_seven_days_ahead() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let later_today = b.meeting(ana, MeetingStatus::Planned, at(0, 15));
    let in_seven = b.meeting(ana, MeetingStatus::Confirmed, at(7, 9));
    b.meeting(ana, MeetingStatus::Planned, at(8, 9));
    b.meeting(ana, MeetingStatus::Planned, at(-1, 9));
    b.meeting(ana, MeetingStatus::Cancelled, at(1, 9));
    b.meeting(ana, MeetingStatus::Held, at(0, 8));
    let week = meetings_this_week(&b.project, now());
    let ids: Vec<MeetingId> = week.iter().map(|u| u.meeting).collect();
    assert_eq!(ids, vec![later_today, in_seven]);
    assert!(week[1].confirmed);
}

#[test]
fn to_confirm_is_exactly_tomorrow_and_unconfirmed() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let tomorrow_early = b.meeting(ana, MeetingStatus::Planned, at(1, 0));
    let tomorrow_late = b.meeting(ana, MeetingStatus::Planned, at(1, 23));
    b.meeting(ana, MeetingStatus::Confirmed, at(1, 12));
    b.meeting(ana, MeetingStatus::Planned, at(0, 18));
    b.meeting(ana, MeetingStatus::Planned, at(2, 9));
    let ids: Vec<MeetingId> = to_confirm(&b.project, now())
        .iter()
        .map(|u| u.meeting)
        .collect();
    assert_eq!(ids, vec![tomorrow_early, tomorrow_late]);
}

#[test]
fn overdue_is_before_today_not_done_mine_first() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let meeting = b.meeting(ana, MeetingStatus::Held, at(-10, 9));
    let theirs_old = b.follow_up(meeting, "Send the list", -3, Owner::Them, false);
    let mine_yesterday = b.follow_up(meeting, "Call back", -1, Owner::Me, false);
    b.follow_up(meeting, "Due today", 0, Owner::Me, false);
    b.follow_up(meeting, "Done already", -5, Owner::Me, true);
    let ids: Vec<FollowUpId> = overdue_follow_ups(&b.project, now())
        .iter()
        .map(|f| f.follow_up)
        .collect();
    assert_eq!(ids, vec![mine_yesterday, theirs_old]);
}

#[test]
fn waiting_asks_are_made_and_unanswered() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let pending = b.meeting(ana, MeetingStatus::Held, at(-4, 9));
    b.ask(
        pending,
        "Phonebank",
        Answer::Pending,
        Some(3),
        Kept::Unknown,
    );
    let thinking = b.meeting(ana, MeetingStatus::Held, at(-2, 9));
    b.ask(
        thinking,
        "Host a house meeting",
        Answer::NotYet,
        None,
        Kept::Unknown,
    );
    let answered = b.meeting(ana, MeetingStatus::Held, at(-3, 9));
    b.ask(answered, "Phonebank", Answer::Yes, Some(3), Kept::Unknown);
    let not_made = b.meeting(ana, MeetingStatus::Held, at(-1, 9));
    b.ask(not_made, "", Answer::Pending, None, Kept::Unknown);
    let waiting = waiting_asks(&b.project, now());
    let ids: Vec<MeetingId> = waiting.iter().map(|w| w.meeting).collect();
    assert_eq!(ids, vec![pending, thinking]);
    assert!(!waiting[0].thinking_it_over && waiting[1].thinking_it_over);
}

#[test]
fn commitments_split_into_this_week_and_past_unresolved() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let yesterday = b.meeting(ana, MeetingStatus::Held, at(-9, 9));
    b.ask(yesterday, "Phonebank", Answer::Yes, Some(-1), Kept::Unknown);
    let today = b.meeting(ana, MeetingStatus::Held, at(-8, 9));
    b.ask(today, "Leaflet", Answer::Yes, Some(0), Kept::Unknown);
    let in_seven = b.meeting(ana, MeetingStatus::Held, at(-7, 9));
    b.ask(in_seven, "Speak", Answer::Yes, Some(7), Kept::Unknown);
    let in_eight = b.meeting(ana, MeetingStatus::Held, at(-6, 9));
    b.ask(in_eight, "March", Answer::Yes, Some(8), Kept::Unknown);
    let kept = b.meeting(ana, MeetingStatus::Held, at(-5, 9));
    b.ask(kept, "Visit", Answer::Yes, Some(-2), Kept::Kept);
    let said_no = b.meeting(ana, MeetingStatus::Held, at(-4, 9));
    b.ask(said_no, "Visit", Answer::No, Some(-2), Kept::Unknown);
    let week: Vec<MeetingId> = commitments_this_week(&b.project, now())
        .iter()
        .map(|c| c.meeting)
        .collect();
    assert_eq!(week, vec![today, in_seven]);
    let past: Vec<MeetingId> = commitments_unresolved(&b.project, now())
        .iter()
        .map(|c| c.meeting)
        .collect();
    assert_eq!(past, vec![yesterday]);
}

#[test]
fn referred_without_any_meeting_oldest_first() {
    let mut b = Builder::new();
    let me = b.project.me;
    let ana = b.person("Ana");
    let ben = b.person("Ben");
    let cy = b.person("Cy");
    let dee = b.person("Dee");
    b.introduce(me, ana, Some(-30));
    b.introduce(ana, ben, Some(-60));
    b.introduce(ana, cy, Some(-90));
    b.introduce(ana, dee, None);
    b.meeting(cy, MeetingStatus::Planned, at(3, 9));
    let referred: Vec<PersonId> = referred_not_contacted(&b.project, now())
        .iter()
        .map(|r| r.person)
        .collect();
    assert_eq!(referred, vec![ben, ana, dee]);
}

#[test]
fn gone_quiet_after_n_days_without_contact() {
    let mut b = Builder::new();
    let long_ago = b.person("Long ago");
    let recent = b.person("Recent");
    let followed_up = b.person("Followed up");
    let coming_back = b.person("Coming back");
    let boundary = b.person("Exactly thirty");
    let never_met = b.person("Never met");
    b.meeting(long_ago, MeetingStatus::Held, at(-40, 9));
    b.meeting(recent, MeetingStatus::Held, at(-10, 9));
    let old = b.meeting(followed_up, MeetingStatus::Held, at(-40, 9));
    b.follow_up(old, "Call", -5, Owner::Me, true);
    b.meeting(coming_back, MeetingStatus::Held, at(-40, 9));
    b.meeting(coming_back, MeetingStatus::Planned, at(4, 9));
    b.meeting(boundary, MeetingStatus::Held, at(-30, 9));
    b.meeting(never_met, MeetingStatus::Cancelled, at(-60, 9));
    let quiet = gone_quiet(&b.project, now(), DEFAULT_QUIET_DAYS);
    let ids: Vec<PersonId> = quiet.iter().map(|q| q.person).collect();
    assert_eq!(ids, vec![long_ago, boundary]);
    assert_eq!(quiet[0].days, 40);
    assert_eq!(quiet[1].last_contact, day(-30));
    let stricter: Vec<PersonId> = gone_quiet(&b.project, now(), 35)
        .iter()
        .map(|q| q.person)
        .collect();
    assert_eq!(stricter, vec![long_ago]);
}

#[test]
fn leadership_counts_candidates_and_held_against_targets() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let ben = b.person("Ben");
    let cy = b.person("Cy");
    for (id, stage, team) in [
        (ana, Stage::Committed, false),
        (ben, Stage::Met, true),
        (cy, Stage::Met, false),
    ] {
        let mut person = b.project.people[&id].clone();
        person.stage = stage;
        person.leadership_team = team;
        Edit::PutPerson(Box::new(person))
            .apply(&mut b.project)
            .expect("person");
    }
    b.meeting(cy, MeetingStatus::Held, at(-3, 9));
    let by_ben = b.meeting(cy, MeetingStatus::Held, at(-2, 9));
    b.change(by_ben, |m| m.conducted_by = ben);
    b.meeting(cy, MeetingStatus::Planned, at(2, 9));
    let picture = leadership(&b.project);
    assert_eq!(
        picture.candidates,
        vec![ana, ben],
        "committed first, then by name"
    );
    assert_eq!((picture.candidate_target, picture.held_target), (8, 6));
    assert_eq!(picture.held, 2);
    assert_eq!(picture.held_by_team, vec![by_ben]);
    assert!((picture.candidate_progress() - 0.25).abs() < 1e-6);
    assert!((picture.held_progress() - 2.0 / 6.0).abs() < 1e-6);
}

#[test]
fn weekly_series_bucket_by_monday_and_keep_empty_weeks() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    // Sunday 22 Nov is in the week starting Monday 16 Nov.
    let this_week = b.meeting(ana, MeetingStatus::Held, at(-6, 9)); // Monday 16
    b.ask(this_week, "Phonebank", Answer::Yes, Some(-1), Kept::Kept);
    let also = b.meeting(ana, MeetingStatus::Held, at(0, 8));
    b.ask(also, "Leaflet", Answer::No, None, Kept::Unknown);
    let last_week = b.meeting(ana, MeetingStatus::Held, at(-7, 9)); // Sunday 15
    b.ask(last_week, "Speak", Answer::Yes, Some(2), Kept::Unknown);
    b.meeting(ana, MeetingStatus::Planned, at(-6, 12));
    b.meeting(ana, MeetingStatus::Held, at(-40, 9)); // outside four weeks
    let held = held_per_week(&b.project, now(), 4);
    let weeks: Vec<(NaiveDate, usize)> = held.iter().map(|w| (w.week_start, w.count)).collect();
    assert_eq!(
        weeks,
        vec![(day(-27), 0), (day(-20), 0), (day(-13), 1), (day(-6), 2)]
    );
    let asks = asks_per_week(&b.project, now(), 2);
    assert_eq!((asks[0].asks, asks[0].yes, asks[0].kept), (1, 1, 0));
    assert_eq!((asks[1].asks, asks[1].yes, asks[1].kept), (2, 1, 1));
    assert!((asks[1].yes_share() - 0.5).abs() < 1e-6);
    assert!((asks[1].kept_share() - 0.5).abs() < 1e-6);
    let stages = people_by_stage(&b.project);
    assert_eq!(stages.len(), Stage::ALL.len());
    assert_eq!(
        stages[0],
        (Stage::Identified, 1),
        "the organizer is left out"
    );
}

#[test]
fn the_sentence_reads_as_one_line_without_empty_parts() {
    let mut sentence = crate::model::OrganizingSentence {
        who: "nurses at Riverside".to_owned(),
        what: "win safe staffing".to_owned(),
        how: "building a team of eight".to_owned(),
        why: "no one should be cared for by someone too stretched".to_owned(),
        when: "before the March vote.".to_owned(),
    };
    assert_eq!(
        sentence_text(&sentence).as_deref(),
        Some(
            "We are organizing nurses at Riverside to win safe staffing by building a team \
             of eight, because no one should be cared for by someone too stretched, before \
             the March vote."
        )
    );
    sentence.how.clear();
    sentence.when = "  ".to_owned();
    assert_eq!(
        sentence_text(&sentence).as_deref(),
        Some(
            "We are organizing nurses at Riverside to win safe staffing, because no one \
             should be cared for by someone too stretched."
        )
    );
    assert_eq!(
        sentence_text(&crate::model::OrganizingSentence::default()),
        None
    );
}

#[test]
fn follow_up_lists_bundle_the_same_lists() {
    // The bundle works "tomorrow, unconfirmed" out from this week's
    // meetings instead of calling `to_confirm`: the two must agree on
    // every day, including days that have some.
    let project = crate::synth::generate(300, 5);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid day");
    let mut days_with_calls = 0;
    for offset in 0..60 {
        let now = (start + chrono::Duration::days(offset))
            .and_hms_opt(10, 0, 0)
            .expect("a valid moment");
        let lists = follow_up_lists(&project, now, 30);
        // Worked out here straight from the meetings, not from the week list.
        let tomorrow = now.date() + chrono::Duration::days(1);
        let mut expected: Vec<MeetingId> = project
            .meetings
            .values()
            .filter(|m| m.status == MeetingStatus::Planned)
            .filter(|m| m.start.is_some_and(|start| start.date() == tomorrow))
            .map(|m| m.id)
            .collect();
        expected.sort();
        let mut bundled: Vec<MeetingId> = lists.to_confirm.iter().map(|u| u.meeting).collect();
        bundled.sort();
        assert_eq!(bundled, expected, "day {offset}");
        assert_eq!(lists.to_confirm, to_confirm(&project, now), "day {offset}");
        days_with_calls += usize::from(!lists.to_confirm.is_empty());
    }
    assert!(days_with_calls > 0, "the sweep met days with calls to make");
}

fn contact(offset: i64, outcome: crate::model::ContactOutcome) -> crate::model::Contact {
    crate::model::Contact {
        at: at(offset, 9),
        channel: crate::model::ContactChannel::Call,
        outcome,
        note: String::new(),
    }
}

impl Builder {
    fn change_person(&mut self, id: PersonId, change: impl FnOnce(&mut Person)) {
        let mut person = self.project.people[&id].clone();
        change(&mut person);
        Edit::PutPerson(Box::new(person))
            .apply(&mut self.project)
            .expect("person change");
    }
}

#[test]
fn a_planned_meeting_whose_time_passed_is_to_debrief_not_upcoming() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let yesterday = b.meeting(ana, MeetingStatus::Planned, at(-1, 9));
    let confirmed_last_week = b.meeting(ana, MeetingStatus::Confirmed, at(-6, 18));
    // 9:00 for 45 minutes: over at 9:45, before "now" (10:00).
    let this_morning = b.meeting(ana, MeetingStatus::Planned, at(0, 9));
    // 9:30 for 45 minutes: still going at 10:00.
    let going_on = b.meeting(ana, MeetingStatus::Planned, now() - Duration::minutes(30));
    b.meeting(ana, MeetingStatus::Held, at(-2, 9));
    b.meeting(ana, MeetingStatus::NoShow, at(-3, 9));
    let ids: Vec<MeetingId> = to_debrief(&b.project, now())
        .iter()
        .map(|u| u.meeting)
        .collect();
    assert_eq!(ids, vec![confirmed_last_week, yesterday, this_morning]);
    let upcoming: Vec<MeetingId> = meetings_this_week(&b.project, now())
        .iter()
        .map(|u| u.meeting)
        .collect();
    assert_eq!(upcoming, vec![going_on]);
}

#[test]
fn an_undated_meeting_is_no_date_yet() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let undated = b.meeting(ana, MeetingStatus::Planned, at(1, 9));
    b.change(undated, |m| m.start = None);
    let cancelled = b.meeting(ana, MeetingStatus::Cancelled, at(1, 9));
    b.change(cancelled, |m| m.start = None);
    b.meeting(ana, MeetingStatus::Planned, at(2, 9));
    let found = no_date_yet(&b.project);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].meeting, undated);
    assert!(to_debrief(&b.project, now()).is_empty());
}

#[test]
fn the_week_merges_meetings_and_commitments_in_time_order() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let ben = b.person("Ben");
    let meeting_today = b.meeting(ana, MeetingStatus::Planned, at(0, 14));
    let meeting_tomorrow = b.meeting(ben, MeetingStatus::Planned, at(1, 9));
    let meeting_next_week = b.meeting(ana, MeetingStatus::Planned, at(6, 9));
    // A yes made last week, due today at 12:00 and tomorrow with no time.
    let asked = b.meeting(ben, MeetingStatus::Held, at(-5, 9));
    b.ask(asked, "phonebank", Answer::Yes, Some(0), Kept::Unknown);
    b.change(asked, |m| {
        if let Some(ask) = m.ask.as_mut() {
            ask.time = NaiveTime::from_hms_opt(12, 0, 0);
        }
    });
    let asked_again = b.meeting(ana, MeetingStatus::Held, at(-4, 9));
    b.ask(asked_again, "canvass", Answer::Yes, Some(1), Kept::Unknown);
    b.change(asked_again, |m| {
        if let Some(ask) = m.ask.as_mut() {
            ask.time = None;
        }
    });
    let order: Vec<(MeetingId, bool)> = this_week(&b.project, now())
        .iter()
        .map(|item| (item.meeting(), matches!(item, WeekItem::Commitment(_))))
        .collect();
    assert_eq!(
        order,
        vec![
            (asked, true),
            (meeting_today, false),
            (asked_again, true),
            (meeting_tomorrow, false),
            (meeting_next_week, false),
        ]
    );
    let lists = follow_up_lists(&b.project, now(), 30);
    assert_eq!(lists.week, this_week(&b.project, now()));
}

#[test]
fn follow_ups_due_this_week_sit_beside_the_overdue_ones_wherever_kept() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let meeting = b.meeting(ana, MeetingStatus::Held, at(-3, 9));
    let overdue = b.follow_up(meeting, "Send notes", -1, Owner::Me, false);
    let today = b.follow_up(meeting, "Call back", 0, Owner::Them, false);
    b.follow_up(meeting, "Later", 8, Owner::Me, false);
    b.follow_up(meeting, "Done", 2, Owner::Me, true);
    let on_person = b.project.new_follow_up_id();
    b.change_person(ana, |p| {
        p.follow_ups.push(FollowUp {
            id: on_person,
            what: "Bring the flyer".to_owned(),
            due: Some(day(3)),
            owner: Owner::Me,
            done: false,
        });
    });
    let overdue_ids: Vec<FollowUpId> = overdue_follow_ups(&b.project, now())
        .iter()
        .map(|f| f.follow_up)
        .collect();
    assert_eq!(overdue_ids, vec![overdue]);
    let due = follow_ups_due_this_week(&b.project, now());
    let due_ids: Vec<FollowUpId> = due.iter().map(|f| f.follow_up).collect();
    // Mine first, then by day.
    assert_eq!(due_ids, vec![on_person, today]);
    assert_eq!(due[0].meeting, None);
    assert_eq!(due[0].person, ana);
    assert_eq!(due[1].meeting, Some(meeting));
}

#[test]
fn a_logged_contact_that_got_through_takes_a_referral_off_the_list() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let ben = b.person("Ben");
    let cy = b.person("Cy");
    let dee = b.person("Dee");
    for person in [ben, cy, dee] {
        b.introduce(ana, person, Some(-10));
    }
    use crate::model::ContactOutcome;
    b.change_person(ben, |p| {
        p.contacts.push(contact(-2, ContactOutcome::NoAnswer))
    });
    b.change_person(cy, |p| p.contacts.push(contact(-1, ContactOutcome::Talked)));
    b.change_person(dee, |p| p.do_not_contact = true);
    let found = referred_not_contacted(&b.project, now());
    let ids: Vec<PersonId> = found.iter().map(|r| r.person).collect();
    assert_eq!(ids, vec![ben]);
    assert_eq!(
        found[0].last_try.as_ref().map(|c| c.outcome),
        Some(ContactOutcome::NoAnswer)
    );
}

#[test]
fn a_logged_contact_counts_against_gone_quiet_and_do_not_contact_is_left_out() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let ben = b.person("Ben");
    let cy = b.person("Cy");
    for person in [ana, ben, cy] {
        b.meeting(person, MeetingStatus::Held, at(-60, 9));
    }
    use crate::model::ContactOutcome;
    b.change_person(ana, |p| {
        p.contacts.push(contact(-5, ContactOutcome::LeftMessage))
    });
    b.change_person(cy, |p| p.do_not_contact = true);
    let quiet = gone_quiet(&b.project, now(), 30);
    let ids: Vec<PersonId> = quiet.iter().map(|q| q.person).collect();
    assert_eq!(ids, vec![ben]);
    // A contact logged long ago is the last contact, not a reprieve.
    b.change_person(ana, |p| {
        p.contacts = vec![contact(-40, ContactOutcome::NoAnswer)]
    });
    let quiet = gone_quiet(&b.project, now(), 30);
    let ana_row = quiet.iter().find(|q| q.person == ana).expect("quiet");
    assert_eq!(ana_row.last_contact, day(-40));
}

#[test]
fn the_agenda_prints_each_list_with_its_count() {
    let mut b = Builder::new();
    let ana = b.person("Ana Ruiz");
    b.meeting(ana, MeetingStatus::Planned, at(-1, 9));
    let held = b.meeting(ana, MeetingStatus::Held, at(-3, 9));
    b.follow_up(held, "Send notes", 2, Owner::Me, false);
    let text = agenda_text(&b.project, now(), 30);
    assert!(
        text.starts_with("# Agenda for Sunday 2026-11-22 (Test)"),
        "{text}"
    );
    assert!(
        text.contains(
            "## To debrief (1)\n- 2026-11-21 09:00 one-to-one with Ana Ruiz at Union hall\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "## Follow-ups due this week (1)\n- 2026-11-24 Send notes (mine, with Ana Ruiz)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("## Overdue follow-ups (0)\n(none)\n"),
        "{text}"
    );
    for title in [
        "To confirm today",
        "Commitments to check",
        "Asks waiting for an answer",
        "Referred, not yet contacted",
        "Gone quiet",
    ] {
        assert!(text.contains(&format!("## {title} (")), "{title} missing");
    }
}

#[test]
fn a_follow_up_kept_on_the_person_counts_against_gone_quiet() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    b.meeting(ana, MeetingStatus::Held, at(-60, 9));
    assert_eq!(gone_quiet(&b.project, now(), 30).len(), 1);
    let id = b.project.new_follow_up_id();
    b.change_person(ana, |p| {
        p.follow_ups.push(FollowUp {
            id,
            what: "Drop off the flyer".into(),
            due: Some(day(-3)),
            owner: Owner::Me,
            done: true,
        });
    });
    assert!(gone_quiet(&b.project, now(), 30).is_empty());
}

#[test]
fn dates_at_the_end_of_the_calendar_do_not_panic() {
    let mut b = Builder::new();
    let ana = b.person("Ana");
    let late = NaiveDateTime::MAX - Duration::minutes(10);
    let id = b.meeting(ana, MeetingStatus::Planned, late);
    assert_eq!(b.project.meetings[&id].end(), Some(NaiveDateTime::MAX));
    let held = b.meeting(ana, MeetingStatus::Held, at(-1, 9));
    b.ask(held, "phonebank", Answer::Yes, None, Kept::Unknown);
    b.change(held, |m| {
        if let Some(ask) = m.ask.as_mut() {
            ask.day = Some(NaiveDate::MAX);
        }
    });
    for now in [now(), late, NaiveDateTime::MAX, NaiveDateTime::MIN] {
        let lists = follow_up_lists(&b.project, now, 30);
        let _ = agenda_text(&b.project, now, 30);
        assert!(lists.to_debrief.len() <= 1);
    }
}
