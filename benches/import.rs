//! Import at scale: reading and previewing a 50,000-row CSV, matching it
//! against a 10,000-person project (indexes, never pairwise), and planning
//! the edit.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use relational::import;
use relational::synth;

fn import_benches(c: &mut Criterion) {
    let project = synth::generate(10_000, 3);
    let bytes = synth::roster_csv(&project, 40_000);
    println!("50,000-row roster: {:.1} MB", bytes.len() as f64 / 1e6);
    let source = import::read_bytes("roster.csv", bytes.clone()).expect("reads");
    let mapping = import::fields::guess_all(&source.table.headers);
    let mut group = c.benchmark_group("import_50k_rows");
    group.sample_size(10);
    group.bench_function("preview", |b| {
        b.iter(|| {
            let source = import::read_bytes("roster.csv", black_box(bytes.clone())).expect("reads");
            black_box(import::fields::guess_all(&source.table.headers))
        });
    });
    group.bench_function("match_against_10k", |b| {
        b.iter(|| black_box(import::match_source(&project, &source, &mapping)));
    });
    let rows = import::match_source(&project, &source, &mapping);
    group.bench_function("plan_and_apply", |b| {
        b.iter(|| {
            let mut copy = project.clone();
            let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
            let (edit, _) = import::plan::build(&mut copy, &rows, "roster.csv", day);
            black_box(edit.apply(&mut copy).expect("applies"))
        });
    });
    group.finish();
    let project_copy = project.clone();
    group_duplicates(c, project_copy);
}

fn group_duplicates(c: &mut Criterion, project: relational::model::Project) {
    c.bench_function("find_duplicates_10k", |b| {
        b.iter(|| black_box(import::duplicates::find(&project)));
    });
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
