//! Paths typed relative to one folder never name a file in another: a
//! project opened as `f1/c.ron` from one folder, its work recovered from
//! another folder that holds a different `f1/c.ron`, goes back to the
//! first file. One test in its own binary, because it changes the
//! process's current folder.

use relational::model::{Edit, Person};
use relational::store::{self, RecoveryStore};
use relational::workspace::{Prompt, Workspace};

#[test]
fn restoring_from_another_folder_never_writes_the_same_named_file_there() {
    let root = tempfile::tempdir().expect("temp dir");
    let (one, two) = (root.path().join("one"), root.path().join("two"));
    for folder in [&one, &two] {
        std::fs::create_dir_all(folder.join("f1")).expect("folders");
    }
    store::save(&relational::synth::generate(3, 1), &one.join("f1/c.ron")).expect("save");
    store::save(&relational::synth::generate(6, 2), &two.join("f1/c.ron")).expect("save");
    let other_before = std::fs::read(two.join("f1/c.ron")).expect("read");
    let recovery = root.path().join("recovery");

    std::env::set_current_dir(&one).expect("cd one");
    {
        let mut first = Workspace::new(Workspace::demo_document());
        let _ = first.enable_recovery(RecoveryStore::new(&recovery));
        assert!(first.open_path("f1/c.ron".as_ref()).is_empty());
        let recent = first.settings.recent.first().cloned().expect("remembered");
        assert!(recent.is_absolute(), "stored as {recent:?}");
        assert_eq!(first.settings.last_project.as_ref(), Some(&recent));
        let id = first.doc.project.new_person_id();
        let person = Person::new(id, "Work Of Folder One", first.clock.today());
        first.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
        first.write_recovery_now().expect("copy");
        // The window dies here; its copy stays.
        first.recovery.slot = None;
    }

    std::env::set_current_dir(&two).expect("cd two");
    let mut second = Workspace::new(Workspace::demo_document());
    let _ = second.enable_recovery(RecoveryStore::new(&recovery));
    let prompts = second.open_path(&one.join("f1/c.ron"));
    let [Prompt::RecoveryOffered { copy }] = prompts.as_slice() else {
        panic!("the copy is offered: {prompts:?}");
    };
    assert!(second.restore_when_safe((**copy).clone()).is_empty());
    assert!(second.save(None).is_empty(), "saved where it came from");
    assert_eq!(
        std::fs::read(two.join("f1/c.ron")).expect("read"),
        other_before,
        "the same-named project in the current folder is untouched"
    );
    let saved = store::load(&one.join("f1/c.ron")).expect("loads");
    assert!(
        saved
            .project
            .people
            .values()
            .any(|p| p.name == "Work Of Folder One")
    );
}
