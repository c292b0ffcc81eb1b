//! Project files: the RON format, its versions, and safe saving.
//!
//! [`load`] never panics and never changes anything on failure; [`save`]
//! replaces the target atomically and keeps the previous version as
//! `NAME.ron.bak`.

pub mod crypto;
mod error;
mod format;
mod limits;
mod lock;
mod overwrite;
mod process;
pub mod recovery;
mod save;
mod stamp;

use std::io::Read;
use std::path::Path;

pub use crypto::{CryptoError, Passphrase, Protection};
pub use error::{LoadError, LoadErrorKind, SaveError, SaveStage};
pub use format::CURRENT_FORMAT_VERSION;
pub use limits::MAX_RECORDS;
pub use lock::{LockOutcome, LockOwner, ProjectLock, live_owner, lock, lock_anyway, lock_path};
pub use overwrite::{Target, check_target, read_only_reason};
pub use recovery::{Recovered, RecoverySchedule, RecoveryStore};
pub use save::{
    backup_path, clean_temporary_files, save, save_protected, save_with, temporary_files_of,
    to_ron_string, write_atomically,
};
pub use stamp::FileStamp;

use crate::model::{Project, repair};

/// The largest project file accepted: room for a project at the record
/// limit (200,000 imported people take about 100 MB; a 10,000-person
/// project with 30,000 meetings 16 MB), so every project the app can make
/// opens again, while a runaway file (gigabytes of junk) is refused
/// before it is read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How deeply values may nest; real files need fewer than ten levels.
const MAX_NESTING: usize = 64;

/// A project read from a file, with what had to be repaired.
#[derive(Debug)]
pub struct LoadedProject {
    /// The project, with every reference valid.
    pub project: Project,
    /// One line for each repair made while loading; empty for a sound file.
    pub warnings: Vec<String>,
    /// The format version the file was written in.
    pub format_version: u32,
    /// The file as read, to notice later that another program replaced
    /// it; `None` when parsed from memory.
    pub stamp: Option<FileStamp>,
    /// The passphrase it was protected with; `None` for a plain file.
    pub protection: Option<Protection>,
}

/// Reads a project file. Any failure is a [`LoadError`] naming the file;
/// a protected file is refused with [`LoadErrorKind::NeedsPassphrase`].
pub fn load(path: &Path) -> Result<LoadedProject, LoadError> {
    load_protected(path, None)
}

/// Reads a project file, protected or not; `passphrase` opens a protected
/// one (and is not needed for a plain one).
pub fn load_protected(
    path: &Path,
    passphrase: Option<&Passphrase>,
) -> Result<LoadedProject, LoadError> {
    let bytes = read_limited(path)?;
    // The text lives until the records are indexed, on purpose: freed
    // earlier, the allocator serves the large temporaries of indexing from
    // its heap, where they stay resident (at 10,000 people, 51 MB after
    // loading instead of 30).
    let mut loaded = parse_any(&bytes, passphrase).map_err(|kind| LoadError::new(path, kind))?;
    loaded.stamp = Some(FileStamp::of(path, &bytes));
    Ok(loaded)
}

/// Parses project bytes that may be protected: a protected file needs
/// `passphrase`, and its plain text is wiped from memory once parsed.
pub fn parse_any(
    bytes: &[u8],
    passphrase: Option<&Passphrase>,
) -> Result<LoadedProject, LoadErrorKind> {
    if !crypto::is_encrypted(bytes) {
        return parse(bytes);
    }
    let passphrase = passphrase.ok_or(LoadErrorKind::NeedsPassphrase)?;
    let (plain, work_factor) =
        crypto::decrypt(bytes, passphrase).map_err(LoadErrorKind::Protected)?;
    let mut loaded = parse(&plain)?;
    loaded.protection = Some(Protection::with_work_factor(
        passphrase.clone(),
        work_factor,
    ));
    Ok(loaded)
}

/// Parses the bytes of a project file.
pub fn parse(bytes: &[u8]) -> Result<LoadedProject, LoadErrorKind> {
    let (file, unknown): (format::ProjectFile, _) = parse_text_noting_unknown(bytes)?;
    let format_version = file.format_version;
    let (project, mut warnings) = repair(file.into_records());
    if !unknown.is_empty() {
        warnings.insert(0, unknown_fields_warning(&unknown));
    }
    Ok(LoadedProject {
        project,
        warnings,
        format_version,
        stamp: None,
        protection: None,
    })
}

/// Fields this version does not know, as paths ("people[3].emial").
fn unknown_fields_warning(unknown: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut listed = unknown
        .iter()
        .take(SHOWN)
        .map(|path| format!("`{path}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if unknown.len() > SHOWN {
        listed.push_str(&format!(" and {} more", unknown.len() - SHOWN));
    }
    format!(
        "{} in the file {} not known to this version and are not kept: {listed}. \
         A misspelled name (say `emial` for `email`) loses what it held: fix it in the file \
         before saving here, or save to drop them (the current file is kept as .bak).",
        crate::words::count(unknown.len(), "field", "fields"),
        if unknown.len() == 1 { "is" } else { "are" }
    )
}

/// Like [`parse_text`], also listing every field the types do not know
/// (serde would skip them without a word).
fn parse_text_noting_unknown<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<(T, Vec<String>), LoadErrorKind> {
    let text = checked_text(bytes)?;
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let syntax = |error: ron::error::SpannedError| LoadErrorKind::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    };
    let mut deserializer =
        ron::Deserializer::from_str_with_options(text, &options).map_err(syntax)?;
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(&mut deserializer, |path| {
        unknown.push(readable_path(&path));
    })
    .map_err(|error| syntax(deserializer.span_error(error)))?;
    deserializer
        .end()
        .map_err(|error| syntax(deserializer.span_error(error)))?;
    Ok((value, unknown))
}

/// `people.3.emial` as `people[3].emial`.
fn readable_path(path: &serde_ignored::Path<'_>) -> String {
    let mut out = String::new();
    for part in path.to_string().split('.') {
        if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

/// The checks every file gets before parsing: text, not empty, not from a
/// newer version. Returns the text without a byte-order mark.
fn checked_text(bytes: &[u8]) -> Result<&str, LoadErrorKind> {
    let text = std::str::from_utf8(bytes).map_err(|error| LoadErrorKind::NotText {
        offset: error.valid_up_to(),
    })?;
    // Some editors on Windows start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadErrorKind::Empty);
    }
    if let Some(found) = format::peek_format_version(text)
        && found > CURRENT_FORMAT_VERSION
    {
        return Err(LoadErrorKind::NewerVersion {
            found,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    Ok(text)
}

/// The checks every file gets (text, not empty, not from a newer version,
/// nesting and record limits), then the RON parse into `T`.
fn parse_text<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, LoadErrorKind> {
    let text = checked_text(bytes)?;
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    options
        .from_str(text)
        .map_err(|error| LoadErrorKind::Syntax {
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
}

/// Rewrites a file beside a project (its `.bak`, a recovery copy) from
/// protection `from` to `to`, atomically; a file `from` cannot open is
/// left as it is and reported.
pub fn reseal(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Protection>,
) -> std::io::Result<()> {
    let bytes = read_limited(path).map_err(|error| std::io::Error::other(error.to_string()))?;
    let plain = if crypto::is_encrypted(&bytes) {
        let from =
            from.ok_or_else(|| std::io::Error::other("protected with another passphrase"))?;
        crypto::decrypt(&bytes, from)
            .map_err(|error| std::io::Error::other(error.to_string()))?
            .0
    } else {
        zeroize::Zeroizing::new(bytes)
    };
    let sealed = match to {
        Some(protection) => protection.encrypt(&plain)?,
        None => plain.to_vec(),
    };
    write_atomically(path, &sealed)
}

/// Reads the whole file, refusing what is not a regular file (a FIFO would
/// block forever) and anything above [`MAX_FILE_BYTES`].
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |kind| LoadError::new(path, kind);
    let metadata = std::fs::metadata(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if !metadata.is_file() {
        return Err(fail(LoadErrorKind::NotAFile));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            bytes: metadata.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow between the size check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;
