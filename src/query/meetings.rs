//! Filtering and ordering the meetings list.

use chrono::NaiveDateTime;

use crate::model::{MeetingId, MeetingKind, MeetingStatus, Project};

/// What the meetings list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MeetingQuery {
    /// Only this status.
    pub status: Option<MeetingStatus>,
    /// Only this kind.
    pub kind: Option<MeetingKind>,
    /// Words that must appear in the name of the person met.
    pub person: String,
}

/// Meetings matching `query`: upcoming (and undated) first, soonest first;
/// then past ones, most recent first.
pub fn run(project: &Project, query: &MeetingQuery, now: NaiveDateTime) -> Vec<MeetingId> {
    let mut search = super::names::NameSearch::new(&query.person);
    let mut upcoming = Vec::new();
    let mut past = Vec::new();
    for meeting in project.meetings.values() {
        if query.status.is_some_and(|s| s != meeting.status)
            || query.kind.is_some_and(|k| k != meeting.kind)
        {
            continue;
        }
        if !search.matches(project.name_of(meeting.person)) {
            continue;
        }
        match meeting.start {
            Some(start) if start < now => past.push((Some(start), meeting.id)),
            start => upcoming.push((start, meeting.id)),
        }
    }
    // Undated meetings (None) sort first among the upcoming: they need a date.
    upcoming.sort();
    past.sort_by(|a, b| b.cmp(a));
    upcoming.into_iter().chain(past).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Meeting, Person};

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default()
    }

    fn project() -> Project {
        let mut project = Project::new("T", "Me", NaiveDate::default());
        let me = project.me;
        let mut add = |name: &str, day: Option<u32>, status: MeetingStatus| {
            let person = project.new_person_id();
            project
                .people
                .insert(person, Person::new(person, name, NaiveDate::default()));
            let id = project.new_meeting_id();
            let mut meeting = Meeting::new(id, person, me);
            meeting.start = day.map(at);
            meeting.status = status;
            project.meetings.insert(id, meeting);
        };
        add("Past early", Some(2), MeetingStatus::Held);
        add("Past late", Some(9), MeetingStatus::NoShow);
        add("Soon", Some(12), MeetingStatus::Confirmed);
        add("Later", Some(20), MeetingStatus::Planned);
        add("Undated", None, MeetingStatus::Planned);
        project
    }

    fn names<'a>(project: &'a Project, query: &MeetingQuery) -> Vec<&'a str> {
        run(project, query, at(10))
            .into_iter()
            .map(|id| project.name_of(project.meetings[&id].person))
            .collect()
    }

    #[test]
    fn upcoming_first_then_past_most_recent_first() {
        let project = project();
        assert_eq!(
            names(&project, &MeetingQuery::default()),
            ["Undated", "Soon", "Later", "Past late", "Past early"]
        );
    }

    #[test]
    fn filters_by_status_kind_and_person() {
        let project = project();
        let planned = MeetingQuery {
            status: Some(MeetingStatus::Planned),
            ..MeetingQuery::default()
        };
        assert_eq!(names(&project, &planned), ["Undated", "Later"]);
        let by_name = MeetingQuery {
            person: "PAST".into(),
            ..MeetingQuery::default()
        };
        assert_eq!(names(&project, &by_name), ["Past late", "Past early"]);
        let follow_ups = MeetingQuery {
            kind: Some(MeetingKind::FollowUp),
            ..MeetingQuery::default()
        };
        assert!(names(&project, &follow_ups).is_empty());
    }
}
