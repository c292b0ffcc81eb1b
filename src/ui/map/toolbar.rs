//! The map's toolbar: search, layouts, what to show, export.

use egui::Ui;

use super::MapView;
use crate::map::filter::search;
use crate::map::picture::Naming;
use crate::model::{Project, Stage};
use crate::ui::{Action, Command, Commands, MapExport};

/// How many matches the search offers.
const SEARCH_MATCHES: usize = 6;

pub(super) fn toolbar_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut MapView,
    commands: &mut Commands,
) {
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        search_ui(ui, project, state, commands);
        ui.separator();
        action_button_ui(ui, Action::MapFit, "Fit to screen", commands);
        arrange_ui(ui, state, commands);
        ui.separator();
        let connect = if state.connect_mode {
            "Connect: on"
        } else {
            "Connect: off"
        };
        if ui
            .add(egui::Button::new(connect).selected(state.connect_mode))
            .on_hover_text("Drag from one person to another to record that they introduced them (or hold Shift while dragging)")
            .clicked()
        {
            commands.push(Command::Action(Action::MapToggleConnect));
        }
        ui.checkbox(&mut state.show_meetings, "One-to-ones")
            .on_hover_text("Dashed lines: who met whom in a one-to-one");
        ui.checkbox(&mut state.show_chain, "Chain from me")
            .on_hover_text("Highlight the introductions that led from you to the selected person");
    });
    ui.horizontal_wrapped(|ui| {
        filter_ui(ui, project, state);
        ui.separator();
        ui.checkbox(&mut state.focus_on_selected, "Focus on selected")
            .on_hover_text("Fade everyone further than the chosen steps from the selected person");
        let label = ui.label("Steps");
        let response = ui
            .add_enabled(
                state.focus_on_selected,
                egui::DragValue::new(&mut state.focus_degrees).range(1..=6),
            )
            .labelled_by(label.id)
            .on_hover_text("How many introductions or one-to-ones away still count as near");
        crate::ui::widgets::name_control(
            ui,
            &response,
            "Steps away, in introductions or one-to-ones",
        );
        ui.separator();
        export_ui(ui, state, commands);
    });
    ui.add_space(2.0);
}

fn search_ui(ui: &mut Ui, project: &Project, state: &mut MapView, commands: &mut Commands) {
    let label = ui.label("Find");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text("name")
                .desired_width(140.0),
        )
        .labelled_by(label.id);
    let Some(network) = &state.network else {
        return;
    };
    let matches = search(project, network, &state.search, SEARCH_MATCHES);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut chosen = entered.then(|| matches.first().copied()).flatten();
    // Suggestions drop down under the field, so the toolbar never moves.
    let typed = !state.search.trim().is_empty();
    egui::Popup::from_response(&response)
        .open(typed && chosen.is_none())
        .show(|ui| {
            if matches.is_empty() {
                ui.weak("nobody by that name");
            }
            for node in &matches {
                let Some(id) = network.people.get(*node) else {
                    continue;
                };
                let name = project.name_of(*id);
                let button = ui
                    .add(egui::Button::new(crate::ui::shortened(name, 32).as_ref()).frame(false))
                    .on_hover_text(name);
                if button.clicked() {
                    chosen = Some(*node);
                }
            }
        });
    if let Some(node) = chosen
        && let Some(id) = network.people.get(node)
    {
        commands.push(Command::SelectPerson(Some(*id)));
        state.centre_on = Some(node);
        state.search.clear();
    }
}

fn arrange_ui(ui: &mut Ui, state: &MapView, commands: &mut Commands) {
    if state.is_arranging() {
        ui.spinner();
        ui.weak("arranging…");
    }
    action_button_ui(ui, Action::MapArrangeForces, "Arrange by forces", commands);
    action_button_ui(ui, Action::MapArrangeTree, "Arrange as a tree", commands);
}

/// A toolbar button for a registry action, its tooltip and keys on hover.
fn action_button_ui(ui: &mut Ui, action: Action, text: &str, commands: &mut Commands) {
    let keys: Vec<String> = action
        .shortcuts()
        .iter()
        .map(|s| ui.ctx().format_shortcut(s))
        .collect();
    let hint = if keys.is_empty() {
        action.tooltip().to_owned()
    } else {
        format!("{} (key {})", action.tooltip(), keys.join(" or "))
    };
    if ui.button(text).on_hover_text(hint).clicked() {
        commands.push(Command::Action(action));
    }
}

fn filter_ui(ui: &mut Ui, project: &Project, state: &mut MapView) {
    ui.label("Show");
    ui.menu_button("Stages", |ui| {
        for stage in Stage::ALL {
            let mut shown = state.filter.shows_stage(stage);
            if ui.checkbox(&mut shown, stage.label()).changed() {
                state.filter.set_stage(stage, shown);
            }
        }
    });
    let tags = state.tags(project).to_vec();
    let current = state
        .filter
        .tag
        .clone()
        .unwrap_or_else(|| "Any tag".to_owned());
    let label = ui.label("Tag");
    let response = egui::ComboBox::from_id_salt("map_tag_filter")
        .selected_text(current.clone())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.filter.tag, None, "Any tag");
            for tag in tags {
                ui.selectable_value(&mut state.filter.tag, Some(tag.clone()), tag);
            }
        })
        .response
        .labelled_by(label.id);
    crate::ui::widgets::announce_value(ui, &response, &current);
    ui.checkbox(&mut state.filter.leaders_only, "Leadership team only");
    if !state.filter.is_empty() && ui.button("Show everyone").clicked() {
        state.filter = Default::default();
    }
}

fn export_ui(ui: &mut Ui, state: &mut MapView, commands: &mut Commands) {
    // Ticking "Initials" must not close the menu before a format is picked.
    let keep_open = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let button = egui::containers::menu::MenuButton::new("Export map").config(keep_open);
    button.ui(ui, |ui| {
        let mut initials = state.naming == Naming::Initials;
        if ui
            .checkbox(&mut initials, "Initials instead of names")
            .on_hover_text("For sharing the picture without exposing anyone")
            .changed()
        {
            state.naming = if initials {
                Naming::Initials
            } else {
                Naming::Names
            };
        }
        ui.radio_value(&mut state.export_whole, true, "Whole network")
            .on_hover_text("Everyone, at full size, wherever the view is");
        ui.radio_value(&mut state.export_whole, false, "As on screen")
            .on_hover_text("Just what the map shows now");
        ui.separator();
        if ui.button("Save as PNG…").clicked() {
            commands.push(Command::ExportMap(MapExport::Png));
            ui.close();
        }
        if ui.button("Save as SVG…").clicked() {
            commands.push(Command::ExportMap(MapExport::Svg));
            ui.close();
        }
    });
}
