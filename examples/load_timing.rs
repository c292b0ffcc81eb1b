//! Times encoding, parsing and saving a large generated project, step by
//! step. `cargo run --release --example load_timing [PEOPLE]`

use std::time::Instant;

fn main() {
    let people = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let project = relational::synth::generate(people, 1);
    let started = Instant::now();
    let text = relational::store::to_ron_string(&project).unwrap_or_default();
    let megabytes = text.len() as f64 / 1e6;
    println!("encode: {:?} ({megabytes:.1} MB)", started.elapsed());
    let started = Instant::now();
    let loaded = relational::store::parse(text.as_bytes());
    println!(
        "parse and repair: {:?} (ok: {})",
        started.elapsed(),
        loaded.is_ok()
    );
    let path = std::env::temp_dir().join("relational_timing.ron");
    let started = Instant::now();
    let saved = relational::store::save(&project, &path);
    println!(
        "save to disk: {:?} (ok: {})",
        started.elapsed(),
        saved.is_ok()
    );
}
