//! Crash recovery: while a project has unsaved changes, a copy is written
//! now and then to the app's data folder. If the app dies, the next start
//! (or the next opening of that file) offers the copy back.
//!
//! A copy is an ordinary project wrapped with where it belongs, when it
//! was written and by which process, so the loader's limits and repairs
//! apply to it too.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::crypto::{self, Passphrase, Protection};
use super::format::{CURRENT_FORMAT_VERSION, ProjectFile, ProjectFileRef};
use super::stamp::content_hash;
use super::{LoadErrorKind, parse_text, read_limited};
use crate::model::{Project, repair};

/// Written to disk: borrows the project.
#[derive(Serialize)]
struct RecoveryRef<'a> {
    format_version: u32,
    original: Option<&'a Path>,
    written_secs: u64,
    pid: u32,
    project: ProjectFileRef<'a>,
}

/// Read from disk.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RecoveryFile {
    format_version: u32,
    original: Option<PathBuf>,
    written_secs: u64,
    pid: u32,
    project: ProjectFile,
}

/// A recovery copy found on disk.
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The copy's own file.
    pub slot: PathBuf,
    /// The project file it belongs to; `None` for a project never saved.
    pub original: Option<PathBuf>,
    /// When it was written.
    pub written: SystemTime,
    /// The project as it was.
    pub project: Project,
    /// Repairs made while reading it.
    pub warnings: Vec<String>,
    /// The project file was changed after the copy was written (a save in
    /// another window, a sync program): the copy may hold older work.
    pub file_changed_after: bool,
    /// The passphrase the copy was protected with (its project's).
    pub protection: Option<Protection>,
}

/// The folder recovery copies live in.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Copies in `dir` (created when the first copy is written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The per-user data folder: `$XDG_DATA_HOME/relational/recovery`,
    /// else `~/.local/share/relational/recovery` (`%APPDATA%` on Windows).
    pub fn default_dir() -> Option<PathBuf> {
        let env_dir = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let base = env_dir("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| env_dir("HOME").map(|home| PathBuf::from(home).join(".local/share")))
            .or_else(|| env_dir("APPDATA").map(PathBuf::from))?;
        Some(base.join("relational").join("recovery"))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The copy of the project file `original` written by `session`: one
    /// per file and running window, so two windows never share a copy.
    pub fn slot_for_file(&self, original: &Path, session: &str) -> PathBuf {
        self.dir
            .join(format!("{}{session}.ron", file_prefix(original)))
    }

    /// The copy of a project never saved, one per running session.
    pub fn slot_for_untitled(&self, session: &str) -> PathBuf {
        self.dir.join(format!("untitled-{session}.ron"))
    }

    /// Writes a copy of `project` into `slot`, atomically and private;
    /// encrypted when the project is protected.
    pub fn write(
        &self,
        slot: &Path,
        original: Option<&Path>,
        project: &Project,
        protection: Option<&Protection>,
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))?;
        }
        let copy = RecoveryRef {
            format_version: CURRENT_FORMAT_VERSION,
            original,
            written_secs: secs_since_epoch(SystemTime::now()),
            pid: std::process::id(),
            project: ProjectFileRef::new(project),
        };
        let text = ron::ser::to_string_pretty(&copy, super::save::pretty_config())
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        super::limits::check_readable_back(project, text.len()).map_err(std::io::Error::other)?;
        let bytes = super::save::seal(text, protection)?;
        super::write_atomically(slot, &bytes)
    }

    /// Reads the copy in `slot` (a protected copy needs the passphrase).
    pub fn read(&self, slot: &Path) -> Result<Recovered, LoadErrorKind> {
        self.read_with(slot, None)
    }

    /// Reads the copy in `slot`, a protected one with `passphrase`.
    pub fn read_with(
        &self,
        slot: &Path,
        passphrase: Option<&Passphrase>,
    ) -> Result<Recovered, LoadErrorKind> {
        let bytes = read_limited(slot).map_err(|error| error.kind)?;
        let (file, protection): (RecoveryFile, _) = if crypto::is_encrypted(&bytes) {
            let passphrase = passphrase.ok_or(LoadErrorKind::NeedsPassphrase)?;
            let (plain, work_factor) =
                crypto::decrypt(&bytes, passphrase).map_err(LoadErrorKind::Protected)?;
            let protection = Protection::with_work_factor(passphrase.clone(), work_factor);
            (parse_text(&plain)?, Some(protection))
        } else {
            (parse_text(&bytes)?, None)
        };
        let (project, warnings) = repair(file.project.into_records());
        Ok(Recovered {
            slot: slot.to_owned(),
            original: file.original,
            written: UNIX_EPOCH
                .checked_add(Duration::from_secs(file.written_secs))
                .unwrap_or(UNIX_EPOCH),
            project,
            warnings,
            file_changed_after: false,
            protection,
        })
    }

    /// The newest copy of `original` left by a session that has ended.
    /// Nothing is deleted here: a copy goes only when the organizer
    /// discards it or saves what it holds.
    pub fn offer_for_file(
        &self,
        original: &Path,
        own_session: &str,
        passphrase: Option<&Passphrase>,
    ) -> Option<Recovered> {
        let prefix = file_prefix(original);
        let mut copy = self
            .ended_copies(&prefix, own_session, passphrase)
            .into_iter()
            .next()?;
        let file_time = std::fs::metadata(original).and_then(|m| m.modified()).ok();
        copy.file_changed_after =
            file_time.is_some_and(|t| secs_since_epoch(t) > secs_since_epoch(copy.written));
        Some(copy)
    }

    /// Copies of never-saved projects left by sessions that are no longer
    /// running, newest first.
    pub fn offers_untitled(&self, own_session: &str) -> Vec<Recovered> {
        self.ended_copies("untitled-", own_session, None)
    }

    /// Copies of `original` (or of never-saved projects) that cannot be
    /// read, with why. They are kept, never deleted, and reported.
    pub fn damaged_copies_of(
        &self,
        original: Option<&Path>,
        own_session: &str,
        passphrase: Option<&Passphrase>,
    ) -> Vec<(PathBuf, String)> {
        let prefix = original.map_or_else(|| "untitled-".to_owned(), file_prefix);
        self.slots_of_ended_sessions(&prefix, own_session)
            .into_iter()
            .filter_map(|slot| match self.read_with(&slot, passphrase) {
                Ok(_) => None,
                Err(error) => {
                    let reason = super::LoadError::new(&slot, error).to_string();
                    Some((slot, reason))
                }
            })
            .collect()
    }

    /// Files named `PREFIX<session>.ron` of sessions other than ours that
    /// no longer run.
    fn slots_of_ended_sessions(&self, prefix: &str, own_session: &str) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                let session = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_prefix(prefix))
                    .and_then(|n| n.strip_suffix(".ron"));
                session.is_some_and(|s| s != own_session && !session_running(s))
            })
            .collect()
    }

    /// Readable copies named `PREFIX<session>.ron` of sessions other than
    /// ours that no longer run, newest first. Unreadable copies are left
    /// alone, not deleted ([`Self::damaged_copies_of`] names them).
    fn ended_copies(
        &self,
        prefix: &str,
        own_session: &str,
        passphrase: Option<&Passphrase>,
    ) -> Vec<Recovered> {
        let mut offers: Vec<Recovered> = self
            .slots_of_ended_sessions(prefix, own_session)
            .into_iter()
            .filter_map(|path| self.read_with(&path, passphrase).ok())
            .collect();
        offers.sort_by_key(|copy| std::cmp::Reverse(copy.written));
        offers
    }
}

/// `file-HASH-` for a project file: the hash of its canonical path, so the
/// same file reached by another path finds the same copies.
fn file_prefix(original: &Path) -> String {
    let canonical = std::fs::canonicalize(original).unwrap_or_else(|_| original.to_owned());
    let hash = content_hash(canonical.as_os_str().as_encoded_bytes());
    format!("file-{hash:016x}-")
}

/// Every copy in `dir` belonging to `original`, of any session (to rewrite
/// them when a person is forgotten or protection changes).
pub fn copies_of_file(dir: &Path, original: &Path) -> Vec<PathBuf> {
    let prefix = file_prefix(original);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".ron"))
        })
        .collect()
}

/// Removes a copy; a copy already gone is fine.
pub fn remove(slot: &Path) {
    let _ = std::fs::remove_file(slot);
}

/// A session name for copies: this process, when it started, and a count
/// (two sessions of one process never share a name).
pub fn session_name() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    format!(
        "{}-{}-{}",
        std::process::id(),
        secs_since_epoch(SystemTime::now()),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    )
}

/// Whether a session (`PID-STARTSECS-N`) still runs: its process is
/// there and started before the session did (a process number reused
/// after a reboot is another program). A name without a process id counts
/// as running.
fn session_running(session: &str) -> bool {
    let mut parts = session.split('-');
    let pid = parts.next().and_then(|pid| pid.parse::<u32>().ok());
    let started = parts.next().and_then(|secs| secs.parse::<u64>().ok());
    match (pid, started) {
        (Some(pid), _) if pid == std::process::id() => false,
        (Some(pid), Some(started)) => super::process::alive_since(pid, started) == Some(true),
        (Some(pid), None) => super::process::alive_since(pid, u64::MAX) == Some(true),
        (None, _) => true,
    }
}

fn secs_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// When to write the next recovery copy: at most every 30 seconds, once
/// the organizer has paused for 5 seconds, or after 30 seconds of
/// continuous work. Times are passed in, so tests need no clock.
#[derive(Clone, Debug, Default)]
pub struct RecoverySchedule {
    seen_serial: Option<u64>,
    written_serial: Option<u64>,
    last_change: Option<Instant>,
    first_unwritten: Option<Instant>,
    last_write: Option<Instant>,
}

impl RecoverySchedule {
    /// Shortest time between two copies.
    pub const MIN_INTERVAL: Duration = Duration::from_secs(30);
    /// Pause after the last change before a copy is written.
    pub const IDLE: Duration = Duration::from_secs(5);

    /// Tells the schedule the project's state now (the undo serial and
    /// whether it is unsaved).
    pub fn observe(&mut self, serial: u64, dirty: bool, now: Instant) {
        if !dirty {
            self.first_unwritten = None;
            self.seen_serial = Some(serial);
            self.written_serial = Some(serial);
            return;
        }
        if self.seen_serial != Some(serial) {
            self.seen_serial = Some(serial);
            self.last_change = Some(now);
        }
        if self.written_serial != Some(serial) && self.first_unwritten.is_none() {
            self.first_unwritten = Some(now);
        }
    }

    /// How long until a copy is due, if one is pending; zero means now.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let pending_since = self.first_unwritten?;
        let since =
            |t: Option<Instant>| t.map_or(Duration::MAX, |t| now.saturating_duration_since(t));
        let interval_left = Self::MIN_INTERVAL.saturating_sub(since(self.last_write));
        let idle_left = Self::IDLE.saturating_sub(since(self.last_change));
        let burst_left =
            Self::MIN_INTERVAL.saturating_sub(now.saturating_duration_since(pending_since));
        Some(interval_left.max(idle_left.min(burst_left)))
    }

    /// Whether a copy should be written now.
    pub fn due(&self, now: Instant) -> bool {
        self.wait(now) == Some(Duration::ZERO)
    }

    /// Records that writing the copy started at `now` failed: the same
    /// state is due again after [`Self::MIN_INTERVAL`].
    pub fn failed(&mut self, now: Instant) {
        self.written_serial = None;
        if self.first_unwritten.is_none() {
            self.first_unwritten = Some(now);
        }
    }

    /// Records that a copy of state `serial` was written at `now`.
    pub fn written(&mut self, serial: u64, now: Instant) {
        self.written_serial = Some(serial);
        self.last_write = Some(now);
        self.first_unwritten = None;
    }
}

#[cfg(test)]
mod tests;
