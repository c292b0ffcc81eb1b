//! The organizing sentence, the targets and the reflection page.

use egui::Ui;

use chrono::NaiveDate;

use crate::model::{DebriefAnswer, DebriefPrompt, Edit, Project, ProjectInfo};
use crate::ui::widgets::{FieldChanges, labelled_line_ui, labelled_multiline_ui};
use crate::ui::{Command, Commands};

/// Answers being written to the debrief prompts, one per prompt.
#[derive(Default)]
pub(super) struct DebriefDrafts {
    texts: std::collections::BTreeMap<DebriefPrompt, String>,
}

pub(super) fn sentence_ui(
    ui: &mut Ui,
    project: &Project,
    today: NaiveDate,
    drafts: &mut DebriefDrafts,
    commands: &mut Commands,
) {
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
        crate::ui::widgets::name_control(ui, &response, "Target of leadership candidates, people");
        changes.track("candidate target", &response);
        let label = ui.label("One-to-ones");
        let response = ui
            .add(egui::DragValue::new(&mut draft.goals.one_to_ones).range(0..=5000))
            .labelled_by(label.id);
        crate::ui::widgets::name_control(ui, &response, "Target of one-to-ones, meetings");
        changes.track("one-to-one target", &response);
    });
    ui.add_space(12.0);
    debrief_prompts_ui(ui, project, today, drafts, commands);
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

/// Earlier answers shown under each prompt; older ones stay in the file.
const ANSWERS_SHOWN: usize = 3;

/// The leadership team's debrief: each prompt with a box for today's
/// answer and the answers kept before, newest first.
fn debrief_prompts_ui(
    ui: &mut Ui,
    project: &Project,
    today: NaiveDate,
    drafts: &mut DebriefDrafts,
    commands: &mut Commands,
) {
    ui.heading("Team debrief");
    ui.weak(
        "After a round of one-to-ones, answer these together. Each answer is kept with its day.",
    );
    for prompt in DebriefPrompt::ALL {
        ui.add_space(6.0);
        ui.strong(prompt.title());
        let text = drafts.texts.entry(prompt).or_default();
        let response = labelled_multiline_ui(ui, prompt.question(), "", text);
        crate::ui::reveal::offer(ui, prompt.title(), &response);
        let typed = text.trim().to_owned();
        let keep = ui
            .add_enabled(!typed.is_empty(), egui::Button::new("Keep this answer"))
            .on_disabled_hover_text("Write the answer first");
        keep.widget_info(|| {
            let name = format!("Keep this answer: {}", prompt.title());
            egui::WidgetInfo::labeled(egui::Role::Button, !typed.is_empty(), &name)
        });
        if keep.clicked() {
            let mut info = project.info.clone();
            info.reflection.answers.push(DebriefAnswer {
                prompt,
                day: today,
                text: typed,
            });
            commands.push(Command::Edit {
                label: format!("Keep the debrief answer: {}", prompt.title()),
                merge: None,
                edit: Edit::SetInfo(Box::new(info)),
            });
            text.clear();
        }
        earlier_answers_ui(ui, project, prompt);
    }
}

fn earlier_answers_ui(ui: &mut Ui, project: &Project, prompt: DebriefPrompt) {
    let answers: Vec<&DebriefAnswer> = project
        .info
        .reflection
        .answers
        .iter()
        .filter(|a| a.prompt == prompt)
        .collect();
    let style = crate::dates::style();
    for answer in answers.iter().rev().take(ANSWERS_SHOWN) {
        ui.horizontal_wrapped(|ui| {
            ui.weak(style.date(answer.day));
            ui.label(&answer.text);
        });
    }
    if answers.len() > ANSWERS_SHOWN {
        ui.weak(format!(
            "and {}",
            crate::words::count(
                answers.len() - ANSWERS_SHOWN,
                "earlier answer",
                "earlier answers"
            )
        ));
    }
}
