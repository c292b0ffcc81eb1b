//! The follow-up tab: everything owed, each item one click from its record.

use chrono::{NaiveDate, NaiveDateTime};
use egui::Ui;

use super::{DashboardView, open_meeting_button_ui, person_link_ui};
use crate::dashboard::{
    commitments_this_week, commitments_unresolved, gone_quiet, meetings_this_week,
    overdue_follow_ups, referred_not_contacted, to_confirm, waiting_asks,
};
use crate::model::{Kept, MeetingStatus, Owner, Project};
use crate::ui::{Command, Commands};

fn day_text(day: NaiveDate, now: NaiveDateTime) -> String {
    let today = now.date();
    match (day - today).num_days() {
        0 => "Today".to_owned(),
        1 => "Tomorrow".to_owned(),
        -1 => "Yesterday".to_owned(),
        _ => day.format("%a %-d %b").to_string(),
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
    now: NaiveDateTime,
    state: &mut DashboardView,
    commands: &mut Commands,
) {
    confirm_ui(ui, project, now, commands);
    overdue_ui(ui, project, now, commands);
    week_ui(ui, project, now, commands);
    unresolved_ui(ui, project, now, commands);
    waiting_ui(ui, project, now, commands);
    referred_ui(ui, project, now, commands);
    quiet_ui(ui, project, now, state, commands);
}

fn confirm_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let items = to_confirm(project, now);
    section_ui(
        ui,
        "To confirm today",
        items.len(),
        "No meeting tomorrow is waiting for its confirmation call.",
        |ui| {
            ui.weak("Call the day before: meetings tomorrow not yet confirmed.");
            for item in items {
                ui.horizontal(|ui| {
                    ui.label(item.start.format("%H:%M").to_string());
                    person_link_ui(ui, project, item.person, commands);
                    if !item.place.is_empty() {
                        ui.weak(format!("at {}", item.place));
                    }
                    let name = project.name_of(item.person);
                    if ui
                        .button(format!("Confirmed with {name}"))
                        .on_hover_text("Mark the meeting confirmed")
                        .clicked()
                    {
                        commands.push(Command::SetMeetingStatus(
                            item.meeting,
                            MeetingStatus::Confirmed,
                        ));
                    }
                    open_meeting_button_ui(ui, item.meeting, "Open", commands);
                });
            }
        },
    );
}

fn overdue_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let items = overdue_follow_ups(project, now);
    section_ui(
        ui,
        "Overdue follow-ups",
        items.len(),
        "Nothing overdue.",
        |ui| {
            for item in items {
                ui.horizontal(|ui| {
                    let mut done = false;
                    if ui
                        .checkbox(&mut done, format!("Done: {}", item.what))
                        .changed()
                    {
                        commands.push(Command::SetFollowUpDone(item.meeting, item.follow_up, true));
                    }
                    ui.weak(match item.owner {
                        Owner::Me => "mine,".to_owned(),
                        Owner::Them => "theirs,".to_owned(),
                    });
                    ui.weak(format!("due {} with", day_text(item.due, now)));
                    person_link_ui(ui, project, item.person, commands);
                    open_meeting_button_ui(ui, item.meeting, "Open", commands);
                });
            }
        },
    );
}

fn week_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let meetings = meetings_this_week(project, now);
    let promised = commitments_this_week(project, now);
    section_ui(
        ui,
        "Today and the next 7 days",
        meetings.len() + promised.len(),
        "No meetings or commitments this week.",
        |ui| {
            for item in meetings {
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "{} {}",
                        day_text(item.start.date(), now),
                        item.start.format("%H:%M")
                    ));
                    ui.label("One-to-one with");
                    person_link_ui(ui, project, item.person, commands);
                    if !item.place.is_empty() {
                        ui.weak(format!("at {}", item.place));
                    }
                    ui.weak(if item.confirmed {
                        "confirmed"
                    } else {
                        "not confirmed"
                    });
                    open_meeting_button_ui(ui, item.meeting, "Open", commands);
                });
            }
            for item in promised {
                ui.horizontal(|ui| {
                    let time = item
                        .time
                        .map(|t| t.format(" %H:%M").to_string())
                        .unwrap_or_default();
                    ui.label(format!("{}{time}", day_text(item.day, now)));
                    person_link_ui(ui, project, item.person, commands);
                    ui.label(format!("committed to {}", item.action));
                    if !item.place.is_empty() {
                        ui.weak(format!("at {}", item.place));
                    }
                    open_meeting_button_ui(ui, item.meeting, "Open", commands);
                });
            }
        },
    );
}

fn unresolved_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let items = commitments_unresolved(project, now);
    section_ui(
        ui,
        "Commitments to check",
        items.len(),
        "Every past commitment is marked kept or not kept.",
        |ui| {
            for item in items {
                ui.horizontal(|ui| {
                    ui.label(day_text(item.day, now));
                    person_link_ui(ui, project, item.person, commands);
                    ui.label(format!("said yes to {}", item.action));
                    if ui.small_button("Kept").clicked() {
                        commands.push(Command::RecordKept(item.meeting, Kept::Kept));
                    }
                    if ui.small_button("Not kept").clicked() {
                        commands.push(Command::RecordKept(item.meeting, Kept::NotKept));
                    }
                });
            }
        },
    );
}

fn waiting_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let items = waiting_asks(project, now);
    section_ui(
        ui,
        "Asks waiting for an answer",
        items.len(),
        "No ask is waiting.",
        |ui| {
            for item in items {
                ui.horizontal(|ui| {
                    person_link_ui(ui, project, item.person, commands);
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
                    open_meeting_button_ui(ui, item.meeting, "Open", commands);
                });
            }
        },
    );
}

fn referred_ui(ui: &mut Ui, project: &Project, now: NaiveDateTime, commands: &mut Commands) {
    let items = referred_not_contacted(project, now);
    section_ui(
        ui,
        "Referred, not yet contacted",
        items.len(),
        "Everyone introduced to you has a meeting.",
        |ui| {
            for item in items {
                ui.horizontal(|ui| {
                    person_link_ui(ui, project, item.person, commands);
                    ui.weak("introduced by");
                    person_link_ui(ui, project, item.introduced_by, commands);
                    if let Some(since) = item.since {
                        ui.weak(format!("on {}", since.format("%-d %b")));
                    }
                    if ui.small_button("Plan a one-to-one").clicked() {
                        commands.push(Command::NewMeeting(item.person));
                    }
                });
            }
        },
    );
}

fn quiet_ui(
    ui: &mut Ui,
    project: &Project,
    now: NaiveDateTime,
    state: &mut DashboardView,
    commands: &mut Commands,
) {
    let items = gone_quiet(project, now, state.quiet_days);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.heading(format!("Gone quiet ({})", items.len()));
        let label = ui.label("no contact for");
        ui.add(
            egui::DragValue::new(&mut state.quiet_days)
                .range(1..=365)
                .suffix(" days"),
        )
        .labelled_by(label.id);
    });
    if items.is_empty() {
        ui.weak("Everyone you have met heard from you recently.");
    }
    for item in items {
        ui.horizontal(|ui| {
            person_link_ui(ui, project, item.person, commands);
            ui.weak(format!(
                "last contact {} ({} days)",
                item.last_contact.format("%-d %b"),
                item.days
            ));
            if ui.small_button("Plan a one-to-one").clicked() {
                commands.push(Command::NewMeeting(item.person));
            }
        });
    }
}
