//! Saves killed at random moments: the project file is always either the
//! old or the new complete version, never a mix or a stub.
//!
//! The test starts this same test binary again as a child that saves two
//! versions in turn, forever, and kills it with SIGKILL after a varying delay.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use relational::model::Project;
use relational::workspace::Workspace;
use relational::{store, synth};

const CHILD_ENV: &str = "RELATIONAL_KILL_TEST_FILE";

fn versions() -> (Project, Project) {
    (synth::generate(1500, 1), synth::generate(1500, 2))
}

/// The child: saves the two versions in turn until killed.
#[test]
#[ignore = "run by killed_saves_leave_the_old_or_the_new_version"]
fn child_saver() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (old, new) = versions();
    loop {
        for project in [&new, &old] {
            store::save(project, Path::new(&path)).expect("child save");
        }
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_new_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    let (old, new) = versions();
    store::save(&old, &path).expect("first save");
    let me = std::env::current_exe().expect("test binary");
    let mut seen = [0usize; 2];
    for round in 0..16u64 {
        let mut child = Command::new(&me)
            .args(["child_saver", "--exact", "--ignored", "--nocapture"])
            .env(CHILD_ENV, &path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("child starts");
        // Spread the kills over the save cycle (a prime step avoids patterns).
        std::thread::sleep(Duration::from_millis(150 + (round * 37) % 400));
        child.kill().expect("kill");
        child.wait().expect("reap");

        let loaded = store::load(&path).expect("the file always loads");
        assert!(loaded.warnings.is_empty());
        if loaded.project == old {
            seen[0] += 1;
        } else if loaded.project == new {
            seen[1] += 1;
        } else {
            panic!("round {round}: the file is neither version");
        }
    }
    assert!(seen[1] > 0, "saves of the new version happened: {seen:?}");
    let leftovers = others_beside(dir.path());
    let temporary = store::temporary_files_of(&path).len();
    assert_eq!(
        temporary, leftovers,
        "everything left beside the project is a temporary file of ours"
    );
    // One more, planted, so the clean-up below always has work to do even
    // where the system's unnamed temporary files leave nothing behind.
    std::fs::write(
        dir.path().join(".campaign.ron.Zz9Yy8"),
        "(\n  format_version: 1,",
    )
    .expect("plant");
    assert_eq!(store::temporary_files_of(&path).len(), temporary + 1);
    // Opening the project again cleans up after the killed saves.
    let mut workspace = Workspace::new(Workspace::demo_document());
    let prompts = workspace.open_path(&path);
    assert!(prompts.is_empty(), "{prompts:?}");
    drop(workspace);
    assert_eq!(others_beside(dir.path()), 0, "temporary files removed");
    println!(
        "old {} · new {} · temporary files left by kills {leftovers}, removed on open",
        seen[0], seen[1]
    );
}

/// Files beside the project other than itself and its backup.
fn others_beside(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            name != "campaign.ron" && name != "campaign.ron.bak"
        })
        .count()
}
