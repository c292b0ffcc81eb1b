//! Exports: files written from the project or the screen, never changing
//! the project.

use super::{Modal, RelationalApp};
use crate::export::ExportFormat;
use crate::map::svg::to_svg;
use crate::store::{Target, write_atomically};
use crate::ui::{ExportKind, MapExport, Picked, View};
use crate::workspace::Document;
use std::path::{Path, PathBuf};

impl RelationalApp {
    /// A calendar or list, anonymized as the menu says.
    pub(super) fn export_data(&mut self, format: ExportFormat) {
        let options = self.workspace.settings.export_options();
        self.export(ExportKind::Data(format, options));
    }

    /// The map picture, drawn from the map view.
    pub(super) fn export_map(&mut self, format: MapExport) {
        if self.views.view != View::Map {
            // The picture is made while the map is drawn: show it first.
            self.views.view = View::Map;
            self.commands.push(crate::ui::Command::ExportMap(format));
            return;
        }
        self.export(ExportKind::Map(format));
    }

    /// Asks where to export, then exports.
    pub(super) fn export(&mut self, kind: ExportKind) {
        let suggested = export_file_name(&self.workspace.doc, kind);
        let folder = self.workspace.suggested_folder();
        match self.file_dialogs.pick_export_path(
            folder.as_deref(),
            &suggested,
            kind.description(),
            kind.extension(),
        ) {
            // The system's dialog asked about replacing a file already.
            Picked::Path(path) => match self.workspace.check_export_target(&path) {
                Target::Refused(reason) => self.export_refused(reason),
                Target::Replaceable {
                    read_only: Some(reason),
                } => self.dialogs.show(Modal::ConfirmOverwrite {
                    path: crate::workspace::absolute(&path),
                    read_only: Some(reason),
                    purpose: super::dialogs::OverwritePurpose::Export(kind),
                }),
                Target::Free | Target::Replaceable { read_only: None } => {
                    self.export_to(kind, &path);
                }
            },
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let modal = Modal::typed_path_to_export(kind, folder.as_deref(), &suggested);
                self.dialogs.show(modal);
            }
        }
    }

    /// Exports to a typed path: an existing file is asked about, the open
    /// project and files that are not regular files are refused.
    pub(super) fn export_to_checked(&mut self, kind: ExportKind, path: &Path) {
        match self.workspace.check_export_target(path) {
            Target::Free => self.export_to(kind, path),
            Target::Replaceable { read_only } => self.dialogs.show(Modal::ConfirmOverwrite {
                path: crate::workspace::absolute(path),
                read_only,
                purpose: super::dialogs::OverwritePurpose::Export(kind),
            }),
            Target::Refused(reason) => self.export_refused(reason),
        }
    }

    fn export_refused(&mut self, reason: String) {
        self.workspace.status = "Not exported".to_owned();
        self.dialogs.show(Modal::Message {
            title: "Choose another file".to_owned(),
            body: reason,
        });
    }

    /// Writes an export to `path`; a PNG waits for the next screenshot.
    pub(super) fn export_to(&mut self, kind: ExportKind, path: &Path) {
        let map = &self.views.map_view;
        match kind {
            ExportKind::Map(format) => {
                let picture = map.export_picture(&self.workspace.doc.project);
                let background = map.palette().background;
                let bytes = match format {
                    MapExport::Svg => Ok(to_svg(&picture, background).into_bytes()),
                    // Drawn in software from the same shapes: no screenshot,
                    // so no dependence on the graphics driver.
                    MapExport::Png => crate::map::png::to_png(&picture, background),
                };
                let result = bytes
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(path, &bytes));
                self.report_export(path, result);
            }
            ExportKind::Data(format, options) => {
                let ws = &self.workspace;
                let result = format
                    .render(&ws.doc.project, options, ws.clock.now())
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(path, &bytes));
                self.report_export(path, result);
            }
            ExportKind::PrepCard(id) => {
                let ws = &self.workspace;
                let shown = if ws.settings.screen_share {
                    std::borrow::Cow::Owned(crate::export::privacy::screen_share_copy(
                        &ws.doc.project,
                    ))
                } else {
                    std::borrow::Cow::Borrowed(&ws.doc.project)
                };
                let result = crate::export::printouts::prep_card_pdf(&shown, id)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(path, &bytes));
                self.report_export(path, result);
            }
        }
    }

    fn report_export(&mut self, path: &Path, result: std::io::Result<()>) {
        match result {
            Ok(()) => {
                let ws = &mut self.workspace;
                let plain = ws.doc.protection.is_some() && !ws.settings.export_options().anonymize;
                ws.status = if plain {
                    format!(
                        "Exported {}: this file is not protected by the passphrase (anonymize \
                         exports to leave names out)",
                        path.display()
                    )
                } else {
                    format!("Exported {}", path.display())
                };
            }
            Err(error) => {
                self.workspace.status = "Export failed".to_owned();
                self.dialogs.show(Modal::Message {
                    title: "Could not export".to_owned(),
                    body: format!("{}: {error}", path.display()),
                });
            }
        }
    }
}

/// The name an export suggests: the project file's stem (or the project's
/// name made file-safe), what it holds, and its extension.
pub fn export_file_name(doc: &Document, kind: ExportKind) -> String {
    let stem = match (&doc.path, doc.origin) {
        (Some(path), crate::workspace::Origin::File) => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let stem = if stem.is_empty() {
        doc.suggested_file_name()
            .trim_end_matches(".ron")
            .to_owned()
    } else {
        stem
    };
    format!("{stem}-{}.{}", kind.subject(), kind.extension())
}

/// A path typed for an export gets the format's extension if it has none.
pub fn export_path(text: &str, kind: ExportKind) -> PathBuf {
    crate::ui::with_extension(PathBuf::from(text.trim()), kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_come_from_the_file_or_the_project_name() {
        use crate::export::ExportOptions;
        use crate::workspace::Origin;
        let project = crate::synth::generate(3, 1);
        let demo = Document::new(project.clone(), None, Origin::Demo);
        let kind = ExportKind::Data(
            ExportFormat::SheetCsv,
            ExportOptions {
                anonymize: true,
                ..Default::default()
            },
        );
        assert_eq!(
            export_file_name(&demo, kind),
            "Generated_project-one-to-ones-anonymized.csv"
        );
        let saved = Document::new(
            project,
            Some(PathBuf::from("/x/campaign.ron")),
            Origin::File,
        );
        assert_eq!(
            export_file_name(&saved, ExportKind::Map(MapExport::Png)),
            "campaign-map.png"
        );
    }

    #[test]
    fn typed_export_paths_get_an_extension() {
        let kind = ExportKind::Map(MapExport::Svg);
        assert_eq!(export_path(" map ", kind), PathBuf::from("map.svg"));
        assert_eq!(export_path("map.xml", kind), PathBuf::from("map.xml"));
    }
}
