//! The relationship map at 1,000 and 10,000 people (about 1.2 introductions
//! each): one force-layout step, a layout from scratch until it settles,
//! and one frame of the map with everyone visible, tessellated, headless.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use relational::graph::{ForceLayout, ForceParams};
use relational::map::Network;
use relational::map::arrange::{ForceRun, LAYOUT_SEED, Placement, position_edits};
use relational::model::Project;
use relational::synth;
use relational::ui::map::{MapView, map_view_ui};

const SIZES: [usize; 2] = [1_000, 10_000];

/// The one project state these benchmarks draw.
const REVISION: relational::workspace::Revision = relational::workspace::Revision {
    generation: 1,
    serial: 0,
};

/// A generated project with a settled, saved layout.
fn arranged(people: usize) -> Project {
    let mut project = synth::generate(people, 7);
    let network = Network::from_project(&project);
    let mut run = ForceRun::start(&network, &Placement::saved(&project, &network), false);
    run.run_to_end(100_000);
    for edit in position_edits(&project, &network, run.positions()) {
        edit.apply(&mut project).expect("positions of known people");
    }
    project
}

fn layout_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_layout_step");
    for people in SIZES {
        let project = synth::generate(people, 7);
        let network = Network::from_project(&project);
        let placement = Placement::saved(&project, &network);
        let mut layout = ForceLayout::new(
            &network.introductions,
            &placement.positions,
            &placement.pinned,
            ForceParams::default(),
            LAYOUT_SEED,
        );
        group.bench_function(people.to_string(), |b| b.iter(|| black_box(layout.step())));
    }
    group.finish();
}

fn layout_settle(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_layout_settle");
    group.sample_size(10);
    for people in SIZES {
        let project = synth::generate(people, 7);
        let network = Network::from_project(&project);
        let placement = Placement::saved(&project, &network);
        group.bench_function(people.to_string(), |b| {
            b.iter(|| {
                let mut run = ForceRun::start(&network, &placement, false);
                run.run_to_end(100_000);
                black_box(run.is_settled())
            });
        });
    }
    group.finish();
}

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    }
}

fn draw_map(ctx: &egui::Context, project: &Project, view: &mut MapView) {
    let mut commands = Vec::new();
    let output = ctx.run_ui(frame_input(), |ui| {
        map_view_ui(ui, project, REVISION, view, None, &mut commands);
    });
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn map_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_frame");
    for people in SIZES {
        let project = arranged(people);
        let ctx = egui::Context::default();
        let mut view = MapView::default();
        // The first frames build the graph, fit everyone on screen and lay out fonts.
        for _ in 0..3 {
            draw_map(&ctx, &project, &mut view);
        }
        assert!(!view.is_arranging(), "a saved layout needs no arranging");
        assert_eq!(view.picture().nodes.len(), people, "everyone is visible");
        group.bench_function(people.to_string(), |b| {
            b.iter(|| draw_map(&ctx, &project, &mut view));
        });
    }
    group.finish();
}

/// A frame while the view moves: every frame zooms a little, so the lines'
/// picture is drawn again on the CPU and uploaded.
fn map_frame_moving(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_frame_moving");
    for people in SIZES {
        let project = arranged(people);
        let ctx = egui::Context::default();
        let mut view = MapView::default();
        for _ in 0..3 {
            draw_map(&ctx, &project, &mut view);
        }
        let mut zoom_in = true;
        group.bench_function(people.to_string(), |b| {
            b.iter(|| {
                view.zoom(if zoom_in { 1.01 } else { 1.0 / 1.01 });
                zoom_in = !zoom_in;
                draw_map(&ctx, &project, &mut view);
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    layout_step,
    layout_settle,
    map_frame,
    map_frame_moving
);
criterion_main!(benches);
