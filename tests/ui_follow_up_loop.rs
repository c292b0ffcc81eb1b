//! The follow-up loop in the window: meetings whose time passed are
//! debriefed from the dashboard, follow-ups get their own day, contacts are
//! logged in two clicks, and the demo stays current.
//!
//! The clock is fixed on Thursday 26 November 2026, 10:00, with the demo as
//! written: Linh Pham's (23rd), Kevin Tran's (24th) and Marcus Bell's (25th)
//! one-to-ones are still "planned".

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relational::app::{Clock, RelationalApp};
use relational::model::{ContactChannel, ContactOutcome, MeetingStatus, Stage};
use relational::ui::View;

mod common;
use common::{find_person, scroll_and_click};

fn thursday_morning() -> Harness<'static, RelationalApp> {
    common::dashboard_at(2026, 11, 26, 10)
}

fn kevins_meeting(harness: &Harness<'_, RelationalApp>) -> relational::model::MeetingId {
    let kevin = find_person(harness.state(), "Kevin Tran").expect("demo person");
    common::meeting_with(harness.state(), kevin).expect("Kevin's meeting")
}

fn debrief_button(harness: &Harness<'_, RelationalApp>, status: &str) -> String {
    let name = harness
        .query_all_by_role(Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .find(|label| label.starts_with(&format!("{status}: the one-to-one with Kevin Tran")))
        .unwrap_or_default();
    assert!(!name.is_empty(), "no {status} button for Kevin");
    name
}

#[test]
fn a_past_meeting_debriefed_as_held_opens_its_notes() {
    let mut harness = thursday_morning();
    harness.get_by_label("To debrief (3)");
    let id = kevins_meeting(&harness);
    let held = debrief_button(&harness, "Held");
    harness.get_by_role_and_label(Role::Button, &held).click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.workspace.doc.project.meetings[&id].status,
        MeetingStatus::Held
    );
    assert_eq!(app.views.view, View::Meetings);
    assert_eq!(app.views.selected_meeting, Some(id));
    let notes = harness.get_by_role_and_label(Role::MultilineTextInput, "Story shared");
    assert!(
        notes.accesskit_node().is_focused(),
        "the cursor waits in the notes"
    );
    // Back on the dashboard, the meeting has left the list.
    harness.state_mut().views.view = View::Dashboard;
    harness.run();
    harness.get_by_label("To debrief (2)");
}

#[test]
fn a_no_show_is_offered_another_meeting_in_place() {
    let mut harness = thursday_morning();
    let id = kevins_meeting(&harness);
    let kevin = find_person(harness.state(), "Kevin Tran").expect("demo person");
    let no_show = debrief_button(&harness, "No-show");
    harness
        .get_by_role_and_label(Role::Button, &no_show)
        .click();
    harness.run();
    assert_eq!(
        harness.state().workspace.doc.project.meetings[&id].status,
        MeetingStatus::NoShow
    );
    assert_eq!(harness.state().views.view, View::Dashboard);
    harness.get_by_label("To debrief (2)");
    let meetings_before = harness.state().workspace.doc.project.meetings.len();
    harness
        .get_by_role_and_label(Role::Button, "Plan another one-to-one with Kevin Tran")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.workspace.doc.project.meetings.len(),
        meetings_before + 1
    );
    let new = app.views.selected_meeting.expect("the new meeting is open");
    assert_ne!(new, id);
    assert_eq!(app.workspace.doc.project.meetings[&new].person, kevin);
    assert_eq!(app.views.view, View::Meetings);
}

#[test]
fn a_cancelled_debrief_leaves_the_list_and_undoes_in_one_step() {
    let mut harness = thursday_morning();
    let id = kevins_meeting(&harness);
    let cancelled = debrief_button(&harness, "Cancelled");
    harness
        .get_by_role_and_label(Role::Button, &cancelled)
        .click();
    harness.run();
    harness.get_by_label("To debrief (2)");
    harness.state_mut().push(relational::ui::Command::Action(
        relational::ui::Action::Undo,
    ));
    harness.run();
    harness.get_by_label("To debrief (3)");
    assert_eq!(
        harness.state().workspace.doc.project.meetings[&id].status,
        MeetingStatus::Planned
    );
}

#[test]
fn a_follow_ups_due_day_is_edited_in_the_meeting_editor() {
    let mut harness = thursday_morning();
    let hannah = find_person(harness.state(), "Hannah Cho").expect("demo person");
    let (meeting, item) = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .values()
        .filter(|m| m.person == hannah)
        .find_map(|m| {
            let item = m
                .follow_ups
                .iter()
                .find(|f| f.what == "Send class visit dates")?;
            Some((m.id, item.clone()))
        })
        .expect("Hannah's follow-up");
    harness.get_by_label("Overdue follow-ups (4)");
    {
        let app = harness.state_mut();
        app.views.selected_meeting = Some(meeting);
        app.views.view = View::Meetings;
    }
    harness.run();
    let button = harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("Due date of Send class visit dates: "))
        .expect("the due-date button");
    scroll_and_click(&mut harness, &button);
    scroll_and_click(
        &mut harness,
        "Due date of Send class visit dates: next month",
    );
    let due = harness.state().workspace.doc.project.meetings[&meeting]
        .follow_ups
        .iter()
        .find(|f| f.id == item.id)
        .and_then(|f| f.due);
    let expected = item
        .due
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)));
    assert_eq!(due, expected);
    // Moved a month on (8 December): no longer overdue.
    harness.state_mut().views.view = View::Dashboard;
    harness.run();
    harness.get_by_label("Overdue follow-ups (3)");
}

#[test]
fn a_follow_up_added_from_the_dashboard_is_kept_on_the_person() {
    let mut harness = thursday_morning();
    let rosa = find_person(harness.state(), "Rosa Delgado").expect("demo person");
    scroll_and_click(&mut harness, "Add a follow-up");
    harness
        .get_by_role_and_label(Role::TextInput, "For")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "For")
        .type_text("Rosa");
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "+ Rosa Delgado")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New follow-up")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New follow-up")
        .type_text("Bring the petition");
    harness.run();
    scroll_and_click(&mut harness, "Add follow-up");
    let person = &harness.state().workspace.doc.project.people[&rosa];
    assert_eq!(person.follow_ups.len(), 1);
    assert_eq!(person.follow_ups[0].what, "Bring the petition");
    // Due two days on: Saturday 28 November, within the week.
    assert_eq!(
        person.follow_ups[0].due,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
    );
    harness.get_by_label("Follow-ups due this week (1)");
}

#[test]
fn a_contact_is_logged_in_two_clicks_and_moves_the_stage() {
    let mut harness = thursday_morning();
    // Someone referred and not yet reached.
    let rosa = find_person(harness.state(), "Samuel Osei").expect("demo person");
    assert_eq!(
        harness.state().workspace.doc.project.people[&rosa].stage,
        Stage::Identified
    );
    {
        let app = harness.state_mut();
        app.views.selected = Some(rosa);
        app.views.view = View::People;
    }
    harness.run();
    scroll_and_click(&mut harness, "Text");
    scroll_and_click(&mut harness, "Log text: No answer");
    let person = &harness.state().workspace.doc.project.people[&rosa];
    assert_eq!(person.contacts.len(), 1);
    let contact = &person.contacts[0];
    assert_eq!(contact.channel, ContactChannel::Text);
    assert_eq!(contact.outcome, ContactOutcome::NoAnswer);
    assert_eq!(
        contact.at.date(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("day")
    );
    assert_eq!(person.stage, Stage::Contacted);
    // The next try keeps the channel: one click.
    scroll_and_click(&mut harness, "Log text: Talked");
    let person = &harness.state().workspace.doc.project.people[&rosa];
    assert_eq!(person.contacts.len(), 2);
    assert_eq!(person.contacts[1].channel, ContactChannel::Text);
    // Newest first under the buttons.
    let shown: Vec<String> = harness
        .query_all_by(|n| n.value().is_some_and(|l| l.contains("· Text, ")))
        .filter_map(|n| n.value())
        .collect();
    assert!(
        shown.len() >= 2 && shown[0].ends_with("Text, talked"),
        "{shown:?}"
    );
}

#[test]
fn the_demo_opened_today_has_its_next_meeting_ahead() {
    let today = Clock::system().today();
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(|cc| {
            RelationalApp::with_document(
                cc.egui_ctx.clone(),
                relational::workspace::Workspace::demo_document_on(today),
                Box::new(relational::ui::NoDialogs),
            )
        });
    harness.run();
    let now = harness.state().workspace.clock.now();
    let next = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .values()
        .filter(|m| m.is_open())
        .filter_map(|m| m.start)
        .filter(|start| *start > now)
        .min();
    assert!(next.is_some(), "no meeting ahead of {now}");
    harness.get_by_label("To confirm today (1)");
}

#[test]
fn the_meeting_editor_says_when_a_planned_meeting_is_past() {
    let mut harness = thursday_morning();
    let id = kevins_meeting(&harness);
    {
        let app = harness.state_mut();
        app.views.selected_meeting = Some(id);
        app.views.view = View::Meetings;
    }
    harness.run();
    harness.get_by_label("Its time has passed: mark it held, no-show or cancelled, and debrief");
}

#[test]
fn a_debrief_answer_is_kept_with_its_day() {
    let mut harness = thursday_morning();
    harness.get_by_label("Sentence and reflection").click();
    harness.run();
    let question = "What do we do next, who does it, and by when?";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, question)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, question)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, question)
        .type_text("Linh calls the night shift by Friday");
    harness.run();
    scroll_and_click(&mut harness, "Keep this answer: Next steps");
    let answers = &harness
        .state()
        .workspace
        .doc
        .project
        .info
        .reflection
        .answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].text, "Linh calls the night shift by Friday");
    assert_eq!(
        answers[0].day,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("day")
    );
    harness.get_by_label("Linh calls the night shift by Friday");
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, question);
    assert_eq!(
        field.value().as_deref(),
        Some(""),
        "the box is ready for the next round"
    );
}

#[test]
fn the_meetings_list_marks_the_ones_to_debrief() {
    let mut harness = thursday_morning();
    harness.state_mut().views.view = View::Meetings;
    harness.run();
    let marked = harness
        .query_all_by(|n| n.label().is_some_and(|l| l.ends_with(", to debrief")))
        .count();
    assert_eq!(marked, 3, "Linh, Kevin and Marcus");
    harness.get_by_label_contains("Kevin Tran\nTue 24 Nov, 12:30 · Planned, to debrief");
}

#[test]
fn a_day_of_another_year_carries_its_year() {
    let harness = common::dashboard_at(2027, 1, 5, 10);
    // The row's day, and the name of its buttons.
    harness.get_by_label("Tue 24 Nov 2026, 12:30");
    assert!(harness.query_by_label("Tue 24 Nov, 12:30").is_none());
}

#[test]
fn the_debrief_buttons_stand_in_one_column() {
    let harness = thursday_morning();
    let lefts: Vec<f32> = harness
        .query_all_by(|n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Held: "))
        })
        .map(|n| n.rect().min.x)
        .collect();
    assert_eq!(lefts.len(), 3);
    assert!(
        lefts.iter().all(|x| (x - lefts[0]).abs() < 0.5),
        "Held buttons at {lefts:?}"
    );
}

#[test]
fn the_last_follow_up_ticked_still_offers_undo() {
    let mut harness = thursday_morning();
    // Leave one overdue follow-up.
    let last = "Check in on his first one-to-one";
    let others: Vec<_> = harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .values()
        .flat_map(|m| &m.follow_ups)
        .filter(|f| !f.done && f.what != last)
        .map(|f| f.id)
        .collect();
    for id in others {
        harness
            .state_mut()
            .push(relational::ui::Command::SetFollowUpDone(id, true));
    }
    harness.run();
    harness.get_by_label("Overdue follow-ups (1)");
    harness
        .get_by_role_and_label(Role::CheckBox, &format!("Done: {last}"))
        .click();
    harness.run();
    harness.get_by_label("Overdue follow-ups (0)");
    harness
        .get_by_role_and_label(Role::Button, &format!("Undo done: {last}"))
        .click();
    harness.run();
    harness.get_by_label("Overdue follow-ups (1)");
}
