//! File → Export from the real app: the typed-path fallback, anonymizing,
//! and exports never changing the project.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use common::harness;

fn export_via_menu(
    harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>,
    item: &str,
    anonymize: bool,
    path: &std::path::Path,
) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    if harness.state().workspace.settings.anonymize_exports != anonymize {
        harness
            .get_by_role_and_label(Role::CheckBox, "Anonymize")
            .click();
        harness.run();
    }
    harness.get_by_label(item).click();
    harness.run();
    common::type_path_and_press(harness, path, "Export");
}

#[test]
fn exporting_the_sheet_writes_csv_and_leaves_the_project_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sheet");
    let mut harness = harness();
    harness.run();
    let before = harness.state().workspace.doc.project.clone();
    export_via_menu(&mut harness, "One-to-one data sheet (CSV)…", false, &path);
    let written = dir.path().join("sheet.csv");
    let text = std::fs::read_to_string(&written).expect("the typed path gets .csv");
    assert!(
        text.starts_with("\u{feff}person,date,conducted by"),
        "Excel's UTF-8 mark, then the header: {text}"
    );
    assert!(text.contains("Dolores Fuentes"));
    assert_eq!(harness.state().workspace.doc.project, before);
    assert!(!harness.state().workspace.doc.is_dirty());
    assert!(harness.state().workspace.status.starts_with("Exported"));
}

#[test]
fn anonymized_calendar_export_has_initials_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("calendar.ics");
    let mut harness = harness();
    harness.run();
    export_via_menu(
        &mut harness,
        "Calendar of meetings and commitments (ICS)…",
        true,
        &path,
    );
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("BEGIN:VEVENT"));
    for person in harness.state().workspace.doc.project.people.values() {
        assert!(!text.contains(&person.name), "{} leaks", person.name);
    }
    assert!(harness.state().workspace.settings.anonymize_exports);
}
