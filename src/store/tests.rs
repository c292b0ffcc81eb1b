//! The file format: round trips, versions, bad input, safe saving.

use std::path::{Path, PathBuf};

use crate::model::Project;

use super::*;
use crate::synth;

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn demo() -> Project {
    parse(crate::DEMO_RON.as_bytes())
        .expect("the demo parses")
        .project
}

fn round_trip(project: &Project) -> Project {
    let dir = temp_dir();
    let path = dir.path().join("p.ron");
    save(project, &path).expect("saves");
    load(&path).expect("loads").project
}

fn kind_of(text: &str) -> LoadErrorKind {
    match parse(text.as_bytes()) {
        Ok(_) => panic!("expected an error for {:?}", &text[..text.len().min(60)]),
        Err(kind) => kind,
    }
}

#[test]
fn the_demo_loads_without_repairs_and_round_trips() {
    let loaded = parse(crate::DEMO_RON.as_bytes()).expect("the demo parses");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(round_trip(&loaded.project), loaded.project);
}

#[test]
fn generated_projects_round_trip() {
    for seed in 0..3 {
        let project = synth::generate(400, seed);
        assert_eq!(round_trip(&project), project);
    }
}

#[test]
fn tricky_text_round_trips() {
    let mut project = demo();
    let me = project.me;
    let person = project.people.get_mut(&me).expect("me");
    person.notes =
        "line one\nline \"two\"\n\ttabbed \\ back\\slash\r\n🙂 ünïcode 漢字 \u{0} \u{7f}".into();
    person.name = "r#\"raw\"#".into();
    person.values = "x".repeat(100_000);
    assert_eq!(round_trip(&project), project);
}

#[test]
fn multi_line_notes_are_written_as_lines() {
    let mut project = demo();
    let me = project.me;
    project.people.get_mut(&me).expect("me").notes = "first line\nsecond line".into();
    let text = to_ron_string(&project).expect("encodes");
    assert!(
        text.contains("first line\nsecond line"),
        "notes keep their line break"
    );
    assert!(!text.contains('\r'));
    assert!(
        text.starts_with("(\n  format_version: 1,"),
        "{}",
        &text[..40]
    );
}

#[test]
fn a_newer_format_is_refused_with_its_version() {
    let text = "(format_version: 7, people: [], future_thing: Oops(1))";
    match kind_of(text) {
        LoadErrorKind::NewerVersion { found, supported } => {
            assert_eq!(found, 7);
            assert_eq!(supported, CURRENT_FORMAT_VERSION);
        }
        other => panic!("wrong error {other:?}"),
    }
}

#[test]
fn unknown_fields_from_a_newer_minor_change_are_ignored() {
    let text = "(format_version: 1, me: 1, colour_scheme: \"teal\", people: [(id: 1, name: \"Me\", \
                shoe_size: 42, created: \"2026-01-01\")])";
    let loaded = parse(text.as_bytes()).expect("loads");
    assert_eq!(loaded.project.name_of(crate::model::PersonId(1)), "Me");
}

#[test]
fn bad_files_give_errors_not_panics() {
    assert!(matches!(kind_of(""), LoadErrorKind::Empty));
    assert!(matches!(kind_of(" \n\t"), LoadErrorKind::Empty));
    assert!(matches!(
        parse(&[0x28, 0xff, 0xfe, 0x00]),
        Err(LoadErrorKind::NotText { offset: 1 })
    ));
    let demo_text = crate::DEMO_RON;
    for cut in [10, demo_text.len() / 3, demo_text.len() - 5] {
        let truncated = demo_text.get(..cut).unwrap_or("(");
        assert!(matches!(kind_of(truncated), LoadErrorKind::Syntax { .. }));
    }
    assert!(matches!(
        kind_of("hello world"),
        LoadErrorKind::Syntax { .. }
    ));
    assert!(matches!(
        kind_of("(people: 5)"),
        LoadErrorKind::Syntax { .. }
    ));
    assert!(matches!(kind_of("(me: -1)"), LoadErrorKind::Syntax { .. }));
    assert!(
        matches!(
            kind_of("(map_positions: {1: (x: nan, y: 1e999)})"),
            LoadErrorKind::Syntax { .. }
        ) || parse(b"(map_positions: {1: (x: nan, y: 1e999)})").is_ok()
    );
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let deep = format!("(people: {}{})", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(kind_of(&deep), LoadErrorKind::Syntax { .. }));
}

#[test]
fn syntax_errors_name_line_and_column() {
    let text = "(\n  format_version: 1,\n  people: [\n    (id: 1, name: oops),\n  ],\n)";
    match kind_of(text) {
        LoadErrorKind::Syntax { line, column, .. } => {
            assert_eq!(line, 4);
            assert!(column > 1);
        }
        other => panic!("wrong error {other:?}"),
    }
    let error = LoadError::new(Path::new("broken.ron"), kind_of(text));
    let message = error.to_string();
    assert!(
        message.contains("broken.ron") && message.contains("line 4"),
        "{message}"
    );
}

#[test]
fn dangling_references_in_a_file_are_repaired_with_warnings() {
    let text = "(format_version: 1, me: 1, people: [(id: 1, name: \"Me\"), (id: 1, name: \"Dup\")],
        introductions: [(id: 5, introducer: 1, introduced: 99)],
        meetings: [(id: 6, person: 42, conducted_by: 77)])";
    let loaded = parse(text.as_bytes()).expect("repairs");
    assert_eq!(
        loaded.project.people.len(),
        4,
        "me, Dup with a new id, and a placeholder for each missing person"
    );
    assert_eq!(
        loaded.project.introductions.len(),
        1,
        "kept like the meeting, not dropped"
    );
    assert!(loaded.project.person(crate::model::PersonId(99)).is_some());
    assert_eq!(loaded.project.meetings.len(), 1);
    let warnings = loaded.warnings.join("\n");
    for expected in [
        "Two people had id 1",
        "missing person (id 42)",
        "The one-to-one with \"Missing person 42\" was held by a missing person (id 77)",
        "names a missing person (id 99)",
    ] {
        assert!(warnings.contains(expected), "{expected:?} in {warnings}");
    }
    assert_eq!(loaded.warnings.len(), 4, "{warnings}");
    // A date the file does not give stays unknown: nothing is made up,
    // so nothing changes and nothing needs saving.
    let me = loaded.project.person(loaded.project.me).expect("me");
    assert_eq!(me.created, None);
}

#[test]
fn repairs_are_stable_across_a_save() {
    let text = "(format_version: 1, me: 1, people: [(id: 1, name: \"Me\")],
        meetings: [(id: 6, person: 42, conducted_by: 1)])";
    let first = parse(text.as_bytes()).expect("repairs");
    assert!(!first.warnings.is_empty());
    let saved = crate::store::to_ron_string(&first.project).expect("saves");
    let again = parse(saved.as_bytes()).expect("opens");
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.project, first.project);
}

#[test]
fn a_misspelled_field_is_reported_not_silently_dropped() {
    let text = "(format_version: 1, me: 1, people: [(id: 1, name: \"Me\", created: \"2026-01-02\", \
                emial: \"me@example.org\")], sentence_typo: 3)";
    let loaded = parse(text.as_bytes()).expect("opens");
    let warnings = loaded.warnings.join("\n");
    assert!(warnings.contains("`people[0].emial`"), "{warnings}");
    assert!(warnings.contains("`sentence_typo`"), "{warnings}");
    assert!(warnings.contains("2 fields in the file are"), "{warnings}");
}

#[test]
fn a_file_starting_with_a_byte_order_mark_opens() {
    let text = format!("\u{feff}{}", crate::DEMO_RON);
    let loaded = parse(text.as_bytes()).expect("opens");
    assert_eq!(loaded.project.people.len(), 25);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn missing_folders_and_non_files_are_clear_errors() {
    let dir = temp_dir();
    let missing = load(&dir.path().join("nope.ron")).expect_err("missing");
    assert!(missing.to_string().contains("no such file"), "{missing}");
    let folder = load(dir.path()).expect_err("a folder");
    assert!(matches!(folder.kind, LoadErrorKind::NotAFile));
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let error = load(&fifo).expect_err("a pipe");
            assert!(matches!(error.kind, LoadErrorKind::NotAFile));
        }
    }
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let dir = temp_dir();
    let path = dir.path().join("p.ron");
    let mut project = demo();
    save(&project, &path).expect("first save");
    let first = std::fs::read_to_string(&path).expect("read");
    project.info.name = "Renamed".into();
    save(&project, &path).expect("second save");
    let backup = std::fs::read_to_string(backup_path(&path)).expect("backup exists");
    assert_eq!(backup, first);
    assert_eq!(load(&path).expect("loads").project.info.name, "Renamed");
}

#[cfg(unix)]
#[test]
fn saved_files_and_backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let path = dir.path().join("p.ron");
    save(&demo(), &path).expect("saves");
    save(&demo(), &path).expect("saves again");
    for file in [path.clone(), backup_path(&path)] {
        let mode = std::fs::metadata(&file)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    }
}

#[cfg(unix)]
#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).expect("folder");
    let path = folder.join("p.ron");
    save(&demo(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let mut changed = demo();
    changed.info.name = "Changed".into();
    let result = save(&changed, &path);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    // Root ignores folder permissions; the injected failure below covers that case.
    if let Err(error) = result {
        assert!(error.to_string().contains("Nothing was lost"));
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }
}

#[test]
fn a_write_that_fails_part_way_leaves_the_old_file_intact() {
    let dir = temp_dir();
    let path = dir.path().join("p.ron");
    save(&demo(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let mut changed = demo();
    changed.info.name = "Changed".into();
    let result = save_with(&changed, &path, None, |file, bytes| {
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(std::io::Error::other("No space left on device"))
    });
    let error = result.expect_err("the write failed");
    assert_eq!(error.stage, SaveStage::Write);
    assert!(error.to_string().contains("No space left"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p != &path)
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files removed: {leftovers:?}"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = temp_dir();
    let path = dir.path().join("gone").join("p.ron");
    let error = save(&demo(), &path).expect_err("no folder");
    assert_eq!(error.stage, SaveStage::Create);
}

#[test]
fn fields_left_out_of_a_file_get_their_defaults() {
    let text = "(format_version: 1, me: 1, people: [(id: 1, name: \"Me\"), (id: 2, name: \"Ana\")],
        meetings: [(id: 3, person: 2, conducted_by: 1)])";
    let loaded = parse(text.as_bytes()).expect("loads");
    let meeting = &loaded.project.meetings[&crate::model::MeetingId(3)];
    assert_eq!(
        meeting.duration_minutes,
        crate::model::DEFAULT_DURATION_MINUTES
    );
    assert_eq!(meeting.status, crate::model::MeetingStatus::Planned);
    assert_eq!(loaded.project.info.goals.leadership_candidates, 8);
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_the_linked_file() {
    let dir = temp_dir();
    let real = dir.path().join("synced").join("campaign.ron");
    std::fs::create_dir(dir.path().join("synced")).expect("mkdir");
    save(&demo(), &real).expect("first save");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let mut changed = demo();
    changed.info.name = "Through the link".into();
    save(&changed, &link).expect("save through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load(&real).expect("load").project.info.name,
        "Through the link"
    );
    assert!(
        backup_path(&real).is_file(),
        "the .bak sits beside the real file"
    );
}

#[test]
fn contacts_follow_ups_on_people_and_debrief_answers_round_trip() {
    use crate::model::{
        Contact, ContactChannel, ContactOutcome, DebriefAnswer, DebriefPrompt, FollowUp,
        FollowUpId, Owner,
    };
    let mut project = demo();
    let teammate = project
        .people
        .values()
        .find(|p| p.leadership_team && p.id != project.me)
        .map(|p| p.id)
        .expect("a teammate");
    let raw = project.new_follow_up_id().0;
    let someone = project
        .people
        .values_mut()
        .find(|p| !p.leadership_team)
        .expect("a person");
    someone.do_not_contact = true;
    someone.contacts.push(Contact {
        at: chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(18, 5, 0))
            .unwrap_or_default(),
        channel: ContactChannel::Door,
        outcome: ContactOutcome::NotInterested,
        note: "Said \"not now\", try in spring".into(),
    });
    someone.follow_ups.push(FollowUp {
        id: FollowUpId(raw),
        what: "Drop off the flyer".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        owner: Owner::Teammate(teammate),
        done: false,
    });
    project.info.reflection.answers.push(DebriefAnswer {
        prompt: DebriefPrompt::WhoToSelect,
        day: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        text: "Linh: the night shift trusts her".into(),
    });
    let loaded = round_trip(&project);
    assert_eq!(loaded, project);
    let text = to_ron_string(&project).expect("text");
    assert!(text.contains("Teammate("), "{}", &text[..200]);
}
