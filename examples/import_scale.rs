//! A 60,000-person project made by import: 10,000 generated people and a
//! 60,000-row roster (10,000 of them already in the project). Times the
//! import, then saving and loading the result.
//! `cargo run --release --example import_scale`

use std::time::Instant;

fn roster(project: &relational::model::Project) -> Vec<u8> {
    let mut text = String::from("Name,Personal Email,Mobile Phone,Worksite,Department\r\n");
    for person in project.people.values() {
        text.push_str(&format!(
            "{},{},{},\"{}\",Ward {}\r\n",
            person.name,
            person.email.to_uppercase(),
            person.phone,
            person.organization,
            person.id.0 % 40
        ));
    }
    for n in 0..50_000 {
        text.push_str(&format!(
            "Némo{n} Ruiz-Łukasik,nemo{n}@example.org,+1 415 {n:07},Plant {},Tooling\r\n",
            n % 12
        ));
    }
    text.into_bytes()
}

fn main() {
    let mut project = relational::synth::generate(10_000, 3);
    let bytes = roster(&project);
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
