//! Search across everything: the words typed, the matches grouped by kind,
//! each with its record, field and a snippet with the words marked.

use egui::text::LayoutJob;
use egui::{Context, TextFormat};

use super::dialogs::{Answer, first_field_ui, show};
use crate::query::everything::Found;
use crate::ui::Command;

/// How many matches are listed.
pub const RESULTS: usize = 60;

pub(super) fn search_ui(
    ctx: &Context,
    text: &mut String,
    focused: &mut bool,
    found: &[Found],
) -> Answer {
    show(ctx, "search_everything", |ui| {
        ui.set_min_width(560.0);
        super::dialogs::heading(ui, "Search everything");
        first_field_ui(
            ui,
            "Words to find",
            "in profiles, meeting notes, asks, follow-ups, reflection",
            text,
            focused,
        );
        ui.add_space(4.0);
        if text.trim().is_empty() {
            ui.weak("Every word must appear; case and accents do not matter.");
            return Answer::Keep;
        }
        if found.is_empty() {
            ui.weak("Nothing in the project holds all these words.");
            return Answer::Keep;
        }
        let mut choice = None;
        // Room for a dozen matches even on the frame they first appear.
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .min_scrolled_height(320.0)
            .show(ui, |ui| {
                let mut group = "";
                for hit in found {
                    if hit.record.kind() != group {
                        group = hit.record.kind();
                        ui.add_space(4.0);
                        ui.strong(group);
                    }
                    let name = format!("Open {} · {}", hit.title, hit.field);
                    if ui.link(name).clicked() {
                        choice = Some(hit);
                    }
                    ui.label(marked(ui, hit));
                }
            });
        match choice {
            Some(hit) => Answer::Run(Command::Reveal {
                record: hit.record,
                control: hit.control.clone(),
            }),
            None => Answer::Keep,
        }
    })
}

/// The snippet with the typed words in the strong colour.
fn marked(ui: &egui::Ui, hit: &Found) -> LayoutJob {
    let style = ui.style();
    let font = egui::TextStyle::Body.resolve(style);
    let plain = TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    let strong = TextFormat::simple(font, ui.visuals().strong_text_color());
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in &hit.marks {
        if range.start < at {
            continue;
        }
        job.append(&hit.snippet[at..range.start], 0.0, plain.clone());
        job.append(&hit.snippet[range.clone()], 0.0, strong.clone());
        at = range.end;
    }
    job.append(&hit.snippet[at..], 0.0, plain);
    job
}
