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
    }

    /// Holds a node at `position` (while the organizer drags it) and lets
    /// the others make room.
    pub fn hold(&mut self, node: usize, position: Point) {
        self.layout.pin(node, position);
    }

    /// True once nothing moves.
    pub fn is_settled(&self) -> bool {
        self.layout.is_settled()
    }

    /// Current positions, node by node.
    pub fn positions(&self) -> &[Point] {
        self.layout.positions()
    }
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
