//! What the app remembers between runs (never the project itself).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key under which the window toolkit stores [`Settings`].
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
    /// Whether CSV exports leave out the byte-order mark Excel needs to
    /// read accented names (on by default; off for tools that dislike it).
    pub csv_without_bom: bool,
    /// Whether the first-start welcome was answered.
    pub welcomed: bool,
    /// The clock times are written in; `None` follows the system.
    pub clock: Option<crate::dates::Clock>,
    /// Whether dates put the day or the month first; `None` follows the system.
    pub date_order: Option<crate::dates::Order>,
    /// Column mappings of past imports, newest first: the headers'
    /// signature and each column's field by its command-line name.
    pub import_mappings: Vec<(String, Vec<String>)>,
    /// Minutes without input after which a protected project's window
    /// locks; `None` (the default) never locks.
    pub auto_lock_minutes: Option<u32>,
    /// Screen-share mode: initials instead of names everywhere.
    pub screen_share: bool,
}

/// How many import mappings are remembered.
const MAX_MAPPINGS: usize = 20;

impl Settings {
    /// The mapping last used for a file with these headers.
    pub fn import_mapping(&self, signature: &str) -> Option<Vec<crate::import::Field>> {
        let (_, names) = self.import_mappings.iter().find(|(s, _)| s == signature)?;
        names
            .iter()
            .map(|name| crate::import::Field::from_cli_name(name))
            .collect()
    }

    /// Remembers `mapping` for files with these headers.
    pub fn remember_import_mapping(&mut self, signature: &str, mapping: &[crate::import::Field]) {
        self.import_mappings.retain(|(s, _)| s != signature);
        let names = mapping.iter().map(|f| f.cli_name().to_owned()).collect();
        self.import_mappings
            .insert(0, (signature.to_owned(), names));
        self.import_mappings.truncate(MAX_MAPPINGS);
    }

    /// Puts `path` at the top of the recent list and makes it the last project.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
        self.last_project = Some(path.to_path_buf());
    }

    /// How dates and times are written: the choices made, the system's
    /// conventions for the rest.
    pub fn date_style(&self) -> crate::dates::DateStyle {
        let system = crate::dates::DateStyle::system();
        crate::dates::DateStyle {
            clock: self.clock.unwrap_or(system.clock),
            order: self.date_order.unwrap_or(system.order),
        }
    }

    /// The export options these settings ask for.
    pub fn export_options(&self) -> crate::export::ExportOptions {
        crate::export::ExportOptions {
            // What is hidden on screen stays out of files made from it.
            anonymize: self.anonymize_exports || self.screen_share,
            bom: !self.csv_without_bom,
        }
    }

    /// Paths stored by older versions as typed (relative to whatever folder
    /// the app started in) name no file reliably: they are dropped.
    pub fn drop_relative_paths(&mut self) {
        self.recent.retain(|p| p.is_absolute());
        self.last_project = self.last_project.take().filter(|p| p.is_absolute());
    }

    /// Drops a file that could not be opened from the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_project.as_deref() == Some(path) {
            self.last_project = None;
        }
    }
}

/// Makes the folder the window keeps its settings in (with the recent
/// projects' paths) readable by this user only: the folder 0700, the
/// settings file 0600. Created if missing, so the first save is private too.
pub fn make_private(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
        let file = folder.join(SETTINGS_FILE);
        if file.is_file() {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

/// The file the window toolkit writes the settings to inside its folder.
const SETTINGS_FILE: &str = "app.ron";

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

    #[cfg(unix)]
    #[test]
    fn the_settings_folder_and_file_become_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("relational");
        std::fs::create_dir(&folder).expect("mkdir");
        let file = folder.join(SETTINGS_FILE);
        std::fs::write(&file, "{}").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        make_private(&folder).expect("private");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn relative_paths_from_older_versions_are_dropped() {
        let mut settings = Settings {
            recent: vec![PathBuf::from("p.ron"), PathBuf::from("/p/q.ron")],
            last_project: Some(PathBuf::from("f1/c.ron")),
            ..Settings::default()
        };
        settings.drop_relative_paths();
        assert_eq!(settings.recent, vec![PathBuf::from("/p/q.ron")]);
        assert_eq!(settings.last_project, None);
        assert!(settings.export_options().bom, "Excel's mark by default");
    }
}
