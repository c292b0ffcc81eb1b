//! The meetings list: upcoming first, then past; filters; new meeting.

use chrono::NaiveDateTime;
use egui::{ScrollArea, Ui};

use crate::model::{MeetingId, MeetingKind, MeetingStatus, Project};
use crate::query::meetings::{self, MeetingQuery};

use super::widgets::person_picker_ui;
use super::{Command, Commands, Revision};

/// State of the meetings list between frames.
#[derive(Default)]
pub struct MeetingsView {
    /// Filters.
    pub query: MeetingQuery,
    /// Name typed to start a new meeting.
    new_with: String,
    /// Rows for a query at a revision.
    cache: crate::memo::Memo<(MeetingQuery, Revision), Vec<MeetingId>>,
}

const ROW_HEIGHT: f32 = 40.0;

/// Draws the filters, the new-meeting picker and the list.
pub fn meetings_list_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    now: NaiveDateTime,
    view: &mut MeetingsView,
    selected: Option<MeetingId>,
    commands: &mut Commands,
) {
    ui.heading("Meetings");
    if let Some(person) =
        person_picker_ui(ui, "New meeting with", project, &mut view.new_with, |p| {
            p.id != project.me
        })
    {
        commands.push(Command::NewMeeting(person));
    }
    ui.separator();
    filters_ui(ui, &mut view.query);
    let query = &view.query;
    let rows = view
        .cache
        .get_or_compute((query.clone(), revision), || {
            meetings::run(project, query, now)
        })
        .as_slice();
    ui.weak(crate::words::shown_of(
        rows.len(),
        project.meetings.len(),
        "meeting",
        "meetings",
    ));
    ui.separator();
    ScrollArea::vertical()
        .id_salt("meetings_list_scroll")
        .auto_shrink(false)
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for id in &rows[range] {
                    meeting_row_ui(ui, project, *id, now, selected == Some(*id), commands);
                }
            });
        });
}

fn filters_ui(ui: &mut Ui, query: &mut MeetingQuery) {
    egui::Grid::new("meeting_filters")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Status");
            let shown = query.status.map_or("Any status", MeetingStatus::label);
            let response = egui::ComboBox::from_id_salt("meeting_status_filter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.status, None, "Any status");
                    for status in MeetingStatus::ALL {
                        ui.selectable_value(&mut query.status, Some(status), status.label());
                    }
                })
                .response
                .labelled_by(label.id);
            super::widgets::announce_value(ui, &response, shown);
            ui.end_row();
            let label = ui.label("Kind");
            let shown = query.kind.map_or("Any kind", MeetingKind::label);
            let response = egui::ComboBox::from_id_salt("meeting_kind_filter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.kind, None, "Any kind");
                    for kind in MeetingKind::ALL {
                        ui.selectable_value(&mut query.kind, Some(kind), kind.label());
                    }
                })
                .response
                .labelled_by(label.id);
            super::widgets::announce_value(ui, &response, shown);
            ui.end_row();
            let label = ui.label("Person");
            ui.add(egui::TextEdit::singleline(&mut query.person).hint_text("name"))
                .labelled_by(label.id);
            ui.end_row();
        });
}

fn meeting_row_ui(
    ui: &mut Ui,
    project: &Project,
    id: MeetingId,
    now: NaiveDateTime,
    selected: bool,
    commands: &mut Commands,
) {
    let Some(meeting) = project.meetings.get(&id) else {
        return;
    };
    let when = meeting.start.map_or_else(
        || "No date yet".to_owned(),
        |s| crate::dates::style().day_time_from(s, now.date()),
    );
    let upcoming = meeting.start.is_none_or(|s| s >= now);
    let name = project.name_of(meeting.person);
    let shown = super::widgets::shortened(name, super::widgets::NAME_CHARS);
    let awaits = meeting.awaits_debrief(now);
    let status = if awaits {
        // Still "planned" after its time: say what it needs.
        format!("{}, to debrief", meeting.status.label())
    } else {
        meeting.status.label().to_owned()
    };
    let text = format!("{shown}\n{when} · {status}");
    let mut rich = egui::RichText::new(text);
    if awaits {
        rich = rich.color(ui.visuals().warn_fg_color);
    } else if !upcoming {
        rich = rich.weak();
    }
    let mut response =
        ui.add(egui::Button::selectable(selected, rich).min_size(egui::vec2(0.0, ROW_HEIGHT)));
    if shown.len() != name.len() {
        response = response.on_hover_text(name);
    }
    if response.clicked() {
        commands.push(Command::SelectMeeting(Some(id)));
    }
}
