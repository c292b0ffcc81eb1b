//! The project seen as a graph: people are nodes (by index, in id order),
//! introductions are directed edges, held one-to-ones a second edge kind.

use std::collections::HashMap;

use crate::graph::{self, Graph, GraphStats};
use crate::model::{IntroductionId, MeetingStatus, PersonId, Project};

/// The project's people and links, indexed for drawing and layout.
#[derive(Clone, Debug)]
pub struct Network {
    /// Node index → person, in id order so layouts are reproducible.
    pub people: Vec<PersonId>,
    index: HashMap<PersonId, usize>,
    /// The organizer's node.
    pub me: Option<usize>,
    /// Introductions as a graph (introducer → introduced).
    pub introductions: Graph,
    /// Each introduction as (introducer, introduced, id), self-introductions left out.
    pub introduction_edges: Vec<(usize, usize, IntroductionId)>,
    /// Held one-to-ones as (conducted by, person), each pair once.
    pub meetings: Vec<(usize, usize)>,
}

/// Counts and notable people, named for the stats panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkStats {
    /// Everyone on the map.
    pub people: usize,
    /// Introductions between two different people.
    pub introductions: usize,
    /// People nobody introduced (the organizer aside).
    pub not_introduced: Vec<PersonId>,
    /// The people who introduced the most others, with how many.
    pub top_connectors: Vec<(PersonId, usize)>,
    /// The longest chain of introductions, first introducer first.
    pub longest_chain: Vec<PersonId>,
}

impl Network {
    /// Builds the graph of a project.
    pub fn from_project(project: &Project) -> Self {
        let people: Vec<PersonId> = project.people.keys().copied().collect();
        let index: HashMap<PersonId, usize> =
            people.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let introduction_edges: Vec<(usize, usize, IntroductionId)> = project
            .introductions
            .values()
            .filter_map(|intro| {
                let from = *index.get(&intro.introducer)?;
                let to = *index.get(&intro.introduced)?;
                (from != to).then_some((from, to, intro.id))
            })
            .collect();
        let introductions = Graph::new(
            people.len(),
            introduction_edges.iter().map(|(from, to, _)| (*from, *to)),
        );
        let mut meetings: Vec<(usize, usize)> = project
            .meetings
            .values()
            .filter(|meeting| meeting.status == MeetingStatus::Held)
            .filter_map(|meeting| {
                let from = *index.get(&meeting.conducted_by)?;
                let to = *index.get(&meeting.person)?;
                (from != to).then_some((from, to))
            })
            .collect();
        meetings.sort_unstable();
        meetings.dedup();
        Self {
            me: index.get(&project.me).copied(),
            people,
            index,
            introductions,
            introduction_edges,
            meetings,
        }
    }

    /// The node of a person.
    pub fn index_of(&self, id: PersonId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// How many people are on the map.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// True when the project has nobody.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The introduction chain from the organizer to `to`, as node indices.
    pub fn chain_from_me(&self, to: usize) -> Option<Vec<usize>> {
        graph::chain_from(&self.introductions, self.me?, to)
    }

    /// Which nodes lie within `degrees` steps (introductions or held
    /// meetings, either way) of `centre`.
    pub fn within_degrees(&self, centre: usize, degrees: usize) -> Vec<bool> {
        let links = Graph::new(
            self.len(),
            self.introduction_edges
                .iter()
                .map(|(from, to, _)| (*from, *to))
                .chain(self.meetings.iter().copied()),
        );
        graph::within_degrees(&links, centre, degrees)
            .into_iter()
            .map(|distance| distance.is_some())
            .collect()
    }

    /// The stats panel's figures, with people named by id.
    pub fn stats(&self) -> NetworkStats {
        let GraphStats {
            people,
            introductions,
            not_introduced,
            top_connectors,
            longest_chain,
        } = graph::stats(&self.introductions, self.me);
        NetworkStats {
            people,
            introductions,
            not_introduced: self.ids(&not_introduced),
            top_connectors: top_connectors
                .iter()
                .filter_map(|(node, count)| Some((*self.people.get(*node)?, *count)))
                .collect(),
            longest_chain: self.ids(&longest_chain),
        }
    }

    fn ids(&self, nodes: &[usize]) -> Vec<PersonId> {
        nodes
            .iter()
            .filter_map(|node| self.people.get(*node).copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Introduction;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    /// me → a → b, me → c, plus a held meeting me–b and a self-introduction of c.
    fn sample() -> (Project, [PersonId; 4]) {
        let mut build = crate::synth::ProjectBuilder::new(day());
        let me = build.me();
        let [a, b, c] = ["Ana", "Ben", "Cy"].map(|name| build.person(name));
        for (from, to) in [(me, a), (a, b), (me, c)] {
            build.introduce(from, to);
        }
        build.meeting_with(b, |meeting| meeting.status = MeetingStatus::Held);
        let mut project = build.build();
        // The model refuses a self-introduction, so put it in directly (as
        // a future bug or an old file might): the network must skip it.
        let id = project.new_introduction_id();
        project
            .introductions
            .insert(id, Introduction::new(id, c, c, Some(day())));
        assert_eq!(project.introductions.len(), 4, "the fixture holds it");
        (project, [me, a, b, c])
    }

    #[test]
    fn nodes_follow_id_order_and_edges_skip_self_introductions() {
        let (project, [me, a, b, c]) = sample();
        let network = Network::from_project(&project);
        assert_eq!(network.len(), 4);
        assert_eq!(network.me, network.index_of(me));
        let pairs: Vec<(PersonId, PersonId)> = network
            .introduction_edges
            .iter()
            .map(|(from, to, _)| (network.people[*from], network.people[*to]))
            .collect();
        assert_eq!(pairs, vec![(me, a), (a, b), (me, c)]);
        assert_eq!(network.meetings.len(), 1);
        assert_eq!(network.index_of(PersonId(999)), None);
    }

    #[test]
    fn chain_from_me_follows_introductions() {
        let (project, [me, a, b, _]) = sample();
        let network = Network::from_project(&project);
        let chain = network.chain_from_me(network.index_of(b).unwrap_or_default());
        let chain: Vec<PersonId> = chain
            .unwrap_or_default()
            .iter()
            .map(|node| network.people[*node])
            .collect();
        assert_eq!(chain, vec![me, a, b]);
    }

    #[test]
    fn degrees_count_meetings_as_links() {
        let (project, [me, a, b, c]) = sample();
        let network = Network::from_project(&project);
        let near = network.within_degrees(network.index_of(c).unwrap_or_default(), 1);
        let shown: Vec<PersonId> = (0..network.len())
            .filter(|i| near[*i])
            .map(|i| network.people[i])
            .collect();
        assert_eq!(shown, vec![me, c]);
        // Ben is one step from me by the held meeting.
        let near_me = network.within_degrees(network.index_of(me).unwrap_or_default(), 1);
        assert!(near_me[network.index_of(b).unwrap_or_default()]);
        assert!(near_me[network.index_of(a).unwrap_or_default()]);
    }

    #[test]
    fn stats_name_people() {
        let (project, [me, a, b, _]) = sample();
        let stats = Network::from_project(&project).stats();
        assert_eq!(stats.people, 4);
        assert_eq!(stats.introductions, 3);
        assert!(stats.not_introduced.is_empty());
        assert_eq!(stats.top_connectors.first(), Some(&(me, 2)));
        assert_eq!(stats.longest_chain, vec![me, a, b]);
    }
}
