//! Where names go on the map: each name tries the places around its
//! person (below, above, right, left, then the corners), then a shorter
//! form ("Ana R."), before it is left out. A name never covers another
//! name or another person, and stays inside the map. The most important
//! people choose first: the selected one, the organizer, the leadership
//! team, those who introduced more.

use std::collections::HashMap;

use super::picture::NodeShape;
use crate::graph::Point;

/// Height of a name on screen (13-point text with its line gap).
pub const LABEL_HEIGHT: f32 = 16.0;

/// Gap between a person's rim (rings included) and their name.
const GAP: f32 = 2.0;

/// A box as `[left, top, right, bottom]`.
pub type Box4 = [f32; 4];

/// Width of `text` in the map's 13-point proportional font, estimated per
/// kind of letter on the generous side (so estimated boxes that do not
/// overlap never overlap on screen).
pub fn label_width(text: &str) -> f32 {
    let width: f32 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ' ' | '!' | '|' => 3.6,
            'f' | 't' | 'r' | '-' | '(' | ')' => 4.8,
            'm' | 'w' | 'M' | 'W' => 10.5,
            c if c.is_uppercase() => 8.6,
            c if c.is_ascii() => 7.2,
            // Accented Latin letters are as wide as plain ones; CJK and
            // other scripts are wider.
            c if (c as u32) < 0x0590 => 7.6,
            _ => 13.0,
        })
        .sum();
    width + 6.0
}

/// "Ana María Ruiz" → "Ana R."; `None` for a single word.
pub fn short_name(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let last = words.last()?;
    let initial = last.chars().find(|c| c.is_alphanumeric())?;
    let first: String = first.chars().take(16).collect();
    Some(format!("{first} {}.", initial.to_uppercase()))
}

/// The places tried around a person, in order of preference: offsets of
/// the label's centre as multiples of (half width + reach, half height + reach).
const SIDES: [(f32, f32); 8] = [
    (0.0, 1.0),
    (0.0, -1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (1.0, 1.0),
    (-1.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
];

/// The box of a label `width` wide on side `side` of a person at `centre`
/// whose rim (with rings) is `reach` from it.
fn label_box(centre: Point, reach: f32, width: f32, (dx, dy): (f32, f32)) -> Box4 {
    let half = [width / 2.0, LABEL_HEIGHT / 2.0];
    // On the diagonals the rim is nearer the corner than the full reach.
    let scale = if dx != 0.0 && dy != 0.0 { 0.72 } else { 1.0 };
    let x = centre[0] + dx * (half[0] + (reach + GAP) * scale);
    let y = centre[1] + dy * (half[1] + (reach + GAP) * scale);
    [x - half[0], y - half[1], x + half[0], y + half[1]]
}

fn intersects(a: &Box4, b: &Box4) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Boxes bucketed by screen cell, so a test touches only neighbours.
struct Grid {
    cells: HashMap<(i32, i32), Vec<(usize, Box4)>>,
}

/// Side of a grid cell in screen points.
const CELL: f32 = 64.0;

impl Grid {
    fn new() -> Self {
        Self {
            cells: HashMap::new(),
        }
    }

    fn cells_of(rect: &Box4) -> impl Iterator<Item = (i32, i32)> {
        let (x0, y0) = (
            (rect[0] / CELL).floor() as i32,
            (rect[1] / CELL).floor() as i32,
        );
        let (x1, y1) = (
            (rect[2] / CELL).floor() as i32,
            (rect[3] / CELL).floor() as i32,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, owner: usize, rect: Box4) {
        for cell in Self::cells_of(&rect) {
            self.cells.entry(cell).or_default().push((owner, rect));
        }
    }

    /// Whether `rect` touches a box not owned by `owner`.
    fn hits(&self, rect: &Box4, owner: usize) -> bool {
        Self::cells_of(rect).any(|cell| {
            self.cells.get(&cell).is_some_and(|boxes| {
                boxes
                    .iter()
                    .any(|(other, b)| *other != owner && intersects(rect, b))
            })
        })
    }
}

/// How far a person's rim (rings included) is from their centre.
pub fn reach(node: &NodeShape) -> f32 {
    node.radius + super::picture::RING_WIDTH * node.rings.len() as f32
}

/// Places the names of `nodes` in the order `order` (most important
/// first). `essential(i)` names are always shown, below their person if
/// nowhere else fits. `may_shorten` allows "Ana R." forms (not for
/// initials). Names left out are set to `None`; placed ones get their
/// centre in `label_at`.
pub fn place_names(
    nodes: &mut [NodeShape],
    order: &[usize],
    essential: impl Fn(usize) -> bool,
    may_shorten: bool,
    size: Point,
) {
    let mut taken = Grid::new();
    for (i, node) in nodes.iter().enumerate() {
        let r = reach(node) + 1.0;
        let [x, y] = node.centre;
        taken.insert(i, [x - r, y - r, x + r, y + r]);
    }
    let inside = |b: &Box4| b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= size[0] && b[3] <= size[1];
    for &i in order {
        let Some(full) = nodes[i].label.take() else {
            continue;
        };
        let centre = nodes[i].centre;
        let node_reach = reach(&nodes[i]);
        let mut forms = vec![full.clone()];
        if may_shorten && let Some(short) = short_name(&full).filter(|s| *s != full) {
            forms.push(short);
        }
        let found = forms.iter().find_map(|text| {
            let width = label_width(text);
            SIDES.iter().find_map(|side| {
                let rect = label_box(centre, node_reach, width, *side);
                (inside(&rect) && !taken.hits(&rect, i)).then(|| (text.clone(), rect))
            })
        });
        let placed = match found {
            Some(found) => Some(found),
            None if essential(i) => {
                let text = forms.last().cloned().unwrap_or(full);
                let rect = label_box(centre, node_reach, label_width(&text), SIDES[0]);
                Some((text, rect))
            }
            None => None,
        };
        if let Some((text, rect)) = placed {
            nodes[i].label_at = [(rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0];
            nodes[i].label = Some(text);
            taken.insert(i, rect);
        }
    }
}

/// The box a placed name takes, for tests and hit checks.
pub fn placed_box(node: &NodeShape) -> Option<Box4> {
    let text = node.label.as_deref()?;
    let half = [label_width(text) / 2.0, LABEL_HEIGHT / 2.0];
    let [x, y] = node.label_at;
    Some([x - half[0], y - half[1], x + half[0], y + half[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shorten_to_first_name_and_initial() {
        assert_eq!(short_name("Ana María Ruiz").as_deref(), Some("Ana R."));
        assert_eq!(short_name("  Łukasz   Żółć ").as_deref(), Some("Łukasz Ż."));
        assert_eq!(short_name("李明 王").as_deref(), Some("李明 王."));
        assert_eq!(short_name("Cher"), None);
    }

    #[test]
    fn wide_letters_are_counted_wider() {
        assert!(label_width("WWW") > label_width("iii"));
        assert!(label_width("李明") > label_width("ab"));
    }
}
