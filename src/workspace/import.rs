//! Importing and merging as edits of the open document: one undo step
//! each, the mapping remembered for the next file with the same headers.

use super::Workspace;
use crate::import::{Field, MatchedRow, Report, Source};
use crate::model::PersonId;
use crate::model::merge::{MergeField, Pick};

impl Workspace {
    /// Reads a list to import; the mapping remembered for its headers, if any.
    pub fn read_import(
        &self,
        path: &std::path::Path,
    ) -> Result<(Source, Option<Vec<Field>>), String> {
        let source = crate::import::read_file(path)?;
        let signature = crate::import::headers_signature(&source.table.headers);
        let remembered = self.settings.import_mapping(&signature);
        Ok((source, remembered))
    }

    /// Applies the rows as decided, in one undo step, and remembers the
    /// mapping for these headers. Nothing changes when nothing is added
    /// or updated.
    pub fn import_rows(
        &mut self,
        rows: &[MatchedRow],
        file_name: &str,
        signature: &str,
        mapping: &[Field],
    ) -> Report {
        let today = self.clock.today();
        let (edit, report) =
            crate::import::plan::build(&mut self.doc.project, rows, file_name, today);
        self.settings.remember_import_mapping(signature, mapping);
        let changed = report.added.len() + report.updated.len();
        if changed > 0 {
            let label = format!(
                "Import {} from {file_name}",
                crate::words::count(changed, "person", "people")
            );
            self.edit(edit, &label, None);
            self.status = format!(
                "Imported from {file_name}: {} added, {} updated",
                report.added.len(),
                report.updated.len()
            );
        }
        report
    }

    /// Merges `other` into `kept` in one undo step.
    pub fn merge_people(&mut self, kept: PersonId, other: PersonId, picks: &[(MergeField, Pick)]) {
        let project = &self.doc.project;
        let label = format!(
            "Merge {} into {}",
            project.name_of(other),
            project.name_of(kept)
        );
        match crate::model::merge::merge(project, kept, other, picks) {
            Ok(edit) => {
                self.edit(edit, &label, None);
                self.status = format!("{label}: done");
            }
            Err(error) => self.status = format!("Not merged: {error}"),
        }
    }
}
