//! A 60,000-person project made by import: 10,000 generated people and a
//! 60,000-row roster (10,000 of them already in the project). Times the
//! import, then saving and loading the result.
//! `cargo run --release --example import_scale`

use std::time::Instant;

fn main() {
    let mut project = relational::synth::generate(10_000, 3);
    let bytes = relational::synth::roster_csv(&project, 50_000);
    let started = Instant::now();
    let Ok(source) = relational::import::read_bytes("roster.csv", bytes) else {
        eprintln!("the roster did not read");
        return;
    };
    let mapping = relational::import::fields::guess_all(&source.table.headers);
    let rows = relational::import::match_source(&project, &source, &mapping);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
    let (edit, report) = relational::import::plan::build(&mut project, &rows, "roster.csv", day);
    if let Err(error) = edit.apply(&mut project) {
        eprintln!("the import was refused: {error}");
        return;
    }
    println!(
        "read, match and apply 60,000 rows: {:?} ({} added, {} updated, {} up to date, {} skipped)",
        started.elapsed(),
        report.added.len(),
        report.updated.len(),
        report.unchanged,
        report.skipped.len()
    );
    let path = std::env::temp_dir().join("relational_import_scale.ron");
    let started = Instant::now();
    let saved = relational::store::save(&project, &path);
    let megabytes = std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "save {} people: {:?} ({megabytes:.1} MB, ok: {})",
        project.people.len(),
        started.elapsed(),
        saved.is_ok()
    );
    let started = Instant::now();
    let loaded = relational::store::load(&path);
    println!(
        "load: {:?} (ok: {})",
        started.elapsed(),
        loaded.as_ref().is_ok_and(|l| l.warnings.is_empty())
    );
    let _removed = std::fs::remove_file(&path);
    let _removed = std::fs::remove_file(relational::store::backup_path(&path));
}
