//! The window with a protected project: File → Protect with passphrase,
//! opening it again (a wrong passphrase first), locking and unlocking, and
//! screen-share mode hiding names.

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::store;

use common::{click_menu_item, harness};

const PASSPHRASE: &str = "harbor window seventeen";

fn saved_demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    let demo = store::parse(relational::DEMO_RON.as_bytes()).expect("demo");
    store::save(&demo.project, &path).expect("save");
    (dir, path)
}

fn opened(path: &Path) -> Harness<'static, RelationalApp> {
    let mut harness = harness();
    harness.state_mut().open_path(path);
    harness.run();
    harness
}

fn type_into(harness: &mut Harness<'_, RelationalApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn shows_text(harness: &Harness<'_, RelationalApp>, text: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(text))
                || node.value().is_some_and(|v| v.contains(text))
        })
        .next()
        .is_some()
}

/// Protects the open project through the dialog.
fn protect(harness: &mut Harness<'_, RelationalApp>) {
    click_menu_item(harness, "File", "Protect with passphrase");
    assert!(shows_text(harness, "cannot be recovered"));
    type_into(harness, "New passphrase", PASSPHRASE);
    assert!(
        harness
            .query_all_by(|n| n.label().is_some_and(|l| l == "Protect and save") && n.is_disabled())
            .next()
            .is_some(),
        "not before the second field matches"
    );
    type_into(harness, "The same passphrase again", PASSPHRASE);
    harness.get_by_label("Protect and save").click();
    harness.run();
}

#[test]
fn protect_then_reopen_with_a_wrong_then_the_right_passphrase() {
    let (_dir, path) = saved_demo();
    let mut harness = opened(&path);
    protect(&mut harness);
    let bytes = std::fs::read(&path).expect("file");
    assert!(
        store::crypto::is_encrypted(&bytes),
        "the file is an age file"
    );
    assert!(!bytes.windows(15).any(|w| w == b"Dolores Fuentes"));
    assert!(harness.state().workspace.doc.protection.is_some());
    drop(harness);

    let mut harness = opened(&path);
    harness.get_by_role_and_label(Role::Dialog, "Open campaign.ron");
    type_into(&mut harness, "Passphrase", "not the one");
    harness.get_by_label("Open").click();
    harness.run();
    assert!(shows_text(&harness, "does not open this file"));
    assert!(
        harness.state().workspace.doc.path.is_none(),
        "still the demo"
    );
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    harness.get_by_label("Open").click();
    harness.run();
    let workspace = &harness.state().workspace;
    assert_eq!(workspace.doc.path.as_deref(), Some(path.as_path()));
    assert!(workspace.doc.protection.is_some());
    assert!(!workspace.doc.is_dirty());
}

#[test]
fn a_locked_window_hides_every_name_until_the_passphrase() {
    let (_dir, path) = saved_demo();
    let mut harness = opened(&path);
    protect(&mut harness);
    harness.state_mut().views.view = relational::ui::View::People;
    harness.run();
    assert!(shows_text(&harness, "Dolores Fuentes"));
    click_menu_item(&mut harness, "File", "Lock now");
    harness.run();
    assert!(shows_text(&harness, "Relational is locked"));
    assert!(
        !shows_text(&harness, "Dolores Fuentes"),
        "no name while locked"
    );
    type_into(&mut harness, "Passphrase", "wrong guess");
    harness.get_by_label("Unlock").click();
    harness.run();
    assert!(shows_text(&harness, "not the passphrase"));
    assert!(harness.state().workspace.is_locked());
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    harness.get_by_label("Unlock").click();
    harness.run();
    assert!(!harness.state().workspace.is_locked());
    assert!(shows_text(&harness, "Dolores Fuentes"));
}

/// View → Screen-share mode, a tick box in the menu.
fn toggle_screen_share(harness: &mut Harness<'_, RelationalApp>) {
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Screen-share mode")
        .click();
    harness.run();
}

#[test]
fn screen_share_mode_shows_initials_and_edits_nothing() {
    let mut harness = harness();
    assert!(shows_text(&harness, "Dolores Fuentes"));
    toggle_screen_share(&mut harness);
    harness.run();
    assert!(
        !shows_text(&harness, "Dolores Fuentes"),
        "no full name on screen"
    );
    assert!(shows_text(&harness, "DF"));
    let real = harness.state().workspace.doc.project.clone();
    let dolores = real
        .people
        .values()
        .find(|p| p.name == "Dolores Fuentes")
        .map(|p| p.id);
    harness.state_mut().views.selected = dolores;
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("x");
    harness.run();
    harness.run();
    let after = &harness.state().workspace.doc.project;
    assert_eq!(
        after.people, real.people,
        "typing in a masked field changes nothing"
    );
    assert!(shows_text(&harness, "editing is paused"));
    toggle_screen_share(&mut harness);
    harness.run();
    assert!(shows_text(&harness, "Dolores Fuentes"));
}

#[test]
fn forget_this_person_asks_then_removes_them_with_no_undo() {
    let (_dir, path) = saved_demo();
    let mut harness = opened(&path);
    let dolores = common::find_person(harness.state(), "Dolores Fuentes");
    harness.state_mut().views.view = relational::ui::View::People;
    harness.state_mut().views.selected = dolores;
    harness.run();
    common::scroll_and_click(&mut harness, "Forget this person…");
    harness.get_by_role_and_label(Role::Dialog, "Forget Dolores Fuentes?");
    harness.get_by_label("Forget").click();
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Forgot Dolores Fuentes");
    let app = harness.state();
    assert!(common::find_person(app, "Dolores Fuentes").is_none());
    assert!(app.workspace.doc.history.undo_label().is_none());
    let bytes = std::fs::read(&path).expect("file");
    assert!(!bytes.windows(15).any(|w| w == b"Dolores Fuentes"));
}
