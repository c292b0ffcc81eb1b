//! `relational --check` on good, corrupt and missing files.

use std::process::Command;

fn relational() -> Command {
    Command::new(env!("CARGO_BIN_EXE_relational"))
}

#[test]
fn check_summarizes_a_good_file() {
    let output = relational()
        .args(["--check", "assets/demo.ron"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("25 people, 15 meetings, 25 introductions, 0 warning(s)"),
        "{stdout}"
    );
}

#[test]
fn check_reports_a_corrupt_file_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corrupt.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  people: [ (id: x) ]\n)").expect("write");
    let output = relational()
        .arg("--check")
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("corrupt.ron: line 3"), "{stderr}");
}

#[test]
fn check_reports_a_missing_file() {
    let output = relational()
        .args(["--check", "no/such/project.ron"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no such file"), "{stderr}");
}

#[test]
fn check_reports_repairs_as_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dangling.ron");
    let text = "(format_version: 1, me: 1, people: [(id: 1, name: \"Me\")], \
                introductions: [(id: 2, introducer: 1, introduced: 40)])";
    std::fs::write(&path, text).expect("write");
    let output = relational()
        .arg("--check")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("1 warning(s)") && stdout.contains("Dropped introduction 2"),
        "{stdout}"
    );
}

#[test]
fn bad_arguments_exit_with_usage() {
    let output = relational().arg("--bogus").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage"));
}
