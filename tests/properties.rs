//! Properties over random projects: saving then loading gives the same
//! project; undoing every edit gives the original back, and redoing them
//! gives the edited one.

use proptest::prelude::*;
use relational::history::History;
use relational::model::{
    Edit, Introduction, IntroductionPolicy, MapPosition, Meeting, Person, PersonId, Project,
    delete_person,
};
use relational::{store, synth};

/// Text as organizers type it, and worse: empty, any Unicode (control
/// characters, quotes, backslashes), emoji, line breaks, very long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "[a-zA-Z '\"\\\\,.()\\[\\]{}:]{0,40}",
        Just("🙂✊🏽 organizing 👩🏾‍⚕️ \u{200d} — «ü» 東京 عربى".to_owned()),
        "[a-z\n\r\t ]{0,30}",
        ".{1,8}".prop_map(|s| s.repeat(700)),
    ]
}

/// A generated project (valid references by construction) with random
/// text written into people, meetings and the project's own fields.
fn project() -> impl Strategy<Value = Project> {
    (
        1usize..40,
        any::<u64>(),
        prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, text()), 0..24),
    )
        .prop_map(|(people, seed, texts)| {
            let mut project = synth::generate(people, seed);
            for (index, field, value) in texts {
                write_text(&mut project, index, field, value);
            }
            project
        })
}

fn write_text(project: &mut Project, index: prop::sample::Index, field: usize, value: String) {
    if field == 7 {
        project.info.name = value;
        return;
    }
    if field >= 5 {
        let ids: Vec<_> = project.meetings.keys().copied().collect();
        if ids.is_empty() {
            return;
        }
        if let Some(meeting) = project.meetings.get_mut(index.get(&ids)) {
            if field == 5 {
                meeting.place = value;
            } else {
                meeting.notes.general = value;
            }
        }
        return;
    }
    let ids: Vec<_> = project.people.keys().copied().collect();
    let Some(person) = project.people.get_mut(index.get(&ids)) else {
        return;
    };
    match field {
        0 => person.name = value,
        1 => person.notes = value,
        2 => person.tags.push(value),
        3 => person.email = value,
        _ => person.hopes = value,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn save_then_load_is_identity(project in project()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ron");
        store::save(&project, &path).expect("saves");
        let loaded = store::load(&path).expect("loads");
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(loaded.project, project);
    }
}

/// One thing an organizer might do, by position in the current lists.
#[derive(Clone, Debug)]
enum Op {
    AddPerson(String),
    Rename(prop::sample::Index, String),
    Delete(prop::sample::Index, bool),
    Introduce(prop::sample::Index, prop::sample::Index),
    Unintroduce(prop::sample::Index),
    Place(prop::sample::Index, i16, i16, bool),
    PlanMeeting(prop::sample::Index),
    DropMeeting(prop::sample::Index),
    RenameProject(String),
}

fn op() -> impl Strategy<Value = Op> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        text().prop_map(Op::AddPerson),
        (index(), text()).prop_map(|(i, t)| Op::Rename(i, t)),
        (index(), any::<bool>()).prop_map(|(i, credit)| Op::Delete(i, credit)),
        (index(), index()).prop_map(|(a, b)| Op::Introduce(a, b)),
        index().prop_map(Op::Unintroduce),
        (index(), any::<i16>(), any::<i16>(), any::<bool>())
            .prop_map(|(i, x, y, pin)| Op::Place(i, x, y, pin)),
        index().prop_map(Op::PlanMeeting),
        index().prop_map(Op::DropMeeting),
        text().prop_map(Op::RenameProject),
    ]
}

fn pick<K: Copy>(keys: Vec<K>, index: prop::sample::Index) -> Option<K> {
    (!keys.is_empty()).then(|| *index.get(&keys))
}

fn person(project: &Project, index: prop::sample::Index) -> Option<PersonId> {
    pick(project.people.keys().copied().collect(), index)
}

/// The edit for `op` on `project` now, if it makes sense.
fn edit_for(project: &mut Project, op: Op) -> Option<Edit> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)?;
    Some(match op {
        Op::AddPerson(name) => {
            let id = project.new_person_id();
            Edit::PutPerson(Box::new(Person::new(id, name, day)))
        }
        Op::Rename(i, name) => {
            let mut changed = project.person(person(project, i)?)?.clone();
            changed.name = name;
            Edit::PutPerson(Box::new(changed))
        }
        Op::Delete(i, credit) => {
            let policy = if credit {
                IntroductionPolicy::CreditTheirIntroducer
            } else {
                IntroductionPolicy::Remove
            };
            delete_person(project, person(project, i)?, policy).ok()?
        }
        Op::Introduce(a, b) => {
            let (introducer, introduced) = (person(project, a)?, person(project, b)?);
            let id = project.new_introduction_id();
            Edit::PutIntroduction(Box::new(Introduction {
                id,
                introducer,
                introduced,
                date: Some(day),
                meeting: None,
                note: String::new(),
            }))
        }
        Op::Unintroduce(i) => {
            Edit::RemoveIntroduction(pick(project.introductions.keys().copied().collect(), i)?)
        }
        Op::Place(i, x, y, pinned) => Edit::SetMapPosition(
            person(project, i)?,
            Some(MapPosition {
                x: f32::from(x),
                y: f32::from(y),
                pinned,
            }),
        ),
        Op::PlanMeeting(i) => {
            let who = person(project, i)?;
            let id = project.new_meeting_id();
            Edit::PutMeeting(Box::new(Meeting::new(id, who, project.me)))
        }
        Op::DropMeeting(i) => {
            Edit::RemoveMeeting(pick(project.meetings.keys().copied().collect(), i)?)
        }
        Op::RenameProject(name) => {
            let mut info = project.info.clone();
            info.name = name;
            Edit::SetInfo(Box::new(info))
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_then_redo_all(start in project(), ops in prop::collection::vec(op(), 1..30)) {
        let mut project = start.clone();
        let mut history = History::default();
        let mut applied = 0;
        for op in ops {
            let Some(edit) = edit_for(&mut project, op) else { continue };
            // A refused edit changes nothing and is not a step.
            if history.apply(&mut project, edit, "step", None).is_ok() {
                applied += 1;
            }
        }
        let edited = project.clone();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut project).expect("undo applies").is_some());
        }
        prop_assert_eq!(&project, &start);
        prop_assert!(history.undo(&mut project).expect("nothing left").is_none());
        for _ in 0..applied {
            prop_assert!(history.redo(&mut project).expect("redo applies").is_some());
        }
        prop_assert_eq!(&project, &edited);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any bytes behind an age header, and any damage to a protected
    /// file, give a refusal: never a panic, never a project.
    #[test]
    fn damaged_protected_files_are_refused(
        tail in proptest::collection::vec(any::<u8>(), 0..400),
        flip in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let passphrase = store::Passphrase::new("property");
        let mut sealed = b"age-encryption.org/v1\n".to_vec();
        sealed.extend_from_slice(&tail);
        prop_assert!(store::parse_any(&sealed, Some(&passphrase)).is_err());

        let protection = store::Protection::with_work_factor(passphrase.clone(), 1);
        let text = store::to_ron_string(&synth::generate(3, 1)).expect("text");
        let good = protection.encrypt(text.as_bytes()).expect("encrypts");
        prop_assert!(store::parse_any(&good, Some(&passphrase)).is_ok());
        let mut altered = good.clone();
        let at = flip.index(altered.len());
        altered[at] ^= 0x20;
        prop_assert!(store::parse_any(&altered, Some(&passphrase)).is_err());
        let short = cut.index(good.len());
        prop_assert!(store::parse_any(&good[..short], Some(&passphrase)).is_err());
    }
}
