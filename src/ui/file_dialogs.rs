//! Native file dialogs, behind a trait so tests (and machines without a
//! desktop portal) can do without them.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; ask for a typed path instead.
    Unavailable,
}

/// Opens the dialogs the app needs.
pub trait FileDialogs {
    /// Asks for a project file to open, starting in `folder`.
    fn pick_project_to_open(&mut self, folder: Option<&Path>) -> Picked;
    /// Asks where to save, starting in `folder` with a suggested file name.
    fn pick_project_to_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
    /// Asks for a list to import (CSV, TSV, workbooks, vCards).
    fn pick_list_to_import(&mut self, folder: Option<&Path>) -> Picked;
    /// Asks where to write an export of one format (`kind`, like "SVG
    /// image", with its file `extension`).
    fn pick_export_path(
        &mut self,
        folder: Option<&Path>,
        suggested_name: &str,
        kind: &str,
        extension: &str,
    ) -> Picked;
}

/// A dialog that returns sooner than this was never shown: without a desktop
/// portal `rfd` answers "nothing chosen" at once, like a cancel.
const FASTER_THAN_A_PERSON: Duration = Duration::from_millis(300);

/// The system's dialogs, through `rfd`.
#[derive(Default)]
pub struct NativeDialogs;

impl NativeDialogs {
    fn dialog(folder: Option<&Path>) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new().add_filter("Relational project", &["ron"]);
        in_folder(dialog, folder)
    }

    fn judge(started: Instant, picked: Option<PathBuf>) -> Picked {
        match picked {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < FASTER_THAN_A_PERSON => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_list_to_import(&mut self, folder: Option<&Path>) -> Picked {
        let started = Instant::now();
        let picked = in_folder(rfd::FileDialog::new(), folder)
            .add_filter(
                "Lists and contacts",
                &[
                    "csv", "tsv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods", "vcf", "vcard",
                ],
            )
            .add_filter("All files", &["*"])
            .pick_file();
        Self::judge(started, picked)
    }

    fn pick_project_to_open(&mut self, folder: Option<&Path>) -> Picked {
        let started = Instant::now();
        Self::judge(started, Self::dialog(folder).pick_file())
    }

    fn pick_project_to_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked {
        let started = Instant::now();
        let picked = Self::dialog(folder)
            .set_file_name(suggested_name)
            .save_file();
        Self::judge(started, picked.map(with_ron_extension))
    }

    fn pick_export_path(
        &mut self,
        folder: Option<&Path>,
        suggested_name: &str,
        kind: &str,
        extension: &str,
    ) -> Picked {
        let started = Instant::now();
        let picked = in_folder(rfd::FileDialog::new(), folder)
            .add_filter(kind, &[extension])
            .set_file_name(suggested_name)
            .save_file();
        Self::judge(started, picked.map(|path| with_extension(path, extension)))
    }
}

fn in_folder(dialog: rfd::FileDialog, folder: Option<&Path>) -> rfd::FileDialog {
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// Adds `.ron` when the name has no extension.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    with_extension(path, "ron")
}

/// Adds `extension` when the name has none.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}

/// Dialogs that are never available, as on a machine without a portal:
/// every pick falls back to the typed path.
#[derive(Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_list_to_import(&mut self, _folder: Option<&Path>) -> Picked {
        Picked::Unavailable
    }

    fn pick_project_to_open(&mut self, _folder: Option<&Path>) -> Picked {
        Picked::Unavailable
    }

    fn pick_project_to_save(&mut self, _folder: Option<&Path>, _suggested_name: &str) -> Picked {
        Picked::Unavailable
    }

    fn pick_export_path(
        &mut self,
        _folder: Option<&Path>,
        _suggested: &str,
        _kind: &str,
        _extension: &str,
    ) -> Picked {
        Picked::Unavailable
    }
}
