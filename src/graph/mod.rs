//! Graphs by node index, and what the map needs from them: a force-directed
//! layout with a Barnes–Hut approximation, a layered tree layout, and
//! queries (introduction chains, degrees around a person, stats).
//!
//! Nothing here knows about people or egui: nodes are `0..n`, edges are
//! `(from, to)` pairs, positions are `[x, y]`.

mod analysis;
mod force;
mod quadtree;
mod structure;
mod tree;

pub use analysis::{GraphStats, chain_from, stats, within_degrees};
pub use force::{ForceLayout, ForceParams};
pub use quadtree::QuadTree;
pub use structure::Graph;
pub use tree::{TreeLayout, TreeParams, tree_layout};

/// A position in the plane.
pub type Point = [f32; 2];
