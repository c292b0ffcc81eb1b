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

/// A column the people table can show besides its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExtraColumn {
    /// Phone.
    Phone,
    /// Email.
    Email,
    /// The next planned one-to-one, else the first open follow-up.
    NextStep,
    /// A profile text.
    Text(crate::model::TextField),
}

impl ExtraColumn {
    /// Every column offered, in menu order.
    pub fn all() -> Vec<ExtraColumn> {
        use crate::model::TextField as T;
        let texts = [
            T::ReasonToBuild,
            T::WhyTheyCare,
            T::Values,
            T::Interests,
            T::SkillsAssets,
            T::Challenges,
            T::Hopes,
            T::Notes,
        ];
        [
            ExtraColumn::Phone,
            ExtraColumn::Email,
            ExtraColumn::NextStep,
        ]
        .into_iter()
        .chain(texts.into_iter().map(ExtraColumn::Text))
        .collect()
    }

    /// The header.
    pub fn title(self) -> &'static str {
        use crate::model::TextField as T;
        match self {
            ExtraColumn::Phone => "Phone",
            ExtraColumn::Email => "Email",
            ExtraColumn::NextStep => "Next step",
            ExtraColumn::Text(field) => match field {
                T::ReasonToBuild => "Why build",
                T::WhyTheyCare => "Why they care",
                T::Values => "Values",
                T::Interests => "Interests",
                T::SkillsAssets => "Skills and assets",
                T::Challenges => "Challenges",
                T::Hopes => "Hopes",
                T::Notes => "Notes",
                _ => "Text",
            },
        }
    }
}

/// Each person's next step: the first planned or confirmed one-to-one from
/// `today` on ("1:1 Tue 8 Dec"), else the open follow-up due first (those
/// without a day last): "Call about the vote, due 4 Dec". One pass over
/// the meetings; the table keeps it per project state.
pub fn next_steps<'a>(
    project: &'a Project,
    today: chrono::NaiveDate,
) -> std::collections::HashMap<PersonId, String> {
    use crate::model::MeetingStatus;
    let style = crate::dates::style();
    let mut meetings: std::collections::HashMap<PersonId, chrono::NaiveDateTime> =
        std::collections::HashMap::new();
    let mut follow_ups: std::collections::HashMap<PersonId, (Option<chrono::NaiveDate>, &'a str)> =
        std::collections::HashMap::new();
    let mut note_follow_up = |person: PersonId, item: &'a crate::model::FollowUp| {
        if item.done {
            return;
        }
        // Undated ones sort after every dated one.
        let key = |due: Option<chrono::NaiveDate>| (due.is_none(), due);
        let entry = follow_ups.entry(person).or_insert((item.due, &item.what));
        if key(item.due) < key(entry.0) {
            *entry = (item.due, &item.what);
        }
    };
    for meeting in project.meetings.values() {
        let upcoming = matches!(
            meeting.status,
            MeetingStatus::Planned | MeetingStatus::Confirmed
        );
        if let Some(start) = meeting.start.filter(|s| upcoming && s.date() >= today) {
            let first = meetings.entry(meeting.person).or_insert(start);
            *first = (*first).min(start);
        }
        for item in &meeting.follow_ups {
            note_follow_up(meeting.person, item);
        }
    }
    for person in project.people.values() {
        for item in &person.follow_ups {
            note_follow_up(person.id, item);
        }
    }
    let mut steps: std::collections::HashMap<PersonId, String> = follow_ups
        .into_iter()
        .map(|(id, (due, what))| {
            let text = match due {
                Some(day) => format!("{what}, due {}", style.short(day)),
                None => what.to_owned(),
            };
            (id, text)
        })
        .collect();
    for (id, start) in meetings {
        steps.insert(id, format!("1:1 {}", style.day_time_from(start, today)));
    }
    steps
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
    use chrono::{Datelike, NaiveDate};

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

    #[test]
    fn the_next_step_is_the_next_meeting_else_the_first_follow_up_due() {
        use crate::model::{FollowUp, FollowUpId, MeetingStatus};
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
        let at = |day: u32, hour: u32| today.with_day(day).and_then(|d| d.and_hms_opt(hour, 0, 0));
        let mut builder = crate::synth::ProjectBuilder::new(today);
        let ana = builder.person("Ana");
        let bo = builder.person_with("Bo", |p| {
            p.follow_ups = vec![
                FollowUp {
                    id: FollowUpId(900),
                    what: "Send the flyer".into(),
                    ..FollowUp::default()
                },
                FollowUp {
                    id: FollowUpId(901),
                    what: "Call about the vote".into(),
                    due: today.with_day(4),
                    ..FollowUp::default()
                },
            ];
        });
        let cy = builder.person("Cy");
        builder.meeting_with(ana, |m| m.start = at(9, 18));
        builder.meeting_with(ana, |m| m.start = at(7, 12));
        builder.meeting_with(ana, |m| m.start = at(1, 12));
        builder.meeting_with(cy, |m| {
            m.start = at(8, 9);
            m.status = MeetingStatus::Cancelled;
        });
        let steps = next_steps(&builder.build(), today);
        let style = crate::dates::style();
        let seventh = at(7, 12).expect("a time");
        assert_eq!(
            steps[&ana],
            format!("1:1 {}", style.day_time_from(seventh, today))
        );
        let fourth = style.short(today.with_day(4).expect("a day"));
        assert_eq!(steps[&bo], format!("Call about the vote, due {fourth}"));
        assert!(
            !steps.contains_key(&cy),
            "a cancelled meeting is no next step"
        );
    }
}
