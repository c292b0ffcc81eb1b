//! The menu bar, status bar and placeholder views.

use egui::Ui;

use super::{Action, Command, Commands, View};
use crate::app::{Document, Settings};
use crate::export::ExportFormat;
use crate::history::History;

/// A menu button for `action`, with its shortcut shown.
fn action_button_ui(ui: &mut Ui, action: Action, enabled: bool, commands: &mut Commands) {
    action_button_with_hint_ui(ui, action, enabled, None, commands);
}

fn action_button_with_hint_ui(
    ui: &mut Ui,
    action: Action,
    enabled: bool,
    hint: Option<&str>,
    commands: &mut Commands,
) {
    let mut button = egui::Button::new(action.label());
    if let Some(shortcut) = action.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let mut response = ui.add_enabled(enabled, button);
    if let Some(hint) = hint {
        response = response.on_hover_text(hint);
    }
    if response.clicked() {
        commands.push(Command::Action(action));
    }
}

/// The menu bar: File, Edit, View.
pub fn menu_bar_ui(ui: &mut Ui, history: &History, settings: &Settings, commands: &mut Commands) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button_ui(ui, Action::NewProject, true, commands);
            action_button_ui(ui, Action::Open, true, commands);
            ui.menu_button("Open Recent", |ui| {
                if settings.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &settings.recent {
                    let name = path.display().to_string();
                    if ui.button(name).clicked() {
                        commands.push(Command::OpenRecent(path.clone()));
                    }
                }
            });
            ui.separator();
            action_button_ui(ui, Action::Save, true, commands);
            action_button_ui(ui, Action::SaveAs, true, commands);
            ui.separator();
            // Ticking "Anonymize" must not close the menu before a format is picked.
            let keep_open = egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::SubMenuButton::new("Export")
                .config(keep_open)
                .ui(ui, |ui| export_menu_ui(ui, settings, commands));
            ui.separator();
            action_button_ui(ui, Action::Quit, true, commands);
        });
        ui.menu_button("Edit", |ui| {
            let undo = history.undo_label();
            let redo = history.redo_label();
            action_button_with_hint_ui(ui, Action::Undo, undo.is_some(), undo, commands);
            action_button_with_hint_ui(ui, Action::Redo, redo.is_some(), redo, commands);
            ui.separator();
            action_button_ui(ui, Action::AddPerson, true, commands);
            action_button_ui(ui, Action::FocusSearch, true, commands);
        });
        ui.menu_button("View", |ui| {
            for action in [
                Action::ShowPeople,
                Action::ShowMap,
                Action::ShowMeetings,
                Action::ShowDashboard,
            ] {
                action_button_ui(ui, action, true, commands);
            }
        });
    });
}

/// File → Export: the data exports, and whether they are anonymized.
fn export_menu_ui(ui: &mut Ui, settings: &Settings, commands: &mut Commands) {
    let mut anonymize = settings.anonymize_exports;
    if ui
        .checkbox(&mut anonymize, "Anonymize")
        .on_hover_text("Initials instead of names; no phone, email or notes")
        .changed()
    {
        commands.push(Command::SetAnonymizeExports(anonymize));
    }
    ui.separator();
    for format in ExportFormat::ALL {
        if ui.button(format!("{}…", format.description())).clicked() {
            commands.push(Command::ExportData(format));
            ui.close();
        }
    }
    ui.separator();
    ui.weak("The map image is saved from the map's toolbar.");
}

/// The status bar: file name, unsaved marker, counts, last message.
pub fn status_bar_ui(ui: &mut Ui, doc: &Document, status: &str) {
    ui.horizontal(|ui| {
        ui.label(doc.display_name());
        if doc.is_dirty() {
            ui.colored_label(ui.visuals().warn_fg_color, "Unsaved changes");
        } else {
            ui.weak("Saved");
        }
        ui.separator();
        let (people, meetings, intros) = doc.project.counts();
        ui.weak(format!(
            "{people} people · {meetings} meetings · {intros} introductions"
        ));
        ui.separator();
        ui.label(status);
    });
}

/// What the views built in later releases show for now.
pub fn coming_later_ui(ui: &mut Ui, view: View) {
    let (title, text) = match view {
        View::Map => (
            "Relationship map",
            "The map of who introduced whom is on its way. Introductions you record in \
             the person editor will appear on it.",
        ),
        View::Meetings => (
            "Meetings",
            "The meeting editor is on its way. Meetings already in the project are kept \
             and saved.",
        ),
        View::Dashboard => ("Dashboard", "The follow-up dashboard is on its way."),
        View::People => ("People", ""),
    };
    ui.heading(title);
    ui.label(text);
}
