//! The eframe shell: draws the views and dialogs, turns menus and
//! shortcuts into commands, and hands them to [`dispatch`]. The project and
//! its file live in the [`Workspace`] below, which knows nothing of egui.

mod dialogs;
mod dispatch;
mod export;
mod import;
mod merge;
mod palette;
mod protection;
mod safety_dialogs;
mod search;
mod views;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use egui::{Context, Ui, ViewportCommand};

pub use dialogs::{DialogQueue, Modal};
pub use export::{export_file_name, export_path};
pub use import::{ImportDialog, ImportRun};
pub use merge::MergeDialog;
pub use views::Views;

pub use crate::DEMO_RON;
pub use crate::workspace::{Clock, Document, Origin, Settings, Then, Workspace};

use crate::store;
use crate::ui::{Action, Command, Commands, FileDialogs, MenuState, NativeDialogs, View};

/// The app.
pub struct RelationalApp {
    /// The open project, its file and settings.
    pub workspace: Workspace,
    /// What each view shows, and which view is shown.
    pub views: Views,
    /// The dialogs: the open one and those waiting.
    pub dialogs: DialogQueue,
    file_dialogs: Box<dyn FileDialogs>,
    commands: Commands,
    /// The document the views were last set up for.
    shown_generation: u64,
    /// Set by Back and Forward, so the move is not recorded as a visit.
    travelled: bool,
    /// Set when the system ends the session: the window closes without
    /// asking, and the unsaved work goes into a recovery copy.
    terminating: Arc<AtomicBool>,
    window_title: String,
    /// The status message shown and since when (egui's clock), so it can
    /// fade out after a while.
    status_shown: (String, f64),
    /// What had the keyboard when a dialog opened, to give it back on close.
    focus_before_dialog: Option<Option<egui::Id>>,
    /// Given back once more the frame after: the Escape that closed the
    /// dialog would otherwise take the keyboard away again.
    focus_to_return: Option<egui::Id>,
    /// The last dialog closed without a choice (Escape, Cancel): the
    /// keyboard goes back. A choice decides where it goes itself.
    pub(crate) dialog_dismissed: bool,
    /// The locked window's field.
    lock_screen: protection::LockScreen,
    /// Screen-share mode's copy of the project, for the revision it was
    /// made from.
    masked: Option<(crate::workspace::Revision, crate::model::Project)>,
    ctx: Context,
}

impl RelationalApp {
    /// The app as started from `main`: opens `path`, else the last project,
    /// else the demo.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, crate::workspace::SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_document(
            cc.egui_ctx.clone(),
            Workspace::demo_document_on(Clock::system().today()),
            Box::new(NativeDialogs),
        );
        app.workspace.settings = settings;
        app.workspace.settings.drop_relative_paths();
        crate::dates::set_style(app.workspace.settings.date_style());
        if let Some(dir) = store::RecoveryStore::default_dir() {
            app.enable_recovery(store::RecoveryStore::new(dir));
        }
        match app.workspace.starting_path(path) {
            Some(path) => app.open_path(&path),
            None if !app.workspace.settings.welcomed => app.dialogs.show(Modal::welcome()),
            None => {}
        }
        app.watch_termination();
        app
    }

    /// A logout, shutdown or closed terminal closes the window the normal
    /// way, without the unsaved-changes question: `on_exit` keeps the work.
    fn watch_termination(&mut self) {
        let flag = Arc::clone(&self.terminating);
        let ctx = self.ctx.clone();
        crate::workspace::termination::watch(move || {
            flag.store(true, Ordering::SeqCst);
            ctx.send_viewport_cmd(ViewportCommand::Close);
            ctx.request_repaint();
        });
    }

    /// An app around a given document, with the given file dialogs.
    pub fn with_document(ctx: Context, doc: Document, file_dialogs: Box<dyn FileDialogs>) -> Self {
        // Scroll bars take their own room, so fields never run under them.
        ctx.global_style_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
        let mut workspace = Workspace::new(doc);
        let waker = ctx.clone();
        workspace.recovery.wake = Some(Arc::new(move || waker.request_repaint()));
        let mut views = Views::default();
        views.reset(starting_view(&workspace.doc.project));
        Self {
            shown_generation: workspace.doc.generation(),
            travelled: false,
            terminating: Arc::default(),
            workspace,
            views,
            dialogs: DialogQueue::default(),
            file_dialogs,
            commands: Vec::new(),
            window_title: String::new(),
            status_shown: (String::new(), 0.0),
            focus_before_dialog: None,
            focus_to_return: None,
            dialog_dismissed: false,
            lock_screen: protection::LockScreen::default(),
            masked: None,
            ctx,
        }
    }

    /// Turns on recovery copies in `store` and offers any copy of a
    /// never-saved project that an ended run left there.
    pub fn enable_recovery(&mut self, store: store::RecoveryStore) {
        let prompts = self.workspace.enable_recovery(store);
        self.ask(prompts);
    }

    /// Opens a project file (asking nothing about unsaved changes: the
    /// caller decided).
    pub fn open_path(&mut self, path: &std::path::Path) {
        let prompts = self.workspace.open_path(path);
        self.ask(prompts);
        self.follow_document();
    }

    /// Writes the recovery copy now (tests, and before anything risky).
    pub fn write_recovery_now(&mut self) -> std::io::Result<()> {
        self.workspace.write_recovery_now()
    }

    /// Queues a command as if a view had sent it.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Whether a dialog is open.
    pub fn dialog_is_open(&self) -> bool {
        self.dialogs.is_open()
    }

    /// Applies every queued command. Commands run after drawing, so the
    /// frame that shows their effect must be asked for.
    fn apply_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        let generation = self.workspace.doc.generation();
        let before = self.views.place();
        for command in commands {
            self.apply(command);
        }
        let shown = (self.views.view == View::People)
            .then_some(self.views.selected)
            .flatten();
        self.workspace.drop_unnamed_person(shown);
        let moved = self.views.place() != before;
        let same_document = self.workspace.doc.generation() == generation;
        // Back and Forward move along the trail themselves.
        if moved && same_document && !std::mem::take(&mut self.travelled) {
            self.views.trail.left(before);
        }
        self.travelled = false;
        self.follow_document();
        self.ctx.request_repaint();
    }

    /// After another document was opened, created or restored, the views
    /// start afresh on it.
    fn follow_document(&mut self) {
        let generation = self.workspace.doc.generation();
        if generation != self.shown_generation {
            self.shown_generation = generation;
            self.views.reset(starting_view(&self.workspace.doc.project));
        }
        if self.workspace.is_closing() {
            self.ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        let terminating = self.terminating.load(Ordering::SeqCst);
        if requested
            && !terminating
            && !self.workspace.is_closing()
            && self.workspace.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            let prompts = self.workspace.request(Then::Quit);
            self.ask(prompts);
        }
    }

    /// Turns pressed shortcuts into commands, in the registry's order
    /// (longer chords first). Undo and redo are left to a focused text
    /// field, which has its own; map keys work only on the map.
    fn handle_shortcuts(&mut self, ctx: &Context) {
        if self.dialogs.is_open() {
            return;
        }
        let typing = ctx.text_edit_focused();
        for (shortcut, action) in Action::shortcut_table() {
            if (typing && !action.fires_while_typing()) || !action.works_in(self.views.view) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Action(action));
            }
        }
        // The mouse's own back and forward buttons.
        let (back, forward) = ctx.input(|i| {
            (
                i.pointer.button_pressed(egui::PointerButton::Extra1),
                i.pointer.button_pressed(egui::PointerButton::Extra2),
            )
        });
        if back {
            self.commands.push(Command::Action(Action::Back));
        }
        if forward {
            self.commands.push(Command::Action(Action::Forward));
        }
    }

    fn rail_ui(&mut self, ui: &mut Ui) {
        let badges = self.views.badges(&self.workspace);
        let trail = crate::ui::rail::TrailState {
            back: self.views.trail.can_go_back(),
            forward: self.views.trail.can_go_forward(),
        };
        crate::ui::rail::rail_ui(ui, self.views.view, badges, trail, &mut self.commands);
    }

    /// Before a dialog is first drawn (and takes the keyboard), what has it.
    fn note_focus_before_dialogs(&mut self, ctx: &Context) {
        if self.dialogs.is_open() && self.focus_before_dialog.is_none() {
            self.focus_before_dialog = Some(ctx.memory(|m| m.focused()));
        }
    }

    /// When the last dialog closes, the control that had the keyboard gets
    /// it back (Escape does not leave it nowhere).
    fn return_focus_after_dialogs(&mut self, ctx: &Context) {
        if let Some(id) = self.focus_to_return.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        if self.dialogs.is_open() {
            return;
        }
        let dismissed = std::mem::take(&mut self.dialog_dismissed);
        if let Some(before) = self.focus_before_dialog.take()
            && let Some(id) = before
            && dismissed
        {
            ctx.memory_mut(|m| m.request_focus(id));
            self.focus_to_return = Some(id);
            ctx.request_repaint();
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = self.workspace.doc.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        // The window's node is named too: assistive tech reads it, not the frame.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(self.window_title.clone());
        });
    }

    /// A status message goes after [`STATUS_SECONDS`] unless replaced.
    fn expire_status(&mut self, ctx: &Context) {
        let now = ctx.input(|input| input.time);
        let status = &mut self.workspace.status;
        if *status != self.status_shown.0 {
            self.status_shown = (status.clone(), now);
        }
        if status.is_empty() {
            return;
        }
        let left = STATUS_SECONDS - (now - self.status_shown.1);
        if left <= 0.0 {
            status.clear();
            self.status_shown.0.clear();
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
    }

    fn tick_recovery(&mut self, ctx: &Context) {
        if let Some(wait) = self.workspace.tick_recovery(Instant::now()) {
            ctx.request_repaint_after(wait);
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        let state = MenuState {
            history: &self.workspace.doc.history,
            settings: &self.workspace.settings,
            person_selected: self.views.selected.is_some(),
            protected: self.workspace.doc.protection.is_some(),
        };
        crate::ui::menu_bar_ui(ui, &state, &mut self.commands);
    }
}

/// How long a status message stays.
const STATUS_SECONDS: f64 = 10.0;

impl RelationalApp {
    /// Locks the window after idle minutes; while locked, draws only the
    /// way back in and returns `true`.
    fn locked_frame(&mut self, ui: &mut Ui, ctx: &Context) -> bool {
        let input = ctx.input(|i| !i.events.is_empty() || i.pointer.is_moving());
        if let Some(wait) = self.workspace.tick_idle_lock(Instant::now(), input) {
            ctx.request_repaint_after(wait);
        }
        if !self.workspace.is_locked() {
            return false;
        }
        let file = self.workspace.doc.display_name();
        if let Some(typed) = protection::locked_ui(ui, &mut self.lock_screen, &file) {
            self.commands.push(Command::Unlock(typed));
        }
        // Recovery copies go on (encrypted) while locked; nothing else runs.
        self.apply_commands();
        self.tick_recovery(ctx);
        self.update_title(ctx);
        true
    }

    /// In screen-share mode, the views and dialogs draw a copy with
    /// initials for names (made once per project state).
    /// The copy moves in and out of the document without cloning.
    fn begin_masked(&mut self) -> Option<(crate::workspace::Revision, crate::model::Project)> {
        if !self.workspace.settings.screen_share {
            self.masked = None;
            return None;
        }
        let doc = &mut self.workspace.doc;
        let revision = doc.revision();
        let mut copy = match self.masked.take() {
            Some((made_from, copy)) if made_from == revision => copy,
            _ => crate::export::privacy::screen_share_copy(&doc.project),
        };
        doc.swap_masked(&mut copy);
        Some((revision, copy))
    }

    /// Puts the real project back. Edits made against the copy would
    /// write initials over names: they are dropped with a word.
    fn end_masked(&mut self, real: Option<(crate::workspace::Revision, crate::model::Project)>) {
        let Some((revision, mut project)) = real else {
            return;
        };
        self.workspace.doc.swap_masked(&mut project);
        // `project` is the copy again: kept for the next frame.
        self.masked = Some((revision, project));
        let before = self.commands.len();
        self.commands
            .retain(|command| !command.changes_shown_text());
        if self.commands.len() < before {
            self.workspace.status =
                "Screen-share mode: editing is paused (turn it off in the View menu)".to_owned();
        }
    }
}

impl eframe::App for RelationalApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        if self.locked_frame(ui, &ctx) {
            return;
        }
        self.handle_shortcuts(&ctx);
        let real = self.begin_masked();
        crate::ui::focus::begin_frame(&ctx);
        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::top("rail").show(ui, |ui| self.rail_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            crate::ui::status_bar_ui(ui, &self.workspace.doc, &self.workspace.status);
        });
        if let Some(control) = self.views.reveal.take() {
            crate::ui::reveal::request(&ctx, control);
        }
        self.views
            .central_ui(ui, &self.workspace, &mut self.commands);
        crate::ui::reveal::end_frame(&ctx);
        self.note_focus_before_dialogs(&ctx);
        self.dialogs_ui(&ctx);
        self.return_focus_after_dialogs(&ctx);
        crate::ui::focus::paint_ring(&ctx);
        self.end_masked(real);
        self.apply_commands();
        self.tick_recovery(&ctx);
        self.expire_status(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(
            storage,
            crate::workspace::SETTINGS_KEY,
            &self.workspace.settings,
        );
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.workspace.shut_down();
    }
}

/// The demo project, read-only.
pub fn demo_document() -> Document {
    Workspace::demo_document()
}

/// The view a project opens in: the dashboard once there are meetings to
/// follow up, else the people to start from.
pub fn starting_view(project: &crate::model::Project) -> View {
    if project.meetings.is_empty() {
        View::People
    } else {
        View::Dashboard
    }
}
