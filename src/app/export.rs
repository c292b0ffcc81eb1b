//! Exports: files written from the project or the screen, never changing
//! the project.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Context, Rect};

use super::{Modal, RelationalApp};
use crate::export::ExportFormat;
use crate::map::svg::to_svg;
use crate::store::{Target, write_atomically};
use crate::ui::{ExportKind, MapExport, Picked, View};
use crate::workspace::Document;

/// A map picture waiting for the window's screenshot.
#[derive(Default)]
pub struct PendingPng {
    /// Where it goes.
    path: Option<PathBuf>,
    /// Where the screenshot lands when the window has drawn it.
    slot: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

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
            ExportKind::Map(MapExport::Svg) => {
                let svg = to_svg(map.picture(), map.palette().background);
                self.report_export(path, write_atomically(path, svg.as_bytes()));
            }
            ExportKind::Map(MapExport::Png) => {
                self.exports.path = Some(path.to_path_buf());
                let arrived = Arc::clone(&self.exports.slot);
                let ctx = self.ctx.clone();
                self.ctx.request_screenshot(move |image| {
                    if let Ok(mut slot) = arrived.lock() {
                        *slot = Some(image);
                    }
                    ctx.request_repaint();
                });
                self.workspace.status = "Saving the map image…".to_owned();
            }
            ExportKind::Data(format, options) => {
                let ws = &self.workspace;
                let result = format
                    .render(&ws.doc.project, options, ws.clock.now())
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(path, &bytes));
                self.report_export(path, result);
            }
        }
    }

    fn report_export(&mut self, path: &Path, result: std::io::Result<()>) {
        match result {
            Ok(()) => self.workspace.status = format!("Exported {}", path.display()),
            Err(error) => {
                self.workspace.status = "Export failed".to_owned();
                self.dialogs.show(Modal::Message {
                    title: "Could not export".to_owned(),
                    body: format!("{}: {error}", path.display()),
                });
            }
        }
    }

    /// Saves the map's part of a screenshot, once the screenshot arrives.
    pub(super) fn receive_screenshot(&mut self, ctx: &Context) {
        if self.exports.path.is_none() {
            return;
        }
        let image = self
            .exports
            .slot
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        let (Some(image), Some(path)) = (image, self.exports.path.take()) else {
            return;
        };
        let region = self.views.map_view.map_rect();
        let result = crop(&image, region, ctx.pixels_per_point())
            .ok_or_else(|| std::io::Error::other("the map was not on screen"))
            .and_then(|cropped| encode_png(&cropped).map_err(std::io::Error::other))
            .and_then(|bytes| write_atomically(&path, &bytes));
        self.report_export(&path, result);
    }
}

/// The part of `image` under `region` (in points), clamped to the image.
pub fn crop(image: &ColorImage, region: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let [width, height] = image.size;
    let to_pixels =
        |v: f32, limit: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(limit);
    let (x0, x1) = (
        to_pixels(region.min.x, width),
        to_pixels(region.max.x, width),
    );
    let (y0, y1) = (
        to_pixels(region.min.y, height),
        to_pixels(region.max.y, height),
    );
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let pixels = (y0..y1)
        .flat_map(|row| {
            image
                .pixels
                .get(row * width + x0..row * width + x1)
                .unwrap_or_default()
        })
        .copied()
        .collect();
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// An image as PNG bytes.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_srgba_unmultiplied())
        .collect();
    let mut bytes = Vec::new();
    let (w, h) = (
        u32::try_from(width).map_err(|e| e.to_string())?,
        u32::try_from(height).map_err(|e| e.to_string())?,
    );
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
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
    use egui::{Color32, Pos2};

    fn image() -> ColorImage {
        let pixels = (0..4 * 3)
            .map(|i| Color32::from_rgb(i as u8, 0, 0))
            .collect();
        ColorImage::new([4, 3], pixels)
    }

    #[test]
    fn crop_takes_the_region_in_pixels_and_clamps() {
        let cropped = crop(
            &image(),
            Rect::from_min_max(Pos2::new(0.5, 0.5), Pos2::new(1.5, 10.0)),
            2.0,
        )
        .expect("region inside");
        assert_eq!(cropped.size, [2, 2]);
        assert_eq!(cropped.pixels[0], Color32::from_rgb(5, 0, 0));
        assert_eq!(cropped.pixels[2], Color32::from_rgb(9, 0, 0));
        let outside = Rect::from_min_max(Pos2::new(10.0, 10.0), Pos2::new(20.0, 20.0));
        assert!(crop(&image(), outside, 1.0).is_none());
    }

    #[test]
    fn png_has_signature_and_size() {
        let bytes = encode_png(&image()).expect("encode");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().expect("read back");
        assert_eq!((reader.info().width, reader.info().height), (4, 3));
    }

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
