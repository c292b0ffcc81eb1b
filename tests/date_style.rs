//! The one date style on screen: a 12-hour, month-first setting reaches
//! the meeting editor, and View → Dates and times changes it back. One test
//! in its own binary, since the style is shared by the whole process.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use relational::dates::{Clock, DateStyle, Order, set_style};
use relational::ui::Command;

#[test]
fn the_chosen_style_is_used_by_the_editor_and_changed_from_the_menu() {
    set_style(DateStyle {
        clock: Clock::H12,
        order: Order::MonthDay,
    });
    let mut harness = common::harness();
    let (id, start) = {
        let project = &harness.state().workspace.doc.project;
        let meeting = project
            .meetings
            .values()
            .find(|m| m.start.is_some())
            .expect("a dated demo meeting");
        (meeting.id, meeting.start.unwrap_or_default())
    };
    harness.state_mut().push(Command::OpenMeeting(id));
    harness.run();
    harness.run();
    let time = harness.get_by_role_and_label(Role::TextInput, "Meeting time");
    assert_eq!(
        time.value().as_deref(),
        Some(start.format("%-I:%M %p").to_string().as_str())
    );
    let date_name = format!("Meeting date: {}", start.format("%A, %B %-d, %Y"));
    harness.get_by_role_and_label(Role::Button, &date_name);

    for choice in ["24-hour: 18:30", "Day first: Tue 1 Dec"] {
        harness.get_by_role_and_label(Role::Button, "View").click();
        harness.run();
        harness.get_by_label("Dates and times").hover();
        harness.run();
        harness.get_by_label(choice).click();
        harness.run();
        if harness.query_by_label("Dates and times").is_some() {
            harness.key_press(egui::Key::Escape);
            harness.run();
        }
    }
    let settings = &harness.state().workspace.settings;
    assert_eq!(
        (settings.clock, settings.date_order),
        (Some(Clock::H24), Some(Order::DayMonth))
    );
    let time = harness.get_by_role_and_label(Role::TextInput, "Meeting time");
    assert_eq!(
        time.value().as_deref(),
        Some(start.format("%H:%M").to_string().as_str())
    );
    let date_name = format!("Meeting date: {}", start.format("%A %-d %B %Y"));
    harness.get_by_role_and_label(Role::Button, &date_name);
}
