//! Paths as the organizer meant them: absolute, so a path stored today
//! names the same file tomorrow from any folder.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute: canonical when the file exists (links resolved),
/// else its folder made canonical and its name kept. A path that cannot be
/// resolved at all is joined to the current folder.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|dir| dir.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let cleaned = lexically_clean(&joined);
    match (cleaned.parent(), cleaned.file_name()) {
        (Some(parent), Some(name)) => std::fs::canonicalize(parent)
            .map(|parent| parent.join(name))
            .unwrap_or(cleaned),
        _ => cleaned,
    }
}

/// Drops `.` and folds `..` without touching the disk.
fn lexically_clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Whether two paths name the same file (through links or relative paths).
pub fn same_file(a: &Path, b: &Path) -> bool {
    absolute(a) == absolute(b)
}

/// The organizer's home folder, where dialogs start for a project never saved.
pub fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|home| !home.is_empty())
        .map(PathBuf::from)
        .filter(|home| home.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_become_absolute_and_clean() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("p.ron");
        std::fs::write(&file, "x").expect("write");
        let canonical = std::fs::canonicalize(&file).expect("canonical");
        assert_eq!(absolute(&dir.path().join("./sub/../p.ron")), canonical);
        let missing = absolute(&dir.path().join("new.ron"));
        assert!(missing.is_absolute());
        assert_eq!(missing.file_name(), Some("new.ron".as_ref()));
        assert!(absolute(Path::new("relative-name.ron")).is_absolute());
    }

    #[test]
    fn the_same_file_through_another_path_is_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("p.ron");
        std::fs::write(&file, "x").expect("write");
        assert!(same_file(&file, &dir.path().join("./p.ron")));
        assert!(!same_file(&file, &dir.path().join("q.ron")));
    }
}
