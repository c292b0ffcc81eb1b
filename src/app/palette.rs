//! The command palette (Ctrl+K): a field and the best lines for what is
//! typed, chosen with the arrows and Enter, or the pointer.

use egui::{Context, Key};

use super::dialogs::{Answer, first_field_ui, show};
use crate::query::palette::{Hit, Target};
use crate::ui::{Action, Command};

/// Characters of a line before it is cut (a 300-letter name stays one line).
const LINE_CHARS: usize = 60;

/// How many lines the palette shows.
pub const LINES: usize = 12;

/// Draws the palette over `hits` (already ranked for `text`).
pub(super) fn palette_ui(
    ctx: &Context,
    text: &mut String,
    selected: &mut usize,
    focused: &mut bool,
    hits: &[Hit<Action>],
) -> Answer {
    show(ctx, "command_palette", |ui| {
        ui.set_min_width(460.0);
        super::dialogs::heading(ui, "Find anything");
        let field = first_field_ui(
            ui,
            "Command, person, meeting or tag",
            "type a few letters, e.g. save, dolores, nurses",
            text,
            focused,
        );
        if field.changed() {
            *selected = 0;
        }
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.key_pressed(Key::Enter),
            )
        });
        if down && *selected + 1 < hits.len() {
            *selected += 1;
        }
        if up {
            *selected = selected.saturating_sub(1);
        }
        *selected = (*selected).min(hits.len().saturating_sub(1));
        ui.add_space(4.0);
        if hits.is_empty() {
            ui.weak("Nothing matches. Try fewer letters.");
        }
        let mut choice = None;
        for (line, hit) in hits.iter().enumerate() {
            let chosen = ui
                .selectable_label(line == *selected, line_text(ui, hit))
                .on_hover_text(&hit.label)
                .clicked();
            if chosen {
                choice = Some(line);
            }
        }
        if enter && !hits.is_empty() {
            choice = Some(*selected);
        }
        match choice.and_then(|line| hits.get(line)) {
            Some(hit) => Answer::Run(command_for(hit)),
            None => Answer::Keep,
        }
    })
}

/// "Save · command · Ctrl+S", "Dolores Fuentes · person"…
fn line_text(ui: &egui::Ui, hit: &Hit<Action>) -> String {
    let kind = match &hit.target {
        Target::Command(action) => match action.shortcuts().first() {
            Some(shortcut) => format!("command · {}", ui.ctx().format_shortcut(shortcut)),
            None => "command".to_owned(),
        },
        Target::Person(_) => "person".to_owned(),
        Target::Meeting(_) => "meeting".to_owned(),
        Target::Tag(_) => "people with this tag".to_owned(),
    };
    format!("{} · {kind}", crate::ui::shortened(&hit.label, LINE_CHARS))
}

fn command_for(hit: &Hit<Action>) -> Command {
    match &hit.target {
        Target::Command(action) => Command::Action(*action),
        Target::Person(id) => Command::OpenPerson(*id),
        Target::Meeting(id) => Command::OpenMeeting(*id),
        Target::Tag(tag) => Command::FilterPeopleByTag(tag.clone()),
    }
}

/// The registry's commands as the palette lists them (not itself).
pub fn palette_commands() -> Vec<(Action, &'static str)> {
    Action::all()
        .filter(|action| *action != Action::CommandPalette)
        .map(|action| (action, action.label()))
        .collect()
}
