use std::time::{Duration, Instant};

use super::*;
use crate::synth;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn a_first_change_is_copied_after_five_idle_seconds() {
    let start = Instant::now();
    let mut schedule = RecoverySchedule::default();
    schedule.observe(0, false, start);
    assert_eq!(schedule.wait(start), None, "nothing unsaved, nothing due");
    schedule.observe(1, true, start);
    assert_eq!(schedule.wait(start), Some(secs(5)));
    assert!(!schedule.due(start + secs(4)));
    assert!(schedule.due(start + secs(5)));
}

#[test]
fn continuous_work_is_copied_after_thirty_seconds() {
    let start = Instant::now();
    let mut schedule = RecoverySchedule::default();
    // A change every second: never five idle seconds.
    for second in 0..30 {
        schedule.observe(second + 1, true, start + secs(second));
        assert!(!schedule.due(start + secs(second)), "second {second}");
    }
    schedule.observe(31, true, start + secs(30));
    assert!(schedule.due(start + secs(30)));
}

#[test]
fn copies_are_at_least_thirty_seconds_apart() {
    let start = Instant::now();
    let mut schedule = RecoverySchedule::default();
    schedule.observe(1, true, start);
    schedule.written(1, start + secs(5));
    assert_eq!(schedule.wait(start + secs(6)), None, "the copy is current");
    schedule.observe(2, true, start + secs(6));
    // Idle from 11 s on, but the last copy was at 5 s: due at 35 s.
    assert!(!schedule.due(start + secs(20)));
    assert_eq!(schedule.wait(start + secs(20)), Some(secs(15)));
    assert!(schedule.due(start + secs(35)));
}

#[test]
fn saving_clears_what_is_pending() {
    let start = Instant::now();
    let mut schedule = RecoverySchedule::default();
    schedule.observe(1, true, start);
    schedule.observe(1, false, start + secs(1));
    assert_eq!(schedule.wait(start + secs(60)), None);
}

fn store() -> (tempfile::TempDir, RecoveryStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    (dir, store)
}

#[test]
fn a_copy_reads_back_with_its_original_and_is_private() {
    let (dir, store) = store();
    let project = synth::generate(40, 7);
    let original = dir.path().join("campaign.ron");
    let slot = store.slot_for_file(&original, "7-7");
    store
        .write(&slot, Some(&original), &project, None)
        .expect("written");
    let copy = store.read(&slot).expect("read back");
    assert_eq!(copy.project, project);
    assert_eq!(copy.original.as_deref(), Some(original.as_path()));
    assert!(copy.warnings.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&slot).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = std::fs::metadata(store.dir())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }
}

/// A session of process 1, which always runs and started before now: as
/// if another window were open.
fn live_session() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("1-{now}-1")
}

/// A session name whose process is not running.
fn ended_session(n: u32) -> String {
    format!("{}-100", u32::MAX - n)
}

#[test]
fn a_copy_left_by_an_ended_session_is_offered_and_never_deleted() {
    let (dir, store) = store();
    let original = dir.path().join("campaign.ron");
    let saved = synth::generate(10, 1);
    crate::store::save(&saved, &original).expect("save");
    let edited = synth::generate(12, 1);
    let slot = store.slot_for_file(&original, &ended_session(1));
    store
        .write(&slot, Some(&original), &edited, None)
        .expect("copy");
    let offer = store
        .offer_for_file(&original, "own-session", None)
        .expect("the copy is offered");
    assert_eq!(offer.project, edited);
    assert!(!offer.file_changed_after);

    // The file saved again later (another window, a sync program): still
    // offered, with a warning, and never deleted behind the organizer's back.
    let later = SystemTime::now() + Duration::from_secs(120);
    let file = std::fs::File::options()
        .write(true)
        .open(&original)
        .expect("open");
    file.set_modified(later).expect("set time");
    let offer = store
        .offer_for_file(&original, "own-session", None)
        .expect("still offered");
    assert!(offer.file_changed_after);
    assert!(slot.exists());
}

#[test]
fn copies_of_running_windows_and_our_own_are_not_offered() {
    let (dir, store) = store();
    let original = dir.path().join("campaign.ron");
    let project = synth::generate(4, 1);
    crate::store::save(&project, &original).expect("save");
    // Process 1 always runs: as if another window had the file open.
    store
        .write(
            &store.slot_for_file(&original, &live_session()),
            Some(&original),
            &project,
            None,
        )
        .expect("copy");
    store
        .write(
            &store.slot_for_file(&original, "own-session"),
            Some(&original),
            &project,
            None,
        )
        .expect("copy");
    assert!(
        store
            .offer_for_file(&original, "own-session", None)
            .is_none()
    );
    // The same file reached through another path finds the same copies.
    let ended = store.slot_for_file(&original, &ended_session(2));
    store
        .write(&ended, Some(&original), &project, None)
        .expect("copy");
    let dotted = dir.path().join(".").join("campaign.ron");
    let offer = store
        .offer_for_file(&dotted, "own-session", None)
        .expect("offered");
    assert_eq!(offer.slot, ended);
}

#[test]
fn untitled_copies_of_ended_sessions_are_offered_newest_first() {
    let (_dir, store) = store();
    let project = synth::generate(5, 3);
    let dead = store.slot_for_untitled(&ended_session(1));
    let own = store.slot_for_untitled("own-session");
    let live = store.slot_for_untitled(&live_session());
    for slot in [&dead, &own, &live] {
        store.write(slot, None, &project, None).expect("copy");
    }
    let offers = store.offers_untitled("own-session");
    let slots: Vec<&Path> = offers.iter().map(|o| o.slot.as_path()).collect();
    assert_eq!(
        slots,
        vec![dead.as_path()],
        "not ours, not a running process's"
    );
    assert_eq!(offers[0].original, None);
}

#[test]
fn a_damaged_copy_is_an_error_not_a_panic() {
    let (_dir, store) = store();
    std::fs::create_dir_all(store.dir()).expect("dir");
    let slot = store.slot_for_untitled("9-9");
    std::fs::write(&slot, "(format_version: 1, project: (people: [(id: ").expect("write");
    assert!(store.read(&slot).is_err());
    assert!(store.offers_untitled("own").is_empty());
    let damaged = store.damaged_copies_of(None, "own", None);
    assert_eq!(damaged.len(), 1, "reported, not silently skipped");
    assert_eq!(damaged[0].0, slot);
    assert!(slot.exists(), "and kept");
}

#[test]
fn a_session_whose_process_number_now_belongs_to_a_later_program_has_ended() {
    let (_dir, store) = store();
    let project = synth::generate(3, 1);
    // Process 1 runs, but started long after second 100 of 1970.
    let crashed = store.slot_for_untitled("1-100-1");
    store.write(&crashed, None, &project, None).expect("copy");
    let offers = store.offers_untitled("own-session");
    assert_eq!(offers.len(), 1, "the crashed session's copy is offered");
}
