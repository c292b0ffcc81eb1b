//! The dashboard: the organizing sentence on top, then tabs for what is
//! owed today, leadership against targets, trends, and the sentence and
//! reflection editor.

mod follow_up;
mod leadership;
mod sentence;
mod trends;

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use egui::Ui;

use super::{Command, Commands, Revision};
use crate::dashboard::{DEFAULT_QUIET_DAYS, sentence_text};
use crate::model::{MeetingId, PersonId, Project};

/// The dashboard's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DashboardTab {
    /// What is owed: confirmations, follow-ups, commitments, referrals.
    #[default]
    FollowUp,
    /// Candidates and one-to-ones against targets.
    Leadership,
    /// Weekly plots.
    Trends,
    /// The organizing sentence, targets and reflection.
    Sentence,
}

impl DashboardTab {
    const ALL: [DashboardTab; 4] = [
        DashboardTab::FollowUp,
        DashboardTab::Leadership,
        DashboardTab::Trends,
        DashboardTab::Sentence,
    ];

    fn label(self) -> &'static str {
        match self {
            DashboardTab::FollowUp => "Follow-up",
            DashboardTab::Leadership => "Leadership",
            DashboardTab::Trends => "Trends",
            DashboardTab::Sentence => "Sentence and reflection",
        }
    }
}

/// The dashboard's state between frames.
pub struct DashboardView {
    /// The open tab.
    pub tab: DashboardTab,
    /// Days without contact before someone counts as gone quiet.
    pub quiet_days: u32,
    trends: trends::TrendsCache,
    follow_up: follow_up::FollowUpCache,
    leadership: leadership::LeadershipCache,
    debrief: sentence::DebriefDrafts,
}

impl DashboardView {
    /// Offers, on the follow-up tab, to plan again with the person of a
    /// meeting just marked no-show.
    pub fn offer_again(&mut self, meeting: MeetingId, person: PersonId) {
        self.tab = DashboardTab::FollowUp;
        self.follow_up.offer_again(meeting, person);
    }
}

impl Default for DashboardView {
    fn default() -> Self {
        Self {
            tab: DashboardTab::default(),
            quiet_days: DEFAULT_QUIET_DAYS,
            trends: trends::TrendsCache::default(),
            follow_up: follow_up::FollowUpCache::default(),
            leadership: leadership::LeadershipCache::default(),
            debrief: sentence::DebriefDrafts::default(),
        }
    }
}

/// The dashboard view.
pub fn dashboard_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    now: NaiveDateTime,
    state: &mut DashboardView,
    commands: &mut Commands,
) {
    egui::Panel::top("dashboard_header").show(ui, |ui| {
        ui.add_space(4.0);
        ui.heading("Dashboard");
        match sentence_text(&project.info.sentence) {
            Some(sentence) => {
                ui.label(egui::RichText::new(sentence).size(16.0).italics());
            }
            None => {
                ui.weak("No organizing sentence yet: write one under \"Sentence and reflection\".");
            }
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for tab in DashboardTab::ALL {
                ui.selectable_value(&mut state.tab, tab, tab.label());
            }
            ui.separator();
            ui.weak(format!(
                "Today is {}",
                crate::dates::style().long(now.date())
            ));
        });
        ui.add_space(2.0);
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("dashboard_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                match state.tab {
                    DashboardTab::FollowUp => {
                        follow_up::follow_up_ui(ui, project, revision, now, state, commands)
                    }
                    DashboardTab::Leadership => leadership::leadership_ui(
                        ui,
                        project,
                        revision,
                        &mut state.leadership,
                        commands,
                    ),
                    DashboardTab::Trends => {
                        trends::trends_ui(ui, project, revision, now, &mut state.trends)
                    }
                    DashboardTab::Sentence => {
                        sentence::sentence_ui(ui, project, now.date(), &mut state.debrief, commands)
                    }
                }
                crate::ui::focus::follow_focus(ui);
            });
    });
}

/// A person's name as a link that opens them in the people view.
fn person_link_ui(ui: &mut Ui, project: &Project, id: PersonId, commands: &mut Commands) {
    if crate::ui::widgets::name_link(ui, project.name_of(id))
        .on_hover_text("Open in the people view")
        .clicked()
    {
        commands.push(Command::OpenPerson(id));
    }
}

/// A button that opens a meeting in the meeting editor; `what` tells a
/// screen reader which row's button it is ("Hannah Cho's follow-up").
fn open_meeting_button_ui(ui: &mut Ui, id: MeetingId, what: &str, commands: &mut Commands) {
    if row_button_ui(ui, "Open", &format!("Open {what}")).clicked() {
        commands.push(Command::OpenMeeting(id));
    }
}

/// A small button showing `text`, named `name` for screen readers and
/// tests, so the "Open" of one row is told apart from the next one's.
fn row_button_ui(ui: &mut Ui, text: &str, name: &str) -> egui::Response {
    let response = ui.small_button(text);
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    response
}

/// Rows a section shows before "Show all": the dashboard is a glance, and
/// a long list is drawn only on request, a screenful at a time.
pub const ROWS_AT_A_GLANCE: usize = 12;

/// Draws `count` rows of `section` (a noun phrase, for the button and as
/// the scroll area's id): all of them when few, else the first
/// [`ROWS_AT_A_GLANCE`] and a button to see the rest in a scrolled box that
/// draws only the rows in view.
pub(super) fn rows_ui(
    ui: &mut Ui,
    section: &'static str,
    count: usize,
    expanded: &mut BTreeSet<&'static str>,
    mut row: impl FnMut(&mut Ui, usize),
) {
    if count <= ROWS_AT_A_GLANCE {
        (0..count).for_each(|i| row(ui, i));
        return;
    }
    // The toggle comes first, so it stays put when the rows open below it.
    let open = expanded.contains(section);
    let label = if open {
        "Show fewer".to_owned()
    } else {
        format!("Show all {count} {section}")
    };
    if ui.small_button(label).clicked() && !expanded.remove(section) {
        expanded.insert(section);
    }
    if open {
        // A row holds a checkbox or buttons beside text: a little taller
        // than one widget (`show_rows` adds the item spacing itself).
        let height = ui.spacing().interact_size.y + 2.0;
        let pitch = height + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt(section)
            .max_height(pitch * 20.0)
            .auto_shrink([false, true])
            .show_rows(ui, height, count, |ui, range| {
                range.for_each(|i| row(ui, i))
            });
    } else {
        (0..ROWS_AT_A_GLANCE).for_each(|i| row(ui, i));
    }
}
