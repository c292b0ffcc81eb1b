//! The file lifecycle without a window: each prompt the organizer would
//! see, and what each answer does on disk.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Edit, Person};
use crate::store::RecoveryStore;

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

/// A saved project of `people` generated people in a fresh folder.
fn saved(people: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    store::save(&crate::synth::generate(people, 1), &path).expect("save");
    (dir, absolute(&path))
}

fn opened(path: &Path) -> Workspace {
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.open_path(path);
    assert!(
        prompts.is_empty(),
        "a sound file opens silently: {prompts:?}"
    );
    workspace
}

fn add_person(workspace: &mut Workspace, name: &str) {
    let id = workspace.doc.project.new_person_id();
    let person = Person::new(id, name, day());
    workspace.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
}

fn has_person(project: &crate::model::Project, name: &str) -> bool {
    project.people.values().any(|p| p.name == name)
}

/// A window on `path` that added `name`, wrote its recovery copy and died
/// without saving; returns the copy's file.
fn crash_with_copy(path: &Path, recovery: &Path, name: &str) -> PathBuf {
    let mut crashed = opened(path);
    let _ = crashed.enable_recovery(RecoveryStore::new(recovery));
    add_person(&mut crashed, name);
    crashed.write_recovery_now().expect("copy");
    let slot = crashed.recovery.slot.take().expect("a slot");
    // Dropped here as if killed: the lock goes, the copy stays.
    slot
}

/// A lock of process 1 (always running, started before now): another window.
fn lock_by_another_window(path: &Path) {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    std::fs::write(
        store::lock_path(path),
        format!("1\n{}\n{since}\n7\n", host()),
    )
    .expect("lock");
}

#[test]
fn the_guard_asks_before_opening_and_discarding_opens() {
    let (_dir, path) = saved(3);
    let mut workspace = Workspace::new(Workspace::demo_document());
    add_person(&mut workspace, "Unsaved Person");
    let prompts = workspace.request(Then::OpenPath(path.clone()));
    assert!(matches!(
        prompts.as_slice(),
        [Prompt::UnsavedChanges {
            then: Then::OpenPath(_)
        }]
    ));
    assert!(has_person(&workspace.doc.project, "Unsaved Person"));
    let after = workspace.discard_then(Then::OpenPath(path.clone()));
    assert!(after.is_empty());
    assert_eq!(workspace.doc.path.as_deref(), Some(path.as_path()));
    assert!(!workspace.doc.is_dirty());
}

#[test]
fn a_clean_project_opens_without_asking() {
    let (_dir, path) = saved(2);
    let mut workspace = Workspace::new(Workspace::demo_document());
    assert!(workspace.request(Then::OpenPath(path.clone())).is_empty());
    assert_eq!(workspace.doc.path, Some(path));
}

#[test]
fn saving_the_demo_asks_where_starting_in_a_real_folder() {
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.save(None);
    let [Prompt::ChooseSavePath { folder, name, .. }] = prompts.as_slice() else {
        panic!("Save of the demo asks where: {prompts:?}");
    };
    assert!(name.ends_with(".ron"));
    assert!(folder.as_ref().is_none_or(|f| f.is_absolute()));
}

#[test]
fn save_as_starts_in_the_projects_folder() {
    let (dir, path) = saved(2);
    let mut workspace = opened(&path);
    let prompts = workspace.save_as(None);
    let [Prompt::ChooseSavePath { folder, .. }] = prompts.as_slice() else {
        panic!("asks where");
    };
    assert_eq!(folder.as_deref(), Some(absolute(dir.path()).as_path()));
}

fn failing_writer(_: &mut dyn std::io::Write, _: &[u8]) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
}

#[test]
fn a_failed_save_keeps_the_work_and_save_as_elsewhere_succeeds() {
    let (dir, path) = saved(3);
    let before = std::fs::read(&path).expect("read");
    let mut workspace = opened(&path);
    add_person(&mut workspace, "Kept Person");
    workspace.save_writer = failing_writer;
    let prompts = workspace.save(None);
    let [Prompt::SaveFailed { body, .. }] = prompts.as_slice() else {
        panic!("the failure is said: {prompts:?}");
    };
    assert!(body.contains("disk is full"), "{body}");
    assert!(workspace.doc.is_dirty());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );

    workspace.save_writer = write_all;
    let elsewhere = dir.path().join("elsewhere.ron");
    assert!(workspace.save_as_to(&elsewhere, None).is_empty());
    assert!(!workspace.doc.is_dirty());
    assert_eq!(workspace.doc.path, Some(absolute(&elsewhere)));
    let loaded = store::load(&elsewhere).expect("loads");
    assert!(has_person(&loaded.project, "Kept Person"));
}

#[test]
fn save_as_onto_an_existing_file_asks_first_and_replaces_only_once_agreed() {
    let (dir, path) = saved(3);
    let other = dir.path().join("other.ron");
    store::save(&crate::synth::generate(47, 2), &other).expect("save");
    let other_bytes = std::fs::read(&other).expect("read");
    let mut workspace = opened(&path);
    let prompts = workspace.save_as_to(&other, None);
    assert!(
        matches!(
            prompts.as_slice(),
            [Prompt::ConfirmOverwrite {
                read_only: None,
                ..
            }]
        ),
        "{prompts:?}"
    );
    assert_eq!(std::fs::read(&other).expect("read"), other_bytes);
    assert!(workspace.write_to(&other, None).is_empty());
    assert_eq!(store::load(&other).expect("load").project.people.len(), 3);
}

#[test]
fn save_as_onto_a_file_another_window_holds_is_refused() {
    let (dir, path) = saved(3);
    let held = dir.path().join("held.ron");
    store::save(&crate::synth::generate(5, 2), &held).expect("save");
    let before = std::fs::read(&held).expect("read");
    // Process 1 always runs and started before now: another window.
    lock_by_another_window(&held);
    let mut workspace = opened(&path);
    let prompts = workspace.save_as_to(&held, None);
    assert!(
        matches!(prompts.as_slice(), [Prompt::Problem { body, .. }] if body.contains("another Relational window")),
        "{prompts:?}"
    );
    assert_eq!(std::fs::read(&held).expect("read"), before);
    assert!(store::lock_path(&held).exists(), "their lock stays");
}

fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn the_open_file_made_read_only_is_not_replaced_without_asking() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    add_person(&mut workspace, "New Person");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let prompts = workspace.save(None);
    assert!(
        matches!(
            prompts.as_slice(),
            [Prompt::ConfirmOverwrite {
                read_only: Some(_),
                ..
            }]
        ),
        "{prompts:?}"
    );
    assert!(workspace.doc.is_dirty());
}

#[test]
fn a_file_changed_on_disk_asks_before_a_save_overwrites_it() {
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    add_person(&mut workspace, "Mine");
    store::save(&crate::synth::generate(9, 5), &path).expect("another program saves");
    let prompts = workspace.save(None);
    assert!(matches!(prompts.as_slice(), [Prompt::ChangedOnDisk { .. }]));
    assert_eq!(store::load(&path).expect("load").project.people.len(), 9);
    assert!(
        workspace.write_to(&path, None).is_empty(),
        "Overwrite chosen"
    );
    assert!(has_person(
        &store::load(&path).expect("load").project,
        "Mine"
    ));
}

#[test]
fn a_replacement_with_the_same_size_and_time_is_noticed() {
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    let mut bytes = std::fs::read(&path).expect("read");
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("time");
    // Same length, one letter different, time put back (as `cp -p` does).
    let at = bytes
        .iter()
        .position(|b| b.is_ascii_lowercase())
        .expect("a letter");
    bytes[at] = if bytes[at] == b'a' { b'b' } else { b'a' };
    std::fs::write(&path, &bytes).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(modified))
        .expect("set time");
    add_person(&mut workspace, "Mine");
    assert!(matches!(
        workspace.save(None).as_slice(),
        [Prompt::ChangedOnDisk { .. }]
    ));
}

#[test]
fn opening_takes_the_lock_and_a_second_workspace_is_asked() {
    let (_dir, path) = saved(2);
    let first = opened(&path);
    assert!(store::lock_path(&path).exists());
    // The same process counts as ours: a lock of another live process is
    // needed for the prompt, so write one.
    drop(first);
    assert!(
        !store::lock_path(&path).exists(),
        "dropped with the workspace"
    );
    lock_by_another_window(&path);
    let mut second = Workspace::new(Workspace::demo_document());
    let prompts = second.open_path(&path);
    assert!(matches!(
        prompts.as_slice(),
        [Prompt::LockedElsewhere { .. }]
    ));
    assert_eq!(second.doc.origin, Origin::Demo, "nothing opened yet");
    assert!(second.open_anyway(&path).is_empty());
    assert_eq!(second.doc.path, Some(path));
}

#[test]
fn a_crashed_sessions_copy_is_offered_and_restored_to_its_file() {
    let (dir, path) = saved(3);
    let recovery = dir.path().join("recovery");
    let _ = crash_with_copy(&path, &recovery, "Recovered Person");
    let mut next = Workspace::new(Workspace::demo_document());
    let _ = next.enable_recovery(RecoveryStore::new(&recovery));
    let prompts = next.open_path(&path);
    let [Prompt::RecoveryOffered { copy }] = prompts.as_slice() else {
        panic!("the copy is offered: {prompts:?}");
    };
    assert!(next.restore_when_safe((**copy).clone()).is_empty());
    assert!(has_person(&next.doc.project, "Recovered Person"));
    assert!(next.doc.is_dirty());
    assert_eq!(next.doc.path.as_deref(), Some(path.as_path()));
    assert!(next.save(None).is_empty());
    assert!(has_person(
        &store::load(&path).expect("load").project,
        "Recovered Person"
    ));
}

#[test]
fn a_copy_goes_back_to_its_own_file_not_a_same_named_one_elsewhere() {
    // The same name in two folders: the copy of the first must never land
    // in the second (tests/relative_paths.rs does it with the current
    // folder moved, in a process of its own).
    let root = tempfile::tempdir().expect("temp dir");
    let first = root.path().join("one").join("f1");
    let second = root.path().join("two").join("f1");
    for folder in [&first, &second] {
        std::fs::create_dir_all(folder).expect("folders");
    }
    let first_file = first.join("c.ron");
    let second_file = second.join("c.ron");
    store::save(&crate::synth::generate(3, 1), &first_file).expect("save");
    store::save(&crate::synth::generate(6, 2), &second_file).expect("save");
    let second_before = std::fs::read(&second_file).expect("read");
    let recovery = root.path().join("recovery");
    let _ = crash_with_copy(&first_file, &recovery, "Work Of The First");
    let mut next = opened(&second_file);
    let _ = next.enable_recovery(RecoveryStore::new(&recovery));
    let prompts = next.open_path(&first_file);
    let [Prompt::RecoveryOffered { copy }] = prompts.as_slice() else {
        panic!("offered: {prompts:?}");
    };
    assert_eq!(
        copy.original.as_deref(),
        Some(absolute(&first_file).as_path())
    );
    let _ = next.restore_when_safe((**copy).clone());
    assert!(next.save(None).is_empty());
    assert_eq!(std::fs::read(&second_file).expect("read"), second_before);
    assert!(has_person(
        &store::load(&first_file).expect("load").project,
        "Work Of The First"
    ));
}

#[test]
fn a_copy_whose_file_is_gone_says_so_and_opens_untitled() {
    let (dir, path) = saved(3);
    let recovery = dir.path().join("recovery");
    let slot = crash_with_copy(&path, &recovery, "Orphan");
    std::fs::remove_file(&path).expect("file moved away");
    let mut next = Workspace::new(Workspace::demo_document());
    let _ = next.enable_recovery(RecoveryStore::new(&recovery));
    let copy = RecoveryStore::new(&recovery).read(&slot).expect("read");
    let prompts = next.restore(copy);
    assert!(
        matches!(prompts.as_slice(), [Prompt::Problem { title, .. }] if title.contains("not there")),
        "{prompts:?}"
    );
    assert_eq!(next.doc.path, None);
    assert!(has_person(&next.doc.project, "Orphan"));
}

#[test]
fn a_failed_recovery_copy_is_tried_again_once_space_returns() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the folder should be: every write fails.
    let blocked = dir.path().join("recovery");
    std::fs::write(&blocked, "not a folder").expect("write");
    let mut workspace = Workspace::new(Workspace::demo_document());
    let _ = workspace.enable_recovery(RecoveryStore::new(&blocked));
    add_person(&mut workspace, "Someone");
    let start = std::time::Instant::now();
    let mut now = start;
    // Run the schedule until the first attempt has been made and collected.
    for _ in 0..200 {
        let _ = workspace.tick_recovery(now);
        now += std::time::Duration::from_secs(1);
        if workspace
            .status
            .contains("Could not write the recovery copy")
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(
        workspace.status.contains("trying again"),
        "{}",
        workspace.status
    );
    std::fs::remove_file(&blocked).expect("space returns");
    let mut written = false;
    for _ in 0..200 {
        let _ = workspace.tick_recovery(now);
        now += std::time::Duration::from_secs(1);
        std::thread::sleep(std::time::Duration::from_millis(2));
        if blocked.is_dir() && std::fs::read_dir(&blocked).is_ok_and(|d| d.count() > 0) {
            written = true;
            break;
        }
    }
    assert!(written, "the copy was written on a later try");
}

#[test]
fn a_file_opened_with_repairs_is_unsaved_and_says_what_changed() {
    let (_dir, path) = saved(3);
    let text = std::fs::read_to_string(&path).expect("read");
    let damaged = text.replacen("\n  me: ", "\n  me: 7777, ignored_me: ", 1);
    std::fs::write(&path, damaged).expect("write");
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.open_path(&path);
    assert!(
        prompts.iter().any(|p| matches!(p, Prompt::Repaired { .. })),
        "{prompts:?}"
    );
    assert!(
        workspace.doc.is_dirty(),
        "not 'Saved' while it differs from the file"
    );
}

#[test]
fn temporary_files_left_by_a_killed_save_are_removed_on_open_and_only_ours() {
    let (dir, path) = saved(3);
    let leftover = dir.path().join(".campaign.ron.Ab12Cd");
    std::fs::write(&leftover, "(\n  format_version: 1,\n  info: (").expect("write");
    let empty = dir.path().join(".campaign.ron.ZZ99zz");
    std::fs::write(&empty, "").expect("write");
    let someone_elses = dir.path().join(".campaign.ron.notes1");
    std::fs::write(&someone_elses, "my own notes").expect("write");
    let unrelated = dir.path().join(".other.ron.Ab12Cd");
    std::fs::write(&unrelated, "(\n  format_version: 1,").expect("write");
    let _workspace = opened(&path);
    assert!(!leftover.exists());
    assert!(!empty.exists());
    assert!(someone_elses.exists(), "not a project's start: kept");
    assert!(unrelated.exists(), "another file's: kept");
}

#[test]
fn quitting_after_discarding_removes_the_copy_and_asks_to_close() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = dir.path().join("recovery");
    let mut workspace = Workspace::new(Workspace::demo_document());
    let _ = workspace.enable_recovery(RecoveryStore::new(&recovery));
    add_person(&mut workspace, "Someone");
    workspace.write_recovery_now().expect("copy");
    assert!(matches!(
        workspace.request(Then::Quit).as_slice(),
        [Prompt::UnsavedChanges { .. }]
    ));
    assert!(!workspace.is_closing());
    assert!(workspace.discard_then(Then::Quit).is_empty());
    assert!(workspace.is_closing());
    assert_eq!(std::fs::read_dir(&recovery).map_or(0, |d| d.count()), 0);
}

#[test]
fn shutting_down_with_unsaved_work_writes_the_copy_and_drops_the_lock() {
    let (dir, path) = saved(3);
    let recovery = dir.path().join("recovery");
    let mut workspace = opened(&path);
    let _ = workspace.enable_recovery(RecoveryStore::new(&recovery));
    add_person(&mut workspace, "Last Edit");
    workspace.shut_down();
    assert!(!store::lock_path(&path).exists());
    let copies = std::fs::read_dir(&recovery).map_or(0, |d| d.count());
    assert_eq!(copies, 1, "the unsaved work is in a copy");
}

#[test]
fn the_last_project_is_used_only_by_an_absolute_path_that_exists() {
    let (_dir, path) = saved(2);
    let mut workspace = Workspace::new(Workspace::demo_document());
    workspace.settings.last_project = Some(PathBuf::from("p.ron"));
    assert_eq!(workspace.starting_path(None), None);
    workspace.settings.last_project = Some(path.clone());
    assert_eq!(workspace.starting_path(None), Some(path));
}

#[test]
fn a_copy_whose_file_another_window_holds_opens_untitled() {
    let (dir, path) = saved(3);
    let recovery = dir.path().join("recovery");
    let slot = crash_with_copy(&path, &recovery, "Recovered Work");
    lock_by_another_window(&path);
    let before = std::fs::read(&path).expect("read");
    let mut next = Workspace::new(Workspace::demo_document());
    let copy = RecoveryStore::new(&recovery).read(&slot).expect("read");
    let prompts = next.restore(copy);
    assert!(
        matches!(prompts.as_slice(), [Prompt::Problem { title, .. }] if title.contains("another window")),
        "{prompts:?}"
    );
    assert_eq!(next.doc.path, None, "Save will ask where");
    assert!(has_person(&next.doc.project, "Recovered Work"));
    assert!(matches!(
        next.save(None).as_slice(),
        [Prompt::ChooseSavePath { .. }]
    ));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn the_welcome_names_the_project_and_me() {
    let mut workspace = Workspace::new(Workspace::demo_document());
    assert!(!workspace.settings.welcomed);
    assert!(
        workspace
            .start_project(" Tenants of Elm St ", "Rosa Díaz", "tenants")
            .is_empty()
    );
    let project = &workspace.doc.project;
    assert_eq!(project.info.name, "Tenants of Elm St");
    assert_eq!(project.name_of(project.me), "Rosa Díaz");
    assert_eq!(project.info.sentence.who, "tenants");
    assert_eq!(project.people.len(), 1);
    assert!(workspace.settings.welcomed);
    assert_eq!(workspace.doc.suggested_file_name(), "Tenants_of_Elm_St.ron");
}

#[test]
fn a_person_left_unnamed_is_taken_back_as_if_never_added() {
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    let people = workspace.doc.project.people.len();
    let id = workspace.add_person();
    assert!(workspace.doc.is_dirty());
    // Still in the editor: kept.
    workspace.drop_unnamed_person(Some(id));
    assert_eq!(workspace.doc.project.people.len(), people + 1);
    // Gone elsewhere without typing a name: the addition is withdrawn.
    workspace.drop_unnamed_person(None);
    assert_eq!(workspace.doc.project.people.len(), people);
    assert!(!workspace.doc.is_dirty(), "back to the saved state");
    assert_eq!(workspace.doc.history.redo_label(), None, "nothing to redo");
    assert!(workspace.status.contains("without a name"));
}

#[test]
fn an_unnamed_person_with_other_fields_is_removed_in_one_undo_step() {
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    let people = workspace.doc.project.people.len();
    let id = workspace.add_person();
    let mut person = workspace.doc.project.person(id).cloned().expect("added");
    person.role = "Nurse".to_owned();
    workspace.edit(Edit::PutPerson(Box::new(person)), "Edit role", None);
    let steps = workspace.doc.history.undo_len();
    workspace.drop_unnamed_person(None);
    assert_eq!(workspace.doc.project.people.len(), people);
    assert_eq!(workspace.doc.history.undo_len(), steps + 1);
    workspace.undo_or_redo(true);
    assert!(
        workspace.doc.project.person(id).is_some(),
        "undo brings them back"
    );
}

#[test]
fn a_person_given_a_name_stays() {
    let (_dir, path) = saved(3);
    let mut workspace = opened(&path);
    let id = workspace.add_person();
    let mut person = workspace.doc.project.person(id).cloned().expect("added");
    person.name = "Rosa Díaz".to_owned();
    workspace.edit(Edit::PutPerson(Box::new(person)), "Edit name", None);
    workspace.drop_unnamed_person(None);
    assert!(workspace.doc.project.person(id).is_some());
    // Erasing the name later does not make them a new person again.
    let mut person = workspace.doc.project.person(id).cloned().expect("kept");
    person.name.clear();
    workspace.edit(Edit::PutPerson(Box::new(person)), "Edit name", None);
    workspace.drop_unnamed_person(None);
    assert!(workspace.doc.project.person(id).is_some());
}

#[test]
fn the_status_and_title_say_what_is_saved() {
    let mut workspace = Workspace::new(Workspace::demo_document());
    assert_eq!(workspace.doc.window_title(), "Demo project — Relational");
    assert!(workspace.doc.save_state().contains("Save As"));
    add_person(&mut workspace, "Rosa");
    assert_eq!(workspace.doc.window_title(), "• Demo project — Relational");
    let fresh = Document::new(
        crate::model::Project::new("Tenants", "Me", day()),
        None,
        Origin::New,
    );
    assert_eq!(
        fresh.save_state(),
        "Not saved yet",
        "never saved is not saved"
    );
    let (_dir, path) = saved(2);
    let mut opened = opened(&path);
    assert_eq!(opened.doc.save_state(), "Saved");
    add_person(&mut opened, "Ana");
    assert_eq!(opened.doc.save_state(), "Unsaved changes");
    opened.doc.mark_repaired();
    assert!(opened.doc.window_title().starts_with("• campaign.ron"));
}

#[test]
fn a_damaged_file_offers_its_backup_which_opens_in_its_place() {
    let (_dir, path) = saved(4);
    // A second save leaves the first as the backup; then the file is damaged.
    let mut workspace = opened(&path);
    add_person(&mut workspace, "Rosa Díaz");
    assert!(workspace.save(None).is_empty());
    drop(workspace);
    std::fs::write(&path, "(format_version: 1, people: [(id: 1, name: \"Tr").expect("damage");
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.open_path(&path);
    let [Prompt::BackupOffered { backup_holds, .. }] = prompts.as_slice() else {
        panic!("the backup is offered: {prompts:?}");
    };
    // The backup is the version before the last save.
    assert!(backup_holds.starts_with("4 people"), "{backup_holds}");
    assert_eq!(workspace.doc.origin, Origin::Demo, "nothing opened yet");
    assert!(workspace.proceed(Then::OpenBackup(path.clone())).is_empty());
    assert_eq!(workspace.doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(workspace.doc.project.people.len(), 4);
    assert!(workspace.doc.is_dirty(), "unsaved until saved");
    assert!(
        workspace.save(None).is_empty(),
        "saving over the damaged file needs no question"
    );
    assert_eq!(
        store::load(&path)
            .expect("sound again")
            .project
            .people
            .len(),
        4
    );
    let kept = std::fs::read_to_string(store::backup_path(&path)).expect("backup");
    assert!(
        kept.ends_with("name: \"Tr"),
        "the damaged file is kept as the backup"
    );
}

#[test]
fn a_damaged_file_without_a_backup_says_so_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "not a project").expect("write");
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.open_path(&path);
    assert!(
        matches!(prompts.as_slice(), [Prompt::Problem { .. }]),
        "{prompts:?}"
    );
}

/// Every ask's wording names the days, times and places of its fields.
fn wordings_agree_with_their_fields(project: &crate::model::Project, day: chrono::NaiveDate) {
    for meeting in project.meetings.values() {
        let Some(ask) = &meeting.ask else { continue };
        let said_on = meeting.date().unwrap_or(day);
        let found = crate::ask::disagreements(ask, &crate::ask::analyze(&ask.wording), said_on);
        assert!(found.is_empty(), "{day}: {:?} {found:?}", ask.wording);
    }
}

#[test]
fn the_demo_opens_around_any_today_with_meetings_ahead_and_to_debrief() {
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let last = chrono::NaiveDate::from_ymd_opt(2031, 12, 31).unwrap_or_default();
    while day <= last {
        let doc = Workspace::demo_document_on(day);
        assert!(!doc.is_dirty(), "moving the dates is not an edit");
        let now = day.and_hms_opt(10, 0, 0).unwrap_or_default();
        let next = doc
            .project
            .meetings
            .values()
            .filter(|m| m.is_open())
            .filter_map(|m| m.start)
            .filter(|start| *start > now)
            .min();
        assert!(next.is_some(), "no meeting ahead on {day}");
        let lists = crate::dashboard::follow_up_lists(&doc.project, now, 30);
        assert_eq!(lists.to_confirm.len(), 1, "tomorrow's call on {day}");
        assert_eq!(lists.to_debrief.len(), 0, "{day}");
        wordings_agree_with_their_fields(&doc.project, day);
        day += chrono::Duration::days(97);
    }
    wordings_agree_with_their_fields(&Workspace::demo_document().project, DEMO_TODAY);
    // The demo as written is around its own day.
    assert_eq!(
        Workspace::demo_document_on(DEMO_TODAY).project,
        Workspace::demo_document().project
    );
}
