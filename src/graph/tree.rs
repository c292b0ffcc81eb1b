//! The layered "who brought in whom" layout: the root on top, each node one
//! level below whoever first reached it, subtrees side by side.

use std::collections::VecDeque;

use super::{Graph, Point};

/// Spacing of the tree layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreeParams {
    /// Vertical distance between levels.
    pub level_gap: f32,
    /// Horizontal distance between neighbouring leaves.
    pub sibling_gap: f32,
    /// Extra horizontal room between separate trees.
    pub tree_gap: f32,
}

impl Default for TreeParams {
    fn default() -> Self {
        Self {
            level_gap: 120.0,
            sibling_gap: 110.0,
            tree_gap: 160.0,
        }
    }
}

/// Where the tree layout put each node, and the tree it found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreeLayout {
    /// Position of each node.
    pub positions: Vec<Point>,
    /// Depth below its tree's root.
    pub level: Vec<usize>,
    /// The node that first reached it; `None` for roots.
    pub parent: Vec<Option<usize>>,
    /// The root of its tree.
    pub tree_of: Vec<usize>,
}

/// Lays out `graph` as trees following its edges: first the one rooted at
/// `root`, then, to its right, trees for nodes it does not reach (rooted at
/// nodes nothing else left points to, then at any left over, as in cycles).
pub fn tree_layout(graph: &Graph, root: usize, params: &TreeParams) -> TreeLayout {
    let count = graph.node_count();
    let mut layout = TreeLayout {
        positions: vec![[0.0, 0.0]; count],
        level: vec![0; count],
        parent: vec![None; count],
        tree_of: (0..count).collect(),
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut reached = vec![false; count];
    let mut next_slot = 0.0f32;
    for tree_root in roots(graph, root) {
        if reached[tree_root] {
            continue;
        }
        let members = grow(graph, tree_root, &mut reached, &mut layout, &mut children);
        if next_slot > 0.0 {
            next_slot += params.tree_gap / params.sibling_gap;
        }
        next_slot = place(tree_root, &children, next_slot, &mut layout, params);
        for node in members {
            layout.tree_of[node] = tree_root;
        }
    }
    layout
}

/// Candidate roots in order: `root`, nodes with no incoming edge, then all.
fn roots(graph: &Graph, root: usize) -> impl Iterator<Item = usize> + '_ {
    let count = graph.node_count();
    std::iter::once(root)
        .filter(move |r| *r < count)
        .chain((0..count).filter(|node| graph.in_degree(*node) == 0))
        .chain(0..count)
}

/// Breadth-first from `tree_root`: levels, parents and child lists.
fn grow(
    graph: &Graph,
    tree_root: usize,
    reached: &mut [bool],
    layout: &mut TreeLayout,
    children: &mut [Vec<usize>],
) -> Vec<usize> {
    let mut members = vec![tree_root];
    reached[tree_root] = true;
    let mut queue = VecDeque::from([tree_root]);
    while let Some(node) = queue.pop_front() {
        for &next in graph.out_neighbors(node) {
            if !reached[next] {
                reached[next] = true;
                layout.parent[next] = Some(node);
                layout.level[next] = layout.level[node] + 1;
                children[node].push(next);
                members.push(next);
                queue.push_back(next);
            }
        }
    }
    members
}

/// Gives leaves consecutive slots from `first_slot` and centres each parent
/// over its first and last child. Returns the next free slot. Iterative, so
/// a chain of 10,000 introductions cannot overflow the stack.
fn place(
    tree_root: usize,
    children: &[Vec<usize>],
    first_slot: f32,
    layout: &mut TreeLayout,
    params: &TreeParams,
) -> f32 {
    let mut slot = first_slot;
    // (node, children already pushed)
    let mut stack = vec![(tree_root, false)];
    while let Some((node, expanded)) = stack.pop() {
        let kids = &children[node];
        if kids.is_empty() {
            layout.positions[node][0] = slot * params.sibling_gap;
            slot += 1.0;
        } else if !expanded {
            stack.push((node, true));
            for &child in kids.iter().rev() {
                stack.push((child, false));
            }
            continue;
        } else {
            let first = layout.positions[kids[0]][0];
            let last = layout.positions[kids[kids.len() - 1]][0];
            layout.positions[node][0] = (first + last) / 2.0;
        }
        layout.positions[node][1] = layout.level[node] as f32 * params.level_gap;
    }
    slot
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(graph: &Graph, root: usize) -> TreeLayout {
        tree_layout(graph, root, &TreeParams::default())
    }

    #[test]
    fn levels_follow_introductions() {
        // 0 → 1, 0 → 2, 1 → 3, 1 → 4, 2 → 5
        let graph = Graph::new(6, [(0, 1), (0, 2), (1, 3), (1, 4), (2, 5)]);
        let tree = layout(&graph, 0);
        assert_eq!(tree.level, vec![0, 1, 1, 2, 2, 2]);
        for node in 1..6 {
            let parent = tree.parent[node].expect("reached from the root");
            assert_eq!(tree.level[node], tree.level[parent] + 1);
            assert!(tree.positions[parent][1] < tree.positions[node][1]);
        }
        // Node 1 sits over its two children.
        let middle = (tree.positions[3][0] + tree.positions[4][0]) / 2.0;
        assert_eq!(tree.positions[1][0], middle);
    }

    #[test]
    fn nodes_on_one_level_never_share_a_place() {
        let graph = Graph::new(9, [(0, 1), (0, 2), (1, 3), (2, 4), (2, 5), (5, 6), (7, 8)]);
        let tree = layout(&graph, 0);
        for a in 0..9 {
            for b in a + 1..9 {
                if tree.level[a] == tree.level[b] {
                    assert_ne!(tree.positions[a], tree.positions[b], "{a} and {b}");
                }
            }
        }
    }

    #[test]
    fn unreached_people_form_their_own_trees_beside() {
        // 0 → 1; 2 → 3 is a separate tree; 4 stands alone.
        let graph = Graph::new(5, [(0, 1), (2, 3)]);
        let tree = layout(&graph, 0);
        assert_eq!(tree.tree_of, vec![0, 0, 2, 2, 4]);
        let main_right = tree.positions[0][0].max(tree.positions[1][0]);
        assert!(tree.positions[2][0] > main_right);
        assert!(tree.positions[3][0] > main_right);
        assert!(tree.positions[4][0] > tree.positions[3][0]);
        assert_eq!(tree.level[3], 1);
    }

    #[test]
    fn cycles_and_self_introductions_end() {
        let graph = Graph::new(4, [(1, 2), (2, 3), (3, 1), (0, 0)]);
        let tree = layout(&graph, 0);
        assert_eq!(tree.parent[0], None);
        // The cycle has no node without an incoming edge: it starts at 1.
        assert_eq!(tree.tree_of[1..], [1, 1, 1]);
        assert_eq!(tree.level[1..], [0, 1, 2]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 50_000;
        let graph = Graph::new(n, (1..n).map(|i| (i - 1, i)));
        let tree = layout(&graph, 0);
        assert_eq!(tree.level[n - 1], n - 1);
    }

    #[test]
    fn out_of_range_root_and_empty_graph() {
        assert!(layout(&Graph::new(0, []), 0).positions.is_empty());
        let tree = layout(&Graph::new(2, [(0, 1)]), 9);
        assert_eq!(tree.level, vec![0, 1]);
    }
}
