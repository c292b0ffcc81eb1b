//! Editors open at the top of each record, a new record with the cursor in
//! its first field, and fields do not move while warnings come and go.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
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
    let name = harness.get_by_role_and_label(Role::TextInput, "Name").rect();
    assert!(name.bottom() < window.top() + 60.0, "scrolled down first: {name:?}");
    harness.state_mut().push(Command::OpenPerson(ben));
    harness.run();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name").rect();
    assert!(window.contains_rect(name), "Ben's name field at {name:?} is in view");
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
