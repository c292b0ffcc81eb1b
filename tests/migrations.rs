//! Every past file format still opens: a sample of each version lives in
//! `tests/fixtures/format-vN.ron`, and each must load without repairs,
//! save as the current version and load back the same.

use relational::store::{self, CURRENT_FORMAT_VERSION};

/// (file, people, meetings, introductions) of each sample.
const SAMPLES: &[(&str, usize, usize, usize)] = &[("format-v1.ron", 25, 15, 25)];

#[test]
fn there_is_a_sample_for_every_version_up_to_the_current_one() {
    for version in 1..=CURRENT_FORMAT_VERSION {
        let name = format!("format-v{version}.ron");
        assert!(
            SAMPLES.iter().any(|(file, ..)| *file == name),
            "add tests/fixtures/{name} and list it in SAMPLES"
        );
    }
}

#[test]
fn each_sample_opens_migrates_and_saves_as_the_current_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (file, people, meetings, introductions) in SAMPLES {
        let path = std::path::Path::new("tests/fixtures").join(file);
        let loaded = store::load(&path).expect("the sample opens");
        assert!(loaded.warnings.is_empty(), "{file}: {:?}", loaded.warnings);
        assert!(loaded.format_version <= CURRENT_FORMAT_VERSION);
        assert_eq!(
            loaded.project.counts(),
            (*people, *meetings, *introductions),
            "{file}: nothing lost"
        );

        let saved_path = dir.path().join(file);
        store::save(&loaded.project, &saved_path).expect("saves");
        let text = std::fs::read_to_string(&saved_path).expect("read");
        assert!(
            text.contains(&format!("format_version: {CURRENT_FORMAT_VERSION}")),
            "{file}: saved as the current version"
        );
        let again = store::load(&saved_path).expect("the migrated file opens");
        assert_eq!(again.format_version, CURRENT_FORMAT_VERSION);
        assert_eq!(
            again.project, loaded.project,
            "{file}: same project after migrating"
        );
    }
}
