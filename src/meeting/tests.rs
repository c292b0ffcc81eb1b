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
    held.ask = Some(crate::model::Ask {
        action: "phonebank".into(),
        answer: crate::model::Answer::Yes,
        ..crate::model::Ask::default()
    });
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
