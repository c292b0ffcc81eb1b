//! A directed graph stored as compressed adjacency lists (one array of
//! neighbours plus offsets), so walking 10,000 nodes touches little memory.

/// A directed graph over nodes `0..node_count`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    node_count: usize,
    edges: Vec<(usize, usize)>,
    out: Adjacency,
    into: Adjacency,
    both: Adjacency,
}

/// Neighbour lists: node `i`'s are `targets[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Adjacency {
    fn build(node_count: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Self {
        let mut offsets = vec![0; node_count + 1];
        for (from, _) in pairs.clone() {
            offsets[from + 1] += 1;
        }
        for i in 0..node_count {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0; offsets[node_count]];
        for (from, to) in pairs {
            targets[fill[from]] = to;
            fill[from] += 1;
        }
        Self { offsets, targets }
    }

    fn of(&self, node: usize) -> &[usize] {
        match (self.offsets.get(node), self.offsets.get(node + 1)) {
            (Some(start), Some(end)) => self.targets.get(*start..*end).unwrap_or_default(),
            _ => &[],
        }
    }
}

impl Graph {
    /// A graph of `node_count` nodes. Edges that name a node out of range,
    /// and self-loops, are dropped; repeated edges are kept.
    pub fn new(node_count: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let edges: Vec<(usize, usize)> = edges
            .into_iter()
            .filter(|(from, to)| *from < node_count && *to < node_count && from != to)
            .collect();
        let out = Adjacency::build(node_count, edges.iter().copied());
        let into = Adjacency::build(node_count, edges.iter().map(|(from, to)| (*to, *from)));
        let both = Adjacency::build(
            node_count,
            edges
                .iter()
                .flat_map(|(from, to)| [(*from, *to), (*to, *from)]),
        );
        Self {
            node_count,
            edges,
            out,
            into,
            both,
        }
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.node_count
    }

    /// The kept edges, in the order given.
    pub fn edges(&self) -> &[(usize, usize)] {
        &self.edges
    }

    /// Nodes this node points to.
    pub fn out_neighbors(&self, node: usize) -> &[usize] {
        self.out.of(node)
    }

    /// Nodes pointing to this node.
    pub fn in_neighbors(&self, node: usize) -> &[usize] {
        self.into.of(node)
    }

    /// Nodes linked to this node either way.
    pub fn neighbors(&self, node: usize) -> &[usize] {
        self.both.of(node)
    }

    /// How many edges leave this node.
    pub fn out_degree(&self, node: usize) -> usize {
        self.out_neighbors(node).len()
    }

    /// How many edges reach this node.
    pub fn in_degree(&self, node: usize) -> usize {
        self.in_neighbors(node).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_edges_are_dropped_and_lists_are_both_ways() {
        let graph = Graph::new(3, [(0, 1), (1, 2), (2, 2), (0, 7), (0, 1)]);
        assert_eq!(graph.edges(), &[(0, 1), (1, 2), (0, 1)]);
        assert_eq!(graph.out_neighbors(0), &[1, 1]);
        assert_eq!(graph.in_neighbors(2), &[1]);
        assert_eq!(graph.neighbors(1), &[0, 2, 0]);
        assert_eq!(graph.out_degree(2), 0);
        assert_eq!(graph.in_degree(1), 2);
        assert!(graph.out_neighbors(99).is_empty());
    }

    #[test]
    fn empty_graph() {
        let graph = Graph::new(0, []);
        assert_eq!(graph.node_count(), 0);
        assert!(graph.neighbors(0).is_empty());
    }
}
