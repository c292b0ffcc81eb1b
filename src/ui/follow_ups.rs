//! Follow-up rows shared by the meeting editor, the person editor and the
//! dashboard: done, who owes it and when it is due, each editable in place,
//! and a form that adds one.

use chrono::NaiveDate;
use egui::Ui;

use crate::model::{FollowUp, FollowUpHolder, Owner, PersonId, Project};
use crate::ui::widgets::FieldChanges;
use crate::ui::{Command, Commands};

/// A follow-up being written, before it is added.
#[derive(Clone, Debug, Default)]
pub struct NewFollowUp {
    /// What is to be done.
    pub what: String,
    /// Who owes it.
    pub owner: Owner,
    /// When it is due; `None` until a day is chosen (the default applies).
    pub due: Option<NaiveDate>,
}

/// The owners a follow-up about `them` can have: me, them, and each
/// teammate on the leadership team.
fn owners(project: &Project, them: Option<PersonId>) -> Vec<Owner> {
    let mut owners = vec![Owner::Me];
    if them.is_some_and(|id| id != project.me) {
        owners.push(Owner::Them);
    }
    owners.extend(
        project
            .teammates()
            .filter(|id| Some(*id) != them)
            .map(Owner::Teammate),
    );
    owners
}

/// "Me", the person's name, or the teammate's name.
fn owner_name(project: &Project, owner: Owner, them: Option<PersonId>) -> String {
    match (owner, them) {
        (Owner::Me, _) => "Me".to_owned(),
        (Owner::Them, Some(id)) => project.name_of(id).to_owned(),
        (Owner::Them, None) => "Them".to_owned(),
        (Owner::Teammate(id), _) => project.name_of(id).to_owned(),
    }
}

/// A choice of owner, named "Owed by" with its value so a screen reader
/// hears who. Returns whether it changed.
pub fn owner_ui(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    project: &Project,
    them: Option<PersonId>,
    owner: &mut Owner,
) -> bool {
    let before = *owner;
    let shown = owner_name(project, *owner, them);
    let response = egui::ComboBox::from_id_salt(("follow-up owner", salt))
        .selected_text(crate::ui::widgets::shortened(&shown, 24).into_owned())
        .show_ui(ui, |ui| {
            for choice in owners(project, them) {
                let name = owner_name(project, choice, them);
                ui.selectable_value(owner, choice, name);
            }
        })
        .response;
    let spoken = format!("Owed by: {shown}");
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &spoken));
    crate::ui::widgets::announce_value(ui, &response, &shown);
    *owner != before
}

/// The follow-ups of a record, each with done, owner and due day editable;
/// changes land in `items` and are noted in `changes`.
pub fn rows_ui(
    ui: &mut Ui,
    project: &Project,
    them: Option<PersonId>,
    items: &mut [FollowUp],
    today: NaiveDate,
    changes: &mut FieldChanges,
) {
    for item in items.iter_mut() {
        ui.horizontal_wrapped(|ui| {
            let response = ui.checkbox(&mut item.done, item.what.as_str());
            crate::ui::reveal::offer(ui, &item.what, &response);
            if response.changed() {
                changes.field = Some("follow-up");
                changes.lost_focus = true;
            }
            ui.weak("owed by");
            // A choice is one step of its own: the next one, even of the
            // same kind on another follow-up, is undone apart.
            if owner_ui(ui, item.id, project, them, &mut item.owner) {
                changes.field = Some("follow-up owner");
                changes.lost_focus = true;
            }
            ui.weak("due");
            let mut due = item.due.unwrap_or(today);
            let name = format!("Due date of {}", item.what);
            if crate::ui::date_time::date_ui(ui, &name, &mut due, today) {
                item.due = Some(due);
                changes.field = Some("follow-up due date");
                changes.lost_focus = true;
            }
            if !item.done && item.due.is_some_and(|d| d < today) {
                ui.colored_label(ui.visuals().warn_fg_color, "overdue");
            }
        });
    }
}

/// The form that adds a follow-up to `holder`: what, who owes it, when.
pub fn add_ui(
    ui: &mut Ui,
    project: &Project,
    holder: FollowUpHolder,
    them: Option<PersonId>,
    draft: &mut NewFollowUp,
    today: NaiveDate,
    commands: &mut Commands,
) {
    let label = ui.label("New follow-up");
    let response = ui
        .add(egui::TextEdit::singleline(&mut draft.what).hint_text("what, e.g. send the flyer"))
        .labelled_by(label.id);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let what = draft.what.trim().to_owned();
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        ui.weak("owed by");
        owner_ui(ui, ("new", holder), project, them, &mut draft.owner);
        ui.weak("due");
        let mut due = draft.due.unwrap_or_else(|| {
            crate::meeting::rules::default_follow_up_due(project, holder, today)
        });
        if crate::ui::date_time::date_ui(ui, "Due date of the new follow-up", &mut due, today) {
            draft.due = Some(due);
        }
        add = ui
            .add_enabled(!what.is_empty(), egui::Button::new("Add follow-up"))
            .on_disabled_hover_text("Write what is to be done first")
            .clicked();
    });
    if (add || entered) && !what.is_empty() {
        commands.push(Command::AddFollowUp {
            to: holder,
            what,
            owner: draft.owner,
            due: draft.due,
        });
        *draft = NewFollowUp::default();
    }
}

/// The follow-ups of one record, as an editor shows them.
pub struct Kept<'a> {
    /// Where they are kept.
    pub holder: FollowUpHolder,
    /// The person they are about, if not the organizer.
    pub them: Option<PersonId>,
    /// The record's follow-ups (in its draft).
    pub items: &'a mut [FollowUp],
    /// Shown when there are none yet.
    pub empty: &'static str,
}

/// "Follow-ups", each row editable, then the form that adds one.
pub fn section_ui(
    ui: &mut Ui,
    project: &Project,
    kept: Kept<'_>,
    (draft, today): (&mut NewFollowUp, NaiveDate),
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    ui.strong("Follow-ups");
    if kept.items.is_empty() {
        ui.weak(kept.empty);
    }
    rows_ui(ui, project, kept.them, kept.items, today, changes);
    add_ui(ui, project, kept.holder, kept.them, draft, today, commands);
}
