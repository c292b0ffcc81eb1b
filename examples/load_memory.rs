//! Resident memory of loading a project file, step by step: what the
//! window starts from before drawing anything.
//! `cargo run --release --example load_memory PROJECT.ron`

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
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_memory PROJECT.ron");
        std::process::exit(2);
    };
    println!("start: {:.1} MB", resident_mb());
    match relational::store::load(std::path::Path::new(&path)) {
        Ok(loaded) => {
            println!(
                "loaded {} people, {} meetings: {:.1} MB",
                loaded.project.people.len(),
                loaded.project.meetings.len(),
                resident_mb()
            );
            drop(loaded);
            println!("dropped: {:.1} MB", resident_mb());
        }
        Err(error) => eprintln!("{error}"),
    }
}
