//! A lock file beside an open project (`NAME.ron.lock`), so a second
//! Relational window opening the same file can warn before two copies of
//! the work drift apart. The lock is advisory: it never stops a save.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the lock of `project` lives.
pub fn lock_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project.with_file_name(name)
}

/// Who holds a lock, as written in the lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOwner {
    /// Process id.
    pub pid: u32,
    /// The computer's name; a lock from another computer (a shared folder)
    /// cannot be checked for staleness.
    pub host: String,
    /// Seconds since 1970 when the lock was taken.
    pub since_secs: u64,
    /// Tells apart two locks of one process, so dropping an old one never
    /// removes its successor.
    pub token: u64,
}

static NEXT_TOKEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl LockOwner {
    /// This process on this computer, now.
    pub fn this_process() -> Self {
        Self {
            pid: std::process::id(),
            host: host_name(),
            since_secs: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            token: NEXT_TOKEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n",
            self.pid, self.host, self.since_secs, self.token
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let host = lines.next()?.trim().to_owned();
        let since_secs = lines.next()?.trim().parse().ok()?;
        let token = lines
            .next()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        Some(Self {
            pid,
            host,
            since_secs,
            token,
        })
    }

    /// Whether the owner is certainly gone: same computer, process not
    /// running. A lock from another computer counts as live. (A lock file
    /// that cannot be parsed at all is replaced by the caller.)
    fn is_stale(&self) -> bool {
        self.host == host_name()
            && super::process::alive_since(self.pid, self.since_secs) == Some(false)
    }
}

/// A held lock; dropping it removes the file.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    owner: LockOwner,
}

impl ProjectLock {
    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Remove only our own lock: another window may have taken over.
        let ours = std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|text| LockOwner::parse(&text))
            .is_some_and(|owner| owner == self.owner);
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What trying to lock a project found.
#[derive(Debug)]
pub enum LockOutcome {
    /// The project is ours; `replaced_stale` tells a crashed session's lock
    /// was cleared.
    Locked {
        /// The lock, held until dropped.
        lock: ProjectLock,
        /// A lock of a process no longer running was removed.
        replaced_stale: bool,
    },
    /// Another running Relational has it open.
    HeldElsewhere(LockOwner),
    /// No lock could be written (a read-only folder, say); work goes on
    /// without one.
    Unavailable(std::io::Error),
}

/// Locks `project` unless another live process holds it.
pub fn lock(project: &Path) -> LockOutcome {
    lock_as(project, LockOwner::this_process(), false)
}

/// Locks `project` even if another process holds it (the organizer chose
/// to open it anyway).
pub fn lock_anyway(project: &Path) -> LockOutcome {
    lock_as(project, LockOwner::this_process(), true)
}

fn lock_as(project: &Path, owner: LockOwner, force: bool) -> LockOutcome {
    let path = lock_path(project);
    let mut replaced_stale = false;
    if let Ok(text) = std::fs::read_to_string(&path) {
        match LockOwner::parse(&text) {
            // Our own process (the same file opened again): take it over.
            Some(held) if held.pid == owner.pid && held.host == owner.host => {}
            Some(held) if !force && !held.is_stale() => return LockOutcome::HeldElsewhere(held),
            // Stale, unreadable, or overridden: replace it.
            _ => replaced_stale = true,
        }
    }
    match write_lock(&path, &owner) {
        Ok(()) => LockOutcome::Locked {
            lock: ProjectLock { path, owner },
            replaced_stale,
        },
        Err(error) => LockOutcome::Unavailable(error),
    }
}

fn write_lock(path: &Path, owner: &LockOwner) -> std::io::Result<()> {
    let mut file = super::save::open_temporary(path)?;
    file.write_all(owner.to_text().as_bytes())?;
    file.commit()
}

/// This computer's name, or empty when it cannot be told.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|name| name.trim().to_owned())
        .or_else(|_| std::env::var("HOSTNAME"))
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_default()
}

/// The running Relational (not this process) that holds the lock of
/// `project`, if any; a stale or unreadable lock holds nothing.
pub fn live_owner(project: &Path) -> Option<LockOwner> {
    let text = std::fs::read_to_string(lock_path(project)).ok()?;
    let owner = LockOwner::parse(&text)?;
    let ours = owner.pid == std::process::id() && owner.host == host_name();
    (!ours && !owner.is_stale()).then_some(owner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("campaign.ron");
        (dir, path)
    }

    fn other_live_process() -> LockOwner {
        // Process 1 always runs, started before now; it is not us.
        LockOwner {
            pid: 1,
            host: host_name(),
            since_secs: LockOwner::this_process().since_secs,
            token: 0,
        }
    }

    #[test]
    fn a_lock_is_written_and_removed_on_drop() {
        let (_dir, path) = project();
        let LockOutcome::Locked {
            lock,
            replaced_stale,
        } = lock(&path)
        else {
            panic!("an unlocked project locks");
        };
        assert!(!replaced_stale);
        let text = std::fs::read_to_string(lock.path()).expect("lock written");
        assert_eq!(
            LockOwner::parse(&text).map(|o| o.pid),
            Some(std::process::id())
        );
        let lock_file = lock.path().to_path_buf();
        drop(lock);
        assert!(!lock_file.exists());
    }

    #[test]
    fn a_live_lock_of_another_process_is_reported_and_can_be_overridden() {
        let (_dir, path) = project();
        let theirs = other_live_process();
        write_lock(&lock_path(&path), &theirs).expect("write");
        match lock(&path) {
            LockOutcome::HeldElsewhere(owner) => assert_eq!(owner, theirs),
            other => panic!("expected a conflict, got {other:?}"),
        }
        let LockOutcome::Locked { lock, .. } = lock_anyway(&path) else {
            panic!("open anyway takes the lock");
        };
        drop(lock);
        assert!(!lock_path(&path).exists());
    }

    #[test]
    fn a_stale_lock_of_a_dead_process_is_replaced() {
        let (_dir, path) = project();
        let dead = LockOwner {
            pid: u32::MAX - 1,
            host: host_name(),
            since_secs: 10,
            token: 0,
        };
        write_lock(&lock_path(&path), &dead).expect("write");
        let LockOutcome::Locked { replaced_stale, .. } = lock(&path) else {
            panic!("a stale lock is taken over");
        };
        assert!(replaced_stale);
    }

    #[test]
    fn a_lock_whose_process_number_now_belongs_to_a_later_program_is_stale() {
        let (_dir, path) = project();
        // Process 1 runs, but it started long after 1970: the lock's writer is gone.
        let reused = LockOwner {
            pid: 1,
            host: host_name(),
            since_secs: 10,
            token: 0,
        };
        write_lock(&lock_path(&path), &reused).expect("write");
        assert_eq!(live_owner(&path), None);
        assert!(matches!(
            lock(&path),
            LockOutcome::Locked {
                replaced_stale: true,
                ..
            }
        ));
    }

    #[test]
    fn a_garbled_lock_is_replaced_and_foreign_hosts_count_as_live() {
        let (_dir, path) = project();
        std::fs::write(lock_path(&path), "not a lock").expect("write");
        assert!(matches!(
            lock(&path),
            LockOutcome::Locked {
                replaced_stale: true,
                ..
            }
        ));
        let (_dir, path) = project();
        let foreign = LockOwner {
            pid: u32::MAX - 1,
            host: "another-computer".to_owned(),
            since_secs: 10,
            token: 0,
        };
        write_lock(&lock_path(&path), &foreign).expect("write");
        assert!(matches!(lock(&path), LockOutcome::HeldElsewhere(_)));
    }

    #[test]
    fn dropping_a_lock_taken_over_by_another_keeps_theirs() {
        let (_dir, path) = project();
        let LockOutcome::Locked { lock, .. } = lock(&path) else {
            panic!("locks");
        };
        write_lock(&lock_path(&path), &other_live_process()).expect("write");
        drop(lock);
        assert!(lock_path(&path).exists(), "their lock stays");
    }

    #[test]
    fn a_lock_in_a_missing_folder_is_unavailable_not_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gone").join("p.ron");
        assert!(matches!(lock(&path), LockOutcome::Unavailable(_)));
    }
}
