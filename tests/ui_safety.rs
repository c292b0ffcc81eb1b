//! The organizer's work survives: recovery copies offered back, failed
//! saves that lose nothing, files changed on disk, files open twice.

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::store::{self, RecoveryStore};

use common::{click_menu_item, find_person, harness};

/// A project file with the demo in it, in a fresh folder.
fn saved_demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    let demo = store::parse(relational::DEMO_RON.as_bytes()).expect("demo");
    store::save(&demo.project, &path).expect("save");
    (dir, path)
}

fn open(path: &Path, recovery: Option<&Path>) -> Harness<'static, RelationalApp> {
    let mut harness = harness();
    if let Some(dir) = recovery {
        harness
            .state_mut()
            .enable_recovery(RecoveryStore::new(dir.to_path_buf()));
    }
    harness.state_mut().open_path(path);
    harness.run();
    harness
}

fn add_person_named(harness: &mut Harness<'_, RelationalApp>, name: &str) {
    harness.state_mut().views.view = relational::ui::View::People;
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .type_text(name);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

fn save_shortcut(harness: &mut Harness<'_, RelationalApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
}

fn has_text(harness: &Harness<'_, RelationalApp>, part: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(part))
                || node.value().is_some_and(|v| v.contains(part))
        })
        .next()
        .is_some()
}

#[test]
fn unsaved_work_left_by_a_crash_is_offered_compared_and_restored() {
    let (dir, path) = saved_demo();
    let recovery_dir = dir.path().join("recovery");
    {
        let mut first = open(&path, Some(&recovery_dir));
        add_person_named(&mut first, "Wanjiru Kamau");
        first
            .state_mut()
            .write_recovery_now()
            .expect("copy written");
        // The window dies here without saving.
    }
    let mut second = open(&path, Some(&recovery_dir));
    assert!(
        second
            .query_by_role_and_label(Role::Dialog, "Recover unsaved work?")
            .is_some()
    );
    second.get_by_label("Compare").click();
    second.run();
    assert!(has_text(&second, "In the copy"));
    assert!(has_text(&second, "26 (+1)"), "one more person in the copy");
    assert!(has_text(&second, "people 1, meetings 0, introductions 0"));
    second.get_by_label("Restore").click();
    second.run();
    let app = second.state();
    assert!(find_person(app, "Wanjiru Kamau").is_some());
    assert!(
        app.workspace.doc.is_dirty(),
        "restored work is unsaved until saved"
    );
    assert_eq!(app.workspace.doc.path.as_deref(), Some(path.as_path()));

    save_shortcut(&mut second);
    assert!(!second.state().workspace.doc.is_dirty());
    let saved = store::load(&path).expect("saved file loads");
    assert!(
        saved
            .project
            .people
            .values()
            .any(|p| p.name == "Wanjiru Kamau")
    );
    let leftovers = std::fs::read_dir(&recovery_dir).map_or(0, |d| d.count());
    assert_eq!(leftovers, 0, "the copy goes once the work is saved");
}

#[test]
fn discarding_a_copy_keeps_the_file_and_removes_the_copy() {
    let (dir, path) = saved_demo();
    let recovery_dir = dir.path().join("recovery");
    {
        let mut first = open(&path, Some(&recovery_dir));
        add_person_named(&mut first, "Temporary Person");
        first
            .state_mut()
            .write_recovery_now()
            .expect("copy written");
    }
    let mut second = open(&path, Some(&recovery_dir));
    second.get_by_label("Discard copy").click();
    second.run();
    assert!(find_person(second.state(), "Temporary Person").is_none());
    assert!(!second.state().workspace.doc.is_dirty());
    assert_eq!(std::fs::read_dir(&recovery_dir).map_or(0, |d| d.count()), 0);
}

#[test]
fn a_never_saved_project_is_recovered_on_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery_dir = dir.path().join("recovery");
    let store = RecoveryStore::new(recovery_dir.clone());
    // A run that ended without saving an untitled project (its process is gone).
    let mut project = relational::model::Project::new(
        "Tenants' union",
        "Me",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    );
    project.info.sentence.who = "tenants of Elm Street".to_owned();
    let slot = store.slot_for_untitled(&format!("{}-1", u32::MAX - 2));
    store.write(&slot, None, &project, None).expect("copy");

    let mut harness = harness();
    harness.state_mut().enable_recovery(store);
    harness.run();
    assert!(has_text(&harness, "a project that was never saved"));
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace.doc.project.info.name, "Tenants' union");
    assert!(app.workspace.doc.is_dirty());
    assert_eq!(
        app.workspace.doc.path, None,
        "Save will ask where to put it"
    );
}

#[test]
fn unsaved_changes_write_a_copy_and_saving_removes_it() {
    let (dir, path) = saved_demo();
    let recovery_dir = dir.path().join("recovery");
    let mut harness = open(&path, Some(&recovery_dir));
    add_person_named(&mut harness, "Ana Ruiz");
    harness.state_mut().write_recovery_now().expect("copy");
    let copies: Vec<_> = std::fs::read_dir(&recovery_dir)
        .expect("folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(copies.len(), 1);
    let copy = RecoveryStore::new(recovery_dir.clone())
        .read(&copies[0].path())
        .expect("the copy reads");
    assert!(copy.project.people.values().any(|p| p.name == "Ana Ruiz"));
    save_shortcut(&mut harness);
    assert!(!copies[0].path().exists());
}

fn fail_half_way_disk_full(file: &mut dyn std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(&bytes[..bytes.len() / 2])?;
    Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
}

fn fail_permission_denied(_file: &mut dyn std::io::Write, _bytes: &[u8]) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
}

#[test]
fn a_full_disk_loses_nothing_and_offers_save_as() {
    let (dir, path) = saved_demo();
    let before = std::fs::read(&path).expect("read");
    let mut harness = open(&path, Some(&dir.path().join("recovery")));
    add_person_named(&mut harness, "Ana Ruiz");
    harness.state_mut().workspace.save_writer = fail_half_way_disk_full;
    save_shortcut(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Could not save")
            .is_some()
    );
    assert!(has_text(&harness, "The disk is full"));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "old file intact"
    );
    assert!(harness.state().workspace.doc.is_dirty());
    assert!(find_person(harness.state(), "Ana Ruiz").is_some());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no half-written file left behind");
    assert_eq!(
        std::fs::read_dir(dir.path().join("recovery")).map_or(0, |d| d.count()),
        1,
        "the work went into a recovery copy"
    );

    harness.get_by_label("Save As…").click();
    harness.run();
    assert!(
        harness.query_by_label("File path").is_some(),
        "Save As asks where"
    );
}

#[test]
fn permission_denied_and_a_vanished_folder_are_explained() {
    let (_dir, path) = saved_demo();
    let mut harness = open(&path, None);
    add_person_named(&mut harness, "Ana Ruiz");
    harness.state_mut().workspace.save_writer = fail_permission_denied;
    save_shortcut(&mut harness);
    assert!(has_text(&harness, "not allowed to write there"));
    harness.get_by_label("Not now").click();
    harness.run();

    let gone_dir = tempfile::tempdir().expect("temp dir");
    let gone = gone_dir.path().join("sub");
    std::fs::create_dir(&gone).expect("mkdir");
    let elsewhere = gone.join("p.ron");
    harness.state_mut().workspace.save_writer = relational::workspace::write_all;
    let prompts = harness.state_mut().workspace.save_as_to(&elsewhere, None);
    assert!(prompts.is_empty(), "saved to a new file without asking");
    add_person_named(&mut harness, "Second Person");
    std::fs::remove_dir_all(&gone).expect("remove folder");
    save_shortcut(&mut harness);
    assert!(has_text(&harness, "folder no longer exists"));
    assert!(harness.state().workspace.doc.is_dirty());
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten_without_asking() {
    let (_dir, path) = saved_demo();
    let mut harness = open(&path, None);
    add_person_named(&mut harness, "Ana Ruiz");
    let theirs = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Riverside", "Lakeside");
    std::fs::write(&path, &theirs).expect("another program writes");

    save_shortcut(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "The file changed on disk")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(harness.state().workspace.doc.is_dirty());

    save_shortcut(&mut harness);
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert!(!harness.state().workspace.doc.is_dirty());
    let saved = store::load(&path).expect("load");
    assert!(saved.project.people.values().any(|p| p.name == "Ana Ruiz"));
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).expect("bak"),
        theirs,
        "their version is kept as .bak"
    );
    // Saving again needs no question: the file is as we left it.
    add_person_named(&mut harness, "Third Person");
    save_shortcut(&mut harness);
    assert!(!harness.state().workspace.doc.is_dirty());
}

#[test]
fn a_file_open_in_another_window_warns_before_opening() {
    let (_dir, path) = saved_demo();
    // Process 1 always runs, started before now, and is not us: as if
    // another window had taken the lock a moment ago.
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    std::fs::write(
        store::lock_path(&path),
        format!("1\n{}\n{now}\n7\n", host.trim()),
    )
    .expect("lock");
    let mut harness = harness();
    let before = harness.state().workspace.doc.project.clone();
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Already open elsewhere")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project,
        before,
        "nothing opened"
    );

    harness.state_mut().open_path(&path);
    harness.run();
    harness.get_by_label("Open anyway").click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.path.as_deref(),
        Some(path.as_path())
    );
    let lock = std::fs::read_to_string(store::lock_path(&path)).expect("our lock");
    assert!(lock.starts_with(&format!("{}\n", std::process::id())));

    // Closing the project (File → New) removes our lock.
    click_menu_item(&mut harness, "File", "New");
    assert!(!store::lock_path(&path).exists());
}

#[test]
fn discarding_an_untitled_project_removes_its_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery_dir = dir.path().join("recovery");
    let mut harness = harness();
    harness
        .state_mut()
        .enable_recovery(RecoveryStore::new(recovery_dir.clone()));
    click_menu_item(&mut harness, "File", "New");
    add_person_named(&mut harness, "Draft Person");
    harness.state_mut().write_recovery_now().expect("copy");
    assert_eq!(std::fs::read_dir(&recovery_dir).map_or(0, |d| d.count()), 1);

    // Another new project, the changes discarded: the copy must not survive
    // to be offered after the next crash.
    click_menu_item(&mut harness, "File", "New");
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert!(find_person(harness.state(), "Draft Person").is_none());
    assert_eq!(std::fs::read_dir(&recovery_dir).map_or(0, |d| d.count()), 0);
}

/// A session name whose process has ended.
fn ended_session(n: u32) -> String {
    format!("{}-100-1", u32::MAX - n)
}

#[test]
fn restoring_one_copy_never_throws_away_another() {
    let (dir, path) = saved_demo();
    let recovery_dir = dir.path().join("recovery");
    let store = RecoveryStore::new(recovery_dir.clone());
    // A crash left two copies: an untitled project and changes to the file.
    let untitled = relational::model::Project::new(
        "Draft",
        "Me",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    );
    let untitled_slot = store.slot_for_untitled(&ended_session(3));
    store
        .write(&untitled_slot, None, &untitled, None)
        .expect("copy");
    let mut edited = store::load(&path).expect("load").project;
    edited.info.name = "Edited before the crash".to_owned();
    let file_slot = store.slot_for_file(&path, &ended_session(4));
    store
        .write(&file_slot, Some(&path), &edited, None)
        .expect("copy");

    let mut harness = harness();
    harness.state_mut().enable_recovery(store);
    harness.state_mut().open_path(&path);
    harness.run();
    // First offer: the untitled project.
    assert!(has_text(&harness, "a project that was never saved"));
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().workspace.doc.project.info.name, "Draft");
    assert!(file_slot.exists(), "the other copy is still there");
    // Second offer: the file's copy. The restored draft is unsaved, so the
    // organizer is asked before it is replaced.
    assert!(has_text(
        &harness,
        "Relational closed without saving changes to"
    ));
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Save your changes?")
            .is_some()
    );
    harness.get_by_label("Discard changes").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.workspace.doc.project.info.name,
        "Edited before the crash"
    );
    assert_eq!(app.workspace.doc.path.as_deref(), Some(path.as_path()));
    assert!(app.workspace.doc.is_dirty());
    assert!(
        !file_slot.exists(),
        "the work moved into this session's copy"
    );
    let copies = std::fs::read_dir(&recovery_dir).map_or(0, |d| d.count());
    assert_eq!(copies, 1, "one copy: this session's, of the restored file");
}

#[test]
fn a_copy_older_than_the_file_is_offered_with_a_warning() {
    let (dir, path) = saved_demo();
    let recovery_dir = dir.path().join("recovery");
    let store = RecoveryStore::new(recovery_dir.clone());
    let project = store::load(&path).expect("load").project;
    let slot = store.slot_for_file(&path, &ended_session(5));
    store
        .write(&slot, Some(&path), &project, None)
        .expect("copy");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(300);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(later))
        .expect("touch");
    let harness = open(&path, Some(&recovery_dir));
    assert!(has_text(&harness, "the copy may hold older work"));
    assert!(slot.exists());
}

#[test]
fn typed_save_as_over_another_project_asks_and_replaces_only_once_agreed() {
    let (dir, path) = saved_demo();
    let other = dir.path().join("other.ron");
    store::save(&relational::synth::generate(47, 3), &other).expect("save");
    let before = std::fs::read(&other).expect("read");
    let mut harness = open(&path, None);
    add_person_named(&mut harness, "Work Of This Project");
    click_menu_item(&mut harness, "File", "Save As");
    common::type_path_and_press(&mut harness, &other, "Save");
    assert!(
        harness
            .query_by_role_and_label(Role::Dialog, "Replace the file?")
            .is_some()
    );
    assert_eq!(std::fs::read(&other).expect("read"), before, "not yet");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read(&other).expect("read"), before, "cancelled");
    assert!(harness.state().workspace.doc.is_dirty());

    click_menu_item(&mut harness, "File", "Save As");
    common::type_path_and_press(&mut harness, &other, "Save");
    harness.get_by_label("Replace").click();
    harness.run();
    let saved = store::load(&other).expect("loads");
    assert!(find_in(&saved.project, "Work Of This Project"));
    assert!(!harness.state().workspace.doc.is_dirty());
}

#[test]
fn typed_save_as_onto_a_file_another_window_holds_is_refused() {
    let (dir, path) = saved_demo();
    let held = dir.path().join("held.ron");
    store::save(&relational::synth::generate(5, 3), &held).expect("save");
    let before = std::fs::read(&held).expect("read");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    std::fs::write(
        store::lock_path(&held),
        format!("1\n{}\n{now}\n7\n", host.trim()),
    )
    .expect("lock");
    let mut harness = open(&path, None);
    click_menu_item(&mut harness, "File", "Save As");
    common::type_path_and_press(&mut harness, &held, "Save");
    assert!(has_text(&harness, "open in another Relational window"));
    assert_eq!(std::fs::read(&held).expect("read"), before);
    assert!(store::lock_path(&held).exists(), "their lock is kept");
}

#[test]
fn a_typed_export_onto_the_open_project_is_refused() {
    let (_dir, path) = saved_demo();
    let before = std::fs::read(&path).expect("read");
    let mut harness = open(&path, None);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("One-to-one data sheet (CSV)…").click();
    harness.run();
    common::type_path_and_press(&mut harness, &path, "Export");
    assert!(has_text(&harness, "is the project open in this window"));
    assert_eq!(std::fs::read(&path).expect("read"), before, "untouched");
}

fn find_in(project: &relational::model::Project, name: &str) -> bool {
    project.people.values().any(|p| p.name == name)
}
