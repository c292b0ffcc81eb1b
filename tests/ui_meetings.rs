//! The meeting editor driven through its accessible labels.

use chrono::Datelike;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::model::{MeetingId, MeetingStatus, PersonId, Stage};
use relational::ui::{Action, Command};

mod common;
use common::{harness, scroll_and_click};

fn person_named(app: &RelationalApp, name: &str) -> PersonId {
    common::find_person(app, name).unwrap_or_else(|| panic!("{name} exists"))
}

/// Opens the Meetings view and plans a meeting with `name` through the
/// "New meeting with" picker.
fn plan_meeting_with(harness: &mut Harness<'_, RelationalApp>, name: &str) -> MeetingId {
    harness
        .state_mut()
        .push(Command::Action(Action::ShowMeetings));
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "New meeting with");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New meeting with")
        .type_text(name);
    harness.run();
    harness.get_by_label(&format!("+ {name}")).click();
    harness.run();
    harness
        .state()
        .views
        .selected_meeting
        .expect("the new meeting is open")
}

#[test]
fn plan_a_meeting_set_when_and_where_and_tick_the_checklist() {
    let mut harness = harness();
    harness.run();
    let id = plan_meeting_with(&mut harness, "Fatima Yusuf");
    let fatima = person_named(harness.state(), "Fatima Yusuf");
    assert_eq!(
        harness.state().workspace.doc.project.meetings[&id].person,
        fatima
    );
    harness.get_by_label("One-to-one with Fatima Yusuf");
    harness.get_by_label_contains("No place yet");

    harness.get_by_label("Set date and time").click();
    harness.run();
    let start = harness.state().workspace.doc.project.meetings[&id]
        .start
        .expect("a date");
    assert_eq!(start.format("%H:%M").to_string(), "18:00");
    harness.get_by_label_contains("Confirm by phone on");
    // A time that is not one is refused and the old one kept.
    common::replace_text(&mut harness, Role::TextInput, "Meeting time", "half past");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Not a time; kept as it was");
    let start = harness.state().workspace.doc.project.meetings[&id]
        .start
        .expect("a date");
    assert_eq!(start.format("%H:%M").to_string(), "18:00");
    // The other clock is read too, and shown back in the app's clock.
    common::replace_text(&mut harness, Role::TextInput, "Meeting time", "7:30 pm");
    harness.key_press(Key::Enter);
    harness.run();
    let start = harness.state().workspace.doc.project.meetings[&id]
        .start
        .expect("a date");
    assert_eq!(start.format("%H:%M").to_string(), "19:30");
    let field = harness.get_by_role_and_label(Role::TextInput, "Meeting time");
    assert_eq!(field.value().as_deref(), Some("19:30"));
    assert!(
        harness
            .query_by_label("Not a time; kept as it was")
            .is_none()
    );
    assert!(harness.query_by_label_contains("minutes is long").is_none());
    harness
        .get_by_label("Length (minutes)")
        .set_value_accesskit(60.0);
    harness.run();
    harness.get_by_label("60 minutes is long: keep it to 30 to 45 and end on time");

    harness
        .get_by_role_and_label(Role::TextInput, "Place")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Place")
        .type_text("Corner Café on 5th");
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.meetings[&id].place,
        "Corner Café on 5th"
    );
    assert!(harness.query_by_label_contains("No place yet").is_none());

    // A time and a place set: "Date, time and place fixed" ticks itself.
    harness.get_by_label("Checklist: 1 of 20 done");
    harness.get_by_label("Before (1 of 6)");
    scroll_and_click(&mut harness, "Purpose stated");
    harness.get_by_label("Before (2 of 6)");
    harness.get_by_label("Checklist: 2 of 20 done");
    let checklist = &harness.state().workspace.doc.project.meetings[&id].checklist;
    assert!(checklist.contains("before.purpose"));
    assert!(checklist.contains("before.time_place"));
    // The tick stays editable: taking it off keeps it off.
    scroll_and_click(&mut harness, "Date, time and place fixed");
    harness.get_by_label("Before (1 of 6)");
    assert!(
        !harness.state().workspace.doc.project.meetings[&id]
            .checklist
            .contains("before.time_place")
    );
}

#[test]
fn a_question_from_the_bank_lands_in_its_theme() {
    let mut harness = harness();
    harness.run();
    let id = plan_meeting_with(&mut harness, "Kevin Tran");
    // "Values" is both a theme of the bank and a notes heading.
    harness
        .get_by(|n| {
            n.label().as_deref() == Some("Values")
                && !matches!(n.role(), Role::Label | Role::MultilineTextInput)
        })
        .click();
    harness.run();
    scroll_and_click(&mut harness, "Where did you learn that?");
    let notes = &harness.state().workspace.doc.project.meetings[&id].notes;
    assert_eq!(notes.values, "Q: Where did you learn that?\n");
}

#[test]
fn a_referral_creates_a_person_and_an_introduction_and_undo_removes_them() {
    let mut harness = harness();
    harness.run();
    let id = plan_meeting_with(&mut harness, "Kevin Tran");
    let kevin = person_named(harness.state(), "Kevin Tran");
    let people = harness.state().workspace.doc.project.people.len();

    let field = harness.get_by_role_and_label(Role::TextInput, "Referred person");
    field.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Referred person")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Referred person")
        .type_text("Abena Owusu");
    harness.run();
    scroll_and_click(&mut harness, "Add \"Abena Owusu\" as a new person");

    let project = &harness.state().workspace.doc.project;
    assert_eq!(project.people.len(), people + 1);
    let abena = person_named(harness.state(), "Abena Owusu");
    assert_eq!(project.people[&abena].stage, Stage::Identified);
    let intro = project
        .introductions
        .values()
        .find(|i| i.introduced == abena)
        .expect("introduction");
    assert_eq!((intro.introducer, intro.meeting), (kevin, Some(id)));
    harness.get_by_label("Abena Owusu");

    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert_eq!(project.people.len(), people);
    assert!(
        project
            .introductions
            .values()
            .all(|i| i.meeting != Some(id))
    );
}

#[test]
fn marking_a_meeting_held_moves_the_person_to_met() {
    let mut harness = harness();
    harness.run();
    let id = plan_meeting_with(&mut harness, "Fatima Yusuf");
    let fatima = person_named(harness.state(), "Fatima Yusuf");
    assert_eq!(
        harness.state().workspace.doc.project.people[&fatima].stage,
        Stage::Identified
    );
    harness.get_by_label("Held").click();
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert_eq!(project.meetings[&id].status, MeetingStatus::Held);
    assert_eq!(project.people[&fatima].stage, Stage::Met);
}

#[test]
fn the_prep_card_shows_what_is_known() {
    let mut harness = harness();
    harness.run();
    plan_meeting_with(&mut harness, "Luis Herrera");
    harness.get_by_label("Prep card").click();
    harness.run_steps(10);
    harness.get_by_label_contains("PREP: one-to-one with Luis Herrera");
    harness.get_by_label_contains("Introduced by: Aisha Rahman");
    harness.get_by_label("Close").click();
    harness.run_steps(10);
    assert!(harness.state().dialogs.open().is_none());
}

#[test]
fn the_calendar_is_named_throughout_and_moves_the_date() {
    let mut harness = harness();
    harness.run();
    let id = plan_meeting_with(&mut harness, "Fatima Yusuf");
    harness.get_by_label("Set date and time").click();
    harness.run();
    let date_of = |harness: &Harness<'_, RelationalApp>| {
        harness.state().workspace.doc.project.meetings[&id]
            .start
            .expect("a date")
            .date()
    };
    let first = date_of(&harness);
    let spoken = relational::dates::style().long(first);
    harness
        .get_by_role_and_label(Role::Button, &format!("Meeting date: {spoken}"))
        .click();
    harness.run();
    for step in [
        "previous year",
        "previous month",
        "next month",
        "next year",
        "previous day",
        "next day",
    ] {
        harness.get_by_label(&format!("Meeting date: {step}"));
    }
    harness.get_by_label("Meeting date: next month").click();
    harness.run();
    let moved = date_of(&harness);
    assert_eq!(
        moved,
        first
            .checked_add_months(chrono::Months::new(1))
            .expect("a month on")
    );
    // Every day of the month is a button named by its whole date.
    let fifteenth = moved.with_day(15).expect("a 15th");
    let name = relational::dates::style().long(fifteenth);
    harness.get_by_role_and_label(Role::Button, &name).click();
    harness.run();
    assert_eq!(date_of(&harness), fifteenth);
    assert!(
        harness.query_by_label("Meeting date: next month").is_none(),
        "choosing a day closes the calendar"
    );
    assert!(harness.state().workspace.doc.is_dirty());
}
