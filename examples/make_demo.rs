//! Writes `assets/demo.ron`, the demo project a first run opens.
//! Run with `cargo run --example make_demo` after changing the demo.

use chrono::{NaiveDate, NaiveTime};
use relational::model::{
    Answer, Ask, FollowUp, Introduction, Kept, Meeting, MeetingKind, MeetingStatus, Owner, Person,
    PersonId, Project, SetupChannel, Stage, ThemeNotes,
};

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).expect("demo dates are valid")
}

fn at(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("demo times are valid")
}

struct PersonSpec {
    name: &'static str,
    role: &'static str,
    org: &'static str,
    stage: Stage,
    team: bool,
    tags: &'static str,
    why: &'static str,
    values: &'static str,
    skills: &'static str,
    reason: &'static str,
}

const RGH: &str = "Riverside General Hospital";

fn people() -> Vec<PersonSpec> {
    use Stage::*;
    let p = |name, role, org, stage, team, tags, why, values, skills, reason| PersonSpec {
        name,
        role,
        org,
        stage,
        team,
        tags,
        why,
        values,
        skills,
        reason,
    };
    vec![
        p(
            "Dolores Fuentes",
            "ICU nurse, 14 years",
            RGH,
            Leader,
            true,
            "nurse, ICU, day shift",
            "Lost a patient on a night when she had four ICU beds alone.",
            "Nobody should be cared for by someone too tired to think.",
            "Respected on every floor; trains new nurses; bilingual.",
            "She is the person new nurses go to; if she moves, the ICU moves.",
        ),
        p(
            "Marcus Bell",
            "Respiratory therapist",
            RGH,
            Active,
            true,
            "therapist, nights",
            "Covers three units at night and cannot reach them all.",
            "Fairness; keeping his word.",
            "Spreadsheets; knows every night-shift worker by name.",
            "Connects the night shift, which we barely reach.",
        ),
        p(
            "Aisha Rahman",
            "Night-shift nurse, medical floor",
            RGH,
            Committed,
            false,
            "nurse, nights",
            "Works double shifts to cover gaps and misses her kids' evenings.",
            "Family; faith; doing the job right.",
            "Calm under pressure; writes well.",
            "Trusted by the newer nurses on nights.",
        ),
        p(
            "Tomasz Nowak",
            "Porter",
            RGH,
            Met,
            false,
            "support staff",
            "Sees patients waiting on trolleys for hours.",
            "Dignity for patients.",
            "Moves through every department every day.",
            "Eyes and ears across the whole building.",
        ),
        p(
            "Grace Okonkwo",
            "Pharmacist",
            RGH,
            Active,
            true,
            "pharmacy, day shift",
            "Medication errors rise when wards are short.",
            "Safety; evidence.",
            "Data from incident reports; careful speaker.",
            "Can make the safety case with numbers.",
        ),
        p(
            "Luis Herrera",
            "Emergency nurse",
            RGH,
            Committed,
            false,
            "nurse, ER",
            "Had to choose which patient to see first, every hour, for a whole shift.",
            "Courage; standing up for coworkers.",
            "Plays in a band that fills the union hall.",
            "Respected in the ER, where turnover is worst.",
        ),
        p(
            "Hannah Cho",
            "Nursing student, final year",
            "Riverside Community College",
            Met,
            false,
            "student",
            "Wonders whether she will last a year on the wards.",
            "Learning; community.",
            "Organized a student food pantry.",
            "Students are the next staff; she can reach them.",
        ),
        p(
            "James Whitfield",
            "Pastor",
            "Grace Chapel",
            Leader,
            true,
            "faith, community",
            "Visits congregants who wait hours in the ER.",
            "Care for the stranger.",
            "A room for 200 people; a voice the city council listens to.",
            "Brings the congregation, and the congregation brings the neighborhood.",
        ),
        p(
            "Rosa Delgado",
            "Home health aide",
            "Grace Chapel",
            Met,
            false,
            "faith, home care",
            "Her mother was discharged too early and came back within a week.",
            "Family; persistence.",
            "Knows every family on Alder Street.",
            "A patient's family voice, not only a worker's.",
        ),
        p(
            "Kevin Tran",
            "Lab technician",
            RGH,
            Contacted,
            false,
            "lab",
            "Results are late because the lab is short too.",
            "",
            "",
            "Opens a door to the lab staff.",
        ),
        p(
            "Fatima Yusuf",
            "Unit clerk",
            RGH,
            Identified,
            false,
            "support staff",
            "",
            "",
            "",
            "Two people named her as the person who knows how the rotas really work.",
        ),
        p(
            "Ben Adler",
            "Retired physician",
            "",
            Met,
            false,
            "retired, community",
            "Watched staffing fall for thirty years.",
            "Public service.",
            "Writes op-eds; knows the hospital board.",
            "Credibility with the board and press.",
        ),
        p(
            "Priya Natarajan",
            "Social worker",
            RGH,
            Committed,
            false,
            "social work",
            "Cannot discharge patients safely without home support.",
            "Justice; family.",
            "Runs meetings well; fluent in Tamil.",
            "Links the hospital to community services.",
        ),
        p(
            "Olu Adeyemi",
            "Paramedic",
            "City Ambulance Service",
            Contacted,
            false,
            "EMS",
            "Waits at the ER door with patients because there is no bed.",
            "",
            "",
            "Shows the crisis reaches beyond the hospital walls.",
        ),
        p(
            "Maria Santos",
            "Dietary aide",
            RGH,
            Identified,
            false,
            "support staff",
            "",
            "",
            "",
            "Rosa says she speaks up at every break-room argument.",
        ),
        p(
            "Jerome Washington",
            "Union steward",
            "Local 402",
            Active,
            true,
            "union",
            "Files grievances every week that staffing would prevent.",
            "Solidarity.",
            "Knows the contract inside out; can book the union hall.",
            "The bridge between our campaign and the union.",
        ),
        p(
            "Nina Petrova",
            "Physical therapist",
            RGH,
            Met,
            false,
            "therapist",
            "Patients lose mobility waiting for therapy.",
            "Independence.",
            "Runs a weekend running club.",
            "Reaches the therapy departments.",
        ),
        p(
            "Carlos Mendez",
            "Security officer",
            RGH,
            Identified,
            false,
            "support staff",
            "",
            "",
            "",
            "Tomasz says he sees the ER waiting room at its worst.",
        ),
        p(
            "Emily Fischer",
            "Patient advocate",
            "Patients First",
            Contacted,
            false,
            "advocacy",
            "Hears patient complaints that go nowhere.",
            "",
            "",
            "Carries patient stories.",
        ),
        p(
            "Samuel Osei",
            "Nursing assistant",
            RGH,
            Identified,
            false,
            "nurse aide",
            "",
            "",
            "",
            "Ruth met him on her volunteer shift.",
        ),
        p(
            "Linh Pham",
            "Pediatric nurse",
            RGH,
            Met,
            false,
            "nurse, pediatrics",
            "Children's ward lost two nurses and nobody replaced them.",
            "Care; honesty.",
            "Draws; made the flyers for the school fundraiser.",
            "Opens the pediatric floor.",
        ),
        p(
            "Ruth Goldberg",
            "Retired teacher, hospital volunteer",
            "Friends of Riverside",
            Committed,
            false,
            "volunteer, retired",
            "Sees lonely patients nobody has time to sit with.",
            "Education; kindness.",
            "Has a phone list of 150 volunteers.",
            "The volunteers are an untapped base.",
        ),
        p(
            "Diego Alvarez",
            "Housekeeping",
            RGH,
            Identified,
            false,
            "support staff",
            "",
            "",
            "",
            "Maria's cousin; works every ward on evenings.",
        ),
        p(
            "Keisha Brown",
            "Nurse educator",
            RGH,
            Contacted,
            false,
            "nurse, education",
            "Trains nurses who leave within the year.",
            "",
            "",
            "Sees every new hire in their first month.",
        ),
    ]
}

fn main() {
    let mut project = Project::new("Safe Staffing at Riverside", "Sam Rivera", day(9, 1));
    project.info.sentence.who =
        "nurses, support staff and patients' families at Riverside General".into();
    project.info.sentence.what = "win a safe-staffing agreement with ratios on every ward".into();
    project.info.sentence.how = "building a leadership team of eight through one-to-ones, then petitions and a public hearing".into();
    project.info.sentence.why =
        "no one should be cared for by someone too stretched to care".into();
    project.info.sentence.when = "before the budget vote in March".into();
    project.info.reflection.story_of_us = "We are the people who keep Riverside running at 3am. We have watched colleagues burn out and patients wait. This winter we decide together what safe care means.".into();
    project.info.reflection.debrief = "October: one-to-ones on nights reach people days never see. Next: a second team member holding one-to-ones each week.".into();
    let me = project.me;
    if let Some(sam) = project.people.get_mut(&me) {
        sam.role = "Organizer".into();
        sam.organization = "Riverside Health Alliance".into();
        sam.phone = "555-0100".into();
        sam.email = "sam@example.org".into();
        sam.values = "Power comes from relationships, built one conversation at a time.".into();
    }
    let mut ids = vec![me];
    for (i, spec) in people().into_iter().enumerate() {
        let id = project.new_person_id();
        let mut person = Person::new(id, spec.name, day(9, 2 + (i as u32 % 25)));
        person.role = spec.role.into();
        person.organization = spec.org.into();
        person.stage = spec.stage;
        person.leadership_team = spec.team;
        person.tags = relational::model::parse_tags(spec.tags);
        person.why_they_care = spec.why.into();
        person.values = spec.values.into();
        person.skills_assets = spec.skills.into();
        person.reason_to_build = spec.reason.into();
        person.phone = format!("555-01{:02}", i + 1);
        project.people.insert(id, person);
        ids.push(id);
    }
    let by_name = |project: &Project, name: &str| -> PersonId {
        project
            .people
            .values()
            .find(|p| p.name == name)
            .map(|p| p.id)
            .expect("demo names are known")
    };
    let intros = [
        (
            "Sam Rivera",
            "Dolores Fuentes",
            9,
            3,
            "Met at the health fair",
        ),
        (
            "Sam Rivera",
            "James Whitfield",
            9,
            4,
            "Sam's own congregation",
        ),
        (
            "Dolores Fuentes",
            "Aisha Rahman",
            9,
            20,
            "Covers her nights",
        ),
        ("Dolores Fuentes", "Marcus Bell", 9, 20, ""),
        ("Dolores Fuentes", "Jerome Washington", 9, 21, "Her steward"),
        ("Aisha Rahman", "Luis Herrera", 10, 6, "Trained together"),
        ("Aisha Rahman", "Fatima Yusuf", 10, 6, "Knows the rotas"),
        ("Marcus Bell", "Fatima Yusuf", 10, 9, ""),
        ("Marcus Bell", "Kevin Tran", 10, 9, ""),
        (
            "Luis Herrera",
            "Hannah Cho",
            10,
            27,
            "His student on placement",
        ),
        (
            "Luis Herrera",
            "Olu Adeyemi",
            10,
            27,
            "Sees him at the ER door every night",
        ),
        (
            "Hannah Cho",
            "Linh Pham",
            11,
            10,
            "Her mentor on pediatrics",
        ),
        ("James Whitfield", "Rosa Delgado", 9, 29, ""),
        (
            "James Whitfield",
            "Ben Adler",
            9,
            29,
            "Sits on the chapel board",
        ),
        ("James Whitfield", "Ruth Goldberg", 10, 1, ""),
        ("Rosa Delgado", "Maria Santos", 10, 22, ""),
        ("Maria Santos", "Diego Alvarez", 11, 12, "Her cousin"),
        ("Jerome Washington", "Tomasz Nowak", 10, 2, ""),
        ("Jerome Washington", "Grace Okonkwo", 10, 2, ""),
        ("Tomasz Nowak", "Carlos Mendez", 10, 30, ""),
        ("Grace Okonkwo", "Priya Natarajan", 10, 14, ""),
        ("Grace Okonkwo", "Keisha Brown", 10, 14, ""),
        ("Priya Natarajan", "Emily Fischer", 11, 4, ""),
        ("Ben Adler", "Nina Petrova", 10, 20, "His former patient"),
        (
            "Ruth Goldberg",
            "Samuel Osei",
            11,
            15,
            "Met on her volunteer shift",
        ),
    ];
    for (from, to, month, d, note) in intros {
        let id = project.new_introduction_id();
        let intro = Introduction {
            id,
            introducer: by_name(&project, from),
            introduced: by_name(&project, to),
            date: Some(day(month, d)),
            meeting: None,
            note: note.into(),
        };
        project.introductions.insert(id, intro);
    }
    add_meetings(&mut project, &by_name);
    arrange_map(&mut project);
    relational::store::save(&project, std::path::Path::new("assets/demo.ron"))
        .expect("the demo project can be written");
    let (people, meetings, intros) = project.counts();
    println!("wrote assets/demo.ron: {people} people, {meetings} meetings, {intros} introductions");
}

/// Saves a settled force layout, so the demo's map opens arranged.
fn arrange_map(project: &mut Project) {
    use relational::map::Network;
    use relational::map::arrange::{ForceRun, Placement, position_edits};
    let network = Network::from_project(project);
    let mut run = ForceRun::start(&network, &Placement::saved(project, &network), false);
    run.run_to_end(10_000);
    for edit in position_edits(project, &network, run.positions()) {
        edit.apply(project).expect("positions of known people");
    }
}

struct MeetingSpec {
    person: &'static str,
    by: &'static str,
    kind: MeetingKind,
    status: MeetingStatus,
    when: (u32, u32, u32, u32),
    place: &'static str,
    purpose: &'static str,
    notes: ThemeNotes,
    ask: Option<Ask>,
    follow_up: Option<(&'static str, u32, u32, Owner, bool)>,
}

fn notes(values: &str, interests: &str, story: &str, exchange: &str) -> ThemeNotes {
    ThemeNotes {
        values: values.into(),
        interests: interests.into(),
        story_shared: story.into(),
        exchange_made: exchange.into(),
        ..ThemeNotes::default()
    }
}

fn ask(
    action: &str,
    month: u32,
    d: u32,
    hour: u32,
    place: &str,
    wording: &str,
    answer: Answer,
) -> Option<Ask> {
    Some(Ask {
        action: action.into(),
        day: Some(day(month, d)),
        time: Some(at(hour, 0)),
        place: place.into(),
        wording: wording.into(),
        answer,
        ..Ask::default()
    })
}

fn meeting_specs() -> Vec<MeetingSpec> {
    use MeetingKind::*;
    use MeetingStatus::*;
    vec![
        MeetingSpec {
            person: "Dolores Fuentes",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (9, 10, 17, 30),
            place: "Corner Café on 5th",
            purpose: "Learn what keeps her at Riverside and whether she sees the staffing problem the way others do.",
            notes: notes(
                "Patients first, always; her father was a nurse too.",
                "Wants new nurses to stay past their first year.",
                "Told the story of the night with four ICU beds. I shared why I left teaching to organize.",
                "I will bring data on turnover; she will introduce me to three coworkers.",
            ),
            ask: ask(
                "host a house meeting",
                9,
                24,
                19,
                "her home on Alder Street",
                "Can I count on you to host a house meeting for six coworkers on Thursday the 24th at 7pm at your place?",
                Answer::Yes,
            ),
            follow_up: Some(("Send turnover figures", 9, 14, Owner::Me, true)),
        },
        MeetingSpec {
            person: "James Whitfield",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (9, 12, 10, 0),
            place: "Grace Chapel office",
            purpose: "Hear how the congregation experiences the hospital.",
            notes: notes(
                "Care for the stranger; the church should be where people are hurting.",
                "A public hearing the council cannot ignore.",
                "His congregant waited nine hours in the ER with a broken hip.",
                "I offered training for his care team; he offered the hall.",
            ),
            ask: ask(
                "speak for five minutes at our meeting",
                10,
                4,
                11,
                "Grace Chapel",
                "Will you speak for five minutes at our October 4th meeting at 11am at the chapel?",
                Answer::Yes,
            ),
            follow_up: None,
        },
        MeetingSpec {
            person: "Aisha Rahman",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (9, 28, 8, 0),
            place: "Hospital cafeteria, after her night shift",
            purpose: "Understand the night shift from someone who lives it.",
            notes: notes(
                "Faith and family; doing the job right even when it costs her.",
                "Predictable schedules; fewer double shifts.",
                "Missed her son's graduation covering a gap.",
                "I'll keep meetings to her hours; she'll bring two night nurses.",
            ),
            ask: ask(
                "phonebank with me",
                10,
                16,
                18,
                "the union hall",
                "Can I count on you to phonebank with me this Friday at 6pm at the union hall?",
                Answer::Yes,
            ),
            follow_up: Some(("Thank-you note and the flyer", 9, 30, Owner::Me, true)),
        },
        MeetingSpec {
            person: "Luis Herrera",
            by: "Dolores Fuentes",
            kind: Introductory,
            status: Held,
            when: (10, 14, 16, 0),
            place: "Break room, ER",
            purpose: "Dolores's one-to-one: find out what the ER needs.",
            notes: notes(
                "Standing up for coworkers.",
                "Safe ratios in the ER first.",
                "Told how he triaged a full waiting room alone.",
                "He will play a benefit set; we will promote it.",
            ),
            ask: ask(
                "hold one-to-ones with two ER coworkers",
                10,
                28,
                15,
                "the ER break room",
                "Will you hold one-to-ones with two ER coworkers by the 28th, 3pm, in the break room?",
                Answer::CounterOffer("One coworker this month, another in November".into()),
            ),
            follow_up: Some((
                "Check in on his first one-to-one",
                10,
                29,
                Owner::Them,
                false,
            )),
        },
        MeetingSpec {
            person: "Grace Okonkwo",
            by: "Sam Rivera",
            kind: FollowUp,
            status: Held,
            when: (10, 20, 12, 30),
            place: "Riverside Park bench by the pharmacy",
            purpose: "Follow up on the incident data she offered.",
            notes: notes(
                "Evidence before opinion.",
                "A report the board has to answer.",
                "Showed a month of medication incidents against staffing levels.",
                "I'll draft; she'll check every number.",
            ),
            ask: ask(
                "join the leadership team meeting",
                11,
                3,
                18,
                "the union hall",
                "Can you join the leadership team meeting on November 3rd at 6pm at the union hall?",
                Answer::Yes,
            ),
            follow_up: None,
        },
        MeetingSpec {
            person: "Ben Adler",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (10, 8, 14, 0),
            place: "His home study",
            purpose: "Learn the hospital's history and whether he would speak publicly.",
            notes: notes(
                "Medicine is a public service.",
                "A board that listens to front-line staff.",
                "Remembers when Riverside had twice the nurses.",
                "He'll write an op-ed; I'll connect him with nurses for quotes.",
            ),
            ask: ask(
                "write an op-ed",
                10,
                25,
                9,
                "the Riverside Herald",
                "Would you write an op-ed by Sunday the 25th?",
                Answer::No,
            ),
            follow_up: None,
        },
        MeetingSpec {
            person: "Ruth Goldberg",
            by: "James Whitfield",
            kind: Introductory,
            status: Held,
            when: (10, 15, 10, 30),
            place: "Friends of Riverside lounge",
            purpose: "Pastor James's one-to-one: can the volunteers join the campaign?",
            notes: notes(
                "Kindness; teaching.",
                "Patients who are not alone.",
                "Taught 35 years; volunteers every Tuesday.",
                "She'll share our flyer; we'll speak at the volunteers' lunch.",
            ),
            ask: ask(
                "bring five volunteers",
                11,
                12,
                12,
                "the volunteers' lunch",
                "Can you bring five volunteers to the lunch on November 12th at noon?",
                Answer::Yes,
            ),
            follow_up: None,
        },
        MeetingSpec {
            person: "Hannah Cho",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (11, 5, 15, 0),
            place: "College library café",
            purpose: "Hear what students see on placement.",
            notes: notes(
                "Community; learning.",
                "A first job where she can learn safely.",
                "Watched a preceptor cry in the supply room.",
                "I'll visit her class; she'll gather students.",
            ),
            ask: ask(
                "help canvass students",
                11,
                21,
                10,
                "the college quad",
                "Would you help canvass students sometime next week?",
                Answer::Pending,
            ),
            follow_up: Some(("Send class visit dates", 11, 8, Owner::Me, false)),
        },
        MeetingSpec {
            person: "Priya Natarajan",
            by: "Sam Rivera",
            kind: Introductory,
            status: Held,
            when: (11, 2, 13, 0),
            place: "Hospital garden",
            purpose: "Understand discharge pressure.",
            notes: notes(
                "Justice for families.",
                "Safe discharges with home support.",
                "A patient sent home with no one to care for him.",
                "She'll map community services; I'll bring families.",
            ),
            ask: ask(
                "co-lead the house meeting",
                11,
                14,
                18,
                "the community center",
                "Can I count on you to co-lead the house meeting on November 14th at 6pm at the community center?",
                Answer::NotYet,
            ),
            follow_up: Some(("Call back about the house meeting", 11, 9, Owner::Me, false)),
        },
        MeetingSpec {
            person: "Nina Petrova",
            by: "Sam Rivera",
            kind: Introductory,
            status: NoShow,
            when: (11, 6, 17, 0),
            place: "Riverside Park entrance",
            purpose: "First one-to-one, introduced by Ben.",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: Some(("Reschedule with Nina", 11, 10, Owner::Me, false)),
        },
        MeetingSpec {
            person: "Tomasz Nowak",
            by: "Jerome Washington",
            kind: Introductory,
            status: Cancelled,
            when: (11, 9, 12, 0),
            place: "Union office",
            purpose: "Jerome's one-to-one with Tomasz.",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: None,
        },
        MeetingSpec {
            person: "Linh Pham",
            by: "Sam Rivera",
            kind: Introductory,
            status: Confirmed,
            when: (11, 23, 16, 0),
            place: "Corner Café on 5th",
            purpose: "Learn about the pediatric ward.",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: None,
        },
        MeetingSpec {
            person: "Kevin Tran",
            by: "Sam Rivera",
            kind: Introductory,
            status: Planned,
            when: (11, 24, 12, 30),
            place: "",
            purpose: "First one-to-one: how is the lab coping?",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: None,
        },
        MeetingSpec {
            person: "Marcus Bell",
            by: "Sam Rivera",
            kind: LeadershipDevelopment,
            status: Confirmed,
            when: (11, 25, 7, 30),
            place: "Diner on Main, after nights",
            purpose: "Plan his first one-to-ones with night-shift coworkers.",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: None,
        },
        MeetingSpec {
            person: "Keisha Brown",
            by: "Grace Okonkwo",
            kind: Introductory,
            status: Planned,
            when: (12, 1, 15, 30),
            place: "Education center, room 2",
            purpose: "Grace's one-to-one: what does she see in new hires?",
            notes: ThemeNotes::default(),
            ask: None,
            follow_up: None,
        },
    ]
}

fn add_meetings(project: &mut Project, by_name: &dyn Fn(&Project, &str) -> PersonId) {
    for spec in meeting_specs() {
        let id = project.new_meeting_id();
        let mut meeting =
            Meeting::new(id, by_name(project, spec.person), by_name(project, spec.by));
        meeting.kind = spec.kind;
        meeting.status = spec.status;
        let (month, d, hour, minute) = spec.when;
        meeting.start = Some(day(month, d).and_time(at(hour, minute)));
        meeting.place = spec.place.into();
        meeting.purpose = spec.purpose.into();
        meeting.setup = Some(if spec.kind == MeetingKind::Introductory {
            SetupChannel::Introduction
        } else {
            SetupChannel::Phone
        });
        meeting.notes = spec.notes;
        meeting.ask = spec.ask.map(Box::new);
        if let Some(ask) = &mut meeting.ask
            && ask.answer == Answer::Yes
            && ask.day.is_some_and(|d| d < day(11, 1))
        {
            ask.kept = Kept::Kept;
            ask.confirmed = true;
        }
        if let Some((what, month, d, owner, done)) = spec.follow_up {
            let follow_up = project.new_follow_up_id();
            meeting.follow_ups.push(FollowUp {
                id: follow_up,
                what: what.into(),
                due: Some(day(month, d)),
                owner,
                done,
            });
        }
        project.meetings.insert(id, meeting);
    }
}
