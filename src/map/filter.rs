//! What the map shows: filters hide people, focus fades those far from a
//! chosen person, search finds people by name.

use crate::model::{Person, Project, Stage};

use super::Network;

/// How a person is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Drawn normally.
    Shown,
    /// Drawn pale: outside the focus.
    Faded,
    /// Not drawn: filtered out.
    Hidden,
}

/// Which people the map shows. The organizer is always shown, as the map's anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapFilter {
    /// Shown stages, indexed as [`Stage::ALL`].
    pub stages: [bool; Stage::ALL.len()],
    /// Only people with this tag (any case), when set.
    pub tag: Option<String>,
    /// Only leadership-team members and leaders.
    pub leaders_only: bool,
}

impl Default for MapFilter {
    fn default() -> Self {
        Self {
            stages: [true; Stage::ALL.len()],
            tag: None,
            leaders_only: false,
        }
    }
}

impl MapFilter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a stage is shown.
    pub fn shows_stage(&self, stage: Stage) -> bool {
        self.stages.get(stage_index(stage)).copied().unwrap_or(true)
    }

    /// Shows or hides a stage.
    pub fn set_stage(&mut self, stage: Stage, shown: bool) {
        if let Some(slot) = self.stages.get_mut(stage_index(stage)) {
            *slot = shown;
        }
    }

    /// Whether a person passes the filter.
    pub fn passes(&self, person: &Person) -> bool {
        let tag_ok = self.tag.as_deref().is_none_or(|wanted| {
            person
                .tags
                .iter()
                .any(|tag| tag.eq_ignore_ascii_case(wanted))
        });
        let leader_ok =
            !self.leaders_only || person.leadership_team || person.stage == Stage::Leader;
        self.shows_stage(person.stage) && tag_ok && leader_ok
    }
}

fn stage_index(stage: Stage) -> usize {
    Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)
}

/// Focus on one person and those within some steps of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    /// The person in focus.
    pub centre: usize,
    /// How many steps away still count as near.
    pub degrees: usize,
}

/// How each node is drawn under a filter and an optional focus.
pub fn visibility(
    project: &Project,
    network: &Network,
    filter: &MapFilter,
    focus: Option<Focus>,
) -> Vec<Visibility> {
    let near = focus.map(|focus| network.within_degrees(focus.centre, focus.degrees));
    network
        .people
        .iter()
        .enumerate()
        .map(|(node, id)| {
            let is_me = network.me == Some(node);
            let passes = project
                .person(*id)
                .is_some_and(|person| is_me || filter.passes(person));
            let in_focus = near
                .as_ref()
                .is_none_or(|near| near.get(node).copied().unwrap_or(false));
            match (passes, in_focus) {
                (false, _) => Visibility::Hidden,
                (true, false) => Visibility::Faded,
                (true, true) => Visibility::Shown,
            }
        })
        .collect()
}

/// Every tag in the project, sorted, each once (ignoring case).
pub fn all_tags(project: &Project) -> Vec<String> {
    let mut tags: Vec<String> = project
        .people
        .values()
        .flat_map(|person| person.tags.iter().cloned())
        .collect();
    tags.sort_by_key(|tag| tag.to_lowercase());
    tags.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    tags
}

/// Nodes whose name holds every word of `text` (any case or accent),
/// ranked as every name search is ([`crate::query::names`]). At most `limit`.
pub fn search(project: &Project, network: &Network, text: &str, limit: usize) -> Vec<usize> {
    let mut search = crate::query::names::NameSearch::new(text);
    if search.is_empty() {
        return Vec::new();
    }
    let people = network.people.iter().filter_map(|id| project.person(*id));
    search
        .rank(people, limit)
        .into_iter()
        .filter_map(|id| network.index_of(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    /// me → Ana (leader, tag "nurses") → Ben (met) → Cal (identified, tag "Nurses").
    fn sample() -> (Project, Network, [usize; 4]) {
        let mut build = crate::synth::ProjectBuilder::new(day());
        let me = build.me();
        let people = [
            ("Ana Ruiz", Stage::Leader, true, "nurses"),
            ("Ben Okafor", Stage::Met, false, ""),
            ("Cal Anders", Stage::Identified, false, "Nurses"),
        ];
        let mut ids: Vec<PersonId> = vec![me];
        for (name, stage, team, tag) in people {
            ids.push(build.person_with(name, |person| {
                person.stage = stage;
                person.leadership_team = team;
                person.tags = (!tag.is_empty())
                    .then(|| tag.to_owned())
                    .into_iter()
                    .collect();
            }));
        }
        for pair in ids.windows(2) {
            build.introduce(pair[0], pair[1]);
        }
        let project = build.build();
        let network = Network::from_project(&project);
        let nodes = [0, 1, 2, 3].map(|i| network.index_of(ids[i]).unwrap_or_default());
        (project, network, nodes)
    }

    #[test]
    fn no_filter_shows_everyone() {
        let (project, network, _) = sample();
        let shown = visibility(&project, &network, &MapFilter::default(), None);
        assert!(shown.iter().all(|v| *v == Visibility::Shown));
    }

    #[test]
    fn stage_filter_hides_that_stage_but_never_me() {
        let (project, network, [me, ana, ben, cal]) = sample();
        let mut filter = MapFilter::default();
        filter.set_stage(Stage::Met, false);
        filter.set_stage(Stage::Identified, false);
        let shown = visibility(&project, &network, &filter, None);
        assert_eq!(shown[ben], Visibility::Hidden);
        assert_eq!(shown[cal], Visibility::Hidden);
        assert_eq!(shown[ana], Visibility::Shown);
        // The organizer's own record starts at a low stage but stays.
        assert_eq!(shown[me], Visibility::Shown);
        assert!(!filter.is_empty());
    }

    #[test]
    fn tag_filter_ignores_case_and_leaders_filter_keeps_the_team() {
        let (project, network, [_, ana, ben, cal]) = sample();
        let tagged = MapFilter {
            tag: Some("NURSES".to_owned()),
            ..MapFilter::default()
        };
        let shown = visibility(&project, &network, &tagged, None);
        assert_eq!(
            [shown[ana], shown[ben], shown[cal]],
            [Visibility::Shown, Visibility::Hidden, Visibility::Shown]
        );
        let leaders = MapFilter {
            leaders_only: true,
            ..MapFilter::default()
        };
        let shown = visibility(&project, &network, &leaders, None);
        assert_eq!(
            [shown[ana], shown[ben], shown[cal]],
            [Visibility::Shown, Visibility::Hidden, Visibility::Hidden]
        );
    }

    #[test]
    fn focus_fades_people_beyond_the_degrees() {
        let (project, network, [me, ana, ben, cal]) = sample();
        let focus = Focus {
            centre: ana,
            degrees: 1,
        };
        let shown = visibility(&project, &network, &MapFilter::default(), Some(focus));
        assert_eq!(
            shown,
            {
                let mut expected = vec![Visibility::Faded; 4];
                expected[me] = Visibility::Shown;
                expected[ana] = Visibility::Shown;
                expected[ben] = Visibility::Shown;
                expected
            },
            "Cal is two steps from Ana"
        );
        assert_eq!(shown[cal], Visibility::Faded);
        let wider = Focus {
            degrees: 2,
            ..focus
        };
        let shown = visibility(&project, &network, &MapFilter::default(), Some(wider));
        assert_eq!(shown[cal], Visibility::Shown);
    }

    #[test]
    fn search_puts_name_starts_first() {
        let (project, network, [_, ana, _, cal]) = sample();
        // "an" starts "Ana Ruiz" and is inside "Cal Anders".
        assert_eq!(search(&project, &network, "an", 10), vec![ana, cal]);
        assert_eq!(search(&project, &network, "AND", 10), vec![cal]);
        assert!(search(&project, &network, "  ", 10).is_empty());
        assert_eq!(search(&project, &network, "an", 1), vec![ana]);
    }

    #[test]
    fn tags_listed_once_ignoring_case() {
        let (project, _, _) = sample();
        assert_eq!(all_tags(&project).len(), 1);
    }
}
