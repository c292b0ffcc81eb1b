//! The hard-ask builder driven through its accessible labels.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::model::{Answer, Kept, MeetingId, Stage};
use relational::ui::{Action, Command};

mod common;
use common::{harness, replace_text as type_into, scroll_and_click as click};

/// Plans a meeting with Kevin Tran and builds a hard ask from the fields.
fn build_ask(harness: &mut Harness<'_, RelationalApp>) -> MeetingId {
    harness.run();
    let kevin = common::find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness.state_mut().push(Command::NewMeeting(kevin));
    harness.run();
    let id = harness
        .state()
        .views
        .selected_meeting
        .expect("meeting open");
    click(harness, "Common actions");
    harness.get_by_label("phonebank with me").click();
    harness.run();
    click(harness, "Set day and time");
    type_into(harness, Role::TextInput, "Ask place", "the union hall");
    id
}

#[test]
fn build_an_ask_from_fields_and_see_the_preview() {
    let mut harness = harness();
    let id = build_ask(&mut harness);
    let ask = harness.state().workspace.doc.project.meetings[&id]
        .ask
        .clone()
        .expect("ask");
    assert_eq!(ask.action, "phonebank with me");
    assert_eq!(ask.place, "the union hall");
    assert!(ask.day.is_some() && ask.time.is_some());
    harness.get_by_label_contains("Kevin, can I count on you to phonebank with me");
    click(&mut harness, "Use this wording");
    let wording = harness.state().workspace.doc.project.meetings[&id]
        .ask
        .as_ref()
        .map(|a| a.wording.clone())
        .unwrap_or_default();
    assert!(wording.ends_with("at 6pm at the union hall?"), "{wording}");
    harness.get_by_label("Hard ask");
}

#[test]
fn a_soft_phrase_typed_in_the_wording_is_flagged() {
    let mut harness = harness();
    let id = build_ask(&mut harness);
    type_into(
        &mut harness,
        Role::MultilineTextInput,
        "Wording",
        "Kevin, maybe come to a phonebank sometime?",
    );
    harness.get_by_label("Soft ask");
    harness.get_by_label("- drop 'sometime'");
    harness.get_by_label("- drop 'maybe'");
    harness.get_by_label_contains("name a day");
    let wording = &harness.state().workspace.doc.project.meetings[&id]
        .ask
        .as_ref()
        .expect("ask")
        .wording;
    assert_eq!(wording, "Kevin, maybe come to a phonebank sometime?");
}

#[test]
fn a_yes_makes_a_commitment_with_a_confirmation_call_then_kept() {
    let mut harness = harness();
    let id = build_ask(&mut harness);
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Yes");
    let project = &harness.state().workspace.doc.project;
    let meeting = &project.meetings[&id];
    assert_eq!(
        meeting.ask.as_ref().map(|a| a.answer.clone()),
        Some(Answer::Yes)
    );
    assert_eq!(project.people[&meeting.person].stage, Stage::Committed);
    // The commitment names its date, not "this Friday", so it reads right
    // on any later day.
    let day = meeting.ask.as_ref().and_then(|a| a.day).expect("day");
    harness.get_by_label_contains(&format!(
        "Commitment: phonebank with me, {}",
        relational::dates::style().day(day)
    ));
    harness.get_by_label("Call to confirm: phonebank with me");

    click(&mut harness, "Kept");
    let project = &harness.state().workspace.doc.project;
    let meeting = &project.meetings[&id];
    assert_eq!(meeting.ask.as_ref().map(|a| a.kept), Some(Kept::Kept));
    assert_eq!(project.people[&meeting.person].stage, Stage::Active);

    harness.state_mut().push(Command::Action(Action::Undo));
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert_eq!(
        project.people[&project.meetings[&id].person].stage,
        Stage::Committed
    );
}

#[test]
fn a_wording_naming_another_day_and_time_says_so_and_either_side_can_follow() {
    let mut harness = harness();
    let id = build_ask(&mut harness);
    let ask_of = |harness: &Harness<'_, RelationalApp>| {
        harness.state().workspace.doc.project.meetings[&id]
            .ask
            .clone()
            .expect("ask")
    };
    let fields_time = ask_of(&harness).time.expect("time");
    type_into(
        &mut harness,
        Role::MultilineTextInput,
        "Wording",
        "Kevin, can I count on you to phonebank with me Thursday December 3 at 7:45pm at the union hall?",
    );
    harness.get_by_label_contains("The wording says Thursday December 3; the fields say");
    harness.get_by_label_contains("The wording says 7:45pm; the fields say");
    harness.get_by_label("Hard ask in words, but it disagrees with the fields");
    click(&mut harness, "Set the day to Thursday December 3");
    let ask = ask_of(&harness);
    let day = ask.day.expect("day");
    assert_eq!(
        (chrono::Datelike::month(&day), chrono::Datelike::day(&day)),
        (12, 3)
    );
    assert!(
        harness
            .query_by_label_contains("The wording says Thursday December 3")
            .is_none()
    );
    let say_fields_time = format!(
        "Say {} in the wording",
        relational::dates::style().time(fields_time)
    );
    click(&mut harness, &say_fields_time);
    let ask = ask_of(&harness);
    assert_eq!(ask.time, Some(fields_time));
    assert!(
        ask.wording.contains(&format!(
            "Thursday December 3 at {} at the union hall",
            relational::ask::time_phrase(fields_time)
        )),
        "{}",
        ask.wording
    );
    assert!(
        harness
            .query_by_label_contains("The wording says")
            .is_none()
    );
    harness.get_by_label("Hard ask");
}
