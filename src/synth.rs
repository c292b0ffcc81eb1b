//! Large generated projects for benchmarks and tests: `n` people, about
//! `1.2 n` introductions and `3 n` meetings, the same for the same seed.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::model::{
    Answer, Ask, FollowUp, Introduction, Meeting, MeetingKind, MeetingStatus, Owner, Person,
    PersonId, Project, Stage,
};

const FIRST: [&str; 12] = [
    "Ana", "Luis", "Grace", "Omar", "Mei", "Tomás", "Fatima", "Jon", "Priya", "Kofi", "Sara",
    "Ivan",
];
const LAST: [&str; 10] = [
    "Ruiz", "Okafor", "Nguyen", "Kowalski", "Haddad", "Silva", "Park", "Mensah", "Larsen", "Diaz",
];
const ORGS: [&str; 6] = [
    "Riverside Hospital",
    "Tenants of Elm Street",
    "Local 402",
    "Grace Chapel",
    "Northside School",
    "Bus Depot 7",
];

/// A small, fast, deterministic random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Generates a project with `people` people (the organizer included).
pub fn generate(people: usize, seed: u64) -> Project {
    let mut rng = Rng(seed);
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut project = Project::new("Generated project", "Organizer", start);
    let me = project.me;
    let mut ids = vec![me];
    for i in 1..people {
        let id = project.new_person_id();
        let created = start + Duration::days(rng.below(600) as i64);
        let name = format!("{} {} {i}", rng.pick(&FIRST), rng.pick(&LAST));
        let mut person = Person::new(id, name, created);
        person.organization = rng.pick(&ORGS).to_owned();
        person.role = ["nurse", "teacher", "driver", "tenant", "pastor"][rng.below(5)].to_owned();
        person.stage = Stage::ALL[rng.below(Stage::ALL.len())];
        person.leadership_team = rng.below(40) == 0;
        person.tags = vec![["health", "housing", "transit", "schools"][rng.below(4)].to_owned()];
        person.values = "Fairness at work; looking after family.".to_owned();
        person.why_they_care = "Saw a coworker hurt by short staffing.".to_owned();
        project.people.insert(id, person);
        ids.push(id);
    }
    add_introductions(&mut project, &ids, &mut rng, start);
    add_meetings(&mut project, &ids, &mut rng, start);
    project
}

/// Each person after the first few is introduced by someone earlier, which
/// makes a tree rooted at the organizer; a fifth get a second introducer.
fn add_introductions(
    project: &mut Project,
    ids: &[crate::model::PersonId],
    rng: &mut Rng,
    start: NaiveDate,
) {
    let count = ids.len() * 6 / 5;
    for k in 0..count {
        let introduced_index = 1 + k % ids.len().saturating_sub(1).max(1);
        let Some(&introduced) = ids.get(introduced_index) else {
            break;
        };
        let introducer = ids[rng.below(introduced_index)];
        if introducer == introduced {
            continue;
        }
        let id = project.new_introduction_id();
        let intro = Introduction {
            id,
            introducer,
            introduced,
            date: Some(start + Duration::days(rng.below(600) as i64)),
            meeting: None,
            note: String::new(),
        };
        project.introductions.insert(id, intro);
    }
}

fn add_meetings(
    project: &mut Project,
    ids: &[crate::model::PersonId],
    rng: &mut Rng,
    start: NaiveDate,
) {
    let me = project.me;
    // Meetings are with someone other than the organizer.
    if ids.len() < 2 {
        return;
    }
    for _ in 0..ids.len() * 3 {
        let id = project.new_meeting_id();
        let person = ids[1 + rng.below(ids.len() - 1)];
        let mut meeting = Meeting::new(id, person, me);
        meeting.kind = MeetingKind::ALL[rng.below(3)];
        meeting.status = MeetingStatus::ALL[rng.below(5)];
        let day = start + Duration::days(rng.below(700) as i64);
        let time = NaiveTime::from_hms_opt(9 + rng.below(10) as u32, 0, 0).unwrap_or_default();
        meeting.start = Some(day.and_time(time));
        meeting.place = "Corner café".to_owned();
        meeting.purpose = "Get to know each other and talk about staffing.".to_owned();
        meeting.notes.values = "Family first; believes in fairness.".to_owned();
        if meeting.status == MeetingStatus::Held {
            meeting.ask = Some(Box::new(Ask {
                action: "phonebank".to_owned(),
                day: Some(day + Duration::days(3)),
                time: Some(time),
                place: "Union hall".to_owned(),
                answer: [Answer::Yes, Answer::No, Answer::Pending][rng.below(3)].clone(),
                ..Ask::default()
            }));
            let follow_up = project.new_follow_up_id();
            meeting.follow_ups.push(FollowUp {
                id: follow_up,
                what: "Send the meeting notes".to_owned(),
                due: Some(day + Duration::days(2)),
                owner: Owner::Me,
                done: rng.below(2) == 0,
            });
        }
        project.meetings.insert(id, meeting);
    }
}

/// A roster as an HR export writes it, for import benchmarks: a row for
/// everyone in `project` (emails in capitals, a department as a tag) and
/// `newcomers` rows of people not in it, with distinct emails and phones.
pub fn roster_csv(project: &Project, newcomers: usize) -> Vec<u8> {
    let mut text = String::from(
        "First Name,Last Name,Personal Email,Mobile Phone,Worksite,Job Class,Department,Shift\r\n",
    );
    for person in project.people.values() {
        let (first, last) = person.name.split_once(' ').unwrap_or((&person.name, ""));
        text.push_str(&format!(
            "{first},{last},{},{},\"{}\",{},Ward {},Nights\r\n",
            person.email.to_uppercase(),
            person.phone,
            person.organization,
            person.role,
            person.id.0 % 40
        ));
    }
    for n in 0..newcomers {
        text.push_str(&format!(
            "Némo{n},Ruiz-Łukasik,nemo{n}@example.org,+1 415 {n:07},\"Plant {}, North\",Machinist,Tooling,Days\r\n",
            n % 12
        ));
    }
    text.into_bytes()
}

/// Small hand-made projects for tests, built through the model's edits so
/// every fixture obeys the same rules a real project does.
pub struct ProjectBuilder {
    project: crate::model::Project,
    day: chrono::NaiveDate,
}

impl ProjectBuilder {
    /// An empty project named "Test" with "Me", made on `day`.
    pub fn new(day: chrono::NaiveDate) -> Self {
        Self {
            project: crate::model::Project::new("Test", "Me", day),
            day,
        }
    }

    /// The organizer.
    pub fn me(&self) -> PersonId {
        self.project.me
    }

    /// Adds a person named `name`; `shape` sets anything else.
    pub fn person_with(&mut self, name: &str, shape: impl FnOnce(&mut Person)) -> PersonId {
        let id = self.project.new_person_id();
        let mut person = Person::new(id, name, self.day);
        shape(&mut person);
        self.apply(crate::model::Edit::PutPerson(Box::new(person)));
        id
    }

    /// Adds a person named `name`.
    pub fn person(&mut self, name: &str) -> PersonId {
        self.person_with(name, |_| {})
    }

    /// Records that `from` introduced `to`.
    pub fn introduce(&mut self, from: PersonId, to: PersonId) -> crate::model::IntroductionId {
        let id = self.project.new_introduction_id();
        let intro = crate::model::Introduction::new(id, from, to, Some(self.day));
        self.apply(crate::model::Edit::PutIntroduction(Box::new(intro)));
        id
    }

    /// Adds a one-to-one with `person`, held by me; `shape` sets the rest.
    pub fn meeting_with(
        &mut self,
        person: PersonId,
        shape: impl FnOnce(&mut Meeting),
    ) -> crate::model::MeetingId {
        let id = self.project.new_meeting_id();
        let mut meeting = Meeting::new(id, person, self.project.me);
        shape(&mut meeting);
        self.apply(crate::model::Edit::PutMeeting(Box::new(meeting)));
        id
    }

    /// The project so far.
    pub fn project(&self) -> &crate::model::Project {
        &self.project
    }

    /// The finished project.
    pub fn build(self) -> crate::model::Project {
        self.project
    }

    fn apply(&mut self, edit: crate::model::Edit) {
        if let Err(error) = edit.apply(&mut self.project) {
            panic!("a test fixture broke a model rule: {error}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_repeats_the_project_and_adds_newcomers() {
        let project = generate(30, 5);
        let source = crate::import::read_bytes("r.csv", roster_csv(&project, 7)).expect("reads");
        let mapping = crate::import::fields::guess_all(&source.table.headers);
        let rows = crate::import::match_source(&project, &source, &mapping);
        let new = rows
            .iter()
            .filter(|r| r.outcome == crate::import::Outcome::New)
            .count();
        assert_eq!(rows.len(), project.people.len() + 7);
        assert_eq!(new, 7, "everyone already in the project is matched");
    }

    #[test]
    fn has_the_promised_shape() {
        let project = generate(1_000, 7);
        assert_eq!(project.people.len(), 1_000);
        assert_eq!(project.introductions.len(), 1_200);
        assert!(project.meetings.len() > 2_900, "{}", project.meetings.len());
    }

    #[test]
    fn same_seed_same_project() {
        assert_eq!(generate(200, 3), generate(200, 3));
        assert_ne!(generate(200, 3), generate(200, 4));
    }

    #[test]
    fn generated_projects_need_no_repair() {
        let project = generate(300, 1);
        let text = crate::store::to_ron_string(&project).unwrap_or_default();
        let loaded = crate::store::parse(text.as_bytes());
        assert!(matches!(loaded, Ok(ref l) if l.warnings.is_empty()));
    }
}
