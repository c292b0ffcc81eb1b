//! Writes a realistic test project for trying every screen: 45 people with
//! names in several scripts, one 300-character name, two people nobody
//! introduced, and no saved map positions (the map lays them out fresh).
//! Run with `cargo run --example make_realistic -- OUT.ron [PEOPLE]`
//! (45 people unless told; 10000 makes the large project for memory checks).

use relational::model::{Edit, Person};

const NAMES: [&str; 12] = [
    "Élodie Marchand",
    "Łukasz Wiśniewski",
    "Nguyễn Thị Lan",
    "李明",
    "محمد العلي",
    "Siobhán Ó Briain",
    "Zoë Kowalczyk",
    "José Ángel Núñez",
    "Ngozi Okonkwo-Adebayo",
    "Þórunn Jónsdóttir",
    "Ayşe Yılmaz",
    "Dương Văn Minh",
];

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "realistic.ron".to_owned());
    let people = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(45);
    let mut project = relational::synth::generate(people, 11);
    project.info.name = "Riverside tenants".to_owned();
    let ids: Vec<_> = project.people.keys().copied().skip(1).collect();
    for (id, name) in ids.iter().zip(NAMES) {
        if let Some(person) = project.people.get_mut(id) {
            person.name = name.to_owned();
        }
    }
    let mut long = String::new();
    while long.chars().count() < 290 {
        long.push_str("Bartłomiej Nguyễn 李明 محمد Fernández-Wójcik ");
    }
    if let Some(person) = ids.get(20).and_then(|id| project.people.get_mut(id)) {
        person.name = long.trim().to_owned();
    }
    project.map_positions.clear();
    for name in ["Kwame Mensah", "Ingrid Solberg"] {
        let id = project.new_person_id();
        let person = Person::new(
            id,
            name,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
        );
        if let Err(error) = Edit::PutPerson(Box::new(person)).apply(&mut project) {
            eprintln!("could not add {name}: {error}");
        }
    }
    match relational::store::save(&project, std::path::Path::new(&out)) {
        Ok(_) => println!("wrote {out}"),
        Err(error) => {
            eprintln!("could not write {out}: {error}");
            std::process::exit(1);
        }
    }
}
