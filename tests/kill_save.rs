//! Saves killed at random moments: the project file is always either the
//! old or the new complete version, never a mix or a stub.
//!
//! The test starts this same test binary again as a child that saves two
//! versions in turn, forever, and kills it with SIGKILL after a varying delay.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use relational::model::Project;
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
    let leftovers = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            name != "campaign.ron" && name != "campaign.ron.bak"
        })
        .count();
    println!(
        "old {} · new {} · temporary files left by kills {leftovers}",
        seen[0], seen[1]
    );
}
