//! `relational --import`: the report, a dry run that writes nothing, a
//! second import that updates instead of doubling, `--map`, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn relational(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relational"))
        .args(args)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh project with the organizer only, and a roster beside it.
fn setup(roster: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project_path = dir.path().join("drive.ron");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
    let project = relational::model::Project::new("Drive", "Me", day);
    relational::store::save(&project, &project_path).expect("saves");
    let list = dir.path().join("roster.csv");
    std::fs::write(&list, roster).expect("write");
    (dir, project_path, list)
}

fn people(path: &Path) -> Vec<relational::model::Person> {
    let loaded = relational::store::load(path).expect("loads");
    loaded.project.people.into_values().collect()
}

const ROSTER: &str = "Name,Email,Job Class\r\nAna Ruiz,ana@example.org,Nurse\r\nBo Chen,bo@example.org,Cook\r\n,x@example.org,\r\n";

#[test]
fn an_import_writes_the_project_and_reports_each_row() {
    let (_dir, project, list) = setup(ROSTER);
    let output = relational(&["--import".as_ref(), &list, &project]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.contains("2 people added, 0 updated, 0 already up to date, 1 skipped"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 4, (no name): it has no name"),
        "{stdout}"
    );
    let everyone = people(&project);
    assert_eq!(everyone.len(), 3);
    let ana = everyone
        .iter()
        .find(|p| p.name == "Ana Ruiz")
        .expect("added");
    assert_eq!(ana.role, "Nurse");
    assert_eq!(ana.tags, ["import: roster.csv"]);
    assert!(
        relational::store::backup_path(&project).exists(),
        "the old file kept as .bak"
    );
    // The same file again: updates, never doubles.
    let again = relational(&["--import".as_ref(), &list, &project]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again.stdout).contains("0 people added, 0 updated, 2 already up to date"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(people(&project).len(), 3);
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let (_dir, project, list) = setup(ROSTER);
    let before = std::fs::read(&project).expect("read");
    let output = relational(&["--import".as_ref(), &list, &project, "--dry-run".as_ref()]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("2 people added"), "{stdout}");
    assert!(
        stdout.contains("Dry run: the project was not changed."),
        "{stdout}"
    );
    assert_eq!(std::fs::read(&project).expect("read"), before);
    assert!(!relational::store::backup_path(&project).exists());
}

#[test]
fn map_sets_a_column_and_an_unknown_column_is_a_bad_argument() {
    let (_dir, project, list) = setup("Who,Email,Site\nAna Ruiz,ana@example.org,Plant 2\n");
    let no_name = relational(&["--import".as_ref(), &list, &project]);
    assert_eq!(no_name.status.code(), Some(2));
    assert!(text(&no_name.stderr).contains("no column of roster.csv is taken as the name"));
    let mapped = relational(&[
        "--import".as_ref(),
        &list,
        &project,
        "--map".as_ref(),
        "who=name".as_ref(),
        "--map".as_ref(),
        "Site=tag".as_ref(),
    ]);
    assert_eq!(mapped.status.code(), Some(0), "{}", text(&mapped.stderr));
    let ana = people(&project)
        .into_iter()
        .find(|p| p.name == "Ana Ruiz")
        .expect("added");
    assert_eq!(ana.tags, ["Plant 2", "import: roster.csv"]);
    let missing = relational(&[
        "--import".as_ref(),
        &list,
        &project,
        "--map".as_ref(),
        "Age=notes".as_ref(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("no column \"Age\""),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn unreadable_inputs_exit_1_and_change_nothing() {
    let (dir, project, _) = setup(ROSTER);
    let before = std::fs::read(&project).expect("read");
    let quote = dir.path().join("quote.csv");
    std::fs::write(&quote, "Name,Notes\nAna,\"never closed\nBo,x\n").expect("write");
    let output = relational(&["--import".as_ref(), &quote, &project]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("line 2"),
        "{}",
        text(&output.stderr)
    );
    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F']).expect("write");
    assert_eq!(
        relational(&["--import".as_ref(), &binary, &project])
            .status
            .code(),
        Some(1)
    );
    let missing_project = dir.path().join("none.ron");
    let list = dir.path().join("roster.csv");
    assert_eq!(
        relational(&["--import".as_ref(), &list, &missing_project])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(std::fs::read(&project).expect("read"), before);
    let usage = relational(&["--import".as_ref(), &list]);
    assert_eq!(usage.status.code(), Some(2));
    let help = text(&relational(&["--help".as_ref()]).stdout);
    assert!(help.contains("--import FILE PROJECT [--dry-run]"), "{help}");
}
