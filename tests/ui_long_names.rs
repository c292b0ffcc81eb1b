//! A 300-character name, in several scripts, on every screen that shows
//! names: views stay visible, panels stay within the window, the name is
//! cut to one line with the whole of it on hover.

mod common;

use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::model::PersonId;
use relational::ui::{Command, View};

/// About 300 characters mixing Latin, Polish, Vietnamese, Chinese and Arabic.
fn long_name() -> String {
    let mut name = String::new();
    while name.chars().count() < 290 {
        name.push_str("Bartłomiej Nguyễn 李明 محمد Fernández-Wójcik ");
    }
    name.trim().to_owned()
}

/// The demo with Hannah Cho renamed to the long name.
fn with_long_name() -> (Harness<'static, RelationalApp>, PersonId) {
    let mut harness = common::harness();
    // Scripts the test fonts lack are drawn as boxes: layout is what counts
    // here (the real window falls back to the system's fonts).
    harness
        .ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let id = common::find_person(harness.state(), "Hannah Cho").expect("Hannah in the demo");
    if let Some(person) = harness
        .state_mut()
        .workspace
        .doc
        .project
        .people
        .get_mut(&id)
    {
        person.name = long_name();
        person.initials.clear();
    }
    harness.run();
    (harness, id)
}

fn window(harness: &Harness<'_, RelationalApp>) -> Rect {
    harness.ctx.content_rect()
}

/// The rect of the only splitter (panel edge) on screen.
fn splitters(harness: &Harness<'_, RelationalApp>) -> Vec<Rect> {
    harness
        .query_all_by(|node| node.role() == Role::Splitter)
        .map(|node| node.rect())
        .collect()
}

fn assert_inside(harness: &Harness<'_, RelationalApp>, what: &str, rect: Rect) {
    let window = window(harness);
    assert!(
        rect.left() >= window.left() - 1.0 && rect.right() <= window.right() + 1.0,
        "{what} at {rect:?} runs out of the window {window:?}"
    );
}

#[test]
fn the_people_view_and_editor_stay_visible_with_a_long_name() {
    let (mut harness, id) = with_long_name();
    harness.state_mut().push(Command::OpenPerson(id));
    harness.run();
    harness.run();
    let window = window(&harness);
    for splitter in splitters(&harness) {
        assert!(
            splitter.center().x > window.width() * 0.3
                && splitter.center().x < window.width() * 0.9,
            "the editor's edge at {splitter:?} leaves room for the table"
        );
    }
    let name_field = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    assert_inside(&harness, "the name field", name_field);
    assert!(name_field.width() > 150.0, "the name field keeps its width");
    // The table is still there, its header in the window.
    let header = harness
        .get_by_role_and_label(Role::Button, "Organization")
        .rect();
    assert_inside(&harness, "the table's Organization header", header);
    // Another person opens with the editor where it was.
    let dolores = common::find_person(harness.state(), "Dolores Fuentes").expect("Dolores");
    harness.state_mut().push(Command::OpenPerson(dolores));
    harness.run();
    harness.run();
    let name_field = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    assert_inside(&harness, "Dolores's name field", name_field);
    assert!(name_field.left() > window.width() * 0.3);
}

#[test]
fn the_meeting_editor_and_list_stay_in_the_window_with_a_long_name() {
    let (mut harness, id) = with_long_name();
    let meeting = common::meeting_with(harness.state(), id).expect("Hannah has a meeting");
    harness.state_mut().push(Command::OpenMeeting(meeting));
    harness.run();
    harness.run();
    for button in ["Open profile", "Prep card"] {
        let rect = harness.get_by_role_and_label(Role::Button, button).rect();
        assert_inside(&harness, button, rect);
    }
    let place = harness
        .get_by_role_and_label(Role::TextInput, "Place")
        .rect();
    assert_inside(&harness, "the place field", place);
    // The list row keeps to two lines (name, then when and status).
    let row = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with("Bartłomiej"))
        })
        .map(|node| node.rect())
        .next()
        .expect("the meeting's row in the list");
    assert!(row.height() < 60.0, "the row is {} high", row.height());
    assert_inside(&harness, "the list row", row);
    harness.key_press(Key::Escape);
}

#[test]
fn the_map_shows_a_long_name_shortened() {
    let (mut harness, id) = with_long_name();
    harness.state_mut().views.view = View::Map;
    harness.state_mut().views.selected = Some(id);
    harness.run();
    harness.run();
    let initials = relational::model::initials_from_name(&long_name());
    assert!(initials.chars().count() <= 3, "initials {initials}");
    for splitter in splitters(&harness) {
        assert_inside(&harness, "the map's side panel edge", splitter);
    }
}

/// Drags the panel edge at `from` to `to`.
fn drag(harness: &mut Harness<'_, RelationalApp>, from: egui::Pos2, to: egui::Pos2) {
    for event in [
        egui::Event::PointerMoved(from),
        egui::Event::PointerButton {
            pos: from,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        },
        egui::Event::PointerMoved(egui::pos2((from.x + to.x) / 2.0, to.y)),
        egui::Event::PointerMoved(to),
        egui::Event::PointerButton {
            pos: to,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        },
    ] {
        harness.event(event);
        harness.run();
    }
}

#[test]
fn the_editor_panel_cannot_be_dragged_or_shrunk_over_the_table() {
    let (mut harness, id) = with_long_name();
    harness.state_mut().push(Command::OpenPerson(id));
    harness.run();
    harness.run();
    let edge = splitters(&harness)[0].center();
    drag(&mut harness, edge, egui::pos2(2.0, edge.y));
    let window = window(&harness);
    let edge = splitters(&harness)[0].center();
    assert!(edge.x > window.width() * 0.3, "dragged to {edge:?}");
    // A smaller window (as on the next start on a laptop) clamps it again.
    harness.set_size(egui::vec2(800.0, 600.0));
    harness.run();
    harness.run();
    let edge = splitters(&harness)[0].center();
    assert!(
        edge.x > 800.0 * 0.3 && edge.x < 800.0,
        "edge at {edge:?} in an 800 window"
    );
    let name_field = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    assert_inside(&harness, "the name field", name_field);
}
