//! The organizing sentence, the targets and the reflection page.

use egui::Ui;

use crate::model::{Edit, Project, ProjectInfo};
use crate::ui::widgets::{FieldChanges, labelled_line_ui, labelled_multiline_ui};
use crate::ui::{Command, Commands};

pub(super) fn sentence_ui(ui: &mut Ui, project: &Project, commands: &mut Commands) {
    let mut draft: ProjectInfo = project.info.clone();
    let mut changes = FieldChanges::new();
    ui.heading("Project");
    let response = labelled_line_ui(ui, "Project name", &mut draft.name);
    changes.track("name", &response);
    ui.add_space(12.0);
    ui.heading("Organizing sentence");
    ui.weak("We are organizing WHO to WHAT by HOW, because WHY, WHEN.");
    let sentence = &mut draft.sentence;
    let labels = crate::query::everything::SENTENCE_LABELS;
    for ((label, field), text) in labels
        .into_iter()
        .zip(["who", "what", "how", "why", "when"])
        .zip([
            &mut sentence.who,
            &mut sentence.what,
            &mut sentence.how,
            &mut sentence.why,
            &mut sentence.when,
        ])
    {
        let response = labelled_line_ui(ui, label, text);
        changes.track(field, &response);
    }
    ui.add_space(12.0);
    ui.heading("Targets");
    ui.horizontal(|ui| {
        let label = ui.label("Leadership candidates");
        let response = ui
            .add(egui::DragValue::new(&mut draft.goals.leadership_candidates).range(0..=500))
            .labelled_by(label.id);
        changes.track("candidate target", &response);
        let label = ui.label("One-to-ones");
        let response = ui
            .add(egui::DragValue::new(&mut draft.goals.one_to_ones).range(0..=5000))
            .labelled_by(label.id);
        changes.track("one-to-one target", &response);
    });
    ui.add_space(12.0);
    ui.heading("Reflection");
    let response = labelled_multiline_ui(
        ui,
        "Debrief",
        "What worked, what did not, what you will try next",
        &mut draft.reflection.debrief,
    );
    changes.track("debrief", &response);
    let response = labelled_multiline_ui(
        ui,
        "Story of us",
        "Who we are, what we share, why now",
        &mut draft.reflection.story_of_us,
    );
    changes.track("story of us", &response);
    if let Some(field) = changes.field
        && draft != project.info
    {
        commands.push(Command::Edit {
            label: format!("Edit the project's {field}"),
            merge: Some(format!("info:{field}")),
            edit: Edit::SetInfo(Box::new(draft)),
        });
    }
    if changes.lost_focus {
        commands.push(Command::EndTyping);
    }
}
