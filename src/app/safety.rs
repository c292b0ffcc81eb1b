//! Keeping the organizer's work safe: recovery copies while there are
//! unsaved changes, the lock beside an open file, and noticing a file
//! replaced on disk before a save overwrites it.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Instant;

use super::{Document, Modal, Origin, RelationalApp};
use crate::store::{self, LockOutcome, Recovered, RecoverySchedule, RecoveryStore};

/// How the app writes a project file's bytes; tests swap it for one that
/// fails part-way, as a full disk would.
pub type SaveWriter = fn(&mut dyn std::io::Write, &[u8]) -> std::io::Result<()>;

/// The normal writer: all the bytes.
pub fn write_all(file: &mut dyn std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)
}

/// Recovery copies of the open document.
pub struct Recovery {
    /// Where copies go; `None` turns recovery off (no data folder).
    pub store: Option<RecoveryStore>,
    /// This run's name, for copies of never-saved projects.
    pub session: String,
    /// The open document's copy.
    pub slot: Option<PathBuf>,
    /// When to write the next copy.
    pub schedule: RecoverySchedule,
    /// A copy being written in the background.
    writer: Option<JoinHandle<std::io::Result<()>>>,
    /// Whether this run wrote a copy into `slot` since the last save.
    wrote: bool,
}

impl Recovery {
    /// Recovery in `store`, or off.
    pub fn new(store: Option<RecoveryStore>) -> Self {
        Self {
            store,
            session: store::recovery::session_name(),
            slot: None,
            schedule: RecoverySchedule::default(),
            writer: None,
            wrote: false,
        }
    }

    /// The slot a document's copies go to.
    fn slot_for(&self, doc: &Document) -> Option<PathBuf> {
        let store = self.store.as_ref()?;
        Some(match (&doc.path, doc.origin) {
            (Some(path), Origin::File) => store.slot_for_file(path, &self.session),
            _ => store.slot_for_untitled(&self.session),
        })
    }

    /// Waits for a copy being written, so it cannot land after a removal.
    fn finish_writing(&mut self) -> Option<std::io::Error> {
        let handle = self.writer.take()?;
        match handle.join() {
            Ok(Ok(())) => None,
            Ok(Err(error)) => Some(error),
            Err(_) => Some(std::io::Error::other("the recovery writer stopped")),
        }
    }

    /// Removes the document's copy: it was saved or deliberately discarded.
    fn remove_copy(&mut self) {
        self.finish_writing();
        if let Some(slot) = &self.slot {
            store::recovery::remove(slot);
        }
        self.wrote = false;
    }
}

impl RelationalApp {
    /// Once a frame: writes a recovery copy when one is due, removes it
    /// when the project is back to its saved state, and wakes the app up
    /// when the next copy will be due.
    pub(super) fn tick_recovery(&mut self, ctx: &egui::Context) {
        if self.recovery.store.is_none() {
            return;
        }
        if self
            .recovery
            .writer
            .as_ref()
            .is_some_and(JoinHandle::is_finished)
            && let Some(error) = self.recovery.finish_writing()
        {
            self.status = format!("Could not write the recovery copy: {error}");
        }
        let now = Instant::now();
        let dirty = self.doc.is_dirty();
        self.recovery
            .schedule
            .observe(self.doc.history.state_serial(), dirty, now);
        if !dirty {
            if self.recovery.wrote {
                self.recovery.remove_copy();
            }
            return;
        }
        match self.recovery.schedule.wait(now) {
            Some(wait) if wait.is_zero() => self.start_recovery_copy(now),
            Some(wait) => ctx.request_repaint_after(wait),
            None => {}
        }
    }

    /// Writes the copy on another thread from a snapshot of the project.
    fn start_recovery_copy(&mut self, now: Instant) {
        if self.recovery.writer.is_some() {
            return;
        }
        let (Some(store), Some(slot)) = (self.recovery.store.clone(), self.recovery.slot.clone())
        else {
            return;
        };
        let project = self.doc.project.clone();
        let original = self.original_path();
        let ctx = self.ctx.clone();
        self.recovery.writer = Some(std::thread::spawn(move || {
            let result = store.write(&slot, original.as_deref(), &project);
            // Wake the app to collect the result (and report a failure).
            ctx.request_repaint();
            result
        }));
        self.recovery
            .schedule
            .written(self.doc.history.state_serial(), now);
        self.recovery.wrote = true;
    }

    /// Writes the recovery copy now, on this thread (tests, and before
    /// anything that could lose the work).
    pub fn write_recovery_now(&mut self) -> std::io::Result<()> {
        self.recovery.finish_writing();
        let (Some(store), Some(slot)) = (&self.recovery.store, &self.recovery.slot) else {
            return Ok(());
        };
        store.write(slot, self.original_path().as_deref(), &self.doc.project)?;
        self.recovery
            .schedule
            .written(self.doc.history.state_serial(), Instant::now());
        self.recovery.wrote = true;
        Ok(())
    }

    fn original_path(&self) -> Option<PathBuf> {
        match self.doc.origin {
            Origin::File => self.doc.path.clone(),
            _ => None,
        }
    }

    /// After switching documents: the old document's copy goes (it was
    /// saved, or its changes discarded; slots are this session's own, so
    /// no other window's copy is touched), and later copies go to the new
    /// document's slot.
    pub(super) fn switch_recovery_to(&mut self) {
        self.recovery.remove_copy();
        self.recovery.slot = self.recovery.slot_for(&self.doc);
        self.recovery.schedule = RecoverySchedule::default();
    }

    /// After a successful save: the copy is no longer needed, and later
    /// copies follow the file's new name.
    pub(super) fn recovery_after_save(&mut self) {
        self.recovery.remove_copy();
        self.recovery.slot = self.recovery.slot_for(&self.doc);
        self.recovery.schedule = RecoverySchedule::default();
    }

    /// The changes were discarded on purpose (closing without saving).
    pub(super) fn discard_recovery_copy(&mut self) {
        self.recovery.remove_copy();
    }

    /// Offers a newer recovery copy of `path`, if there is one.
    pub(super) fn offer_recovery_for(&mut self, path: &Path) {
        let Some(store) = &self.recovery.store else {
            return;
        };
        if let Some(copy) = store.offer_for_file(path, &self.recovery.session) {
            self.show_modal(Modal::Recovery {
                copy: Box::new(copy),
                comparison: None,
            });
        }
    }

    /// On start: offers the newest copy of a project never saved that a
    /// run which ended without saving left behind.
    pub(super) fn offer_untitled_recovery(&mut self) {
        let Some(store) = &self.recovery.store else {
            return;
        };
        if let Some(copy) = store
            .offers_untitled(&self.recovery.session)
            .into_iter()
            .next()
        {
            self.show_modal(Modal::Recovery {
                copy: Box::new(copy),
                comparison: None,
            });
        }
    }

    /// Opens a recovery copy as the current project, unsaved. The work
    /// moves into this session's own copy first; only once that is written
    /// is the old copy deleted.
    pub(super) fn restore(&mut self, copy: Recovered) {
        let Recovered {
            slot,
            original,
            project,
            warnings,
            ..
        } = copy;
        let open_file = self
            .doc
            .path
            .clone()
            .filter(|_| self.doc.origin == Origin::File);
        let (path, stamp, keep_lock) = match (original, open_file) {
            (Some(original), Some(open)) if same_file(&original, &open) => {
                (Some(open), self.doc.disk_stamp, self.lock.take())
            }
            // Its file is on disk but not open: the copy goes back to it.
            (Some(original), _) if original.is_file() => {
                let stamp = std::fs::read(&original)
                    .ok()
                    .map(|bytes| store::FileStamp::of(&original, &bytes));
                let lock = match store::lock(&original) {
                    LockOutcome::Locked { lock, .. } => Some(lock),
                    _ => None,
                };
                (Some(original), stamp, lock)
            }
            // An untitled copy, or its file is gone: Save asks where.
            _ => (None, None, None),
        };
        let doc = Document::restored(project, path, stamp);
        self.replace_document(doc);
        self.lock = keep_lock;
        match self.write_recovery_now() {
            Ok(()) => store::recovery::remove(&slot),
            Err(error) => {
                self.status = format!("Restored, but the recovery copy stays as it was: {error}");
                return;
            }
        }
        self.status = if warnings.is_empty() {
            "Restored the recovery copy: save to keep it".to_owned()
        } else {
            format!(
                "Restored the recovery copy with {} repair(s): save to keep it",
                warnings.len()
            )
        };
    }

    /// Restores the copy in `slot` once the open project's changes are
    /// saved or discarded, so one restore never throws away another.
    pub(super) fn restore_when_safe(&mut self, copy: Recovered) {
        if self.doc.is_dirty() {
            self.show_modal_first(Modal::UnsavedChanges {
                then: super::AfterGuard::RestoreCopy(copy.slot),
            });
        } else {
            self.restore(copy);
        }
    }

    /// Reads the copy in `slot` again and restores it (after the guard).
    pub(super) fn restore_from_slot(&mut self, slot: &Path) {
        let Some(store) = &self.recovery.store else {
            return;
        };
        match store.read(slot) {
            Ok(copy) => self.restore(copy),
            Err(error) => {
                self.status = format!("The recovery copy could not be read: {error:?}");
            }
        }
    }

    /// Deletes a recovery copy the organizer does not want.
    pub(super) fn discard_offered_copy(&mut self, slot: &Path) {
        store::recovery::remove(slot);
        self.status = "Recovery copy discarded".to_owned();
    }

    /// Takes the lock beside `path` before opening it; if another running
    /// Relational holds it, asks first (and returns `None`).
    pub(super) fn lock_before_opening(&mut self, path: &Path) -> Option<LockSlot> {
        match store::lock(path) {
            LockOutcome::Locked {
                lock,
                replaced_stale,
            } => Some(LockSlot {
                lock: Some(lock),
                replaced_stale,
            }),
            LockOutcome::HeldElsewhere(owner) => {
                self.show_modal(Modal::LockedElsewhere {
                    path: path.to_path_buf(),
                    owner,
                });
                None
            }
            // A read-only folder: open without a lock.
            LockOutcome::Unavailable(_) => Some(LockSlot {
                lock: None,
                replaced_stale: false,
            }),
        }
    }

    /// Takes the lock of a file opened although another window has it.
    pub(super) fn lock_anyway(&mut self, path: &Path) -> Option<store::ProjectLock> {
        match store::lock_anyway(path) {
            LockOutcome::Locked { lock, .. } => Some(lock),
            _ => None,
        }
    }

    /// After Save As to a new file: the lock moves with the project.
    pub(super) fn relock(&mut self, path: &Path) {
        if self
            .lock
            .as_ref()
            .is_some_and(|lock| lock.path() == store::lock_path(path))
        {
            return;
        }
        self.lock = None;
        if let LockOutcome::Locked { lock, .. } = store::lock(path) {
            self.lock = Some(lock);
        }
    }

    /// Whether the file at `path` (the open one) was replaced by another
    /// program since it was opened or saved.
    pub(super) fn replaced_on_disk(&self, path: &Path) -> bool {
        self.doc.path.as_deref() == Some(path)
            && self.doc.origin == Origin::File
            && self
                .doc
                .disk_stamp
                .is_some_and(|stamp| stamp.changed_on_disk(path))
    }

    /// Before the window goes: the lock is removed and a copy being
    /// written is finished.
    pub(super) fn shut_down(&mut self) {
        self.recovery.finish_writing();
        self.lock = None;
    }
}

/// Whether two paths name the same file (through links or relative paths).
fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    canonical(a) == canonical(b)
}

/// A lock taken for a file about to be opened.
pub struct LockSlot {
    /// The lock, if one could be written.
    pub lock: Option<store::ProjectLock>,
    /// A crashed session's lock was replaced.
    pub replaced_stale: bool,
}
