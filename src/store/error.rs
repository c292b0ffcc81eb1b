//! Errors from loading and saving, worded for the organizer.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a project file could not be opened. The current project is untouched.
#[derive(Debug)]
pub struct LoadError {
    /// The file that failed.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// The kinds of load failure.
#[derive(Debug)]
pub enum LoadErrorKind {
    /// The operating system refused (missing file, no permission, …).
    Io(std::io::Error),
    /// A folder, device or pipe was given instead of a file.
    NotAFile,
    /// The file is larger than any project could reasonably be.
    TooLarge {
        /// Size of the file.
        bytes: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// The file is empty or only whitespace.
    Empty,
    /// The file is not text.
    NotText {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file was written by a newer version of Relational.
    NewerVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file is protected and no passphrase was given.
    NeedsPassphrase,
    /// The passphrase did not open the file, or the encrypted file is damaged.
    Protected(super::CryptoError),
    /// The text is not a valid project.
    Syntax {
        /// 1-based line, when known.
        line: usize,
        /// 1-based column, when known.
        column: usize,
        /// The parser's message.
        message: String,
    },
}

impl LoadError {
    /// The failure `kind` of the file at `path`.
    pub fn new(path: &Path, kind: LoadErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            kind,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.path.display();
        match &self.kind {
            LoadErrorKind::Io(error) if error.kind() == std::io::ErrorKind::NotFound => {
                write!(f, "{file}: no such file")
            }
            LoadErrorKind::Io(error) => write!(f, "{file}: could not read it ({error})"),
            LoadErrorKind::NotAFile => write!(f, "{file}: this is not a regular file"),
            LoadErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "{file}: the file is {} MB, more than the {} MB a project file may have",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            LoadErrorKind::Empty => write!(f, "{file}: the file is empty"),
            LoadErrorKind::NotText { offset } => write!(
                f,
                "{file}: this is not a Relational project (binary data at byte {offset})"
            ),
            LoadErrorKind::NewerVersion { found, supported } => write!(
                f,
                "{file}: written by a newer version of Relational (file format {found}; this \
                 version reads up to {supported}). Update Relational to open it."
            ),
            LoadErrorKind::NeedsPassphrase => {
                write!(f, "{file}: this project is protected with a passphrase")
            }
            LoadErrorKind::Protected(error) => write!(f, "{file}: {error}"),
            LoadErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "{file}: line {line}, column {column}: {message}. The file may be damaged or \
                 not a Relational project."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a project could not be saved. The old file is intact and the project
/// in memory is unchanged.
#[derive(Debug)]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// What step failed.
    pub stage: SaveStage,
    /// The operating system's reason.
    pub source: std::io::Error,
}

/// The step of saving that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// Turning the project into text.
    Encode,
    /// Creating the temporary file next to the target.
    Create,
    /// Writing the data.
    Write,
    /// Keeping the previous version as `.bak`.
    Backup,
    /// Moving the new file into place.
    Commit,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.path.display();
        let step = match self.stage {
            SaveStage::Encode => "could not encode the project",
            SaveStage::Create => "could not create a file in that folder",
            SaveStage::Write => "could not write the data",
            SaveStage::Backup => "could not keep the previous version as .bak",
            SaveStage::Commit => "could not put the new file in place",
        };
        write!(
            f,
            "Could not save {file}: {step}. {} Nothing was lost: the project is still open \
             and the file on disk is unchanged.",
            self.reason()
        )
    }
}

impl SaveError {
    /// The cause in the organizer's words, with what to do about it.
    pub fn reason(&self) -> String {
        use std::io::ErrorKind;
        match self.source.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                "The disk is full: free some space, or save on another disk with Save As… in the File menu."
                    .to_owned()
            }
            ErrorKind::PermissionDenied => "You are not allowed to write there: save somewhere \
                 else with Save As… in the File menu."
                .to_owned(),
            ErrorKind::ReadOnlyFilesystem => {
                "That disk is read-only: save somewhere else with Save As… in the File menu.".to_owned()
            }
            ErrorKind::NotFound => "The folder no longer exists (a removed drive or a deleted \
                 folder?): save somewhere else with Save As… in the File menu."
                .to_owned(),
            _ => format!("The system said: {}.", self.source),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
