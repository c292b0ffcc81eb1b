//! Exports: files written from the project or the screen, never changing
//! the project.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Context, Rect};

use super::{Modal, RelationalApp};
use crate::export::{ExportFormat, ExportOptions};
use crate::map::svg::to_svg;
use crate::store::write_atomically;
use crate::ui::{MapExport, Picked};

/// Where a requested screenshot lands when the window has drawn it.
pub type ScreenshotSlot = Arc<Mutex<Option<Arc<ColorImage>>>>;

/// Something the app can export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The map as on screen.
    Map(MapExport),
    /// A calendar or a CSV list made from the project.
    Data(ExportFormat, ExportOptions),
}

impl ExportKind {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Map(MapExport::Png) => "png",
            ExportKind::Map(MapExport::Svg) => "svg",
            ExportKind::Data(format, _) => format.extension(),
        }
    }

    /// The format's name in file dialogs.
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::Map(MapExport::Png) => "PNG image",
            ExportKind::Map(MapExport::Svg) => "SVG image",
            ExportKind::Data(format, _) => format.description(),
        }
    }

    /// What the file holds, for names and messages.
    pub fn subject(self) -> &'static str {
        match self {
            ExportKind::Map(_) => "map",
            ExportKind::Data(format, options) if options.anonymize => match format {
                ExportFormat::Calendar => "calendar-anonymized",
                ExportFormat::LeadersCsv => "leaders-anonymized",
                ExportFormat::SheetCsv => "one-to-ones-anonymized",
            },
            ExportKind::Data(format, _) => format.subject(),
        }
    }
}

impl RelationalApp {
    /// Asks where to export, then exports.
    pub fn export(&mut self, kind: ExportKind) {
        let suggested = export_file_name(&self.doc, kind);
        match self
            .dialogs
            .pick_export_path(&suggested, kind.description(), kind.extension())
        {
            Picked::Path(path) => self.export_to(kind, &path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.modal = Some(Modal::typed_path_to_export(kind, &suggested)),
        }
    }

    /// Writes an export to `path`; a PNG waits for the next screenshot.
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) {
        match kind {
            ExportKind::Map(MapExport::Svg) => {
                let svg = to_svg(self.map_view.picture(), self.map_view.palette().background);
                self.report_export(path, write_atomically(path, svg.as_bytes()));
            }
            ExportKind::Map(MapExport::Png) => {
                self.pending_png = Some(path.to_path_buf());
                let arrived = Arc::clone(&self.screenshot);
                let ctx = self.ctx.clone();
                self.ctx.request_screenshot(move |image| {
                    if let Ok(mut slot) = arrived.lock() {
                        *slot = Some(image);
                    }
                    ctx.request_repaint();
                });
                self.status = "Saving the map image…".to_owned();
            }
            ExportKind::Data(format, options) => {
                let result = format
                    .render(&self.doc.project, options, self.clock.now())
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| write_atomically(path, &bytes));
                self.report_export(path, result);
            }
        }
    }

    fn report_export(&mut self, path: &Path, result: std::io::Result<()>) {
        match result {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(error) => {
                self.status = "Export failed".to_owned();
                self.modal = Some(Modal::Message {
                    title: "Could not export".to_owned(),
                    body: format!("{}: {error}", path.display()),
                });
            }
        }
    }

    /// Saves the map's part of a screenshot, once the screenshot arrives.
    pub(super) fn receive_screenshot(&mut self, ctx: &Context) {
        if self.pending_png.is_none() {
            return;
        }
        let image = self.screenshot.lock().ok().and_then(|mut slot| slot.take());
        let (Some(image), Some(path)) = (image, self.pending_png.take()) else {
            return;
        };
        let region = self.map_view.map_rect();
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
pub fn export_file_name(doc: &super::Document, kind: ExportKind) -> String {
    let stem = match (&doc.path, doc.origin) {
        (Some(path), super::Origin::File) => path
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
        use crate::app::{Document, Origin};
        let project = crate::synth::generate(3, 1);
        let demo = Document::new(project.clone(), None, Origin::Demo);
        let kind = ExportKind::Data(ExportFormat::SheetCsv, ExportOptions { anonymize: true });
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
