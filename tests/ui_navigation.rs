//! Finding your way: the rail, Ctrl+1…4, Back and Forward, the command
//! palette, and Enter taking a picker's only suggestion.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relational::ui::View;

use common::{dashboard_harness, find_person};
use egui_kittest::Harness;
use relational::app::RelationalApp;

fn tab(harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run();
}

#[test]
fn the_rail_and_ctrl_numbers_switch_views_and_alt_left_goes_back() {
    let mut harness = dashboard_harness();
    harness.run();
    assert_eq!(harness.state().views.view, View::Dashboard);
    tab(&mut harness, "People");
    assert_eq!(harness.state().views.view, View::People);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    assert_eq!(harness.state().views.view, View::Map);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert_eq!(harness.state().views.view, View::Meetings);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().views.view, View::Map, "back one step");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().views.view, View::People);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().views.view, View::Map, "and forward again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().views.view, View::Dashboard);
}

#[test]
fn back_returns_from_a_meeting_to_the_person_it_was_opened_from() {
    let mut harness = dashboard_harness();
    harness.run();
    let kevin = find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness
        .state_mut()
        .push(relational::ui::Command::OpenPerson(kevin));
    harness.run();
    harness
        .state_mut()
        .push(relational::ui::Command::NewMeeting(kevin));
    harness.run();
    assert_eq!(harness.state().views.view, View::Meetings);
    harness.get_by_role_and_label(Role::Button, "Back").click();
    harness.run();
    assert_eq!(harness.state().views.view, View::People);
    assert_eq!(harness.state().views.selected, Some(kevin));
}

fn open_palette(harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.run();
}

fn palette_type(
    harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>,
    text: &str,
) {
    let field = harness.get_by_role_and_label(Role::TextInput, "Command, person, meeting or tag");
    assert!(field.is_focused(), "the palette's field has the cursor");
    field.type_text(text);
    harness.run();
}

#[test]
fn the_palette_opens_a_person_from_a_misspelled_fragment() {
    let mut harness = dashboard_harness();
    harness.run();
    open_palette(&mut harness);
    palette_type(&mut harness, "dlores");
    harness.key_press(Key::Enter);
    harness.run();
    let dolores = find_person(harness.state(), "Dolores Fuentes").expect("demo person");
    assert_eq!(harness.state().views.view, View::People);
    assert_eq!(harness.state().views.selected, Some(dolores));
    assert!(
        harness.state().dialogs.open().is_none(),
        "the palette closed"
    );
}

#[test]
fn the_palette_runs_a_command_chosen_with_the_arrows() {
    let mut harness = dashboard_harness();
    harness.run();
    open_palette(&mut harness);
    palette_type(&mut harness, "meetngs");
    // The first line is the Meetings view; Down then Up comes back to it.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().views.view, View::Meetings);
}

#[test]
fn escape_closes_the_palette_without_doing_anything() {
    let mut harness = dashboard_harness();
    harness.run();
    open_palette(&mut harness);
    assert!(harness.state().dialogs.open().is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().dialogs.open().is_none());
    assert_eq!(harness.state().views.view, View::Dashboard);
}

#[test]
fn enter_takes_the_only_suggestion_of_a_person_picker() {
    let mut harness = dashboard_harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let meetings = harness.state().workspace.doc.project.meetings.len();
    let field = harness.get_by_role_and_label(Role::TextInput, "New meeting with");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New meeting with")
        .type_text("Dolores");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.meetings.len(),
        meetings + 1
    );
    let dolores = find_person(harness.state(), "Dolores Fuentes").expect("demo person");
    let id = harness
        .state()
        .views
        .selected_meeting
        .expect("the new meeting is open");
    assert_eq!(
        harness.state().workspace.doc.project.meetings[&id].person,
        dolores
    );
}

#[test]
fn the_demo_can_be_opened_again_from_the_file_menu() {
    let mut harness = dashboard_harness();
    harness.run();
    common::click_menu_item(&mut harness, "File", "New");
    assert_eq!(
        harness.state().workspace.doc.project.people.len(),
        1,
        "only me"
    );
    common::click_menu_item(&mut harness, "File", "Open the demo");
    assert_eq!(harness.state().workspace.doc.project.people.len(), 25);
    assert_eq!(
        harness.state().workspace.doc.origin,
        relational::workspace::Origin::Demo
    );
}

#[test]
fn a_word_only_in_a_meetings_notes_is_found_and_opens_that_meeting() {
    let mut harness = common::harness();
    let id = {
        let project = &mut harness.state_mut().workspace.doc.project;
        let id = *project.meetings.keys().next().expect("a demo meeting");
        if let Some(meeting) = project.meetings.get_mut(&id) {
            meeting.notes.hopes = "A playground on Quiñones Street".to_owned();
        }
        id
    };
    harness.run();
    common::replace_text(&mut harness, Role::TextInput, "Search", "quinones");
    // Nobody's profile holds it: the people view offers the wider search.
    harness
        .get_by_role_and_label(Role::Button, "Search everything for \"quinones\"")
        .click();
    harness.run();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Words to find");
    assert_eq!(field.value().as_deref(), Some("quinones"));
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|l| l.starts_with("Open One-to-one with") && l.ends_with("· Hopes"))
        })
        .click();
    harness.run();
    assert_eq!(harness.state().views.view, View::Meetings);
    assert_eq!(harness.state().views.selected_meeting, Some(id));
    assert_revealed(&mut harness, "Hopes");
}

/// The control named `name` has the cursor and is scrolled into the window.
fn assert_revealed(harness: &mut Harness<'static, RelationalApp>, name: &str) {
    harness.run();
    harness.run();
    let control = harness.get_by(|node| {
        node.label().as_deref() == Some(name)
            && matches!(
                node.role(),
                Role::TextInput | Role::MultilineTextInput | Role::CheckBox
            )
    });
    assert!(control.is_focused(), "{name} has the cursor");
    let rect = control.rect();
    let window = harness.ctx.content_rect();
    assert!(
        window.contains_rect(rect),
        "{name} at {rect:?} is inside the window {window:?}"
    );
}

/// Searches everything for `words` and opens the match whose link ends
/// with `field`.
fn open_search_match(harness: &mut Harness<'static, RelationalApp>, words: &str, field: &str) {
    harness
        .state_mut()
        .dialogs
        .show(relational::app::Modal::search(words.to_owned()));
    harness.run();
    harness.run();
    let suffix = format!("· {field}");
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|l| l.starts_with("Open ") && l.ends_with(suffix.as_str()))
        })
        .click();
    harness.run();
}

#[test]
fn a_match_low_in_a_profile_opens_with_the_cursor_in_that_field() {
    let mut harness = common::harness();
    let aisha = common::find_person(harness.state(), "Aisha Rahman").expect("Aisha in the demo");
    if let Some(person) = harness
        .state_mut()
        .workspace
        .doc
        .project
        .people
        .get_mut(&aisha)
    {
        person.notes = "Sings with the Zółkiewski choir".to_owned();
    }
    // Another person's editor is open and scrolled to its end first.
    harness.run();
    open_search_match(&mut harness, "zolkiewski", "Notes");
    assert_eq!(harness.state().views.selected, Some(aisha));
    assert_revealed(&mut harness, "Notes");
}

#[test]
fn a_match_in_the_reflection_or_a_follow_up_opens_there() {
    let mut harness = common::harness();
    harness
        .state_mut()
        .workspace
        .doc
        .project
        .info
        .reflection
        .story_of_us = "We met at the Przybylski hall".to_owned();
    // Changed before the first search: the index is built once per revision.
    let what = "Bring the Wróblewska petition".to_owned();
    let meeting = {
        let project = &mut harness.state_mut().workspace.doc.project;
        let meeting = project
            .meetings
            .values_mut()
            .find(|m| !m.follow_ups.is_empty())
            .expect("a demo meeting with a follow-up");
        meeting.follow_ups[0].what = what.clone();
        meeting.id
    };
    harness.run();
    open_search_match(&mut harness, "przybylski", "Story of us");
    assert_eq!(harness.state().views.view, View::Dashboard);
    assert_revealed(&mut harness, "Story of us");

    open_search_match(&mut harness, "wroblewska", "Follow-up");
    assert_eq!(harness.state().views.selected_meeting, Some(meeting));
    assert_revealed(&mut harness, &what);
}

#[test]
fn the_welcome_creates_me_and_names_the_project() {
    let mut harness = dashboard_harness();
    harness
        .state_mut()
        .dialogs
        .show(relational::app::Modal::welcome());
    harness.run();
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Your name")
            .is_focused(),
        "the first field has the cursor"
    );
    for (field, text) in [
        ("Your name", "Rosa Díaz"),
        ("Project name", "Elm Street tenants"),
        ("Who you organize (optional)", "tenants of Elm Street"),
    ] {
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .focus();
        harness.run();
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        harness.run();
    }
    harness.get_by_label("Start with an empty project").click();
    harness.run();
    let app = harness.state();
    let project = &app.workspace.doc.project;
    assert_eq!(project.info.name, "Elm Street tenants");
    assert_eq!(project.name_of(project.me), "Rosa Díaz");
    assert_eq!(project.info.sentence.who, "tenants of Elm Street");
    assert!(app.workspace.settings.welcomed);
    assert!(app.dialogs.open().is_none());
}

#[test]
fn an_introduction_note_is_found_opened_and_edited_in_the_profile() {
    let mut harness = common::harness();
    let (intro, introducer, introduced) = {
        let project = &mut harness.state_mut().workspace.doc.project;
        let intro = project
            .introductions
            .values_mut()
            .next()
            .expect("a demo introduction");
        intro.note = "Both sing in the Øresund choir".to_owned();
        (intro.id, intro.introducer, intro.introduced)
    };
    harness.run();
    open_search_match(&mut harness, "oresund", "Introduction note");
    assert_eq!(harness.state().views.selected, Some(introduced));
    let project = &harness.state().workspace.doc.project;
    let control = relational::query::everything::introduction_note_label(
        project.name_of(introducer),
        project.name_of(introduced),
    );
    assert_revealed(&mut harness, &control);
    harness
        .get_by_role_and_label(Role::TextInput, &control)
        .type_text(" since 2019");
    harness.run();
    let note = &harness.state().workspace.doc.project.introductions[&intro].note;
    assert_eq!(note, "Both sing in the Øresund choir since 2019");
    assert!(harness.state().workspace.doc.is_dirty());
}
