//! The app's dialogs, in one queue: what the workspace asks (unsaved
//! changes, overwrites, recovery…), typed paths, delete, prep cards,
//! messages. Every dialog opens through [`DialogQueue::show`].

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use egui::{Context, Id, Modal as EguiModal, Ui};

use super::RelationalApp;
use crate::model::{IntroductionPolicy, PersonId, PersonLinks};
use crate::ui::{Command, ExportKind, with_ron_extension};
use crate::workspace::{Prompt, Then};

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to it, then continue.
    Save(Option<Then>),
    /// Export to it.
    Export(ExportKind),
    /// Import people from it.
    Import,
}

/// An open dialog.
#[derive(Clone, Debug)]
pub enum Modal {
    /// Save, discard or cancel before `then`.
    UnsavedChanges {
        /// What was asked for.
        then: Then,
    },
    /// No native dialog: type the path.
    TypedPath {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
        /// Whether the field got the keyboard already.
        focused: bool,
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
    /// A meeting's prep card (made once, when opened), with buttons to
    /// copy it and to save it for printing.
    PrepCard {
        /// The meeting.
        meeting: crate::model::MeetingId,
        /// The card's text.
        card: String,
        /// Copied to the clipboard since it opened.
        copied: bool,
    },
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
        then: Option<Then>,
    },
    /// The open file was replaced by another program since it was read.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What was to follow the save.
        then: Option<Then>,
    },
    /// A file is where the project (or an export) would be written.
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
        /// Why it is read-only, when it is.
        read_only: Option<String>,
        /// What to write there.
        purpose: OverwritePurpose,
    },
    /// The file is open in another running Relational.
    LockedElsewhere {
        /// The file.
        path: PathBuf,
        /// Who has it.
        owner: crate::store::LockOwner,
    },
    /// The command palette: type to find a command or a record.
    Palette {
        /// What was typed.
        text: String,
        /// The highlighted line.
        selected: usize,
        /// Whether the field got the keyboard already.
        focused: bool,
    },
    /// Search across everything: words in every text of the project.
    Search {
        /// What was typed.
        text: String,
        /// Whether the field got the keyboard already.
        focused: bool,
    },
    /// The first start: who you are and what the project is called.
    Welcome {
        /// The organizer's name.
        me: String,
        /// The project's name.
        project: String,
        /// Who the campaign organizes.
        who: String,
    },
    /// A message to acknowledge.
    Message {
        /// Heading.
        title: String,
        /// Text.
        body: String,
    },
    /// File → Import people: columns, then matching.
    Import(Box<super::import::ImportDialog>),
    /// What an import did.
    ImportReport {
        /// The report.
        text: String,
        /// The tag the imported people carry.
        tag: String,
        /// Copied to the clipboard since it opened.
        copied: bool,
    },
    /// Pairs of people who may be one person.
    Duplicates(Vec<crate::import::duplicates::Pair>),
    /// Merging two records.
    Merge(super::merge::MergeDialog),
    /// A passphrase: to open a protected file, or to protect the project.
    Passphrase(super::protection::PassphraseDialog),
    /// Save the project as plain text again?
    RemoveProtection,
    /// Forget this person everywhere?
    ForgetPerson(PersonId),
    /// A damaged project file whose backup opens.
    BackupOffered {
        /// The damaged file.
        path: std::path::PathBuf,
        /// Why it could not be read.
        body: String,
        /// What the backup holds.
        backup_holds: String,
    },
}

/// What replacing a file is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverwritePurpose {
    /// Saving the project, then going on.
    Save(Option<Then>),
    /// Writing an export.
    Export(ExportKind),
}

impl Modal {
    /// The dialog for something the workspace asks.
    pub fn from_prompt(prompt: Prompt) -> Self {
        match prompt {
            Prompt::UnsavedChanges { then } => Modal::UnsavedChanges { then },
            Prompt::ConfirmOverwrite {
                path,
                read_only,
                then,
            } => Modal::ConfirmOverwrite {
                path,
                read_only,
                purpose: OverwritePurpose::Save(then),
            },
            Prompt::ChangedOnDisk { path, then } => Modal::ChangedOnDisk { path, then },
            Prompt::LockedElsewhere { path, owner } => Modal::LockedElsewhere { path, owner },
            Prompt::SaveFailed { body, then } => Modal::SaveFailed { body, then },
            Prompt::RecoveryOffered { copy } => Modal::Recovery {
                copy,
                comparison: None,
            },
            Prompt::Repaired { warnings } => Modal::Message {
                title: "Opened with repairs".to_owned(),
                body: format!(
                    "The file needed changes to open. They are made here, not yet in the \
                     file: save to keep them (the old file is kept as .bak).\n\n• {}",
                    warnings.join("\n• ")
                ),
            },
            Prompt::Problem { title, body } => Modal::Message { title, body },
            Prompt::AskPassphrase {
                path,
                anyway,
                problem,
            } => Modal::Passphrase(super::protection::PassphraseDialog::new(
                super::protection::PassphrasePurpose::Open { path, anyway },
                problem,
            )),
            Prompt::BackupOffered {
                path,
                body,
                backup_holds,
            } => Modal::BackupOffered {
                path,
                body,
                backup_holds,
            },
            // File pickers are not dialogs of ours; the app handles them first.
            Prompt::ChooseFileToOpen => Modal::typed_path_to_open(),
            Prompt::ChooseSavePath { folder, name, then } => {
                Modal::typed_path_to_save(folder.as_deref(), &name, then)
            }
        }
    }

    /// The command palette, empty.
    pub fn palette() -> Self {
        Modal::Palette {
            text: String::new(),
            selected: 0,
            focused: false,
        }
    }

    /// The first-start welcome, empty.
    pub fn welcome() -> Self {
        Modal::Welcome {
            me: String::new(),
            project: String::new(),
            who: String::new(),
        }
    }

    /// The search across everything, starting with `text`.
    pub fn search(text: String) -> Self {
        Modal::Search {
            text,
            focused: false,
        }
    }

    /// The typed-path dialog for opening.
    pub fn typed_path_to_open() -> Self {
        Modal::TypedPath {
            purpose: PathPurpose::Open,
            text: String::new(),
            focused: false,
        }
    }

    /// The typed-path dialog for saving, prefilled with a name in `folder`.
    pub fn typed_path_to_save(folder: Option<&Path>, suggested: &str, then: Option<Then>) -> Self {
        Modal::TypedPath {
            purpose: PathPurpose::Save(then),
            text: in_folder(folder, suggested),
            focused: false,
        }
    }

    /// The typed-path dialog for an export, prefilled in `folder`.
    pub fn typed_path_to_export(kind: ExportKind, folder: Option<&Path>, suggested: &str) -> Self {
        Modal::TypedPath {
            purpose: PathPurpose::Export(kind),
            text: in_folder(folder, suggested),
            focused: false,
        }
    }

    /// Whether it must be seen before the dialog already open.
    fn is_urgent(&self) -> bool {
        matches!(self, Modal::UnsavedChanges { .. })
    }
}

fn in_folder(folder: Option<&Path>, name: &str) -> String {
    match folder {
        Some(folder) => folder.join(name).display().to_string(),
        None => name.to_owned(),
    }
}

/// The open dialog and those waiting for it to close.
#[derive(Default)]
pub struct DialogQueue {
    open: Option<Modal>,
    waiting: VecDeque<Modal>,
}

impl DialogQueue {
    /// Shows a dialog now, or after the one already open; an urgent one
    /// (unsaved changes) comes first and the open one returns after it.
    pub fn show(&mut self, modal: Modal) {
        if modal.is_urgent()
            && let Some(open) = self.open.take()
        {
            self.waiting.push_front(open);
        }
        if self.open.is_none() {
            self.open = Some(modal);
        } else {
            self.waiting.push_back(modal);
        }
    }

    /// Whether a dialog is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The open dialog.
    pub fn open(&self) -> Option<&Modal> {
        self.open.as_ref()
    }

    /// How many dialogs wait behind the open one.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    fn take(&mut self) -> Option<Modal> {
        self.open.take()
    }

    /// Puts back the dialog being drawn (no choice yet), or opens the next.
    fn settle(&mut self, kept: Option<Modal>) {
        self.open = kept.or_else(|| self.waiting.pop_front());
    }
}

/// What the organizer did in a dialog this frame.
pub(super) enum Answer {
    /// Nothing yet: the dialog stays.
    Keep,
    /// Closed without a choice.
    Close,
    /// Closed by a choice.
    Run(Command),
}

impl RelationalApp {
    /// Draws the open dialog and queues the organizer's choice.
    pub(super) fn dialogs_ui(&mut self, ctx: &Context) {
        let Some(mut modal) = self.dialogs.take() else {
            return;
        };
        if let Modal::Palette {
            text,
            selected,
            focused,
        } = &mut modal
        {
            let hits = self.views.palette_hits(&self.workspace, text);
            let answer = super::palette::palette_ui(ctx, text, selected, focused, &hits);
            self.settle(modal, answer);
            return;
        }
        if let Modal::Search { text, focused } = &mut modal {
            let found = self.views.search_everything(&self.workspace, text);
            let answer = super::search::search_ui(ctx, text, focused, &found);
            self.settle(modal, answer);
            return;
        }
        let project = &self.workspace.doc.project;
        let doc = &self.workspace.doc;
        let answer = match &mut modal {
            Modal::UnsavedChanges { then } => unsaved_ui(ctx, &doc.display_name(), then),
            Modal::TypedPath {
                purpose,
                text,
                focused,
            } => typed_path_ui(ctx, purpose, text, focused),
            Modal::DeletePerson { id, links, policy } => {
                delete_ui(ctx, project, *id, links, policy)
            }
            Modal::Message { title, body } => message_ui(ctx, title, body),
            Modal::BackupOffered {
                path,
                body,
                backup_holds,
            } => backup_offered_ui(ctx, path, body, backup_holds),
            Modal::Welcome { me, project, who } => welcome_ui(ctx, me, project, who),
            Modal::Import(dialog) => super::import::import_ui(ctx, dialog, project),
            Modal::ImportReport { text, tag, copied } => {
                super::import::report_ui(ctx, text, tag, copied)
            }
            Modal::Duplicates(pairs) => super::merge::duplicates_ui(ctx, project, pairs),
            Modal::Passphrase(dialog) => super::protection::passphrase_ui(ctx, dialog),
            Modal::RemoveProtection => super::protection::remove_protection_ui(ctx),
            Modal::ForgetPerson(id) => forget_ui(ctx, project, *id),
            Modal::Merge(dialog) => super::merge::merge_ui(ctx, project, dialog),
            Modal::PrepCard {
                meeting,
                card,
                copied,
            } => prep_card_ui(ctx, *meeting, card, copied),
            Modal::Recovery { copy, comparison } => {
                super::safety_dialogs::recovery_ui(ctx, doc, copy, comparison)
            }
            Modal::SaveFailed { body, then } => {
                super::safety_dialogs::save_failed_ui(ctx, body, then)
            }
            Modal::ChangedOnDisk { path, then } => {
                super::safety_dialogs::changed_on_disk_ui(ctx, path, then)
            }
            Modal::ConfirmOverwrite {
                path,
                read_only,
                purpose,
            } => super::safety_dialogs::overwrite_ui(ctx, path, read_only.as_deref(), purpose),
            Modal::LockedElsewhere { path, owner } => {
                super::safety_dialogs::locked_elsewhere_ui(ctx, path, owner)
            }
            // Drawn above.
            Modal::Palette { .. } | Modal::Search { .. } => Answer::Close,
        };
        self.settle(modal, answer);
    }

    fn settle(&mut self, modal: Modal, answer: Answer) {
        match answer {
            Answer::Keep => self.dialogs.settle(Some(modal)),
            Answer::Close => {
                self.dialogs.settle(None);
                self.dialog_dismissed = true;
            }
            Answer::Run(command) => {
                self.dialogs.settle(None);
                self.dialog_dismissed = false;
                self.commands.push(command);
            }
        }
    }
}

/// A full-width labelled text field that takes the cursor the first time
/// its dialog is drawn (`focused` remembers that it did).
pub(super) fn first_field_ui(
    ui: &mut Ui,
    label: &str,
    hint: &str,
    text: &mut String,
    focused: &mut bool,
) -> egui::Response {
    let label = ui.label(label);
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if !std::mem::replace(focused, true) {
        field.request_focus();
    }
    field
}

fn dialog_title_key() -> Id {
    Id::unique("relational_dialog_title")
}

/// A dialog's heading; it also names the dialog for assistive tech.
pub(super) fn heading(ui: &mut Ui, text: impl Into<String>) -> egui::Response {
    let text = text.into();
    ui.data_mut(|d| d.insert_temp(dialog_title_key(), text.clone()));
    ui.heading(text)
}

/// Marks the dialog around `ui` as modal and names it by its heading.
fn name_dialog(ui: &Ui) {
    let title = ui.data(|d| d.get_temp::<String>(dialog_title_key()));
    let dialog = ui
        .stack()
        .iter()
        .find(|frame| frame.kind() == Some(egui::UiKind::Modal))
        .map(|frame| frame.unique_id);
    if let Some(dialog) = dialog {
        ui.ctx().accesskit_node_builder(dialog, |node| {
            node.set_modal();
            if let Some(title) = title {
                node.set_label(title);
            }
        });
    }
}

/// A dialog that Escape or a click outside closes.
pub(super) fn show(ctx: &Context, id: &str, content: impl FnOnce(&mut Ui) -> Answer) -> Answer {
    show_modal(ctx, id, true, content)
}

/// A dialog that only a choice closes.
pub(super) fn show_until_chosen(
    ctx: &Context,
    id: &str,
    content: impl FnOnce(&mut Ui) -> Answer,
) -> Answer {
    show_modal(ctx, id, false, content)
}

/// A dialog as wide as `width` (a preview of a table), that only a
/// choice closes (a stray click must not throw away a mapping).
pub(super) fn show_wide(
    ctx: &Context,
    id: &str,
    width: f32,
    content: impl FnOnce(&mut Ui) -> Answer,
) -> Answer {
    show_modal_sized(ctx, id, false, width, content)
}

fn show_modal(
    ctx: &Context,
    id: &str,
    closable: bool,
    content: impl FnOnce(&mut Ui) -> Answer,
) -> Answer {
    show_modal_sized(ctx, id, closable, 460.0, content)
}

fn show_modal_sized(
    ctx: &Context,
    id: &str,
    closable: bool,
    width: f32,
    content: impl FnOnce(&mut Ui) -> Answer,
) -> Answer {
    ctx.data_mut(|d| d.remove::<String>(dialog_title_key()));
    let response = EguiModal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(width);
        let answer = content(ui);
        name_dialog(ui);
        answer
    });
    if closable && response.should_close() && matches!(response.inner, Answer::Keep) {
        Answer::Close
    } else {
        response.inner
    }
}

fn unsaved_ui(ctx: &Context, name: &str, then: &Then) -> Answer {
    show(ctx, "unsaved_changes", |ui| {
        heading(ui, "Save your changes?");
        ui.label(format!(
            "{name} has changes that are not saved. Save them first?"
        ));
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Answer::Run(Command::SaveThen(then.clone()));
            }
            if ui.button("Discard changes").clicked() {
                choice = Answer::Run(Command::DiscardThen(then.clone()));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

fn typed_path_ui(
    ctx: &Context,
    purpose: &PathPurpose,
    text: &mut String,
    focused: &mut bool,
) -> Answer {
    show(ctx, "typed_path", |ui| {
        let (title, verb) = match purpose {
            PathPurpose::Open => ("Open project", "Open"),
            PathPurpose::Save(_) => ("Save project", "Save"),
            PathPurpose::Export(_) => ("Export", "Export"),
            PathPurpose::Import => ("Import people", "Import"),
        };
        heading(ui, title);
        ui.label(match purpose {
            PathPurpose::Export(kind) => format!(
                "No file dialog is available here. Type the path of the {} file:",
                kind.description()
            ),
            PathPurpose::Import => "No file dialog is available here. Type the path of the list \
                                    to import (CSV, TSV, XLSX, XLS, ODS or vCard):"
                .to_owned(),
            _ => "No file dialog is available here. Type the path of the project file:".to_owned(),
        });
        let response = first_field_ui(ui, "File path", "", text, focused);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            if (ui.add_enabled(ready, egui::Button::new(verb)).clicked() || entered) && ready {
                let path = PathBuf::from(text.trim());
                choice = match purpose {
                    PathPurpose::Open => Answer::Run(Command::OpenChosen(path)),
                    PathPurpose::Save(then) => {
                        Answer::Run(Command::SaveAsTo(with_ron_extension(path), then.clone()))
                    }
                    PathPurpose::Export(kind) => Answer::Run(Command::ExportTo(
                        *kind,
                        super::export::export_path(text, *kind),
                    )),
                    PathPurpose::Import => Answer::Run(Command::ImportFile(path)),
                };
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

fn forget_ui(ctx: &Context, project: &crate::model::Project, id: PersonId) -> Answer {
    let name = project.name_of(id).to_owned();
    show(ctx, "forget_person", |ui| {
        heading(ui, format!("Forget {name}?"));
        ui.label(
            "They are removed with their one-to-ones, introductions and place on the map, \
             from the project, the saved file, its backup and every recovery copy. Changes \
             you have not saved stay unsaved.",
        );
        ui.add_space(4.0);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "This cannot be undone. Notes elsewhere that mention them are listed afterwards \
             for you to review.",
        );
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui
                .add(crate::ui::widgets::destructive_button(ui, "Forget"))
                .clicked()
            {
                choice = Answer::Run(Command::ForgetPerson(id));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
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
) -> Answer {
    let name = project.name_of(id).to_owned();
    show(ctx, "delete_person", |ui| {
        heading(ui, format!("Delete {name}?"));
        ui.add_space(4.0);
        let meetings = links.meetings_with.len();
        if meetings > 0 {
            ui.label(format!(
                "• {} with them will be deleted.",
                crate::words::count(meetings, "meeting", "meetings")
            ));
        }
        let held = links.meetings_conducted.len();
        if held > 0 {
            ui.label(format!(
                "• {} they held will be recorded as held by you.",
                crate::words::count(held, "meeting", "meetings")
            ));
        }
        let introducers = links.introduced_by.len();
        if introducers > 0 {
            ui.label(format!(
                "• {} of them will be removed.",
                crate::words::count(introducers, "introduction", "introductions")
            ));
        }
        introduced_policy_ui(ui, project, links, policy);
        if links.is_empty() {
            ui.label("Nothing else refers to them.");
        }
        ui.add_space(4.0);
        ui.weak("You can undo this from the Edit menu (Undo).");
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui
                .add(crate::ui::widgets::destructive_button(ui, "Delete"))
                .clicked()
            {
                choice = Answer::Run(Command::DeletePerson(id, *policy));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
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
        "• They introduced {}. Those introductions:",
        crate::words::people(count)
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

fn prep_card_ui(
    ctx: &Context,
    meeting: crate::model::MeetingId,
    card: &str,
    copied: &mut bool,
) -> Answer {
    show(ctx, "prep_card", |ui| {
        ui.set_min_width(460.0);
        heading(ui, "Prep card");
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                ui.label(egui::RichText::new(card).monospace());
            });
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Copy as text").clicked() {
                ui.ctx().copy_text(card.to_owned());
                *copied = true;
            }
            if ui
                .button("Save as PDF to print…")
                .on_hover_text("The card as a page to print or take along")
                .clicked()
            {
                choice = Answer::Run(Command::PrintPrepCard(meeting));
            }
            if ui.button("Close").clicked() {
                choice = Answer::Close;
            }
            // Said in the row, so nothing below moves.
            if *copied {
                ui.label("Copied to the clipboard");
            }
        });
        choice
    })
}

fn welcome_ui(ctx: &Context, me: &mut String, project: &mut String, who: &mut String) -> Answer {
    show_until_chosen(ctx, "welcome", |ui| {
        heading(ui, "Welcome to Relational");
        ui.label(
            "Relational keeps the people you meet one-to-one, who introduced whom, and the \
             asks you make, in a file on this computer. Three questions to start:",
        );
        ui.add_space(6.0);
        let mut first = None;
        egui::Grid::new("welcome_fields")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, hint, text) in [
                    ("Your name", "how you appear on the map", &mut *me),
                    (
                        "Project name",
                        "e.g. Riverside nurses' union drive",
                        &mut *project,
                    ),
                    (
                        "Who you organize (optional)",
                        "e.g. nurses and support staff",
                        &mut *who,
                    ),
                ] {
                    let label = ui.label(label);
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text(hint)
                                .desired_width(280.0),
                        )
                        .labelled_by(label.id);
                    first.get_or_insert(response);
                    ui.end_row();
                }
            });
        if let Some(first) = first
            && ui.memory(|m| m.focused().is_none())
        {
            first.request_focus();
        }
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            let ready = !me.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Start with an empty project"))
                .on_disabled_hover_text("Type your name first")
                .clicked()
            {
                choice = Answer::Run(Command::StartProject {
                    name: project.clone(),
                    me: me.clone(),
                    who: who.clone(),
                });
            }
            if ui.button("Explore the demo").clicked() {
                choice = Answer::Run(Command::Welcomed);
            }
        });
        ui.weak("\"Open the demo\" in the File menu brings the demo back any time.");
        choice
    })
}

fn backup_offered_ui(
    ctx: &Context,
    path: &std::path::Path,
    body: &str,
    backup_holds: &str,
) -> Answer {
    show(ctx, "backup_offered", |ui| {
        heading(ui, "Could not open the file");
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                ui.label(body);
            });
        ui.add_space(6.0);
        ui.label(format!(
            "Its backup from the save before last opens: {backup_holds}. Open it in the \
             file's place? Nothing is written until you save; then the damaged file is \
             kept as the backup."
        ));
        ui.add_space(8.0);
        let mut answer = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Open the backup").clicked() {
                answer = Answer::Run(Command::OpenBackup(path.to_path_buf()));
            }
            if ui.button("Cancel").clicked() {
                answer = Answer::Close;
            }
        });
        answer
    })
}

fn message_ui(ctx: &Context, title: &str, body: &str) -> Answer {
    show(ctx, "message", |ui| {
        heading(ui, title);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                ui.label(body);
            });
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            Answer::Close
        } else {
            Answer::Keep
        }
    })
}
