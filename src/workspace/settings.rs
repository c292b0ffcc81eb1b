//! What the app remembers between runs (never the project itself).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key under which eframe stores [`Settings`].
pub const SETTINGS_KEY: &str = "relational.settings";

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 8;

/// Remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The project open when the app last closed.
    pub last_project: Option<PathBuf>,
    /// Whether File → Export writes initials instead of names and leaves
    /// out contact details and notes.
    pub anonymize_exports: bool,
}

impl Settings {
    /// Puts `path` at the top of the recent list and makes it the last project.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
        self.last_project = Some(path.to_path_buf());
    }

    /// Drops a file that could not be opened from the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_project.as_deref() == Some(path) {
            self.last_project = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut settings = Settings::default();
        for i in 0..10 {
            settings.remember(Path::new(&format!("/p/{i}.ron")));
        }
        settings.remember(Path::new("/p/5.ron"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("/p/5.ron"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("5.ron"))
                .count(),
            1
        );
        settings.forget(Path::new("/p/5.ron"));
        assert_eq!(settings.last_project, None);
        assert!(!settings.recent.contains(&PathBuf::from("/p/5.ron")));
    }
}
