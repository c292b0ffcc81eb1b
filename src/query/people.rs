//! Filtering and sorting the people list.

use crate::model::{Person, PersonId, Project, Stage};

/// A column the people list can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// By name, case-insensitive.
    #[default]
    Name,
    /// By stage on the ladder.
    Stage,
    /// By role.
    Role,
    /// By organization.
    Organization,
    /// By date added.
    Created,
    /// By the last logged contact, never contacted first.
    LastContact,
}

/// What the organizer asked the people list to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PeopleQuery {
    /// Words that must all appear in the name, initials, tags, organization,
    /// role or profile texts (case-insensitive).
    pub search: String,
    /// Only this stage, if set.
    pub stage: Option<Stage>,
    /// Only leadership-team members.
    pub team_only: bool,
    /// Sort column.
    pub sort: SortKey,
    /// Sort descending.
    pub descending: bool,
}

/// The ids of the people matching `query`, in display order.
pub fn run(project: &Project, query: &PeopleQuery) -> Vec<PersonId> {
    let mut search = super::names::NameSearch::new(&query.search);
    let mut rows: Vec<&Person> = project
        .people
        .values()
        .filter(|p| query.stage.is_none_or(|stage| p.stage == stage))
        .filter(|p| !query.team_only || p.leadership_team)
        .filter(|p| search.is_empty() || search.matches(&searchable_text(p)))
        .collect();
    // Keys are computed once per person, not once per comparison.
    match query.sort {
        SortKey::Name => rows.sort_by_cached_key(|p| (p.name.to_lowercase(), p.id)),
        SortKey::Role => rows.sort_by_cached_key(|p| (p.role.to_lowercase(), p.id)),
        SortKey::Organization => {
            rows.sort_by_cached_key(|p| (p.organization.to_lowercase(), p.id));
        }
        SortKey::Stage => rows.sort_by_key(|p| (p.stage, p.id)),
        SortKey::Created => rows.sort_by_key(|p| (p.created, p.id)),
        SortKey::LastContact => rows.sort_by_key(|p| (p.last_contact().map(|c| c.at), p.id)),
    }
    if query.descending {
        rows.reverse();
    }
    rows.into_iter().map(|p| p.id).collect()
}

/// Every field a search looks at, joined (the search ignores case and
/// accents, as every name search does).
pub fn searchable_text(person: &Person) -> String {
    let fields = [
        person.name.as_str(),
        person.initials.as_str(),
        person.role.as_str(),
        person.organization.as_str(),
        person.reason_to_build.as_str(),
        person.why_they_care.as_str(),
        person.values.as_str(),
        person.interests.as_str(),
        person.skills_assets.as_str(),
        person.challenges.as_str(),
        person.hopes.as_str(),
        person.notes.as_str(),
    ];
    let mut text = fields.join("\n");
    for tag in &person.tags {
        text.push('\n');
        text.push_str(tag);
    }
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn project() -> Project {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let mut project = Project::new("Test", "Organizer", day);
        for (name, org, stage, tags, team) in [
            (
                "Beatriz Ortega",
                "St. Luke's",
                Stage::Met,
                "nurse, union",
                true,
            ),
            (
                "adam cole",
                "Tenants United",
                Stage::Identified,
                "tenant",
                false,
            ),
            ("Chen Wei", "St. Luke's", Stage::Leader, "nurse", false),
        ] {
            let id = project.new_person_id();
            let mut person = Person::new(id, name, day);
            person.organization = org.into();
            person.stage = stage;
            person.tags = crate::model::parse_tags(tags);
            person.leadership_team = team;
            person.values = format!("{name} values fairness");
            project.people.insert(id, person);
        }
        project
    }

    fn names(project: &Project, query: &PeopleQuery) -> Vec<String> {
        run(project, query)
            .into_iter()
            .map(|id| project.name_of(id).to_owned())
            .collect()
    }

    #[test]
    fn sorts_by_name_ignoring_case() {
        let names = names(&project(), &PeopleQuery::default());
        assert_eq!(
            names,
            ["adam cole", "Beatriz Ortega", "Chen Wei", "Organizer"]
        );
    }

    #[test]
    fn sorts_descending_by_stage() {
        let query = PeopleQuery {
            sort: SortKey::Stage,
            descending: true,
            ..PeopleQuery::default()
        };
        let names = names(&project(), &query);
        let mut leaders = names[..2].to_vec();
        leaders.sort();
        assert_eq!(leaders, ["Chen Wei", "Organizer"]);
        assert_eq!(names.last().map(String::as_str), Some("adam cole"));
    }

    #[test]
    fn search_needs_every_word_across_fields() {
        let query = PeopleQuery {
            search: "NURSE luke".into(),
            ..PeopleQuery::default()
        };
        assert_eq!(names(&project(), &query), ["Beatriz Ortega", "Chen Wei"]);
        let query = PeopleQuery {
            search: "nurse tenants".into(),
            ..PeopleQuery::default()
        };
        assert!(names(&project(), &query).is_empty());
    }

    #[test]
    fn search_looks_into_profile_text() {
        let query = PeopleQuery {
            search: "adam cole values".into(),
            ..PeopleQuery::default()
        };
        assert_eq!(names(&project(), &query), ["adam cole"]);
    }

    #[test]
    fn filters_by_stage_and_team() {
        let query = PeopleQuery {
            stage: Some(Stage::Met),
            ..PeopleQuery::default()
        };
        assert_eq!(names(&project(), &query), ["Beatriz Ortega"]);
        let query = PeopleQuery {
            team_only: true,
            ..PeopleQuery::default()
        };
        assert_eq!(names(&project(), &query), ["Beatriz Ortega", "Organizer"]);
    }
}
