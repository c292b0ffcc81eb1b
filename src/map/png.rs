//! The map as a PNG, drawn without the window: the SVG of the picture is
//! rasterized in software (`resvg`), with the app's own font for names and
//! the system's fonts for scripts it lacks. Works the same on any machine,
//! with or without a GPU, and can fail only with a message.

use std::sync::OnceLock;

use super::picture::{MapPicture, Rgba};

/// Pixels per screen point in the written image, for a sharp print.
pub const SCALE: f32 = 2.0;

/// Largest side in pixels; a bigger map is drawn smaller to fit.
const MAX_SIDE: f32 = 8192.0;

/// The fonts names are drawn with: the app's Ubuntu Light first, then
/// whatever the system has (Chinese, Arabic, …). Loaded once.
fn fonts() -> &'static std::sync::Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<std::sync::Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        let family = db
            .faces()
            .next()
            .and_then(|face| face.families.first())
            .map(|(name, _)| name.clone());
        db.load_system_fonts();
        if let Some(family) = family {
            db.set_sans_serif_family(family);
        }
        std::sync::Arc::new(db)
    })
}

/// `picture` on `background` as PNG bytes.
pub fn to_png(picture: &MapPicture, background: Rgba) -> Result<Vec<u8>, String> {
    let svg = super::svg::to_svg(picture, background);
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::clone(fonts()),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &options)
        .map_err(|error| format!("the map picture could not be read back: {error}"))?;
    let size = tree.size();
    let scale = SCALE.min(MAX_SIDE / size.width().max(size.height()).max(1.0));
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| format!("a {width} × {height} image is too large to draw"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| format!("the image could not be encoded: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::picture::{EdgeShape, NodeShape};

    fn picture() -> MapPicture {
        let node = |node, centre: [f32; 2], label: &str| NodeShape {
            node,
            centre,
            radius: 14.0,
            fill: Rgba::rgb(230, 90, 80),
            outline: Rgba::rgb(0, 0, 0),
            rings: Vec::new(),
            label: Some(label.to_owned()),
            label_at: [centre[0], centre[1] + 26.0],
            label_color: Rgba::rgb(240, 240, 240),
        };
        MapPicture {
            size: [320.0, 200.0],
            edges: vec![EdgeShape {
                from: [60.0, 80.0],
                to: [240.0, 80.0],
                color: Rgba::rgb(200, 200, 200),
                width: 1.5,
                dashed: false,
                arrow: None,
            }],
            nodes: vec![
                node(0, [60.0, 80.0], "Ana Ruiz"),
                node(1, [240.0, 80.0], "Łukasz Ż."),
            ],
        }
    }

    #[test]
    fn a_map_becomes_a_png_without_a_window() {
        let background = Rgba::rgb(20, 22, 26);
        let bytes = to_png(&picture(), background).expect("drawn");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let (width, height) = (reader.info().width, reader.info().height);
        assert_eq!((width, height), (640, 400), "twice the points");
        let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
        reader.next_frame(&mut pixels).expect("pixels");
        let at = |x: u32, y: u32| {
            let i = ((y * width + x) * 4) as usize;
            [pixels[i], pixels[i + 1], pixels[i + 2]]
        };
        assert_eq!(at(2, 2), [20, 22, 26], "the background");
        assert_eq!(at(120, 160), [230, 90, 80], "a person's fill");
        // Some light pixels under the person: the name was drawn.
        let name_area = (100..140)
            .flat_map(|x| (195..225).map(move |y| (x, y)))
            .filter(|(x, y)| at(*x, *y)[0] > 150)
            .count();
        assert!(name_area > 10, "{name_area} light pixels where the name is");
    }
}
