//! Table-driven tests of ask analysis, composition and recording.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::*;
use crate::model::{Answer, Ask, Kept, Project, Stage};
use Specific::{Action, Day, Place, Time};
use Strength::{Hard, Soft};

/// (ask, strength, hedges found, specifics missing)
type Case = (
    &'static str,
    Strength,
    &'static [&'static str],
    &'static [Specific],
);

const SLIDE_14: &[Case] = &[
    (
        "John, is there any possible way I could get you to do me the favor of attending just \
         this one phonebank at some point down the line?",
        Soft,
        &[
            "is there any possible way",
            "do me the favor",
            "just",
            "at some point",
            "down the line",
        ],
        &[Day, Time, Place],
    ),
    (
        "John, will you come to a phonebank sometime?",
        Soft,
        &["sometime"],
        &[Day, Time, Place],
    ),
    (
        "John, I want to give you the exciting opportunity to phonebank on Wednesday at 5pm or \
         Thursday at 6pm! Can I count on you?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "John, can I count on you to come to a phonebank this Friday at 6pm?",
        Hard,
        &[],
        &[Place],
    ),
];

const OWN_ASKS: &[Case] = &[
    // Hard asks, with and without a place.
    (
        "Can I count on you to phonebank with me this Friday at 6pm at the union hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you host a house meeting on Saturday at 2pm at your place?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you canvass with us tomorrow at 10am in the library parking lot?",
        Hard,
        &[],
        &[],
    ),
    (
        "Ana, can I count on you to speak at the council meeting on March 14 at 7pm?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you bring two coworkers to the team meeting on 3/14 at 18:00 at Grace Chapel?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can I count on you to call five members next Tuesday at 6:30 pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Are you in for the rally today at noon at City Hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you testify at the hearing on December 3rd at 9 a.m. at the county building?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you come Wednesday at 5pm or Thursday at 6pm to the office?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Can I count on you to lead the training on Sunday at 3pm in the church basement?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you sign up three neighbors tonight at 8pm at the laundromat?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can we count on you to phone bank on Monday at 12:30pm at the union hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you knock doors this Saturday at 11am in Elm Park?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you host the gathering on 11/28 at 7:15 pm at your apartment?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you recruit two nurses by Friday at 5pm?",
        Hard,
        &[],
        &[Place],
    ),
    // Hedges make an ask soft even when it is specific.
    (
        "Could you maybe phonebank this Friday at 6pm at the union hall?",
        Soft,
        &["maybe"],
        &[],
    ),
    (
        "Can you just come to the meeting on Monday at 7pm at the library?",
        Soft,
        &["just"],
        &[],
    ),
    (
        "No pressure, but will you canvass Saturday at 10am at the park?",
        Soft,
        &["no pressure"],
        &[],
    ),
    (
        "If you have time, can you call members Tuesday at 6pm?",
        Soft,
        &["if you have time"],
        &[Place],
    ),
    (
        "Any chance you could host on Friday at 7pm at your house?",
        Soft,
        &["any chance"],
        &[],
    ),
    (
        "Will you perhaps speak on Thursday at 6pm at the hall?",
        Soft,
        &["perhaps"],
        &[],
    ),
    (
        "Can you possibly bring a friend on Sunday at noon at church?",
        Soft,
        &["possibly"],
        &[],
    ),
    (
        "Let me know if you can come Tuesday at 5pm to the office.",
        Soft,
        &["let me know if"],
        &[Place],
    ),
    (
        "Will you eventually lead a training on Monday at 6pm?",
        Soft,
        &["eventually"],
        &[Place],
    ),
    (
        "When you get a chance, will you sign the petition today at noon?",
        Soft,
        &["when you get a chance"],
        &[Place],
    ),
    (
        "Could you do me a favor and phonebank Friday at 6pm at the hall?",
        Soft,
        &["do me a favor"],
        &[],
    ),
    (
        "Will you help out at some point?",
        Soft,
        &["at some point"],
        &[Day, Time, Place],
    ),
    (
        "Will you come by some time?",
        Soft,
        &["some time"],
        &[Day, Time, Place],
    ),
    (
        "Can you volunteer down the line, if you can?",
        Soft,
        &["down the line", "if you can"],
        &[Day, Time, Place],
    ),
    // Missing specifics make an ask soft without any hedge.
    (
        "Can I count on you to phonebank this Friday?",
        Soft,
        &[],
        &[Time, Place],
    ),
    (
        "Will you canvass at 6pm at the union hall?",
        Soft,
        &[],
        &[Day],
    ),
    (
        "Can you come to the team meeting?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
    (
        "Will you be there on Monday at the library?",
        Soft,
        &[],
        &[Action, Time],
    ),
    // No direct request.
    (
        "I hope you'll phonebank this Friday at 6pm at the union hall.",
        Soft,
        &[],
        &[],
    ),
    (
        "It would be great to see you at the meeting on Tuesday at 7pm.",
        Soft,
        &[],
        &[],
    ),
    (
        "We need people to canvass Saturday at 10am in Elm Park.",
        Soft,
        &[],
        &[],
    ),
    // Words that look like hedges or places but are not.
    (
        "Will you testify to justify the budget at the hearing on Monday at 9am?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you come sometimes? Say Friday at 6pm at the hall.",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you come in the morning on Friday at 9am at the clinic?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can I count on you to speak on March 4 at 6pm in person at the forum?",
        Hard,
        &[],
        &[],
    ),
    (
        "Are you in? Phonebank Thursday 7pm, union hall.",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Will you call the members at 6pm?",
        Soft,
        &[],
        &[Day, Place],
    ),
];

/// Phrasings organizers use that a word list misses: bare hours once a day
/// is named, ordinals, possessive weekdays, "tonight", written dates,
/// ranges, 24-hour times, actions by their verb, places only where named.
const REAL_PHRASING: &[Case] = &[
    // A bare hour after "at" once a day is named.
    (
        "Can I count on you to phonebank tomorrow at 7?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Will you canvass Thursday at 6 at the union hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you come Saturday at 10 to help set up?",
        Hard,
        &[],
        &[Place],
    ),
    ("Will you be at the meeting at 7?", Soft, &[], &[Day, Time]),
    ("Can you make calls by Friday at 5?", Hard, &[], &[Place]),
    // Ordinal days.
    (
        "Can I count on you to speak on the 12th at 6pm at city hall?",
        Hard,
        &[],
        &[],
    ),
    ("Will you host on the 3rd at 7pm?", Hard, &[], &[Place]),
    (
        "Can you join us the 21st at noon in the break room?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you lead the 2nd shift meeting at 6pm?",
        Soft,
        &[],
        &[Day, Place],
    ),
    // Possessive and plural weekdays.
    (
        "Can I count on you to bring two coworkers to Monday's building meeting at 6pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Will you join Tuesday's phonebank at 5:30pm at the office?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you table Wednesdays at noon in the cafeteria?",
        Hard,
        &[],
        &[],
    ),
    // Tonight, this evening, this afternoon.
    (
        "Can you call three members tonight at 8?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Will you come to the vigil this evening at 7 at Saint Anne's?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can I count on you to text the list this afternoon at 3pm?",
        Hard,
        &[],
        &[Place],
    ),
    ("Can you come tonight?", Soft, &[], &[Time, Place]),
    // Actions outside any word list.
    (
        "Can I count on you to knock doors this Saturday at 10am in Maple Heights?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you deliver flyers to the night shift on Friday at 11pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Would you commit to chairing the bargaining survey on Monday at 4pm at the hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Are you in for painting banners Sunday at 1pm at Rosa's garage?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you drive two elders to the hearing on Thursday at 9am?",
        Hard,
        &[],
        &[Place],
    ),
    ("Will you be there?", Soft, &[], &[Action, Day, Time, Place]),
    // Places only where a place is named.
    (
        "Are you interested in volunteering on Saturday at 10am?",
        Soft,
        &[],
        &[Place],
    ),
    (
        "Can you help out in your spare time?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
    (
        "Will you phonebank in the evening on Tuesday at 6pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Can you sign cards on the loading dock Friday at 2pm?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you speak in favor of the contract on Monday at 7pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Can you canvass with us in Elm Park on Sunday at 11am?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you meet me in person on Wednesday at 5pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Can you come by at 123 Main Street on Friday at 6pm?",
        Hard,
        &[],
        &[],
    ),
    ("Will you call in on Friday at 6pm?", Hard, &[], &[Place]),
    (
        "Can you help on the phone Thursday at 7pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Will you join the picket in front of the plant on Friday at 6am?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you be involved in organizing on the 5th at 6pm?",
        Hard,
        &[],
        &[Place],
    ),
    // 24-hour times, noon and midnight.
    (
        "Can I count on you to leaflet at 07:30 on Monday at Gate 3?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you join the night picket Friday at midnight at the depot?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you come on Friday at 18:30 to the office?",
        Hard,
        &[],
        &[Place],
    ),
    ("Will you speak Friday at 25:00?", Soft, &[], &[Time, Place]),
    // Time ranges.
    (
        "Can you table between 11:30 and 1 on Thursday in the cafeteria?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you canvass Saturday from 10 to 2 in Ward 5?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you phonebank Tuesday 6-8pm at the hall?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you host the potluck Sunday 2 to 4pm at your place?",
        Hard,
        &[],
        &[],
    ),
    // Written dates.
    (
        "Can I count on you to testify on 3/17 at 9am at the capitol?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you march with us Dec 10 at noon from Union Square?",
        Hard,
        &[],
        &[],
    ),
    (
        "Can you speak on the 10th of December at 7pm at the library?",
        Hard,
        &[],
        &[],
    ),
    (
        "Will you come to the training on December 10th at 6pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "Can you lead the tour on 10 December at 2pm at the museum?",
        Hard,
        &[],
        &[],
    ),
    ("Will you host on Jan. 8 at 7pm?", Hard, &[], &[Place]),
    (
        "Can you come in March to help?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
    (
        "Will you sign up 5 coworkers by 12/1/2027 at 5pm?",
        Hard,
        &[],
        &[Place],
    ),
    (
        "May I ask you to phonebank?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
    // Hedges in new clothes.
    (
        "Would you be open to phonebanking Friday at 6pm?",
        Soft,
        &["would you be open to"],
        &[Place],
    ),
    (
        "Can you come whenever works?",
        Soft,
        &["whenever"],
        &[Day, Time, Place],
    ),
    (
        "If you're free, can you canvass Saturday at 10am?",
        Soft,
        &["if you're free"],
        &[Place],
    ),
    (
        "Can you try to bring a coworker Monday at 6pm?",
        Soft,
        &["try to"],
        &[Place],
    ),
    (
        "Will you think about hosting on Sunday at 4pm?",
        Soft,
        &["think about"],
        &[Place],
    ),
    (
        "No worries if not, but can you call members tomorrow at 6pm?",
        Soft,
        &["no worries if not"],
        &[Place],
    ),
    // No direct request, however specific.
    (
        "We're knocking doors Saturday at 10am at the union hall.",
        Soft,
        &[],
        &[],
    ),
    ("The rally is Friday at noon at City Hall.", Soft, &[], &[]),
    (
        "I'd love to see you at the phonebank tomorrow at 6pm.",
        Soft,
        &[],
        &[],
    ),
    // Near misses: numbers that are not times or days.
    (
        "Will you bring 3 coworkers Friday?",
        Soft,
        &[],
        &[Time, Place],
    ),
    (
        "Can you get 2 to 3 signatures on Monday?",
        Soft,
        &[],
        &[Time, Place],
    ),
    (
        "Can you recruit 10 nurses at 6?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
    (
        "Will you read chapter 7 on Sunday?",
        Soft,
        &[],
        &[Time, Place],
    ),
    (
        "Can you sat with us at lunch?",
        Soft,
        &[],
        &[Day, Time, Place],
    ),
];

fn check(cases: &[Case]) {
    let mut wrong = Vec::new();
    for (text, strength, hedges, missing) in cases {
        let analysis = analyze(text);
        let found: Vec<&str> = analysis.soft_phrases.iter().map(|p| p.phrase).collect();
        if analysis.strength != *strength || found != *hedges || analysis.missing != *missing {
            wrong.push(format!(
                "{text:?}: got {:?}, hedges {found:?}, missing {:?}",
                analysis.strength, analysis.missing
            ));
        }
        for phrase in &analysis.soft_phrases {
            assert_eq!(
                text[phrase.range.clone()].to_lowercase(),
                phrase.phrase,
                "range of {:?} in {text:?}",
                phrase.phrase
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_four_asks_of_slide_14_get_the_slides_labels() {
    check(SLIDE_14);
}

#[test]
fn own_asks_cover_every_rule() {
    assert!(OWN_ASKS.len() >= 40, "{} asks", OWN_ASKS.len());
    check(OWN_ASKS);
}

#[test]
fn real_phrasing_reads_right() {
    assert!(REAL_PHRASING.len() >= 60, "{} asks", REAL_PHRASING.len());
    check(REAL_PHRASING);
}

#[test]
fn specifics_point_at_their_words() {
    let text = "Can I count on you to phonebank this Friday at 6:30 pm at the union hall?";
    let analysis = analyze(text);
    let at = |specific| {
        analysis
            .found
            .iter()
            .find(|(s, _)| *s == specific)
            .map(|(_, r)| &text[r.clone()])
    };
    assert_eq!(at(Action), Some("phonebank"));
    assert_eq!(at(Day), Some("this Friday"));
    assert_eq!(at(Time), Some("6:30 pm"));
    assert_eq!(at(Place), Some("the union hall"));
    assert!(analysis.direct_request);
}

#[test]
fn suggestions_say_what_to_fix() {
    let analysis = analyze("Maybe come by sometime?");
    let suggestions = analysis.suggestions();
    assert!(
        suggestions
            .iter()
            .any(|s| s.starts_with("ask for a yes or no"))
    );
    assert!(suggestions.iter().any(|s| s.starts_with("name a day")));
    assert!(suggestions.contains(&"drop 'sometime'".to_owned()));
    assert!(suggestions.contains(&"drop 'maybe'".to_owned()));
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        "?",
        "at",
        "in",
        "12:",
        "99pm",
        "3/",
        "at 5",
        "ünïcödé at 6pm 🙂",
        "1/1/1/1",
        "at\n",
        "2026-",
        "2026-13-45",
        "the 31st of February at 6pm",
        "between",
        "from at",
        "11-",
        "6:",
        "at 6 o'",
        "Dec.",
        "12/31/",
        "on the",
        "count on you to",
    ] {
        let _ = analyze(text);
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
}

#[test]
fn days_read_naturally_from_the_meeting_day() {
    // Monday, November 23, 2026.
    let today = day(23);
    assert_eq!(day_phrase(day(23), today), "today");
    assert_eq!(day_phrase(day(24), today), "tomorrow");
    assert_eq!(day_phrase(day(27), today), "this Friday");
    assert_eq!(day_phrase(day(29), today), "this Sunday");
    assert_eq!(day_phrase(day(30), today), "next Monday");
    assert_eq!(
        day_phrase(
            NaiveDate::from_ymd_opt(2026, 12, 12).unwrap_or_default(),
            today
        ),
        "Saturday, December 12"
    );
    assert_eq!(
        day_phrase(
            NaiveDate::from_ymd_opt(2027, 3, 14).unwrap_or_default(),
            today
        ),
        "Sunday, March 14, 2027"
    );
}

#[test]
fn times_read_naturally() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    assert_eq!(time_phrase(t(18, 0)), "6pm");
    assert_eq!(time_phrase(t(18, 30)), "6:30pm");
    assert_eq!(time_phrase(t(12, 0)), "noon");
    assert_eq!(time_phrase(t(0, 0)), "midnight");
    assert_eq!(time_phrase(t(9, 5)), "9:05am");
}

#[test]
fn composed_asks_with_frame_and_two_options_are_hard() {
    let draft = AskDraft {
        name: "Ana".into(),
        action: "host a house meeting".into(),
        day: Some(day(25)),
        time: NaiveTime::from_hms_opt(17, 0, 0),
        second_option: day(26).and_hms_opt(18, 0, 0),
        place: "your place".into(),
        story: "When my mother was sent home too early, nobody called".into(),
        context: "Nurses from four wards are meeting in homes this month".into(),
        urgency: "The budget vote is in March".into(),
        challenge: "We need 40 people at the hearing".into(),
        today: day(23),
    };
    let text = compose(&draft);
    assert!(text.starts_with("When my mother was sent home too early, nobody called. Nurses"));
    assert!(text.ends_with(
        "Ana, can I count on you to host a house meeting this Wednesday at 5pm or this Thursday at 6pm at your place?"
    ), "{text}");
    assert_eq!(analyze(&text).strength, Hard);
}

#[test]
fn a_draft_without_day_and_time_composes_a_soft_ask() {
    let draft = AskDraft {
        action: "canvass with us".into(),
        today: day(23),
        ..AskDraft::default()
    };
    let text = compose(&draft);
    assert_eq!(text, "Can I count on you to canvass with us?");
    assert_eq!(analyze(&text).missing, vec![Day, Time, Place]);
}

fn project_with_ask() -> (Project, crate::model::PersonId, crate::model::MeetingId) {
    let mut build = crate::synth::ProjectBuilder::new(day(1));
    let ana = build.person_with("Ana", |person| person.stage = Stage::Met);
    let id = build.meeting_with(ana, |meeting| {
        meeting.place = "Corner café".into();
        meeting.ask = Some(Box::new(Ask {
            action: "phonebank with me".into(),
            day: Some(day(27)),
            time: NaiveTime::from_hms_opt(18, 0, 0),
            place: "the union hall".into(),
            ..Ask::default()
        }));
    });
    (build.build(), ana, id)
}

#[test]
fn a_yes_commits_the_person_and_adds_the_confirmation_call() {
    let (mut project, ana, id) = project_with_ask();
    let before = project.clone();
    let edit = record_answer(&mut project, id, Answer::Yes).expect("plan");
    let inverse = edit.apply(&mut project).expect("applies");
    assert_eq!(project.people[&ana].stage, Stage::Committed);
    let meeting = &project.meetings[&id];
    assert_eq!(
        meeting.ask.as_ref().map(|a| a.answer.clone()),
        Some(Answer::Yes)
    );
    let call = meeting.follow_ups.first().expect("follow-up");
    assert_eq!(call.what, "Call to confirm: phonebank with me");
    assert_eq!(call.due, Some(day(26)));
    inverse.apply(&mut project).expect("undo");
    assert_eq!(project, before);
}

#[test]
fn a_second_yes_adds_no_second_call_and_a_no_changes_no_stage() {
    let (mut project, ana, id) = project_with_ask();
    record_answer(&mut project, id, Answer::Yes)
        .and_then(|e| e.apply(&mut project))
        .expect("yes");
    record_answer(&mut project, id, Answer::Yes)
        .and_then(|e| e.apply(&mut project))
        .expect("yes");
    assert_eq!(project.meetings[&id].follow_ups.len(), 1);
    let (mut project, _, id) = project_with_ask();
    record_answer(&mut project, id, Answer::No)
        .and_then(|e| e.apply(&mut project))
        .expect("no");
    assert_eq!(project.people[&ana].stage, Stage::Met);
    assert!(project.meetings[&id].follow_ups.is_empty());
}

#[test]
fn a_kept_commitment_makes_the_person_active() {
    let (mut project, ana, id) = project_with_ask();
    record_answer(&mut project, id, Answer::Yes)
        .and_then(|e| e.apply(&mut project))
        .expect("yes");
    record_kept(&project, id, Kept::Kept)
        .and_then(|e| e.apply(&mut project))
        .expect("kept");
    assert_eq!(project.people[&ana].stage, Stage::Active);
    assert_eq!(
        project.meetings[&id].ask.as_ref().map(|a| a.kept),
        Some(Kept::Kept)
    );
    record_kept(&project, id, Kept::NotKept)
        .and_then(|e| e.apply(&mut project))
        .expect("not kept");
    assert_eq!(
        project.people[&ana].stage,
        Stage::Active,
        "stages never drop by themselves"
    );
}

#[test]
fn places_used_before_are_offered_most_used_first() {
    let (project, _, _) = project_with_ask();
    assert_eq!(places_used(&project), ["Corner café", "the union hall"]);
    let text = commitment_text(
        project
            .meetings
            .values()
            .next()
            .and_then(|m| m.ask.as_ref())
            .expect("ask"),
        day(23),
    );
    assert_eq!(text, "phonebank with me, Fri 27 Nov, 18:00, the union hall");
}

#[test]
fn an_answer_ticks_the_ask_and_a_yes_ticks_the_commitments() {
    let (mut project, _, id) = project_with_ask();
    record_answer(&mut project, id, Answer::No)
        .and_then(|e| e.apply(&mut project))
        .expect("no");
    let checklist = &project.meetings[&id].checklist;
    assert!(checklist.contains("during.ask"));
    assert!(!checklist.contains("after.commitments"));
    record_answer(&mut project, id, Answer::Yes)
        .and_then(|e| e.apply(&mut project))
        .expect("yes");
    assert!(
        project.meetings[&id]
            .checklist
            .contains("after.commitments")
    );
    let (mut project, _, id) = project_with_ask();
    record_answer(&mut project, id, Answer::Pending)
        .and_then(|e| e.apply(&mut project))
        .expect("pending");
    assert!(project.meetings[&id].checklist.is_empty());
}

#[test]
fn recording_the_commitment_closes_its_call_to_confirm() {
    let (mut project, _, id) = project_with_ask();
    record_answer(&mut project, id, Answer::Yes)
        .and_then(|e| e.apply(&mut project))
        .expect("yes");
    assert!(project.meetings[&id].follow_ups.iter().all(|f| !f.done));
    record_kept(&project, id, Kept::NotKept)
        .and_then(|e| e.apply(&mut project))
        .expect("not kept");
    assert!(project.meetings[&id].follow_ups.iter().all(|f| f.done));
}

/// (ask, action, day, time, place) as the words of the ask.
type Pointed = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

const POINTED: &[Pointed] = &[
    (
        "Can I count on you to knock doors with me tomorrow at 7 in Maple Heights?",
        Some("knock doors with me"),
        Some("tomorrow"),
        Some("7"),
        Some("Maple Heights"),
    ),
    (
        "Would you commit to chairing the survey on Monday's shift at 4pm?",
        Some("chairing the survey"),
        Some("Monday's"),
        Some("4pm"),
        None,
    ),
    (
        "Are you interested in volunteering on the 12th at 6pm at St. Mary's hall?",
        Some("volunteering"),
        Some("the 12th"),
        Some("6pm"),
        Some("St. Mary's hall"),
    ),
    (
        "Can you table between 11:30 and 1 on Thursday, December 3 in the cafeteria?",
        Some("table"),
        Some("Thursday, December 3"),
        Some("between 11:30 and 1"),
        Some("the cafeteria"),
    ),
    (
        "Will you bring two coworkers to the team meeting next Tuesday at 18:00?",
        Some("bring two coworkers to the team meeting"),
        Some("next Tuesday"),
        Some("18:00"),
        None,
    ),
];

#[test]
fn each_specific_points_at_its_words() {
    let mut wrong = Vec::new();
    for (text, action, day, time, place) in POINTED {
        let analysis = analyze(text);
        let at = |specific| {
            analysis
                .found
                .iter()
                .find(|(s, _)| *s == specific)
                .map(|(_, r)| &text[r.clone()])
        };
        let got = (at(Action), at(Day), at(Time), at(Place));
        if got != (*action, *day, *time, *place) {
            wrong.push(format!("{text:?}: got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn days_and_times_named_read_as_dates_and_clock_times() {
    // Said on Tuesday 1 December 2026.
    let said_on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let date = |m, d| NaiveDate::from_ymd_opt(if m == 12 { 2026 } else { 2027 }, m, d);
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let cases: &[(&str, Option<NaiveDate>, Option<NaiveTime>)] = &[
        (
            "Can you come this Friday at 6pm?",
            date(12, 4),
            Some(t(18, 0)),
        ),
        (
            "Can you come next Friday at 6pm?",
            date(12, 11),
            Some(t(18, 0)),
        ),
        ("Can you come tomorrow at 7?", date(12, 2), Some(t(19, 0))),
        ("Can you come tonight at 8?", date(12, 1), Some(t(20, 0))),
        ("Can you come Saturday at 10?", date(12, 5), Some(t(10, 0))),
        (
            "Can you come on the 12th at 6:30?",
            date(12, 12),
            Some(t(18, 30)),
        ),
        ("Can you come 3/17 at noon?", date(3, 17), Some(t(12, 0))),
        ("Can you come Jan 8th at 09:15?", date(1, 8), Some(t(9, 15))),
        (
            "Can you come the 10th of December at midnight?",
            date(12, 10),
            Some(t(0, 0)),
        ),
        ("Can you come Sunday 2 to 4pm?", date(12, 6), Some(t(14, 0))),
        ("Can you come Sunday 11-1pm?", date(12, 6), Some(t(11, 0))),
        (
            "Can you come on the 1st at 6pm?",
            date(12, 1),
            Some(t(18, 0)),
        ),
        (
            "Can you come November 30 at 6pm?",
            date(11, 30).map(|d| d.with_year(2027).unwrap_or(d)),
            Some(t(18, 0)),
        ),
    ];
    for (text, day, time) in cases {
        let analysis = analyze(text);
        let read_day = analysis.days.first().and_then(|(d, _)| d.resolve(said_on));
        let read_time = analysis.times.first().map(|(t, _)| t.time);
        assert_eq!((read_day, read_time), (*day, *time), "{text}");
    }
    let bare = analyze("Can you come Friday at 7?");
    let (seven, _) = bare.times[0];
    assert!(seven.could_be(t(7, 0)) && seven.could_be(t(19, 0)));
    let evening = analyze("Can you come tonight at 7?");
    assert!(!evening.times[0].0.could_be(t(7, 0)));
}

#[test]
fn a_place_the_project_uses_counts_without_a_preposition() {
    let places = vec!["Rosa's kitchen".to_owned()];
    let text = "Can you host Friday at 6pm, Rosa's kitchen?";
    assert!(analyze(text).missing.contains(&Place));
    let known = analyze_with_places(text, &places);
    assert!(known.missing.is_empty(), "{:?}", known.missing);
}

proptest::proptest! {
    #[test]
    fn any_text_reads_without_panic_and_ranges_fall_on_characters(
        text in "(?s)[ a-zA-Z0-9:/.,'’\\-–éł李?]{0,80}"
    ) {
        let analysis = analyze(&text);
        let ranges = analysis
            .found
            .iter()
            .map(|(_, r)| r.clone())
            .chain(analysis.soft_phrases.iter().map(|p| p.range.clone()))
            .chain(analysis.days.iter().map(|(_, r)| r.clone()))
            .chain(analysis.times.iter().map(|(_, r)| r.clone()));
        for range in ranges {
            proptest::prop_assert!(text.get(range.clone()).is_some(), "{range:?}");
        }
    }
}
