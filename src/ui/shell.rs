//! The menu bar and status bar. Menu items come from the command registry
//! ([`Action`]), so their text and shortcuts match the keyboard handling.

use egui::Ui;

use super::{Action, Command, Commands};
use crate::history::History;
use crate::workspace::{Document, Settings};

/// A menu button for `action`, with its shortcut shown and its tooltip.
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
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(hint.unwrap_or(action.tooltip()));
    if response.clicked() {
        commands.push(Command::Action(action));
        // Chosen by keyboard too (egui closes menus only on pointer clicks).
        ui.close();
    }
}

fn menu_bar_key() -> egui::Id {
    egui::Id::unique("relational_menu_bar_file")
}

/// The File menu's button, where F10 puts the keyboard.
pub fn menu_bar_target(ctx: &egui::Context) -> Option<egui::Id> {
    ctx.data(|d| d.get_temp(menu_bar_key()))
}

/// What the menus need to know beyond the registry.
pub struct MenuState<'a> {
    /// For the Undo and Redo labels.
    pub history: &'a History,
    /// Recent files and the export options.
    pub settings: &'a Settings,
    /// Whether a person is selected (to plan a one-to-one with).
    pub person_selected: bool,
    /// Whether the project has a passphrase.
    pub protected: bool,
}

/// The menu bar: File, Edit, View, Arrange (the map).
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Commands) {
    egui::MenuBar::new().ui(ui, |ui| {
        let file = ui.menu_button("File", |ui| file_menu_ui(ui, state, commands));
        ui.data_mut(|d| d.insert_temp(menu_bar_key(), file.response.id));
        ui.menu_button("Edit", |ui| {
            let undo = state.history.undo_label();
            let redo = state.history.redo_label();
            action_button_with_hint_ui(ui, Action::Undo, undo.is_some(), undo, commands);
            action_button_with_hint_ui(ui, Action::Redo, redo.is_some(), redo, commands);
            ui.separator();
            action_button_ui(ui, Action::AddPerson, true, commands);
            action_button_ui(ui, Action::NewMeeting, state.person_selected, commands);
            action_button_ui(ui, Action::FocusSearch, true, commands);
            action_button_ui(ui, Action::FindDuplicates, true, commands);
        });
        ui.menu_button("View", |ui| {
            for action in [
                Action::ShowDashboard,
                Action::ShowPeople,
                Action::ShowMeetings,
                Action::ShowMap,
            ] {
                action_button_ui(ui, action, true, commands);
            }
            ui.separator();
            for action in [
                Action::Back,
                Action::Forward,
                Action::CommandPalette,
                Action::FocusMenuBar,
            ] {
                action_button_ui(ui, action, true, commands);
            }
            ui.separator();
            let mut sharing = state.settings.screen_share;
            if ui
                .checkbox(&mut sharing, Action::ScreenShare.label())
                .on_hover_text(Action::ScreenShare.tooltip())
                .clicked()
            {
                commands.push(Command::Action(Action::ScreenShare));
                ui.close();
            }
            ui.menu_button("Dates and times", |ui| {
                date_style_menu_ui(ui, state.settings, commands);
            });
        });
        ui.menu_button("Arrange", |ui| {
            for action in Action::all().filter(|a| a.scope() == super::Scope::Map) {
                action_button_ui(ui, action, true, commands);
            }
        });
    });
}

/// The clock and the order of dates: the system's, or a fixed choice.
fn date_style_menu_ui(ui: &mut Ui, settings: &Settings, commands: &mut Commands) {
    use crate::dates::{Clock, DateStyle, Order};
    let system = DateStyle::system();
    let sample = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .and_then(|d| d.and_hms_opt(18, 30, 0))
        .unwrap_or_default();
    let clock_name = |clock: Clock| DateStyle { clock, ..system }.time(sample.time());
    let order_name = |order: Order| DateStyle { order, ..system }.day(sample.date());
    ui.weak("Times");
    for (choice, text) in [
        (None, format!("As the system: {}", clock_name(system.clock))),
        (
            Some(Clock::H24),
            format!("24-hour: {}", clock_name(Clock::H24)),
        ),
        (
            Some(Clock::H12),
            format!("12-hour: {}", clock_name(Clock::H12)),
        ),
    ] {
        if ui.radio(settings.clock == choice, text).clicked() {
            commands.push(Command::SetClock(choice));
        }
    }
    ui.separator();
    ui.weak("Dates");
    for (choice, text) in [
        (None, format!("As the system: {}", order_name(system.order))),
        (
            Some(Order::DayMonth),
            format!("Day first: {}", order_name(Order::DayMonth)),
        ),
        (
            Some(Order::MonthDay),
            format!("Month first: {}", order_name(Order::MonthDay)),
        ),
    ] {
        if ui.radio(settings.date_order == choice, text).clicked() {
            commands.push(Command::SetDateOrder(choice));
        }
    }
}

fn file_menu_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Commands) {
    let settings = state.settings;
    action_button_ui(ui, Action::NewProject, true, commands);
    action_button_ui(ui, Action::Open, true, commands);
    action_button_ui(ui, Action::OpenDemo, true, commands);
    ui.menu_button("Open Recent", |ui| {
        if settings.recent.is_empty() {
            ui.weak("No recent files");
        }
        for path in &settings.recent {
            if ui.button(path.display().to_string()).clicked() {
                commands.push(Command::OpenPath(path.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    action_button_ui(ui, Action::Save, true, commands);
    action_button_ui(ui, Action::SaveAs, true, commands);
    ui.separator();
    action_button_ui(ui, Action::Protect, !state.protected, commands);
    action_button_ui(ui, Action::ChangePassphrase, state.protected, commands);
    action_button_ui(ui, Action::RemovePassphrase, state.protected, commands);
    action_button_ui(ui, Action::LockWindow, state.protected, commands);
    ui.menu_button("Lock after idle", |ui| {
        auto_lock_menu_ui(ui, settings, commands)
    });
    ui.separator();
    action_button_ui(ui, Action::ImportPeople, true, commands);
    // Ticking "Anonymize" must not close the menu before a format is picked.
    let keep_open = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::SubMenuButton::new("Export")
        .config(keep_open)
        .ui(ui, |ui| export_menu_ui(ui, settings, commands));
    ui.separator();
    action_button_ui(ui, Action::Quit, true, commands);
}

/// How long without input before a protected project's window locks.
fn auto_lock_menu_ui(ui: &mut Ui, settings: &Settings, commands: &mut Commands) {
    ui.weak("For projects with a passphrase");
    for (choice, text) in [
        (None, "Never".to_owned()),
        (Some(5), "After 5 minutes".to_owned()),
        (Some(10), "After 10 minutes".to_owned()),
        (Some(15), "After 15 minutes".to_owned()),
        (Some(30), "After 30 minutes".to_owned()),
    ] {
        if ui
            .radio(settings.auto_lock_minutes == choice, text)
            .clicked()
        {
            commands.push(Command::SetAutoLock(choice));
            ui.close();
        }
    }
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
    let mut bom = !settings.csv_without_bom;
    if ui
        .checkbox(&mut bom, "Mark CSV files for Excel")
        .on_hover_text("Starts CSV files with a UTF-8 mark so Excel shows accented names right")
        .changed()
    {
        commands.push(Command::SetCsvBom(bom));
    }
    ui.separator();
    for action in [
        Action::ExportCalendar,
        Action::ExportLeaders,
        Action::ExportSheet,
    ] {
        action_button_ui(ui, action, true, commands);
    }
    ui.separator();
    for action in [
        Action::PrintLeaders,
        Action::PrintSheet,
        Action::PrintBlankSheet,
    ] {
        action_button_ui(ui, action, true, commands);
    }
    ui.separator();
    ui.weak("The map picture is saved from the Map menu or the map's toolbar.");
}

/// The status bar: file name, unsaved marker, counts, last message.
pub fn status_bar_ui(ui: &mut Ui, doc: &Document, status: &str) {
    ui.horizontal(|ui| {
        super::widgets::one_line(ui, doc.display_name());
        let state = doc.save_state();
        if doc.is_dirty() {
            ui.colored_label(ui.visuals().warn_fg_color, state);
        } else {
            ui.weak(state);
        }
        ui.separator();
        let (people, meetings, intros) = doc.project.counts();
        ui.weak(crate::words::project_counts(people, meetings, intros));
        ui.separator();
        let said = super::widgets::one_line(ui, status);
        // A live region: screen readers say "Saved" without moving focus.
        ui.ctx().accesskit_node_builder(said.id, |node| {
            node.set_live(egui::accesskit::Live::Polite);
        });
    });
}
