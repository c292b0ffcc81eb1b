//! Repairs records read from a file so no reference points nowhere.
//!
//! Nothing the organizer wrote is thrown away when it can be kept: a meeting
//! whose person is missing gets a placeholder person; only links that mean
//! nothing without both ends (introductions, map positions) are dropped.
//! Every change is reported as a warning.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{
    IdAllocator, Introduction, MapPosition, Meeting, Person, PersonId, Project, ProjectInfo,
};

/// Records as read from a file, before any rule is checked.
#[derive(Clone, Debug, Default)]
pub struct RawRecords {
    /// Project-wide fields.
    pub info: ProjectInfo,
    /// The organizer's id.
    pub me: PersonId,
    /// People, possibly with repeated ids.
    pub people: Vec<Person>,
    /// Meetings, possibly with repeated ids or dangling references.
    pub meetings: Vec<Meeting>,
    /// Introductions, possibly dangling.
    pub introductions: Vec<Introduction>,
    /// Map positions, possibly for people who do not exist.
    pub map_positions: BTreeMap<PersonId, MapPosition>,
}

/// Builds a valid project from raw records, with a warning for every repair.
pub fn repair(raw: RawRecords) -> (Project, Vec<String>) {
    let RawRecords {
        info,
        me,
        people,
        meetings,
        introductions,
        map_positions,
    } = raw;
    let mut warnings = Vec::new();
    let mut ids = IdAllocator::above(highest_raw_id(me, &people, &meetings, &introductions));

    let mut people = dedupe_people(people, &mut ids, &mut warnings);
    let me = ensure_me(me, &mut people, &mut ids, &mut warnings);
    let mut meetings = repair_meetings(meetings, me, &mut people, &mut ids, &mut warnings);
    repair_follow_ups(&mut people, &mut meetings, &mut ids, &mut warnings);
    let introductions = repair_introductions(
        introductions,
        &mut people,
        &meetings,
        &mut ids,
        &mut warnings,
    );

    let mut project = Project::from_records(info, me, people, meetings, introductions);
    project.map_positions = repair_positions(map_positions, &project, &mut warnings);
    (project, warnings)
}

fn highest_raw_id(
    me: PersonId,
    people: &[Person],
    meetings: &[Meeting],
    introductions: &[Introduction],
) -> u64 {
    let meetings = meetings
        .iter()
        .flat_map(|m| std::iter::once(m.id.0).chain(m.follow_ups.iter().map(|f| f.id.0)));
    let intros = introductions.iter().map(|i| i.id.0);
    let person_follow_ups = people_follow_up_ids(people);
    people
        .iter()
        .map(|p| p.id.0)
        .chain(person_follow_ups)
        .chain(meetings)
        .chain(intros)
        .chain([me.0])
        .max()
        .unwrap_or(0)
}

fn people_follow_up_ids(people: &[Person]) -> impl Iterator<Item = u64> + '_ {
    people
        .iter()
        .flat_map(|p| p.follow_ups.iter().map(|f| f.id.0))
}

/// Follow-up ids unique across meetings and people; an owner who is not
/// in the project becomes the organizer.
fn repair_follow_ups(
    people: &mut [Person],
    meetings: &mut [Meeting],
    ids: &mut IdAllocator,
    warnings: &mut Vec<String>,
) {
    let known: BTreeSet<PersonId> = people.iter().map(|p| p.id).collect();
    let mut seen = BTreeSet::new();
    let mut orphaned = 0;
    let lists = meetings
        .iter_mut()
        .map(|m| &mut m.follow_ups)
        .chain(people.iter_mut().map(|p| &mut p.follow_ups));
    for follow_up in lists.flatten() {
        if !seen.insert(follow_up.id) {
            follow_up.id = super::FollowUpId(ids.next_raw());
            seen.insert(follow_up.id);
        }
        if let super::Owner::Teammate(id) = follow_up.owner
            && !known.contains(&id)
        {
            follow_up.owner = super::Owner::Me;
            orphaned += 1;
        }
    }
    if orphaned > 0 {
        warnings.push(format!(
            "{} owed by someone no longer in the project now owed by the organizer",
            crate::words::count(orphaned, "follow-up", "follow-ups")
        ));
    }
}

fn dedupe_people(
    people: Vec<Person>,
    ids: &mut IdAllocator,
    warnings: &mut Vec<String>,
) -> Vec<Person> {
    let mut seen = BTreeSet::new();
    people
        .into_iter()
        .map(|mut person| {
            if !seen.insert(person.id) {
                let fresh = PersonId(ids.next_raw());
                warnings.push(format!(
                    "Two people had id {}; \"{}\" was given the new id {}",
                    person.id.0,
                    person.display_name(),
                    fresh.0
                ));
                person.id = fresh;
                seen.insert(fresh);
            }
            person
        })
        .collect()
}

/// A stand-in for a person the file refers to but does not hold, taking
/// the missing id so every record naming it lands on the same stand-in.
/// When they were added is not known, and is not made up.
fn placeholder(missing: PersonId) -> Person {
    let mut person = Person::new(
        missing,
        format!("Missing person {}", missing.0),
        NaiveDate::MIN,
    );
    person.created = None;
    person
}

fn ensure_me(
    me: PersonId,
    people: &mut Vec<Person>,
    ids: &mut IdAllocator,
    warnings: &mut Vec<String>,
) -> PersonId {
    if people.iter().any(|p| p.id == me) {
        return me;
    }
    let id = if me.0 == 0 {
        PersonId(ids.next_raw())
    } else {
        me
    };
    warnings
        .push("The organizer's own record was missing; a blank one named \"Me\" was added".into());
    let mut organizer = Person::new(id, "Me", NaiveDate::MIN);
    organizer.created = None;
    organizer.stage = super::Stage::Leader;
    organizer.leadership_team = true;
    people.push(organizer);
    id
}

/// A person as a repair warning names them: their name, or their id when
/// the file has no name for them.
fn named(people: &[Person], id: PersonId) -> String {
    match people.iter().find(|p| p.id == id) {
        Some(person) if !person.name.trim().is_empty() => format!("\"{}\"", person.name.trim()),
        _ => format!("person {}", id.0),
    }
}

fn repair_meetings(
    mut meetings: Vec<Meeting>,
    me: PersonId,
    people: &mut Vec<Person>,
    ids: &mut IdAllocator,
    warnings: &mut Vec<String>,
) -> Vec<Meeting> {
    let mut known: BTreeSet<PersonId> = people.iter().map(|p| p.id).collect();
    let mut seen = BTreeSet::new();
    // In place: a copy of 30,000 meetings would stay resident after loading.
    for meeting in meetings.iter_mut() {
        if !seen.insert(meeting.id) {
            let fresh = super::MeetingId(ids.next_raw());
            warnings.push(format!(
                "Two meetings had id {}; the one with {} was given the new id {}",
                meeting.id.0,
                named(people, meeting.person),
                fresh.0
            ));
            meeting.id = fresh;
            seen.insert(fresh);
        }
        if !known.contains(&meeting.person) {
            // The placeholder takes the missing id, so every meeting that
            // named it ends up with the same placeholder.
            let missing = meeting.person;
            warnings.push(format!(
                "Meetings referred to a missing person (id {}); a placeholder \"Missing person {}\" keeps them",
                missing.0, missing.0
            ));
            people.push(placeholder(missing));
            known.insert(missing);
        }
        if !known.contains(&meeting.conducted_by) {
            warnings.push(format!(
                "The one-to-one with {} was held by a missing person (id {}); it is now held \
                 by the organizer",
                named(people, meeting.person),
                meeting.conducted_by.0
            ));
            meeting.conducted_by = me;
        }
    }
    meetings
}

fn repair_introductions(
    introductions: Vec<Introduction>,
    people: &mut Vec<Person>,
    meetings: &[Meeting],
    ids: &mut IdAllocator,
    warnings: &mut Vec<String>,
) -> Vec<Introduction> {
    let mut known: BTreeSet<PersonId> = people.iter().map(|p| p.id).collect();
    let meeting_ids: BTreeSet<_> = meetings.iter().map(|m| m.id).collect();
    let mut seen = BTreeSet::new();
    let mut kept = Vec::with_capacity(introductions.len());
    for mut intro in introductions {
        // Kept with its note, as a meeting is: the missing end gets the
        // same stand-in person.
        for (missing, other) in [
            (intro.introducer, intro.introduced),
            (intro.introduced, intro.introducer),
        ] {
            if known.insert(missing) {
                warnings.push(format!(
                    "An introduction of {} names a missing person (id {}); a placeholder \
                     \"Missing person {}\" keeps it and its note",
                    named(people, other),
                    missing.0,
                    missing.0
                ));
                people.push(placeholder(missing));
            }
        }
        if intro.introducer == intro.introduced {
            warnings.push(format!(
                "Dropped an introduction of {} by themselves",
                named(people, intro.introduced)
            ));
            continue;
        }
        if let Some(meeting) = intro.meeting
            && !meeting_ids.contains(&meeting)
        {
            warnings.push(format!(
                "The introduction of {} by {} named a missing meeting; the link to it was cleared",
                named(people, intro.introduced),
                named(people, intro.introducer)
            ));
            intro.meeting = None;
        }
        if !seen.insert(intro.id) {
            intro.id = super::IntroductionId(ids.next_raw());
            seen.insert(intro.id);
        }
        kept.push(intro);
    }
    kept
}

fn repair_positions(
    positions: BTreeMap<PersonId, MapPosition>,
    project: &Project,
    warnings: &mut Vec<String>,
) -> BTreeMap<PersonId, MapPosition> {
    let before = positions.len();
    let kept: BTreeMap<_, _> = positions
        .into_iter()
        .filter(|(id, pos)| {
            project.people.contains_key(id) && pos.x.is_finite() && pos.y.is_finite()
        })
        .collect();
    let dropped = before - kept.len();
    if dropped > 0 {
        warnings.push(format!(
            "Dropped {} for missing people or with invalid numbers",
            crate::words::count(dropped, "map position", "map positions")
        ));
    }
    kept
}
