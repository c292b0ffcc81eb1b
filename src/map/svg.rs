//! Writes a [`MapPicture`] as an SVG document, shape for shape as drawn on
//! screen.

use std::fmt::Write as _;

use super::picture::{EdgeShape, MapPicture, NodeShape, Rgba};

/// Font size of names, as on screen.
pub const LABEL_SIZE: f32 = 13.0;

/// Gap between a node's rim and its name.
pub const LABEL_GAP: f32 = 2.0;

pub use super::picture::RING_WIDTH;

/// The picture as an SVG document on a `background` colour.
pub fn to_svg(picture: &MapPicture, background: Rgba) -> String {
    let [width, height] = picture.size;
    let mut out = String::with_capacity(256 + 200 * (picture.nodes.len() + picture.edges.len()));
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="sans-serif" font-size="{LABEL_SIZE}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        color(background)
    );
    for edge in &picture.edges {
        write_edge(&mut out, edge);
    }
    for node in &picture.nodes {
        write_node(&mut out, node);
    }
    out.push_str("</svg>\n");
    out
}

fn write_edge(out: &mut String, edge: &EdgeShape) {
    let [x1, y1] = edge.from;
    let [x2, y2] = edge.to;
    let dash = if edge.dashed {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{}"{} stroke-width="{:.2}"{dash}/>"#,
        color(edge.color),
        opacity("stroke-opacity", edge.color),
        edge.width
    );
    if let Some(points) = edge.arrow {
        let points: Vec<String> = points
            .iter()
            .map(|[x, y]| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = writeln!(
            out,
            r#"<polygon points="{}" fill="{}"{}/>"#,
            points.join(" "),
            color(edge.color),
            opacity("fill-opacity", edge.color)
        );
    }
}

fn write_node(out: &mut String, node: &NodeShape) {
    let [x, y] = node.centre;
    for (i, ring) in node.rings.iter().enumerate() {
        let radius = node.radius + RING_WIDTH * (i as f32 + 1.0) + 1.0;
        let _ = writeln!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" fill="none" stroke="{}"{} stroke-width="{RING_WIDTH}"/>"#,
            color(*ring),
            opacity("stroke-opacity", *ring)
        );
    }
    let _ = writeln!(
        out,
        r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="{}"{} stroke="{}"{} stroke-width="1"/>"#,
        node.radius,
        color(node.fill),
        opacity("fill-opacity", node.fill),
        color(node.outline),
        opacity("stroke-opacity", node.outline)
    );
    if let Some(label) = &node.label {
        let [lx, ly] = node.label_at;
        let _ = writeln!(
            out,
            r#"<text x="{lx:.1}" y="{ly:.1}" text-anchor="middle" dominant-baseline="central" fill="{}"{}>{}</text>"#,
            color(node.label_color),
            opacity("fill-opacity", node.label_color),
            escape(label)
        );
    }
}

/// Room the rings take outside a node.
pub fn ring_room(node: &NodeShape) -> f32 {
    RING_WIDTH * node.rings.len() as f32
}

fn color(Rgba([r, g, b, _]): Rgba) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn opacity(attribute: &str, Rgba([_, _, _, a]): Rgba) -> String {
    if a == 255 {
        String::new()
    } else {
        format!(r#" {attribute}="{:.2}""#, f32::from(a) / 255.0)
    }
}

/// Escapes text for XML content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even escaped.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> MapPicture {
        MapPicture {
            size: [400.0, 300.0],
            edges: vec![
                EdgeShape {
                    from: [10.0, 10.0],
                    to: [100.0, 10.0],
                    color: Rgba::rgb(1, 2, 3),
                    width: 1.5,
                    dashed: false,
                    arrow: Some([[100.0, 10.0], [92.0, 6.0], [92.0, 14.0]]),
                },
                EdgeShape {
                    from: [10.0, 50.0],
                    to: [100.0, 50.0],
                    color: Rgba::rgb(9, 9, 9).faded(0.5),
                    width: 1.0,
                    dashed: true,
                    arrow: None,
                },
            ],
            nodes: vec![NodeShape {
                node: 0,
                centre: [50.0, 60.0],
                radius: 12.0,
                fill: Rgba::rgb(255, 0, 16),
                outline: Rgba::rgb(0, 0, 0),
                rings: vec![Rgba::rgb(255, 210, 80)],
                label: Some("Ana & <Bo> \"Li\"\u{7}".to_owned()),
                label_at: [50.0, 82.0],
                label_color: Rgba::rgb(0, 0, 0),
            }],
        }
    }

    #[test]
    fn writes_every_shape() {
        let svg = to_svg(&picture(), Rgba::rgb(255, 255, 255));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\""));
        assert_eq!(svg.matches("<line ").count(), 2);
        assert_eq!(svg.matches("<polygon ").count(), 1);
        assert_eq!(svg.matches("<circle ").count(), 2, "node and its ring");
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
        assert!(svg.contains("fill=\"#ff0010\""));
        assert!(svg.contains("stroke-opacity=\"0.50\""));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn names_are_escaped() {
        let svg = to_svg(&picture(), Rgba::rgb(255, 255, 255));
        assert!(svg.contains(">Ana &amp; &lt;Bo&gt; &quot;Li&quot;</text>"));
        assert!(!svg.contains('\u{7}'));
    }
}
