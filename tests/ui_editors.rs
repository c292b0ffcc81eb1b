//! Editors open at the top of each record, a new record with the cursor in
//! its first field, and fields do not move while warnings come and go.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use relational::ui::Command;

use common::{find_person, harness};

#[test]
fn another_person_opens_at_the_top_of_the_editor() {
    let mut harness = harness();
    harness.run();
    let luis = find_person(harness.state(), "Luis Herrera").expect("Luis");
    let ben = find_person(harness.state(), "Ben Adler").expect("Ben");
    harness.state_mut().push(Command::OpenPerson(luis));
    harness.run();
    harness.get_by_label("Delete person…").scroll_to_me();
    harness.run();
    harness.run();
    let window = harness.ctx.content_rect();
    let name = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    assert!(
        name.bottom() < window.top() + 60.0,
        "scrolled down first: {name:?}"
    );
    harness.state_mut().push(Command::OpenPerson(ben));
    harness.run();
    harness.run();
    let name = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    assert!(
        window.contains_rect(name),
        "Ben's name field at {name:?} is in view"
    );
}

#[test]
fn a_new_meeting_opens_at_the_top_with_the_cursor_in_the_place() {
    let mut harness = harness();
    harness.run();
    let marcus = find_person(harness.state(), "Marcus Bell").expect("Marcus");
    let old = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .keys()
        .next()
        .copied()
        .expect("a demo meeting");
    harness.state_mut().push(Command::OpenMeeting(old));
    harness.run();
    harness.get_by_label("Follow-ups").scroll_to_me();
    harness.run();
    harness.state_mut().push(Command::NewMeeting(marcus));
    harness.run();
    harness.run();
    harness.run();
    let window = harness.ctx.content_rect();
    let place = harness.get_by_role_and_label(Role::TextInput, "Place");
    assert!(place.is_focused(), "the place field has the cursor");
    assert!(window.contains_rect(place.rect()));
    let held_by = harness.get_by_label("Held by").rect();
    assert!(window.contains_rect(held_by), "the top of the editor shows");
}

#[test]
fn typing_a_place_or_using_the_wording_moves_nothing_below() {
    let mut harness = harness();
    harness.run();
    let marcus = find_person(harness.state(), "Marcus Bell").expect("Marcus");
    harness.state_mut().push(Command::NewMeeting(marcus));
    harness.run();
    harness.run();
    let below = |harness: &egui_kittest::Harness<'_, relational::app::RelationalApp>| {
        harness.get_by_label("Reached out by").rect()
    };
    let before = below(&harness);
    harness.get_by_label_contains("No place yet");
    harness
        .get_by_role_and_label(Role::TextInput, "Place")
        .type_text("Union hall");
    harness.run();
    assert!(harness.query_by_label_contains("No place yet").is_none());
    assert_eq!(below(&harness), before, "fields below the place stay put");

    harness.get_by_label("Set day and time").scroll_to_me();
    harness.run();
    harness.get_by_label("Set day and time").click();
    harness.run();
    let button = harness.get_by_label("Use this wording").rect();
    let wording = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Wording")
        .rect();
    harness.get_by_label("Use this wording").click();
    harness.run();
    harness.run();
    assert_eq!(harness.get_by_label("Use this wording").rect(), button);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Wording")
            .rect(),
        wording
    );
}

#[test]
fn a_ticked_follow_up_says_done_in_place_with_undo_then_leaves() {
    let mut harness = common::dashboard_harness();
    harness.run();
    let first = harness
        .query_all_by(|node| {
            node.role() == Role::CheckBox && node.label().is_some_and(|l| l.starts_with("Done: "))
        })
        .map(|node| {
            (
                node.accesskit_node().label().unwrap_or_default(),
                node.rect(),
            )
        })
        .next()
        .expect("an overdue follow-up in the demo");
    let (label, rect) = first;
    let what = label.trim_start_matches("Done: ").to_owned();
    harness
        .get_by_role_and_label(Role::CheckBox, &label)
        .click();
    harness.run();
    let undo_name = format!("Undo done: {what}");
    let undo = harness.get_by_label(&undo_name);
    assert!(
        (undo.rect().center().y - rect.center().y).abs() < 4.0,
        "in the same row"
    );
    undo.click();
    harness.run();
    let owed = harness.get_by_role_and_label(Role::CheckBox, &label);
    assert_eq!(owed.rect().center().y, rect.center().y, "back, still owed");
    // Ticked again and left alone, the row goes after a few seconds.
    owed.click();
    harness.run();
    for _ in 0..20 {
        harness.step();
    }
    harness.run();
    assert!(harness.query_by_label(&undo_name).is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, &label)
            .is_none()
    );
}

#[test]
fn a_status_message_goes_after_a_while() {
    let mut harness = harness();
    harness.run();
    harness
        .state_mut()
        .push(Command::Say("Saved a copy".to_owned()));
    harness.run();
    assert_eq!(harness.state().workspace.status, "Saved a copy");
    for _ in 0..48 {
        harness.step();
    }
    assert_eq!(
        harness.state().workspace.status,
        "",
        "gone after about ten seconds"
    );
}
