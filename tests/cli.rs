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
        stdout.contains("25 people · 15 meetings · 25 introductions · 0 warnings"),
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
        stdout.contains("1 warning")
            && stdout.contains("An introduction of \"Me\" names a missing person (id 40)"),
        "{stdout}"
    );
}

#[test]
fn bad_arguments_exit_with_usage() {
    let output = relational().arg("--bogus").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage"));
}

#[test]
fn export_writes_each_format_from_the_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, file) in [
        ("ics", "calendar.ics"),
        ("leaders-csv", "leaders.csv"),
        ("sheet-csv", "sheet.csv"),
        ("leaders-pdf", "leaders.pdf"),
        ("sheet-pdf", "sheet.pdf"),
        ("blank-sheet-pdf", "blank.pdf"),
    ] {
        let out = dir.path().join(file);
        let output = relational()
            .args(["--export", format, "assets/demo.ron"])
            .arg(&out)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = std::fs::read(&out).expect("export written");
        if format.ends_with("-pdf") {
            assert!(bytes.starts_with(b"%PDF-"), "{format}");
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        match format {
            "ics" => assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("BEGIN:VEVENT")),
            // CSV starts with the UTF-8 mark Excel needs (leave it out with --no-bom).
            "leaders-csv" => {
                assert!(text.starts_with("\u{feff}name,position,phone,email,worksite"))
            }
            _ => assert!(
                text.starts_with("\u{feff}person,date,conducted by") && text.contains("Dolores")
            ),
        }
    }
}

#[test]
fn anonymized_export_has_no_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("sheet.csv");
    let output = relational()
        .args(["--export", "sheet-csv", "--anonymize", "assets/demo.ron"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = std::fs::read_to_string(&out).expect("export written");
    assert!(text.lines().count() > 5, "{text}");
    assert!(!text.contains("Dolores"), "{text}");
}

#[test]
fn export_fails_clearly_on_a_bad_project_or_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = relational()
        .args(["--export", "ics", "no/such/project.ron"])
        .arg(dir.path().join("out.ics"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file"));

    let output = relational()
        .args(["--export", "ics", "assets/demo.ron"])
        .arg(dir.path().join("missing-folder").join("out.ics"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not write"), "{stderr}");

    let output = relational()
        .args(["--export", "pdf", "assets/demo.ron", "out.pdf"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown export format"));
}

#[test]
fn no_bom_leaves_the_mark_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("plain.csv");
    let output = relational()
        .args(["--export", "sheet-csv", "--no-bom", "assets/demo.ron"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("person,date"), "{text}");
}

#[test]
fn export_never_replaces_the_project_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("same.ron");
    std::fs::copy("assets/demo.ron", &project).expect("copy");
    let before = std::fs::read(&project).expect("read");
    for extra in [&[][..], &["--force"][..]] {
        let output = relational()
            .args(["--export", "sheet-csv"])
            .args(extra)
            .arg(&project)
            .arg(&project)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{extra:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("project"));
    }
    assert_eq!(std::fs::read(&project).expect("read"), before, "untouched");
    assert!(!dir.path().join("same.ron.bak").exists());
}

#[test]
fn export_replaces_an_existing_file_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("sheet.csv");
    std::fs::write(&out, "someone else's spreadsheet").expect("write");
    let run = |force: bool| {
        let mut command = relational();
        command.args(["--export", "sheet-csv"]);
        if force {
            command.arg("--force");
        }
        command
            .arg("assets/demo.ron")
            .arg(&out)
            .output()
            .expect("runs")
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "someone else's spreadsheet"
    );
    assert!(run(true).status.success());
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("Dolores Fuentes")
    );
}

#[cfg(unix)]
#[test]
fn export_refuses_a_fifo_and_leaves_it_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("out.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is available");
    let output = relational()
        .args(["--export", "sheet-csv", "--force", "assets/demo.ron"])
        .arg(&fifo)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo());
}

#[test]
fn agenda_prints_the_demo_lists_for_a_given_day() {
    let output = relational()
        .args(["--agenda", "assets/demo.ron", "--today", "2026-11-26"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("# Agenda for Thursday 2026-11-26"),
        "{stdout}"
    );
    // Three meetings of that week passed without an outcome.
    assert!(stdout.contains("## To debrief (3)\n"), "{stdout}");
    assert!(
        stdout.contains("- 2026-11-24 12:30 one-to-one with Kevin Tran\n"),
        "{stdout}"
    );
    for title in [
        "To confirm today",
        "Overdue follow-ups",
        "Follow-ups due this week",
        "Commitments to check",
        "Asks waiting for an answer",
        "Referred, not yet contacted",
        "Gone quiet",
    ] {
        assert!(
            stdout.contains(&format!("## {title} (")),
            "{title}: {stdout}"
        );
    }
    // The day before, Kevin's meeting was tomorrow: to confirm, not to debrief.
    let output = relational()
        .args(["--agenda", "--today", "2026-11-23", "assets/demo.ron"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("## To confirm today (1)\n- 2026-11-24 12:30 one-to-one with Kevin Tran"),
        "{stdout}"
    );
    assert!(stdout.contains("## To debrief (0)\n(none)"), "{stdout}");
}

#[test]
fn agenda_exits_1_on_an_unreadable_project_and_2_on_bad_arguments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corrupt = dir.path().join("corrupt.ron");
    std::fs::write(&corrupt, "(format_version: 1, people: [ (id: x) ])").expect("write");
    let output = relational()
        .arg("--agenda")
        .arg(&corrupt)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    for args in [
        vec!["--agenda"],
        vec!["--agenda", "assets/demo.ron", "--today"],
        vec!["--agenda", "assets/demo.ron", "--today", "26/11/2026"],
        vec!["--agenda", "a.ron", "b.ron"],
        vec!["--agenda", "assets/demo.ron", "--anonymize"],
    ] {
        let output = relational().args(&args).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let help = relational().arg("--help").output().expect("runs");
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("--agenda PROJECT [--today YYYY-MM-DD]")
    );
}

#[test]
fn agenda_warnings_go_to_stderr_and_stdout_stays_the_agenda() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("misspelled.ron");
    let demo = std::fs::read_to_string("assets/demo.ron").expect("demo");
    let misspelled = demo.replacen("name: \"", "emial: \"x\",\n      name: \"", 1);
    std::fs::write(&path, misspelled).expect("write");
    let output = relational()
        .arg("--agenda")
        .arg(&path)
        .args(["--today", "2026-11-26"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.starts_with("# Agenda for"), "{stdout}");
    assert!(
        stderr.contains("warning:") && stderr.contains("emial"),
        "{stderr}"
    );
}
