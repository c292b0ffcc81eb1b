//! A logout or shutdown (SIGTERM) and a closed terminal (SIGHUP) do not
//! lose the last edit: the recovery copy is written and the lock removed
//! before the process ends.
//!
//! The test starts this same test binary again as a child that opens a
//! project, makes an unsaved edit and waits; the parent sends the signal.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use relational::model::{Edit, Person};
use relational::store::{self, RecoveryStore};
use relational::workspace::{Workspace, termination};

const CHILD_ENV: &str = "RELATIONAL_TERMINATION_TEST_DIR";
const NAME: &str = "Edited Just Before Logout";

/// The child: unsaved work, waiting for the session to end.
#[test]
#[ignore = "run by a_signal_writes_the_copy_and_removes_the_lock"]
fn child_with_unsaved_work() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let mut workspace = Workspace::new(Workspace::demo_document());
    let _ = workspace.enable_recovery(RecoveryStore::new(dir.join("recovery")));
    assert!(workspace.open_path(&dir.join("campaign.ron")).is_empty());
    let id = workspace.doc.project.new_person_id();
    let person = Person::new(id, NAME, workspace.clock.today());
    workspace.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
    let (tell, told) = std::sync::mpsc::channel();
    assert!(termination::watch(move || {
        let _ = tell.send(());
    }));
    std::fs::write(dir.join("ready"), "").expect("ready");
    told.recv_timeout(Duration::from_secs(60))
        .expect("signalled");
    workspace.shut_down();
    std::process::exit(0);
}

fn ended_by(signal: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("campaign.ron");
    store::save(&relational::synth::generate(5, 1), &project).expect("save");
    let me = std::env::current_exe().expect("test binary");
    let mut child = Command::new(me)
        .args([
            "child_with_unsaved_work",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_ENV, dir.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("child starts");
    wait_for(&dir.path().join("ready"));
    assert!(
        store::lock_path(&project).exists(),
        "the child holds the lock"
    );
    let recovery = dir.path().join("recovery");
    assert_eq!(copies(&recovery).len(), 0, "no copy before the signal");
    let sent = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("reap");
    assert!(
        status.success(),
        "{signal}: ended on its own terms: {status}"
    );
    assert!(
        !store::lock_path(&project).exists(),
        "{signal}: lock removed"
    );
    let copies = copies(&recovery);
    assert_eq!(copies.len(), 1, "{signal}: one recovery copy");
    let copy = RecoveryStore::new(&recovery)
        .read(&copies[0])
        .expect("reads");
    assert!(copy.project.people.values().any(|p| p.name == NAME));
}

#[test]
fn a_signal_writes_the_copy_and_removes_the_lock() {
    ended_by("TERM");
    ended_by("HUP");
}

fn copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

fn wait_for(path: &Path) {
    let started = Instant::now();
    while !path.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "child never ready"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
