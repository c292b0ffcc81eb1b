//! Every control on every screen can be told apart by a screen reader:
//! each interactive node has a name, and no two buttons or links on one
//! screen share one.

mod common;

use std::collections::BTreeMap;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::ui::View;

fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::Link
            | Role::CheckBox
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::RadioButton
            | Role::Tab
    )
}

/// Problems on the screen now: unnamed controls, and button or link
/// names used more than once.
fn problems(harness: &Harness<'_, RelationalApp>, screen: &str) -> Vec<String> {
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    // The query's predicate sees every node's role and name.
    let seen = std::cell::RefCell::new(Vec::new());
    let _ = harness
        .query_all_by(|node| {
            if interactive(node.role()) {
                seen.borrow_mut()
                    .push((node.role(), node.label().unwrap_or_default()));
            }
            false
        })
        .count();
    for (role, label) in seen.into_inner() {
        if label.trim().is_empty() {
            problems.push(format!("{screen}: a {role:?} without a name"));
        }
        if role == Role::Button {
            *names.entry(label).or_default() += 1;
        }
    }
    for (name, count) in names {
        if count > 1 {
            problems.push(format!("{screen}: {count} buttons named {name:?}"));
        }
    }
    problems
}

#[test]
fn every_control_on_every_screen_has_a_name_of_its_own() {
    let mut harness = common::dashboard_harness();
    harness.run();
    let mut found = problems(&harness, "dashboard");
    for tab in ["Leadership", "Trends", "Sentence and reflection"] {
        harness.get_by_label(tab).click();
        harness.run();
        found.extend(problems(&harness, tab));
    }
    common::show(&mut harness, View::People);
    found.extend(problems(&harness, "people"));
    let kevin = common::find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness.state_mut().views.selected = Some(kevin);
    harness.run();
    found.extend(problems(&harness, "person editor"));
    common::show(&mut harness, View::Meetings);
    found.extend(problems(&harness, "meetings"));
    let meeting = *harness
        .state()
        .workspace
        .doc
        .project
        .meetings
        .keys()
        .next()
        .expect("a demo meeting");
    harness.state_mut().views.selected_meeting = Some(meeting);
    harness.run();
    found.extend(problems(&harness, "meeting editor"));
    common::show(&mut harness, View::Map);
    found.extend(problems(&harness, "map"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}
