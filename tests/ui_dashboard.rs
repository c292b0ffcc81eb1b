//! The dashboard on the demo project with the clock fixed on Monday
//! 23 November 2026, 10:00: Kevin Tran's one-to-one is tomorrow and not
//! confirmed; "Send class visit dates" was due on 8 November.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::{Clock, RelationalApp};
use relational::model::MeetingStatus;
use relational::ui::View;

mod common;
use common::find_person;

fn monday_morning() -> Harness<'static, RelationalApp> {
    common::dashboard_at(2026, 11, 23, 10)
}

#[test]
fn a_project_with_meetings_opens_on_the_dashboard() {
    let harness = monday_morning();
    assert_eq!(harness.state().views.view, View::Dashboard);
    harness.get_by_label("Follow-up");
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text.starts_with("We are organizing nurses"))
    });
}

#[test]
fn confirming_tomorrows_meeting_takes_it_off_the_list() {
    let mut harness = monday_morning();
    let kevin = find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text == "To confirm today (1)")
    });
    harness
        .get_by_role_and_label(Role::Button, "Confirmed with Kevin Tran")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Confirmed with Kevin Tran")
            .is_none()
    );
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text == "To confirm today (0)")
    });
    let meeting = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .values()
        .find(|m| m.person == kevin)
        .expect("Kevin's meeting");
    assert_eq!(meeting.status, MeetingStatus::Confirmed);
}

#[test]
fn an_overdue_follow_up_marked_done_disappears_and_undo_brings_it_back() {
    let mut harness = monday_morning();
    let label = "Done: Send class visit dates";
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, label)
            .is_none()
    );
    let done = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .values()
        .flat_map(|m| &m.follow_ups)
        .find(|f| f.what == "Send class visit dates")
        .is_some_and(|f| f.done);
    assert!(done);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label);
}

#[test]
fn the_sentence_is_edited_on_its_tab_and_shown_on_top() {
    let mut harness = monday_morning();
    harness.get_by_label("Sentence and reflection").click();
    harness.run();
    common::replace_text(&mut harness, Role::TextInput, "Who", "bus drivers");
    assert_eq!(
        harness.state().workspace.doc.project.info.sentence.who,
        "bus drivers"
    );
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text.starts_with("We are organizing bus drivers to win"))
    });
}

#[test]
fn trends_and_leadership_summarise_in_words() {
    let mut harness = monday_morning();
    harness.get_by_label("Trends").click();
    harness.run();
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text.contains("held in the last 12 weeks"))
    });
    harness.get_by_label("Leadership").click();
    harness.run();
    harness.get_by(|node| {
        node.role() == Role::Label
            && node
                .value()
                .is_some_and(|text| text.starts_with("Held by team members themselves"))
    });
}

#[test]
fn long_lists_show_a_glance_and_the_rest_on_request() {
    use relational::app::{Document, Origin};
    let project = relational::synth::generate(400, 3);
    // Tall enough that the dashboard needs no scrolling.
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(|cc| {
            RelationalApp::with_document(
                cc.egui_ctx.clone(),
                Document::new(project, None, Origin::New),
                Box::new(relational::ui::NoDialogs),
            )
        });
    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a valid date");
    harness.state_mut().workspace.clock = Clock::fixed(at);
    harness.run();
    // Each is named for its person: "Plan a one-to-one with Ana Ruiz (referred)".
    let plan_buttons = |harness: &Harness<'_, RelationalApp>| {
        harness
            .query_all_by(|node| {
                node.role() == Role::Button
                    && node
                        .label()
                        .is_some_and(|l| l.starts_with("Plan a one-to-one with"))
            })
            .count()
    };
    let before = plan_buttons(&harness);
    assert!(
        before <= 24,
        "12 referred and 12 gone quiet at a glance, got {before}"
    );
    let show_all = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.role() == Role::Button
            && node
                .label()
                .is_some_and(|l| l.starts_with("Show all") && l.ends_with("referred"))
    };
    harness.get_by(show_all).scroll_to_me();
    harness.run();
    harness.get_by(show_all).click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Show fewer")
            .is_some(),
        "expanded"
    );
    let after = plan_buttons(&harness);
    assert!(
        after > before,
        "more referred people shown: {before} → {after}"
    );
    harness
        .get_by_role_and_label(Role::Button, "Show fewer")
        .click();
    harness.run();
    assert_eq!(plan_buttons(&harness), before);
}

#[test]
fn each_weekly_chart_offers_its_numbers_as_a_table() {
    let mut harness = monday_morning();
    harness.get_by_label("Trends").click();
    harness.run();
    let held_this_week = relational::dashboard::held_per_week(
        &harness.state().workspace.doc.project,
        harness.state().workspace.clock.now(),
        12,
    );
    let busiest = held_this_week
        .iter()
        .max_by_key(|w| w.count)
        .expect("twelve weeks");
    harness
        .get_all_by_label("As a table")
        .next()
        .expect("the held chart's table")
        .click();
    harness.run();
    harness.get_by_label("Week of");
    let week = relational::dates::style().short(busiest.week_start);
    let row: Vec<_> = harness.query_all_by_label(&week).collect();
    assert!(!row.is_empty(), "a row for the week of {week}");
    let count = busiest.count.to_string();
    assert!(
        harness.query_all_by_label(&count).count() >= 1,
        "its count {count}"
    );
    // Twelve week rows and the header.
    assert!(
        harness.query_all_by_label("held").count() >= 2,
        "the column and the legend"
    );
}
