//! The leadership tab: candidates and one-to-ones against the targets.

use std::collections::BTreeSet;

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::{open_meeting_button_ui, person_link_ui, rows_ui};
use crate::dashboard::leadership::{Leadership, against_target, leadership};
use crate::model::Project;
use crate::ui::{Commands, Revision};

/// Candidate rows shown before the table scrolls.
const VISIBLE_CANDIDATES: usize = 15;

const ROW_HEIGHT: f32 = 22.0;

/// The leadership picture, worked out once per project state.
#[derive(Default)]
pub(super) struct LeadershipCache {
    key: Option<Revision>,
    picture: Leadership,
    expanded: BTreeSet<&'static str>,
}

pub(super) fn leadership_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    cache: &mut LeadershipCache,
    commands: &mut Commands,
) {
    if cache.key != Some(revision) {
        cache.picture = leadership(project);
        cache.key = Some(revision);
    }
    let picture = &cache.picture;
    ui.heading("Leadership candidates");
    crate::ui::widgets::progress_ui(
        ui,
        "Leadership candidates against the target",
        (picture.candidates.len(), picture.candidate_target as usize),
        crate::ui::widgets::progress_bar(picture.candidate_progress()).text(against_target(
            picture.candidates.len(),
            picture.candidate_target,
            "candidates",
        )),
    );
    ui.weak("Leadership-team members and people who have committed or more.");
    candidates_ui(ui, project, picture, commands);
    ui.add_space(12.0);
    ui.heading("One-to-ones held");
    crate::ui::widgets::progress_ui(
        ui,
        "One-to-ones held against the target",
        (picture.held, picture.held_target as usize),
        crate::ui::widgets::progress_bar(picture.held_progress()).text(against_target(
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
    let held = &picture.held_by_team;
    rows_ui(
        ui,
        "held by the team",
        held.len(),
        &mut cache.expanded,
        |ui, i| {
            let Some(meeting) = project.meetings.get(&held[i]) else {
                return;
            };
            ui.horizontal(|ui| {
                person_link_ui(ui, project, meeting.conducted_by, commands);
                ui.label("met");
                person_link_ui(ui, project, meeting.person, commands);
                if let Some(day) = meeting.date() {
                    ui.weak(crate::dates::style().date(day));
                }
                let what = format!(
                    "the one-to-one {} held with {}",
                    project.name_of(meeting.conducted_by),
                    project.name_of(meeting.person)
                );
                open_meeting_button_ui(ui, held[i], &what, commands);
            });
        },
    );
}

/// The candidates as a table that draws only the rows in view.
fn candidates_ui(ui: &mut Ui, project: &Project, picture: &Leadership, commands: &mut Commands) {
    let candidates = &picture.candidates;
    let shown = candidates.len().min(VISIBLE_CANDIDATES);
    ui.push_id("leadership_candidates", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(candidates.len() > VISIBLE_CANDIDATES)
            .max_scroll_height(ROW_HEIGHT * shown as f32)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(140.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .body(|body| {
                body.rows(ROW_HEIGHT, candidates.len(), |mut row| {
                    let id = candidates[row.index()];
                    let Some(person) = project.person(id) else {
                        return;
                    };
                    row.col(|ui| person_link_ui(ui, project, id, commands));
                    row.col(|ui| {
                        ui.label(person.stage.label());
                    });
                    row.col(|ui| {
                        if person.leadership_team {
                            ui.label("on the team");
                        }
                    });
                    row.col(|ui| {
                        ui.label(&person.role);
                    });
                });
            });
    });
}
