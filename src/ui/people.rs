//! The people table: virtualized, sortable, filterable.

use super::widgets::one_line;
use egui::{Id, Sense, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use std::collections::{BTreeSet, HashMap};

use crate::model::bulk::{BulkChange, change_people};
use crate::model::{PersonId, Project, Stage};
use crate::query::people::{self, ExtraColumn, PeopleQuery, SortKey};

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
    /// Columns shown besides the table's own, in the order chosen.
    pub columns: Vec<ExtraColumn>,
    /// People ticked for a change to all of them at once.
    pub marked: BTreeSet<PersonId>,
    /// The tag typed for the ticked people.
    pub bulk_tag: String,
    /// Each person's next step, while that column is shown.
    next_steps: Memo<(Revision, chrono::NaiveDate), HashMap<PersonId, String>>,
    /// The row whose box had the keyboard last frame (arrows and Enter act on it).
    keyboard_row: Option<PersonId>,
    /// The row to give the keyboard to once it is drawn.
    focus_row: Option<PersonId>,
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

/// Draws the toolbar, the bar for the ticked people, and the table.
pub fn people_view_ui(
    ui: &mut Ui,
    project: &Project,
    (revision, today): (Revision, chrono::NaiveDate),
    view: &mut PeopleView,
    selected: Option<PersonId>,
    commands: &mut Commands,
) {
    ui.heading("People");
    toolbar_ui(ui, project, revision, view, commands);
    // Someone deleted, merged or undone away is no longer ticked.
    view.marked.retain(|id| project.people.contains_key(id));
    let PeopleView {
        query,
        cache,
        columns,
        marked,
        bulk_tag,
        next_steps,
        keyboard_row,
        focus_row,
    } = view;
    let rows = cache
        .get_or_compute((query.clone(), revision), || people::run(project, query))
        .as_slice();
    selection_bar_ui(ui, project, rows, (marked, bulk_tag), commands);
    ui.separator();
    if rows.is_empty() && !query.search.trim().is_empty() {
        nobody_found_ui(ui, &query.search, commands);
        return;
    }
    let steps = columns.contains(&ExtraColumn::NextStep).then(|| {
        next_steps.get_or_compute((revision, today), || people::next_steps(project, today))
    });
    let keyboard_on = *keyboard_row;
    let scroll_to = row_keys_ui(ui, rows, keyboard_row, focus_row, commands);
    let table = Table {
        project,
        rows,
        columns,
        steps,
        selected,
        scroll_to,
        keyboard_on,
    };
    let mut keys = RowKeyboard {
        had_it: keyboard_row,
        give_to: focus_row,
    };
    if table.columns.is_empty() {
        table_ui(ui, &table, query, (marked, &mut keys), commands);
    } else {
        // Added columns may not fit beside the editor: the table scrolls sideways.
        egui::ScrollArea::horizontal()
            .id_salt("people_table_columns")
            .show(ui, |ui| {
                table_ui(ui, &table, query, (marked, &mut keys), commands)
            });
    }
}

/// What one frame of the table shows.
struct Table<'a> {
    project: &'a Project,
    rows: &'a [PersonId],
    columns: &'a [ExtraColumn],
    steps: Option<&'a HashMap<PersonId, String>>,
    selected: Option<PersonId>,
    /// A row to bring into view (the keyboard moved to it).
    scroll_to: Option<usize>,
    /// The row the keyboard is on, lit up like a row under the pointer.
    keyboard_on: Option<PersonId>,
}

/// Where the table's keyboard is: each row is one Tab stop (its box).
struct RowKeyboard<'a> {
    /// Set to the row whose box has the keyboard this frame.
    had_it: &'a mut Option<PersonId>,
    /// The row to give the keyboard to when drawn.
    give_to: &'a mut Option<PersonId>,
}

/// Arrows move the keyboard between rows and Enter opens the person,
/// while a row's box has it. Returns the row to scroll to.
fn row_keys_ui(
    ui: &mut Ui,
    rows: &[PersonId],
    keyboard_row: &mut Option<PersonId>,
    focus_row: &mut Option<PersonId>,
    commands: &mut Commands,
) -> Option<usize> {
    use egui::{Key, Modifiers};
    let current = keyboard_row.take()?;
    let (enter, down, up) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
        )
    });
    if enter {
        commands.push(Command::OpenPerson(current));
    }
    if down || up {
        // egui would also move the keyboard to the box below; this one
        // move (which also reaches rows not drawn yet) is enough.
        ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    let at = rows.iter().position(|id| *id == current)?;
    let to = match (down, up) {
        (true, false) => (at + 1).min(rows.len().saturating_sub(1)),
        (false, true) => at.saturating_sub(1),
        _ => return None,
    };
    *focus_row = rows.get(to).copied();
    Some(to)
}

/// The line above the table for the ticked people. It keeps its place
/// whether or not anyone is ticked, so the table never jumps.
fn selection_bar_ui(
    ui: &mut Ui,
    project: &Project,
    shown: &[PersonId],
    (marked, bulk_tag): (&mut BTreeSet<PersonId>, &mut String),
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.set_min_height(ui.spacing().interact_size.y);
        // Fewer ticked than shown cannot be all of them (no scan per frame).
        let all_ticked = !shown.is_empty()
            && marked.len() >= shown.len()
            && shown.iter().all(|id| marked.contains(id));
        let tick_all = ui
            .add_enabled(!all_ticked, egui::Button::new("Tick all"))
            .on_hover_text(format!("Tick the {} shown", shown.len()));
        if tick_all.clicked() {
            marked.extend(shown.iter().copied());
        }
        if marked.is_empty() {
            ui.weak("Tick people to tag them, set their stage or add them to the leadership team together.");
            return;
        }
        ui.strong(crate::words::count(marked.len(), "person ticked", "people ticked"));
        if ui.button("Clear").on_hover_text("Untick everyone").clicked() {
            marked.clear();
            return;
        }
        ui.separator();
        let mut change = None;
        let label = ui.label("Tag");
        ui.add(TextEdit::singleline(bulk_tag).desired_width(120.0))
            .labelled_by(label.id);
        let tag = bulk_tag.trim().to_owned();
        if ui.add_enabled(!tag.is_empty(), egui::Button::new("Add tag")).clicked() {
            change = Some(BulkChange::AddTag(tag.clone()));
        }
        if ui.add_enabled(!tag.is_empty(), egui::Button::new("Remove tag")).clicked() {
            change = Some(BulkChange::RemoveTag(tag));
        }
        egui::ComboBox::from_id_salt("bulk_stage")
            .selected_text("Set stage…")
            .show_ui(ui, |ui| {
                for stage in Stage::ALL {
                    if ui.button(stage.label()).clicked() {
                        change = Some(BulkChange::SetStage(stage));
                    }
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, "Set stage of the ticked people")
            });
        egui::ComboBox::from_id_salt("bulk_team")
            .selected_text("Team…")
            .show_ui(ui, |ui| {
                if ui.button("Add to the leadership team").clicked() {
                    change = Some(BulkChange::SetTeam(true));
                }
                if ui.button("Take off the leadership team").clicked() {
                    change = Some(BulkChange::SetTeam(false));
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::accesskit::Role::ComboBox,
                    true,
                    "Leadership team of the ticked people",
                )
            });
        if let [a, b] = marked.iter().copied().collect::<Vec<_>>()[..]
            && ui
                .button("Merge the two…")
                .on_hover_text("They are one person: keep one record with what both hold")
                .clicked()
        {
            commands.push(Command::AskMerge(a, b));
        }
        if let Some(change) = change {
            let ids: Vec<PersonId> = marked.iter().copied().collect();
            push_bulk(project, &ids, &change, commands);
        }
    });
}

fn push_bulk(project: &Project, ids: &[PersonId], change: &BulkChange, commands: &mut Commands) {
    match change_people(project, ids, change) {
        Some((edit, count)) => commands.push(Command::Edit {
            edit,
            label: change.label(count),
            merge: None,
        }),
        None => commands.push(Command::Say(
            "Nothing to change: every ticked person is like that already".to_owned(),
        )),
    }
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
        columns_menu_ui(ui, &mut view.columns);
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

/// Columns to show besides the table's own.
fn columns_menu_ui(ui: &mut Ui, columns: &mut Vec<ExtraColumn>) {
    ui.menu_button("Columns", |ui| {
        for column in ExtraColumn::all() {
            let mut on = columns.contains(&column);
            if ui.checkbox(&mut on, column.title()).changed() {
                if on {
                    columns.push(column);
                } else {
                    columns.retain(|c| *c != column);
                }
            }
        }
    })
    .response
    .on_hover_text("Show phone, email, next step or a profile text as columns");
}

fn stage_filter_ui(ui: &mut Ui, stage: &mut Option<Stage>) {
    let label = ui.label("Stage");
    let text = stage.map_or("Any stage", Stage::label);
    let response = egui::ComboBox::from_id_salt("stage_filter")
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
    super::widgets::announce_value(ui, &response, text);
    // "Stage" alone would be the person editor's stage beside it.
    super::widgets::name_control(ui, &response, "Show stage");
}

fn table_ui(
    ui: &mut Ui,
    table: &Table<'_>,
    query: &mut PeopleQuery,
    (marked, keys): (&mut BTreeSet<PersonId>, &mut RowKeyboard<'_>),
    commands: &mut Commands,
) {
    let project = table.project;
    // Cells hold labels; selectable labels would swallow the row click.
    ui.style_mut().interaction.selectable_labels = false;
    let mut builder = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        // Clicks without a Tab stop per cell: the row's box is its one stop.
        .sense(Sense::CLICK)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(24.0))
        .column(Column::initial(190.0).at_least(100.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0))
        .column(Column::initial(90.0).at_least(70.0))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(160.0).at_least(60.0).clip(true))
        .column(Column::initial(60.0).at_least(50.0))
        .column(Column::initial(110.0).at_least(70.0).clip(true));
    for _ in table.columns {
        builder = builder.column(Column::initial(140.0).at_least(60.0).clip(true));
    }
    if let Some(row) = table.scroll_to {
        builder = builder.scroll_to_row(row, None);
    }
    builder
        .column(Column::remainder().at_least(60.0).clip(true))
        .header(26.0, |mut header| {
            header.col(|_| {});
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
            for column in table.columns {
                header.col(|ui| {
                    ui.strong(column.title());
                });
            }
            header.col(|ui| {
                ui.strong("Tags");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, table.rows.len(), |mut row| {
                let Some(person) = table
                    .rows
                    .get(row.index())
                    .and_then(|id| project.person(*id))
                else {
                    return;
                };
                row.set_selected(table.selected == Some(person.id));
                row.set_hovered(table.keyboard_on == Some(person.id));
                row.col(|ui| tick_ui(ui, person, marked, keys));
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
                for column in table.columns {
                    row.col(|ui| {
                        one_line(ui, extra_cell(person, *column, table.steps));
                    });
                }
                row.col(|ui| {
                    one_line(ui, person.tags.join(", "));
                });
                if row.response().clicked() {
                    commands.push(Command::SelectPerson(Some(person.id)));
                }
            });
        });
}

/// The box that ticks a person for a change to many.
fn tick_ui(
    ui: &mut Ui,
    person: &crate::model::Person,
    marked: &mut BTreeSet<PersonId>,
    keys: &mut RowKeyboard<'_>,
) {
    let mut on = marked.contains(&person.id);
    let response = ui.checkbox(&mut on, "");
    if *keys.give_to == Some(person.id) {
        response.request_focus();
        *keys.give_to = None;
    }
    if response.has_focus() {
        *keys.had_it = Some(person.id);
    }
    let name = format!("Tick {}", person.display_name());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::CheckBox, true, on, &name)
    });
    if response.changed() {
        if on {
            marked.insert(person.id);
        } else {
            marked.remove(&person.id);
        }
    }
}

/// An optional column's text for `person` (the first line of a long text).
fn extra_cell(
    person: &crate::model::Person,
    column: ExtraColumn,
    steps: Option<&HashMap<PersonId, String>>,
) -> String {
    let text = match column {
        ExtraColumn::Phone => person.phone.as_str(),
        ExtraColumn::Email => person.email.as_str(),
        ExtraColumn::NextStep => steps
            .and_then(|s| s.get(&person.id))
            .map_or("", String::as_str),
        ExtraColumn::Text(field) => person.text(field),
    };
    text.lines().next().unwrap_or("").to_owned()
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
