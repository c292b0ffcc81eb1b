//! The map of a project grown by import: 10,000 generated people with a
//! saved layout and 50,000 imported people nobody introduced yet. Prints
//! how long the map takes to be ready and the median of 60 frames after.
//! `cargo run --release --example map_after_import`

use std::time::{Duration, Instant};

use relational::map::Network;
use relational::map::arrange::{ForceRun, Placement, position_edits};
use relational::ui::map::{MapView, map_view_ui};

fn frame(ctx: &egui::Context, project: &relational::model::Project, view: &mut MapView) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let revision = relational::workspace::Revision {
        generation: 1,
        serial: 0,
    };
    let mut commands = Vec::new();
    let output = ctx.run_ui(input, |ui| {
        map_view_ui(ui, project, revision, view, None, &mut commands)
    });
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn main() {
    let mut project = relational::synth::generate(10_000, 7);
    let network = Network::from_project(&project);
    let mut run = ForceRun::start(&network, &Placement::saved(&project, &network), false);
    run.run_to_end(100_000);
    for edit in position_edits(&project, &network, run.positions()) {
        if edit.apply(&mut project).is_err() {
            return;
        }
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
    for n in 0..50_000 {
        let id = project.new_person_id();
        let person = relational::model::Person::new(id, format!("Roster Person {n}"), day);
        project.people.insert(id, person);
    }
    let ctx = egui::Context::default();
    let mut view = MapView::default();
    let started = Instant::now();
    let mut frames = 0;
    while frames < 3 || (view.is_arranging() && started.elapsed() < Duration::from_secs(120)) {
        frame(&ctx, &project, &mut view);
        frames += 1;
    }
    println!(
        "ready after {:?} ({frames} frames, still arranging: {})",
        started.elapsed(),
        view.is_arranging()
    );
    let mut times: Vec<Duration> = (0..60)
        .map(|_| {
            let at = Instant::now();
            frame(&ctx, &project, &mut view);
            at.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "frame median {:?} (people drawn: {})",
        times[times.len() / 2],
        view.picture().nodes.len()
    );
}
