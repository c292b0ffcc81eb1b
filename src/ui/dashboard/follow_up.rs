//! The follow-up tab: everything owed, each item one click from its record.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use egui::Ui;

use super::{DashboardView, open_meeting_button_ui, person_link_ui, row_button_ui, rows_ui};
use crate::dashboard::{
    Commitment, FollowUpDue, FollowUpLists, QuietPerson, Referral, Undated, Upcoming, WaitingAsk,
    WeekItem, follow_up_lists,
};
use crate::model::{Kept, MeetingStatus, Project};
use crate::ui::{Command, Commands, Revision};

/// The lists, worked out once per project state, minute and quiet setting
/// (a project of 10,000 people takes milliseconds to scan, too long for
/// every frame).
#[derive(Default)]
pub(super) struct FollowUpCache {
    lists: crate::memo::Memo<(Revision, NaiveDateTime, u32), FollowUpLists>,
    /// Sections showing all their rows.
    expanded: BTreeSet<&'static str>,
    /// Follow-ups ticked a moment ago, still shown where they were.
    just_done: Vec<JustDone>,
    /// Meetings just marked no-show, offered to plan again until dismissed.
    no_shows: Vec<NoShow>,
    /// The follow-up being added from the dashboard, and for whom.
    adding: Adding,
}

/// A meeting marked no-show from "To debrief": its person is offered a new
/// meeting in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NoShow {
    meeting: crate::model::MeetingId,
    person: crate::model::PersonId,
}

/// The dashboard's "add a follow-up" form.
#[derive(Default)]
struct Adding {
    /// The name typed to find the person.
    search: String,
    /// The person chosen.
    person: Option<crate::model::PersonId>,
    /// What, who, when.
    draft: crate::ui::follow_ups::NewFollowUp,
}

impl FollowUpCache {
    /// Offers to plan again with the person of a meeting just marked
    /// no-show.
    pub(super) fn offer_again(
        &mut self,
        meeting: crate::model::MeetingId,
        person: crate::model::PersonId,
    ) {
        let offer = NoShow { meeting, person };
        if !self.no_shows.contains(&offer) {
            self.no_shows.push(offer);
        }
    }
}

/// How long a ticked follow-up stays in its row, with Undo, before it leaves.
const DONE_SHOWN_SECONDS: f64 = 4.0;

/// A follow-up ticked on the dashboard: its row says "Done · Undo" in
/// place for a few seconds, so the row under the pointer does not vanish.
#[derive(Clone)]
struct JustDone {
    item: FollowUpDue,
    /// Its place in the list when ticked.
    index: usize,
    /// When it was ticked (egui's clock, in seconds).
    at: f64,
    /// The section it was in.
    section: &'static str,
}

/// A row of the overdue list: a follow-up still owed, or one just done.
enum OverdueRow<'a> {
    Owed(&'a FollowUpDue),
    Done(&'a JustDone),
}

/// The owed follow-ups with the ones just ticked back at their places.
fn overdue_rows<'a>(owed: &'a [FollowUpDue], done: &'a [JustDone]) -> Vec<OverdueRow<'a>> {
    let mut rows: Vec<OverdueRow<'a>> = owed
        .iter()
        .filter(|item| !done.iter().any(|d| d.item.follow_up == item.follow_up))
        .map(OverdueRow::Owed)
        .collect();
    let mut done: Vec<&JustDone> = done.iter().collect();
    done.sort_by_key(|d| d.index);
    for entry in done {
        rows.insert(entry.index.min(rows.len()), OverdueRow::Done(entry));
    }
    rows
}

/// The lists at `now`, worked out again only when the project, the
/// minute or the quiet setting changed.
fn lists_at<'a>(
    memo: &'a mut crate::memo::Memo<(Revision, NaiveDateTime, u32), FollowUpLists>,
    project: &Project,
    revision: Revision,
    now: NaiveDateTime,
    days: u32,
) -> &'a FollowUpLists {
    let minute = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    memo.get_or_compute((revision, minute, days), || {
        follow_up_lists(project, now, days)
    })
}

fn day_text(day: NaiveDate, now: NaiveDateTime) -> String {
    let today = now.date();
    match (day - today).num_days() {
        0 => "Today".to_owned(),
        1 => "Tomorrow".to_owned(),
        -1 => "Yesterday".to_owned(),
        // Another year's "Wed 1 Jan" would read as this year's.
        _ if day.year() != today.year() => crate::dates::style().day_and_year(day),
        _ => crate::dates::style().day(day),
    }
}

fn section_ui(ui: &mut Ui, title: &str, count: usize, empty: &str, body: impl FnOnce(&mut Ui)) {
    ui.add_space(8.0);
    ui.heading(format!("{title} ({count})"));
    if count == 0 {
        ui.weak(empty);
    } else {
        body(ui);
    }
}

pub(super) fn follow_up_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    now: NaiveDateTime,
    state: &mut DashboardView,
    commands: &mut Commands,
) {
    let FollowUpCache {
        lists,
        expanded,
        just_done,
        no_shows,
        adding,
    } = &mut state.follow_up;
    let time = ui.input(|input| input.time);
    just_done.retain(|d| time - d.at < DONE_SHOWN_SECONDS);
    if let Some(first) = just_done.iter().map(|d| d.at).reduce(f64::min) {
        let left = DONE_SHOWN_SECONDS - (time - first);
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(left.max(0.05)));
    }
    let shown = lists_at(lists, project, revision, now, state.quiet_days);
    // Owed again (undone from the Edit menu): no longer "just done".
    just_done.retain(|d| {
        let owed = shown.overdue.iter().chain(&shown.due_this_week);
        !owed.clone().any(|o| o.follow_up == d.item.follow_up)
    });
    no_shows.retain(|offer| project.person(offer.person).is_some());
    let mut view = Rows {
        project,
        now,
        commands,
        time,
    };
    let quiet_days = &mut state.quiet_days;
    let mut marks = Marks {
        expanded,
        just_done,
        no_shows,
        adding,
    };
    // Two columns when the window is wide: what is due now on the left,
    // the people to follow on the right.
    if ui.available_width() >= TWO_COLUMNS_FROM {
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                due_now(&mut view, left, shown, &mut marks);
                people_to_follow(&mut view, right, shown, quiet_days, marks.expanded);
            }
        });
    } else {
        due_now(&mut view, ui, shown, &mut marks);
        people_to_follow(&mut view, ui, shown, quiet_days, marks.expanded);
    }
}

/// What the rows change between frames.
struct Marks<'a> {
    expanded: &'a mut BTreeSet<&'static str>,
    just_done: &'a mut Vec<JustDone>,
    no_shows: &'a mut Vec<NoShow>,
    adding: &'a mut Adding,
}

/// Meetings to debrief and confirm, follow-ups owed, the week ahead and
/// what is still to be dated or checked.
fn due_now(view: &mut Rows<'_>, ui: &mut Ui, lists: &FollowUpLists, marks: &mut Marks<'_>) {
    view.debrief_ui(ui, &lists.to_debrief, marks);
    view.confirm_ui(ui, &lists.to_confirm, marks.expanded);
    let overdue = FollowUpSection {
        title: "Overdue follow-ups",
        noun: "overdue follow-ups",
        empty: "Nothing overdue.",
    };
    view.follow_ups_ui(ui, overdue, &lists.overdue, marks);
    let due = FollowUpSection {
        title: "Follow-ups due this week",
        noun: "follow-ups due this week",
        empty: "Nothing else falls due in the next 7 days.",
    };
    view.follow_ups_ui(ui, due, &lists.due_this_week, marks);
    view.add_follow_up_ui(ui, marks.adding);
    view.week_ui(ui, &lists.week, marks.expanded);
    view.no_date_ui(ui, &lists.no_date, marks.expanded);
    view.unresolved_ui(ui, &lists.unresolved, marks.expanded);
}

/// From this width on, the lists stand in two columns.
const TWO_COLUMNS_FROM: f32 = 1000.0;

/// Asks waiting, people referred and people gone quiet.
fn people_to_follow(
    view: &mut Rows<'_>,
    ui: &mut Ui,
    lists: &FollowUpLists,
    quiet_days: &mut u32,
    expanded: &mut BTreeSet<&'static str>,
) {
    view.waiting_ui(ui, &lists.waiting, expanded);
    view.referred_ui(ui, &lists.referred, expanded);
    view.quiet_ui(ui, &lists.quiet, quiet_days, expanded);
}

/// The words of one follow-up section.
struct FollowUpSection {
    title: &'static str,
    /// For "Show all N …" and the scroll area's id.
    noun: &'static str,
    empty: &'static str,
}

/// What every row needs: the project, the moment, and where to send commands.
struct Rows<'a> {
    project: &'a Project,
    now: NaiveDateTime,
    commands: &'a mut Commands,
    /// egui's clock, for rows that stay a few seconds.
    time: f64,
}

impl Rows<'_> {
    fn link_ui(&mut self, ui: &mut Ui, person: crate::model::PersonId) {
        person_link_ui(ui, self.project, person, self.commands);
    }

    /// "Open" for a row about `what` ("Hannah Cho's follow-up: Send dates").
    fn open_ui(&mut self, ui: &mut Ui, meeting: crate::model::MeetingId, what: &str) {
        open_meeting_button_ui(ui, meeting, what, self.commands);
    }

    fn possessive(&self, person: crate::model::PersonId) -> String {
        format!("{}'s", self.project.name_of(person))
    }

    fn confirm_ui(
        &mut self,
        ui: &mut Ui,
        items: &[Upcoming],
        expanded: &mut BTreeSet<&'static str>,
    ) {
        section_ui(
            ui,
            "To confirm today",
            items.len(),
            "No meeting tomorrow is waiting for its confirmation call.",
            |ui| {
                ui.weak("Call the day before: meetings tomorrow not yet confirmed.");
                rows_ui(ui, "to confirm", items.len(), expanded, |ui, i| {
                    let item = &items[i];
                    ui.horizontal(|ui| {
                        ui.label(crate::dates::style().time(item.start.time()));
                        self.link_ui(ui, item.person);
                        if !item.place.is_empty() {
                            ui.weak(format!("at {}", item.place));
                        }
                        let name = self.project.name_of(item.person);
                        if ui
                            .button(format!("Confirmed with {name}"))
                            .on_hover_text("Mark the meeting confirmed")
                            .clicked()
                        {
                            self.commands.push(Command::SetMeetingStatus(
                                item.meeting,
                                MeetingStatus::Confirmed,
                            ));
                        }
                        let what = format!("{} one-to-one tomorrow", self.possessive(item.person));
                        self.open_ui(ui, item.meeting, &what);
                    });
                });
            },
        );
    }

    fn follow_ups_ui(
        &mut self,
        ui: &mut Ui,
        words: FollowUpSection,
        items: &[FollowUpDue],
        marks: &mut Marks<'_>,
    ) {
        let mine: Vec<JustDone> = marks
            .just_done
            .iter()
            .filter(|d| d.section == words.noun)
            .cloned()
            .collect();
        let rows = overdue_rows(items, &mine);
        let mut ticked = None;
        let mut undone = None;
        // The heading counts what is owed; the rows also keep the ones just
        // ticked, so the last one ticked still shows "Done · Undo".
        ui.add_space(8.0);
        ui.heading(format!("{} ({})", words.title, items.len()));
        if rows.is_empty() {
            ui.weak(words.empty);
        }
        rows_ui(
            ui,
            words.noun,
            rows.len(),
            marks.expanded,
            |ui, i| match &rows[i] {
                OverdueRow::Owed(item) => {
                    if self.owed_row_ui(ui, item) {
                        ticked = Some(((*item).clone(), i));
                    }
                }
                OverdueRow::Done(entry) => {
                    if self.done_row_ui(ui, &entry.item) {
                        undone = Some(entry.item.follow_up);
                    }
                }
            },
        );
        if let Some((item, index)) = ticked {
            self.commands
                .push(Command::SetFollowUpDone(item.follow_up, true));
            marks.just_done.push(JustDone {
                item,
                index,
                at: self.time,
                section: words.noun,
            });
        }
        if let Some(follow_up) = undone
            && let Some(at) = marks
                .just_done
                .iter()
                .position(|d| d.item.follow_up == follow_up)
        {
            marks.just_done.remove(at);
            self.commands
                .push(Command::SetFollowUpDone(follow_up, false));
        }
    }

    /// A follow-up still owed; returns whether it was ticked.
    fn owed_row_ui(&mut self, ui: &mut Ui, item: &FollowUpDue) -> bool {
        let now = self.now;
        ui.horizontal(|ui| {
            let mut done = false;
            let ticked = ui
                .checkbox(&mut done, format!("Done: {}", item.what))
                .changed();
            ui.weak(format!("{},", item.owner.short_text(self.project)));
            ui.weak(format!("due {} with", day_text(item.due, now)));
            self.link_ui(ui, item.person);
            let what = format!("{} follow-up: {}", self.possessive(item.person), item.what);
            match item.meeting {
                Some(meeting) => self.open_ui(ui, meeting, &what),
                None => {
                    if row_button_ui(ui, "Open", &format!("Open {what}")).clicked() {
                        self.commands.push(Command::OpenPerson(item.person));
                    }
                }
            }
            ticked
        })
        .inner
    }

    /// A follow-up just ticked, in its old place; returns whether Undo was pressed.
    fn done_row_ui(&mut self, ui: &mut Ui, item: &FollowUpDue) -> bool {
        ui.horizontal(|ui| {
            ui.weak(format!("Done: {}", item.what));
            ui.label("·");
            let undo = ui.button("Undo").on_hover_text("Mark it as still owed");
            // Heard apart from other rows' Undo.
            let name = format!("Undo done: {}", item.what);
            undo.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
            });
            undo.clicked()
        })
        .inner
    }

    fn week_ui(&mut self, ui: &mut Ui, items: &[WeekItem], expanded: &mut BTreeSet<&'static str>) {
        section_ui(
            ui,
            "Today and the next 7 days",
            items.len(),
            "No meetings or commitments this week.",
            |ui| {
                rows_ui(ui, "this week", items.len(), expanded, |ui, i| {
                    ui.horizontal(|ui| match &items[i] {
                        WeekItem::Meeting(item) => self.week_meeting_ui(ui, item),
                        WeekItem::Commitment(item) => self.week_commitment_ui(ui, item),
                    });
                });
            },
        );
    }

    fn week_meeting_ui(&mut self, ui: &mut Ui, item: &Upcoming) {
        let now = self.now;
        ui.label(format!(
            "{}, {}",
            day_text(item.start.date(), now),
            crate::dates::style().time(item.start.time())
        ));
        ui.label("One-to-one with");
        self.link_ui(ui, item.person);
        if !item.place.is_empty() {
            ui.weak(format!("at {}", item.place));
        }
        ui.weak(if item.confirmed {
            "confirmed"
        } else {
            "not confirmed"
        });
        let what = format!(
            "the one-to-one with {} on {}",
            self.project.name_of(item.person),
            crate::dates::style().day_time(item.start, chrono::Datelike::year(&now))
        );
        self.open_ui(ui, item.meeting, &what);
    }

    fn week_commitment_ui(&mut self, ui: &mut Ui, item: &Commitment) {
        let time = item
            .time
            .map(|t| format!(", {}", crate::dates::style().time(t)))
            .unwrap_or_default();
        ui.label(format!("{}{time}", day_text(item.day, self.now)));
        self.link_ui(ui, item.person);
        ui.label(format!("committed to {}", item.action));
        if !item.place.is_empty() {
            ui.weak(format!("at {}", item.place));
        }
        let what = format!("{} commitment", self.possessive(item.person));
        self.open_ui(ui, item.meeting, &what);
    }

    fn debrief_ui(&mut self, ui: &mut Ui, items: &[Upcoming], marks: &mut Marks<'_>) {
        let offers = marks.no_shows.clone();
        for offer in offers {
            if self.no_show_offer_ui(ui, offer) {
                marks.no_shows.retain(|o| *o != offer);
            }
        }
        section_ui(
            ui,
            "To debrief",
            items.len(),
            "Every meeting whose time has passed has its outcome.",
            |ui| {
                ui.weak("Their time has passed: say how each went.");
                rows_ui(ui, "to debrief", items.len(), marks.expanded, |ui, i| {
                    self.debrief_row_ui(ui, &items[i]);
                });
            },
        );
    }

    /// The outcome buttons lead the row, so they stand in one column
    /// whatever the length of the name after them.
    fn debrief_row_ui(&mut self, ui: &mut Ui, item: &Upcoming) {
        let now = self.now;
        ui.horizontal(|ui| {
            let style = crate::dates::style();
            let which = format!(
                "the one-to-one with {} on {}",
                self.project.name_of(item.person),
                style.day_time(item.start, chrono::Datelike::year(&now))
            );
            for (status, text, hint) in [
                (
                    MeetingStatus::Held,
                    "Held",
                    "Mark it held and write the notes",
                ),
                (
                    MeetingStatus::NoShow,
                    "No-show",
                    "They did not come: plan again",
                ),
                (
                    MeetingStatus::Cancelled,
                    "Cancelled",
                    "Called off by either side",
                ),
            ] {
                if row_button_ui(ui, text, &format!("{text}: {which}"))
                    .on_hover_text(hint)
                    .clicked()
                {
                    self.commands.push(Command::Debrief(item.meeting, status));
                }
            }
            ui.label(format!(
                "{}, {}",
                day_text(item.start.date(), now),
                style.time(item.start.time())
            ));
            self.link_ui(ui, item.person);
            if !item.place.is_empty() {
                ui.weak(format!("at {}", item.place));
            }
        });
    }

    /// "No-show: Ana · Plan another one-to-one · Dismiss"; returns whether
    /// the offer is finished with.
    fn no_show_offer_ui(&mut self, ui: &mut Ui, offer: NoShow) -> bool {
        ui.horizontal_wrapped(|ui| {
            let name = self.project.name_of(offer.person).to_owned();
            ui.label("Marked no-show:");
            self.link_ui(ui, offer.person);
            let plan = row_button_ui(
                ui,
                "Plan another one-to-one",
                &format!("Plan another one-to-one with {name}"),
            );
            if plan.clicked() {
                self.commands.push(Command::NewMeeting(offer.person));
            }
            let dismiss = row_button_ui(ui, "Dismiss", &format!("Dismiss: no-show of {name}"));
            plan.clicked() || dismiss.clicked()
        })
        .inner
    }

    fn no_date_ui(
        &mut self,
        ui: &mut Ui,
        items: &[Undated],
        expanded: &mut BTreeSet<&'static str>,
    ) {
        section_ui(
            ui,
            "No date yet",
            items.len(),
            "Every planned meeting has a date.",
            |ui| {
                rows_ui(ui, "without a date", items.len(), expanded, |ui, i| {
                    let item = &items[i];
                    ui.horizontal(|ui| {
                        ui.label("One-to-one with");
                        self.link_ui(ui, item.person);
                        let name = self.project.name_of(item.person).to_owned();
                        let set = format!("Set a date for the one-to-one with {name}");
                        if row_button_ui(ui, "Set a date", &set).clicked() {
                            self.commands.push(Command::OpenMeeting(item.meeting));
                        }
                    });
                });
            },
        );
    }

    /// A person picker, then what, who and when: a follow-up kept on the
    /// person, outside any meeting.
    fn add_follow_up_ui(&mut self, ui: &mut Ui, adding: &mut Adding) {
        ui.add_space(8.0);
        egui::CollapsingHeader::new("Add a follow-up")
            .id_salt("dashboard add follow-up")
            .show(ui, |ui| match adding.person {
                None => {
                    let picked = crate::ui::widgets::person_picker_ui(
                        ui,
                        "For",
                        self.project,
                        &mut adding.search,
                        |_| true,
                    );
                    adding.person = picked;
                }
                Some(person) => {
                    ui.horizontal(|ui| {
                        ui.label("For");
                        self.link_ui(ui, person);
                        if ui.small_button("Someone else").clicked() {
                            adding.person = None;
                        }
                    });
                    let holder = crate::model::FollowUpHolder::Person(person);
                    let before = self.commands.len();
                    crate::ui::follow_ups::add_ui(
                        ui,
                        self.project,
                        holder,
                        Some(person),
                        &mut adding.draft,
                        self.now.date(),
                        self.commands,
                    );
                    if self.commands.len() > before {
                        adding.person = None;
                    }
                }
            });
    }

    fn unresolved_ui(
        &mut self,
        ui: &mut Ui,
        items: &[Commitment],
        expanded: &mut BTreeSet<&'static str>,
    ) {
        let now = self.now;
        section_ui(
            ui,
            "Commitments to check",
            items.len(),
            "Every past commitment is marked kept or not kept.",
            |ui| {
                rows_ui(
                    ui,
                    "commitments to check",
                    items.len(),
                    expanded,
                    |ui, i| {
                        let item = &items[i];
                        ui.horizontal(|ui| {
                            ui.label(day_text(item.day, now));
                            self.link_ui(ui, item.person);
                            ui.label(format!("said yes to {}", item.action));
                            let whose = self.possessive(item.person);
                            let kept = format!("Kept: {whose} commitment to {}", item.action);
                            if row_button_ui(ui, "Kept", &kept).clicked() {
                                self.commands
                                    .push(Command::RecordKept(item.meeting, Kept::Kept));
                            }
                            let not_kept =
                                format!("Not kept: {whose} commitment to {}", item.action);
                            if row_button_ui(ui, "Not kept", &not_kept).clicked() {
                                self.commands
                                    .push(Command::RecordKept(item.meeting, Kept::NotKept));
                            }
                        });
                    },
                );
            },
        );
    }

    fn waiting_ui(
        &mut self,
        ui: &mut Ui,
        items: &[WaitingAsk],
        expanded: &mut BTreeSet<&'static str>,
    ) {
        let now = self.now;
        section_ui(
            ui,
            "Asks waiting for an answer",
            items.len(),
            "No ask is waiting.",
            |ui| {
                rows_ui(ui, "waiting asks", items.len(), expanded, |ui, i| {
                    let item = &items[i];
                    ui.horizontal(|ui| {
                        self.link_ui(ui, item.person);
                        let action = if item.action.is_empty() {
                            "(wording only)"
                        } else {
                            &item.action
                        };
                        ui.label(action.to_owned());
                        if item.thinking_it_over {
                            ui.weak("thinking it over");
                        }
                        if let Some(day) = item.asked_on {
                            ui.weak(format!("asked {}", day_text(day, now)));
                        }
                        let what = format!("the ask to {}", self.project.name_of(item.person));
                        self.open_ui(ui, item.meeting, &what);
                    });
                });
            },
        );
    }

    fn referred_ui(
        &mut self,
        ui: &mut Ui,
        items: &[Referral],
        expanded: &mut BTreeSet<&'static str>,
    ) {
        section_ui(
            ui,
            "Referred, not yet contacted",
            items.len(),
            "Everyone introduced to you has a meeting.",
            |ui| {
                rows_ui(ui, "referred", items.len(), expanded, |ui, i| {
                    let item = &items[i];
                    ui.horizontal(|ui| {
                        self.link_ui(ui, item.person);
                        ui.weak("introduced by");
                        self.link_ui(ui, item.introduced_by);
                        if let Some(since) = item.since {
                            ui.weak(format!("on {}", day_text(since, self.now)));
                        }
                        if let Some(tried) = &item.last_try {
                            ui.weak(format!(
                                "tried {}: {}",
                                day_text(tried.at.date(), self.now),
                                tried.summary().to_lowercase()
                            ));
                        }
                        let name = format!(
                            "Plan a one-to-one with {} (referred)",
                            self.project.name_of(item.person)
                        );
                        if row_button_ui(ui, "Plan a one-to-one", &name).clicked() {
                            self.commands.push(Command::NewMeeting(item.person));
                        }
                    });
                });
            },
        );
    }

    fn quiet_ui(
        &mut self,
        ui: &mut Ui,
        items: &[QuietPerson],
        quiet_days: &mut u32,
        expanded: &mut BTreeSet<&'static str>,
    ) {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.heading(format!("Gone quiet ({})", items.len()));
            let label = ui.label("no contact for");
            let response = ui
                .add(
                    egui::DragValue::new(quiet_days)
                        .range(1..=365)
                        .suffix(" days"),
                )
                .labelled_by(label.id);
            crate::ui::widgets::name_control(ui, &response, "Gone quiet after, in days");
        });
        if items.is_empty() {
            ui.weak("Everyone you have met heard from you recently.");
        }
        rows_ui(ui, "gone quiet", items.len(), expanded, |ui, i| {
            let item = &items[i];
            ui.horizontal(|ui| {
                self.link_ui(ui, item.person);
                ui.weak(format!(
                    "last contact {} ({} days)",
                    day_text(item.last_contact, self.now),
                    item.days
                ));
                let name = format!(
                    "Plan a one-to-one with {} (gone quiet)",
                    self.project.name_of(item.person)
                );
                if row_button_ui(ui, "Plan a one-to-one", &name).clicked() {
                    self.commands.push(Command::NewMeeting(item.person));
                }
            });
        });
    }
}
