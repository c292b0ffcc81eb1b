//! Protected projects on the command line: the passphrase from
//! `RELATIONAL_PASSPHRASE`, `--encrypt` and `--decrypt`, exports that say
//! they are not protected, imports that keep the protection, and files
//! that Debian's `age` tool reads and writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PASSPHRASE: &str = "staple ribbon lantern";

/// Runs the app in a session of its own (no terminal to ask at), with the
/// passphrase variable set to `passphrase` or removed.
fn relational(args: &[&Path], passphrase: Option<&str>) -> Output {
    let mut command = Command::new("setsid");
    command
        .arg(env!("CARGO_BIN_EXE_relational"))
        .args(args)
        .stdin(Stdio::null());
    match passphrase {
        Some(passphrase) => command.env("RELATIONAL_PASSPHRASE", passphrase),
        None => command.env_remove("RELATIONAL_PASSPHRASE"),
    };
    command.output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A plain project with a name in it, and the protected copy `--encrypt` made.
fn protected_project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.ron");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
    let mut builder = relational::synth::ProjectBuilder::new(day);
    builder.person("Đặng Thị Secretname");
    let project = builder.build();
    relational::store::save(&project, &plain).expect("save");
    let protected = dir.path().join("protected.ron");
    let output = relational(
        &["--encrypt".as_ref(), &plain, &protected],
        Some(PASSPHRASE),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    (dir, plain, protected)
}

fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).expect("read");
    bytes
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn encrypt_writes_an_age_file_that_check_opens_with_the_variable() {
    let (_dir, _, protected) = protected_project();
    let bytes = std::fs::read(&protected).expect("read");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert!(!holds(&protected, "Secretname"));
    let output = relational(&["--check".as_ref(), &protected], Some(PASSPHRASE));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("2 people"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_with_a_message() {
    let (_dir, _, protected) = protected_project();
    let wrong = relational(&["--check".as_ref(), &protected], Some("not it"));
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("passphrase does not open"),
        "{}",
        text(&wrong.stderr)
    );
    let missing = relational(&["--check".as_ref(), &protected], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("RELATIONAL_PASSPHRASE"),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn decrypt_writes_a_plain_project() {
    let (dir, _, protected) = protected_project();
    let plain = dir.path().join("back.ron");
    let output = relational(
        &["--decrypt".as_ref(), &protected, &plain],
        Some(PASSPHRASE),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let loaded = relational::store::load(&plain).expect("plain again");
    assert!(
        loaded
            .project
            .people
            .values()
            .any(|p| p.name == "Đặng Thị Secretname")
    );
}

#[test]
fn an_export_of_a_protected_project_says_it_is_not_protected() {
    let (dir, _, protected) = protected_project();
    let out = dir.path().join("sheet.csv");
    let args: [&Path; 4] = ["--export".as_ref(), "sheet-csv".as_ref(), &protected, &out];
    let output = relational(&args, Some(PASSPHRASE));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("is not: keep it safe"),
        "{}",
        text(&output.stdout)
    );
    let anonymized = dir.path().join("anon.csv");
    let args: [&Path; 5] = [
        "--export".as_ref(),
        "sheet-csv".as_ref(),
        "--anonymize".as_ref(),
        &protected,
        &anonymized,
    ];
    let output = relational(&args, Some(PASSPHRASE));
    assert!(!text(&output.stdout).contains("is not: keep it safe"));
}

#[test]
fn an_import_into_a_protected_project_keeps_it_protected() {
    let (dir, _, protected) = protected_project();
    let list = dir.path().join("roster.csv");
    std::fs::write(&list, "Name,Email\r\nZbigniew Łukasz,zl@example.org\r\n").expect("list");
    let output = relational(&["--import".as_ref(), &list, &protected], Some(PASSPHRASE));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(!holds(&protected, "Łukasz"));
    assert!(!holds(
        &relational::store::backup_path(&protected),
        "Secretname"
    ));
    let passphrase = relational::store::Passphrase::new(PASSPHRASE);
    let loaded = relational::store::load_protected(&protected, Some(&passphrase)).expect("opens");
    assert_eq!(loaded.project.people.len(), 3);
}

/// Runs the `age` tool with a terminal of its own (it reads passphrases
/// only from a terminal), typing `typed` lines into it.
fn age_with_terminal(args: &str, typed: &[&str]) -> Output {
    let age = Command::new("age").arg("--version").output();
    assert!(
        age.is_ok_and(|o| o.status.success()),
        "the age tool is missing: install Debian's age package (.ci/run does)"
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &format!("age {args}"), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script runs");
    let mut stdin = child.stdin.take().expect("stdin");
    for line in typed {
        // age opens the terminal before each prompt; give it the time to.
        std::thread::sleep(std::time::Duration::from_millis(700));
        let _ = writeln!(stdin, "{line}");
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let output = child.wait_with_output().expect("age ends");
    drop(stdin);
    output
}

#[test]
fn the_age_tool_opens_what_the_app_protected() {
    let (dir, _, protected) = protected_project();
    let out = dir.path().join("by-age.ron");
    let args = format!("-d -o {} {}", out.display(), protected.display());
    let output = age_with_terminal(&args, &[PASSPHRASE]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    let loaded = relational::store::load(&out).expect("age wrote the plain project");
    assert_eq!(loaded.project.people.len(), 2);
}

#[test]
fn the_app_opens_what_the_age_tool_encrypted() {
    let (dir, plain, _) = protected_project();
    let sealed = dir.path().join("sealed-by-age.ron");
    let args = format!("-p -o {} {}", sealed.display(), plain.display());
    let output = age_with_terminal(&args, &[PASSPHRASE, PASSPHRASE]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert!(!holds(&sealed, "Secretname"));
    let output = relational(&["--check".as_ref(), &sealed], Some(PASSPHRASE));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("2 people"));
}
