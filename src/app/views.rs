//! The four screens and what each remembers: which one is shown, who and
//! which meeting are open, scroll and filter state.

use egui::Ui;

use crate::model::{MeetingId, PersonId};
use crate::ui::dashboard::{DashboardView, dashboard_ui};
use crate::ui::map::{MapView, map_view_ui};
use crate::ui::meeting_editor::{MeetingEditor, meeting_editor_ui};
use crate::ui::meetings::{MeetingsView, meetings_list_ui};
use crate::ui::people::{PeopleView, people_view_ui};
use crate::ui::person_editor::{PersonEditor, person_editor_ui};
use crate::ui::question_bank::question_bank_ui;
use crate::ui::{Commands, View};
use crate::workspace::Workspace;

/// The views' state.
#[derive(Default)]
pub struct Views {
    /// The shown view.
    pub view: View,
    /// The person in the editor.
    pub selected: Option<PersonId>,
    /// The meeting in the editor.
    pub selected_meeting: Option<MeetingId>,
    /// The people table.
    pub people_view: PeopleView,
    /// The person editor.
    pub person_editor: PersonEditor,
    /// The meetings list.
    pub meetings_view: MeetingsView,
    /// The meeting editor.
    pub meeting_editor: MeetingEditor,
    /// The relationship map.
    pub map_view: MapView,
    /// The dashboard.
    pub dashboard_view: DashboardView,
}

impl Views {
    /// Another document is open: nothing of the old one stays selected.
    pub fn reset(&mut self, view: View) {
        let people_view = std::mem::take(&mut self.people_view);
        let meetings_view = std::mem::take(&mut self.meetings_view);
        let dashboard_view = std::mem::take(&mut self.dashboard_view);
        *self = Self {
            view,
            // Queries and dashboard settings carry over; their caches are
            // keyed by the document, so nothing stale is shown.
            people_view,
            meetings_view,
            dashboard_view,
            ..Self::default()
        };
    }

    /// Selections that point at records no longer there are dropped
    /// (after an undo, say).
    pub fn forget_missing(&mut self, project: &crate::model::Project) {
        if self.selected.is_some_and(|id| project.person(id).is_none()) {
            self.selected = None;
        }
        if self
            .selected_meeting
            .is_some_and(|id| !project.meetings.contains_key(&id))
        {
            self.selected_meeting = None;
        }
    }

    /// The shown view.
    pub fn central_ui(&mut self, ui: &mut Ui, workspace: &Workspace, commands: &mut Commands) {
        let doc = &workspace.doc;
        let (project, revision) = (&doc.project, doc.revision());
        match self.view {
            View::People => {
                if let Some(id) = self.selected {
                    egui::Panel::right("person_editor")
                        .resizable(true)
                        .default_size(420.0)
                        .min_size(320.0)
                        .show(ui, |ui| {
                            person_editor_ui(
                                ui,
                                project,
                                id,
                                revision,
                                &mut self.person_editor,
                                commands,
                            );
                        });
                }
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    people_view_ui(
                        ui,
                        project,
                        revision,
                        &mut self.people_view,
                        self.selected,
                        commands,
                    );
                });
            }
            View::Meetings => self.meetings_ui(ui, workspace, commands),
            View::Map => map_view_ui(
                ui,
                project,
                revision,
                &mut self.map_view,
                self.selected,
                commands,
            ),
            View::Dashboard => dashboard_ui(
                ui,
                project,
                revision,
                workspace.clock.now(),
                &mut self.dashboard_view,
                commands,
            ),
        }
    }

    fn meetings_ui(&mut self, ui: &mut Ui, workspace: &Workspace, commands: &mut Commands) {
        let doc = &workspace.doc;
        let (project, revision) = (&doc.project, doc.revision());
        egui::Panel::left("meeting_list")
            .resizable(true)
            .default_size(320.0)
            .min_size(260.0)
            .show(ui, |ui| {
                meetings_list_ui(
                    ui,
                    project,
                    revision,
                    workspace.clock.now(),
                    &mut self.meetings_view,
                    self.selected_meeting,
                    commands,
                );
            });
        let Some(id) = self.selected_meeting else {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                ui.heading("No meeting open");
                ui.label(
                    "Pick a meeting on the left, or type a name under \"New meeting with\" \
                     to plan one.",
                );
            });
            return;
        };
        egui::Panel::right("question_bank")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| question_bank_ui(ui, id, commands));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            meeting_editor_ui(
                ui,
                project,
                id,
                revision,
                workspace.clock.today(),
                &mut self.meeting_editor,
                commands,
            );
        });
    }
}
