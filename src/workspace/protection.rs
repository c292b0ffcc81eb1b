//! Passphrase protection of the open project and the window lock: setting,
//! changing and removing the passphrase (the file, its `.bak` and its
//! recovery copies follow), and hiding the window after idle minutes.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{Prompts, Workspace};
use crate::store::{self, Passphrase, Protection};

/// Locks the window after a stretch without input.
#[derive(Clone, Debug, Default)]
pub struct IdleLock {
    last_activity: Option<Instant>,
    locked: bool,
}

impl IdleLock {
    /// The organizer did something at `now`.
    pub fn activity(&mut self, now: Instant) {
        self.last_activity = Some(now);
    }

    /// Whether the window is locked.
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// How long until the lock falls after `after` idle, if it will; locks
    /// when due. `after` of `None` turns the automatic lock off.
    pub fn tick(&mut self, now: Instant, after: Option<Duration>) -> Option<Duration> {
        let after = after?;
        if self.locked {
            return None;
        }
        let since = *self.last_activity.get_or_insert(now);
        let idle = now.saturating_duration_since(since);
        if idle >= after {
            self.locked = true;
            None
        } else {
            Some(after - idle)
        }
    }

    fn lock(&mut self) {
        self.locked = true;
    }

    fn unlock(&mut self, now: Instant) {
        self.locked = false;
        self.last_activity = Some(now);
    }
}

impl Workspace {
    /// Protects the project with `passphrase`, or changes it: saved now
    /// as an age file (a project without a file asks where), and its
    /// `.bak` and recovery copies encrypted the same way.
    pub fn protect(&mut self, passphrase: Passphrase) -> Prompts {
        self.protect_with(Protection::new(passphrase))
    }

    /// [`Self::protect`] with a prepared protection (tests choose a cheap
    /// key derivation).
    pub fn protect_with(&mut self, protection: Protection) -> Prompts {
        let changing = self.doc.protection.is_some();
        let old = self.doc.protection.replace(protection);
        self.after_protection_change(
            old,
            if changing {
                "Passphrase changed"
            } else {
                "Protected with a passphrase"
            },
        )
    }

    /// Saves the project as plain text again (its `.bak` and copies too).
    pub fn remove_protection(&mut self) -> Prompts {
        let Some(old) = self.doc.protection.take() else {
            self.status = "This project has no passphrase".to_owned();
            return Vec::new();
        };
        self.after_protection_change(Some(old), "Protection removed: the file is plain text")
    }

    fn after_protection_change(&mut self, old: Option<Protection>, done: &str) -> Prompts {
        // The file on disk differs from what is wanted until it is written.
        self.doc.mark_repaired();
        self.doc.reseal_pending = Some(old);
        let Some(path) = self.open_file() else {
            self.status = format!("{done}: choose where to save the project");
            return self.save_as(None);
        };
        let prompts = self.save_to(&path, None);
        if !self.doc.is_dirty() {
            self.status = format!("{done}: {} saved", path.display());
        }
        prompts
    }

    /// After a save: if the passphrase changed since the last one, the
    /// `.bak` and this file's recovery copies are rewritten with it.
    pub(super) fn reseal_after_save(&mut self, path: &Path) {
        let Some(old) = self.doc.reseal_pending.take() else {
            return;
        };
        let from = old.as_ref().map(Protection::passphrase);
        let to = self.doc.protection.as_ref();
        let mut failed = Vec::new();
        let backup = store::backup_path(path);
        if backup.is_file()
            && let Err(error) = store::reseal(&backup, from, to)
        {
            failed.push(format!("{}: {error}", backup.display()));
        }
        if let Some(recovery) = &self.recovery.store {
            for slot in store::recovery::copies_of_file(recovery.dir(), path) {
                if let Err(error) = store::reseal(&slot, from, to) {
                    failed.push(format!("{}: {error}", slot.display()));
                }
            }
        }
        if !failed.is_empty() {
            self.status = format!(
                "Saved, but {} could not be rewritten: {}",
                crate::words::count(failed.len(), "copy", "copies"),
                failed.join("; ")
            );
        }
    }

    /// Whether the window is locked.
    pub fn is_locked(&self) -> bool {
        self.idle_lock.is_locked()
    }

    /// Locks the window now (a protected project only: unlocking needs
    /// its passphrase).
    pub fn lock_window(&mut self) {
        if self.doc.protection.is_some() {
            self.idle_lock.lock();
        } else {
            self.status = "Only a project with a passphrase can be locked".to_owned();
        }
    }

    /// Unlocks with the typed passphrase; `false` when it is wrong.
    pub fn unlock(&mut self, typed: &Passphrase, now: Instant) -> bool {
        let right = self
            .doc
            .protection
            .as_ref()
            .is_none_or(|protection| protection.passphrase().matches_passphrase(typed));
        if right {
            self.idle_lock.unlock(now);
        }
        right
    }

    /// Once a frame with whether there was input: locks a protected
    /// project after the idle minutes of the settings. Returns when to
    /// look again.
    pub fn tick_idle_lock(&mut self, now: Instant, input: bool) -> Option<Duration> {
        if input && !self.idle_lock.is_locked() {
            self.idle_lock.activity(now);
        }
        self.doc.protection.as_ref()?;
        let after = self
            .settings
            .auto_lock_minutes
            .filter(|&minutes| minutes > 0)
            .map(|minutes| Duration::from_secs(u64::from(minutes) * 60));
        self.idle_lock.tick(now, after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Person};
    use crate::store::RecoveryStore;
    use crate::workspace::{Prompt, absolute};
    use std::path::PathBuf;

    /// Cheap to derive, so tests stay fast; the format is the same.
    fn quick(passphrase: &str) -> Protection {
        Protection::with_work_factor(Passphrase::new(passphrase), 10)
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    /// A plain saved project, opened, with recovery copies in `data`.
    fn opened_plain(dir: &Path) -> (Workspace, PathBuf, PathBuf) {
        let path = absolute(&dir.join("drive.ron"));
        store::save(&crate::synth::generate(6, 2), &path).expect("save");
        let data = dir.join("data");
        let mut workspace = Workspace::new(Workspace::demo_document());
        let _ = workspace.enable_recovery(RecoveryStore::new(&data));
        assert!(workspace.open_path(&path).is_empty());
        (workspace, path, data)
    }

    fn add_person(workspace: &mut Workspace, name: &str) {
        let id = workspace.doc.project.new_person_id();
        let person = Person::new(id, name, day());
        workspace.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
    }

    /// Every file under `dir` whose bytes hold `text`.
    fn files_holding(dir: &Path, text: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if std::fs::read(&path)
                    .is_ok_and(|bytes| bytes.windows(text.len()).any(|w| w == text.as_bytes()))
                {
                    found.push(path);
                }
            }
        }
        found
    }

    #[test]
    fn protect_then_open_asks_for_the_passphrase_and_a_wrong_one_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, path, _) = opened_plain(dir.path());
        assert!(
            workspace
                .protect_with(quick("long enough words"))
                .is_empty()
        );
        assert!(!workspace.doc.is_dirty(), "protecting saves");
        let bytes = std::fs::read(&path).expect("file");
        assert!(store::crypto::is_encrypted(&bytes));
        drop(workspace);
        let mut reopened = Workspace::new(Workspace::demo_document());
        let demo_people = reopened.doc.project.people.len();
        let asked = reopened.open_path(&path);
        assert!(
            matches!(&asked[..], [Prompt::AskPassphrase { problem: None, .. }]),
            "{asked:?}"
        );
        let wrong = reopened.open_with_passphrase(&path, Passphrase::new("nope"), false);
        assert!(
            matches!(
                &wrong[..],
                [Prompt::AskPassphrase {
                    problem: Some(_),
                    ..
                }]
            ),
            "{wrong:?}"
        );
        assert_eq!(
            reopened.doc.project.people.len(),
            demo_people,
            "nothing opened"
        );
        assert_eq!(
            std::fs::read(&path).expect("file"),
            bytes,
            "nothing written"
        );
        let right =
            reopened.open_with_passphrase(&path, Passphrase::new("long enough words"), false);
        assert!(right.is_empty(), "{right:?}");
        assert_eq!(reopened.doc.project.people.len(), 6);
        assert!(reopened.doc.protection.is_some(), "saves stay protected");
    }

    #[test]
    fn no_name_reaches_the_disk_in_plain_text_once_protected() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, path, data) = opened_plain(dir.path());
        let earlier_name = workspace
            .doc
            .project
            .people
            .values()
            .map(|p| p.name.clone())
            .find(|name| name.len() > 6)
            .expect("a generated name");
        assert!(!files_holding(dir.path(), &earlier_name).is_empty());
        assert!(
            workspace
                .protect_with(quick("correct horse battery"))
                .is_empty()
        );
        let secret = "Wiesława Zielińska-Quark";
        add_person(&mut workspace, secret);
        workspace.write_recovery_now().expect("recovery copy");
        assert!(data.read_dir().expect("data folder").count() > 0);
        for name in [secret, &earlier_name] {
            assert_eq!(
                files_holding(dir.path(), name),
                Vec::<PathBuf>::new(),
                "{name}"
            );
        }
        assert!(workspace.save(None).is_empty());
        assert!(store::backup_path(&path).is_file());
        assert!(store::lock_path(&path).is_file());
        for name in [secret, &earlier_name] {
            assert_eq!(
                files_holding(dir.path(), name),
                Vec::<PathBuf>::new(),
                "{name}"
            );
        }
    }

    #[test]
    fn protecting_encrypts_the_backup_and_earlier_recovery_copies() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, path, data) = opened_plain(dir.path());
        // A plain copy a crashed window left, and a plain .bak.
        add_person(&mut workspace, "Copy Keeper");
        let store = RecoveryStore::new(&data);
        let left = store.slot_for_file(&path, "1-1-1");
        store
            .write(&left, Some(&path), &workspace.doc.project, None)
            .expect("copy");
        assert!(workspace.save(None).is_empty());
        assert!(!files_holding(dir.path(), "Copy Keeper").is_empty());
        assert!(workspace.protect_with(quick("pass phrase here")).is_empty());
        assert_eq!(
            files_holding(dir.path(), "Copy Keeper"),
            Vec::<PathBuf>::new()
        );
        let passphrase = Passphrase::new("pass phrase here");
        let backup = store::load_protected(&store::backup_path(&path), Some(&passphrase));
        assert!(backup.expect("backup opens").protection.is_some());
        let copy = store
            .read_with(&left, Some(&passphrase))
            .expect("copy opens");
        assert!(
            copy.project
                .people
                .values()
                .any(|p| p.name == "Copy Keeper")
        );
    }

    #[test]
    fn changing_and_removing_the_passphrase_rewrites_the_file_and_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, path, _) = opened_plain(dir.path());
        assert!(workspace.protect_with(quick("first passphrase")).is_empty());
        assert!(
            workspace
                .protect_with(quick("second passphrase"))
                .is_empty()
        );
        for file in [path.clone(), store::backup_path(&path)] {
            let old = store::load_protected(&file, Some(&Passphrase::new("first passphrase")));
            assert!(
                old.is_err(),
                "{} still opens with the old one",
                file.display()
            );
            let new = store::load_protected(&file, Some(&Passphrase::new("second passphrase")));
            assert!(new.is_ok(), "{}", file.display());
        }
        assert!(workspace.remove_protection().is_empty());
        for file in [path.clone(), store::backup_path(&path)] {
            assert!(
                store::load(&file).is_ok(),
                "{} is plain again",
                file.display()
            );
        }
    }

    #[test]
    fn a_crashed_protected_window_offers_its_copy_after_the_passphrase() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut crashed, path, data) = opened_plain(dir.path());
        assert!(crashed.protect_with(quick("my passphrase")).is_empty());
        add_person(&mut crashed, "Unsaved Person");
        crashed.write_recovery_now().expect("copy");
        let _ = crashed.recovery.slot.take();
        drop(crashed);
        let mut next = Workspace::new(Workspace::demo_document());
        let _ = next.enable_recovery(RecoveryStore::new(&data));
        let prompts = next.open_with_passphrase(&path, Passphrase::new("my passphrase"), false);
        let Some(Prompt::RecoveryOffered { copy }) = prompts.into_iter().next() else {
            panic!("the copy is offered");
        };
        assert!(copy.protection.is_some());
        let _ = next.restore(*copy);
        assert!(
            next.doc.protection.is_some(),
            "the restored work stays protected"
        );
        assert!(
            next.doc
                .project
                .people
                .values()
                .any(|p| p.name == "Unsaved Person")
        );
    }

    #[test]
    fn the_window_unlocks_only_with_the_passphrase() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, _, _) = opened_plain(dir.path());
        workspace.lock_window();
        assert!(!workspace.is_locked(), "a plain project cannot be locked");
        assert!(workspace.protect_with(quick("let me in please")).is_empty());
        workspace.settings.auto_lock_minutes = Some(5);
        let start = Instant::now();
        assert!(workspace.tick_idle_lock(start, true).is_some());
        let later = start + Duration::from_secs(301);
        assert_eq!(workspace.tick_idle_lock(later, false), None);
        assert!(workspace.is_locked());
        assert!(!workspace.unlock(&Passphrase::new("wrong"), later));
        assert!(workspace.is_locked());
        assert!(workspace.unlock(&Passphrase::new("let me in please"), later));
        assert!(!workspace.is_locked());
    }

    #[test]
    fn idle_lock_falls_after_the_idle_time_and_input_delays_it() {
        let start = Instant::now();
        let minute = Duration::from_secs(60);
        let mut lock = IdleLock::default();
        assert_eq!(lock.tick(start, Some(5 * minute)), Some(5 * minute));
        lock.activity(start + 3 * minute);
        assert_eq!(
            lock.tick(start + 6 * minute, Some(5 * minute)),
            Some(2 * minute)
        );
        assert!(!lock.is_locked());
        assert_eq!(lock.tick(start + 8 * minute, Some(5 * minute)), None);
        assert!(lock.is_locked());
        lock.unlock(start + 9 * minute);
        assert!(!lock.is_locked());
        assert_eq!(lock.tick(start + 9 * minute, None), None);
        assert!(!lock.is_locked(), "off never locks");
    }
}
