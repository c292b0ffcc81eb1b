//! The person editor: every profile field, and who introduced whom.

use egui::{ScrollArea, Ui};

use crate::model::{Edit, Person, PersonId, PersonLinks, Project, Stage, parse_tags};

use super::widgets::{FieldChanges, labelled_line_ui, labelled_multiline_ui, person_picker_ui};
use super::{Command, Commands, Revision};

/// Editor state that is not part of the project.
#[derive(Default)]
pub struct PersonEditor {
    /// Put the cursor in the name field on the next frame (a new person).
    pub focus_name: bool,
    /// The name as it was when the cursor entered the name field, kept
    /// if the field is left blank.
    name_before: String,
    /// The tags as typed, so "a, " is not reformatted mid-word.
    tags_text: String,
    /// Text typed to find an introducer.
    introducer_search: String,
    /// The person shown last frame: another one opens at the top.
    shown: Option<PersonId>,
    /// Links of the shown person, computed once per revision.
    links: crate::memo::Memo<(PersonId, Revision), PersonLinks>,
    /// The contact being logged.
    contact: crate::ui::contact_log::ContactDraft,
    /// A follow-up being written.
    new_follow_up: crate::ui::follow_ups::NewFollowUp,
}

impl PersonEditor {
    fn links(&mut self, project: &Project, id: PersonId, revision: Revision) -> PersonLinks {
        self.links
            .get_or_compute((id, revision), || project.links_of(id))
            .clone()
    }
}

/// Draws the editor for `id`.
pub fn person_editor_ui(
    ui: &mut Ui,
    project: &Project,
    (id, revision): (PersonId, Revision),
    now: chrono::NaiveDateTime,
    editor: &mut PersonEditor,
    commands: &mut Commands,
) {
    let Some(person) = project.person(id) else {
        ui.label("This person no longer exists.");
        return;
    };
    let mut draft = person.clone();
    let mut changes = FieldChanges::new();
    header_ui(ui, project, &draft, commands);
    let area = ScrollArea::vertical().id_salt("person_editor_scroll");
    let area = super::widgets::top_when_new(area, &mut editor.shown, id);
    area.auto_shrink(false).show(ui, |ui| {
        contact_ui(ui, project, &mut draft, editor, &mut changes, commands);
        ui.add_space(8.0);
        let links = editor.links(project, id, revision);
        introductions_ui(
            ui,
            project,
            id,
            &links,
            &mut editor.introducer_search,
            commands,
        );
        if id != project.me {
            ui.add_space(8.0);
            crate::ui::contact_log::contact_log_ui(ui, person, now, &mut editor.contact, commands);
        }
        ui.add_space(8.0);
        profile_ui(ui, &mut draft, &mut changes);
        ui.add_space(8.0);
        meetings_ui(ui, project, &links, commands);
        ui.add_space(8.0);
        person_follow_ups_ui(
            ui,
            project,
            &mut draft,
            now.date(),
            editor,
            &mut changes,
            commands,
        );
        match draft.created {
            Some(day) => ui.weak(format!("Added {}", crate::dates::style().date(day))),
            None => ui.weak("Date added unknown"),
        };
        if id != project.me && ui.button("Plan a one-to-one").clicked() {
            commands.push(Command::NewMeeting(id));
        }
        ui.add_space(8.0);
        let deletable = id != project.me;
        if ui
            .add_enabled(
                deletable,
                super::widgets::destructive_button(ui, "Delete person…"),
            )
            .on_disabled_hover_text("Your own record cannot be deleted")
            .clicked()
        {
            commands.push(Command::AskDeletePerson(id));
        }
        if ui
            .add_enabled(
                deletable,
                super::widgets::destructive_button(ui, "Forget this person…"),
            )
            .on_hover_text(
                "Remove every trace of them, also from the saved file, its backup and \
                 recovery copies; cannot be undone",
            )
            .on_disabled_hover_text("Your own record cannot be forgotten")
            .clicked()
        {
            commands.push(Command::AskForgetPerson(id));
        }
        crate::ui::focus::follow_focus(ui);
    });
    if let Some(field) = changes.field
        && draft != *person
    {
        commands.push(Command::Edit {
            label: format!("Edit {}'s {field}", draft.display_name()),
            merge: Some(format!("{id}:{field}")),
            edit: Edit::PutPerson(Box::new(draft)),
        });
    }
    if changes.lost_focus {
        commands.push(Command::EndTyping);
    }
}

/// Follow-ups kept on the person (outside any meeting), editable, and a
/// form to add one.
fn person_follow_ups_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Person,
    today: chrono::NaiveDate,
    editor: &mut PersonEditor,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    let kept = crate::ui::follow_ups::Kept {
        holder: crate::model::FollowUpHolder::Person(draft.id),
        them: (draft.id != project.me).then_some(draft.id),
        items: &mut draft.follow_ups,
        empty: "none outside meetings",
    };
    let new = (&mut editor.new_follow_up, today);
    crate::ui::follow_ups::section_ui(ui, project, kept, new, changes, commands);
}

/// The person's one-to-ones, each opening the meeting editor (and its ask).
fn meetings_ui(ui: &mut Ui, project: &Project, links: &PersonLinks, commands: &mut Commands) {
    ui.strong("One-to-ones");
    if links.meetings_with.is_empty() {
        ui.weak("none yet");
    }
    for meeting in links
        .meetings_with
        .iter()
        .filter_map(|m| project.meetings.get(m))
    {
        let when = meeting.start.map_or_else(
            || "No date".to_owned(),
            |s| crate::dates::style().date(s.date()),
        );
        let text = format!("{when} · {}", meeting.status.label());
        if ui.link(text).clicked() {
            commands.push(Command::OpenMeeting(meeting.id));
        }
    }
}

fn header_ui(ui: &mut Ui, project: &Project, person: &Person, commands: &mut Commands) {
    let heading = if person.id == project.me {
        format!("{} (you)", person.display_name())
    } else {
        person.display_name().to_owned()
    };
    super::widgets::heading_row_ui(ui, &heading, |ui| {
        if ui
            .button("Close")
            .on_hover_text("Close the editor")
            .clicked()
        {
            commands.push(Command::SelectPerson(None));
        }
    });
    ui.separator();
}

fn contact_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Person,
    editor: &mut PersonEditor,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    egui::Grid::new("person_contact")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            let derived = crate::model::initials_from_name(&draft.name);
            name_row_ui(ui, project, draft, editor, changes, commands);
            let label = ui.label("Initials");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.initials)
                        .hint_text(derived)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            changes.track("initials", &response);
            ui.end_row();
            changes.track("role", &labelled_line_ui(ui, "Role", &mut draft.role));
            ui.end_row();
            let response = labelled_line_ui(ui, "Organization", &mut draft.organization);
            changes.track("organization", &response);
            ui.end_row();
            changes.track("phone", &labelled_line_ui(ui, "Phone", &mut draft.phone));
            ui.end_row();
            changes.track("email", &labelled_line_ui(ui, "Email", &mut draft.email));
            ui.end_row();
            tags_row_ui(ui, draft, editor, changes);
            ui.end_row();
            stage_row_ui(ui, draft, changes);
            ui.end_row();
            ui.label("Team");
            let response = ui.checkbox(&mut draft.leadership_team, "On the leadership team");
            changes.track("leadership team", &response);
            ui.end_row();
            if draft.id != project.me {
                ui.label("Outreach");
                let response = ui
                    .checkbox(&mut draft.do_not_contact, "Do not contact")
                    .on_hover_text("Kept out of outreach lists and exports");
                changes.track("do-not-contact flag", &response);
                ui.end_row();
            }
        });
}

/// The name field, and the line under it that says what is wrong with
/// the name (always there, so fields below never move as it changes).
fn name_row_ui(
    ui: &mut Ui,
    project: &Project,
    draft: &mut Person,
    editor: &mut PersonEditor,
    changes: &mut FieldChanges,
    commands: &mut Commands,
) {
    use crate::query::names::{NAME_LIMIT, NameNote, name_note};
    let label = ui.label("Name");
    let name = ui
        .add(
            egui::TextEdit::singleline(&mut draft.name)
                .char_limit(NAME_LIMIT)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    crate::ui::reveal::offer(ui, "Name", &name);
    if std::mem::take(&mut editor.focus_name) {
        name.request_focus();
    }
    if name.gained_focus() {
        editor.name_before = draft.name.clone();
    }
    if name.lost_focus() && draft.name.trim().is_empty() && !editor.name_before.trim().is_empty() {
        draft.name = editor.name_before.clone();
        changes.field = Some("name");
        commands.push(Command::Say(format!(
            "A person needs a name: kept \"{}\"",
            crate::ui::shortened(&draft.name, 40)
        )));
    }
    changes.track("name", &name);
    ui.end_row();
    ui.label("");
    let warn = ui.visuals().warn_fg_color;
    match name_note(&draft.name, draft.id, project.people.values()) {
        Some(NameNote::Blank) => {
            ui.colored_label(warn, "A person needs a name");
        }
        Some(NameNote::AtLimit) => {
            ui.colored_label(warn, format!("Names stop at {NAME_LIMIT} characters"));
        }
        Some(NameNote::SameAs(other)) => {
            ui.horizontal(|ui| {
                ui.colored_label(warn, "Same name as");
                if super::widgets::name_link(ui, project.name_of(other)).clicked() {
                    commands.push(Command::SelectPerson(Some(other)));
                }
            });
        }
        None => {
            ui.label("");
        }
    }
    ui.end_row();
}

fn tags_row_ui(
    ui: &mut Ui,
    draft: &mut Person,
    editor: &mut PersonEditor,
    changes: &mut FieldChanges,
) {
    // Keep the typed text while it means the same tags; refresh it when the
    // tags changed elsewhere (undo, another person selected).
    if parse_tags(&editor.tags_text) != draft.tags {
        editor.tags_text = draft.tags.join(", ");
    }
    let label = ui.label("Tags");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut editor.tags_text)
                .hint_text("comma separated")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        draft.tags = parse_tags(&editor.tags_text);
    }
    changes.track("tags", &response);
    crate::ui::reveal::offer(ui, "Tags", &response);
}

fn stage_row_ui(ui: &mut Ui, draft: &mut Person, changes: &mut FieldChanges) {
    let label = ui.label("Stage");
    let before = draft.stage;
    let shown = draft.stage.label();
    let response = egui::ComboBox::from_id_salt("person_stage")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for stage in Stage::ALL {
                ui.selectable_value(&mut draft.stage, stage, stage.label())
                    .on_hover_text(stage.hint());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(draft.stage.hint());
    super::widgets::announce_value(ui, &response, shown);
    if draft.stage != before {
        changes.field = Some("stage");
    }
}

fn profile_ui(ui: &mut Ui, draft: &mut Person, changes: &mut FieldChanges) {
    let fields: [(&'static str, &str, &str, &mut String); 8] = [
        (
            "reason to build the relationship",
            "Why build this relationship",
            "What you hope to build together",
            &mut draft.reason_to_build,
        ),
        (
            "why they care",
            "Why they care",
            "What moves them on the issue",
            &mut draft.why_they_care,
        ),
        (
            "values",
            "Values",
            "What they hold dear, and where it comes from",
            &mut draft.values,
        ),
        (
            "interests",
            "Interests",
            "What they want for themselves and others",
            &mut draft.interests,
        ),
        (
            "skills and assets",
            "Skills and assets",
            "Skills, resources, relationships they bring",
            &mut draft.skills_assets,
        ),
        (
            "challenges",
            "Challenges",
            "What stands in their way",
            &mut draft.challenges,
        ),
        (
            "hopes",
            "Hopes",
            "What they hope will change",
            &mut draft.hopes,
        ),
        (
            "notes",
            "Notes",
            "Anything else worth remembering",
            &mut draft.notes,
        ),
    ];
    for (field, label, hint, text) in fields {
        changes.track(field, &labelled_multiline_ui(ui, label, hint, text));
        ui.add_space(4.0);
    }
}

fn introductions_ui(
    ui: &mut Ui,
    project: &Project,
    id: PersonId,
    links: &PersonLinks,
    introducer_search: &mut String,
    commands: &mut Commands,
) {
    ui.strong("Introduced by");
    intro_list_ui(
        ui,
        project,
        &links.introduced_by,
        |i| i.introducer,
        commands,
    );
    let introducers: Vec<PersonId> = links
        .introduced_by
        .iter()
        .filter_map(|i| project.introductions.get(i))
        .map(|i| i.introducer)
        .collect();
    let picked = person_picker_ui(ui, "Add introducer", project, introducer_search, |p| {
        p.id != id && !introducers.contains(&p.id)
    });
    if let Some(introducer) = picked {
        commands.push(Command::AddIntroduction {
            introducer,
            introduced: id,
        });
    }
    ui.add_space(6.0);
    ui.strong("People they introduced");
    intro_list_ui(ui, project, &links.introduced, |i| i.introduced, commands);
}

fn intro_list_ui(
    ui: &mut Ui,
    project: &Project,
    intros: &[crate::model::IntroductionId],
    other_end: impl Fn(&crate::model::Introduction) -> PersonId,
    commands: &mut Commands,
) {
    if intros.is_empty() {
        ui.weak("nobody yet");
        return;
    }
    for intro in intros.iter().filter_map(|i| project.introductions.get(i)) {
        let other = other_end(intro);
        intro_row_ui(ui, project, intro, other, commands);
        intro_note_ui(ui, project, intro, commands);
    }
}

/// The other person, the date and Remove.
fn intro_row_ui(
    ui: &mut Ui,
    project: &Project,
    intro: &crate::model::Introduction,
    other: PersonId,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        if crate::ui::widgets::name_link(ui, project.name_of(other)).clicked() {
            commands.push(Command::SelectPerson(Some(other)));
        }
        if let Some(date) = intro.date {
            ui.weak(crate::dates::style().date(date));
        }
        let remove = ui
            .small_button("Remove")
            .on_hover_text("Delete this introduction");
        if remove.clicked() {
            commands.push(Command::Edit {
                edit: Edit::RemoveIntroduction(intro.id),
                label: "Remove introduction".into(),
                merge: None,
            });
        }
    });
}

/// How the two know each other, editable in place.
fn intro_note_ui(
    ui: &mut Ui,
    project: &Project,
    intro: &crate::model::Introduction,
    commands: &mut Commands,
) {
    let (introducer, introduced) = (
        project.name_of(intro.introducer),
        project.name_of(intro.introduced),
    );
    let name = crate::query::everything::introduction_note_label(introducer, introduced);
    let mut note = intro.note.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut note)
                .hint_text("how they know each other")
                .desired_width(f32::INFINITY),
        )
        .on_hover_text("How they know each other");
    super::widgets::name_text_field(&response, &name, &note);
    crate::ui::reveal::offer(ui, &name, &response);
    if response.changed() {
        let mut changed = intro.clone();
        changed.note = note;
        commands.push(Command::Edit {
            label: format!("Edit the note on how {introducer} introduced {introduced}"),
            merge: Some(format!("intro{}:note", intro.id)),
            edit: Edit::PutIntroduction(Box::new(changed)),
        });
    }
    if response.lost_focus() {
        commands.push(Command::EndTyping);
    }
}
