//! Paints a [`MapPicture`]: shape by shape when few people are on screen,
//! as one picture drawn on the CPU ([`crate::map::raster`]) when many are,
//! which keeps a frame of 10,000 people cheap for the graphics driver too.

use egui::{
    Align2, Color32, ColorImage, FontId, Painter, Pos2, Shape, Stroke, TextureHandle,
    TextureOptions, Vec2,
};

use crate::map::picture::{MapPicture, Rgba};
use crate::map::svg::{LABEL_SIZE, RING_WIDTH};

/// With more people on screen than this, the map is drawn as one picture.
pub const CROWD: usize = 300;

/// A picture colour as egui's.
pub fn color(Rgba([r, g, b, a]): Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn pos(origin: Pos2, [x, y]: [f32; 2]) -> Pos2 {
    Pos2::new(origin.x + x, origin.y + y)
}

/// What a crowd's drawing keeps between frames: its picture as a texture,
/// drawn again only when the lines or people changed.
#[derive(Default)]
pub struct CrowdCache {
    texture: Option<TextureHandle>,
    /// The picture and scale the texture shows.
    drawn: Option<(MapPicture, f32)>,
}

/// Paints the picture: lines, then people, then names. A crowd's lines and
/// people are one picture drawn on the CPU.
pub fn paint_picture(
    painter: &Painter,
    origin: Pos2,
    picture: &MapPicture,
    crowd: &mut CrowdCache,
) {
    if picture.nodes.len() > CROWD {
        paint_crowd(painter, origin, picture, crowd);
    } else {
        painter.extend(detailed_shapes(origin, picture));
    }
    for node in &picture.nodes {
        if let Some(label) = &node.label {
            painter.text(
                pos(origin, node.label_at),
                Align2::CENTER_CENTER,
                label,
                FontId::proportional(LABEL_SIZE),
                color(node.label_color),
            );
        }
    }
}

fn detailed_shapes(origin: Pos2, picture: &MapPicture) -> Vec<Shape> {
    let mut shapes = Vec::with_capacity(picture.edges.len() * 2 + picture.nodes.len() * 3);
    for edge in &picture.edges {
        let stroke = Stroke::new(edge.width, color(edge.color));
        let (a, b) = (pos(origin, edge.from), pos(origin, edge.to));
        if edge.dashed {
            shapes.extend(Shape::dashed_line(&[a, b], stroke, 6.0, 4.0));
        } else {
            shapes.push(Shape::line_segment([a, b], stroke));
        }
        if let Some(arrow) = edge.arrow {
            let points = arrow.iter().map(|p| pos(origin, *p)).collect();
            shapes.push(Shape::convex_polygon(
                points,
                color(edge.color),
                Stroke::NONE,
            ));
        }
    }
    for node in &picture.nodes {
        let centre = pos(origin, node.centre);
        for (i, ring) in node.rings.iter().enumerate() {
            let radius = node.radius + RING_WIDTH * (i as f32 + 1.0) + 1.0;
            shapes.push(Shape::circle_stroke(
                centre,
                radius,
                Stroke::new(RING_WIDTH, color(*ring)),
            ));
        }
        shapes.push(Shape::circle_filled(centre, node.radius, color(node.fill)));
        if node.radius >= 4.0 {
            shapes.push(Shape::circle_stroke(
                centre,
                node.radius,
                Stroke::new(1.0, color(node.outline)),
            ));
        }
    }
    shapes
}

/// The crowd at the screen's density, drawn again only when it changed.
fn paint_crowd(painter: &Painter, origin: Pos2, picture: &MapPicture, crowd: &mut CrowdCache) {
    let scale = painter.ctx().pixels_per_point();
    let same = crowd
        .drawn
        .as_ref()
        .is_some_and(|(drawn, drawn_at)| *drawn_at == scale && drawn == picture);
    if !same {
        let Some(pixels) =
            crate::map::raster::crowd_pixels(&picture.edges, &picture.nodes, picture.size, scale)
        else {
            return;
        };
        let image = ColorImage::from_rgba_premultiplied(pixels.size, &pixels.rgba);
        match &mut crowd.texture {
            Some(texture) => texture.set(image, TextureOptions::NEAREST),
            None => {
                crowd.texture = Some(painter.ctx().load_texture(
                    "map_crowd",
                    image,
                    TextureOptions::NEAREST,
                ));
            }
        }
        crowd.drawn = Some((picture.clone(), scale));
    }
    let Some(texture) = &crowd.texture else {
        return;
    };
    let rect = egui::Rect::from_min_size(origin, Vec2::new(picture.size[0], picture.size[1]));
    let uv = egui::Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    painter.image(texture.id(), rect, uv, Color32::WHITE);
}
