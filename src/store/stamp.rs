//! What a project file looked like when it was opened or saved, so a save
//! can tell that another program replaced it in the meantime.

use std::hash::Hasher;
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of a file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Last modification, if the system reports it.
    pub modified: Option<SystemTime>,
    /// FNV-1a of the content: a touched but unchanged file is not "changed".
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of `bytes` just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        Self {
            len: bytes.len() as u64,
            modified,
            hash: content_hash(bytes),
        }
    }

    /// Whether the file at `path` holds something else than when stamped:
    /// another size, or other bytes. The bytes are always compared: a copy
    /// made with its time kept (`cp -p`, a sync program) can match both size
    /// and time, and project files are small enough to hash. A file that is
    /// gone has nothing to overwrite, so it is not "changed"; other read
    /// failures count as changed, so the organizer is asked first.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => return error.kind() != std::io::ErrorKind::NotFound,
        };
        if metadata.len() != self.len {
            return true;
        }
        match std::fs::read(path) {
            Ok(bytes) => content_hash(&bytes) != self.hash,
            Err(_) => true,
        }
    }
}

/// FNV-1a, 64 bits: fast, stable, and enough to tell two versions apart.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.write(bytes);
    hasher.finish()
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_sees_other_content_but_not_a_touch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one").expect("write");
        let stamp = FileStamp::of(&path, b"one");
        assert!(!stamp.changed_on_disk(&path));

        // Same bytes written again (a newer time): not a change.
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(&path, "one").expect("write");
        assert!(!stamp.changed_on_disk(&path));

        // Same size, other bytes.
        std::fs::write(&path, "two").expect("write");
        assert!(stamp.changed_on_disk(&path));

        std::fs::remove_file(&path).expect("remove");
        assert!(!stamp.changed_on_disk(&path), "nothing left to overwrite");
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
