//! The eframe app: the open document, undo, file handling, and the one place
//! where commands from the views are applied.

mod document;
mod export;
mod modals;
mod safety;
mod safety_dialogs;
mod settings;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Context, Ui, ViewportCommand};

pub use document::{Document, Origin};
pub use export::{ExportKind, crop, encode_png};
pub use modals::{AfterGuard, Modal};
pub use safety::{Recovery, SaveWriter, write_all};
pub use settings::{SETTINGS_KEY, Settings};

use crate::meeting::{questions::insert_question, rules};
use crate::model::{
    Edit, FollowUp, Introduction, Meeting, MeetingId, Person, PersonId, Project, delete_person,
};
use crate::store;
use crate::ui::dashboard::{DashboardView, dashboard_ui};
use crate::ui::map::{MapView, map_view_ui};
use crate::ui::meeting_editor::{MeetingEditor, meeting_editor_ui};
use crate::ui::meetings::{MeetingsView, meetings_list_ui};
use crate::ui::people::{PeopleView, people_view_ui, search_field_id};
use crate::ui::person_editor::{PersonEditor, person_editor_ui};
use crate::ui::question_bank::question_bank_ui;
use crate::ui::{Action, Command, Commands, FileDialogs, NativeDialogs, Picked, View};

pub use crate::DEMO_RON;

/// The app.
pub struct RelationalApp {
    /// The open project.
    pub doc: Document,
    /// Remembered between runs.
    pub settings: Settings,
    /// The shown view.
    pub view: View,
    /// The person in the editor.
    pub selected: Option<PersonId>,
    /// The meeting in the editor.
    pub selected_meeting: Option<MeetingId>,
    /// The open dialog, if any.
    pub modal: Option<Modal>,
    /// Dialogs waiting for the open one to close.
    modal_queue: std::collections::VecDeque<Modal>,
    /// Recovery copies of unsaved work.
    pub recovery: Recovery,
    /// The lock beside the open file.
    lock: Option<store::ProjectLock>,
    /// How project bytes reach the disk (swapped in tests).
    pub save_writer: SaveWriter,
    /// The last message, shown in the status bar.
    pub status: String,
    /// Where "today" comes from.
    pub clock: Clock,
    people_view: PeopleView,
    person_editor: PersonEditor,
    meetings_view: MeetingsView,
    meeting_editor: MeetingEditor,
    /// The relationship map's view state.
    pub map_view: MapView,
    /// The dashboard's view state.
    pub dashboard_view: DashboardView,
    /// Where the map image goes once the screenshot arrives.
    pending_png: Option<PathBuf>,
    screenshot: export::ScreenshotSlot,
    dialogs: Box<dyn FileDialogs>,
    commands: Commands,
    /// Set once the user agreed to close; the next close request goes through.
    closing: bool,
    window_title: String,
    ctx: Context,
}

impl RelationalApp {
    /// The app as started from `main`: opens `path`, else the last project,
    /// else the demo.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_document(
            cc.egui_ctx.clone(),
            demo_document(),
            Box::new(NativeDialogs),
        );
        app.settings = settings;
        if let Some(dir) = store::RecoveryStore::default_dir() {
            app.enable_recovery(store::RecoveryStore::new(dir));
        }
        let wanted = path.or_else(|| app.settings.last_project.clone().filter(|p| p.is_file()));
        if let Some(path) = wanted {
            app.open_path(&path);
        }
        app
    }

    /// Turns on recovery copies in `store` and offers any copy of a
    /// never-saved project that an ended run left there.
    pub fn enable_recovery(&mut self, store: store::RecoveryStore) {
        self.recovery = Recovery::new(Some(store));
        self.switch_recovery_to();
        self.offer_untitled_recovery();
    }

    /// An app around a given document, with the given file dialogs.
    pub fn with_document(ctx: Context, doc: Document, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            view: starting_view(&doc.project),
            doc,
            settings: Settings::default(),
            selected: None,
            selected_meeting: None,
            modal: None,
            modal_queue: Default::default(),
            recovery: Recovery::new(None),
            lock: None,
            save_writer: write_all,
            status: String::new(),
            clock: Clock::system(),
            people_view: PeopleView::default(),
            person_editor: PersonEditor::default(),
            meetings_view: MeetingsView::default(),
            meeting_editor: MeetingEditor::default(),
            map_view: MapView::default(),
            dashboard_view: DashboardView::default(),
            pending_png: None,
            screenshot: Default::default(),
            dialogs,
            commands: Vec::new(),
            closing: false,
            window_title: String::new(),
            ctx,
        }
    }

    /// Queues a command as if a view had sent it.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies every queued command.
    /// Commands run after drawing, so the frame that shows their effect
    /// must be asked for.
    fn apply_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        for command in commands {
            self.apply(command);
        }
        self.ctx.request_repaint();
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::Action(action) => self.run_action(action),
            Command::Edit { edit, label, merge } => self.edit(edit, &label, merge),
            Command::EndTyping => self.doc.history.close_merge(),
            Command::SelectPerson(id) => self.selected = id,
            Command::OpenRecent(path) => self.guard(AfterGuard::OpenPath(path)),
            Command::AskDeletePerson(id) => self.ask_delete_person(id),
            Command::AddIntroduction {
                introducer,
                introduced,
            } => self.add_introduction(introducer, introduced),
            Command::SelectMeeting(id) => self.selected_meeting = id,
            Command::NewMeeting(person) => self.new_meeting(person),
            Command::SetMeetingStatus(id, status) => {
                let label = format!("Mark meeting {}", status.label().to_lowercase());
                let planned = rules::set_status(&self.doc.project, id, status);
                self.apply_planned(planned, &label);
            }
            Command::AddReferral(id, referral) => {
                let planned =
                    rules::add_referral(&mut self.doc.project, id, referral, self.clock.today());
                self.apply_planned(planned, "Add referral");
            }
            Command::CopyNotesToProfile(id) => self.copy_notes_to_profile(id),
            Command::RecordAnswer(id, answer) => {
                let planned = crate::ask::record_answer(&mut self.doc.project, id, answer);
                self.apply_planned(planned, "Record the answer");
            }
            Command::RecordKept(id, kept) => {
                let planned = crate::ask::record_kept(&self.doc.project, id, kept);
                self.apply_planned(planned, "Record the commitment");
            }
            Command::AddFollowUp(id, what, owner) => self.add_follow_up(id, what, owner),
            Command::ShowPrepCard(id) => {
                let card = crate::meeting::rules::prep_card(&self.doc.project, id);
                self.modal = card.map(Modal::PrepCard);
            }
            Command::ExportMap(format) => self.export(ExportKind::Map(format)),
            Command::ExportData(format) => {
                let options = crate::export::ExportOptions {
                    anonymize: self.settings.anonymize_exports,
                };
                self.export(ExportKind::Data(format, options));
            }
            Command::SetAnonymizeExports(on) => self.settings.anonymize_exports = on,
            Command::SetFollowUpDone(id, item, done) => {
                let label = if done {
                    "Mark follow-up done"
                } else {
                    "Mark follow-up not done"
                };
                self.change_meeting(id, label, |meeting| {
                    if let Some(follow_up) = meeting.follow_ups.iter_mut().find(|f| f.id == item) {
                        follow_up.done = done;
                    }
                });
            }
            Command::InsertQuestion(id, theme, question) => {
                self.change_meeting(id, "Insert question", |meeting| {
                    insert_question(theme.note_field().get_mut(&mut meeting.notes), question);
                });
            }
        }
    }

    /// Applies an edit built by a rule, or reports why it could not be built.
    fn apply_planned(&mut self, planned: Result<Edit, crate::model::EditError>, label: &str) {
        match planned {
            Ok(edit) => self.edit(edit, label, None),
            Err(error) => self.status = format!("Not changed: {error}"),
        }
    }

    /// Changes one meeting as one undo step.
    fn change_meeting(&mut self, id: MeetingId, label: &str, change: impl FnOnce(&mut Meeting)) {
        if let Some(meeting) = self.doc.project.meetings.get(&id) {
            let mut changed = meeting.clone();
            change(&mut changed);
            self.edit(Edit::PutMeeting(Box::new(changed)), label, None);
        }
    }

    fn new_meeting(&mut self, person: PersonId) {
        let id = self.doc.project.new_meeting_id();
        let me = self.doc.project.me;
        let meeting = Meeting::new(id, person, me);
        let label = format!("Plan a meeting with {}", self.doc.project.name_of(person));
        self.edit(Edit::PutMeeting(Box::new(meeting)), &label, None);
        self.view = View::Meetings;
        self.selected_meeting = Some(id);
    }

    fn add_follow_up(&mut self, id: MeetingId, what: String, owner: crate::model::Owner) {
        let follow_up_id = self.doc.project.new_follow_up_id();
        let today = self.clock.today();
        self.change_meeting(id, "Add follow-up", |meeting| {
            let due = meeting.date().unwrap_or(today) + chrono::Duration::days(2);
            meeting.follow_ups.push(FollowUp {
                id: follow_up_id,
                what,
                due: Some(due),
                owner,
                done: false,
            });
        });
    }

    fn copy_notes_to_profile(&mut self, id: MeetingId) {
        match rules::copy_notes_to_profile(&self.doc.project, id) {
            Some(edit) => {
                self.edit(edit, "Add what was learned to the profile", None);
                self.status = "Added what you learned to the profile".to_owned();
            }
            None => self.status = "Nothing new to add to the profile".to_owned(),
        }
    }

    /// Applies an edit through the history, reporting a refusal.
    pub fn edit(&mut self, edit: Edit, label: &str, merge: Option<String>) {
        let Document {
            project, history, ..
        } = &mut self.doc;
        if let Err(error) = history.apply(project, edit, label, merge) {
            self.status = format!("Not changed: {error}");
        }
    }

    fn run_action(&mut self, action: Action) {
        match action {
            Action::NewProject => self.guard(AfterGuard::NewProject),
            Action::Open => self.guard(AfterGuard::OpenDialog),
            Action::Save => {
                self.save(None);
            }
            Action::SaveAs => {
                self.save_as(None);
            }
            Action::Quit => self.guard(AfterGuard::Quit),
            Action::Undo => self.undo_or_redo(true),
            Action::Redo => self.undo_or_redo(false),
            Action::ShowPeople => self.view = View::People,
            Action::ShowMap => self.view = View::Map,
            Action::ShowMeetings => self.view = View::Meetings,
            Action::ShowDashboard => self.view = View::Dashboard,
            Action::FocusSearch => {
                self.view = View::People;
                self.ctx.memory_mut(|m| m.request_focus(search_field_id()));
            }
            Action::AddPerson => self.add_person(),
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let Document {
            project, history, ..
        } = &mut self.doc;
        let result = if undo {
            history.undo(project)
        } else {
            history.redo(project)
        };
        self.status = match (result, undo) {
            (Ok(Some(label)), true) => format!("Undid: {label}"),
            (Ok(Some(label)), false) => format!("Redid: {label}"),
            (Ok(None), true) => "Nothing to undo".to_owned(),
            (Ok(None), false) => "Nothing to redo".to_owned(),
            (Err(error), _) => format!("Could not undo or redo: {error}"),
        };
        if self
            .selected
            .is_some_and(|id| self.doc.project.person(id).is_none())
        {
            self.selected = None;
        }
    }

    fn add_person(&mut self) {
        let id = self.doc.project.new_person_id();
        let person = Person::new(id, "", self.clock.today());
        self.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
        self.view = View::People;
        self.selected = Some(id);
        self.person_editor.focus_name = true;
        self.status = "Added a person: type their name".to_owned();
    }

    fn add_introduction(&mut self, introducer: PersonId, introduced: PersonId) {
        let id = self.doc.project.new_introduction_id();
        let intro = Introduction {
            id,
            introducer,
            introduced,
            date: Some(self.clock.today()),
            meeting: None,
            note: String::new(),
        };
        let label = format!(
            "{} introduced {}",
            self.doc.project.name_of(introducer),
            self.doc.project.name_of(introduced)
        );
        self.edit(Edit::PutIntroduction(Box::new(intro)), &label, None);
    }

    fn ask_delete_person(&mut self, id: PersonId) {
        if self.doc.project.person(id).is_some() {
            let links = self.doc.project.links_of(id);
            self.modal = Some(Modal::DeletePerson {
                id,
                links,
                policy: crate::model::IntroductionPolicy::Remove,
            });
        }
    }

    /// Deletes a person and what refers to them, as one undo step.
    pub fn delete_person(&mut self, id: PersonId, policy: crate::model::IntroductionPolicy) {
        let name = self.doc.project.name_of(id).to_owned();
        match delete_person(&self.doc.project, id, policy) {
            Ok(edit) => {
                self.edit(edit, &format!("Delete {name}"), None);
                if self.doc.project.person(id).is_none() {
                    self.selected = None;
                    self.status = format!("Deleted {name}");
                }
            }
            Err(error) => self.status = format!("Not deleted: {error}"),
        }
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn guard(&mut self, then: AfterGuard) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::UnsavedChanges { then });
        } else {
            self.after_guard(then);
        }
    }

    /// What follows once unsaved changes are dealt with.
    pub fn after_guard(&mut self, then: AfterGuard) {
        match then {
            AfterGuard::NewProject => {
                let project = Project::new("Untitled project", "Me", self.clock.today());
                self.replace_document(Document::new(project, None, Origin::New));
                self.status = "New project: add people from the People view".to_owned();
            }
            AfterGuard::OpenDialog => match self.dialogs.pick_project_to_open() {
                Picked::Path(path) => self.open_path(&path),
                Picked::Cancelled => {}
                Picked::Unavailable => self.modal = Some(Modal::typed_path_to_open()),
            },
            AfterGuard::OpenPath(path) => self.open_path(&path),
            AfterGuard::RestoreCopy(slot) => self.restore_from_slot(&slot),
            AfterGuard::Quit => {
                // Saved (no copy left) or discarded on purpose.
                self.discard_recovery_copy();
                self.closing = true;
                self.ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.lock = None;
        self.switch_recovery_to();
        self.selected = None;
        self.selected_meeting = None;
        self.person_editor = PersonEditor::default();
        self.meeting_editor = MeetingEditor::default();
        self.map_view = MapView::default();
        self.view = starting_view(&self.doc.project);
    }

    /// Opens a project file; on failure the open project stays as it was.
    /// A file open in another running Relational is opened only once the
    /// organizer agrees.
    pub fn open_path(&mut self, path: &Path) {
        self.open_path_checked(path, false);
    }

    /// Opens `path`; `anyway` overrides another window's lock.
    pub fn open_path_checked(&mut self, path: &Path, anyway: bool) {
        if self
            .lock
            .as_ref()
            .is_some_and(|l| l.path() == store::lock_path(path))
        {
            // Opening the file already open here: our own lock stands.
            let lock = self.lock.take();
            if let Some(unused) = self.load_path(path, lock, false) {
                self.lock = Some(unused);
            }
            return;
        }
        if anyway {
            // Load first: if the file cannot be read, the other window keeps its lock.
            if self.load_path(path, None, false).is_none() && self.doc.path.as_deref() == Some(path)
            {
                self.lock = self.lock_anyway(path);
            }
            return;
        }
        let Some(slot) = self.lock_before_opening(path) else {
            return;
        };
        self.load_path(path, slot.lock, slot.replaced_stale);
    }

    /// Loads `path` and makes it the open document holding `lock`. On
    /// failure the open document stays and `lock` is handed back.
    fn load_path(
        &mut self,
        path: &Path,
        lock: Option<store::ProjectLock>,
        replaced_stale: bool,
    ) -> Option<store::ProjectLock> {
        match store::load(path) {
            Ok(loaded) => {
                let (people, meetings, intros) = loaded.project.counts();
                let mut doc = Document::new(loaded.project, Some(path.to_path_buf()), Origin::File);
                doc.disk_stamp = loaded.stamp;
                self.replace_document(doc);
                self.lock = lock;
                self.settings.remember(path);
                self.status = format!(
                    "Opened {}: {people} people, {meetings} meetings, {intros} introductions{}",
                    self.doc.display_name(),
                    if replaced_stale {
                        " (a lock left by a closed window was cleared)"
                    } else {
                        ""
                    }
                );
                self.offer_recovery_for(path);
                if !loaded.warnings.is_empty() {
                    self.show_modal(Modal::Message {
                        title: "Opened with repairs".to_owned(),
                        body: format!(
                            "Some records pointed nowhere and were repaired. Save to keep the \
                             repairs.\n\n• {}",
                            loaded.warnings.join("\n• ")
                        ),
                    });
                }
            }
            Err(error) => {
                if matches!(error.kind, store::LoadErrorKind::Io(_)) {
                    self.settings.forget(path);
                }
                self.status = format!("Not opened: {}", path.display());
                self.show_modal(Modal::Message {
                    title: "Could not open the file".to_owned(),
                    body: error.to_string(),
                });
                return lock;
            }
        }
        None
    }

    /// Saves to the current file, or asks for one. Returns true once saved.
    pub fn save(&mut self, then: Option<AfterGuard>) -> bool {
        match (&self.doc.path, self.doc.origin) {
            (Some(path), Origin::File) => {
                let path = path.clone();
                self.save_to(&path, then)
            }
            _ => self.save_as(then),
        }
    }

    /// Asks for a file and saves to it. Returns true once saved.
    pub fn save_as(&mut self, then: Option<AfterGuard>) -> bool {
        let suggested = self.doc.suggested_file_name();
        match self.dialogs.pick_project_to_save(&suggested) {
            Picked::Path(path) => self.save_to(&path, then),
            Picked::Cancelled => false,
            Picked::Unavailable => {
                self.modal = Some(Modal::typed_path_to_save(&suggested, then));
                false
            }
        }
    }

    /// Saves to `path`, then runs `then`. If another program replaced the
    /// open file since it was read, asks before overwriting. On failure the
    /// project stays open and unsaved, and the message offers Save As.
    pub fn save_to(&mut self, path: &Path, then: Option<AfterGuard>) -> bool {
        if self.replaced_on_disk(path) {
            self.status = "Not saved: the file changed on disk".to_owned();
            self.show_modal(Modal::ChangedOnDisk {
                path: path.to_path_buf(),
                then,
            });
            return false;
        }
        self.write_to(path, then)
    }

    /// Saves to `path` without asking, then runs `then`.
    pub fn write_to(&mut self, path: &Path, then: Option<AfterGuard>) -> bool {
        match store::save_with(&self.doc.project, path, self.save_writer) {
            Ok(stamp) => {
                self.doc.mark_saved(path, stamp);
                self.relock(path);
                self.recovery_after_save();
                self.settings.remember(path);
                self.status = format!("Saved {}", path.display());
                if let Some(then) = then {
                    self.after_guard(then);
                }
                true
            }
            Err(error) => {
                self.status = "Save failed: the project is still open, unsaved".to_owned();
                // Keep the work on disk somewhere while the organizer decides.
                let _ = self.write_recovery_now();
                self.show_modal(Modal::SaveFailed {
                    body: error.to_string(),
                    then,
                });
                false
            }
        }
    }

    /// Shows a dialog now; the one open, if any, comes back after it.
    pub fn show_modal_first(&mut self, modal: Modal) {
        if let Some(open) = self.modal.replace(modal) {
            self.modal_queue.push_front(open);
        }
    }

    /// Shows a dialog now, or after the one already open.
    pub fn show_modal(&mut self, modal: Modal) {
        if self.modal.is_none() {
            self.modal = Some(modal);
        } else {
            self.modal_queue.push_back(modal);
        }
    }

    /// Once a dialog closes, the next waiting one opens.
    fn next_modal(&mut self) {
        if self.modal.is_none() {
            self.modal = self.modal_queue.pop_front();
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.closing && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.show_modal_first(Modal::UnsavedChanges {
                then: AfterGuard::Quit,
            });
        }
    }

    /// Turns pressed shortcuts into commands. Undo and redo are left to a
    /// focused text field, which has its own.
    fn handle_shortcuts(&mut self, ctx: &Context) {
        if self.modal.is_some() {
            return;
        }
        let typing = ctx.text_edit_focused();
        for (shortcut, action) in Action::shortcut_table() {
            if typing && !action.fires_while_typing() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Action(action));
            }
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let marker = if self.doc.is_dirty() { " •" } else { "" };
        let title = format!("{}{marker} — Relational", self.doc.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn central_ui(&mut self, ui: &mut Ui) {
        let revision = self.doc.revision();
        let project = &self.doc.project;
        match self.view {
            View::People => {
                if let Some(id) = self.selected {
                    egui::Panel::right("person_editor")
                        .resizable(true)
                        .default_size(420.0)
                        .min_size(320.0)
                        .show(ui, |ui| {
                            person_editor_ui(
                                ui,
                                project,
                                id,
                                revision,
                                &mut self.person_editor,
                                &mut self.commands,
                            );
                        });
                }
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    people_view_ui(
                        ui,
                        project,
                        revision,
                        &mut self.people_view,
                        self.selected,
                        &mut self.commands,
                    );
                });
            }
            View::Meetings => self.meetings_ui(ui),
            View::Map => map_view_ui(
                ui,
                project,
                revision,
                &mut self.map_view,
                self.selected,
                &mut self.commands,
            ),
            View::Dashboard => dashboard_ui(
                ui,
                project,
                revision,
                self.clock.now(),
                &mut self.dashboard_view,
                &mut self.commands,
            ),
        }
    }
}

impl RelationalApp {
    fn meetings_ui(&mut self, ui: &mut Ui) {
        let revision = self.doc.revision();
        let project = &self.doc.project;
        egui::Panel::left("meeting_list")
            .resizable(true)
            .default_size(320.0)
            .min_size(260.0)
            .show(ui, |ui| {
                meetings_list_ui(
                    ui,
                    project,
                    revision,
                    self.clock.now(),
                    &mut self.meetings_view,
                    self.selected_meeting,
                    &mut self.commands,
                );
            });
        let Some(id) = self.selected_meeting else {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                ui.heading("No meeting open");
                ui.label(
                    "Pick a meeting on the left, or type a name under \"New meeting with\" \
                     to plan one.",
                );
            });
            return;
        };
        egui::Panel::right("question_bank")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| question_bank_ui(ui, id, &mut self.commands));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            meeting_editor_ui(
                ui,
                project,
                id,
                revision,
                self.clock.today(),
                &mut self.meeting_editor,
                &mut self.commands,
            );
        });
    }
}

impl eframe::App for RelationalApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.handle_shortcuts(&ctx);
        egui::Panel::top("menu_bar").show(ui, |ui| {
            crate::ui::menu_bar_ui(ui, &self.doc.history, &self.settings, &mut self.commands);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            crate::ui::status_bar_ui(ui, &self.doc, &self.status);
        });
        self.central_ui(ui);
        self.modals_ui(&ctx);
        self.next_modal();
        self.receive_screenshot(&ctx);
        self.apply_commands();
        self.tick_recovery(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shut_down();
    }
}

/// The demo project, read-only. Falls back to an empty project if the
/// shipped file cannot be read (a test checks that it can).
pub fn demo_document() -> Document {
    match store::parse(DEMO_RON.as_bytes()) {
        Ok(loaded) => Document::new(loaded.project, None, Origin::Demo),
        Err(_) => Document::new(Project::new("Demo", "Me", today()), None, Origin::New),
    }
}

/// The view a project opens in: the dashboard once there are meetings to
/// follow up, else the people to start from.
pub fn starting_view(project: &Project) -> View {
    if project.meetings.is_empty() {
        View::People
    } else {
        View::Dashboard
    }
}

/// Today's date on this computer.
pub fn today() -> NaiveDate {
    Clock::system().today()
}

/// Where the app reads "now": the computer's clock, or a fixed moment so
/// tests (and screenshots) see the same day every time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<chrono::NaiveDateTime>,
}

impl Clock {
    /// The computer's local time.
    pub fn system() -> Self {
        Self { fixed: None }
    }

    /// Always `at`.
    pub fn fixed(at: chrono::NaiveDateTime) -> Self {
        Self { fixed: Some(at) }
    }

    /// The date and time now.
    pub fn now(&self) -> chrono::NaiveDateTime {
        self.fixed
            .unwrap_or_else(|| chrono::Local::now().naive_local())
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}
