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

/// Exports the map from its toolbar as `format` ("PNG" or "SVG"), whole or as on screen.
fn export_map(
    harness: &mut egui_kittest::Harness<'_, relational::app::RelationalApp>,
    format: &str,
    whole: bool,
    path: &std::path::Path,
) {
    harness.get_by_label("Export map").click();
    harness.run();
    let scope = if whole {
        "Whole network"
    } else {
        "As on screen"
    };
    harness
        .get_by_role_and_label(Role::RadioButton, scope)
        .click();
    harness.run();
    harness.get_by_label(&format!("Save as {format}…")).click();
    harness.run();
    common::type_path_and_press(harness, path, "Export");
}

#[test]
fn the_map_png_is_written_at_once_without_a_gpu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness();
    harness.run();
    harness.state_mut().views.view = relational::ui::View::Map;
    harness.run();
    harness.run();
    let path = dir.path().join("map");
    export_map(&mut harness, "PNG", false, &path);
    let bytes = std::fs::read(dir.path().join("map.png")).expect("written in the same frame");
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a valid PNG");
    let screen = harness.state().views.map_view.map_rect();
    assert_eq!(
        reader.info().width,
        (screen.width() * relational::map::png::SCALE).ceil() as u32,
        "as on screen: the map area, twice over"
    );
    assert!(harness.state().workspace.status.starts_with("Exported"));
}

#[test]
fn the_whole_network_svg_names_everyone_even_off_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness();
    harness.run();
    harness.state_mut().views.view = relational::ui::View::Map;
    harness.run();
    // Zoomed far in: most people are off screen.
    for _ in 0..6 {
        harness.state_mut().views.map_view.zoom(2.0);
    }
    harness.run();
    let path = dir.path().join("network.svg");
    export_map(&mut harness, "SVG", true, &path);
    let svg = std::fs::read_to_string(&path).expect("written");
    let people = harness.state().workspace.doc.project.people.len();
    assert!(svg.matches("<circle").count() >= people, "everyone drawn");
    assert!(svg.contains("Sam Rivera"), "you included");
    let named = svg.matches("<text").count();
    assert!(named * 10 >= people * 9, "{named} of {people} named");
}

#[test]
fn the_leader_list_prints_to_a_pdf_from_the_export_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("leaders");
    let mut harness = harness();
    harness.run();
    export_via_menu(&mut harness, "Print the leader list (PDF)…", false, &path);
    let bytes = std::fs::read(dir.path().join("leaders.pdf")).expect("the typed path gets .pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(harness.state().workspace.status.starts_with("Exported"));
}

#[test]
fn the_prep_card_says_copied_and_saves_a_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("prep");
    let mut harness = harness();
    harness.run();
    let (id, person) = {
        let project = &harness.state().workspace.doc.project;
        let meeting = project
            .meetings
            .values()
            .find(|m| m.is_open())
            .expect("an open meeting");
        (meeting.id, project.name_of(meeting.person).to_owned())
    };
    harness
        .state_mut()
        .push(relational::ui::Command::ShowPrepCard(id));
    harness.run();
    assert!(harness.query_by_label("Copied to the clipboard").is_none());
    harness.get_by_label("Copy as text").click();
    harness.run();
    harness.get_by_label("Copied to the clipboard");
    harness.get_by_label("Save as PDF to print…").click();
    harness.run();
    common::type_path_and_press(&mut harness, &path, "Export");
    let bytes = std::fs::read(dir.path().join("prep.pdf")).expect("the typed path gets .pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // Its text is the card's: the person's name is in it.
    let pdf = dir.path().join("prep.pdf");
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&person));
}
