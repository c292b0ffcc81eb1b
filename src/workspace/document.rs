//! The open project with its file, undo history and saved state.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::history::History;
use crate::model::Project;
use crate::store::FileStamp;

/// Where the open project came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Made with File → New; never saved.
    New,
    /// Read from or saved to a file.
    File,
    /// The demo shipped with the app: read-only, Save asks for a new path.
    Demo,
}

/// Tells documents apart, so caches from a closed one are never reused.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// Identifies the project state a cache was computed from: which document
/// (a new one for every open, new or restore) and its undo serial.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Revision {
    /// The document.
    pub generation: u64,
    /// The state of its undo history.
    pub serial: u64,
}

/// One open project.
pub struct Document {
    /// The project in memory.
    pub project: Project,
    /// The file it is saved to, if any.
    pub path: Option<PathBuf>,
    /// Where it came from.
    pub origin: Origin,
    /// Undo and redo.
    pub history: History,
    /// The history serial when last saved or opened.
    saved_serial: u64,
    /// The file as last read or written, to notice another program
    /// replacing it before a save overwrites that.
    pub disk_stamp: Option<FileStamp>,
    /// Restored from a recovery copy and not saved since: unsaved even
    /// before any edit.
    restored: bool,
    /// The passphrase the file and its copies are encrypted with; `None`
    /// for a plain project.
    pub protection: Option<crate::store::Protection>,
    /// The passphrase changed (or was set or removed) since the last save:
    /// the protection the `.bak` and recovery copies still have.
    pub reseal_pending: Option<Option<crate::store::Protection>>,
    /// The project shown is screen-share mode's copy (names as initials):
    /// caches keyed by the revision must not mix it with the real one.
    masked: bool,
    generation: u64,
}

impl Document {
    /// Wraps a project that was just opened or created.
    pub fn new(project: Project, path: Option<PathBuf>, origin: Origin) -> Self {
        Self {
            project,
            path,
            origin,
            history: History::default(),
            saved_serial: 0,
            disk_stamp: None,
            restored: false,
            protection: None,
            reseal_pending: None,
            masked: false,
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// A project brought back from a recovery copy: unsaved until saved.
    pub fn restored(
        project: Project,
        path: Option<PathBuf>,
        disk_stamp: Option<FileStamp>,
    ) -> Self {
        let origin = if path.is_some() {
            Origin::File
        } else {
            Origin::New
        };
        let mut doc = Self::new(project, path, origin);
        doc.disk_stamp = disk_stamp;
        doc.restored = true;
        doc
    }

    /// Opened with repairs: what is in memory differs from the file, so
    /// it is unsaved until saved.
    pub fn mark_repaired(&mut self) {
        self.restored = true;
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.restored || self.history.state_serial() != self.saved_serial
    }

    /// Records that the project was saved to `path`, which now looks like `stamp`.
    pub fn mark_saved(&mut self, path: &Path, stamp: FileStamp) {
        self.path = Some(path.to_path_buf());
        self.origin = Origin::File;
        self.saved_serial = self.history.state_serial();
        self.disk_stamp = Some(stamp);
        self.restored = false;
    }

    /// Identifies the current state for caches.
    pub fn revision(&self) -> Revision {
        // Generations count up from 1, so the top bit is free to tell the
        // masked copy's caches apart.
        let masked = if self.masked { 1 << 63 } else { 0 };
        Revision {
            generation: self.generation | masked,
            serial: self.history.state_serial(),
        }
    }

    /// Swaps in (or back out) screen-share mode's copy of the project.
    /// Only the window does this, around drawing; nothing is applied to
    /// the copy.
    pub fn swap_masked(&mut self, copy: &mut Project) {
        std::mem::swap(&mut self.project, copy);
        self.masked = !self.masked;
    }

    /// Whether the project shown is screen-share mode's copy.
    pub fn is_masked(&self) -> bool {
        self.masked
    }

    /// Tells this document apart from every other opened in this run.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// What the status bar says about saving.
    pub fn save_state(&self) -> &'static str {
        match (self.origin, self.is_dirty()) {
            (Origin::Demo, false) => "The demo: Save As keeps your changes",
            (Origin::Demo, true) => "Changes to the demo: Save As to keep them",
            (Origin::New, _) if self.path.is_none() => "Not saved yet",
            (_, true) => "Unsaved changes",
            (_, false) => "Saved",
        }
    }

    /// The window title: "• " marks unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { "• " } else { "" };
        format!("{marker}{} — Relational", self.display_name())
    }

    /// The name shown in the title and status bar.
    pub fn display_name(&self) -> String {
        match (&self.path, self.origin) {
            (_, Origin::Demo) => "Demo project".to_owned(),
            (Some(path), _) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            (None, _) => "Untitled project".to_owned(),
        }
    }

    /// The file name Save As suggests.
    pub fn suggested_file_name(&self) -> String {
        let name = self.project.info.name.trim();
        let stem: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let stem = if stem.trim_matches('_').is_empty() {
            "project".to_owned()
        } else {
            stem
        };
        format!("{stem}.ron")
    }
}
