//! What a screen reader hears beyond names: the value of every combo box,
//! the state of every collapsing section, progress as a real range, dialogs
//! named and modal, and the status line as a live region.

mod common;

use egui::accesskit::{Live, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relational::app::RelationalApp;
use relational::ui::View;

/// Problems with states on the screen now.
fn problems(harness: &Harness<'_, RelationalApp>, screen: &str) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    let _ = harness
        .query_all_by(|node| {
            let name = node.label().unwrap_or_default();
            let problem = match node.role() {
                // The description too: the Linux layer drops a combo's value.
                Role::ComboBox
                    if node.value().is_none_or(|v| v.trim().is_empty())
                        || node.description().is_none_or(|d| d.trim().is_empty()) =>
                {
                    Some(format!("combo box {name:?} without its value"))
                }
                Role::DisclosureTriangle if node.data().is_expanded().is_none() => {
                    Some(format!("section {name:?} without expanded or collapsed"))
                }
                Role::ProgressIndicator => {
                    let range = (node.min_numeric_value(), node.max_numeric_value());
                    let finite = matches!(range, (Some(a), Some(b)) if a.is_finite() && b.is_finite() && b > a);
                    (!finite || name.trim().is_empty())
                        .then(|| format!("progress bar {name:?} with range {range:?}"))
                }
                Role::SpinButton
                    if !["days", "minutes", "people", "meetings", "introductions"]
                        .iter()
                        .any(|unit| name.contains(unit)) =>
                {
                    Some(format!("number {name:?} without its unit"))
                }
                _ => None,
            };
            found.borrow_mut().extend(problem.map(|p| format!("{screen}: {p}")));
            false
        })
        .count();
    found.into_inner()
}

/// What assistive tech reads of the one node with this role and a name
/// starting with `name`.
#[derive(Debug, Default)]
struct Read {
    value: Option<String>,
    description: Option<String>,
    numbers: (Option<f64>, Option<f64>, Option<f64>),
    modal: bool,
}

fn read(harness: &Harness<'_, RelationalApp>, role: Role, name: &str) -> Read {
    let found = std::cell::RefCell::new(Vec::new());
    let _ = harness
        .query_all_by(|node| {
            if node.role() == role && node.label().is_some_and(|label| label.starts_with(name)) {
                found.borrow_mut().push(Read {
                    value: node.value(),
                    description: node.description(),
                    numbers: (
                        node.min_numeric_value(),
                        node.numeric_value(),
                        node.max_numeric_value(),
                    ),
                    modal: node.is_modal(),
                });
            }
            false
        })
        .count();
    let mut found = found.into_inner();
    assert_eq!(found.len(), 1, "one {role:?} named {name:?}");
    found.remove(0)
}

#[test]
fn combo_boxes_sections_and_progress_say_their_state_on_every_screen() {
    let mut harness = common::dashboard_harness();
    harness.run();
    let mut found = problems(&harness, "dashboard");
    for tab in ["Leadership", "Trends", "Sentence and reflection"] {
        harness.get_by_label(tab).click();
        harness.run();
        found.extend(problems(&harness, tab));
    }
    common::show(&mut harness, View::People);
    let kevin = common::find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness.state_mut().views.selected = Some(kevin);
    harness.run();
    found.extend(problems(&harness, "person editor"));
    common::open_first_meeting(&mut harness);
    found.extend(problems(&harness, "meeting editor"));
    common::show(&mut harness, View::Map);
    found.extend(problems(&harness, "map"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn combo_boxes_carry_the_value_chosen() {
    let mut harness = common::harness();
    harness.run();
    let kevin = common::find_person(harness.state(), "Kevin Tran").expect("demo person");
    harness.state_mut().views.selected = Some(kevin);
    harness.run();
    let stage = read(&harness, Role::ComboBox, "Stage");
    assert_eq!(stage.value.as_deref(), Some("Contacted"), "{stage:?}");
    assert_eq!(stage.description.as_deref(), Some("Contacted"));
    let filter = read(&harness, Role::ComboBox, "Show stage");
    assert_eq!(filter.value.as_deref(), Some("Any stage"));
}

#[test]
fn the_checklist_progress_is_a_named_count() {
    let mut harness = common::dashboard_harness();
    harness.run();
    common::open_first_meeting(&mut harness);
    let bar = read(&harness, Role::ProgressIndicator, "Checklist: ");
    let (min, done, max) = bar.numbers;
    assert_eq!(min, Some(0.0));
    assert!(
        matches!((done, max), (Some(d), Some(m)) if d <= m && m >= 10.0),
        "{bar:?}"
    );
}

#[test]
fn dialogs_are_named_modal_and_the_status_is_live() {
    let mut harness = common::harness();
    harness.run();
    common::click_menu_item(&mut harness, "File", "Import people…");
    harness.run();
    assert!(read(&harness, Role::Dialog, "Import people").modal);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_role(Role::Dialog).is_none());
    // Text runs inherit the region's liveness; the label is the region.
    let live = harness
        .query_all_by(|node| node.live() == Live::Polite && node.role() == Role::Label)
        .count();
    assert_eq!(live, 1, "the status line, and only it");
}

#[test]
fn the_window_is_named_by_its_title() {
    let mut harness = common::harness();
    harness.run();
    let title = harness.state().workspace.doc.window_title();
    assert!(title.ends_with("— Relational"), "{title}");
    // The root is not among the nodes queries walk: read its own line.
    let root = format!("{:?}", harness.root());
    let first_line: String = root.chars().take(300).collect();
    assert!(first_line.contains("role: Window"), "{first_line}");
    assert!(
        first_line.contains(&format!("label: {title:?}")),
        "{first_line}"
    );
}
