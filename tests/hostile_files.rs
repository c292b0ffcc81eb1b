//! Files made to hurt: each gets a clear error (or a repair) quickly and
//! without taking much memory; none panics, hangs or aborts.

use std::io::Write;
use std::path::{Path, PathBuf};

use relational::store::{self, LoadErrorKind, MAX_FILE_BYTES, MAX_RECORDS};

fn file_with(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn error_of(path: &Path) -> store::LoadError {
    store::load(path).expect_err("refused")
}

#[test]
fn deep_nesting_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let deep = format!("(people: {}{})", "[".repeat(200_000), "]".repeat(200_000));
    let path = file_with(dir.path(), "deep.ron", deep.as_bytes());
    let error = error_of(&path);
    assert!(
        matches!(error.kind, LoadErrorKind::Syntax { .. }),
        "{error}"
    );
}

#[test]
fn a_string_past_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge.ron");
    let mut file = std::fs::File::create(&path).expect("create");
    file.write_all(b"(format_version: 1, people: [(id: 1, name: \"")
        .expect("write");
    // One name as long as the limit: the file is sparse, so the test
    // writes almost nothing, and the loader must refuse it by its size.
    file.set_len(MAX_FILE_BYTES + 16).expect("grow");
    drop(file);
    let error = error_of(&path);
    assert!(
        matches!(error.kind, LoadErrorKind::TooLarge { limit, .. } if limit == MAX_FILE_BYTES),
        "{error}"
    );
    assert!(error.to_string().contains("MB"), "{error}");
}

#[test]
fn a_million_tiny_records_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let mut text = String::from("(format_version: 1, people: [");
    for id in 1..=1_000_000 {
        text.push_str(&format!("(id:{id}),"));
    }
    text.push_str("])");
    assert!(
        (text.len() as u64) < MAX_FILE_BYTES,
        "small enough to be read"
    );
    let path = file_with(dir.path(), "many.ron", text.as_bytes());
    let error = error_of(&path);
    let message = error.to_string();
    assert!(
        message.contains(&MAX_RECORDS.to_string()) && message.contains("records"),
        "{message}"
    );
}

#[test]
fn nan_and_huge_numbers_are_repaired_or_refused() {
    let dir = tempfile::tempdir().expect("dir");
    // Positions that are not numbers are dropped with a warning.
    let path = file_with(
        dir.path(),
        "nan.ron",
        b"(format_version: 1, me: 1, people: [(id: 1, name: \"Me\", created: \"2026-01-01\"), (id: 2, name: \"Ana\", created: \"2026-01-01\")],
          map_positions: {1: (x: NaN, y: 0.0), 2: (x: inf, y: -inf)})",
    );
    let loaded = store::load(&path).expect("repaired");
    assert!(loaded.project.map_positions.is_empty());
    assert_eq!(
        loaded.warnings,
        ["Dropped 2 map positions for missing people or with invalid numbers"]
    );

    for (name, text) in [
        ("id.ron", "(people: [(id: 99999999999999999999999)])"),
        ("float-id.ron", "(people: [(id: 1e300)])"),
        (
            "minutes.ron",
            "(people: [(id: 1)], meetings: [(id: 2, person: 1, conducted_by: 1, duration_minutes: 1e999)])",
        ),
        ("version.ron", "(format_version: 99999999999999999999)"),
        ("negative.ron", "(me: -5)"),
    ] {
        let path = file_with(dir.path(), name, text.as_bytes());
        match store::load(&path) {
            Err(error) => assert!(
                matches!(
                    error.kind,
                    LoadErrorKind::Syntax { .. } | LoadErrorKind::NewerVersion { .. }
                ),
                "{name}: {error}"
            ),
            Ok(loaded) => panic!("{name} loaded: {:?}", loaded.project.counts()),
        }
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let dir = tempfile::tempdir().expect("dir");
    let path = file_with(dir.path(), "binary.ron", b"(people: [\xff\xfe])");
    let error = error_of(&path);
    assert!(
        matches!(error.kind, LoadErrorKind::NotText { offset: 10 }),
        "{error}"
    );
    assert!(error.to_string().contains("byte 10"));
}

#[test]
fn a_folder_or_a_fifo_is_not_a_project() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(matches!(error_of(dir.path()).kind, LoadErrorKind::NotAFile));
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is available");
    // Opening a FIFO for reading would block until a writer comes: refused
    // from its metadata, without opening it.
    assert!(matches!(error_of(&fifo).kind, LoadErrorKind::NotAFile));
}
