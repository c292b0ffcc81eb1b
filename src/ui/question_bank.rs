//! The question bank: open questions by theme; a click writes the question
//! into the notes of its theme.

use egui::{CollapsingHeader, ScrollArea, Ui};

use crate::meeting::questions::Theme;
use crate::model::MeetingId;

use super::{Command, Commands};

/// Draws the bank for meeting `id`.
pub fn question_bank_ui(ui: &mut Ui, id: MeetingId, commands: &mut Commands) {
    ui.heading("Question bank");
    ui.weak("Click a question to add it to the notes of its theme.");
    ui.separator();
    ScrollArea::vertical()
        .id_salt("question_bank_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            for theme in Theme::ALL {
                CollapsingHeader::new(theme.label())
                    .default_open(theme == Theme::TheirStory)
                    .show(ui, |ui| {
                        for question in theme.questions() {
                            let button = egui::Button::new(*question).wrap().frame(false);
                            let hint = format!("Add to {}", theme.note_field().label());
                            if ui.add(button).on_hover_text(hint).clicked() {
                                commands.push(Command::InsertQuestion(id, theme, question));
                            }
                        }
                    });
            }
            crate::ui::focus::follow_focus(ui);
        });
}
