//! Names in the person editor: blanking is refused, an unnamed new person
//! is taken back, a twin name is pointed out, and the length is capped.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relational::query::names::NAME_LIMIT;

use common::{find_person, harness, replace_text};

#[test]
fn erasing_a_name_is_refused_and_the_old_name_kept() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Luis Herrera").click();
    harness.run();
    let id = find_person(harness.state(), "Luis Herrera").expect("Luis");
    replace_text(&mut harness, Role::TextInput, "Name", "");
    harness.key_press_modifiers(Modifiers::NONE, Key::Backspace);
    harness.run();
    harness.get_by_label("A person needs a name");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert_eq!(project.name_of(id), "Luis Herrera");
    assert!(
        harness
            .state()
            .workspace
            .status
            .contains("kept \"Luis Herrera\"")
    );
    assert!(
        !project.people.values().any(|p| p.name.trim().is_empty()),
        "no blank rows"
    );
}

#[test]
fn a_new_person_left_unnamed_is_taken_back() {
    let mut harness = harness();
    harness.run();
    let people = harness.state().workspace.doc.project.people.len();
    harness.get_by_label("Add person").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.people.len(),
        people + 1
    );
    harness.get_by_label("Ben Adler").click();
    harness.run();
    assert_eq!(harness.state().workspace.doc.project.people.len(), people);
    assert!(harness.query_by_label("(no name)").is_none());
}

#[test]
fn a_name_someone_else_has_is_pointed_out_with_a_link() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("marcus  bell");
    harness.run();
    harness.get_by_label("Same name as");
    let marcus = find_person(harness.state(), "Marcus Bell").expect("Marcus");
    harness
        .get_by(|node| node.role() == Role::Link && node.label().as_deref() == Some("Marcus Bell"))
        .click();
    harness.run();
    assert_eq!(harness.state().views.selected, Some(marcus));
}

#[test]
fn a_name_stops_at_the_limit_and_says_so() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text(&"Ła".repeat(NAME_LIMIT));
    harness.run();
    let id = harness.state().views.selected.expect("the new person");
    let name = harness.state().workspace.doc.project.name_of(id).to_owned();
    assert_eq!(name.chars().count(), NAME_LIMIT);
    harness.get_by_label(&format!("Names stop at {NAME_LIMIT} characters"));
}
