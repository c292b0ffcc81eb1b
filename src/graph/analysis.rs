//! Questions the map asks of a graph: the chain from one node to another,
//! who lies within N steps, and overall figures.

use std::collections::VecDeque;

use super::Graph;
use super::tree::{TreeParams, tree_layout};

/// How many top connectors [`stats`] lists.
const TOP_CONNECTORS: usize = 5;

/// The shortest chain of edges from `from` to `to`, both ends included;
/// `None` when `to` cannot be reached.
pub fn chain_from(graph: &Graph, from: usize, to: usize) -> Option<Vec<usize>> {
    let count = graph.node_count();
    if from >= count || to >= count {
        return None;
    }
    let mut came_from: Vec<Option<usize>> = vec![None; count];
    let mut seen = vec![false; count];
    seen[from] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            break;
        }
        for &next in graph.out_neighbors(node) {
            if !seen[next] {
                seen[next] = true;
                came_from[next] = Some(node);
                queue.push_back(next);
            }
        }
    }
    if !seen[to] {
        return None;
    }
    let mut chain = vec![to];
    let mut node = to;
    while let Some(previous) = came_from[node] {
        chain.push(previous);
        node = previous;
    }
    chain.reverse();
    Some(chain)
}

/// Steps from `centre` (edges followed either way) for every node at most
/// `max_degrees` away; `None` for the rest.
pub fn within_degrees(graph: &Graph, centre: usize, max_degrees: usize) -> Vec<Option<usize>> {
    let count = graph.node_count();
    let mut distance = vec![None; count];
    if centre >= count {
        return distance;
    }
    distance[centre] = Some(0);
    let mut queue = VecDeque::from([centre]);
    while let Some(node) = queue.pop_front() {
        let steps = distance[node].unwrap_or(0);
        if steps >= max_degrees {
            continue;
        }
        for &next in graph.neighbors(node) {
            if distance[next].is_none() {
                distance[next] = Some(steps + 1);
                queue.push_back(next);
            }
        }
    }
    distance
}

/// Figures about a whole graph of introductions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphStats {
    /// Nodes.
    pub people: usize,
    /// Distinct edges between two different nodes.
    pub introductions: usize,
    /// Nodes with no incoming edge, the root aside.
    pub not_introduced: Vec<usize>,
    /// Nodes with the most distinct out-neighbours, most first (ties by
    /// index), at most five, only those who introduced someone.
    pub top_connectors: Vec<(usize, usize)>,
    /// The deepest path of the breadth-first trees from the root (then from
    /// other roots), root first.
    pub longest_chain: Vec<usize>,
}

/// Figures about `graph`, seen from `root` when given.
pub fn stats(graph: &Graph, root: Option<usize>) -> GraphStats {
    let count = graph.node_count();
    let mut distinct: Vec<(usize, usize)> = graph.edges().to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut introduced = vec![0usize; count];
    for (from, _) in &distinct {
        introduced[*from] += 1;
    }
    let mut top: Vec<(usize, usize)> = introduced
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(node, n)| (node, *n))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(TOP_CONNECTORS);
    GraphStats {
        people: count,
        introductions: distinct.len(),
        not_introduced: (0..count)
            .filter(|node| graph.in_degree(*node) == 0 && Some(*node) != root)
            .collect(),
        top_connectors: top,
        longest_chain: longest_chain(graph, root),
    }
}

fn longest_chain(graph: &Graph, root: Option<usize>) -> Vec<usize> {
    if graph.node_count() == 0 {
        return Vec::new();
    }
    let tree = tree_layout(graph, root.unwrap_or(0), &TreeParams::default());
    let Some(deepest) =
        (0..graph.node_count()).max_by(|a, b| tree.level[*a].cmp(&tree.level[*b]).then(b.cmp(a)))
    else {
        return Vec::new();
    };
    let mut chain = vec![deepest];
    let mut node = deepest;
    while let Some(parent) = tree.parent[node] {
        chain.push(parent);
        node = parent;
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 → 1 → 2 → 3, 0 → 4, 4 → 5, 4 → 6, 4 → 1 (again), 7 alone, 8 → 8.
    fn sample() -> Graph {
        Graph::new(
            9,
            [
                (0, 1),
                (1, 2),
                (2, 3),
                (0, 4),
                (4, 5),
                (4, 6),
                (4, 1),
                (0, 1),
                (8, 8),
            ],
        )
    }

    #[test]
    fn chains_are_shortest_and_directed() {
        let graph = sample();
        assert_eq!(chain_from(&graph, 0, 3), Some(vec![0, 1, 2, 3]));
        assert_eq!(chain_from(&graph, 0, 6), Some(vec![0, 4, 6]));
        assert_eq!(chain_from(&graph, 3, 0), None, "edges point one way");
        assert_eq!(chain_from(&graph, 0, 7), None);
        assert_eq!(chain_from(&graph, 2, 2), Some(vec![2]));
        assert_eq!(chain_from(&graph, 0, 99), None);
    }

    #[test]
    fn chains_go_through_cycles() {
        let graph = Graph::new(4, [(0, 1), (1, 2), (2, 1), (2, 3)]);
        assert_eq!(chain_from(&graph, 0, 3), Some(vec![0, 1, 2, 3]));
    }

    #[test]
    fn degrees_count_steps_either_way() {
        let graph = sample();
        let none = within_degrees(&graph, 4, 0);
        assert_eq!(none.iter().filter(|d| d.is_some()).count(), 1);
        let one = within_degrees(&graph, 4, 1);
        let near: Vec<usize> = (0..9).filter(|n| one[*n].is_some()).collect();
        assert_eq!(near, vec![0, 1, 4, 5, 6]);
        let two = within_degrees(&graph, 4, 2);
        assert_eq!(two[2], Some(2));
        assert_eq!(two[3], None);
        assert_eq!(two[7], None);
        assert!(within_degrees(&graph, 99, 3).iter().all(Option::is_none));
    }

    #[test]
    fn stats_of_a_known_graph() {
        let stats = stats(&sample(), Some(0));
        assert_eq!(stats.people, 9);
        assert_eq!(stats.introductions, 7, "repeats and self-loops not counted");
        assert_eq!(stats.not_introduced, vec![7, 8]);
        assert_eq!(stats.top_connectors, vec![(4, 3), (0, 2), (1, 1), (2, 1)]);
        assert_eq!(stats.longest_chain, vec![0, 1, 2, 3]);
    }

    #[test]
    fn empty_graph_stats() {
        let stats = stats(&Graph::new(0, []), None);
        assert_eq!(stats, GraphStats::default());
    }
}
