//! File → Import people: the columns step (a preview, a field per column,
//! the sheet of a workbook), the matching step (what each row would do, a
//! choice per possible duplicate) and the report. The reading, matching
//! and planning are `crate::import`; this only draws and collects choices.

use egui::{Context, RichText, Ui};

use super::dialogs::{Answer, show_wide};
use crate::import::{Decision, Field, MatchedRow, Outcome, Source};
use crate::model::{PersonId, Project};
use crate::ui::Command;
use crate::ui::widgets::shortened;

/// Rows shown in the preview of the columns step.
const PREVIEW_ROWS: usize = 6;

/// Characters of a preview cell before it is cut.
const CELL_CHARS: usize = 22;

/// Where the import dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Choosing a field per column.
    Columns,
    /// What each row would do; choices for possible duplicates.
    Matching(Vec<MatchedRow>),
}

/// Which rows the matching step lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Every row.
    #[default]
    All,
    /// Possible duplicates only.
    Choices,
    /// Updates only.
    Updates,
    /// Skipped rows only.
    Skipped,
}

/// The import dialog's state.
#[derive(Clone, Debug)]
pub struct ImportDialog {
    /// The file read.
    pub source: Source,
    /// A field per column.
    pub mapping: Vec<Field>,
    /// Whether the mapping was the one remembered for these headers.
    pub remembered: bool,
    /// Where the dialog is.
    pub step: Step,
    /// Which rows the matching step lists.
    pub show: Show,
    /// A sheet that could not be read.
    pub problem: Option<String>,
}

/// What the organizer confirmed: the rows with their decisions.
#[derive(Debug)]
pub struct ImportRun {
    /// The file's name (the tag names it).
    pub file_name: String,
    /// The headers' signature and the mapping, to remember.
    pub signature: String,
    /// The mapping used.
    pub mapping: Vec<Field>,
    /// Every row with its decision.
    pub rows: Vec<MatchedRow>,
}

impl ImportDialog {
    /// The dialog for `source`, with a remembered mapping when there is one.
    pub fn new(source: Source, remembered: Option<Vec<Field>>) -> Self {
        let guessed = crate::import::fields::guess_all(&source.table.headers);
        let fits = remembered
            .as_ref()
            .is_some_and(|fields| fields.len() == guessed.len());
        ImportDialog {
            mapping: if fits {
                remembered.unwrap_or(guessed)
            } else {
                guessed
            },
            remembered: fits,
            source,
            step: Step::Columns,
            show: Show::All,
            problem: None,
        }
    }
}

/// Draws the dialog; matching runs against `project` when Next is pressed.
pub(super) fn import_ui(ctx: &Context, dialog: &mut ImportDialog, project: &Project) -> Answer {
    let width = (ctx.content_rect().width() - 80.0).clamp(420.0, 980.0);
    show_wide(ctx, "import_people", width, |ui| {
        ui.set_min_width(width);
        super::dialogs::heading(
            ui,
            format!(
                "Import people from {}",
                shortened(&dialog.source.file_name, 60)
            ),
        );
        ui.weak(dialog.source.summary());
        match &dialog.step {
            Step::Columns => columns_ui(ui, dialog, project),
            Step::Matching(_) => matching_ui(ui, dialog, project),
        }
    })
}

fn columns_ui(ui: &mut Ui, dialog: &mut ImportDialog, project: &Project) -> Answer {
    sheet_choice_ui(ui, dialog);
    for note in &dialog.source.notes {
        ui.colored_label(ui.visuals().warn_fg_color, note);
    }
    if let Some(problem) = &dialog.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.label(if dialog.remembered {
        "Columns are set as the last time you imported a file with these headers. Check each one:"
    } else {
        "Choose what each column holds; the first rows are shown below each one:"
    });
    egui::ScrollArea::horizontal()
        .id_salt("import_columns")
        .show(ui, |ui| preview_grid_ui(ui, dialog));
    ui.add_space(8.0);
    let has_name = crate::import::maps_a_name(&dialog.mapping);
    let mut choice = Answer::Keep;
    ui.horizontal(|ui| {
        let next = ui.add_enabled(has_name, egui::Button::new("Next: match people"));
        if next.clicked() {
            let rows = crate::import::match_source(project, &dialog.source, &dialog.mapping);
            dialog.show = if rows.iter().any(MatchedRow::needs_choice) {
                Show::Choices
            } else {
                Show::All
            };
            dialog.step = Step::Matching(rows);
        }
        if ui.button("Cancel").clicked() {
            choice = Answer::Close;
        }
        if !has_name {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Choose the column with the full name, or the first and last name.",
            );
        }
    });
    choice
}

fn sheet_choice_ui(ui: &mut Ui, dialog: &mut ImportDialog) {
    let crate::import::source::SourceKind::Workbook { sheets, sheet } = &dialog.source.kind else {
        return;
    };
    if sheets.len() < 2 {
        return;
    }
    let (sheets, current) = (sheets.clone(), *sheet);
    let mut chosen = current;
    ui.horizontal(|ui| {
        ui.label("Sheet:");
        let shown = sheets.get(current).map_or("", String::as_str);
        let response = egui::ComboBox::from_id_salt("import_sheet")
            .selected_text(shortened(shown, 40).into_owned())
            .show_ui(ui, |ui| {
                for (at, name) in sheets.iter().enumerate() {
                    ui.selectable_value(&mut chosen, at, name);
                }
            })
            .response;
        let spoken = format!("Sheet: {shown}");
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &spoken)
        });
    });
    if chosen != current {
        match dialog.source.with_sheet(chosen) {
            Ok(source) => {
                *dialog = ImportDialog::new(source, None);
            }
            Err(error) => dialog.problem = Some(error),
        }
    }
}

fn preview_grid_ui(ui: &mut Ui, dialog: &mut ImportDialog) {
    let table = &dialog.source.table;
    egui::Grid::new("import_preview")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for header in &table.headers {
                ui.strong(shortened(header, CELL_CHARS));
            }
            ui.end_row();
            for (at, header) in table.headers.iter().enumerate() {
                if let Some(field) = dialog.mapping.get_mut(at) {
                    field_choice_ui(ui, header, at, field);
                }
            }
            ui.end_row();
            for row in table.rows.iter().take(PREVIEW_ROWS) {
                for at in 0..table.headers.len() {
                    let cell = row.get(at).map_or("", |c| c.trim());
                    let shown = shortened(cell.lines().next().unwrap_or(""), CELL_CHARS);
                    ui.label(shown.into_owned()).on_hover_text(cell);
                }
                ui.end_row();
            }
        });
}

fn field_choice_ui(ui: &mut Ui, header: &str, at: usize, field: &mut Field) {
    let response = egui::ComboBox::from_id_salt(("import_field", at))
        .selected_text(field.label())
        .width(150.0)
        .show_ui(ui, |ui| {
            for option in Field::ALL {
                ui.selectable_value(field, option, option.label());
            }
        })
        .response;
    let spoken = format!("{header}: {}", field.label());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &spoken));
}

/// Counts of what the rows would do, as decided now.
#[derive(Default)]
struct Tally {
    add: usize,
    update: usize,
    choices: usize,
    skip: usize,
}

fn tally(rows: &[MatchedRow]) -> Tally {
    let mut tally = Tally::default();
    for row in rows {
        if row.needs_choice() && row.decision == Decision::Skip {
            tally.choices += 1;
            continue;
        }
        match row.decision {
            Decision::Add => tally.add += 1,
            Decision::Update(_) => tally.update += 1,
            Decision::Skip => tally.skip += 1,
        }
    }
    tally
}

fn matching_ui(ui: &mut Ui, dialog: &mut ImportDialog, project: &Project) -> Answer {
    let ImportDialog {
        step: Step::Matching(rows),
        show,
        ..
    } = dialog
    else {
        return Answer::Keep;
    };
    let counts = tally(rows);
    ui.label(format!(
        "{} new · {} to update · {} possible {} to decide · {} skipped or already up to date",
        counts.add,
        counts.update,
        counts.choices,
        if counts.choices == 1 {
            "duplicate"
        } else {
            "duplicates"
        },
        counts.skip
    ));
    ui.horizontal(|ui| {
        ui.label("Show:");
        ui.selectable_value(show, Show::All, "All rows");
        ui.selectable_value(show, Show::Choices, "Possible duplicates");
        ui.selectable_value(show, Show::Updates, "Updates");
        ui.selectable_value(show, Show::Skipped, "Skipped");
    });
    let listed: Vec<usize> = (0..rows.len())
        .filter(|at| is_listed(&rows[*at], *show))
        .collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.6;
    egui::ScrollArea::vertical()
        .id_salt("import_rows")
        .max_height(360.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, listed.len(), |ui, range| {
            for at in &listed[range] {
                row_ui(ui, project, &mut rows[*at]);
                ui.separator();
            }
        });
    if listed.is_empty() {
        ui.weak("No rows of this kind.");
    }
    ui.add_space(8.0);
    let mut choice = Answer::Keep;
    let mut back = false;
    ui.horizontal(|ui| {
        let label = format!("Import: add {}, update {}", counts.add, counts.update);
        let anything = counts.add + counts.update > 0;
        if ui.add_enabled(anything, egui::Button::new(label)).clicked() {
            choice = Answer::Run(Command::Import(Box::new(ImportRun {
                file_name: String::new(),
                signature: String::new(),
                mapping: Vec::new(),
                rows: std::mem::take(rows),
            })));
        }
        back = ui.button("Back to columns").clicked();
        if ui.button("Cancel").clicked() {
            choice = Answer::Close;
        }
        if counts.choices > 0 {
            ui.weak("Possible duplicates left undecided are skipped.");
        }
    });
    if back {
        dialog.step = Step::Columns;
    }
    if let Answer::Run(Command::Import(run)) = &mut choice {
        run.file_name = dialog.source.file_name.clone();
        run.signature = crate::import::headers_signature(&dialog.source.table.headers);
        run.mapping = dialog.mapping.clone();
    }
    choice
}

fn is_listed(row: &MatchedRow, show: Show) -> bool {
    match show {
        Show::All => true,
        Show::Choices => row.needs_choice(),
        Show::Updates => matches!(row.outcome, Outcome::Update { .. }),
        Show::Skipped => matches!(row.outcome, Outcome::Skip(_) | Outcome::Unchanged(_)),
    }
}

fn row_ui(ui: &mut Ui, project: &Project, row: &mut MatchedRow) {
    let name = if row.incoming.name.is_empty() {
        "(no name)".to_owned()
    } else {
        shortened(&row.incoming.name, 48).into_owned()
    };
    ui.horizontal(|ui| {
        ui.weak(format!("line {}", row.incoming.line));
        ui.strong(name);
        let outcome = row.outcome.clone();
        match &outcome {
            Outcome::New => {
                ui.label("new");
            }
            Outcome::Unchanged(id) => {
                ui.weak(format!(
                    "already here as {}, nothing new",
                    project.name_of(*id)
                ));
            }
            Outcome::Skip(why) => {
                ui.weak(format!("skipped: {why}"));
            }
            Outcome::Update {
                person,
                because,
                text_conflicts,
                ..
            } => {
                ui.label(format!("updates {} ({because})", project.name_of(*person)));
                if !text_conflicts.is_empty() {
                    let fields: Vec<String> = text_conflicts
                        .iter()
                        .map(|f| f.label().to_lowercase())
                        .collect();
                    ui.checkbox(
                        &mut row.replace_text,
                        format!("Replace {} (they differ)", fields.join(", ")),
                    );
                }
            }
            Outcome::PossibleDuplicate {
                candidates,
                earlier_row,
            } => duplicate_choice_ui(ui, project, row, candidates, earlier_row.as_ref()),
        }
    });
    if let Outcome::Update { changes, .. } = &row.outcome
        && !changes.is_empty()
    {
        let said: Vec<String> = changes.iter().map(change_text).collect();
        ui.weak(shortened(&said.join(" · "), 140));
    }
}

fn change_text(change: &crate::import::matching::Change) -> String {
    let field = change.field.label().to_lowercase();
    let new = shortened(&change.new, 30);
    if change.old.trim().is_empty() {
        format!("{field}: + {new}")
    } else {
        format!("{field}: {} → {new}", shortened(&change.old, 30))
    }
}

fn duplicate_choice_ui(
    ui: &mut Ui,
    project: &Project,
    row: &mut MatchedRow,
    candidates: &[(PersonId, String)],
    earlier_row: Option<&(usize, String)>,
) {
    let why = match (candidates.first(), earlier_row) {
        (Some((_, because)), _) => format!("possible duplicate: {because}"),
        (None, Some((line, because))) => format!("possible duplicate: {because} as line {line}"),
        (None, None) => "possible duplicate".to_owned(),
    };
    let here: Vec<String> = candidates
        .iter()
        .map(|(id, _)| record_summary(project, *id))
        .collect();
    let label = ui.colored_label(ui.visuals().warn_fg_color, why);
    if !here.is_empty() {
        label.on_hover_text(format!("In the project:\n{}", here.join("\n")));
    }
    let text_of = |decision: Decision| match decision {
        Decision::Skip => "Skip this row".to_owned(),
        Decision::Add => "Add as a new person".to_owned(),
        Decision::Update(id) => format!("Update {}", shortened(project.name_of(id), 40)),
    };
    let shown = text_of(row.decision);
    let response = egui::ComboBox::from_id_salt(("import_choice", row.incoming.line))
        .selected_text(shown.clone())
        .show_ui(ui, |ui| {
            let options = [Decision::Skip, Decision::Add]
                .into_iter()
                .chain(candidates.iter().map(|(id, _)| Decision::Update(*id)));
            for option in options {
                ui.selectable_value(&mut row.decision, option, text_of(option));
            }
        })
        .response;
    let spoken = format!("Line {}: {shown}", row.incoming.line);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &spoken));
}

/// A person's name with what tells them apart: role, worksite, phone, email.
fn record_summary(project: &Project, id: PersonId) -> String {
    let Some(person) = project.person(id) else {
        return project.name_of(id).to_owned();
    };
    [
        person.display_name(),
        &person.role,
        &person.organization,
        &person.phone,
        &person.email,
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The report after an import, to copy.
pub(super) fn report_ui(ctx: &Context, text: &str, tag: &str, copied: &mut bool) -> Answer {
    super::dialogs::show(ctx, "import_report", |ui| {
        ui.set_min_width(460.0);
        super::dialogs::heading(ui, "Import done");
        egui::ScrollArea::vertical()
            .max_height(380.0)
            .show(ui, |ui| ui.label(RichText::new(text).monospace()));
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Copy report").clicked() {
                ui.ctx().copy_text(text.to_owned());
                *copied = true;
            }
            if ui
                .button("Show the people imported")
                .on_hover_text(format!("The people list filtered by the tag \"{tag}\""))
                .clicked()
            {
                choice = Answer::Run(Command::FilterPeopleByTag(tag.to_owned()));
            }
            if ui.button("Close").clicked() {
                choice = Answer::Close;
            }
            if *copied {
                ui.label("Copied to the clipboard");
            }
        });
        choice
    })
}
