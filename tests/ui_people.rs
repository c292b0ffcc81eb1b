//! The real app driven through its accessible labels.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

mod common;
use common::{click_menu_item, harness, replace_text, scroll_and_click};

#[test]
fn add_a_person_type_a_name_undo_and_redo() {
    let mut harness = harness();
    harness.run();
    let people_before = harness.state().workspace.doc.project.people.len();

    harness.get_by_label("Add person").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.people.len(),
        people_before + 1
    );
    let name_field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert!(
        name_field.is_focused(),
        "a new person's name field has the cursor"
    );
    name_field.type_text("Ana Ruiz");
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Role")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Role")
        .type_text("Bus driver");
    harness.run();
    let id = common::find_person(harness.state(), "Ana Ruiz").expect("the typed name is saved");
    assert_eq!(
        harness.state().workspace.doc.project.people[&id].role,
        "Bus driver"
    );
    assert!(harness.state().workspace.doc.is_dirty());
    assert_eq!(
        harness.state().workspace.doc.history.undo_len(),
        3,
        "add, name, role: one step each"
    );

    click_menu_item(&mut harness, "Edit", "Undo");
    assert_eq!(harness.state().workspace.doc.project.people[&id].role, "");
    click_menu_item(&mut harness, "Edit", "Undo");
    assert_eq!(harness.state().workspace.doc.project.people[&id].name, "");
    click_menu_item(&mut harness, "Edit", "Undo");
    assert!(harness.state().workspace.doc.project.person(id).is_none());
    assert!(
        !harness.state().workspace.doc.is_dirty(),
        "back to the state as opened"
    );

    click_menu_item(&mut harness, "Edit", "Redo");
    click_menu_item(&mut harness, "Edit", "Redo");
    assert_eq!(
        harness.state().workspace.doc.project.people[&id].name,
        "Ana Ruiz"
    );
}

#[test]
fn undo_shortcut_works_outside_text_fields() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    let count = harness.state().workspace.doc.project.people.len();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.people.len(),
        count - 1
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().workspace.doc.project.people.len(), count);
}

#[test]
fn select_a_person_and_edit_their_profile() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Tomasz Nowak").click();
    harness.run();
    let id = common::find_person(harness.state(), "Tomasz Nowak").expect("demo person");
    assert_eq!(harness.state().views.selected, Some(id));
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Hopes")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Hopes")
        .type_text("Shorter waits");
    harness.run();
    replace_text(
        &mut harness,
        Role::TextInput,
        "Tags",
        "support staff, nights",
    );
    let person = &harness.state().workspace.doc.project.people[&id];
    assert_eq!(person.hopes, "Shorter waits");
    assert_eq!(person.tags, ["support staff", "nights"]);
}

#[test]
fn clicking_an_introducer_opens_their_record() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Tomasz Nowak").click();
    harness.run();
    // In the editor, "Introduced by" lists Jerome as a link.
    let links = harness.get_all_by_label("Jerome Washington").count();
    assert!(links >= 2, "row and link");
    let link = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == Role::Link && node.label().as_deref() == Some("Jerome Washington")
    };
    harness.get_by(link).scroll_to_me();
    harness.run();
    harness.get_by(link).click();
    harness.run();
    let jerome = common::find_person(harness.state(), "Jerome Washington");
    assert_eq!(harness.state().views.selected, jerome);
}

#[test]
fn delete_asks_first_and_can_be_undone() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Luis Herrera").click();
    harness.run();
    let id = common::find_person(harness.state(), "Luis Herrera").expect("demo person");
    let before = harness.state().workspace.doc.project.clone();

    scroll_and_click(&mut harness, "Delete person…");
    harness.get_by_role_and_label(Role::Dialog, "Delete Luis Herrera?");
    harness.get_by_label_contains("1 meeting with them will be deleted");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().workspace.doc.project.person(id).is_some());

    scroll_and_click(&mut harness, "Delete person…");
    harness
        .get_by_label("Credit them to Aisha Rahman, who introduced this person")
        .click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert!(project.person(id).is_none());
    let hannah = common::find_person(harness.state(), "Hannah Cho").expect("demo person");
    let aisha = common::find_person(harness.state(), "Aisha Rahman").expect("demo person");
    assert!(
        project.has_introduction(aisha, hannah),
        "Hannah's chain is kept"
    );

    click_menu_item(&mut harness, "Edit", "Undo");
    assert_eq!(harness.state().workspace.doc.project, before);
}

#[test]
fn search_filters_the_table() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    assert!(
        search.is_focused(),
        "Ctrl+F puts the cursor in the search box"
    );
    search.type_text("pharmacist");
    harness.run();
    assert!(harness.query_by_label("Grace Okonkwo").is_some());
    assert!(harness.query_by_label("Tomasz Nowak").is_none());
    harness.get_by_label_contains("1 of 25 people");
}

#[test]
fn save_to_a_typed_path_and_open_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Wanjiru Kamau");
    harness.run();

    // The demo is read-only and no file dialog exists here: a path is asked for.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    replace_text(
        &mut harness,
        Role::TextInput,
        "File path",
        &path.display().to_string(),
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert!(path.is_file(), "saved to the typed path");
    assert!(!harness.state().workspace.doc.is_dirty());
    let saved = harness.state().workspace.doc.project.clone();

    // Change something, then open the saved file, discarding the change.
    harness.get_by_label("Add person").click();
    harness.run();
    click_menu_item(&mut harness, "File", "Open…");
    harness.get_by_role_and_label(Role::Dialog, "Save your changes?");
    harness.get_by_label("Discard changes").click();
    harness.run();
    replace_text(
        &mut harness,
        Role::TextInput,
        "File path",
        &path.display().to_string(),
    );
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().workspace.doc.project, saved);
    assert!(common::find_person(harness.state(), "Wanjiru Kamau").is_some());
    assert_eq!(
        harness.state().workspace.settings.recent.first(),
        Some(&path)
    );
}

#[test]
fn new_project_is_guarded_by_unsaved_changes() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let edited = harness.state().workspace.doc.project.clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Save your changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project,
        edited,
        "cancel keeps everything"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Save your changes?")
            .is_none()
    );

    click_menu_item(&mut harness, "File", "New");
    harness.get_by_label("Discard changes").click();
    harness.run();
    let project = &harness.state().workspace.doc.project;
    assert_eq!(
        project.people.len(),
        1,
        "a new project holds only the organizer"
    );
    assert!(!harness.state().workspace.doc.is_dirty());
}

#[test]
fn a_file_that_fails_to_open_leaves_the_project_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(people: [ (id: 1, name: ").expect("write");
    let mut harness = harness();
    harness.run();
    let before = harness.state().workspace.doc.project.clone();
    harness.state_mut().open_path(&path);
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Could not open the file");
    harness.get_by_label_contains("broken.ron: line 1");
    assert_eq!(harness.state().workspace.doc.project, before);
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().dialogs.open().is_none());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close is held back");
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Save your changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness.state().workspace.doc.is_dirty(),
        "still open with the changes"
    );
}

#[test]
fn record_who_introduced_a_person_from_the_editor() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Fatima Yusuf").click();
    harness.run();
    replace_text(&mut harness, Role::TextInput, "Add introducer", "dolo");
    harness.get_by_label("+ Dolores Fuentes").click();
    harness.run();
    let fatima = common::find_person(harness.state(), "Fatima Yusuf").expect("demo person");
    let dolores = common::find_person(harness.state(), "Dolores Fuentes").expect("demo person");
    assert!(
        harness
            .state()
            .workspace
            .doc
            .project
            .has_introduction(dolores, fatima)
    );
    assert!(
        harness.query_by_label("+ Dolores Fuentes").is_none(),
        "the picker clears"
    );
}

#[test]
fn a_persons_meetings_open_the_meeting_editor() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Hannah Cho").click();
    harness.run();
    harness.get_by_label("5 Nov 2026 · Held").scroll_to_me();
    harness.run();
    harness.get_by_label("5 Nov 2026 · Held").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.views.view, relational::ui::View::Meetings);
    let meeting = app.views.selected_meeting.expect("meeting open");
    assert_eq!(
        app.workspace
            .doc
            .project
            .name_of(app.workspace.doc.project.meetings[&meeting].person),
        "Hannah Cho"
    );
    harness.get_by_label("One-to-one with Hannah Cho");
}

#[test]
fn add_person_from_the_menu_puts_the_cursor_in_the_name() {
    // From the dashboard, where the menu holds the only "Add person".
    let mut harness = common::dashboard_harness();
    harness.run();
    click_menu_item(&mut harness, "Edit", "Add person");
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the cursor waits in the new person's name"
    );
}
