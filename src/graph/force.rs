//! Force-directed layout: linked nodes pull together like springs, all
//! nodes push apart (through the Barnes–Hut [`QuadTree`]), a weak pull to
//! the centre keeps separate groups in view, and a cooling temperature caps
//! each move so the layout settles.

use super::quadtree::{QuadTree, Repulsion};
use super::{Graph, Point};

/// Tuning of the force layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceParams {
    /// Preferred length of a link.
    pub edge_length: f32,
    /// Strength of the push between all nodes, relative to the springs.
    pub repulsion: f32,
    /// Barnes–Hut opening angle: larger is faster and coarser.
    pub theta: f32,
    /// Nodes closer than this are pushed apart hard.
    pub min_distance: f32,
    /// Pull towards the origin, per unit of distance.
    pub gravity: f32,
    /// Largest move in the first step.
    pub start_temperature: f32,
    /// Each step the largest allowed move is multiplied by this.
    pub cooling: f32,
    /// Settled once the largest allowed move is below this.
    pub settle_speed: f32,
}

impl Default for ForceParams {
    fn default() -> Self {
        Self {
            edge_length: 90.0,
            repulsion: 1.0,
            theta: 1.2,
            min_distance: 56.0,
            gravity: 0.05,
            start_temperature: 120.0,
            cooling: 0.96,
            settle_speed: 0.5,
        }
    }
}

/// A force layout in progress.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    edges: Vec<(usize, usize)>,
    positions: Vec<Point>,
    forces: Vec<Point>,
    /// Nodes in the quadtree's spatial order, and their forces in that order.
    order: Vec<u32>,
    ordered_forces: Vec<Point>,
    pinned: Vec<bool>,
    params: ForceParams,
    temperature: f32,
    steps: usize,
    tree: QuadTree,
}

impl ForceLayout {
    /// Starts a layout. Nodes with a position keep it as their start; the
    /// others are placed near a placed neighbour (or on a spiral), with
    /// jitter from `seed`, so the same inputs always give the same layout.
    pub fn new(
        graph: &Graph,
        start: &[Option<Point>],
        pinned: &[bool],
        params: ForceParams,
        seed: u64,
    ) -> Self {
        let count = graph.node_count();
        let positions = initial_positions(graph, start, params.edge_length, seed);
        let pinned = (0..count)
            .map(|node| pinned.get(node).copied().unwrap_or(false))
            .collect();
        Self {
            edges: graph.edges().to_vec(),
            forces: vec![[0.0, 0.0]; count],
            order: Vec::with_capacity(count),
            ordered_forces: Vec::with_capacity(count),
            positions,
            pinned,
            params,
            temperature: params.start_temperature,
            steps: 0,
            tree: QuadTree::default(),
        }
    }

    /// One iteration; returns the largest move made.
    pub fn step(&mut self) -> f32 {
        self.accumulate_forces();
        let largest = self.move_nodes();
        self.temperature *= self.params.cooling;
        self.steps += 1;
        largest
    }

    fn accumulate_forces(&mut self) {
        let k = self.params.edge_length;
        let repulsion = Repulsion {
            strength: self.params.repulsion * k * k,
            theta_squared: self.params.theta * self.params.theta,
            min_distance: self.params.min_distance,
            collision: k,
        };
        self.tree.build(&self.positions);
        self.tree.spatial_order(&mut self.order);
        let gravity = self.params.gravity;
        let (tree, positions) = (&self.tree, &self.positions);
        // Each node's push depends only on the finished tree, so the nodes
        // are split between threads; the result does not depend on how.
        // Nodes go in spatial order, so consecutive walks share cells.
        let push_on = |nodes: &[u32], forces: &mut [Point]| {
            let mut stack = Vec::new();
            for (node, force) in nodes.iter().zip(forces.iter_mut()) {
                let position = positions[*node as usize];
                let push =
                    tree.repulsion(*node as usize, position, positions, &repulsion, &mut stack);
                *force = [
                    push[0] - position[0] * gravity,
                    push[1] - position[1] * gravity,
                ];
            }
        };
        self.ordered_forces.resize(positions.len(), [0.0, 0.0]);
        let threads = worker_count(positions.len());
        if threads <= 1 {
            push_on(&self.order, &mut self.ordered_forces);
        } else {
            let chunk = positions.len().div_ceil(threads);
            std::thread::scope(|scope| {
                for (nodes, forces) in self
                    .order
                    .chunks(chunk)
                    .zip(self.ordered_forces.chunks_mut(chunk))
                {
                    scope.spawn(move || push_on(nodes, forces));
                }
            });
        }
        for (node, force) in self.order.iter().zip(&self.ordered_forces) {
            self.forces[*node as usize] = *force;
        }
        for (a, b) in &self.edges {
            let [ax, ay] = self.positions[*a];
            let [bx, by] = self.positions[*b];
            let (dx, dy) = (bx - ax, by - ay);
            let pull = (dx * dx + dy * dy).sqrt() / k;
            self.forces[*a][0] += dx * pull;
            self.forces[*a][1] += dy * pull;
            self.forces[*b][0] -= dx * pull;
            self.forces[*b][1] -= dy * pull;
        }
    }

    fn move_nodes(&mut self) -> f32 {
        let mut largest = 0.0f32;
        for node in 0..self.positions.len() {
            if self.pinned[node] {
                continue;
            }
            let [fx, fy] = self.forces[node];
            let strength = (fx * fx + fy * fy).sqrt();
            if !strength.is_finite() || strength == 0.0 {
                continue;
            }
            let step = strength.min(self.temperature);
            self.positions[node][0] += fx / strength * step;
            self.positions[node][1] += fy / strength * step;
            largest = largest.max(step);
        }
        largest
    }

    /// True once moves are too small to see.
    pub fn is_settled(&self) -> bool {
        self.temperature < self.params.settle_speed || self.positions.is_empty()
    }

    /// Steps taken so far.
    pub fn steps_taken(&self) -> usize {
        self.steps
    }

    /// Positions, node by node.
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Moves a node (it stays free to move on).
    pub fn set_position(&mut self, node: usize, position: Point) {
        if let Some(slot) = self.positions.get_mut(node) {
            *slot = position;
        }
    }

    /// Fixes a node at `position`.
    pub fn pin(&mut self, node: usize, position: Point) {
        self.set_position(node, position);
        if let Some(pinned) = self.pinned.get_mut(node) {
            *pinned = true;
        }
    }

    /// Lets a node move again.
    pub fn unpin(&mut self, node: usize) {
        if let Some(pinned) = self.pinned.get_mut(node) {
            *pinned = false;
        }
    }

    /// Whether a node is fixed.
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Warms the layout up again (after a drag) so neighbours make room.
    pub fn reheat(&mut self) {
        self.temperature = self.temperature.max(self.params.edge_length / 3.0);
    }
}

/// Below this many nodes one thread is faster than starting others.
const NODES_PER_THREAD: usize = 1_500;

/// Threads for one step: one per core, none idle for lack of nodes.
fn worker_count(nodes: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(8).min(nodes / NODES_PER_THREAD).max(1)
}

/// A small deterministic generator (splitmix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// Starting places: given ones kept; others next to a placed neighbour, in
/// breadth-first order so whole branches start near their root; the rest
/// on a sunflower spiral around the origin.
fn initial_positions(
    graph: &Graph,
    start: &[Option<Point>],
    spacing: f32,
    seed: u64,
) -> Vec<Point> {
    let count = graph.node_count();
    let mut rng = SplitMix(seed);
    let mut placed: Vec<Option<Point>> = (0..count)
        .map(|node| {
            start
                .get(node)
                .copied()
                .flatten()
                .filter(|[x, y]| x.is_finite() && y.is_finite())
        })
        .collect();
    let mut queue: std::collections::VecDeque<usize> =
        (0..count).filter(|node| placed[*node].is_some()).collect();
    let mut spiral = 0usize;
    let mut next_unplaced = 0usize;
    loop {
        while let Some(node) = queue.pop_front() {
            let Some(origin) = placed[node] else { continue };
            for &neighbour in graph.neighbors(node) {
                if placed[neighbour].is_none() {
                    let angle = rng.unit() * std::f32::consts::TAU;
                    let distance = spacing * (0.6 + 0.4 * rng.unit());
                    placed[neighbour] = Some([
                        origin[0] + angle.cos() * distance,
                        origin[1] + angle.sin() * distance,
                    ]);
                    queue.push_back(neighbour);
                }
            }
        }
        while next_unplaced < count && placed[next_unplaced].is_some() {
            next_unplaced += 1;
        }
        if next_unplaced >= count {
            break;
        }
        placed[next_unplaced] = Some(sunflower(spiral, spacing * 2.0));
        spiral += 1;
        queue.push_back(next_unplaced);
    }
    placed
        .into_iter()
        .map(|p| p.unwrap_or([0.0, 0.0]))
        .collect()
}

/// The i-th point of a sunflower spiral: even spacing, no overlaps.
fn sunflower(i: usize, spacing: f32) -> Point {
    let radius = spacing * (i as f32).sqrt();
    let angle = i as f32 * 2.399_963;
    [radius * angle.cos(), radius * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settle(graph: &Graph, pins: &[(usize, Point)], seed: u64) -> ForceLayout {
        let mut start = vec![None; graph.node_count()];
        let mut pinned = vec![false; graph.node_count()];
        for (node, position) in pins {
            start[*node] = Some(*position);
            pinned[*node] = true;
        }
        let mut layout = ForceLayout::new(graph, &start, &pinned, ForceParams::default(), seed);
        while !layout.is_settled() && layout.steps_taken() < 2_000 {
            layout.step();
        }
        layout
    }

    fn closest_pair(positions: &[Point]) -> f32 {
        let mut closest = f32::MAX;
        for (i, a) in positions.iter().enumerate() {
            for b in &positions[i + 1..] {
                closest = closest.min((a[0] - b[0]).hypot(a[1] - b[1]));
            }
        }
        closest
    }

    /// A random tree: node i is linked from a random earlier node.
    fn random_tree(n: usize, seed: u64) -> Graph {
        let mut rng = SplitMix(seed);
        Graph::new(n, (1..n).map(|i| ((rng.next() % i as u64) as usize, i)))
    }

    fn chain(n: usize) -> Graph {
        Graph::new(n, (1..n).map(|i| (i - 1, i)))
    }

    fn star(n: usize) -> Graph {
        Graph::new(n, (1..n).map(|i| (0, i)))
    }

    fn two_triangles() -> Graph {
        Graph::new(6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])
    }

    #[test]
    fn same_seed_same_layout_other_seed_other_layout() {
        let graph = random_tree(60, 3);
        let a = settle(&graph, &[], 7);
        let b = settle(&graph, &[], 7);
        let c = settle(&graph, &[], 8);
        assert_eq!(a.positions(), b.positions());
        assert_ne!(a.positions(), c.positions());
    }

    #[test]
    fn pinned_nodes_stay_put() {
        let graph = random_tree(40, 5);
        let layout = settle(&graph, &[(0, [300.0, -200.0]), (7, [-50.0, 50.0])], 1);
        assert_eq!(layout.positions()[0], [300.0, -200.0]);
        assert_eq!(layout.positions()[7], [-50.0, 50.0]);
        assert!(layout.is_pinned(7));
    }

    #[test]
    fn small_graphs_settle_without_overlaps() {
        let min = ForceParams::default().min_distance;
        for (name, graph) in [
            ("chain of 5", chain(5)),
            ("star of 12", star(12)),
            ("two triangles", two_triangles()),
            ("random tree of 40", random_tree(40, 11)),
        ] {
            let layout = settle(&graph, &[], 2);
            assert!(layout.is_settled(), "{name} settles");
            let closest = closest_pair(layout.positions());
            assert!(closest >= 0.9 * min, "{name}: two nodes {closest} apart");
        }
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        let graph = random_tree(80, 13);
        let layout = settle(&graph, &[], 4);
        let p = layout.positions();
        let distance = |a: usize, b: usize| (p[a][0] - p[b][0]).hypot(p[a][1] - p[b][1]);
        let linked: f32 = graph
            .edges()
            .iter()
            .map(|(a, b)| distance(*a, *b))
            .sum::<f32>()
            / graph.edges().len() as f32;
        let mut all = 0.0;
        let mut pairs = 0.0;
        for a in 0..p.len() {
            for b in a + 1..p.len() {
                all += distance(a, b);
                pairs += 1.0;
            }
        }
        assert!(
            linked < 0.5 * all / pairs,
            "linked {linked}, average {}",
            all / pairs
        );
    }

    #[test]
    fn settles_in_bounded_steps_and_stays_finite() {
        let graph = random_tree(200, 17);
        let layout = settle(&graph, &[], 9);
        assert!(layout.is_settled());
        assert!(layout.steps_taken() < 400, "{} steps", layout.steps_taken());
        assert!(
            layout
                .positions()
                .iter()
                .all(|[x, y]| x.is_finite() && y.is_finite())
        );
    }

    #[test]
    fn empty_graph_and_coincident_starts() {
        let empty = Graph::new(0, []);
        let mut layout = ForceLayout::new(&empty, &[], &[], ForceParams::default(), 1);
        assert_eq!(layout.step(), 0.0);
        assert!(layout.is_settled());
        let graph = Graph::new(3, []);
        let start = vec![Some([1.0, 1.0]); 3];
        let mut layout = ForceLayout::new(&graph, &start, &[], ForceParams::default(), 1);
        for _ in 0..300 {
            layout.step();
        }
        assert!(closest_pair(layout.positions()) > 10.0);
    }

    #[test]
    fn unplaced_nodes_start_near_a_placed_neighbour() {
        let graph = chain(3);
        let start = [Some([1_000.0, 1_000.0]), None, None];
        let layout = ForceLayout::new(&graph, &start, &[], ForceParams::default(), 1);
        let [x, y] = layout.positions()[1];
        assert!((x - 1_000.0).hypot(y - 1_000.0) <= 90.0);
    }
}
