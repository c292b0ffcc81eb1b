//! The app's dialogs: unsaved changes, typed paths, delete, messages.

use std::path::PathBuf;

use egui::{Context, Id, Modal as EguiModal, Ui};

use super::RelationalApp;
use crate::model::{IntroductionPolicy, PersonId, PersonLinks};
use crate::ui::with_ron_extension;

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterGuard {
    /// Start an empty project.
    NewProject,
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
    /// Restore the recovery copy in this file.
    RestoreCopy(PathBuf),
}

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to it, then continue.
    Save(Option<AfterGuard>),
    /// Export to it.
    Export(super::ExportKind),
}

/// An open dialog.
#[derive(Clone, Debug)]
pub enum Modal {
    /// Save, discard or cancel before `then`.
    UnsavedChanges {
        /// What was asked for.
        then: AfterGuard,
    },
    /// No native dialog: type the path.
    TypedPath {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
    },
    /// Confirm deleting a person.
    DeletePerson {
        /// Who.
        id: PersonId,
        /// What refers to them.
        links: PersonLinks,
        /// What to do with the introductions they made.
        policy: IntroductionPolicy,
    },
    /// A meeting's prep card (made once, when opened), with a button to copy it.
    PrepCard(String),
    /// A recovery copy newer than the file: restore, compare or discard.
    Recovery {
        /// The copy.
        copy: Box<crate::store::Recovered>,
        /// Records that differ (people, meetings, introductions), worked
        /// out once when Compare is pressed; `None` while not comparing.
        comparison: Option<(usize, usize, usize)>,
    },
    /// A save failed; the project is still open.
    SaveFailed {
        /// What went wrong and what to do.
        body: String,
        /// What was to follow the save.
        then: Option<AfterGuard>,
    },
    /// The open file was replaced by another program since it was read.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What was to follow the save.
        then: Option<AfterGuard>,
    },
    /// The file is open in another running Relational.
    LockedElsewhere {
        /// The file.
        path: PathBuf,
        /// Who has it.
        owner: crate::store::LockOwner,
    },
    /// A message to acknowledge.
    Message {
        /// Heading.
        title: String,
        /// Text.
        body: String,
    },
}

impl Modal {
    /// The typed-path dialog for opening.
    pub fn typed_path_to_open() -> Self {
        Modal::TypedPath {
            purpose: PathPurpose::Open,
            text: String::new(),
        }
    }

    /// The typed-path dialog for saving, prefilled with a name in the
    /// current folder.
    pub fn typed_path_to_save(suggested: &str, then: Option<AfterGuard>) -> Self {
        let folder = std::env::current_dir().unwrap_or_default();
        Modal::TypedPath {
            purpose: PathPurpose::Save(then),
            text: folder.join(suggested).display().to_string(),
        }
    }
}

impl Modal {
    /// The typed-path dialog for an export, prefilled in the current folder.
    pub fn typed_path_to_export(kind: super::ExportKind, suggested: &str) -> Self {
        let folder = std::env::current_dir().unwrap_or_default();
        Modal::TypedPath {
            purpose: PathPurpose::Export(kind),
            text: folder.join(suggested).display().to_string(),
        }
    }
}

/// What the user chose in a dialog this frame.
pub(super) enum Choice {
    Keep,
    Close,
    SaveThen(AfterGuard),
    Discard(AfterGuard),
    OpenTyped(PathBuf),
    SaveTyped(PathBuf, Option<AfterGuard>),
    ExportTyped(super::ExportKind, PathBuf),
    Delete(PersonId, IntroductionPolicy),
    Restore(Box<crate::store::Recovered>),
    DiscardCopy(PathBuf),
    SaveAs(Option<AfterGuard>),
    Overwrite(PathBuf, Option<AfterGuard>),
    OpenAnyway(PathBuf),
}

impl RelationalApp {
    /// Draws the open dialog and acts on the choice.
    pub(super) fn modals_ui(&mut self, ctx: &Context) {
        let Some(mut modal) = self.modal.take() else {
            return;
        };
        let project = &self.doc.project;
        let choice = match &mut modal {
            Modal::UnsavedChanges { then } => unsaved_ui(ctx, &self.doc.display_name(), then),
            Modal::TypedPath { purpose, text } => typed_path_ui(ctx, purpose, text),
            Modal::DeletePerson { id, links, policy } => {
                delete_ui(ctx, project, *id, links, policy)
            }
            Modal::Message { title, body } => message_ui(ctx, title, body),
            Modal::PrepCard(card) => prep_card_ui(ctx, card),
            Modal::Recovery { copy, comparison } => {
                super::safety_dialogs::recovery_ui(ctx, &self.doc, copy, comparison)
            }
            Modal::SaveFailed { body, then } => {
                super::safety_dialogs::save_failed_ui(ctx, body, then)
            }
            Modal::ChangedOnDisk { path, then } => {
                super::safety_dialogs::changed_on_disk_ui(ctx, path, then)
            }
            Modal::LockedElsewhere { path, owner } => {
                super::safety_dialogs::locked_elsewhere_ui(ctx, path, owner)
            }
        };
        match choice {
            Choice::Keep => self.modal = Some(modal),
            Choice::Close => {}
            Choice::SaveThen(then) => {
                self.save(Some(then));
            }
            Choice::Discard(then) => self.after_guard(then),
            Choice::OpenTyped(path) => self.open_path(&path),
            Choice::SaveTyped(path, then) => {
                self.save_to(&path, then);
            }
            Choice::Delete(id, policy) => self.delete_person(id, policy),
            Choice::ExportTyped(kind, path) => self.export_to(kind, &path),
            Choice::Restore(copy) => self.restore_when_safe(*copy),
            Choice::DiscardCopy(slot) => self.discard_offered_copy(&slot),
            Choice::SaveAs(then) => {
                self.save_as(then);
            }
            Choice::Overwrite(path, then) => {
                self.write_to(&path, then);
            }
            Choice::OpenAnyway(path) => self.open_path_checked(&path, true),
        }
    }
}

/// A dialog that Escape or a click outside closes.
pub(super) fn show(ctx: &Context, id: &str, content: impl FnOnce(&mut Ui) -> Choice) -> Choice {
    show_modal(ctx, id, true, content)
}

/// A dialog that only a choice closes.
pub(super) fn show_until_chosen(
    ctx: &Context,
    id: &str,
    content: impl FnOnce(&mut Ui) -> Choice,
) -> Choice {
    show_modal(ctx, id, false, content)
}

fn show_modal(
    ctx: &Context,
    id: &str,
    closable: bool,
    content: impl FnOnce(&mut Ui) -> Choice,
) -> Choice {
    let response = EguiModal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(460.0);
        content(ui)
    });
    if closable && response.should_close() && matches!(response.inner, Choice::Keep) {
        Choice::Close
    } else {
        response.inner
    }
}

fn unsaved_ui(ctx: &Context, name: &str, then: &AfterGuard) -> Choice {
    show(ctx, "unsaved_changes", |ui| {
        ui.heading("Save your changes?");
        ui.label(format!(
            "{name} has changes that are not saved. Save them first?"
        ));
        ui.add_space(8.0);
        let mut choice = Choice::Keep;
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Choice::SaveThen(then.clone());
            }
            if ui.button("Discard changes").clicked() {
                choice = Choice::Discard(then.clone());
            }
            if ui.button("Cancel").clicked() {
                choice = Choice::Close;
            }
        });
        choice
    })
}

fn typed_path_ui(ctx: &Context, purpose: &PathPurpose, text: &mut String) -> Choice {
    show(ctx, "typed_path", |ui| {
        let (title, verb) = match purpose {
            PathPurpose::Open => ("Open project", "Open"),
            PathPurpose::Save(_) => ("Save project", "Save"),
            PathPurpose::Export(_) => ("Export", "Export"),
        };
        ui.heading(title);
        ui.label(match purpose {
            PathPurpose::Export(kind) => format!(
                "No file dialog is available here. Type the path of the {} file:",
                kind.description()
            ),
            _ => "No file dialog is available here. Type the path of the project file:".to_owned(),
        });
        let label = ui.label("File path");
        let response = ui
            .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut choice = Choice::Keep;
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            if (ui.add_enabled(ready, egui::Button::new(verb)).clicked() || entered) && ready {
                let path = PathBuf::from(text.trim());
                choice = match purpose {
                    PathPurpose::Open => Choice::OpenTyped(path),
                    PathPurpose::Save(then) => {
                        Choice::SaveTyped(with_ron_extension(path), then.clone())
                    }
                    PathPurpose::Export(kind) => {
                        Choice::ExportTyped(*kind, super::export::export_path(text, *kind))
                    }
                };
            }
            if ui.button("Cancel").clicked() {
                choice = Choice::Close;
            }
        });
        choice
    })
}

fn delete_ui(
    ctx: &Context,
    project: &crate::model::Project,
    id: PersonId,
    links: &PersonLinks,
    policy: &mut IntroductionPolicy,
) -> Choice {
    let name = project.name_of(id).to_owned();
    show(ctx, "delete_person", |ui| {
        ui.heading(format!("Delete {name}?"));
        ui.add_space(4.0);
        let meetings = links.meetings_with.len();
        if meetings > 0 {
            ui.label(format!(
                "• {meetings} meeting(s) with them will be deleted."
            ));
        }
        let held = links.meetings_conducted.len();
        if held > 0 {
            ui.label(format!(
                "• {held} meeting(s) they held will be recorded as held by you."
            ));
        }
        let introducers = links.introduced_by.len();
        if introducers > 0 {
            ui.label(format!(
                "• {introducers} introduction(s) of them will be removed."
            ));
        }
        introduced_policy_ui(ui, project, links, policy);
        if links.is_empty() {
            ui.label("Nothing else refers to them.");
        }
        ui.add_space(4.0);
        ui.weak("You can undo this from the Edit menu (Undo).");
        ui.add_space(8.0);
        let mut choice = Choice::Keep;
        ui.horizontal(|ui| {
            if ui.button("Delete").clicked() {
                choice = Choice::Delete(id, *policy);
            }
            if ui.button("Cancel").clicked() {
                choice = Choice::Close;
            }
        });
        choice
    })
}

fn introduced_policy_ui(
    ui: &mut Ui,
    project: &crate::model::Project,
    links: &PersonLinks,
    policy: &mut IntroductionPolicy,
) {
    let count = links.introduced.len();
    if count == 0 {
        return;
    }
    ui.label(format!(
        "• They introduced {count} person(s). Those introductions:"
    ));
    let heir = links
        .introduced_by
        .iter()
        .filter_map(|i| project.introductions.get(i))
        .map(|i| project.name_of(i.introducer).to_owned())
        .next();
    ui.indent("policy", |ui| {
        ui.radio_value(policy, IntroductionPolicy::Remove, "Remove them");
        match heir {
            Some(heir) => {
                let text = format!("Credit them to {heir}, who introduced this person");
                ui.radio_value(policy, IntroductionPolicy::CreditTheirIntroducer, text);
            }
            None => {
                *policy = IntroductionPolicy::Remove;
            }
        }
    });
}

fn prep_card_ui(ctx: &Context, card: &str) -> Choice {
    show(ctx, "prep_card", |ui| {
        ui.set_min_width(460.0);
        ui.heading("Prep card");
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                ui.label(egui::RichText::new(card).monospace());
            });
        ui.add_space(8.0);
        let mut choice = Choice::Keep;
        ui.horizontal(|ui| {
            if ui.button("Copy as text").clicked() {
                ui.ctx().copy_text(card.to_owned());
            }
            if ui.button("Close").clicked() {
                choice = Choice::Close;
            }
        });
        choice
    })
}

fn message_ui(ctx: &Context, title: &str, body: &str) -> Choice {
    show(ctx, "message", |ui| {
        ui.heading(title);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                ui.label(body);
            });
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            Choice::Close
        } else {
            Choice::Keep
        }
    })
}
