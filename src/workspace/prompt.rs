//! What the workspace asks the organizer, and what it does once answered.

use std::path::PathBuf;

use crate::store::{LockOwner, Recovered};

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Start an empty project.
    NewProject,
    /// Open the demo project.
    OpenDemo,
    /// Ask which file to open.
    ChooseFileToOpen,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
    /// Restore the recovery copy in this file.
    RestoreCopy(PathBuf),
    /// Open the backup (`.bak`) of this project file, which could not be read.
    OpenBackup(PathBuf),
}

/// A question for the organizer, or news they must acknowledge. The window
/// turns each into a dialog; the workspace never opens one itself.
#[derive(Clone, Debug)]
pub enum Prompt {
    /// Save, discard or cancel before `then`.
    UnsavedChanges {
        /// What was asked for.
        then: Then,
    },
    /// Pick a project file to open.
    ChooseFileToOpen,
    /// Pick where to save, starting in `folder` with `name`.
    ChooseSavePath {
        /// The folder to start in.
        folder: Option<PathBuf>,
        /// The file name to suggest.
        name: String,
        /// What follows the save.
        then: Option<Then>,
    },
    /// A file exists where the project would be saved: replace it?
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
        /// Why it is read-only, when it is.
        read_only: Option<String>,
        /// What follows the save.
        then: Option<Then>,
    },
    /// The open file was replaced by another program since it was read.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What was to follow the save.
        then: Option<Then>,
    },
    /// The file is open in another running Relational.
    LockedElsewhere {
        /// The file.
        path: PathBuf,
        /// Who has it.
        owner: LockOwner,
    },
    /// A save failed; the project is still open.
    SaveFailed {
        /// What went wrong and what to do.
        body: String,
        /// What was to follow the save.
        then: Option<Then>,
    },
    /// A recovery copy of unsaved work: restore, compare or discard.
    RecoveryOffered {
        /// The copy.
        copy: Box<Recovered>,
    },
    /// The file opened with repairs or things it could not keep.
    Repaired {
        /// One line per repair.
        warnings: Vec<String>,
    },
    /// A project file could not be read; its backup can be, and may be opened.
    BackupOffered {
        /// The damaged file.
        path: PathBuf,
        /// Why it could not be read.
        body: String,
        /// What the backup holds ("25 people · 15 meetings · …").
        backup_holds: String,
    },
    /// The file is protected: ask for its passphrase (again, after a
    /// wrong one).
    AskPassphrase {
        /// The file.
        path: PathBuf,
        /// Open although another window holds it (already agreed).
        anyway: bool,
        /// Why it is asked again.
        problem: Option<String>,
    },
    /// Something went wrong; nothing was changed.
    Problem {
        /// Heading.
        title: String,
        /// What happened and what to do.
        body: String,
    },
}

impl Prompt {
    /// Whether it must be shown before a dialog already open (the open one
    /// comes back after).
    pub fn is_urgent(&self) -> bool {
        matches!(self, Prompt::UnsavedChanges { .. })
    }
}

/// Prompts in the order to show them.
pub type Prompts = Vec<Prompt>;
