//! Paints a [`MapPicture`]: shape by shape when few people are on screen,
//! as one mesh of plain polygons (no anti-aliasing, no dashes) when many
//! are, which keeps a frame of 10,000 people cheap.

use std::sync::Arc;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke, Vec2};

use crate::map::picture::{EdgeShape, MapPicture, NodeShape, Rgba};
use crate::map::svg::{LABEL_SIZE, RING_WIDTH};

/// With more people on screen than this, the map is drawn as one mesh.
pub const CROWD: usize = 300;

/// Corners of the polygon standing in for a circle in a crowd.
const CROWD_CORNERS: usize = 8;

/// A picture colour as egui's.
pub fn color(Rgba([r, g, b, a]): Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn pos(origin: Pos2, [x, y]: [f32; 2]) -> Pos2 {
    Pos2::new(origin.x + x, origin.y + y)
}

/// Paints the picture: lines, then people, then names. `mesh` is reused
/// between frames for crowds (egui hands it back once drawn).
pub fn paint_picture(painter: &Painter, origin: Pos2, picture: &MapPicture, mesh: &mut Arc<Mesh>) {
    if picture.nodes.len() > CROWD {
        match Arc::get_mut(mesh) {
            Some(reused) => fill_crowd_mesh(reused, origin, picture),
            None => {
                let mut fresh = Mesh::default();
                fill_crowd_mesh(&mut fresh, origin, picture);
                *mesh = Arc::new(fresh);
            }
        }
        painter.add(Shape::Mesh(Arc::clone(mesh)));
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

/// Everything as flat triangles in one mesh: lines as thin quads,
/// arrowheads as triangles, people as octagons over octagons for rings.
fn fill_crowd_mesh(mesh: &mut Mesh, origin: Pos2, picture: &MapPicture) {
    mesh.clear();
    mesh.reserve_vertices(picture.edges.len() * 7 + picture.nodes.len() * (CROWD_CORNERS + 1) * 2);
    mesh.reserve_triangles(picture.edges.len() * 3 + picture.nodes.len() * CROWD_CORNERS * 2);
    for edge in &picture.edges {
        add_edge(mesh, origin, edge);
    }
    let corners = unit_polygon();
    for node in &picture.nodes {
        add_node(mesh, origin, node, &corners);
    }
}

fn add_edge(mesh: &mut Mesh, origin: Pos2, edge: &EdgeShape) {
    let (a, b) = (pos(origin, edge.from), pos(origin, edge.to));
    let along = b - a;
    let length = (along.x * along.x + along.y * along.y).sqrt();
    if length <= f32::EPSILON {
        return;
    }
    let side = Vec2::new(-along.y, along.x) / length * (edge.width.max(1.0) / 2.0);
    let fill = color(edge.color);
    let first = mesh.vertices.len() as u32;
    for corner in [a + side, a - side, b - side, b + side] {
        mesh.vertices.push(vertex(corner, fill));
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
    if let Some(arrow) = edge.arrow {
        let first = mesh.vertices.len() as u32;
        for point in arrow {
            mesh.vertices.push(vertex(pos(origin, point), fill));
        }
        mesh.add_triangle(first, first + 1, first + 2);
    }
}

/// Below this radius a square looks the same as a circle and costs half.
const SQUARE_BELOW: f32 = 3.5;

fn add_node(mesh: &mut Mesh, origin: Pos2, node: &NodeShape, corners: &[Vec2]) {
    let centre = pos(origin, node.centre);
    let tiny = node.radius < SQUARE_BELOW;
    for (i, ring) in node.rings.iter().enumerate().rev() {
        let radius = node.radius + RING_WIDTH * (i as f32 + 1.0) + 1.0;
        add_shape(mesh, centre, radius, color(*ring), corners, tiny);
    }
    add_shape(mesh, centre, node.radius, color(node.fill), corners, tiny);
}

fn add_shape(
    mesh: &mut Mesh,
    centre: Pos2,
    radius: f32,
    fill: Color32,
    corners: &[Vec2],
    tiny: bool,
) {
    if tiny {
        add_square(mesh, centre, radius, fill);
    } else {
        add_polygon(mesh, centre, radius, fill, corners);
    }
}

/// A square of the circle's area: four corners, two triangles.
fn add_square(mesh: &mut Mesh, centre: Pos2, radius: f32, fill: Color32) {
    let half = radius * 0.886; // sqrt(pi) / 2: same area as the circle
    let first = mesh.vertices.len() as u32;
    for (dx, dy) in [(-half, -half), (half, -half), (half, half), (-half, half)] {
        mesh.vertices.push(vertex(centre + Vec2::new(dx, dy), fill));
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

fn add_polygon(mesh: &mut Mesh, centre: Pos2, radius: f32, fill: Color32, corners: &[Vec2]) {
    let middle = mesh.vertices.len() as u32;
    mesh.vertices.push(vertex(centre, fill));
    for corner in corners {
        mesh.vertices.push(vertex(centre + *corner * radius, fill));
    }
    let count = corners.len() as u32;
    for i in 0..count {
        mesh.add_triangle(middle, middle + 1 + i, middle + 1 + (i + 1) % count);
    }
}

fn unit_polygon() -> Vec<Vec2> {
    (0..CROWD_CORNERS)
        .map(|i| Vec2::angled(i as f32 * std::f32::consts::TAU / CROWD_CORNERS as f32))
        .collect()
}

fn vertex(pos: Pos2, color: Color32) -> Vertex {
    Vertex {
        pos,
        uv: WHITE_UV,
        color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(i: usize) -> NodeShape {
        NodeShape {
            node: i,
            centre: [i as f32, 0.0],
            radius: 5.0,
            fill: Rgba::rgb(1, 2, 3),
            outline: Rgba::rgb(0, 0, 0),
            rings: if i == 0 {
                vec![Rgba::rgb(9, 9, 9)]
            } else {
                Vec::new()
            },
            label: None,
            label_at: [i as f32, 10.0],
            label_color: Rgba::rgb(0, 0, 0),
        }
    }

    #[test]
    fn a_crowd_is_one_mesh_with_every_node_and_line() {
        let picture = MapPicture {
            size: [100.0, 100.0],
            edges: vec![EdgeShape {
                from: [0.0, 0.0],
                to: [10.0, 0.0],
                color: Rgba::rgb(5, 5, 5),
                width: 1.0,
                dashed: false,
                arrow: Some([[10.0, 0.0], [8.0, -1.0], [8.0, 1.0]]),
            }],
            nodes: (0..CROWD + 1).map(node).collect(),
        };
        let mut mesh = Mesh::default();
        fill_crowd_mesh(&mut mesh, Pos2::ZERO, &picture);
        let polygons = CROWD + 1 + 1; // every node, plus one ring
        assert_eq!(mesh.indices.len() / 3, 2 + 1 + polygons * CROWD_CORNERS);
        assert!(mesh.is_valid());
    }
}
