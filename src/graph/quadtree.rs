//! A Barnes–Hut quadtree: far groups of nodes push as one body at their
//! centre of mass, so repulsion costs O(n log n) instead of O(n²).

use super::Point;

const NONE: u32 = u32::MAX;

/// Past this depth a cell keeps any number of bodies in its list, so nodes
/// at the same spot cannot subdivide forever.
const MAX_DEPTH: u8 = 24;

/// A leaf holds up to this many bodies before it splits: a short exact
/// loop is cheaper than more cells to walk.
const LEAF_CAPACITY: u32 = 8;

#[derive(Clone, Copy, Debug)]
struct Cell {
    centre: Point,
    half: f32,
    mass: f32,
    mass_centre: Point,
    /// Index of the first of four children, or `NONE` for a leaf.
    children: u32,
    /// First body of a leaf (more follow through `next`), or `NONE`.
    body: u32,
    /// Bodies in the leaf's list.
    count: u32,
    depth: u8,
}

impl Cell {
    fn new(centre: Point, half: f32, depth: u8) -> Self {
        Self {
            centre,
            half,
            mass: 0.0,
            mass_centre: [0.0, 0.0],
            children: NONE,
            body: NONE,
            count: 0,
            depth,
        }
    }

    fn quadrant(&self, [x, y]: Point) -> u32 {
        u32::from(x >= self.centre[0]) + 2 * u32::from(y >= self.centre[1])
    }
}

/// The tree, kept between steps so its buffers are reused.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    next: Vec<u32>,
}

/// What one body feels from the others.
#[derive(Clone, Copy, Debug)]
pub struct Repulsion {
    /// Force constant: the push at distance d is `strength / d`.
    pub strength: f32,
    /// Opening angle squared: a cell of width w at distance d counts as
    /// one body when `w² < theta² d²`.
    pub theta_squared: f32,
    /// Closer than this, bodies are also pushed apart hard.
    pub min_distance: f32,
    /// How hard overlapping bodies are pushed apart, per unit of overlap.
    pub collision: f32,
}

impl QuadTree {
    /// Builds the tree over `positions` (all with mass 1). Non-finite
    /// positions are treated as the origin.
    pub fn build(&mut self, positions: &[Point]) {
        self.cells.clear();
        self.next.clear();
        self.next.resize(positions.len(), NONE);
        let (centre, half) = bounds(positions);
        self.cells.push(Cell::new(centre, half, 0));
        for body in 0..positions.len() {
            self.insert(body as u32, positions);
        }
        self.sum_masses(positions);
    }

    fn insert(&mut self, body: u32, positions: &[Point]) {
        let position = finite(positions[body as usize]);
        let mut at = 0usize;
        loop {
            let cell = self.cells[at];
            if cell.children != NONE {
                at = (cell.children + cell.quadrant(position)) as usize;
                continue;
            }
            if cell.count < LEAF_CAPACITY || cell.depth >= MAX_DEPTH {
                self.push_body(at, body);
                return;
            }
            // A full leaf: split it, move its bodies down, and go on
            // placing ours in the new children.
            let first = self.split(at);
            let mut resident = cell.body;
            while resident != NONE {
                let following = self.next[resident as usize];
                let quadrant = cell.quadrant(finite(positions[resident as usize]));
                self.push_body((first + quadrant) as usize, resident);
                resident = following;
            }
        }
    }

    fn push_body(&mut self, at: usize, body: u32) {
        self.next[body as usize] = self.cells[at].body;
        self.cells[at].body = body;
        self.cells[at].count += 1;
    }

    /// Turns a leaf into four empty children; returns the first child.
    fn split(&mut self, at: usize) -> u32 {
        let cell = self.cells[at];
        let first = self.cells.len() as u32;
        let quarter = cell.half / 2.0;
        for quadrant in 0..4u32 {
            let dx = if quadrant & 1 == 1 { quarter } else { -quarter };
            let dy = if quadrant & 2 == 2 { quarter } else { -quarter };
            self.cells.push(Cell::new(
                [cell.centre[0] + dx, cell.centre[1] + dy],
                quarter,
                cell.depth + 1,
            ));
        }
        self.cells[at].children = first;
        self.cells[at].body = NONE;
        self.cells[at].count = 0;
        first
    }

    fn sum_masses(&mut self, positions: &[Point]) {
        for at in (0..self.cells.len()).rev() {
            let cell = self.cells[at];
            let (mass, sum) = if cell.children == NONE {
                let mut mass = 0.0;
                let mut sum = [0.0f32, 0.0];
                let mut body = cell.body;
                while body != NONE {
                    let [x, y] = finite(positions[body as usize]);
                    mass += 1.0;
                    sum[0] += x;
                    sum[1] += y;
                    body = self.next[body as usize];
                }
                (mass, sum)
            } else {
                let mut mass = 0.0;
                let mut sum = [0.0f32, 0.0];
                for child in cell.children..cell.children + 4 {
                    let child = self.cells[child as usize];
                    mass += child.mass;
                    sum[0] += child.mass_centre[0] * child.mass;
                    sum[1] += child.mass_centre[1] * child.mass;
                }
                (mass, sum)
            };
            self.cells[at].mass = mass;
            self.cells[at].mass_centre = if mass > 0.0 {
                [sum[0] / mass, sum[1] / mass]
            } else {
                cell.centre
            };
        }
    }

    /// Every body, leaf by leaf in depth-first order: bodies near each other
    /// come out near each other, so walking the tree for them in this order
    /// finds the same cells in the cache.
    pub fn spatial_order(&self, order: &mut Vec<u32>) {
        order.clear();
        let mut stack = vec![0u32];
        while let Some(at) = stack.pop() {
            let Some(cell) = self.cells.get(at as usize) else {
                continue;
            };
            if cell.children == NONE {
                let mut body = cell.body;
                while body != NONE {
                    order.push(body);
                    body = self.next[body as usize];
                }
            } else {
                stack.extend((cell.children..cell.children + 4).rev());
            }
        }
    }

    /// The push on body `me` at `position` from every other body. `stack`
    /// is scratch space, passed in so threads can share the tree.
    pub fn repulsion(
        &self,
        me: usize,
        position: Point,
        positions: &[Point],
        params: &Repulsion,
        stack: &mut Vec<u32>,
    ) -> Point {
        let mut force = [0.0f32, 0.0];
        if self.cells.is_empty() {
            return force;
        }
        stack.clear();
        stack.push(0);
        while let Some(at) = stack.pop() {
            let cell = &self.cells[at as usize];
            if cell.children == NONE {
                let mut body = cell.body;
                while body != NONE {
                    if body as usize != me {
                        let other = finite(positions[body as usize]);
                        add_pair(&mut force, me, body as usize, position, other, params);
                    }
                    body = self.next[body as usize];
                }
                continue;
            }
            let dx = position[0] - cell.mass_centre[0];
            let dy = position[1] - cell.mass_centre[1];
            let distance_squared = dx * dx + dy * dy;
            let width = cell.half * 2.0;
            if width * width < params.theta_squared * distance_squared {
                let push = params.strength * cell.mass / distance_squared;
                force[0] += dx * push;
                force[1] += dy * push;
            } else {
                for child in cell.children..cell.children + 4 {
                    if self.cells[child as usize].mass > 0.0 {
                        stack.push(child);
                    }
                }
            }
        }
        force
    }
}

/// Exact push between two bodies, plus the collision push when too close.
fn add_pair(force: &mut Point, me: usize, other: usize, a: Point, b: Point, params: &Repulsion) {
    let mut dx = a[0] - b[0];
    let mut dy = a[1] - b[1];
    let mut distance_squared = dx * dx + dy * dy;
    if distance_squared < 1e-6 {
        // Same spot: part in a direction fixed by the pair, so runs repeat.
        let angle = ((me.wrapping_mul(2_654_435_761) ^ other) % 360) as f32 * 0.017_453_3;
        let sign = if me < other { 1.0 } else { -1.0 };
        dx = angle.cos() * 0.01 * sign;
        dy = angle.sin() * 0.01 * sign;
        distance_squared = 1e-4;
    }
    let push = params.strength / distance_squared;
    force[0] += dx * push;
    force[1] += dy * push;
    if distance_squared < params.min_distance * params.min_distance {
        let distance = distance_squared.sqrt();
        let overlap = (params.min_distance - distance) * params.collision / distance;
        force[0] += dx * overlap;
        force[1] += dy * overlap;
    }
}

fn finite([x, y]: Point) -> Point {
    [
        if x.is_finite() { x } else { 0.0 },
        if y.is_finite() { y } else { 0.0 },
    ]
}

/// A square around every position.
fn bounds(positions: &[Point]) -> (Point, f32) {
    let mut min = [f32::MAX, f32::MAX];
    let mut max = [f32::MIN, f32::MIN];
    for position in positions {
        let [x, y] = finite(*position);
        min = [min[0].min(x), min[1].min(y)];
        max = [max[0].max(x), max[1].max(y)];
    }
    if positions.is_empty() {
        return ([0.0, 0.0], 1.0);
    }
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let half = ((max[0] - min[0]).max(max[1] - min[1]) / 2.0).max(1.0) * 1.001;
    (centre, half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Repulsion {
        Repulsion {
            strength: 100.0,
            theta_squared: 0.0,
            min_distance: 0.0,
            collision: 0.0,
        }
    }

    fn brute_force(me: usize, positions: &[Point], params: &Repulsion) -> Point {
        let mut force = [0.0, 0.0];
        for (other, position) in positions.iter().enumerate() {
            if other != me {
                add_pair(&mut force, me, other, positions[me], *position, params);
            }
        }
        force
    }

    fn scattered(n: usize) -> Vec<Point> {
        (0..n)
            .map(|i| {
                let t = i as f32 * 2.399_963;
                let r = 10.0 * (i as f32).sqrt();
                [r * t.cos(), r * t.sin()]
            })
            .collect()
    }

    #[test]
    fn with_theta_zero_it_is_exact() {
        let positions = scattered(200);
        let mut tree = QuadTree::default();
        tree.build(&positions);
        for me in [0, 17, 199] {
            let fast = tree.repulsion(me, positions[me], &positions, &params(), &mut Vec::new());
            let exact = brute_force(me, &positions, &params());
            for axis in 0..2 {
                assert!((fast[axis] - exact[axis]).abs() <= 1e-3 * exact[axis].abs().max(1.0));
            }
        }
    }

    #[test]
    fn with_theta_it_stays_close_to_exact() {
        let positions = scattered(500);
        let mut tree = QuadTree::default();
        tree.build(&positions);
        let approximate = Repulsion {
            theta_squared: 0.81,
            ..params()
        };
        let fast = tree.repulsion(
            250,
            positions[250],
            &positions,
            &approximate,
            &mut Vec::new(),
        );
        let exact = brute_force(250, &positions, &params());
        let error = (fast[0] - exact[0]).hypot(fast[1] - exact[1]);
        assert!(
            error <= 0.1 * exact[0].hypot(exact[1]),
            "{fast:?} vs {exact:?}"
        );
    }

    #[test]
    fn many_bodies_on_one_spot_end_and_push_apart() {
        let positions = vec![[5.0, 5.0]; 1_000];
        let mut tree = QuadTree::default();
        tree.build(&positions);
        let force = tree.repulsion(3, positions[3], &positions, &params(), &mut Vec::new());
        assert!(force[0].is_finite() && force[1].is_finite());
        assert!(force[0] != 0.0 || force[1] != 0.0);
    }

    #[test]
    fn empty_and_non_finite_inputs() {
        let mut tree = QuadTree::default();
        tree.build(&[]);
        assert_eq!(
            tree.repulsion(0, [0.0, 0.0], &[], &params(), &mut Vec::new()),
            [0.0, 0.0]
        );
        let positions = vec![[f32::NAN, 1.0], [2.0, f32::INFINITY], [3.0, 3.0]];
        tree.build(&positions);
        let force = tree.repulsion(2, positions[2], &positions, &params(), &mut Vec::new());
        assert!(force[0].is_finite() && force[1].is_finite());
    }
}
