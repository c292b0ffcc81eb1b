//! Keyboard use: Tab reaches controls in reading order, brings each into
//! view, and the focus ring shows only while the keyboard moves focus.

mod common;

use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relational::app::{RelationalApp, demo_document};
use relational::ui::{NoDialogs, View};

/// The focused control's name (or role) and rect.
fn focused(harness: &Harness<'_, RelationalApp>) -> Option<(String, Rect)> {
    let node = harness.query_by(|node| node.is_focused())?;
    let name = node
        .accesskit_node()
        .label()
        .or_else(|| node.accesskit_node().value())
        .unwrap_or_default();
    Some((
        format!("{name} ({:?})", node.accesskit_node().role()),
        node.rect(),
    ))
}

/// Presses Tab until focus comes back to where it started (at most
/// `limit` times); the controls visited, in order.
fn tab_around(harness: &mut Harness<'_, RelationalApp>, limit: usize) -> Vec<(String, Rect)> {
    let mut visited = Vec::new();
    for _ in 0..limit {
        harness.key_press(Key::Tab);
        harness.run();
        let Some(now) = focused(harness) else {
            continue;
        };
        if visited.first().is_some_and(|(first, _)| *first == now.0) {
            break;
        }
        visited.push(now);
    }
    visited
}

#[test]
fn tab_brings_every_dashboard_control_into_view() {
    let mut harness = common::dashboard_harness();
    harness.set_size(egui::vec2(1024.0, 600.0));
    harness.run();
    let window = harness.ctx.content_rect();
    let visited = tab_around(&mut harness, 150);
    assert!(
        visited.len() >= 15,
        "only {} stops: {visited:?}",
        visited.len()
    );
    for (name, rect) in &visited {
        assert!(
            window.contains(rect.center()),
            "{name} at {rect:?} is out of the window {window:?}"
        );
    }
    assert!(
        relational::ui::focus::by_keyboard(&harness.ctx),
        "the ring shows"
    );
    harness
        .get_by_role_and_label(Role::Button, "People")
        .click();
    harness.run();
    assert!(
        !relational::ui::focus::by_keyboard(&harness.ctx),
        "a click hides it"
    );
}

#[test]
fn tab_walks_the_person_editor_top_to_bottom() {
    // Tall enough that nothing scrolls, so positions are reading order.
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(|cc| {
            RelationalApp::with_document(cc.egui_ctx.clone(), demo_document(), Box::new(NoDialogs))
        });
    let hannah = common::find_person(harness.state(), "Hannah Cho").expect("Hannah in the demo");
    harness.state_mut().views.view = View::People;
    harness.state_mut().views.selected = Some(hannah);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    let editor_left = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect()
        .left()
        - 200.0;
    let mut previous = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .rect();
    let mut stops = 0;
    for _ in 0..80 {
        harness.key_press(Key::Tab);
        harness.run();
        let Some((name, rect)) = focused(&harness) else {
            break;
        };
        // The panel's resize handle follows its content (egui's own).
        if rect.left() < editor_left || name.ends_with("(Splitter)") {
            break;
        }
        let same_row = (rect.center().y - previous.center().y).abs() < 12.0;
        assert!(
            rect.top() >= previous.top() - 1.0
                && (!same_row || rect.left() >= previous.left() - 1.0)
                || rect.top() > previous.bottom(),
            "{name} at {rect:?} comes before the control at {previous:?}"
        );
        previous = rect;
        stops += 1;
    }
    assert!(
        stops >= 20,
        "Tab went through {stops} controls of the editor"
    );
}

#[test]
fn f10_puts_the_keyboard_on_the_menu_bar_even_from_a_text_field() {
    let mut harness = common::harness();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search")
        .focus();
    harness.run();
    harness.key_press(egui::Key::F10);
    harness.run();
    assert!(
        harness.get_by_label("File").is_focused(),
        "F10 goes to File"
    );
    assert!(harness.query_by_label_contains("Import people").is_none());
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("Import people");
}

#[test]
fn closing_a_dialog_gives_the_keyboard_back() {
    let mut harness = common::harness();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_role_and_label(Role::Dialog, "Find anything");
    assert!(
        !harness
            .get_by_role_and_label(Role::TextInput, "Search")
            .is_focused()
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    assert!(
        harness.query_by_role(Role::Dialog).is_none(),
        "Escape closes it"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Search")
            .is_focused(),
        "the search field has the keyboard again"
    );
}

fn focused_tick(harness: &Harness<'_, RelationalApp>) -> Option<String> {
    harness
        .query_all_by_role(Role::CheckBox)
        .find(|node| node.is_focused())
        .and_then(|node| node.accesskit_node().label())
}

#[test]
fn the_people_table_is_one_tab_stop_a_row_with_arrows_and_enter() {
    let mut harness = common::harness();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Tick Aisha Rahman")
        .focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        focused_tick(&harness).as_deref(),
        Some("Tick Ben Adler"),
        "Tab goes to the next row"
    );
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(
        focused_tick(&harness).as_deref(),
        Some("Tick Carlos Mendez")
    );
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(focused_tick(&harness).as_deref(), Some("Tick Ben Adler"));
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    let ben = common::find_person(app, "Ben Adler").expect("demo person");
    assert_eq!(app.views.selected, Some(ben), "Enter opens the person");
    assert!(
        app.views.people_view.marked.is_empty(),
        "Enter does not tick"
    );
}

#[test]
fn arrows_bring_rows_below_the_window_into_view() {
    let mut harness = common::harness();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Tick Aisha Rahman")
        .focus();
    harness.run();
    for _ in 0..24 {
        harness.key_press(Key::ArrowDown);
        harness.run();
    }
    let last = focused_tick(&harness).expect("a row has the keyboard");
    assert_ne!(last, "Tick Aisha Rahman");
    let node = harness.get_by_role_and_label(Role::CheckBox, &last);
    assert!(
        harness.ctx.content_rect().contains_rect(node.rect()),
        "{last} is on screen"
    );
}
