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
use crate::ui::rail::Badges;
use crate::ui::{Commands, View};
use crate::workspace::Workspace;

/// Where the organizer is: a screen, or a record on its screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A screen with nothing open in it.
    View(View),
    /// A person's profile in the People view.
    Person(PersonId),
    /// A meeting in the Meetings view.
    Meeting(MeetingId),
}

/// The widest a side panel may be: `share` of the room, never less than
/// its `min`. A width saved in an earlier, larger window is clamped to it,
/// so a bad saved value can never hide a view.
pub fn panel_max(ui: &Ui, share: f32, min: f32) -> f32 {
    (ui.available_width() * share).max(min)
}

/// The views' state.
#[derive(Default)]
pub struct Views {
    /// Back and Forward through the places visited.
    pub trail: crate::trail::Trail<Place>,
    /// The palette's records, folded once per project state.
    palette_index:
        crate::memo::Memo<crate::workspace::Revision, crate::query::palette::PaletteIndex>,
    /// The palette's lines for the last text, so a frame without typing
    /// does not rank again.
    palette_lines: crate::memo::Memo<
        (crate::workspace::Revision, String),
        Vec<crate::query::palette::Hit<crate::ui::Action>>,
    >,
    /// Every text of the project, folded once per project state.
    search_index:
        crate::memo::Memo<crate::workspace::Revision, crate::query::everything::SearchIndex>,
    /// The last search's matches, so a frame without typing does not search again.
    search_found: crate::memo::Memo<
        (crate::workspace::Revision, String),
        Vec<crate::query::everything::Found>,
    >,
    /// Badges of the screens, worked out once per project state and minute.
    badges: crate::memo::Memo<(crate::workspace::Revision, chrono::NaiveDateTime), Badges>,
    /// The control to put the cursor in once its record is drawn.
    pub reveal: Option<String>,
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
    /// Where the organizer is now.
    pub fn place(&self) -> Place {
        match (self.view, self.selected, self.selected_meeting) {
            (View::People, Some(person), _) => Place::Person(person),
            (View::Meetings, _, Some(meeting)) => Place::Meeting(meeting),
            (view, _, _) => Place::View(view),
        }
    }

    /// Shows `place` again (from Back or Forward).
    pub fn go(&mut self, place: Place) {
        match place {
            Place::View(view) => {
                self.view = view;
                match view {
                    View::People => self.selected = None,
                    View::Meetings => self.selected_meeting = None,
                    View::Dashboard | View::Map => {}
                }
            }
            Place::Person(person) => {
                self.view = View::People;
                self.selected = Some(person);
            }
            Place::Meeting(meeting) => {
                self.view = View::Meetings;
                self.selected_meeting = Some(meeting);
            }
        }
    }

    /// The palette's lines for `text`.
    pub fn palette_hits(
        &mut self,
        workspace: &Workspace,
        text: &str,
    ) -> Vec<crate::query::palette::Hit<crate::ui::Action>> {
        let project = &workspace.doc.project;
        let revision = workspace.doc.revision();
        let index = self.palette_index.get_or_compute(revision, || {
            crate::query::palette::PaletteIndex::build(project)
        });
        self.palette_lines
            .get_or_compute((revision, text.to_owned()), || {
                let commands = super::palette::palette_commands();
                crate::query::palette::find(index, &commands, text, super::palette::LINES)
            })
            .clone()
    }

    /// Matches of `text` across everything.
    pub fn search_everything(
        &mut self,
        workspace: &Workspace,
        text: &str,
    ) -> Vec<crate::query::everything::Found> {
        let project = &workspace.doc.project;
        let revision = workspace.doc.revision();
        let index = self.search_index.get_or_compute(revision, || {
            crate::query::everything::SearchIndex::build(project)
        });
        self.search_found
            .get_or_compute((revision, text.to_owned()), || {
                index.search(text, super::search::RESULTS)
            })
            .clone()
    }

    /// The figures beside each screen's name.
    pub fn badges(&mut self, workspace: &Workspace) -> Badges {
        let doc = &workspace.doc;
        let now = workspace.clock.now();
        let minute = now.date().and_time(
            chrono::NaiveTime::from_hms_opt(
                chrono::Timelike::hour(&now),
                chrono::Timelike::minute(&now),
                0,
            )
            .unwrap_or_default(),
        );
        *self.badges.get_or_compute((doc.revision(), minute), || {
            let lists = crate::dashboard::follow_up_lists(&doc.project, now, 30);
            let (people, meetings, introductions) = doc.project.counts();
            Badges {
                // What needs doing now: a meeting to debrief counts like an
                // overdue follow-up.
                due_today: lists.to_debrief.len()
                    + lists.overdue.len()
                    + lists.to_confirm.len()
                    + lists.unresolved.len(),
                people,
                meetings,
                introductions,
            }
        })
    }

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
        self.trail.retain(|place| match place {
            Place::Person(id) => project.person(*id).is_some(),
            Place::Meeting(id) => project.meetings.contains_key(id),
            Place::View(_) => true,
        });
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
                        .max_size(panel_max(ui, 0.55, 320.0))
                        .show(ui, |ui| {
                            person_editor_ui(
                                ui,
                                project,
                                (id, revision),
                                workspace.clock.now(),
                                &mut self.person_editor,
                                commands,
                            );
                        });
                }
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    people_view_ui(
                        ui,
                        project,
                        (revision, workspace.clock.today()),
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
            .max_size(panel_max(ui, 0.4, 260.0))
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
            .min_size(200.0)
            .max_size(panel_max(ui, 0.35, 200.0))
            .show(ui, |ui| question_bank_ui(ui, id, commands));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            meeting_editor_ui(
                ui,
                project,
                id,
                revision,
                workspace.clock.now(),
                &mut self.meeting_editor,
                commands,
            );
        });
    }
}
