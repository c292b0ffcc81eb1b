//! Where people sit on the map: saved positions, the force and tree layouts
//! run over the project, and the edits that save their result.

use std::time::{Duration, Instant};

use crate::graph::{ForceLayout, ForceParams, Point, TreeParams, tree_layout};
use crate::model::{Edit, MapPosition, Project};

use super::Network;

/// The seed of every force layout, so a project always lays out the same way.
pub const LAYOUT_SEED: u64 = 0x0051_7e5e_ed00;

/// Starting positions and pins, node by node.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// Known position of each node, if any.
    pub positions: Vec<Option<Point>>,
    /// Nodes the layout must not move.
    pub pinned: Vec<bool>,
}

impl Placement {
    /// Positions saved in the project.
    pub fn saved(project: &Project, network: &Network) -> Self {
        let (positions, pinned) = network
            .people
            .iter()
            .map(|id| match project.map_positions.get(id) {
                Some(saved) => (Some([saved.x, saved.y]), saved.pinned),
                None => (None, false),
            })
            .unzip();
        Self { positions, pinned }
    }

    /// True when some node has no position yet.
    pub fn has_unplaced(&self) -> bool {
        self.positions.iter().any(Option::is_none)
    }

    /// Holds every placed node still, so only newcomers move. Used when a few
    /// people join a map the organizer has already arranged.
    pub fn hold_placed(mut self) -> Self {
        for (pinned, position) in self.pinned.iter_mut().zip(&self.positions) {
            *pinned |= position.is_some();
        }
        self
    }
}

/// A force layout running over a few frames.
pub struct ForceRun {
    layout: ForceLayout,
    /// Save the result as one undo step once it settles.
    pub save_when_settled: bool,
    /// Introductions as plain pairs, to find the groups nobody links.
    edges: Vec<(usize, usize)>,
    /// Nodes that must not move (saved pins, a node being dragged).
    pinned: Vec<bool>,
    /// The organizer's node: their group is the main one.
    me: Option<usize>,
    /// The settled positions with loose groups packed beside the main one.
    packed: Option<Vec<Point>>,
}

impl ForceRun {
    /// Starts a force layout of the introductions from `placement`.
    pub fn start(network: &Network, placement: &Placement, save_when_settled: bool) -> Self {
        let layout = ForceLayout::new(
            &network.introductions,
            &placement.positions,
            &placement.pinned,
            ForceParams::default(),
            LAYOUT_SEED,
        );
        Self {
            layout,
            save_when_settled,
            edges: network.introductions.edges().to_vec(),
            pinned: placement.pinned.clone(),
            me: network.me,
            packed: None,
        }
    }

    /// Once settled, packs the groups nobody links to the main one beside
    /// it (the force layout alone pushes them to the edges).
    fn pack_when_settled(&mut self) {
        if self.packed.is_none() && self.layout.is_settled() {
            let main = self.me.unwrap_or(0);
            self.packed = Some(pack_loose_groups(
                self.layout.positions(),
                &self.edges,
                &self.pinned,
                main,
            ));
        }
    }

    /// Runs steps until `budget` is used up or the layout settles (at least
    /// one step). Returns true once settled.
    pub fn run_for(&mut self, budget: Duration) -> bool {
        let started = Instant::now();
        while !self.layout.is_settled() {
            self.layout.step();
            if started.elapsed() >= budget {
                break;
            }
        }
        self.pack_when_settled();
        self.layout.is_settled()
    }

    /// Runs to the end, however long that takes.
    pub fn run_to_end(&mut self, max_steps: usize) {
        for _ in 0..max_steps {
            if self.layout.is_settled() {
                break;
            }
            self.layout.step();
        }
        self.pack_when_settled();
    }

    /// Holds a node at `position` (while the organizer drags it) and lets
    /// the others make room.
    pub fn hold(&mut self, node: usize, position: Point) {
        self.layout.pin(node, position);
        if let Some(pinned) = self.pinned.get_mut(node) {
            *pinned = true;
        }
        self.packed = None;
    }

    /// True once nothing moves.
    pub fn is_settled(&self) -> bool {
        self.layout.is_settled()
    }

    /// Current positions, node by node.
    pub fn positions(&self) -> &[Point] {
        self.packed
            .as_deref()
            .unwrap_or_else(|| self.layout.positions())
    }
}

/// Gap between packed groups, in scene units.
const PACK_GAP: f32 = 90.0;

/// `positions` with every group of people linked to nobody in `main`'s
/// group (by `edges`) moved into columns just right of the main group,
/// largest first. Groups holding a pinned person stay where they are.
pub fn pack_loose_groups(
    positions: &[Point],
    edges: &[(usize, usize)],
    pinned: &[bool],
    main: usize,
) -> Vec<Point> {
    let mut out = positions.to_vec();
    let groups = groups_of(positions.len(), edges);
    let Some(main_group) = groups.iter().position(|g| g.contains(&main)) else {
        return out;
    };
    let bounds = |group: &[usize], points: &[Point]| {
        group
            .iter()
            .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, &n| {
                let [x, y] = points[n];
                [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)]
            })
    };
    let home = bounds(&groups[main_group], positions);
    let mut loose: Vec<&Vec<usize>> = groups
        .iter()
        .enumerate()
        .filter(|(i, g)| *i != main_group && !g.iter().any(|n| pinned.get(*n) == Some(&true)))
        .map(|(_, g)| g)
        .collect();
    loose.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let column_height = (home[3] - home[1]).max(PACK_GAP * 3.0);
    let (mut x, mut y, mut column_width) = (home[2] + PACK_GAP, home[1], 0.0_f32);
    for group in loose {
        let own = bounds(group, positions);
        let (width, height) = (own[2] - own[0], own[3] - own[1]);
        if y > home[1] && y + height > home[1] + column_height {
            x += column_width + PACK_GAP;
            y = home[1];
            column_width = 0.0;
        }
        for &node in group {
            let [px, py] = positions[node];
            out[node] = [x + (px - own[0]), y + (py - own[1])];
        }
        y += height + PACK_GAP;
        column_width = column_width.max(width);
    }
    out
}

/// The groups of nodes `0..count` linked by `edges`, each in node order.
fn groups_of(count: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for &(a, b) in edges {
        if a < count && b < count {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for node in 0..count {
        let r = root(&mut parent, node);
        groups.entry(r).or_default().push(node);
    }
    groups.into_values().collect()
}

/// The layered "who brought in whom" layout rooted at the organizer.
/// Pinned people keep their saved place.
pub fn tree_positions(project: &Project, network: &Network) -> Vec<Point> {
    let root = network.me.unwrap_or(0);
    let layout = tree_layout(&network.introductions, root, &TreeParams::default());
    let saved = Placement::saved(project, network);
    layout
        .positions
        .iter()
        .zip(saved.positions.iter().zip(&saved.pinned))
        .map(|(tree, (saved, pinned))| match (saved, pinned) {
            (Some(saved), true) => *saved,
            _ => *tree,
        })
        .collect()
}

/// The edits that save `positions`, leaving pins as they are. Unchanged
/// positions make no edit, so saving the same layout twice changes nothing.
pub fn position_edits(project: &Project, network: &Network, positions: &[Point]) -> Vec<Edit> {
    network
        .people
        .iter()
        .zip(positions)
        .filter_map(|(id, [x, y])| {
            let saved = project.map_positions.get(id);
            let pinned = saved.is_some_and(|saved| saved.pinned);
            let wanted = MapPosition {
                x: *x,
                y: *y,
                pinned,
            };
            (saved != Some(&wanted) && x.is_finite() && y.is_finite())
                .then_some(Edit::SetMapPosition(*id, Some(wanted)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Introduction, Person, PersonId};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    /// me → p1 → p2 … a chain of `n` people after me.
    fn chain(n: usize) -> Project {
        let mut project = Project::new("Chain", "Me", day());
        let mut previous = project.me;
        for i in 0..n {
            let id = project.new_person_id();
            Edit::PutPerson(Box::new(Person::new(id, format!("P{i}"), day())))
                .apply(&mut project)
                .expect("person");
            let intro_id = project.new_introduction_id();
            let intro = Introduction {
                id: intro_id,
                introducer: previous,
                introduced: id,
                date: None,
                meeting: None,
                note: String::new(),
            };
            Edit::PutIntroduction(Box::new(intro))
                .apply(&mut project)
                .expect("introduction");
            previous = id;
        }
        project
    }

    fn pin(project: &mut Project, id: PersonId, x: f32, y: f32) {
        let position = MapPosition { x, y, pinned: true };
        Edit::SetMapPosition(id, Some(position))
            .apply(project)
            .expect("pin");
    }

    #[test]
    fn saved_positions_and_pins_are_read_by_node() {
        let mut project = chain(3);
        let second = *project.people.keys().nth(2).expect("three people");
        pin(&mut project, second, 10.0, 20.0);
        let network = Network::from_project(&project);
        let placement = Placement::saved(&project, &network);
        let node = network.index_of(second).expect("node");
        assert_eq!(placement.positions[node], Some([10.0, 20.0]));
        assert!(placement.pinned[node]);
        assert!(placement.has_unplaced());
        let held = placement.hold_placed();
        assert_eq!(held.pinned.iter().filter(|p| **p).count(), 1);
    }

    #[test]
    fn a_force_run_settles_keeps_pins_and_saves_in_one_batch() {
        let mut project = chain(6);
        let pinned = *project.people.keys().nth(3).expect("people");
        pin(&mut project, pinned, 500.0, -300.0);
        let network = Network::from_project(&project);
        let mut run = ForceRun::start(&network, &Placement::saved(&project, &network), true);
        run.run_to_end(5_000);
        assert!(run.is_settled());
        let node = network.index_of(pinned).expect("node");
        assert_eq!(run.positions()[node], [500.0, -300.0]);
        let edits = position_edits(&project, &network, run.positions());
        // Everyone but the pinned person gets a position.
        assert_eq!(edits.len(), network.len() - 1);
        Edit::Batch(edits).apply(&mut project).expect("save layout");
        assert!(project.map_positions.get(&pinned).is_some_and(|p| p.pinned));
        let again = position_edits(&project, &network, run.positions());
        assert!(
            again.is_empty(),
            "saving the same layout twice changes nothing"
        );
    }

    #[test]
    fn people_nobody_introduced_land_beside_the_graph_not_at_its_edges() {
        let mut project = chain(12);
        for name in ["Loose One", "Loose Two"] {
            let id = project.new_person_id();
            Edit::PutPerson(Box::new(Person::new(id, name, day())))
                .apply(&mut project)
                .expect("person");
        }
        let network = Network::from_project(&project);
        let mut run = ForceRun::start(&network, &Placement::saved(&project, &network), false);
        run.run_to_end(20_000);
        let positions = run.positions();
        let chain_nodes: Vec<usize> = (0..13).collect();
        let xs = chain_nodes.iter().map(|n| positions[*n][0]);
        let ys = chain_nodes.iter().map(|n| positions[*n][1]);
        let (left, right) = xs.fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(x), r.max(x)));
        let (top, bottom) = ys.fold((f32::MAX, f32::MIN), |(t, b), y| (t.min(y), b.max(y)));
        let reach = (right - left).max(bottom - top);
        for loose in [13, 14] {
            let [x, y] = positions[loose];
            assert!(
                x > right && x < right + 2.0 * PACK_GAP + reach * 0.25,
                "loose person at x {x}, graph right edge {right}"
            );
            assert!(
                y >= top - 1.0 && y <= bottom + 3.0 * PACK_GAP,
                "y {y} in {top}..{bottom}"
            );
        }
    }

    #[test]
    fn packing_leaves_pinned_groups_and_the_main_group_alone() {
        let positions = vec![[0.0, 0.0], [100.0, 0.0], [5000.0, 5000.0], [-900.0, 40.0]];
        let edges = [(0, 1)];
        let packed = pack_loose_groups(&positions, &edges, &[false, false, true, false], 0);
        assert_eq!(packed[0], [0.0, 0.0]);
        assert_eq!(packed[1], [100.0, 0.0]);
        assert_eq!(packed[2], [5000.0, 5000.0], "pinned stays");
        assert_eq!(packed[3], [100.0 + PACK_GAP, 0.0], "loose goes beside");
    }

    #[test]
    fn tree_positions_go_down_the_chain_and_respect_pins() {
        let mut project = chain(3);
        let last = *project.people.keys().last().expect("people");
        pin(&mut project, last, -40.0, -40.0);
        let network = Network::from_project(&project);
        let positions = tree_positions(&project, &network);
        let ys: Vec<f32> = positions.iter().map(|p| p[1]).collect();
        assert!(
            ys[0] < ys[1] && ys[1] < ys[2],
            "each introduction one level down"
        );
        assert_eq!(
            positions[network.index_of(last).expect("node")],
            [-40.0, -40.0]
        );
    }
}
