//! Foundation benchmarks on generated projects: file load and save, one
//! frame of the people view, and one edit plus its undo.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use relational::history::History;
use relational::model::{Edit, Project};
use relational::synth;
use relational::ui::people::{PeopleView, people_view_ui};

/// The one project state these benchmarks draw.
const REVISION: relational::workspace::Revision = relational::workspace::Revision {
    generation: 1,
    serial: 0,
};

fn store_benches(c: &mut Criterion) {
    let project = synth::generate(10_000, 1);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    relational::store::save(&project, &path).expect("saves");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("10,000-person project file: {:.1} MB", bytes as f64 / 1e6);

    let mut group = c.benchmark_group("store_10k_people");
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter(|| black_box(relational::store::load(&path).expect("loads")));
    });
    group.bench_function("save", |b| {
        b.iter(|| relational::store::save(black_box(&project), &path).expect("saves"));
    });
    // Protected: the per-file work (encrypting, decrypting) at the smallest
    // key derivation, so the figure compares with the plain one; the
    // derivation itself, done once on opening and ahead of each save on
    // its own thread, is measured apart at the tuned cost.
    let protected = dir.path().join("protected.ron");
    let passphrase = relational::store::Passphrase::new("benchmark passphrase");
    let cheap = relational::store::Protection::with_work_factor(passphrase.clone(), 1);
    relational::store::save_protected(&project, &protected, Some(&cheap)).expect("saves");
    group.bench_function("load_protected", |b| {
        b.iter(|| {
            black_box(
                relational::store::load_protected(&protected, Some(&passphrase)).expect("loads"),
            )
        });
    });
    group.bench_function("save_protected", |b| {
        b.iter(|| {
            relational::store::save_protected(black_box(&project), &protected, Some(&cheap))
                .expect("saves")
        });
    });
    group.finish();
    let tuned = relational::store::crypto::tuned_work_factor();
    println!("tuned key derivation here: work factor {tuned}");
    let mut group = c.benchmark_group("key_derivation");
    group.sample_size(10);
    group.bench_function("tuned", |b| {
        b.iter(|| {
            let protection =
                relational::store::Protection::with_work_factor(passphrase.clone(), tuned);
            black_box(protection.encrypt(b"x").expect("encrypts"))
        });
    });
    group.finish();
}

/// What keeping work safe costs at 10,000 people: the snapshot taken on
/// the UI thread for a recovery copy, writing that copy (on its own
/// thread in the app), and the changed-on-disk check before a save.
fn safety_benches(c: &mut Criterion) {
    let project = synth::generate(10_000, 1);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = relational::store::RecoveryStore::new(dir.path().join("recovery"));
    let slot = store.slot_for_untitled("bench");
    let path = dir.path().join("big.ron");
    let stamp = relational::store::save(&project, &path).expect("saves");

    let mut group = c.benchmark_group("safety_10k_people");
    group.sample_size(10);
    group.bench_function("recovery_snapshot", |b| {
        b.iter(|| black_box(project.clone()));
    });
    group.bench_function("recovery_write", |b| {
        b.iter(|| {
            store
                .write(&slot, None, black_box(&project), None)
                .expect("writes")
        });
    });
    group.bench_function("changed_on_disk_check", |b| {
        b.iter(|| black_box(stamp.changed_on_disk(&path)));
    });
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

fn people_view_frame(c: &mut Criterion) {
    // 60,000: the size a large import makes; with the added columns
    // (phone, next step, notes) and 500 people ticked.
    for (people, columns) in [(10_000, false), (60_000, false), (60_000, true)] {
        let project = synth::generate(people, 1);
        let ctx = egui::Context::default();
        let mut view = PeopleView::default();
        if columns {
            use relational::query::people::ExtraColumn;
            view.columns = vec![
                ExtraColumn::Phone,
                ExtraColumn::NextStep,
                ExtraColumn::Text(relational::model::TextField::Notes),
            ];
            view.marked = project.people.keys().copied().step_by(120).collect();
        }
        let mut commands = Vec::new();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
        let mut frame = |ctx: &egui::Context| {
            let output = ctx.run_ui(frame_input(), |ui| {
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    people_view_ui(
                        ui,
                        &project,
                        (REVISION, day),
                        &mut view,
                        None,
                        &mut commands,
                    );
                });
            });
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        };
        // The first frames lay out fonts and fill the row cache.
        for _ in 0..3 {
            frame(&ctx);
        }
        let name = if columns {
            format!("people_view_frame_{}k_people_with_columns", people / 1000)
        } else {
            format!("people_view_frame_{}k_people", people / 1000)
        };
        c.bench_function(&name, |b| b.iter(|| frame(&ctx)));
    }
}

/// One frame of the dashboard, tessellated.
fn dashboard_frame_once(
    ctx: &egui::Context,
    project: &Project,
    view: &mut relational::ui::dashboard::DashboardView,
    now: chrono::NaiveDateTime,
) {
    let mut commands = Vec::new();
    let output = ctx.run_ui(frame_input(), |ui| {
        relational::ui::dashboard::dashboard_ui(ui, project, REVISION, now, view, &mut commands);
    });
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

/// One frame of each dashboard tab at 10,000 people (30,000 meetings),
/// "now" inside the generated dates so every list has rows.
fn dashboard_frame(c: &mut Criterion) {
    use relational::ui::dashboard::{DashboardTab, DashboardView};
    let project = synth::generate(10_000, 1);
    let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a valid moment");
    let ctx = egui::Context::default();
    let mut view = DashboardView::default();
    for (tab, name) in [
        (DashboardTab::FollowUp, "dashboard_frame_10k_people"),
        (
            DashboardTab::Leadership,
            "dashboard_leadership_frame_10k_people",
        ),
        (DashboardTab::Trends, "dashboard_trends_frame_10k_people"),
    ] {
        view.tab = tab;
        // The first frames lay out fonts and fill the caches.
        for _ in 0..3 {
            dashboard_frame_once(&ctx, &project, &mut view, now);
        }
        c.bench_function(name, |b| {
            b.iter(|| dashboard_frame_once(&ctx, &project, &mut view, now));
        });
    }
    // After an edit the lists are worked out again, once.
    c.bench_function("dashboard_lists_10k_people", |b| {
        b.iter(|| black_box(relational::dashboard::follow_up_lists(&project, now, 30)));
    });
    // A project grown by import: the 10,000 above and 50,000 people from
    // a roster, with no meetings yet.
    let mut imported = project.clone();
    let day = now.date();
    for n in 0..50_000 {
        let id = imported.new_person_id();
        let mut person = relational::model::Person::new(id, format!("Roster Person {n}"), day);
        person.tags = vec!["import: roster.csv".into()];
        imported.people.insert(id, person);
    }
    c.bench_function("dashboard_lists_60k_people_after_import", |b| {
        b.iter(|| black_box(relational::dashboard::follow_up_lists(&imported, now, 30)));
    });
}

fn edit_and_undo(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_plus_undo");
    for people in [1_000, 10_000] {
        let mut project: Project = synth::generate(people, 2);
        let mut history = History::default();
        let id = *project.people.keys().nth(people / 2).expect("a person");
        group.bench_with_input(BenchmarkId::from_parameter(people), &people, |b, _| {
            b.iter(|| {
                let mut person = project.people[&id].clone();
                person.notes.push('x');
                history
                    .apply(
                        &mut project,
                        Edit::PutPerson(Box::new(person)),
                        "edit",
                        None,
                    )
                    .expect("applies");
                history.undo(&mut project).expect("undoes");
            });
        });
    }
    group.finish();
}

/// Searching 10,000 people: the shared name search (every word, any case
/// or accent) against a plain lower-case `contains` on the same fields,
/// the way the people search worked before, as the baseline.
fn people_search(c: &mut Criterion) {
    let project = synth::generate(10_000, 1);
    let query = relational::query::people::PeopleQuery {
        search: "ana nurse".to_owned(),
        ..Default::default()
    };
    let mut group = c.benchmark_group("people_search_10k");
    group.bench_function("shared_name_search", |b| {
        b.iter(|| black_box(relational::query::people::run(&project, black_box(&query))));
    });
    group.bench_function("plain_contains_baseline", |b| {
        b.iter(|| {
            let words = ["ana", "nurse"];
            let found: Vec<_> = project
                .people
                .values()
                .filter(|p| {
                    let text = relational::query::people::searchable_text(p).to_lowercase();
                    words.iter().all(|w| text.contains(w))
                })
                .map(|p| p.id)
                .collect();
            black_box(found)
        });
    });
    group.finish();
}

/// The command palette at 10,000 people (and 30,000 meetings): building
/// its index once per project state, and one keystroke's query.
fn palette(c: &mut Criterion) {
    use relational::query::palette::{PaletteIndex, find};
    let project = synth::generate(10_000, 1);
    let commands: Vec<(usize, &str)> = ["Save", "Open…", "Meetings", "Map", "Add person"]
        .into_iter()
        .enumerate()
        .collect();
    let mut group = c.benchmark_group("palette_10k");
    group.bench_function("build_index", |b| {
        b.iter(|| black_box(PaletteIndex::build(black_box(&project))));
    });
    let index = PaletteIndex::build(&project);
    group.bench_function("query_keystroke", |b| {
        b.iter(|| black_box(find(&index, &commands, black_box("ana ruz"), 12)));
    });
    group.finish();
}

/// Search across everything at 10,000 people: building the index once
/// per project state, and one query.
fn search_everything(c: &mut Criterion) {
    use relational::query::everything::SearchIndex;
    let project = synth::generate(10_000, 1);
    let mut group = c.benchmark_group("search_everything_10k");
    group.bench_function("build_index", |b| {
        b.iter(|| black_box(SearchIndex::build(black_box(&project))));
    });
    let index = SearchIndex::build(&project);
    group.bench_function("query", |b| {
        b.iter(|| black_box(index.search(black_box("family rent"), 60)));
    });
    group.finish();
}

/// The analyzer runs on every keystroke in the wording: per ask, on a
/// long framed ask and a short soft one.
fn analyze_ask(c: &mut Criterion) {
    let long = "When my mother was sent home too early, nobody called. Nurses from four \
                wards are meeting in homes this month. The budget vote is in March. Ana, can \
                I count on you to knock doors with me between 11:30 and 1 on Thursday, \
                December 3 or the 10th of December at 6 in Maple Heights?";
    let short = "Will you come to a phonebank sometime?";
    let mut group = c.benchmark_group("analyze_ask");
    group.bench_function("framed_long", |b| {
        b.iter(|| black_box(relational::ask::analyze(black_box(long))));
    });
    group.bench_function("short_soft", |b| {
        b.iter(|| black_box(relational::ask::analyze(black_box(short))));
    });
    group.finish();
}

criterion_group!(
    benches,
    analyze_ask,
    palette,
    search_everything,
    store_benches,
    safety_benches,
    people_search,
    people_view_frame,
    dashboard_frame,
    edit_and_undo
);
criterion_main!(benches);
