//! The meeting editor: details, the checklist, themed notes, the ask,
//! referrals and follow-ups.

use chrono::{NaiveDate, NaiveDateTime};
use egui::{CollapsingHeader, ScrollArea, Ui};

use crate::meeting::checklist::{self, Section};
use crate::meeting::questions::NoteField;
use crate::meeting::rules;
use crate::model::{
    Edit, IntroductionId, Meeting, MeetingId, MeetingKind, MeetingStatus, Project, SetupChannel,
};

use super::date_time::{date_ui, time_ui};
use super::widgets::{FieldChanges, person_picker_ui};
use super::{Command, Commands, Revision};

/// Editor state that is not part of the project.
#[derive(Default)]
pub struct MeetingEditor {
    /// Name typed as a referral.
    referral_name: String,
    /// A follow-up being written.
    new_follow_up: crate::ui::follow_ups::NewFollowUp,
    /// Lookups over the whole project, redone only when it changes.
    derived: crate::memo::Memo<(Revision, MeetingId), Derived>,
    /// The meeting shown last frame: another one opens at the top.
    shown: Option<MeetingId>,
}

/// What the editor needs from the whole project, cached per revision.
#[derive(Clone, Default)]
struct Derived {
    /// Places used before, most used first.
    places: Vec<String>,
    /// Introductions made in this meeting.
    referrals: Vec<IntroductionId>,
}

impl MeetingEditor {
    fn derived(&mut self, project: &Project, id: MeetingId, revision: Revision) -> Derived {
        self.derived
            .get_or_compute((revision, id), || Derived {
                places: crate::ask::places_used(project),
                referrals: project
                    .introductions
                    .values()
                    .filter(|i| i.meeting == Some(id))
                    .map(|i| i.id)
                    .collect(),
            })
            .clone()
    }
}

/// Draws the editor for meeting `id`.
pub fn meeting_editor_ui(
    ui: &mut Ui,
    project: &Project,
    id: MeetingId,
    revision: Revision,
    now: NaiveDateTime,
    editor: &mut MeetingEditor,
    commands: &mut Commands,
) {
    let today = now.date();
    let Some(meeting) = project.meetings.get(&id) else {
        ui.label("This meeting no longer exists.");
        return;
    };
    let mut draft = meeting.clone();
    let mut changes = FieldChanges::new();
    let derived = editor.derived(project, id, revision);
    header_ui(ui, project, meeting, now, commands);
    let area = ScrollArea::vertical().id_salt("meeting_editor_scroll");
    let area = super::widgets::top_when_new(area, &mut editor.shown, id);
    area.auto_shrink(false).show(ui, |ui| {
        details_ui(ui, project, &mut draft, today, &mut changes);
        for section in Section::ALL {
            checklist_section_ui(
                ui,
                &mut draft,
                section,
                &mut changes,
                |ui, draft, changes| {
                    let context = SectionContext {
                        project,
                        derived: &derived,
                        today,
                    };
                    section_extras_ui(ui, &context, draft, section, editor, changes, commands);
                },
            );
        }
        crate::ui::focus::follow_focus(ui);
    });
    if let Some(field) = changes.field
        && draft != *meeting
    {
        rules::follow_checklist(meeting, &mut draft);
        commands.push(Command::Edit {
            label: format!("Edit meeting {field}"),
            merge: Some(format!("{id}:{field}")),
            edit: Edit::PutMeeting(Box::new(draft)),
        });
    }
    if changes.lost_focus {
        commands.push(Command::EndTyping);
    }
}

fn header_ui(
    ui: &mut Ui,
    project: &Project,
    meeting: &Meeting,
    now: NaiveDateTime,
    commands: &mut Commands,
) {
    let heading = format!("One-to-one with {}", project.name_of(meeting.person));
    super::widgets::heading_row_ui(ui, &heading, |ui| {
        // Right to left: Prep card ends the row.
        if ui.button("Prep card").clicked() {
            commands.push(Command::ShowPrepCard(meeting.id));
        }
        if ui.button("Open profile").clicked() {
            commands.push(Command::OpenPerson(meeting.person));
        }
    });
    ui.horizontal(|ui| {
        ui.label("Status");
        for status in MeetingStatus::ALL {
            if ui
                .selectable_label(meeting.status == status, status.label())
                .clicked()
                && meeting.status != status
            {
                commands.push(Command::SetMeetingStatus(meeting.id, status));
            }
        }
    });
    if let Some(warning) = rules::date_warning(meeting, now) {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    let (done, total) = checklist::progress(&meeting.checklist, None);
    let text = format!("Checklist: {done} of {total} done");
    super::widgets::progress_ui(
        ui,
        "Checklist done",
        (done, total),
        super::widgets::progress_bar(ratio(done, total)).text(text),
    );
    ui.separator();
}

fn ratio(done: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    }
}

fn details_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Meeting,
    today: NaiveDate,
    changes: &mut FieldChanges,
) {
    egui::Grid::new("meeting_details")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            conducted_by_ui(ui, project, draft, changes);
            ui.end_row();
            kind_ui(ui, draft, changes);
            ui.end_row();
            when_ui(ui, draft, today, changes);
            ui.end_row();
            let label = ui.label("Length (minutes)");
            // The warning sits beside the value, so nothing below moves.
            ui.horizontal(|ui| {
                let response = ui
                    .add(
                        egui::DragValue::new(&mut draft.duration_minutes)
                            .range(5..=240)
                            .speed(1),
                    )
                    .labelled_by(label.id);
                changes.track("length", &response);
                if let Some(warning) = rules::duration_warning(draft.duration_minutes) {
                    ui.colored_label(ui.visuals().warn_fg_color, warning);
                }
            });
            ui.end_row();
            let label = ui.label("Place");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.place)
                        .hint_text("a quiet place to sit down")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            changes.track("place", &response);
            crate::ui::reveal::offer(ui, "Place", &response);
            ui.end_row();
            // One line under the place either way: a warning while empty,
            // a tip once set, so typing never moves the fields below.
            ui.label("");
            match rules::place_warning(&draft.place) {
                Some(warning) => ui.colored_label(ui.visuals().warn_fg_color, warning),
                None => ui.weak("Quiet, and where you can sit face to face"),
            };
            ui.end_row();
            setup_ui(ui, draft, changes);
            ui.end_row();
            let label = ui.label("Purpose");
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut draft.purpose)
                        .hint_text("Why you asked for this time, in one or two sentences")
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            changes.track("purpose", &response);
            crate::ui::reveal::offer(ui, "Purpose", &response);
            ui.end_row();
        });
}

fn conducted_by_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Meeting,
    changes: &mut FieldChanges,
) {
    let label = ui.label("Held by");
    let before = draft.conducted_by;
    let name = |id| {
        if id == project.me {
            format!("{} (me)", project.name_of(id))
        } else {
            project.name_of(id).to_owned()
        }
    };
    let shown = name(draft.conducted_by);
    let response = egui::ComboBox::from_id_salt("conducted_by")
        .selected_text(shown.clone())
        .show_ui(ui, |ui| {
            let team = project
                .people
                .values()
                .filter(|p| p.id == project.me || p.leadership_team);
            for person in team {
                ui.selectable_value(&mut draft.conducted_by, person.id, name(person.id));
            }
        })
        .response
        .labelled_by(label.id);
    super::widgets::announce_value(ui, &response, &shown);
    if draft.conducted_by != before {
        changes.field = Some("holder");
    }
}

fn kind_ui(ui: &mut Ui, draft: &mut Meeting, changes: &mut FieldChanges) {
    let label = ui.label("Kind");
    let before = draft.kind;
    let shown = draft.kind.label();
    let response = egui::ComboBox::from_id_salt("meeting_kind")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for kind in MeetingKind::ALL {
                ui.selectable_value(&mut draft.kind, kind, kind.label());
            }
        })
        .response
        .labelled_by(label.id);
    super::widgets::announce_value(ui, &response, shown);
    if draft.kind != before {
        changes.field = Some("kind");
    }
}

fn setup_ui(ui: &mut Ui, draft: &mut Meeting, changes: &mut FieldChanges) {
    let label = ui.label("Reached out by");
    let before = draft.setup;
    let shown = draft.setup.map_or("Not yet", SetupChannel::label);
    let response = egui::ComboBox::from_id_salt("meeting_setup")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut draft.setup, None, "Not yet");
            for channel in SetupChannel::ALL {
                ui.selectable_value(&mut draft.setup, Some(channel), channel.label());
            }
        })
        .response
        .labelled_by(label.id);
    super::widgets::announce_value(ui, &response, shown);
    if draft.setup != before {
        changes.field = Some("setup");
    }
}

/// Date and time; a meeting without a date gets one with a button.
fn when_ui(ui: &mut Ui, draft: &mut Meeting, today: NaiveDate, changes: &mut FieldChanges) {
    ui.label("When");
    ui.horizontal(|ui| match draft.start {
        None => {
            if ui.button("Set date and time").clicked() {
                draft.start = Some(crate::ask::default_meeting_start(today));
                changes.field = Some("date");
            }
        }
        Some(start) => {
            let mut date = start.date();
            let mut time = start.time();
            if date_ui(ui, "Meeting date", &mut date, today) {
                changes.field = Some("date");
            }
            if time_ui(ui, "Meeting time", &mut time) {
                changes.field = Some("time");
            }
            draft.start = Some(date.and_time(time));
            if let Some(due) = rules::confirm_call_due(draft) {
                ui.weak(format!(
                    "Confirm by phone on {}",
                    crate::dates::style().day(due)
                ));
            }
        }
    });
}

fn checklist_section_ui(
    ui: &mut Ui,
    draft: &mut Meeting,
    section: Section,
    changes: &mut FieldChanges,
    extras: impl FnOnce(&mut Ui, &mut Meeting, &mut FieldChanges),
) {
    let (done, total) = checklist::progress(&draft.checklist, Some(section));
    CollapsingHeader::new(format!("{} ({done} of {total})", section.label()))
        .id_salt(section.label())
        .default_open(true)
        .open(crate::ui::reveal::is_pending(ui.ctx()).then_some(true))
        .show(ui, |ui| {
            super::widgets::progress_ui(
                ui,
                &format!("{} done", section.label()),
                (done, total),
                super::widgets::progress_bar(ratio(done, total)).desired_height(6.0),
            );
            for item in checklist::items(section) {
                let mut ticked = draft.checklist.contains(item.key);
                let label = match (item.key, draft.setup) {
                    // The tick goes with the channel: "Reached out by phone".
                    (rules::ticks::REACHED_OUT, Some(channel)) => {
                        format!("{} by {}", item.label, channel.label().to_lowercase())
                    }
                    _ => item.label.to_owned(),
                };
                let response = ui
                    .horizontal_wrapped(|ui| {
                        let response = ui.checkbox(&mut ticked, label);
                        ui.weak(item.hint);
                        response
                    })
                    .inner;
                if response.changed() {
                    if ticked {
                        draft.checklist.insert(item.key.to_owned());
                    } else {
                        draft.checklist.remove(item.key);
                    }
                    changes.field = Some("checklist");
                }
            }
            ui.add_space(6.0);
            extras(ui, draft, changes);
        });
}

/// Read-only inputs of the section extras.
struct SectionContext<'a> {
    project: &'a Project,
    derived: &'a Derived,
    today: NaiveDate,
}

fn section_extras_ui(
    ui: &mut Ui,
    context: &SectionContext<'_>,
    draft: &mut Meeting,
    section: Section,
    editor: &mut MeetingEditor,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    match section {
        Section::Before => {}
        Section::During => {
            let project = context.project;
            let places = &context.derived.places;
            notes_ui(ui, project, draft, changes, commands);
            let today = context.today;
            super::ask_builder::ask_builder_ui(
                ui, project, places, draft, today, changes, commands,
            );
            let referrals = &context.derived.referrals;
            referrals_ui(ui, project, referrals, draft, editor, commands);
        }
        Section::After => follow_ups_ui(ui, context, draft, editor, changes, commands),
    }
}

fn notes_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Meeting,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    ui.strong("What you learned");
    for field in NoteField::ALL {
        let label = ui.label(field.label());
        let response = ui
            .add(
                egui::TextEdit::multiline(field.get_mut(&mut draft.notes))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        changes.track(field.label(), &response);
        crate::ui::reveal::offer(ui, field.label(), &response);
    }
    let name = project.name_of(draft.person);
    if ui
        .button(format!("Add what you learned to {name}'s profile"))
        .on_hover_text("Appends, dated; nothing in the profile is replaced")
        .clicked()
    {
        commands.push(Command::CopyNotesToProfile(draft.id));
    }
}

fn referrals_ui(
    ui: &mut Ui,
    project: &Project,
    referrals: &[IntroductionId],
    draft: &Meeting,
    editor: &mut MeetingEditor,
    commands: &mut Commands,
) {
    ui.add_space(6.0);
    ui.strong("Who else should I talk to?");
    let named: Vec<_> = referrals
        .iter()
        .filter_map(|i| project.introductions.get(i))
        .collect();
    if named.is_empty() {
        ui.weak("No one named yet");
    }
    for intro in named {
        ui.horizontal(|ui| {
            if crate::ui::widgets::name_link(ui, project.name_of(intro.introduced)).clicked() {
                commands.push(Command::OpenPerson(intro.introduced));
            }
            ui.weak(
                project
                    .person(intro.introduced)
                    .map_or("", |p| p.stage.label()),
            );
        });
    }
    let person = draft.person;
    let picked = person_picker_ui(
        ui,
        "Referred person",
        project,
        &mut editor.referral_name,
        |p| p.id != person,
    );
    if let Some(existing) = picked {
        commands.push(Command::AddReferral(
            draft.id,
            rules::Referral::Existing(existing),
        ));
    }
    let typed = editor.referral_name.trim().to_owned();
    if !typed.is_empty()
        && ui
            .button(format!("Add \"{typed}\" as a new person"))
            .clicked()
    {
        commands.push(Command::AddReferral(draft.id, rules::Referral::New(typed)));
        editor.referral_name.clear();
    }
}

fn follow_ups_ui(
    ui: &mut Ui,
    context: &SectionContext<'_>,
    draft: &mut Meeting,
    editor: &mut MeetingEditor,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    let kept = crate::ui::follow_ups::Kept {
        holder: crate::model::FollowUpHolder::Meeting(draft.id),
        them: Some(draft.person),
        items: &mut draft.follow_ups,
        empty: "none yet",
    };
    let new = (&mut editor.new_follow_up, context.today);
    crate::ui::follow_ups::section_ui(ui, context.project, kept, new, changes, commands);
}
