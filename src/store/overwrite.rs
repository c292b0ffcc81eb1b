//! Whether a file may be replaced: one rule for Save As, typed paths,
//! exports and the command line.

use std::path::Path;

/// What is at a path a file is about to be written to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing: the file will be created.
    Free,
    /// A regular file that may be replaced once the organizer agrees.
    Replaceable {
        /// Why it is read-only, when it is.
        read_only: Option<String>,
    },
    /// Never replaced, with why in the organizer's words.
    Refused(String),
}

/// What replacing `path` would mean. `open_project` is the project open in
/// this window: no export or other project may replace it. A file another
/// running Relational holds open, a folder, a pipe or a device is refused.
pub fn check_target(path: &Path, open_project: Option<&Path>) -> Target {
    let shown = path.display();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        // Nothing there (or a dangling link, which the write replaces).
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Target::Free,
        Err(error) => {
            return Target::Refused(format!(
                "{shown} cannot be checked ({error}). Choose another file name."
            ));
        }
    };
    if !metadata.is_file() {
        return Target::Refused(format!(
            "{shown} is not a regular file (a folder, a pipe or a device). Choose a file name."
        ));
    }
    if open_project.is_some_and(|open| same_file(open, path)) {
        return Target::Refused(format!(
            "{shown} is the project open in this window. Choose another file name, so the \
             project is not replaced."
        ));
    }
    if let Some(owner) = super::live_owner(path) {
        return Target::Refused(format!(
            "{shown} is open in another Relational window (process {}). Close it there \
             first, or choose another file name.",
            owner.pid
        ));
    }
    Target::Replaceable {
        read_only: read_only_reason(path),
    }
}

/// Why the file at `path` should not be written without asking: it is
/// marked read-only. `None` for a writable (or missing) file.
pub fn read_only_reason(path: &Path) -> Option<String> {
    let metadata = std::fs::metadata(path).ok()?;
    metadata
        .permissions()
        .readonly()
        .then(|| "it is marked read-only".to_owned())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_free_and_an_existing_one_asks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        assert_eq!(check_target(&path, None), Target::Free);
        std::fs::write(&path, "x").expect("write");
        assert_eq!(
            check_target(&path, None),
            Target::Replaceable { read_only: None }
        );
    }

    #[test]
    fn the_open_project_folders_and_pipes_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "x").expect("write");
        let through_dot = dir.path().join(".").join("p.ron");
        assert!(matches!(
            check_target(&through_dot, Some(&project)),
            Target::Refused(_)
        ));
        assert!(matches!(check_target(dir.path(), None), Target::Refused(_)));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo is available");
            assert!(matches!(check_target(&fifo, None), Target::Refused(_)));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_says_so() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "x").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(matches!(
            check_target(&path, None),
            Target::Replaceable { read_only: Some(_) }
        ));
    }
}
