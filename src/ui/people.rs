//! The people table: virtualized, sortable, filterable.

use super::widgets::one_line;
use egui::{Id, Sense, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{PersonId, Project, Stage};
use crate::query::people::{self, PeopleQuery, SortKey};

use super::{Action, Command, Commands, Revision};
use crate::memo::Memo;

/// The id of the search field, so Ctrl+F can focus it.
pub fn search_field_id() -> Id {
    Id::unique("people_search")
}

/// State of the people view that survives between frames.
#[derive(Default)]
pub struct PeopleView {
    /// What the organizer filters and sorts by.
    pub query: PeopleQuery,
    /// Rows for a query at a revision; recomputed only when either changes.
    cache: Memo<(PeopleQuery, Revision), Vec<PersonId>>,
}

impl PeopleView {
    /// The ids shown, in order; cached.
    pub fn rows(&mut self, project: &Project, revision: Revision) -> &[PersonId] {
        let query = &self.query;
        self.cache
            .get_or_compute((query.clone(), revision), || people::run(project, query))
    }
}

const ROW_HEIGHT: f32 = 24.0;

/// Draws the toolbar and table.
pub fn people_view_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    view: &mut PeopleView,
    selected: Option<PersonId>,
    commands: &mut Commands,
) {
    ui.heading("People");
    toolbar_ui(ui, project, revision, view, commands);
    ui.separator();
    let PeopleView { query, cache } = view;
    let rows = cache
        .get_or_compute((query.clone(), revision), || people::run(project, query))
        .as_slice();
    if rows.is_empty() && !query.search.trim().is_empty() {
        nobody_found_ui(ui, &query.search, commands);
        return;
    }
    table_ui(ui, project, rows, query, selected, commands);
}

/// An empty search says so, and offers to look in every text instead.
fn nobody_found_ui(ui: &mut Ui, search: &str, commands: &mut Commands) {
    ui.add_space(8.0);
    ui.label(format!("Nobody's profile holds \"{}\".", search.trim()));
    ui.weak("The words may be in a meeting's notes, an ask or a follow-up.");
    if ui
        .button(format!("Search everything for \"{}\"", search.trim()))
        .clicked()
    {
        commands.push(Command::SearchEverything(search.trim().to_owned()));
    }
}

fn toolbar_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    view: &mut PeopleView,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        ui.add(
            TextEdit::singleline(&mut view.query.search)
                .id(search_field_id())
                .hint_text("name, tag, organization, notes… (Ctrl+F)")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        stage_filter_ui(ui, &mut view.query.stage);
        ui.checkbox(&mut view.query.team_only, "Leadership team only");
        if ui.button("Add person").clicked() {
            commands.push(Command::Action(Action::AddPerson));
        }
        let shown = view.rows(project, revision).len();
        ui.weak(crate::words::shown_of(
            shown,
            project.people.len(),
            "person",
            "people",
        ));
    });
}

fn stage_filter_ui(ui: &mut Ui, stage: &mut Option<Stage>) {
    let label = ui.label("Stage");
    let text = stage.map_or("Any stage", Stage::label);
    egui::ComboBox::from_id_salt("stage_filter")
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(stage, None, "Any stage");
            for option in Stage::ALL {
                ui.selectable_value(stage, Some(option), option.label())
                    .on_hover_text(option.hint());
            }
        })
        .response
        .labelled_by(label.id);
}

fn table_ui(
    ui: &mut Ui,
    project: &Project,
    rows: &[PersonId],
    query: &mut PeopleQuery,
    selected: Option<PersonId>,
    commands: &mut Commands,
) {
    // Cells hold labels; selectable labels would swallow the row click.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(190.0).at_least(100.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0))
        .column(Column::initial(90.0).at_least(70.0))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(160.0).at_least(60.0).clip(true))
        .column(Column::initial(60.0).at_least(50.0))
        .column(Column::initial(110.0).at_least(70.0).clip(true))
        .column(Column::remainder().at_least(60.0).clip(true))
        .header(26.0, |mut header| {
            header.col(|ui| sort_header_ui(ui, query, SortKey::Name, "Name"));
            header.col(|ui| {
                ui.strong("Initials");
            });
            header.col(|ui| sort_header_ui(ui, query, SortKey::Stage, "Stage"));
            header.col(|ui| sort_header_ui(ui, query, SortKey::Role, "Role"));
            header.col(|ui| sort_header_ui(ui, query, SortKey::Organization, "Organization"));
            header.col(|ui| {
                ui.strong("Team")
                    .on_hover_text("Member of the leadership team");
            });
            header.col(|ui| sort_header_ui(ui, query, SortKey::LastContact, "Last contact"));
            header.col(|ui| {
                ui.strong("Tags");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let Some(person) = rows.get(row.index()).and_then(|id| project.person(*id)) else {
                    return;
                };
                row.set_selected(selected == Some(person.id));
                row.col(|ui| {
                    one_line(ui, person.display_name());
                });
                row.col(|ui| {
                    one_line(ui, person.display_initials());
                });
                row.col(|ui| {
                    ui.label(person.stage.label());
                });
                row.col(|ui| {
                    one_line(ui, &person.role);
                });
                row.col(|ui| {
                    one_line(ui, &person.organization);
                });
                row.col(|ui| {
                    if person.leadership_team {
                        ui.label("Yes");
                    }
                });
                row.col(|ui| {
                    last_contact_cell_ui(ui, person);
                });
                row.col(|ui| {
                    one_line(ui, person.tags.join(", "));
                });
                if row.response().clicked() {
                    commands.push(Command::SelectPerson(Some(person.id)));
                }
            });
        });
}

/// The day of the last logged contact, with how it went on hover; "Do
/// not contact" when they asked not to be.
fn last_contact_cell_ui(ui: &mut Ui, person: &crate::model::Person) {
    if person.do_not_contact {
        ui.weak("Do not contact");
        return;
    }
    if let Some(contact) = person.last_contact() {
        one_line(ui, crate::dates::style().short(contact.at.date()))
            .on_hover_text(contact.summary());
    }
}

/// A column header that sorts by `key`; clicking the active one flips order.
/// The direction is drawn as a small triangle, which needs no font glyph.
fn sort_header_ui(ui: &mut Ui, query: &mut PeopleQuery, key: SortKey, title: &str) {
    let active = query.sort == key;
    let order = if query.descending {
        "descending"
    } else {
        "ascending"
    };
    let hover = if active {
        format!(
            "Sorted by {}, {order}; click to reverse",
            title.to_lowercase()
        )
    } else {
        format!("Sort by {}", title.to_lowercase())
    };
    let response = ui
        .selectable_label(active, egui::RichText::new(title).strong())
        .on_hover_text(hover);
    if active {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
        sort_arrow(ui, rect, query.descending);
    }
    if response.clicked() {
        if active {
            query.descending = !query.descending;
        } else {
            query.sort = key;
            query.descending = false;
        }
    }
}

fn sort_arrow(ui: &Ui, rect: egui::Rect, descending: bool) {
    let (tip, base) = if descending {
        (rect.center_bottom(), rect.top())
    } else {
        (rect.center_top(), rect.bottom())
    };
    let points = vec![
        tip,
        egui::pos2(rect.left(), base),
        egui::pos2(rect.right(), base),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}
