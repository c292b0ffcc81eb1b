//! Forget this person: gone from the project in memory, the file on disk,
//! its `.bak` and every recovery copy of it, with no undo step that could
//! bring them back. Unsaved changes stay unsaved: the file is rewritten
//! from its own contents, minus the person, not from the window's.

use std::path::Path;

use super::{Prompt, Prompts, Workspace};
use crate::history::History;
use crate::model::{PersonId, Project, forget};
use crate::store;

/// What forgetting touched, for the report.
#[derive(Default)]
struct Rewritten {
    files: Vec<String>,
    failed: Vec<String>,
}

impl Workspace {
    /// Forgets `id` everywhere; returns the report (with the texts that
    /// still mention them, to review).
    pub fn forget_person(&mut self, id: PersonId) -> Prompts {
        let Some(name) = self.doc.project.person(id).map(|p| p.name.clone()) else {
            return Vec::new();
        };
        let was_dirty = self.doc.is_dirty();
        let mentions = match forget::forget_person(&mut self.doc.project, id) {
            Ok(mentions) => mentions,
            Err(reason) => {
                self.status = format!("Not forgotten: {reason}");
                return Vec::new();
            }
        };
        // The undo history holds the person: it goes with them.
        self.doc.history = History::default();
        let mut rewritten = Rewritten::default();
        if let Some(path) = self.open_file() {
            self.forget_on_disk(&path, id, &name, was_dirty, &mut rewritten);
            self.forget_in_copies(&path, id, &name, &mut rewritten);
        } else {
            self.doc.mark_repaired();
        }
        if self.doc.is_dirty() {
            // This window's own copy is rewritten from memory.
            if let Err(error) = self.write_recovery_now() {
                rewritten
                    .failed
                    .push(format!("this window's recovery copy: {error}"));
            }
        }
        self.status = format!("Forgot {name}");
        vec![report(&name, &rewritten, &mentions)]
    }

    /// The project file and its `.bak`, each without the person.
    fn forget_on_disk(
        &mut self,
        path: &Path,
        id: PersonId,
        name: &str,
        was_dirty: bool,
        rewritten: &mut Rewritten,
    ) {
        let passphrase = self.doc.protection.as_ref().map(|p| p.passphrase());
        let stamp = match forget_in_file(path, id, name, passphrase, self.doc.protection.as_ref()) {
            Ok(stamp) => stamp,
            Err(error) => {
                rewritten
                    .failed
                    .push(format!("{}: {error}", path.display()));
                self.doc.mark_repaired();
                return;
            }
        };
        rewritten.files.push(path.display().to_string());
        let backup = store::backup_path(path);
        if backup.is_file() {
            // The backup becomes the file as it is now: the person is in
            // no earlier version kept beside it.
            match std::fs::read(path).and_then(|bytes| store::write_atomically(&backup, &bytes)) {
                Ok(()) => rewritten.files.push(backup.display().to_string()),
                Err(error) => rewritten
                    .failed
                    .push(format!("{}: {error}", backup.display())),
            }
        }
        if was_dirty {
            self.doc.disk_stamp = stamp;
            self.doc.mark_repaired();
        } else if let Some(stamp) = stamp {
            self.doc.mark_saved(path, stamp);
        }
    }

    /// Every recovery copy of the file, of any session, without the person.
    fn forget_in_copies(&mut self, path: &Path, id: PersonId, name: &str, out: &mut Rewritten) {
        let Some(recovery) = self.recovery.store.clone() else {
            return;
        };
        self.recovery.finish_writing();
        let passphrase = self.doc.protection.as_ref().map(|p| p.passphrase());
        for slot in store::recovery::copies_of_file(recovery.dir(), path) {
            if Some(&slot) == self.recovery.slot.as_ref() {
                continue;
            }
            let result = recovery
                .read_with(&slot, passphrase)
                .map_err(|kind| store::LoadError::new(&slot, kind).to_string());
            let outcome = result.and_then(|mut copy| {
                if !forget::knows(&copy.project, id, name) {
                    return Ok(false);
                }
                forget::forget_person(&mut copy.project, id)?;
                let original = copy.original.as_deref();
                recovery
                    .write(&slot, original, &copy.project, copy.protection.as_ref())
                    .map_err(|error| error.to_string())?;
                Ok(true)
            });
            match outcome {
                Ok(true) => out.files.push(slot.display().to_string()),
                Ok(false) => {}
                Err(error) => out.failed.push(error),
            }
        }
    }
}

/// Rewrites the project file without the person; `None` when the file did
/// not hold them (nothing written).
fn forget_in_file(
    path: &Path,
    id: PersonId,
    name: &str,
    passphrase: Option<&store::Passphrase>,
    protection: Option<&store::Protection>,
) -> Result<Option<store::FileStamp>, String> {
    let loaded = store::load_protected(path, passphrase).map_err(|error| error.to_string())?;
    let mut project: Project = loaded.project;
    if !forget::knows(&project, id, name) {
        return Ok(loaded.stamp);
    }
    forget::forget_person(&mut project, id)?;
    store::save_protected(&project, path, protection)
        .map(Some)
        .map_err(|error| error.to_string())
}

fn report(name: &str, rewritten: &Rewritten, mentions: &[forget::Mention]) -> Prompt {
    let mut body = format!(
        "{name} is gone from the project, with their one-to-ones, introductions and place \
         on the map. This cannot be undone."
    );
    if !rewritten.files.is_empty() {
        body.push_str("\n\nRewritten without them:\n• ");
        body.push_str(&rewritten.files.join("\n• "));
    }
    if !rewritten.failed.is_empty() {
        body.push_str("\n\nCould not be rewritten (they may still be in these):\n• ");
        body.push_str(&rewritten.failed.join("\n• "));
    }
    if mentions.is_empty() {
        body.push_str("\n\nNo other note mentions their name.");
    } else {
        body.push_str("\n\nThese texts still mention their name; review them:\n• ");
        let places: Vec<&str> = mentions.iter().map(|m| m.place.as_str()).collect();
        body.push_str(&places.join("\n• "));
    }
    Prompt::Problem {
        title: format!("Forgot {name}"),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Person};
    use crate::store::RecoveryStore;
    use crate::workspace::absolute;

    fn add(workspace: &mut Workspace, name: &str) -> PersonId {
        let id = workspace.doc.project.new_person_id();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("day");
        let mut person = Person::new(id, name, day);
        person.notes = format!("{name} said to call after six");
        workspace.edit(Edit::PutPerson(Box::new(person)), "Add", None);
        id
    }

    fn files_holding(dir: &Path, text: &str) -> Vec<std::path::PathBuf> {
        let mut found = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if std::fs::read(&path)
                    .is_ok_and(|b| b.windows(text.len()).any(|w| w == text.as_bytes()))
                {
                    found.push(path);
                }
            }
        }
        found
    }

    #[test]
    fn forget_removes_every_trace_and_keeps_unsaved_work_unsaved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = absolute(&dir.path().join("drive.ron"));
        store::save(&crate::synth::generate(5, 2), &path).expect("save");
        let data = dir.path().join("data");
        let mut workspace = Workspace::new(Workspace::demo_document());
        let _ = workspace.enable_recovery(RecoveryStore::new(&data));
        assert!(workspace.open_path(&path).is_empty());
        let gone = add(&mut workspace, "Quinby Zanzibar");
        let friend = add(&mut workspace, "Bo Chen");
        let mut bo = workspace.doc.project.person(friend).cloned().expect("bo");
        bo.notes = "Knows Zanzibar from the night shift".into();
        workspace.edit(Edit::PutPerson(Box::new(bo)), "Note", None);
        assert!(workspace.save(None).is_empty());
        assert!(workspace.save(None).is_empty(), "the .bak holds them too");
        // A copy another window left, and unsaved work here.
        let store = RecoveryStore::new(&data);
        let other = store.slot_for_file(&path, "1-1-9");
        store
            .write(&other, Some(&path), &workspace.doc.project, None)
            .expect("copy");
        add(&mut workspace, "Unsaved Person");
        workspace.write_recovery_now().expect("own copy");
        // Bo's note keeps "Zanzibar" (listed for review); "Quinby" is theirs alone.
        assert!(files_holding(dir.path(), "Quinby").len() >= 4);

        let prompts = workspace.forget_person(gone);
        assert_eq!(
            files_holding(dir.path(), "Quinby"),
            Vec::<std::path::PathBuf>::new()
        );
        let Some(Prompt::Problem { body, .. }) = prompts.first() else {
            panic!("a report: {prompts:?}");
        };
        assert!(body.contains("Bo Chen: Notes"), "{body}");
        assert!(workspace.doc.project.person(gone).is_none());
        assert!(
            workspace.doc.history.undo_label().is_none(),
            "no undo brings them back"
        );
        assert!(
            workspace.doc.is_dirty(),
            "the unsaved person is still unsaved"
        );
        let on_disk = store::load(&path).expect("file").project;
        assert!(!on_disk.people.values().any(|p| p.name == "Unsaved Person"));
        assert_eq!(on_disk.people.len(), 6, "the file lost only them");
        let copy = store.read(&other).expect("copy");
        assert_eq!(copy.project.people.len(), 6);
    }
}
