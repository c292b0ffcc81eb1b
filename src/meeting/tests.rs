//! Rules of a one-to-one.

use chrono::{NaiveDate, NaiveTime};

use super::rules::*;
use crate::model::{Edit, Meeting, MeetingId, MeetingStatus, PersonId, Project, Stage};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
}

fn project_with_meeting(stage: Stage) -> (Project, PersonId, MeetingId) {
    let mut build = crate::synth::ProjectBuilder::new(day(1));
    let ana = build.person_with("Ana", |person| {
        person.stage = stage;
        person.values = "Family first.".into();
    });
    let id = build.meeting_with(ana, |meeting| {
        meeting.start =
            Some(day(20).and_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default()));
        meeting.place = "Corner café".into();
    });
    (build.build(), ana, id)
}

#[test]
fn length_outside_thirty_to_forty_five_minutes_warns() {
    assert!(duration_warning(30).is_none());
    assert!(duration_warning(45).is_none());
    assert!(duration_warning(29).is_some_and(|w| w.contains("short")));
    assert!(duration_warning(60).is_some_and(|w| w.contains("long")));
    assert!(duration_warning(0).is_some());
}

#[test]
fn an_empty_place_warns() {
    assert!(place_warning("  ").is_some());
    assert!(place_warning("Union hall").is_none());
}

#[test]
fn the_confirmation_call_is_due_the_day_before() {
    let (project, _, id) = project_with_meeting(Stage::Identified);
    assert_eq!(confirm_call_due(&project.meetings[&id]), Some(day(19)));
    let undated = Meeting::default();
    assert_eq!(confirm_call_due(&undated), None);
}

#[test]
fn holding_a_meeting_moves_early_stages_to_met_only() {
    assert_eq!(stage_after_held(Stage::Identified), Stage::Met);
    assert_eq!(stage_after_held(Stage::Contacted), Stage::Met);
    assert_eq!(stage_after_held(Stage::Met), Stage::Met);
    assert_eq!(stage_after_held(Stage::Leader), Stage::Leader);
}

#[test]
fn marking_held_changes_status_and_stage_in_one_undoable_edit() {
    let (mut project, ana, id) = project_with_meeting(Stage::Contacted);
    let before = project.clone();
    let edit = set_status(&project, id, MeetingStatus::Held).expect("plan");
    let inverse = edit.apply(&mut project).expect("applies");
    assert_eq!(project.meetings[&id].status, MeetingStatus::Held);
    assert_eq!(project.people[&ana].stage, Stage::Met);
    inverse.apply(&mut project).expect("undo");
    assert_eq!(project, before);
}

#[test]
fn confirming_leaves_the_stage_alone() {
    let (mut project, ana, id) = project_with_meeting(Stage::Contacted);
    let edit = set_status(&project, id, MeetingStatus::Confirmed).expect("plan");
    edit.apply(&mut project).expect("applies");
    assert_eq!(project.people[&ana].stage, Stage::Contacted);
    assert!(project.meetings[&id].checklist.contains("before.confirmed"));
    assert!(
        crate::meeting::checklist::TEMPLATE
            .iter()
            .any(|item| item.key == "before.confirmed"),
        "the key is in the template"
    );
}

#[test]
fn a_new_referral_becomes_an_identified_person_introduced_in_the_meeting() {
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    let edit = add_referral(
        &mut project,
        id,
        Referral::New(" Kofi Mensah ".into()),
        day(25),
    )
    .expect("plan");
    edit.apply(&mut project).expect("applies");
    let kofi = project
        .people
        .values()
        .find(|p| p.name == "Kofi Mensah")
        .expect("new person");
    assert_eq!(kofi.stage, Stage::Identified);
    let intro = project
        .introductions
        .values()
        .find(|i| i.introduced == kofi.id)
        .expect("introduction");
    assert_eq!(intro.introducer, ana);
    assert_eq!(intro.meeting, Some(id));
    assert_eq!(intro.date, Some(day(20)), "dated the meeting day");
}

#[test]
fn an_existing_person_can_be_referred_but_not_the_person_met() {
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    let me = project.me;
    let edit = add_referral(&mut project, id, Referral::Existing(me), day(25)).expect("plan");
    edit.apply(&mut project).expect("applies");
    assert!(project.has_introduction(ana, me));
    assert!(add_referral(&mut project, id, Referral::Existing(ana), day(25)).is_err());
    assert!(add_referral(&mut project, id, Referral::New("  ".into()), day(25)).is_err());
}

#[test]
fn copying_notes_appends_dated_text_and_never_twice() {
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    if let Some(meeting) = project.meetings.get_mut(&id) {
        meeting.notes.values = "Fairness at work.".into();
        meeting.notes.hopes = "Safe ratios.".into();
    }
    let edit = copy_notes_to_profile(&project, id).expect("something to copy");
    edit.apply(&mut project).expect("applies");
    let person = &project.people[&ana];
    assert_eq!(
        person.values,
        "Family first.\n[20 Nov 2026] Fairness at work."
    );
    assert_eq!(person.hopes, "[20 Nov 2026] Safe ratios.");
    assert!(
        copy_notes_to_profile(&project, id).is_none(),
        "nothing new the second time"
    );
}

#[test]
fn the_prep_card_gathers_what_is_known() {
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    let earlier = project.new_meeting_id();
    let mut held = Meeting::new(earlier, ana, project.me);
    held.status = MeetingStatus::Held;
    held.start = Some(day(2).and_hms_opt(9, 0, 0).unwrap_or_default());
    held.notes.interests = "Predictable shifts.".into();
    held.ask = Some(Box::new(crate::model::Ask {
        action: "phonebank".into(),
        answer: crate::model::Answer::Yes,
        ..crate::model::Ask::default()
    }));
    project.meetings.insert(earlier, held);
    let me = project.me;
    let intro = project.new_introduction_id();
    Edit::PutIntroduction(Box::new(crate::model::Introduction {
        id: intro,
        introducer: me,
        introduced: ana,
        ..crate::model::Introduction::default()
    }))
    .apply(&mut project)
    .expect("intro");
    let card = prep_card(&project, id).expect("card");
    assert!(card.contains("one-to-one with Ana"), "{card}");
    assert!(card.contains("Introduced by: Me"), "{card}");
    assert!(card.contains("Values: Family first."), "{card}");
    assert!(card.contains("Interests: Predictable shifts."), "{card}");
    assert!(card.contains("They committed to: phonebank"), "{card}");
    assert!(card.contains("Corner café"), "{card}");
}

fn at(d: u32, hour: u32) -> chrono::NaiveDateTime {
    day(d).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
}

#[test]
fn a_past_planned_date_and_a_future_outcome_are_both_said() {
    let (project, _, id) = project_with_meeting(Stage::Contacted);
    let mut meeting = project.meetings[&id].clone();
    // 20 Nov 18:00 for 45 minutes.
    assert_eq!(date_warning(&meeting, at(20, 12)), None);
    assert!(date_warning(&meeting, at(21, 9)).is_some_and(|w| w.contains("time has passed")));
    meeting.status = MeetingStatus::Held;
    assert!(date_warning(&meeting, at(18, 9)).is_some_and(|w| w.starts_with("Marked held")));
    assert_eq!(date_warning(&meeting, at(21, 9)), None);
    meeting.status = MeetingStatus::NoShow;
    assert!(date_warning(&meeting, at(18, 9)).is_some_and(|w| w.contains("no-show")));
    meeting.status = MeetingStatus::Cancelled;
    assert_eq!(date_warning(&meeting, at(18, 9)), None);
    assert_eq!(date_warning(&meeting, at(22, 9)), None);
    meeting.start = None;
    assert_eq!(date_warning(&meeting, at(22, 9)), None);
}

#[test]
fn a_commitment_kept_before_its_day_is_said() {
    use crate::model::{Ask, Kept};
    let mut ask = Ask {
        day: Some(day(25)),
        kept: Kept::Kept,
        ..Ask::default()
    };
    assert!(kept_warning(&ask, day(20)).is_some_and(|w| w.contains("still ahead")));
    assert_eq!(kept_warning(&ask, day(25)), None);
    ask.kept = Kept::Unknown;
    assert_eq!(kept_warning(&ask, day(20)), None);
}

#[test]
fn holding_the_meeting_closes_the_call_to_confirm_it() {
    use crate::model::{FollowUp, FollowUpId, Owner};
    let (mut project, _, id) = project_with_meeting(Stage::Contacted);
    let mut meeting = project.meetings[&id].clone();
    let item = |raw, what: &str, due| FollowUp {
        id: FollowUpId(raw),
        what: what.into(),
        due: Some(day(due)),
        owner: Owner::Me,
        done: false,
    };
    // A yes given in the meeting: its call may fall on the meeting day.
    meeting.ask = Some(Box::new(crate::model::Ask {
        action: "phonebank".into(),
        ..crate::model::Ask::default()
    }));
    meeting.follow_ups = vec![
        item(900, "Call to confirm the meeting", 19),
        item(901, "Call to confirm: phonebank", 20),
        item(902, "Send the flyer", 19),
    ];
    Edit::PutMeeting(Box::new(meeting))
        .apply(&mut project)
        .expect("put");
    set_status(&project, id, MeetingStatus::Held)
        .and_then(|e| e.apply(&mut project))
        .expect("held");
    let done: Vec<bool> = project.meetings[&id]
        .follow_ups
        .iter()
        .map(|f| f.done)
        .collect();
    assert_eq!(done, vec![true, false, false]);
}

#[test]
fn a_referral_ticks_asked_who_else() {
    let (mut project, _, id) = project_with_meeting(Stage::Met);
    add_referral(&mut project, id, Referral::New("Ben".into()), day(20))
        .and_then(|e| e.apply(&mut project))
        .expect("referral");
    assert!(project.meetings[&id].checklist.contains(ticks::REFERRALS));
}

#[test]
fn the_checklist_follows_the_meetings_fields_and_stays_editable() {
    use crate::model::SetupChannel;
    let (project, _, id) = project_with_meeting(Stage::Met);
    let mut before = project.meetings[&id].clone();
    before.place.clear();
    let mut after = before.clone();
    after.setup = Some(SetupChannel::Phone);
    follow_checklist(&before, &mut after);
    assert!(after.checklist.contains(ticks::REACHED_OUT));
    assert!(!after.checklist.contains(ticks::TIME_AND_PLACE));
    // The organizer takes the tick off; an unrelated change keeps it off.
    after.checklist.remove(ticks::REACHED_OUT);
    let before = after.clone();
    after.purpose = "Get to know Ana".into();
    follow_checklist(&before, &mut after);
    assert!(!after.checklist.contains(ticks::REACHED_OUT));
    // A place added to a dated meeting: time and place fixed.
    let before = after.clone();
    after.place = "Corner café".into();
    follow_checklist(&before, &mut after);
    assert!(after.checklist.contains(ticks::TIME_AND_PLACE));
}

#[test]
fn logging_a_contact_moves_identified_to_contacted_and_never_down() {
    use crate::model::{Contact, ContactChannel, ContactOutcome};
    let (mut project, ana, _) = project_with_meeting(Stage::Identified);
    let contact = |d, outcome| Contact {
        at: at(d, 9),
        channel: ContactChannel::Text,
        outcome,
        note: "  try after 5  ".into(),
    };
    log_contact(&project, ana, contact(12, ContactOutcome::NoAnswer))
        .and_then(|e| e.apply(&mut project))
        .expect("log");
    let person = &project.people[&ana];
    assert_eq!(person.stage, Stage::Contacted);
    assert_eq!(person.contacts[0].note, "try after 5");
    // Logged out of order, kept in time order; the latest is the last contact.
    log_contact(&project, ana, contact(10, ContactOutcome::Talked))
        .and_then(|e| e.apply(&mut project))
        .expect("log");
    let person = &project.people[&ana];
    assert_eq!(person.contacts[0].at, at(10, 9));
    assert_eq!(person.last_contact().map(|c| c.at), Some(at(12, 9)));
    let (mut project, ana, _) = project_with_meeting(Stage::Committed);
    log_contact(&project, ana, contact(12, ContactOutcome::NotInterested))
        .and_then(|e| e.apply(&mut project))
        .expect("log");
    assert_eq!(project.people[&ana].stage, Stage::Committed);
    assert!(log_contact(&project, PersonId(999), contact(1, ContactOutcome::Talked)).is_err());
}

#[test]
fn a_follow_up_can_be_added_to_a_person_and_ticked_by_its_id() {
    use crate::model::{FollowUpHolder, Owner};
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    let edit = add_follow_up(
        &mut project,
        FollowUpHolder::Person(ana),
        " Bring the flyer ".into(),
        Owner::Them,
        Some(day(24)),
        day(21),
    )
    .expect("plan");
    edit.apply(&mut project).expect("add");
    let item = project.people[&ana].follow_ups[0].clone();
    assert_eq!(item.what, "Bring the flyer");
    assert_eq!(item.due, Some(day(24)));
    set_follow_up_done(&project, item.id, true)
        .and_then(|e| e.apply(&mut project))
        .expect("done");
    assert!(project.people[&ana].follow_ups[0].done);
    // The default day: two days after the meeting, never already past.
    let holder = FollowUpHolder::Meeting(id);
    assert_eq!(default_follow_up_due(&project, holder, day(10)), day(22));
    assert_eq!(default_follow_up_due(&project, holder, day(28)), day(30));
    assert!(
        add_follow_up(&mut project, holder, "  ".into(), Owner::Me, None, day(1)).is_err(),
        "an empty follow-up is refused"
    );
}

#[test]
fn the_prep_card_shows_the_planned_ask_with_its_wording_and_dated_commitments() {
    let (mut project, ana, id) = project_with_meeting(Stage::Met);
    let mut meeting = project.meetings[&id].clone();
    meeting.ask = Some(Box::new(crate::model::Ask {
        action: "knock doors".into(),
        day: Some(day(27)),
        time: NaiveTime::from_hms_opt(10, 0, 0),
        place: "Maple Heights".into(),
        wording: "Ana, can I count on you to knock doors this Friday at 10am?".into(),
        ..crate::model::Ask::default()
    }));
    Edit::PutMeeting(Box::new(meeting))
        .apply(&mut project)
        .expect("put");
    let earlier = project.new_meeting_id();
    let mut held = Meeting::new(earlier, ana, project.me);
    held.status = MeetingStatus::Held;
    held.start = Some(at(2, 9));
    held.ask = Some(Box::new(crate::model::Ask {
        action: "phonebank".into(),
        day: Some(day(5)),
        time: NaiveTime::from_hms_opt(18, 0, 0),
        answer: crate::model::Answer::NotYet,
        ..crate::model::Ask::default()
    }));
    project.meetings.insert(earlier, held);
    let card = prep_card(&project, id).expect("card");
    assert!(
        card.contains("The ask (planned): knock doors, Fri 27 Nov, 10:00, Maple Heights"),
        "{card}"
    );
    assert!(
        card.contains(
            "In your words: \"Ana, can I count on you to knock doors this Friday at 10am?\""
        ),
        "{card}"
    );
    assert!(
        card.contains("Asked, waiting for an answer: phonebank, Thu 5 Nov, 18:00"),
        "{card}"
    );
    assert!(
        !card.contains("waiting for an answer: knock doors"),
        "{card}"
    );
}

#[test]
fn the_prep_card_shows_the_last_contact_and_follow_ups_kept_on_the_person() {
    use crate::model::{Contact, ContactChannel, ContactOutcome, FollowUp, FollowUpId, Owner};
    let (mut project, ana, id) = project_with_meeting(Stage::Contacted);
    let mut person = project.people[&ana].clone();
    person.contacts.push(Contact {
        at: at(12, 9),
        channel: ContactChannel::Door,
        outcome: ContactOutcome::Talked,
        note: String::new(),
    });
    person.follow_ups.push(FollowUp {
        id: FollowUpId(950),
        what: "Bring the petition".into(),
        due: Some(day(21)),
        owner: Owner::Them,
        done: false,
    });
    Edit::PutPerson(Box::new(person))
        .apply(&mut project)
        .expect("put");
    let card = prep_card(&project, id).expect("card");
    assert!(
        card.contains("Last contact: ") && card.contains("(Door, talked)"),
        "{card}"
    );
    assert!(
        card.contains("They owe: Bring the petition (due Sat 21 Nov)"),
        "{card}"
    );
}
