//! A crowded map drawn into pixels on the CPU: lines and people, no names.
//! Shown as one picture, it costs the graphics driver one quad instead of
//! tens of thousands of long thin triangles, which software drivers bin
//! into every tile they cross (about 60 MB for the 16,000 lines of a
//! 10,000-person network).
//!
//! Bresenham on whole pixels, blended "source over" in premultiplied RGBA
//! (opaque lines simply written): 16,000 lines take milliseconds.

use super::picture::{EdgeShape, NodeShape, RING_WIDTH};
use crate::graph::Point;

/// Drawn pixels, premultiplied RGBA, row by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pixels {
    /// Width and height in pixels.
    pub size: [usize; 2],
    /// Four bytes per pixel.
    pub rgba: Vec<u8>,
}

/// Most pixels drawn (about 16 million, a 4K screen's worth twice).
const MAX_PIXELS: usize = 16 << 20;

/// `edges` then `nodes` (in points) drawn at `scale` pixels per point on
/// a transparent picture of `size` points: lines with arrowheads as their
/// two sides, people as discs over their rings (names are left to the
/// caller). `None` if the picture would be empty or too large.
pub fn crowd_pixels(
    edges: &[EdgeShape],
    nodes: &[NodeShape],
    size: Point,
    scale: f32,
) -> Option<Pixels> {
    let mut canvas = Canvas::new(size, scale)?;
    canvas.edges(edges, scale);
    for node in nodes {
        let [x, y] = node.centre;
        let centre = [x * scale, y * scale];
        for (i, ring) in node.rings.iter().enumerate().rev() {
            let radius = node.radius + RING_WIDTH * (i as f32 + 1.0) + 1.0;
            canvas.disc(centre, radius * scale, premultiplied(ring.0));
        }
        canvas.disc(centre, node.radius * scale, premultiplied(node.fill.0));
    }
    Some(canvas.finish())
}

impl Canvas {
    fn new(size: Point, scale: f32) -> Option<Self> {
        let width = (size[0] * scale).ceil().max(0.0) as usize;
        let height = (size[1] * scale).ceil().max(0.0) as usize;
        if width == 0 || height == 0 || width.saturating_mul(height) > MAX_PIXELS {
            return None;
        }
        Some(Self {
            width,
            height,
            pixels: vec![0; width * height],
        })
    }

    fn finish(self) -> Pixels {
        Pixels {
            size: [self.width, self.height],
            rgba: self.pixels.into_iter().flat_map(u32::to_ne_bytes).collect(),
        }
    }

    fn edges(&mut self, edges: &[EdgeShape], scale: f32) {
        let at = |[x, y]: Point| [x * scale, y * scale];
        for edge in edges {
            let color = premultiplied(edge.color.0);
            let thickness = (edge.width * scale).round().max(1.0) as i32;
            self.line(at(edge.from), at(edge.to), color, thickness);
            if let Some([tip, left, right]) = edge.arrow {
                self.line(at(left), at(tip), color, 1);
                self.line(at(right), at(tip), color, 1);
            }
        }
    }

    /// A filled disc (at least one pixel) of `radius` pixels.
    fn disc(&mut self, [cx, cy]: Point, radius: f32, color: [u8; 4]) {
        let r = radius.max(0.5);
        let (top, bottom) = ((cy - r).round() as i32, (cy + r).round() as i32);
        for y in top..=bottom {
            let dy = y as f32 - cy;
            let half = (r * r - dy * dy).max(0.0).sqrt();
            let (left, right) = ((cx - half).round() as i32, (cx + half).round() as i32);
            for x in left..=right {
                self.blend(x, y, color);
            }
        }
    }
}

fn premultiplied([r, g, b, a]: [u8; 4]) -> [u8; 4] {
    let scale = |c: u8| ((u16::from(c) * u16::from(a) + 127) / 255) as u8;
    [scale(r), scale(g), scale(b), a]
}

struct Canvas {
    width: usize,
    height: usize,
    /// One premultiplied RGBA pixel per `u32`, bytes in memory order.
    pixels: Vec<u32>,
}

impl Canvas {
    /// Blends `color` (premultiplied) over the pixel at `x`, `y`, if inside.
    #[inline]
    fn blend(&mut self, x: i32, y: i32, color: [u8; 4]) {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return;
        }
        let i = y as usize * self.width + x as usize;
        let Some(pixel) = self.pixels.get_mut(i) else {
            return;
        };
        if color[3] == 255 {
            *pixel = u32::from_ne_bytes(color);
            return;
        }
        let keep = 255 - u16::from(color[3]);
        let mut out = pixel.to_ne_bytes();
        for (channel, source) in out.iter_mut().zip(color) {
            *channel =
                (u16::from(source) + (u16::from(*channel) * keep + 127) / 255).min(255) as u8;
        }
        *pixel = u32::from_ne_bytes(out);
    }

    /// A line `thickness` pixels wide from `a` to `b`, clipped to the canvas
    /// (Bresenham on whole pixels).
    fn line(&mut self, a: Point, b: Point, color: [u8; 4], thickness: i32) {
        let Some((a, b)) = clip(a, b, self.width as f32, self.height as f32) else {
            return;
        };
        let (mut x, mut y) = (a[0].round() as i32, a[1].round() as i32);
        let (x1, y1) = (b[0].round() as i32, b[1].round() as i32);
        let (dx, dy) = ((x1 - x).abs(), -(y1 - y).abs());
        let (sx, sy) = (if x < x1 { 1 } else { -1 }, if y < y1 { 1 } else { -1 });
        // Thickness across the line's main direction.
        let across_x = dx < -dy;
        let half = (thickness - 1) / 2;
        let mut error = dx + dy;
        loop {
            if thickness == 1 {
                self.blend(x, y, color);
            } else {
                for offset in -half..=(thickness - 1 - half) {
                    if across_x {
                        self.blend(x + offset, y, color);
                    } else {
                        self.blend(x, y + offset, color);
                    }
                }
            }
            if x == x1 && y == y1 {
                break;
            }
            let doubled = 2 * error;
            if doubled >= dy {
                error += dy;
                x += sx;
            }
            if doubled <= dx {
                error += dx;
                y += sy;
            }
        }
    }
}

/// The part of the segment `a`–`b` inside `0..width` × `0..height`
/// (Liang–Barsky), so lines far off screen cost nothing.
fn clip(a: Point, b: Point, width: f32, height: f32) -> Option<(Point, Point)> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-dx, a[0]),
        (dx, width - 1.0 - a[0]),
        (-dy, a[1]),
        (dy, height - 1.0 - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            t0 = t0.max(t);
        } else {
            t1 = t1.min(t);
        }
        if t0 > t1 {
            return None;
        }
    }
    Some((
        [a[0] + t0 * dx, a[1] + t0 * dy],
        [a[0] + t1 * dx, a[1] + t1 * dy],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::picture::Rgba;

    fn edge(from: Point, to: Point, color: Rgba) -> EdgeShape {
        EdgeShape {
            from,
            to,
            color,
            width: 1.0,
            dashed: false,
            arrow: None,
        }
    }

    fn pixel(pixels: &Pixels, x: usize, y: usize) -> [u8; 4] {
        let i = (y * pixels.size[0] + x) * 4;
        [
            pixels.rgba[i],
            pixels.rgba[i + 1],
            pixels.rgba[i + 2],
            pixels.rgba[i + 3],
        ]
    }

    #[test]
    fn lines_are_drawn_at_the_scale_asked_and_clipped() {
        let edges = [
            edge([10.0, 25.0], [90.0, 25.0], Rgba::rgb(0, 0, 255)),
            // Mostly off the picture: only its visible part is drawn.
            edge([-500.0, 10.0], [50.0, 10.0], Rgba::rgb(255, 0, 0)),
            edge([500.0, 500.0], [900.0, 900.0], Rgba::rgb(0, 255, 0)),
        ];
        let pixels = crowd_pixels(&edges, &[], [100.0, 50.0], 2.0).expect("drawn");
        assert_eq!(pixels.size, [200, 100]);
        assert_eq!(pixel(&pixels, 100, 50), [0, 0, 255, 255], "the blue line");
        assert_eq!(
            pixel(&pixels, 0, 20),
            [255, 0, 0, 255],
            "the clipped red line"
        );
        assert_eq!(pixel(&pixels, 150, 20), [0, 0, 0, 0], "past its end");
        let green = pixels.rgba.chunks(4).filter(|p| p[1] > 0).count();
        assert_eq!(green, 0, "a line off the picture leaves no pixel");
    }

    #[test]
    fn people_are_discs_over_their_rings() {
        let node = NodeShape {
            node: 0,
            centre: [20.0, 20.0],
            radius: 6.0,
            fill: Rgba::rgb(255, 0, 0),
            outline: Rgba::rgb(0, 0, 0),
            rings: vec![Rgba::rgb(255, 210, 80)],
            label: None,
            label_at: [20.0, 30.0],
            label_color: Rgba::rgb(0, 0, 0),
        };
        let line = edge([0.0, 20.0], [40.0, 20.0], Rgba::rgb(0, 0, 255));
        let pixels = crowd_pixels(&[line], &[node], [40.0, 40.0], 1.0).expect("drawn");
        assert_eq!(
            pixel(&pixels, 20, 20),
            [255, 0, 0, 255],
            "the fill over the line"
        );
        assert_eq!(
            pixel(&pixels, 20, 28),
            [255, 210, 80, 255],
            "the ring around it"
        );
        assert_eq!(pixel(&pixels, 2, 20), [0, 0, 255, 255], "the line outside");
        assert_eq!(pixel(&pixels, 20, 36), [0, 0, 0, 0]);
    }

    #[test]
    fn faded_lines_blend_and_do_not_overflow() {
        let faded = Rgba::rgb(255, 255, 255).faded(0.5);
        let edges = [
            edge([0.0, 5.0], [20.0, 5.0], faded),
            edge([0.0, 5.0], [20.0, 5.0], faded),
        ];
        let pixels = crowd_pixels(&edges, &[], [20.0, 10.0], 1.0).expect("drawn");
        let [r, _, _, a] = pixel(&pixels, 10, 5);
        assert!(a > 128 && a < 255, "two halves blend to {a}");
        assert!(r <= a, "premultiplied: colour never above alpha");
        assert!(crowd_pixels(&edges, &[], [0.0, 10.0], 1.0).is_none());
    }
}
