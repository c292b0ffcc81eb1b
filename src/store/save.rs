//! Atomic saving with a backup of the previous version.

use std::io::Write;
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use super::crypto::Protection;
use super::error::{SaveError, SaveStage};
use super::format::ProjectFileRef;
use super::stamp::FileStamp;
use crate::model::Project;

/// The project as the text saved to disk (`\n` line endings, multi-line
/// notes written as real lines so the file stays readable).
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(&ProjectFileRef::new(project), pretty_config())
}

/// How project files are laid out.
pub(super) fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("  ")
        .escape_strings(false)
}

/// Where the previous version of `path` is kept: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves the project to `path` atomically: the data goes to a temporary file
/// in the same folder, is synced, and is renamed over the target; the folder
/// is synced too. The old file is copied to `NAME.ron.bak` first. New files
/// get mode 0600 on Unix.
/// Returns the stamp of the file as written.
pub fn save(project: &Project, path: &Path) -> Result<FileStamp, SaveError> {
    save_protected(project, path, None)
}

/// Like [`save`]; with `protection` the file (and so its next `.bak`) is
/// an age file, encrypted in memory: no plain byte reaches the disk.
pub fn save_protected(
    project: &Project,
    path: &Path,
    protection: Option<&Protection>,
) -> Result<FileStamp, SaveError> {
    save_with(project, path, protection, |file, bytes| {
        file.write_all(bytes)
    })
}

/// Like [`save_protected`], with the write step supplied by the caller, so
/// tests can make it fail part-way (a full disk, say).
pub fn save_with(
    project: &Project,
    path: &Path,
    protection: Option<&Protection>,
    write: impl FnOnce(&mut dyn Write, &[u8]) -> std::io::Result<()>,
) -> Result<FileStamp, SaveError> {
    let fail = |stage, source| SaveError {
        path: path.to_path_buf(),
        stage,
        source,
    };
    let text = to_ron_string(project)
        .map_err(|e| fail(SaveStage::Encode, std::io::Error::other(e.to_string())))?;
    super::limits::check_readable_back(project, text.len())
        .map_err(|e| fail(SaveStage::Encode, std::io::Error::other(e)))?;
    let bytes = seal(text, protection).map_err(|e| fail(SaveStage::Encode, e))?;
    // Through a link, the linked file is the project (one in a synced
    // folder, say): replace it, not the link.
    let target = resolve_link(path);
    let path = target.as_path();
    let mut file = open_temporary(path).map_err(|e| fail(SaveStage::Create, e))?;
    // Dropping `file` without commit removes the temporary file.
    write(&mut file, &bytes).map_err(|e| fail(SaveStage::Write, e))?;
    keep_backup(path).map_err(|e| fail(SaveStage::Backup, e))?;
    file.commit().map_err(|e| fail(SaveStage::Commit, e))?;
    Ok(FileStamp::of(path, &bytes))
}

/// The bytes to write: the text itself, or encrypted (the plain text wiped).
pub(super) fn seal(text: String, protection: Option<&Protection>) -> std::io::Result<Vec<u8>> {
    let Some(protection) = protection else {
        return Ok(text.into_bytes());
    };
    let mut plain = text.into_bytes();
    let sealed = protection.encrypt(&plain);
    super::crypto::wipe(&mut plain);
    sealed
}

/// The file a symbolic link points to, or `path` itself.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

/// Writes any file the way projects are written: to a temporary file that
/// is synced and renamed over `path`, mode 0600 on Unix. Exports use it, so a
/// failed export never leaves half a file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = open_temporary(path)?;
    file.write_all(bytes)?;
    file.commit()
}

pub(super) fn open_temporary(path: &Path) -> std::io::Result<AtomicWriteFile> {
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Keeps the current file as `.bak`, private like the project itself.
/// A hard link costs nothing and stays valid because the new file replaces
/// the target by rename (a new inode); where links are not supported, copy.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    if !path.is_file() {
        return Ok(());
    }
    let backup = backup_path(path);
    match std::fs::remove_file(&backup) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    if std::fs::hard_link(path, &backup).is_err() {
        std::fs::copy(path, &backup)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// Temporary files an interrupted save of `path` left beside it: named
/// `.NAME.XXXXXX` (six letters or digits) and, when not empty, holding the
/// start of a project file. Nothing else is ever matched.
pub fn temporary_files_of(path: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            file_name.strip_prefix(&prefix).is_some_and(|suffix| {
                suffix.len() == 6 && suffix.chars().all(|c| c.is_ascii_alphanumeric())
            })
        })
        .map(|entry| entry.path())
        .filter(|candidate| looks_like_a_project_start(candidate))
        .collect()
}

/// Whether a file is empty or starts the way a saved project does.
fn looks_like_a_project_start(path: &Path) -> bool {
    use std::io::Read;
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !metadata.is_file() {
        return false;
    }
    let mut start = [0u8; 64];
    let read = std::fs::File::open(path).and_then(|mut file| file.read(&mut start));
    match read {
        Ok(0) => true,
        Ok(n) => {
            let text = String::from_utf8_lossy(&start[..n]);
            (text.starts_with('(') && text.contains("format_version:"))
                || super::crypto::is_encrypted(&start[..n])
        }
        Err(_) => false,
    }
}

/// Removes what [`temporary_files_of`] finds; returns how many went.
/// Called only while this window holds the project's lock, so no other
/// window's save is in progress.
pub fn clean_temporary_files(path: &Path) -> usize {
    temporary_files_of(path)
        .into_iter()
        .filter(|leftover| std::fs::remove_file(leftover).is_ok())
        .count()
}
