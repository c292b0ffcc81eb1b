//! The people table for lists: tick people and change them together (one
//! undo step each), and show more columns.

mod common;

use common::{click_menu_item, find_person, harness, replace_text};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use relational::model::Stage;

fn tick(harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>, name: &str) {
    let label = format!("Tick {name}");
    harness
        .get_by_role_and_label(Role::CheckBox, &label)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, &label)
        .click();
    harness.run();
}

#[test]
fn ticked_people_are_tagged_and_staged_together_and_undone_in_one_step() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label_contains("Tick people to tag them");
    for name in ["Aisha Rahman", "Carlos Mendez", "Kevin Tran"] {
        tick(&mut harness, name);
    }
    harness.get_by_label("3 people ticked");
    replace_text(&mut harness, Role::TextInput, "Tag", "rally crew");
    harness.get_by_label("Add tag").click();
    harness.run();
    let app = harness.state();
    for name in ["Aisha Rahman", "Carlos Mendez", "Kevin Tran"] {
        let id = find_person(app, name).expect("in the demo");
        assert!(
            app.workspace.doc.project.people[&id]
                .tags
                .contains(&"rally crew".to_owned()),
            "{name}"
        );
    }
    let dolores = find_person(app, "Dolores Fuentes").expect("in the demo");
    assert!(
        !app.workspace.doc.project.people[&dolores]
            .tags
            .contains(&"rally crew".to_owned())
    );
    assert_eq!(
        app.workspace.doc.history.undo_label(),
        Some("Tag 3 people \"rally crew\"")
    );

    harness
        .get_by_role_and_label(Role::ComboBox, "Set stage of the ticked people")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Active")
        .click();
    harness.run();
    let app = harness.state();
    let kevin = find_person(app, "Kevin Tran").expect("in the demo");
    assert_eq!(
        app.workspace.doc.project.people[&kevin].stage,
        Stage::Active
    );

    click_menu_item(&mut harness, "Edit", "Undo");
    let app = harness.state();
    assert_ne!(
        app.workspace.doc.project.people[&kevin].stage,
        Stage::Active,
        "one step undoes all three"
    );
    assert!(
        app.workspace.doc.project.people[&kevin]
            .tags
            .contains(&"rally crew".to_owned())
    );
    click_menu_item(&mut harness, "Edit", "Undo");
    assert!(
        !harness.state().workspace.doc.is_dirty(),
        "back to the saved state"
    );

    harness.get_by_label("Clear").click();
    harness.run();
    harness.get_by_label_contains("Tick people to tag them");
}

#[test]
fn tick_all_takes_the_people_shown_by_the_search() {
    let mut harness = harness();
    harness.run();
    replace_text(&mut harness, Role::TextInput, "Search", "pharmacy");
    harness.get_by_label("Tick all").click();
    harness.run();
    harness.get_by_label("1 person ticked");
    harness
        .get_by_role_and_label(Role::ComboBox, "Leadership team of the ticked people")
        .click();
    harness.run();
    harness.get_by_label("Take off the leadership team").click();
    harness.run();
    let app = harness.state();
    let grace = find_person(app, "Grace Okonkwo").expect("in the demo");
    assert!(!app.workspace.doc.project.people[&grace].leadership_team);
    let marcus = find_person(app, "Marcus Bell").expect("in the demo");
    assert!(
        app.workspace.doc.project.people[&marcus].leadership_team,
        "not shown, not changed"
    );
}

#[test]
fn added_columns_show_phone_and_next_step() {
    let mut harness = harness();
    harness.run();
    assert!(
        harness.query_by_label("555-0103").is_none(),
        "no phone column yet"
    );
    harness.get_by_label("Columns").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Phone")
        .click();
    harness.run();
    harness.get_by_label("555-0103");
    harness.get_by_label("Columns").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Next step")
        .click();
    harness.run();
    harness.get_by_label("Next step");
    harness.get_by_label_contains("Send class visit dates");
}

#[test]
fn two_ticked_people_can_be_merged() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_by_label("Merge the two…").is_none());
    tick(&mut harness, "Ben Adler");
    tick(&mut harness, "Ruth Goldberg");
    harness.get_by_label("Merge the two…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Merge two records of one person");
    let people = harness.state().workspace.doc.project.people.len();
    harness.get_by_label_contains("Merge into ").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.people.len(),
        people - 1
    );
    harness.get_by_label("1 person ticked");
}
