//! The bar under the menus: Back and Forward, then the four screens, the
//! current one marked, each with what it holds (or what is owed today).

use egui::Ui;

use super::{Action, Command, Commands, View};

/// The figures shown beside each screen's name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Badges {
    /// Things owed today: overdue follow-ups, calls to make, commitments to check.
    pub due_today: usize,
    /// People in the project.
    pub people: usize,
    /// One-to-ones in the project.
    pub meetings: usize,
    /// Introductions on the map.
    pub introductions: usize,
}

/// Whether Back and Forward have somewhere to go.
#[derive(Clone, Copy, Debug, Default)]
pub struct TrailState {
    /// Back is possible.
    pub back: bool,
    /// Forward is possible.
    pub forward: bool,
}

/// Draws the bar.
pub fn rail_ui(
    ui: &mut Ui,
    current: View,
    badges: Badges,
    trail: TrailState,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        trail_button_ui(ui, Action::Back, trail.back, commands);
        trail_button_ui(ui, Action::Forward, trail.forward, commands);
        ui.separator();
        for (view, action, badge) in [
            (
                View::Dashboard,
                Action::ShowDashboard,
                due_text(badges.due_today),
            ),
            (View::People, Action::ShowPeople, badges.people.to_string()),
            (
                View::Meetings,
                Action::ShowMeetings,
                badges.meetings.to_string(),
            ),
            (View::Map, Action::ShowMap, badges.introductions.to_string()),
        ] {
            tab_ui(ui, view == current, action, &badge, commands);
        }
        ui.separator();
        let palette = ui
            .button("Find anything…")
            .on_hover_text(shortcut_hint(ui, Action::CommandPalette));
        if palette.clicked() {
            commands.push(Command::Action(Action::CommandPalette));
        }
    });
}

fn due_text(due: usize) -> String {
    match due {
        0 => "nothing due".to_owned(),
        n => format!("{n} due"),
    }
}

fn tab_ui(ui: &mut Ui, selected: bool, action: Action, badge: &str, commands: &mut Commands) {
    let response = ui
        .selectable_label(selected, egui::RichText::new(action.label()).strong())
        .on_hover_text(shortcut_hint(ui, action));
    if response.clicked() && !selected {
        commands.push(Command::Action(action));
    }
    ui.weak(badge);
    ui.add_space(6.0);
}

fn trail_button_ui(ui: &mut Ui, action: Action, enabled: bool, commands: &mut Commands) {
    let response = ui
        .add_enabled(enabled, egui::Button::new(action.label()))
        .on_hover_text(shortcut_hint(ui, action));
    if response.clicked() {
        commands.push(Command::Action(action));
    }
}

/// "What it does (Ctrl+2)".
fn shortcut_hint(ui: &Ui, action: Action) -> String {
    match action.shortcuts().first() {
        Some(shortcut) => format!(
            "{} ({})",
            action.tooltip(),
            ui.ctx().format_shortcut(shortcut)
        ),
        None => action.tooltip().to_owned(),
    }
}
