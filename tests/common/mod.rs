//! Helpers shared by the UI tests: the app on the demo project, and ways to
//! reach widgets by their labels.

#![allow(dead_code, reason = "each test file uses some of the helpers")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::{RelationalApp, demo_document};
use relational::model::PersonId;
use relational::ui::NoDialogs;

/// The real app on the demo project, with no file dialogs available,
/// showing the people view.
pub fn harness() -> Harness<'static, RelationalApp> {
    let mut harness = dashboard_harness();
    harness.state_mut().views.view = relational::ui::View::People;
    harness
}

/// The real app on the demo project as it opens (on the dashboard).
pub fn dashboard_harness() -> Harness<'static, RelationalApp> {
    Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(|cc| {
            RelationalApp::with_document(cc.egui_ctx.clone(), demo_document(), Box::new(NoDialogs))
        })
}

/// The demo on the dashboard with the clock fixed at `hour`:00 on the day.
pub fn dashboard_at(year: i32, month: u32, day: u32, hour: u32) -> Harness<'static, RelationalApp> {
    let mut harness = dashboard_harness();
    let at = chrono::NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("a valid date");
    harness.state_mut().workspace.clock = relational::app::Clock::fixed(at);
    harness.run();
    harness
}

/// The first meeting with `person`, if any.
pub fn meeting_with(app: &RelationalApp, person: PersonId) -> Option<relational::model::MeetingId> {
    app.workspace
        .doc
        .project
        .meetings
        .values()
        .find(|m| m.person == person)
        .map(|m| m.id)
}

/// The id of the person with this exact name.
pub fn find_person(app: &RelationalApp, name: &str) -> Option<PersonId> {
    app.workspace
        .doc
        .project
        .people
        .values()
        .find(|p| p.name == name)
        .map(|p| p.id)
}

/// Opens a menu and clicks an item; items carry their shortcut in their
/// label ("Undo Ctrl+Z"), so they are matched by how the label starts.
/// Buttons of the same name outside the menu (the rail's "Map") are told
/// apart by being there, where they are, before the menu opened.
pub fn click_menu_item(harness: &mut Harness<'_, RelationalApp>, menu: &str, item: &str) {
    let before: Vec<_> = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(item))
        })
        .map(|n| n.rect())
        .collect();
    harness.get_by_label(menu).click();
    harness.run();
    let mut fresh = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(item))
        })
        .filter(|node| !before.contains(&node.rect()));
    let node = fresh
        .next()
        .unwrap_or_else(|| panic!("{menu} has an item {item:?}"));
    assert!(fresh.next().is_none(), "{menu} has one item {item:?}");
    node.click();
    drop(fresh);
    harness.run();
}

/// Clicks a node that may be below the fold of a scroll area.
pub fn scroll_and_click(harness: &mut Harness<'_, RelationalApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of a field (scrolled into view, all selected, typed).
pub fn replace_text(harness: &mut Harness<'_, RelationalApp>, role: Role, field: &str, text: &str) {
    harness.get_by_role_and_label(role, field).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, field).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(role, field).type_text(text);
    harness.run();
}

/// Fills the typed-path dialog (shown where no file dialog exists) and
/// presses its button.
pub fn type_path_and_press(
    harness: &mut Harness<'_, RelationalApp>,
    path: &std::path::Path,
    button: &str,
) {
    replace_text(
        harness,
        Role::TextInput,
        "File path",
        &path.display().to_string(),
    );
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

/// Shows `view` and lets it settle (layouts that need a second frame).
pub fn show(harness: &mut Harness<'_, RelationalApp>, view: relational::ui::View) {
    harness.state_mut().views.view = view;
    harness.run();
    harness.run();
}

/// Opens the project's first meeting in the meeting editor.
pub fn open_first_meeting(harness: &mut Harness<'_, RelationalApp>) {
    show(harness, relational::ui::View::Meetings);
    let meeting = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .keys()
        .next()
        .copied();
    harness.state_mut().views.selected_meeting = Some(meeting.expect("a meeting"));
    harness.run();
}
