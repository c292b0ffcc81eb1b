//! The relationship map driven like a user would: clicks and drags at the
//! people's places on screen, found by their accessible names.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::map::picture::FADED;
use relational::model::PersonId;

mod common;
use common::{click_menu_item, find_person, harness};

fn open_map() -> Harness<'static, RelationalApp> {
    let mut harness = harness();
    harness.run();
    click_menu_item(&mut harness, "View", "Map");
    harness.run();
    harness
}

fn person(harness: &Harness<'_, RelationalApp>, name: &str) -> PersonId {
    find_person(harness.state(), name).expect("a demo person")
}

/// Where a person is on screen, from their accessible node (which reports
/// screen coordinates, panned and zoomed, as a screen reader needs).
fn on_screen(harness: &Harness<'_, RelationalApp>, name: &str) -> Pos2 {
    harness
        .get_by_role_and_label(Role::Button, name)
        .rect()
        .center()
}

fn press(harness: &Harness<'_, RelationalApp>, pos: Pos2, pressed: bool) {
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

fn click_at(harness: &mut Harness<'_, RelationalApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    press(harness, pos, true);
    press(harness, pos, false);
    harness.run();
}

fn drag(harness: &mut Harness<'_, RelationalApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    press(harness, from, true);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    press(harness, to, false);
    harness.run();
}

#[test]
fn nodes_are_named_and_drawn_where_the_app_says() {
    let harness = open_map();
    let id = person(&harness, "Dolores Fuentes");
    let drawn = harness
        .state()
        .views
        .map_view
        .screen_position(id)
        .expect("drawn");
    let found = on_screen(&harness, "Dolores Fuentes");
    assert!(drawn.distance(found) < 1.0, "{drawn:?} vs {found:?}");
    assert!(harness.state().views.map_view.map_rect().contains(found));
}

#[test]
fn clicking_a_person_shows_their_card() {
    let mut harness = open_map();
    let dolores = person(&harness, "Dolores Fuentes");
    let at = on_screen(&harness, "Dolores Fuentes");
    click_at(&mut harness, at);
    assert_eq!(harness.state().views.selected, Some(dolores));
    harness.get_by_label("Open in the editor");
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text.starts_with("Introduced 3 people"))
    });
    harness.get_by_label("Open in the editor").click();
    harness.run();
    assert_eq!(harness.state().views.view, relational::ui::View::People);
}

#[test]
fn dragging_a_person_moves_and_pins_them_in_one_undo_step() {
    let mut harness = open_map();
    let kevin = person(&harness, "Kevin Tran");
    let before = harness
        .state()
        .views
        .map_view
        .scene_position(kevin)
        .expect("placed");
    let at = on_screen(&harness, "Kevin Tran");
    let steps_before = harness.state().workspace.doc.history.undo_len();
    drag(&mut harness, at, at + Vec2::new(90.0, 40.0));
    let saved = harness.state().workspace.doc.project.map_positions[&kevin];
    assert!(saved.pinned, "a dragged person stays where they were put");
    let zoom = harness.state().views.map_view.screen_from_scene().scaling;
    assert!(
        (saved.x - before[0] - 90.0 / zoom).abs() < 2.0 / zoom,
        "{saved:?}"
    );
    assert!(
        (saved.y - before[1] - 40.0 / zoom).abs() < 2.0 / zoom,
        "{saved:?}"
    );
    assert_eq!(
        harness.state().workspace.doc.history.undo_len(),
        steps_before + 1
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let restored = harness.state().workspace.doc.project.map_positions[&kevin];
    assert!(!restored.pinned);
    assert_eq!([restored.x, restored.y], before);
}

#[test]
fn dragging_in_connect_mode_records_an_introduction() {
    let mut harness = open_map();
    let kevin = person(&harness, "Kevin Tran");
    let linh = person(&harness, "Linh Pham");
    assert!(
        !harness
            .state()
            .workspace
            .doc
            .project
            .has_introduction(kevin, linh)
    );
    harness.get_by_label("Connect: off").click();
    harness.run();
    harness.get_by_label("Connect: on");
    harness.run();
    let from = on_screen(&harness, "Kevin Tran");
    let to = on_screen(&harness, "Linh Pham");
    drag(&mut harness, from, to);
    assert!(
        harness
            .state()
            .workspace
            .doc
            .project
            .has_introduction(kevin, linh)
    );
    assert!(
        harness.state().workspace.doc.project.map_positions[&kevin]
            .x
            .is_finite()
            && !harness.state().workspace.doc.project.map_positions[&kevin].pinned,
        "connecting does not move the person"
    );
}

#[test]
fn stage_filter_hides_people_and_focus_fades_the_far_ones() {
    let mut harness = open_map();
    // Diego Alvarez is at the "identified" stage in the demo.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Diego Alvarez")
            .is_some()
    );
    harness.get_by_label("Stages").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Identified")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Diego Alvarez")
            .is_none()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Dolores Fuentes")
            .is_some()
    );

    let at = on_screen(&harness, "Luis Herrera");
    click_at(&mut harness, at);
    harness
        .get_by_role_and_label(Role::CheckBox, "Focus on selected")
        .click();
    harness.run();
    let project = &harness.state().workspace.doc.project;
    let picture = harness.state().views.map_view.picture();
    let alpha_of = |name: &str| {
        let id = find_person(harness.state(), name).expect("demo person");
        let node = picture
            .nodes
            .iter()
            .find(|node| {
                harness
                    .state()
                    .views
                    .map_view
                    .screen_position(id)
                    .is_some_and(|p| {
                        let rect = harness.state().views.map_view.map_rect();
                        (Pos2::new(node.centre[0], node.centre[1]) + rect.min.to_vec2()).distance(p)
                            < 0.5
                    })
            })
            .expect("drawn");
        node.fill.0[3]
    };
    let faded = (255.0 * FADED).round() as u8;
    assert_eq!(alpha_of("Hannah Cho"), 255, "one step from Luis");
    assert_eq!(alpha_of("Aisha Rahman"), 255, "introduced Luis");
    assert_eq!(alpha_of("Ruth Goldberg"), faded, "far from Luis");
    assert!(project.person(person(&harness, "Ruth Goldberg")).is_some());
}

#[test]
fn search_selects_and_centres_on_a_person() {
    let mut harness = open_map();
    let hannah = person(&harness, "Hannah Cho");
    let field = harness.get_by_role_and_label(Role::TextInput, "Find");
    field.focus();
    field.type_text("hannah");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().views.selected, Some(hannah));
    let centre = harness.state().views.map_view.map_rect().center();
    let at = harness
        .state()
        .views
        .map_view
        .screen_position(hannah)
        .expect("drawn");
    assert!(at.distance(centre) < 2.0, "{at:?} should be at {centre:?}");
}

#[test]
fn deleting_an_introduction_from_its_line() {
    let mut harness = open_map();
    let luis = person(&harness, "Luis Herrera");
    let hannah = person(&harness, "Hannah Cho");
    let a = harness
        .state()
        .views
        .map_view
        .screen_position(luis)
        .expect("drawn");
    let b = harness
        .state()
        .views
        .map_view
        .screen_position(hannah)
        .expect("drawn");
    let middle = a + (b - a) * 0.5;
    harness.hover_at(middle);
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: middle,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.get_by_label("Delete this introduction").click();
    harness.run();
    assert!(
        !harness
            .state()
            .workspace
            .doc
            .project
            .has_introduction(luis, hannah)
    );
}

#[test]
fn map_svg_with_initials_has_no_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("map.svg");
    let mut harness = open_map();
    harness.get_by_label("Export map").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Initials instead of names")
        .click();
    harness.run();
    harness.get_by_label("Save as SVG…").click();
    harness.run();
    common::type_path_and_press(&mut harness, &path, "Export");
    let svg = std::fs::read_to_string(&path).expect("the SVG is written");
    assert!(svg.contains("<circle"), "people are drawn");
    for person in harness.state().workspace.doc.project.people.values() {
        assert!(!svg.contains(&person.name), "{} leaks", person.name);
    }
}

#[test]
fn accessible_bounds_follow_zoom_and_the_map_follows_the_keyboard() {
    let mut harness = open_map();
    for _ in 0..6 {
        harness.state_mut().views.map_view.zoom(1.25);
        harness.run();
    }
    let map = harness.state().views.map_view.map_rect();
    // Someone drawn near the map's edge after zooming in.
    let names: Vec<String> = harness
        .state()
        .workspace
        .doc
        .project
        .people
        .values()
        .map(|p| p.name.clone())
        .collect();
    let near_edge = names.into_iter().find(|name| {
        let id = person(&harness, name);
        let Some(at) = harness.state().views.map_view.screen_position(id) else {
            return false;
        };
        map.contains(at)
            && !map.shrink(map.width() / 4.0).contains(at)
            && harness
                .query_by_role_and_label(Role::Button, name)
                .is_some()
    });
    let name = near_edge.expect("someone near the edge");
    let id = person(&harness, &name);
    let drawn = harness
        .state()
        .views
        .map_view
        .screen_position(id)
        .expect("drawn");
    let found = on_screen(&harness, &name);
    assert!(
        drawn.distance(found) < 1.0,
        "bounds {found:?} where drawn {drawn:?}"
    );
    harness.get_by_role_and_label(Role::Button, &name).focus();
    harness.run();
    harness.run();
    let now = harness
        .state()
        .views
        .map_view
        .screen_position(id)
        .expect("drawn");
    assert!(
        now.distance(map.center()) < map.width() / 8.0,
        "{name} brought to the middle: {now:?}, map centre {:?}",
        map.center()
    );
}
