//! Keeping the organizer's work safe while it is unsaved: recovery copies
//! written in the background, offered back after a crash, restored into
//! this session's own copy.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Document, Origin, Prompt, Prompts, Workspace};
use crate::store::{self, LockOutcome, Recovered, RecoverySchedule, RecoveryStore};

/// How the workspace writes a project file's bytes; tests swap it for one
/// that fails part-way, as a full disk would.
pub type SaveWriter = fn(&mut dyn std::io::Write, &[u8]) -> std::io::Result<()>;

/// The normal writer: all the bytes.
pub fn write_all(file: &mut dyn std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)
}

/// Called from the writer thread when a copy is done, so the window wakes
/// up to collect the result.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

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
    /// Wakes the window when a background copy is done.
    pub wake: Option<Wake>,
    /// A copy being written in the background, and when it started.
    writer: Option<(JoinHandle<std::io::Result<()>>, Instant)>,
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
            wake: None,
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
    pub(super) fn finish_writing(&mut self) -> Option<std::io::Error> {
        let (handle, _) = self.writer.take()?;
        match handle.join() {
            Ok(Ok(())) => None,
            Ok(Err(error)) => Some(error),
            Err(_) => Some(std::io::Error::other("the recovery writer stopped")),
        }
    }

    /// Removes the document's copy: it was saved or deliberately discarded.
    pub(super) fn remove_copy(&mut self) {
        self.finish_writing();
        if let Some(slot) = &self.slot {
            store::recovery::remove(slot);
        }
        self.wrote = false;
    }
}

impl Workspace {
    /// Turns on recovery copies in `store`; returns the copy of a
    /// never-saved project that an ended run left there, to offer.
    pub fn enable_recovery(&mut self, store: RecoveryStore) -> Prompts {
        let wake = self.recovery.wake.take();
        self.recovery = Recovery::new(Some(store));
        self.recovery.wake = wake;
        self.switch_recovery_to();
        self.offer_untitled_recovery()
    }

    /// Once a frame: collects a finished copy (a failed one is tried again
    /// later), writes a copy when one is due, removes it when the project
    /// is back to its saved state. Returns when to look again.
    pub fn tick_recovery(&mut self, now: Instant) -> Option<Duration> {
        self.recovery.store.as_ref()?;
        let finished = self
            .recovery
            .writer
            .as_ref()
            .is_some_and(|(handle, _)| handle.is_finished());
        if finished {
            let started = self.recovery.writer.as_ref().map_or(now, |(_, at)| *at);
            if let Some(error) = self.recovery.finish_writing() {
                self.copy_failed(&error, started);
            }
        }
        let dirty = self.doc.is_dirty();
        self.recovery
            .schedule
            .observe(self.doc.history.state_serial(), dirty, now);
        if !dirty {
            if self.recovery.wrote {
                self.recovery.remove_copy();
            }
            return None;
        }
        match self.recovery.schedule.wait(now) {
            Some(wait) if wait.is_zero() => {
                self.start_recovery_copy(now);
                None
            }
            wait => wait,
        }
    }

    fn copy_failed(&mut self, error: &std::io::Error, started: Instant) {
        self.status = format!("Could not write the recovery copy (trying again soon): {error}");
        self.recovery.schedule.failed(started);
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
        let original = self.open_file();
        let protection = self.doc.protection.clone();
        let wake = self.recovery.wake.clone();
        let handle = std::thread::spawn(move || {
            let result = store.write(&slot, original.as_deref(), &project, protection.as_ref());
            if let Some(wake) = wake {
                wake();
            }
            result
        });
        self.recovery.writer = Some((handle, now));
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
        let now = Instant::now();
        let written = store.write(
            slot,
            self.open_file().as_deref(),
            &self.doc.project,
            self.doc.protection.as_ref(),
        );
        if let Err(error) = written {
            self.recovery.schedule.failed(now);
            return Err(error);
        }
        self.recovery
            .schedule
            .written(self.doc.history.state_serial(), now);
        self.recovery.wrote = true;
        Ok(())
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
        self.switch_recovery_to();
    }

    /// Offers a newer recovery copy of `path`, and names damaged ones.
    pub(super) fn offer_recovery_for(&mut self, path: &Path) -> Prompts {
        let Some(store) = &self.recovery.store else {
            return Vec::new();
        };
        let passphrase = self.doc.protection.as_ref().map(|p| p.passphrase());
        let mut prompts = damaged_copies_prompt(store.damaged_copies_of(
            Some(path),
            &self.recovery.session,
            passphrase,
        ));
        if let Some(copy) = store.offer_for_file(path, &self.recovery.session, passphrase) {
            prompts.push(Prompt::RecoveryOffered {
                copy: Box::new(copy),
            });
        }
        prompts
    }

    /// On start: offers the newest copy of a project never saved that a
    /// run which ended without saving left behind.
    fn offer_untitled_recovery(&mut self) -> Prompts {
        let Some(store) = &self.recovery.store else {
            return Vec::new();
        };
        let mut prompts =
            damaged_copies_prompt(store.damaged_copies_of(None, &self.recovery.session, None));
        if let Some(copy) = store
            .offers_untitled(&self.recovery.session)
            .into_iter()
            .next()
        {
            prompts.push(Prompt::RecoveryOffered {
                copy: Box::new(copy),
            });
        }
        prompts
    }

    /// Restores `copy` once the open project's changes are saved or
    /// discarded, so one restore never throws away another.
    pub fn restore_when_safe(&mut self, copy: Recovered) -> Prompts {
        if self.doc.is_dirty() {
            vec![Prompt::UnsavedChanges {
                then: super::Then::RestoreCopy(copy.slot),
            }]
        } else {
            self.restore(copy)
        }
    }

    /// Reads the copy in `slot` again and restores it (after the guard).
    pub(super) fn restore_from_slot(&mut self, slot: &Path) -> Prompts {
        let Some(store) = &self.recovery.store else {
            return Vec::new();
        };
        let passphrase = self.doc.protection.as_ref().map(|p| p.passphrase());
        match store.read_with(slot, passphrase) {
            Ok(copy) => self.restore(copy),
            Err(error) => vec![Prompt::Problem {
                title: "The recovery copy could not be read".to_owned(),
                body: format!("{} The copy is kept.", store::LoadError::new(slot, error)),
            }],
        }
    }

    /// Opens a recovery copy as the current project, unsaved. It goes back
    /// to the file it came from (by its absolute path, whatever the current
    /// folder); a missing file is said, and Save asks where. The work moves
    /// into this session's own copy first; only once that is written is
    /// the old copy deleted.
    pub fn restore(&mut self, copy: Recovered) -> Prompts {
        let Recovered {
            slot,
            original,
            project,
            warnings,
            protection,
            ..
        } = copy;
        let mut prompts = Vec::new();
        let open_file = self.open_file();
        let (path, stamp, keep_lock) = match (original, open_file) {
            (Some(original), Some(open)) if super::paths::same_file(&original, &open) => {
                (Some(open), self.doc.disk_stamp, self.lock.take())
            }
            (Some(original), _) if original.is_absolute() && original.is_file() => {
                let stamp = std::fs::read(&original)
                    .ok()
                    .map(|bytes| store::FileStamp::of(&original, &bytes));
                match store::lock(&original) {
                    LockOutcome::Locked { lock, .. } => (Some(original), stamp, Some(lock)),
                    LockOutcome::Unavailable(_) => (Some(original), stamp, None),
                    // Saving there would overwrite the other window's work:
                    // the copy opens untitled, and Save asks where.
                    LockOutcome::HeldElsewhere(_) => {
                        prompts.push(held_elsewhere_prompt(&original));
                        (None, None, None)
                    }
                }
            }
            (Some(original), _) => {
                prompts.push(missing_original_prompt(&original));
                (None, None, None)
            }
            (None, _) => (None, None, None),
        };
        let mut doc = Document::restored(project, path, stamp);
        doc.protection = protection;
        self.replace_document(doc);
        self.lock = keep_lock;
        if let Err(error) = self.write_recovery_now() {
            self.status = format!("Restored, but the recovery copy stays as it was: {error}");
            return prompts;
        }
        store::recovery::remove(&slot);
        self.status = if warnings.is_empty() {
            "Restored the recovery copy: save to keep it".to_owned()
        } else {
            format!(
                "Restored the recovery copy with {}: save to keep it",
                crate::words::count(warnings.len(), "repair", "repairs")
            )
        };
        prompts
    }

    /// Deletes a recovery copy the organizer does not want.
    pub fn discard_offered_copy(&mut self, slot: &Path) {
        store::recovery::remove(slot);
        self.status = "Recovery copy discarded".to_owned();
    }
}

/// The copy's file is gone (or was stored by a relative path that cannot
/// be trusted): say so; Save asks where.
fn missing_original_prompt(original: &Path) -> Prompt {
    Prompt::Problem {
        title: "The copy's file is not there".to_owned(),
        body: format!(
            "This work belonged to {}, which is not there now (moved, renamed or on a \
             drive that is not connected). It is open as an untitled project: use Save As \
             in the File menu to put it where you want.",
            original.display()
        ),
    }
}

/// The copy's file is open in another window now.
fn held_elsewhere_prompt(original: &Path) -> Prompt {
    Prompt::Problem {
        title: "The copy's file is open in another window".to_owned(),
        body: format!(
            "{} is open in another Relational window, so the recovered work is open here \
             as an untitled project, and saving cannot replace the other window's work. Use \
             Save As in the File menu to keep it in a file of its own.",
            original.display()
        ),
    }
}

/// Damaged recovery copies are kept and named, never silently skipped.
fn damaged_copies_prompt(damaged: Vec<(PathBuf, String)>) -> Prompts {
    if damaged.is_empty() {
        return Vec::new();
    }
    let lines: Vec<String> = damaged
        .iter()
        .map(|(_, reason)| format!("• {reason}"))
        .collect();
    vec![Prompt::Problem {
        title: "A recovery copy could not be read".to_owned(),
        body: format!(
            "These recovery copies are damaged and cannot be offered back. They are kept \
             where they are, untouched:\n\n{}",
            lines.join("\n")
        ),
    }]
}
