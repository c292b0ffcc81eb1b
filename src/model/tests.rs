//! Rules of the model: edits and their inverses, deletion, repair.

use chrono::NaiveDate;

use super::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()
}

/// Me, Ana (introduced by me), Ben (introduced by Ana), Cy (team member),
/// a meeting with Ana held by Cy, a meeting with Ben in which Ben named Dee.
struct Fixture {
    project: Project,
    ana: PersonId,
    ben: PersonId,
    cy: PersonId,
    dee: PersonId,
    ana_meeting: MeetingId,
    ben_meeting: MeetingId,
}

fn fixture() -> Fixture {
    let mut project = Project::new("Test", "Me", day());
    let me = project.me;
    let add = |project: &mut Project, name: &str| {
        let id = project.new_person_id();
        project.people.insert(id, Person::new(id, name, day()));
        id
    };
    let ana = add(&mut project, "Ana");
    let ben = add(&mut project, "Ben");
    let cy = add(&mut project, "Cy");
    let dee = add(&mut project, "Dee");
    let ana_meeting = project.new_meeting_id();
    project
        .meetings
        .insert(ana_meeting, Meeting::new(ana_meeting, ana, cy));
    let ben_meeting = project.new_meeting_id();
    project
        .meetings
        .insert(ben_meeting, Meeting::new(ben_meeting, ben, me));
    for (from, to, meeting) in [
        (me, ana, None),
        (ana, ben, None),
        (ben, dee, Some(ben_meeting)),
    ] {
        let id = project.new_introduction_id();
        project.introductions.insert(
            id,
            Introduction {
                id,
                introducer: from,
                introduced: to,
                date: Some(day()),
                meeting,
                note: String::new(),
            },
        );
    }
    Fixture {
        project,
        ana,
        ben,
        cy,
        dee,
        ana_meeting,
        ben_meeting,
    }
}

fn apply_and_undo(project: &mut Project, edit: Edit) -> Edit {
    let before = project.clone();
    let inverse = edit.clone().apply(project).expect("edit applies");
    assert_ne!(*project, before, "the edit changed something");
    let redo = inverse.apply(project).expect("inverse applies");
    assert_eq!(*project, before, "the inverse restored the project");
    redo
}

#[test]
fn put_person_inverse_removes_a_new_person_and_restores_an_old_one() {
    let mut f = fixture();
    let id = f.project.new_person_id();
    let redo = apply_and_undo(
        &mut f.project,
        Edit::PutPerson(Box::new(Person::new(id, "Eve", day()))),
    );
    assert!(matches!(redo, Edit::PutPerson(p) if p.name == "Eve"));

    let mut renamed = f.project.people[&f.ana].clone();
    renamed.name = "Ana María".into();
    apply_and_undo(&mut f.project, Edit::PutPerson(Box::new(renamed)));
}

#[test]
fn a_person_with_links_cannot_be_removed_directly() {
    let mut f = fixture();
    let before = f.project.clone();
    let result = Edit::RemovePerson(f.ana).apply(&mut f.project);
    assert!(matches!(result, Err(EditError::Dangling(_))));
    assert_eq!(f.project, before);
}

#[test]
fn the_organizer_cannot_be_removed() {
    let mut f = fixture();
    let me = f.project.me;
    assert!(matches!(
        Edit::RemovePerson(me).apply(&mut f.project),
        Err(EditError::Rule(_))
    ));
    assert!(delete_person(&f.project, me, IntroductionPolicy::Remove).is_err());
}

#[test]
fn meetings_and_introductions_must_point_at_people() {
    let mut f = fixture();
    let ghost = PersonId(999);
    let meeting = Meeting::new(f.project.new_meeting_id(), ghost, f.project.me);
    assert!(
        Edit::PutMeeting(Box::new(meeting))
            .apply(&mut f.project)
            .is_err()
    );
    let intro = Introduction {
        id: f.project.new_introduction_id(),
        introducer: f.ana,
        introduced: ghost,
        ..Introduction::default()
    };
    assert!(
        Edit::PutIntroduction(Box::new(intro))
            .apply(&mut f.project)
            .is_err()
    );
}

#[test]
fn nobody_introduces_themselves() {
    let mut f = fixture();
    let intro = Introduction {
        id: f.project.new_introduction_id(),
        introducer: f.ana,
        introduced: f.ana,
        ..Introduction::default()
    };
    assert!(matches!(
        Edit::PutIntroduction(Box::new(intro)).apply(&mut f.project),
        Err(EditError::Rule(_))
    ));
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut f = fixture();
    let before = f.project.clone();
    let mut renamed = f.project.people[&f.ana].clone();
    renamed.name = "Changed".into();
    let batch = Edit::Batch(vec![
        Edit::PutPerson(Box::new(renamed)),
        Edit::RemovePerson(PersonId(12345)),
    ]);
    assert!(batch.apply(&mut f.project).is_err());
    assert_eq!(f.project, before);
}

#[test]
fn deleting_a_person_removes_what_refers_to_them_and_undoes_exactly() {
    let mut f = fixture();
    let before = f.project.clone();
    let edit = delete_person(&f.project, f.ben, IntroductionPolicy::Remove).expect("plan");
    let inverse = edit.apply(&mut f.project).expect("delete applies");
    let p = &f.project;
    assert!(p.person(f.ben).is_none());
    assert!(!p.meetings.contains_key(&f.ben_meeting));
    assert!(
        p.introductions
            .values()
            .all(|i| i.introducer != f.ben && i.introduced != f.ben)
    );
    assert!(p.person(f.dee).is_some(), "people they introduced stay");
    inverse.apply(&mut f.project).expect("undo applies");
    assert_eq!(f.project, before);
}

#[test]
fn deleting_a_team_member_passes_their_meetings_to_the_organizer() {
    let mut f = fixture();
    let edit = delete_person(&f.project, f.cy, IntroductionPolicy::Remove).expect("plan");
    edit.apply(&mut f.project).expect("delete applies");
    assert_eq!(
        f.project.meetings[&f.ana_meeting].conducted_by,
        f.project.me
    );
}

#[test]
fn crediting_the_introducer_keeps_chains_connected() {
    let mut f = fixture();
    let edit =
        delete_person(&f.project, f.ben, IntroductionPolicy::CreditTheirIntroducer).expect("plan");
    edit.apply(&mut f.project).expect("delete applies");
    assert!(
        f.project.has_introduction(f.ana, f.dee),
        "Ana now introduced Dee"
    );
    let credited = f
        .project
        .introductions
        .values()
        .find(|i| i.introduced == f.dee)
        .expect("credited introduction");
    assert!(credited.note.contains("Ben"));
}

#[test]
fn links_of_lists_every_reference() {
    let f = fixture();
    let links = f.project.links_of(f.ben);
    assert_eq!(links.meetings_with, vec![f.ben_meeting]);
    assert_eq!(links.introduced_by.len(), 1);
    assert_eq!(links.introduced.len(), 1);
    let cy = f.project.links_of(f.cy);
    assert_eq!(cy.meetings_conducted, vec![f.ana_meeting]);
    assert!(!cy.is_empty());
}

#[test]
fn ids_are_never_handed_out_twice() {
    let mut f = fixture();
    let a = f.project.new_person_id();
    let b = f.project.new_meeting_id();
    assert_ne!(a.0, b.0);
    assert!(f.project.people.keys().all(|id| id.0 < a.0));
}

#[test]
fn repair_keeps_meetings_of_missing_people_with_a_placeholder() {
    let f = fixture();
    let mut raw = RawRecords {
        me: f.project.me,
        people: f
            .project
            .people
            .values()
            .filter(|p| p.id != f.ben)
            .cloned()
            .collect(),
        meetings: f.project.meetings.values().cloned().collect(),
        introductions: f.project.introductions.values().cloned().collect(),
        ..RawRecords::default()
    };
    raw.map_positions
        .insert(PersonId(777), MapPosition::default());
    let (project, warnings) = repair(raw);
    let placeholder = project.person(f.ben).expect("placeholder person");
    assert!(placeholder.name.contains("Missing person"));
    assert!(project.meetings.contains_key(&f.ben_meeting));
    assert_eq!(
        project.introductions.len(),
        3,
        "the placeholder keeps Ben's introductions"
    );
    assert!(project.map_positions.is_empty());
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

#[test]
fn repair_gives_repeated_ids_fresh_ones_and_restores_me() {
    let day = day();
    let raw = RawRecords {
        me: PersonId(50),
        people: vec![
            Person::new(PersonId(2), "Ana", day),
            Person::new(PersonId(2), "Ana's twin", day),
        ],
        introductions: vec![Introduction {
            id: IntroductionId(9),
            introducer: PersonId(2),
            introduced: PersonId(2),
            ..Introduction::default()
        }],
        ..RawRecords::default()
    };
    let (project, warnings) = repair(raw);
    assert_eq!(
        project.people.len(),
        3,
        "both Anas and a restored organizer"
    );
    assert!(project.me().is_some());
    assert!(
        project.introductions.is_empty(),
        "self-introduction dropped"
    );
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    let mut fresh = project.clone();
    let next = fresh.new_person_id();
    assert!(!project.people.contains_key(&next));
}

#[test]
fn differences_count_added_removed_and_changed_records() {
    let start = crate::synth::generate(20, 4);
    assert_eq!(start.differences(&start), (0, 0, 0));
    let mut other = start.clone();
    let ids: Vec<_> = other.people.keys().copied().collect();
    if let Some(person) = other.people.get_mut(&ids[3]) {
        person.hopes.push_str(" and a union");
    }
    let meeting = *other.meetings.keys().next().expect("a meeting");
    other.meetings.remove(&meeting);
    let id = other.new_person_id();
    other
        .people
        .insert(id, Person::new(id, "New", chrono::NaiveDate::MIN));
    assert_eq!(start.differences(&other), (2, 1, 0));
    assert_eq!(other.differences(&start), (2, 1, 0));
}

fn owed_by(owner: Owner, raw: u64) -> FollowUp {
    FollowUp {
        id: FollowUpId(raw),
        what: "Send the list".into(),
        due: Some(day()),
        owner,
        done: false,
    }
}

#[test]
fn a_follow_up_owed_by_someone_not_in_the_project_is_refused() {
    let mut f = fixture();
    let mut meeting = f.project.meetings[&f.ana_meeting].clone();
    meeting
        .follow_ups
        .push(owed_by(Owner::Teammate(PersonId(999)), 500));
    let refused = Edit::PutMeeting(Box::new(meeting)).apply(&mut f.project);
    assert!(matches!(refused, Err(EditError::Dangling(_))));
    let mut ana = f.project.people[&f.ana].clone();
    ana.follow_ups
        .push(owed_by(Owner::Teammate(PersonId(999)), 501));
    let refused = Edit::PutPerson(Box::new(ana)).apply(&mut f.project);
    assert!(matches!(refused, Err(EditError::Dangling(_))));
}

#[test]
fn deleting_a_teammate_passes_what_they_owed_to_the_organizer() {
    let mut f = fixture();
    f.project
        .meetings
        .get_mut(&f.ben_meeting)
        .expect("meeting")
        .follow_ups
        .push(owed_by(Owner::Teammate(f.cy), 600));
    f.project
        .people
        .get_mut(&f.dee)
        .expect("person")
        .follow_ups
        .push(owed_by(Owner::Teammate(f.cy), 601));
    let before = f.project.clone();
    let edit = delete_person(&f.project, f.cy, IntroductionPolicy::Remove).expect("plan");
    let inverse = edit.apply(&mut f.project).expect("delete");
    assert_eq!(
        f.project.meetings[&f.ben_meeting].follow_ups[0].owner,
        Owner::Me
    );
    assert_eq!(f.project.people[&f.dee].follow_ups[0].owner, Owner::Me);
    assert_eq!(
        f.project.meetings[&f.ana_meeting].conducted_by,
        f.project.me
    );
    inverse.apply(&mut f.project).expect("undo");
    assert_eq!(f.project, before);
}

#[test]
fn repair_gives_a_missing_teammates_follow_ups_to_the_organizer_and_unique_ids() {
    let f = fixture();
    let mut people: Vec<Person> = f.project.people.values().cloned().collect();
    let mut meetings: Vec<Meeting> = f.project.meetings.values().cloned().collect();
    meetings[0]
        .follow_ups
        .push(owed_by(Owner::Teammate(PersonId(999)), 700));
    people[1].follow_ups.push(owed_by(Owner::Me, 700));
    let (project, warnings) = repair(RawRecords {
        info: f.project.info.clone(),
        me: f.project.me,
        people,
        meetings,
        introductions: f.project.introductions.values().cloned().collect(),
        map_positions: Default::default(),
    });
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("1 follow-up owed by someone no longer")),
        "{warnings:?}"
    );
    let meeting_item = project.meetings.values().flat_map(|m| &m.follow_ups).next();
    assert_eq!(meeting_item.map(|f| f.owner), Some(Owner::Me));
    let person_item = project.people.values().flat_map(|p| &p.follow_ups).next();
    assert_ne!(person_item.map(|f| f.id), meeting_item.map(|f| f.id));
}

#[test]
fn shifting_dates_moves_every_date_by_the_same_days() {
    let mut f = fixture();
    let start = day().and_hms_opt(18, 0, 0).unwrap_or_default();
    {
        let meeting = f.project.meetings.get_mut(&f.ana_meeting).expect("meeting");
        meeting.start = Some(start);
        meeting.follow_ups.push(owed_by(Owner::Me, 800));
        meeting.ask = Some(Box::new(Ask {
            day: Some(day()),
            second_option: Some(start),
            ..Ask::default()
        }));
    }
    {
        let ana = f.project.people.get_mut(&f.ana).expect("person");
        ana.contacts.push(Contact {
            at: start,
            ..Contact::default()
        });
        ana.follow_ups.push(owed_by(Owner::Me, 801));
    }
    f.project.info.reflection.answers.push(DebriefAnswer {
        prompt: DebriefPrompt::NextSteps,
        day: day(),
        text: "Call the team".into(),
    });
    f.project.shift_dates(10);
    let later = day() + chrono::Duration::days(10);
    let later_start = start + chrono::Duration::days(10);
    let meeting = &f.project.meetings[&f.ana_meeting];
    assert_eq!(meeting.start, Some(later_start));
    assert_eq!(meeting.follow_ups[0].due, Some(later));
    let ask = meeting.ask.as_ref().expect("ask");
    assert_eq!(
        (ask.day, ask.second_option),
        (Some(later), Some(later_start))
    );
    let ana = &f.project.people[&f.ana];
    assert_eq!(ana.created, Some(later));
    assert_eq!(ana.contacts[0].at, later_start);
    assert_eq!(ana.follow_ups[0].due, Some(later));
    assert!(
        f.project
            .introductions
            .values()
            .all(|i| i.date == Some(later))
    );
    assert_eq!(f.project.info.reflection.answers[0].day, later);
}

#[test]
fn a_person_who_owes_a_follow_up_is_not_removed_alone() {
    let mut f = fixture();
    f.project
        .meetings
        .get_mut(&f.ben_meeting)
        .expect("meeting")
        .follow_ups
        .push(owed_by(Owner::Teammate(f.dee), 650));
    // Dee's introduction is removed first, so only the follow-up holds her.
    let intros: Vec<IntroductionId> = f.project.links_of(f.dee).introduced_by;
    for intro in intros {
        Edit::RemoveIntroduction(intro)
            .apply(&mut f.project)
            .expect("remove introduction");
    }
    let refused = Edit::RemovePerson(f.dee).apply(&mut f.project);
    assert!(
        matches!(refused, Err(EditError::Dangling(_))),
        "{refused:?}"
    );
}
