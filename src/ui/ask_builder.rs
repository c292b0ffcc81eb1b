//! The hard-ask builder inside the meeting editor: parts, preview, wording
//! with soft phrases highlighted, answer and commitment.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, TextFormat, Ui};

use crate::ask::{self, AskDraft, Strength};
use crate::model::{Answer, Ask, Kept, Meeting, Project};

use super::date_time::{date_ui, time_ui};
use super::widgets::FieldChanges;
use super::{Command, Commands};

/// Draws the builder for the draft meeting's ask.
pub fn ask_builder_ui(
    ui: &mut Ui,
    project: &Project,
    places: &[String],
    draft: &mut Meeting,
    today: chrono::NaiveDate,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    ui.add_space(6.0);
    ui.strong("The ask");
    let meeting_day = draft.date().unwrap_or(today);
    let first_name = project
        .name_of(draft.person)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    let id = draft.id;
    let ask = draft.ask.get_or_insert_with(Default::default);
    egui::Grid::new("ask_parts")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            action_row_ui(ui, ask, changes);
            ui.end_row();
            when_row_ui(ui, ask, meeting_day, changes);
            ui.end_row();
            second_option_row_ui(ui, ask, today, changes);
            ui.end_row();
            place_row_ui(ui, ask, places, changes);
            ui.end_row();
        });
    frame_ui(ui, ask, changes);
    let composed = ask::compose(&AskDraft::from_ask(ask, first_name, meeting_day));
    preview_ui(ui, ask, &composed, changes);
    wording_ui(ui, ask, places, meeting_day, changes);
    answer_ui(ui, ask, id, (meeting_day, today), changes, commands);
    // An ask nobody touched stays absent from the file.
    if **ask == Ask::default() {
        draft.ask = None;
    }
}

fn track_text(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    field: &'static str,
    changes: &mut FieldChanges,
) {
    let label_response = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label_response.id);
    changes.track(field, &response);
    crate::ui::reveal::offer(ui, label, &response);
}

fn action_row_ui(ui: &mut Ui, ask: &mut Ask, changes: &mut FieldChanges) {
    let label = ui.label("Action");
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut ask.action)
                    .hint_text("what you ask them to do")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        changes.track("ask action", &response);
        crate::ui::reveal::offer(ui, "Action", &response);
        ui.menu_button("Common actions", |ui| {
            for action in ask::COMMON_ACTIONS {
                if ui.button(*action).clicked() {
                    ask.action = (*action).to_owned();
                    changes.field = Some("ask action");
                    ui.close();
                }
            }
        });
    });
}

fn when_row_ui(
    ui: &mut Ui,
    ask: &mut Ask,
    meeting_day: chrono::NaiveDate,
    changes: &mut FieldChanges,
) {
    ui.label("Day and time");
    ui.horizontal(|ui| {
        let Some(mut day) = ask.day else {
            if ui.button("Set day and time").clicked() {
                let (day, time) = ask::default_ask_time(meeting_day);
                ask.day = Some(day);
                ask.time = Some(time);
                changes.field = Some("ask day");
            }
            return;
        };
        if date_ui(ui, "Ask day", &mut day, meeting_day) {
            ask.day = Some(day);
            changes.field = Some("ask day");
        }
        let mut time = ask.time.unwrap_or_default();
        if time_ui(ui, "Ask time", &mut time) {
            changes.field = Some("ask time");
        }
        ask.time = Some(time);
    });
}

fn second_option_row_ui(
    ui: &mut Ui,
    ask: &mut Ask,
    today: chrono::NaiveDate,
    changes: &mut FieldChanges,
) {
    ui.label("Second option");
    ui.horizontal(|ui| {
        let mut offered = ask.second_option.is_some();
        if ui.checkbox(&mut offered, "Offer another day").changed() {
            ask.second_option =
                offered.then(|| ask::default_second_option(ask.day, ask.time, today));
            changes.field = Some("second option");
        }
        if let Some(second) = ask.second_option.as_mut() {
            let mut day = second.date();
            let mut time = second.time();
            let moved = date_ui(ui, "Second day", &mut day, today);
            let retimed = time_ui(ui, "Second time", &mut time);
            if moved || retimed {
                *second = day.and_time(time);
                changes.field = Some("second option");
            }
        }
    });
}

fn place_row_ui(ui: &mut Ui, ask: &mut Ask, places: &[String], changes: &mut FieldChanges) {
    let label = ui.label("Ask place");
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut ask.place)
                    .hint_text("where")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        changes.track("ask place", &response);
        crate::ui::reveal::offer(ui, "Ask place", &response);
        ui.menu_button("Places used before", |ui| {
            if places.is_empty() {
                ui.weak("None yet");
            }
            for place in places.iter().take(12) {
                if ui.button(place).clicked() {
                    ask.place = place.clone();
                    changes.field = Some("ask place");
                    ui.close();
                }
            }
        });
    });
}

fn frame_ui(ui: &mut Ui, ask: &mut Ask, changes: &mut FieldChanges) {
    egui::CollapsingHeader::new("Frame the ask (optional)")
        .open(crate::ui::reveal::is_pending(ui.ctx()).then_some(true))
        .show(ui, |ui| {
            egui::Grid::new("ask_frame").num_columns(2).show(ui, |ui| {
                track_text(ui, "Your story", &mut ask.story, "ask story", changes);
                ui.end_row();
                track_text(
                    ui,
                    "What we are doing",
                    &mut ask.context,
                    "ask context",
                    changes,
                );
                ui.end_row();
                track_text(ui, "Why now", &mut ask.urgency, "ask urgency", changes);
                ui.end_row();
                track_text(
                    ui,
                    "The goal, as a number",
                    &mut ask.challenge,
                    "ask challenge",
                    changes,
                );
                ui.end_row();
            });
        });
}

fn preview_ui(ui: &mut Ui, ask: &mut Ask, composed: &str, changes: &mut FieldChanges) {
    // The button stays put (greyed once used) and the preview keeps at
    // least two lines, so what is below does not jump as the parts change.
    ui.horizontal(|ui| {
        let differs = ask.wording != composed;
        let used = ui
            .add_enabled(differs, egui::Button::new("Use this wording"))
            .on_disabled_hover_text("The wording already says this");
        if used.clicked() {
            ask.wording = composed.to_owned();
            changes.field = Some("ask wording");
        }
        ui.weak("Preview:");
    });
    let two_lines =
        2.0 * ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let preview = ui.label(composed);
    let missing = two_lines - preview.rect.height();
    if missing > 0.0 {
        ui.add_space(missing);
    }
}

fn wording_ui(
    ui: &mut Ui,
    ask: &mut Ask,
    places: &[String],
    said_on: chrono::NaiveDate,
    changes: &mut FieldChanges,
) {
    let label = ui.label("Wording");
    let mut layouter =
        |ui: &Ui, text: &dyn egui::TextBuffer, wrap_width: f32| -> Arc<egui::Galley> {
            let mut job = highlighted(ui, text.as_str());
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|fonts| fonts.layout_job(job))
        };
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut ask.wording)
                .hint_text("The words you will say; edit freely")
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter),
        )
        .labelled_by(label.id);
    changes.track("ask wording", &response);
    crate::ui::reveal::offer(ui, "Wording", &response);
    if ask.wording.trim().is_empty() {
        return;
    }
    let mut known = places.to_vec();
    known.push(ask.place.clone());
    let analysis = ask::analyze_with_places(&ask.wording, &known);
    let disagrees = agreement_ui(ui, ask, &analysis, said_on, changes);
    let (text, color) = match analysis.strength {
        // The verdict reads the words; words that contradict the fields
        // are not yet an ask to make.
        Strength::Hard if disagrees => (
            "Hard ask in words, but it disagrees with the fields",
            ui.visuals().warn_fg_color,
        ),
        Strength::Hard => ("Hard ask", Color32::from_rgb(60, 170, 90)),
        Strength::Soft => ("Soft ask", ui.visuals().warn_fg_color),
    };
    ui.colored_label(color, egui::RichText::new(text).strong());
    for suggestion in analysis.suggestions() {
        ui.label(format!("- {suggestion}"));
    }
}

/// Where the wording names another day, time or place than the fields:
/// both said, and a button for each side. Whether any disagreed.
fn agreement_ui(
    ui: &mut Ui,
    ask: &mut Ask,
    analysis: &ask::AskAnalysis,
    said_on: chrono::NaiveDate,
    changes: &mut FieldChanges,
) -> bool {
    let found = ask::disagreements(ask, analysis, said_on);
    let mut chosen = None;
    for disagreement in &found {
        let what = match disagreement.specific {
            ask::Specific::Day => "day",
            ask::Specific::Time => "time",
            _ => "place",
        };
        ui.colored_label(ui.visuals().warn_fg_color, disagreement.sentence());
        ui.horizontal_wrapped(|ui| {
            let to_fields = format!("Say {} in the wording", disagreement.fields_say);
            if ui
                .button(to_fields)
                .on_hover_text(format!("Change the wording's {what} to the fields'"))
                .clicked()
            {
                chosen = Some((disagreement, true));
            }
            let to_wording = format!("Set the {what} to {}", disagreement.wording_says);
            if ui
                .button(to_wording)
                .on_hover_text(format!("Change the {what} field to what the wording says"))
                .clicked()
            {
                chosen = Some((disagreement, false));
            }
        });
    }
    match chosen {
        Some((disagreement, true)) => {
            ask.wording = ask::wording_from_fields(ask, disagreement, said_on);
            changes.field = Some("ask wording");
        }
        Some((disagreement, false)) => {
            ask::fields_from_wording(ask, disagreement);
            changes.field = Some(match disagreement.specific {
                ask::Specific::Day => "ask day",
                ask::Specific::Time => "ask time",
                _ => "ask place",
            });
        }
        None => {}
    }
    !found.is_empty()
}

/// The wording with each soft phrase on a warning background.
fn highlighted(ui: &Ui, text: &str) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let soft = TextFormat {
        background: ui.visuals().warn_fg_color.gamma_multiply(0.35),
        ..normal.clone()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for phrase in ask::analyze(text).soft_phrases {
        job.append(&text[at..phrase.range.start], 0.0, normal.clone());
        job.append(&text[phrase.range.clone()], 0.0, soft.clone());
        at = phrase.range.end;
    }
    job.append(&text[at..], 0.0, normal);
    job
}

fn answer_ui(
    ui: &mut Ui,
    ask: &mut Ask,
    id: crate::model::MeetingId,
    (meeting_day, today): (chrono::NaiveDate, chrono::NaiveDate),
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.label("Answer");
        let answers = [
            (Answer::Pending, "Not asked yet"),
            (Answer::Yes, "Yes"),
            (Answer::No, "No"),
            (Answer::NotYet, "Not yet"),
        ];
        for (answer, text) in answers {
            let current = ask.answer == answer;
            if ui.selectable_label(current, text).clicked() && !current {
                commands.push(Command::RecordAnswer(id, answer));
            }
        }
        let countered = matches!(ask.answer, Answer::CounterOffer(_));
        if ui.selectable_label(countered, "Counter-offer").clicked() && !countered {
            commands.push(Command::RecordAnswer(
                id,
                Answer::CounterOffer(String::new()),
            ));
        }
    });
    if let Answer::CounterOffer(terms) = &mut ask.answer {
        let label = ui.label("Their terms");
        let response = ui
            .add(egui::TextEdit::singleline(terms).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        changes.track("counter-offer", &response);
    }
    if ask.answer == Answer::Yes {
        ui.label(format!(
            "Commitment: {}",
            ask::commitment_text(ask, meeting_day)
        ));
        ui.horizontal(|ui| {
            ui.label("Kept?");
            for (kept, text) in [
                (Kept::Unknown, "Not yet known"),
                (Kept::Kept, "Kept"),
                (Kept::NotKept, "Not kept"),
            ] {
                let current = ask.kept == kept;
                if ui.selectable_label(current, text).clicked() && !current {
                    commands.push(Command::RecordKept(id, kept));
                }
            }
        });
        if let Some(warning) = crate::meeting::rules::kept_warning(ask, today) {
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
    }
}
