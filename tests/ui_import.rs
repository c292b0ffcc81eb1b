//! File → Import people through the dialog, and Find duplicates → Merge,
//! driven by their labels.

mod common;

use common::{click_menu_item, find_person, harness, scroll_and_click, type_path_and_press};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// A roster for the demo: one update (a demo person by name, with a
/// department), one new person, and the same name again without an email
/// (a possible duplicate of the row above).
fn roster(dir: &std::path::Path, app: &relational::app::RelationalApp) -> std::path::PathBuf {
    let someone = app
        .workspace
        .doc
        .project
        .people
        .values()
        .find(|p| p.id != app.workspace.doc.project.me && p.email.is_empty())
        .expect("a demo person without an email")
        .name
        .clone();
    let path = dir.join("members.csv");
    let text = format!(
        "Member Name,Personal Email,Department\r\n\
         {someone},,Night shift\r\n\
         Ngozi Okafor,ngozi@example.org,Kitchen\r\n\
         Ngozi Okafor,,Laundry\r\n"
    );
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_csv_imports_through_the_dialog_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness();
    let path = roster(dir.path(), harness.state());
    let before = harness.state().workspace.doc.project.people.len();
    click_menu_item(&mut harness, "File", "Import people…");
    type_path_and_press(&mut harness, &path, "Import");
    harness.get_by_label_contains("comma-separated text · UTF-8 · 3 rows");
    // Department was guessed as a tag; make it the notes instead.
    harness
        .get_by_role_and_label(Role::ComboBox, "Department: Tag")
        .click();
    harness.run();
    // Far down the menu: scrolled to first, as a person would.
    scroll_and_click(&mut harness, "Notes");
    harness.get_by_role_and_label(Role::ComboBox, "Department: Notes");
    harness.get_by_label("Next: match people").click();
    harness.run();
    // The second Ngozi is a possible duplicate of the first row: add her anyway.
    harness.get_by_label_contains("possible duplicate: the same name as line 3");
    harness
        .get_by_role_and_label(Role::ComboBox, "Line 4: Skip this row")
        .click();
    harness.run();
    harness.get_by_label("Add as a new person").click();
    harness.run();
    harness.get_by_label("All rows").click();
    harness.run();
    harness.get_by_label_contains("updates ");
    harness.get_by_label("Import: add 2, update 1").click();
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Import done");
    let app = harness.state();
    let project = &app.workspace.doc.project;
    assert_eq!(project.people.len(), before + 2);
    let ngozis: Vec<_> = project
        .people
        .values()
        .filter(|p| p.name == "Ngozi Okafor")
        .collect();
    assert_eq!(ngozis.len(), 2);
    assert_eq!(ngozis[0].notes, "Kitchen");
    assert!(ngozis[0].tags.contains(&"import: members.csv".to_owned()));
    assert!(app.workspace.doc.is_dirty());
    harness.get_by_label("Close").click();
    harness.run();
    click_menu_item(&mut harness, "Edit", "Undo");
    let project = &harness.state().workspace.doc.project;
    assert_eq!(
        project.people.len(),
        before,
        "one undo takes the whole import back"
    );
    assert!(
        !project
            .people
            .values()
            .any(|p| p.tags.iter().any(|t| t.starts_with("import:")))
    );
}

#[test]
fn an_unreadable_list_says_why_and_imports_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, "Name,Notes\nAna,\"never closed\n").expect("write");
    let mut harness = harness();
    let before = harness.state().workspace.doc.project.clone();
    click_menu_item(&mut harness, "File", "Import people…");
    type_path_and_press(&mut harness, &path, "Import");
    harness.get_by_role_and_label(Role::Dialog, "This list cannot be imported");
    harness.get_by_label_contains("A quote opened on line 2");
    assert_eq!(harness.state().workspace.doc.project, before);
}

#[test]
fn the_mapping_is_remembered_for_the_same_headers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("list.csv");
    std::fs::write(&path, "Who,Email\nZed Quinn,zed@example.org\n").expect("write");
    let mut harness = harness();
    click_menu_item(&mut harness, "File", "Import people…");
    type_path_and_press(&mut harness, &path, "Import");
    harness
        .get_by_role_and_label(Role::ComboBox, "Who: Don't import")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Full name")
        .click();
    harness.run();
    harness.get_by_label("Next: match people").click();
    harness.run();
    harness.get_by_label("Import: add 1, update 0").click();
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    click_menu_item(&mut harness, "File", "Import people…");
    type_path_and_press(&mut harness, &path, "Import");
    harness.get_by_label_contains("Columns are set as the last time");
    harness.get_by_role_and_label(Role::ComboBox, "Who: Full name");
}

#[test]
fn two_records_merge_and_undo() {
    let mut harness = harness();
    let ana = harness.state_mut().workspace.add_person();
    let twin = harness.state_mut().workspace.add_person();
    {
        let project = &mut harness.state_mut().workspace.doc.project;
        for (id, name, email, notes) in [
            (ana, "Ana Ruiz", "ana@example.org", "Nurse on nights"),
            (twin, "Ana M. Ruiz", "ANA@example.org", "Two kids"),
        ] {
            let person = project.people.get_mut(&id).expect("added");
            person.name = name.into();
            person.email = email.into();
            person.notes = notes.into();
        }
    }
    harness.run();
    let people = harness.state().workspace.doc.project.people.len();
    click_menu_item(&mut harness, "Edit", "Find duplicates…");
    harness.get_by_label_contains("Ana Ruiz and Ana M. Ruiz");
    harness.get_by_label("Merge…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Merge two records of one person");
    harness.get_by_label("Merge into Ana Ruiz").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace.doc.project.people.len(), people - 1);
    assert!(find_person(app, "Ana M. Ruiz").is_none());
    let kept = &app.workspace.doc.project.people[&ana];
    assert_eq!(
        kept.notes, "Nurse on nights\nTwo kids",
        "written notes are both kept"
    );
    click_menu_item(&mut harness, "Edit", "Undo");
    let app = harness.state();
    assert_eq!(app.workspace.doc.project.people.len(), people);
    assert_eq!(app.workspace.doc.project.people[&twin].notes, "Two kids");
}
