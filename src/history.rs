//! Undo and redo over [`Edit`]s.
//!
//! Each step keeps only the edit that reverses it (one record at most), so
//! memory and time per step do not grow with the project.

use crate::model::{Edit, EditError, Project};

/// The most steps kept; older ones are forgotten.
const MAX_STEPS: usize = 2_000;

/// Names a stream of edits that merge into one undo step, such as the
/// keystrokes typed into one field. `None` never merges.
pub type MergeKey = Option<String>;

/// One undoable step.
#[derive(Debug)]
struct Step {
    /// Applying it goes back (on the undo stack) or forward (on the redo stack).
    edit: Edit,
    /// What the step did, for the Edit menu.
    label: String,
    /// Steps with the same key merge while the key stays open.
    merge_key: MergeKey,
    /// Identifies the project state the step leads to.
    serial: u64,
}

/// The undo and redo stacks of one open project.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    /// The serial of the state when the undo stack is empty.
    base_serial: u64,
    /// The key of the step that may still absorb the next edit.
    open_key: MergeKey,
}

impl History {
    /// Applies `edit` to `project` and records how to undo it.
    pub fn apply(
        &mut self,
        project: &mut Project,
        edit: Edit,
        label: impl Into<String>,
        merge_key: MergeKey,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(project)?;
        self.redo.clear();
        self.next_serial += 1;
        let serial = self.next_serial;
        let merges = merge_key.is_some() && merge_key == self.open_key;
        match self.undo.last_mut() {
            // The first inverse already restores the state before the
            // whole run of typing, so later inverses are not needed.
            Some(top) if merges && top.merge_key == merge_key => top.serial = serial,
            _ => {
                self.undo.push(Step {
                    edit: inverse,
                    label: label.into(),
                    merge_key: merge_key.clone(),
                    serial,
                });
                if self.undo.len() > MAX_STEPS {
                    let forgotten = self.undo.remove(0);
                    self.base_serial = forgotten.serial;
                }
            }
        }
        self.open_key = merge_key;
        Ok(())
    }

    /// Ends the current run of merged edits (a field lost focus).
    pub fn close_merge(&mut self) {
        self.open_key = None;
    }

    /// Undoes the last step. Returns its label, or `None` if there was none.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::move_step(&mut self.undo, &mut self.redo, project, &mut self.open_key)
    }

    /// Takes back the last step as if it had never been made: nothing is
    /// left to redo. Returns whether there was a step.
    pub fn withdraw(&mut self, project: &mut Project) -> Result<bool, EditError> {
        let Some(step) = self.undo.pop() else {
            return Ok(false);
        };
        if let Err(error) = step.edit.clone().apply(project) {
            self.undo.push(step);
            return Err(error);
        }
        self.open_key = None;
        Ok(true)
    }

    /// Redoes the last undone step. Returns its label, or `None`.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::move_step(&mut self.redo, &mut self.undo, project, &mut self.open_key)
    }

    fn move_step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        project: &mut Project,
        open_key: &mut MergeKey,
    ) -> Result<Option<String>, EditError> {
        *open_key = None;
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        let reverse = match step.edit.clone().apply(project) {
            Ok(reverse) => reverse,
            Err(error) => {
                from.push(step);
                return Err(error);
            }
        };
        let label = step.label.clone();
        to.push(Step {
            edit: reverse,
            label: step.label,
            merge_key: None,
            serial: step.serial,
        });
        Ok(Some(label))
    }

    /// Identifies the current state: equal serials mean equal projects.
    /// Used for the unsaved marker and cache invalidation.
    pub fn state_serial(&self) -> u64 {
        self.undo
            .last()
            .map_or(self.base_serial, |step| step.serial)
    }

    /// The label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Person, PersonId};

    fn project() -> (Project, PersonId) {
        let mut project = Project::new("T", "Me", NaiveDate::default());
        let id = project.new_person_id();
        project
            .people
            .insert(id, Person::new(id, "", NaiveDate::default()));
        (project, id)
    }

    fn typed(project: &Project, id: PersonId, name: &str) -> Edit {
        let mut person = project.people[&id].clone();
        person.name = name.into();
        Edit::PutPerson(Box::new(person))
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let (mut project, id) = project();
        let original = project.clone();
        let mut history = History::default();
        let key = Some("name".to_owned());
        for text in ["A", "An", "Ana"] {
            let edit = typed(&project, id, text);
            history
                .apply(&mut project, edit, "Edit name", key.clone())
                .expect("applies");
        }
        assert_eq!(history.undo_len(), 1);
        history.undo(&mut project).expect("undo");
        assert_eq!(project, original);
        history.redo(&mut project).expect("redo");
        assert_eq!(project.people[&id].name, "Ana");
    }

    #[test]
    fn leaving_the_field_starts_a_new_step() {
        let (mut project, id) = project();
        let mut history = History::default();
        let key = Some("name".to_owned());
        {
            let edit = typed(&project, id, "A");
            history.apply(&mut project, edit, "n", key.clone())
        }
        .expect("applies");
        history.close_merge();
        {
            let edit = typed(&project, id, "AB");
            history.apply(&mut project, edit, "n", key)
        }
        .expect("applies");
        assert_eq!(history.undo_len(), 2);
        history.undo(&mut project).expect("undo");
        assert_eq!(project.people[&id].name, "A");
    }

    #[test]
    fn serials_track_saved_state_through_undo_and_redo() {
        let (mut project, id) = project();
        let mut history = History::default();
        let clean = history.state_serial();
        {
            let edit = typed(&project, id, "A");
            history.apply(&mut project, edit, "n", None)
        }
        .expect("applies");
        let after_edit = history.state_serial();
        assert_ne!(clean, after_edit);
        history.undo(&mut project).expect("undo");
        assert_eq!(history.state_serial(), clean);
        history.redo(&mut project).expect("redo");
        assert_eq!(history.state_serial(), after_edit);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let (mut project, id) = project();
        let mut history = History::default();
        {
            let edit = typed(&project, id, "A");
            history.apply(&mut project, edit, "n", None)
        }
        .expect("applies");
        history.undo(&mut project).expect("undo");
        assert!(history.redo_label().is_some());
        {
            let edit = typed(&project, id, "B");
            history.apply(&mut project, edit, "n", None)
        }
        .expect("applies");
        assert!(history.redo_label().is_none());
        assert_eq!(history.redo(&mut project), Ok(None));
    }

    #[test]
    fn a_refused_edit_leaves_history_alone() {
        let (mut project, _) = project();
        let mut history = History::default();
        let me = project.me;
        assert!(
            history
                .apply(&mut project, Edit::RemovePerson(me), "x", None)
                .is_err()
        );
        assert_eq!(history.undo_len(), 0);
        assert_eq!(history.state_serial(), 0);
    }
}
