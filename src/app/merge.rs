//! People → Find duplicates (pairs by the import's rules) and Merge two
//! people (a choice per field that differs). The rules are
//! `crate::import::duplicates` and `crate::model::merge`.

use egui::{Context, Ui};

use super::dialogs::{Answer, show};
use crate::import::duplicates::Pair;
use crate::model::merge::{MergeField, Pick, conflicts, default_pick};
use crate::model::{PersonId, Project};
use crate::ui::Command;
use crate::ui::widgets::shortened;

/// The merge dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeDialog {
    /// The record kept.
    pub kept: PersonId,
    /// The record merged into it and removed.
    pub other: PersonId,
    /// A pick per field that differs.
    pub picks: Vec<(MergeField, Pick)>,
}

impl MergeDialog {
    /// Merging `a` and `b`, keeping the organizer's record, else the one
    /// with more meetings, else the older.
    pub fn new(project: &Project, a: PersonId, b: PersonId) -> Self {
        let weight = |id: PersonId| {
            let links = project.links_of(id);
            (
                id == project.me,
                links.meetings_with.len(),
                std::cmp::Reverse(id),
            )
        };
        let (kept, other) = if weight(b) > weight(a) {
            (b, a)
        } else {
            (a, b)
        };
        let mut dialog = MergeDialog {
            kept,
            other,
            picks: Vec::new(),
        };
        dialog.reset_picks(project);
        dialog
    }

    fn reset_picks(&mut self, project: &Project) {
        let (Some(kept), Some(other)) = (project.person(self.kept), project.person(self.other))
        else {
            self.picks.clear();
            return;
        };
        self.picks = conflicts(kept, other)
            .into_iter()
            .map(|field| (field, default_pick(field, kept, other)))
            .collect();
    }
}

/// The list of possible duplicates, each with Merge….
pub(super) fn duplicates_ui(ctx: &Context, project: &Project, pairs: &[Pair]) -> Answer {
    show(ctx, "find_duplicates", |ui| {
        ui.set_min_width(460.0);
        super::dialogs::heading(ui, "Possible duplicates");
        if pairs.is_empty() {
            ui.label("No two people share an email, a phone or a name.");
        } else {
            ui.label(format!(
                "{} share an email, a phone or a name. Merge the ones that are one person:",
                crate::words::count(pairs.len(), "pair of records", "pairs of records")
            ));
        }
        let mut choice = Answer::Keep;
        egui::ScrollArea::vertical()
            .max_height(380.0)
            .show(ui, |ui| {
                for pair in pairs {
                    ui.horizontal(|ui| {
                        let first = shortened(project.name_of(pair.first), 36).into_owned();
                        let second = shortened(project.name_of(pair.second), 36).into_owned();
                        if ui
                            .button("Merge…")
                            .on_hover_text(format!("Merge {first} and {second}"))
                            .clicked()
                        {
                            choice = Answer::Run(Command::AskMerge(pair.first, pair.second));
                        }
                        ui.label(format!("{first} and {second}"));
                        ui.weak(pair.because);
                    });
                }
            });
        ui.add_space(8.0);
        if ui.button("Close").clicked() {
            choice = Answer::Close;
        }
        choice
    })
}

/// The merge dialog: which record to keep and a value per differing field.
pub(super) fn merge_ui(ctx: &Context, project: &Project, dialog: &mut MergeDialog) -> Answer {
    let (Some(_), Some(_)) = (project.person(dialog.kept), project.person(dialog.other)) else {
        return Answer::Close;
    };
    show(ctx, "merge_people", |ui| {
        ui.set_min_width(520.0);
        super::dialogs::heading(ui, "Merge two records of one person");
        kept_choice_ui(ui, project, dialog);
        ui.add_space(6.0);
        picks_ui(ui, project, dialog);
        ui.add_space(6.0);
        let kept = shortened(project.name_of(dialog.kept), 40).into_owned();
        let other = shortened(project.name_of(dialog.other), 40).into_owned();
        ui.label(format!(
            "Tags, contact log and follow-ups are combined. Meetings, introductions and the \
             map position of {other} move to {kept}, and {other}'s record is removed. One \
             undo step."
        ));
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            let merge = egui::Button::new(format!("Merge into {kept}"));
            if ui.add(merge).clicked() {
                choice = Answer::Run(Command::Merge {
                    kept: dialog.kept,
                    other: dialog.other,
                    picks: dialog.picks.clone(),
                });
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

fn kept_choice_ui(ui: &mut Ui, project: &Project, dialog: &mut MergeDialog) {
    ui.label("Keep the record of:");
    let (a, b) = (dialog.kept, dialog.other);
    let mut kept = dialog.kept;
    for id in [a, b] {
        let links = project.links_of(id);
        let text = format!(
            "{} ({}, {})",
            shortened(project.name_of(id), 48),
            crate::words::count(links.meetings_with.len(), "meeting", "meetings"),
            crate::words::count(
                links.introduced.len() + links.introduced_by.len(),
                "introduction",
                "introductions"
            )
        );
        // The organizer's own record can only be the one kept.
        let allowed = id == project.me || (a != project.me && b != project.me);
        ui.add_enabled_ui(allowed, |ui| ui.radio_value(&mut kept, id, text));
    }
    if kept != dialog.kept {
        dialog.other = dialog.kept;
        dialog.kept = kept;
        dialog.reset_picks(project);
    }
}

fn picks_ui(ui: &mut Ui, project: &Project, dialog: &mut MergeDialog) {
    let (Some(kept), Some(other)) = (project.person(dialog.kept), project.person(dialog.other))
    else {
        return;
    };
    if dialog.picks.is_empty() {
        ui.label("The two records do not disagree on any field.");
        return;
    }
    ui.label("Where they differ, choose what to keep:");
    egui::Grid::new("merge_picks")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for (field, pick) in &mut dialog.picks {
                ui.strong(field.label());
                ui.vertical(|ui| {
                    let mine = field.value(kept);
                    let theirs = field.value(other);
                    ui.radio_value(pick, Pick::Kept, shortened(&mine, 60).into_owned())
                        .on_hover_text(mine);
                    ui.radio_value(pick, Pick::Other, shortened(&theirs, 60).into_owned())
                        .on_hover_text(theirs);
                    if field.can_keep_both() {
                        ui.radio_value(pick, Pick::Both, "Both");
                    }
                });
                ui.end_row();
            }
        });
}
