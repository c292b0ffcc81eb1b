//! The leadership tab: candidates and one-to-ones against the targets.

use egui::Ui;

use super::{open_meeting_button_ui, person_link_ui};
use crate::dashboard::leadership;
use crate::dashboard::leadership::against_target;
use crate::model::Project;
use crate::ui::Commands;

pub(super) fn leadership_ui(ui: &mut Ui, project: &Project, commands: &mut Commands) {
    let picture = leadership(project);
    ui.heading("Leadership candidates");
    ui.add(
        egui::ProgressBar::new(picture.candidate_progress()).text(against_target(
            picture.candidates.len(),
            picture.candidate_target,
            "candidates",
        )),
    );
    ui.weak("Leadership-team members and people who have committed or more.");
    egui::Grid::new("leadership_candidates")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for id in &picture.candidates {
                let Some(person) = project.person(*id) else {
                    continue;
                };
                person_link_ui(ui, project, *id, commands);
                ui.label(person.stage.label());
                ui.label(if person.leadership_team {
                    "on the team"
                } else {
                    ""
                });
                ui.label(&person.role);
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    ui.heading("One-to-ones held");
    ui.add(
        egui::ProgressBar::new(picture.held_progress()).text(against_target(
            picture.held,
            picture.held_target,
            "one-to-ones",
        )),
    );
    ui.add_space(8.0);
    ui.strong(format!(
        "Held by team members themselves ({})",
        picture.held_by_team.len()
    ));
    if picture.held_by_team.is_empty() {
        ui.weak("No team member has held a one-to-one yet.");
    }
    for id in &picture.held_by_team {
        let Some(meeting) = project.meetings.get(id) else {
            continue;
        };
        ui.horizontal(|ui| {
            person_link_ui(ui, project, meeting.conducted_by, commands);
            ui.label("met");
            person_link_ui(ui, project, meeting.person, commands);
            if let Some(day) = meeting.date() {
                ui.weak(day.format("%-d %b %Y").to_string());
            }
            open_meeting_button_ui(ui, *id, "Open", commands);
        });
    }
}
