//! How much memory the map view holds at 10,000 people: the app is driven
//! headless (egui_kittest, no GPU) on a generated project, and a counting
//! the process's resident memory is read before and after the map is
//! shown, with the layout settled (no window, so no graphics driver in it). Run with
//! `cargo run --release --example map_memory [PEOPLE]`.

use egui_kittest::Harness;
use relational::app::RelationalApp;
use relational::ui::{NoDialogs, View};
use relational::workspace::{Document, Origin};

/// This process's resident memory in MB (Linux), 0 elsewhere.
fn resident_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let people = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let project = relational::synth::generate(people, 11);
    let doc = Document::new(project, None, Origin::New);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| {
            RelationalApp::with_document(cc.egui_ctx.clone(), doc, Box::new(NoDialogs))
        });
    harness.state_mut().views.view = View::People;
    for _ in 0..3 {
        harness.step();
    }
    let before = resident_mb();
    harness.state_mut().views.view = View::Map;
    let mut frames = 0;
    while harness.state().views.map_view.is_arranging() || frames < 5 {
        harness.step();
        frames += 1;
        if frames > 5_000 {
            break;
        }
    }
    for _ in 0..5 {
        harness.step();
    }
    let after = resident_mb();
    println!(
        "{people} people: {before:.1} MB resident before the map, {after:.1} MB with it \
         ({:+.1} MB), {frames} frames to settle",
        after - before
    );
    let picture = harness.state().views.map_view.picture();
    println!(
        "on screen: {} people, {} lines, {} names",
        picture.nodes.len(),
        picture.edges.len(),
        picture.nodes.iter().filter(|n| n.label.is_some()).count()
    );
    let started = std::time::Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        std::hint::black_box(relational::map::raster::crowd_pixels(
            &picture.edges,
            &picture.nodes,
            picture.size,
            1.0,
        ));
    }
    println!(
        "drawing the crowd on the CPU: {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
}
